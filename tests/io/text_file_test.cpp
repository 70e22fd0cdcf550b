// Reading a text file: UTF-8 as it is, UTF-16 with its byte-order mark converted (Windows
// programs' "Unicode text"), anything else refused with the file, the line and the reason.
#include <gtest/gtest.h>

#include <string>

#include "baton/error.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

// `ascii_and_e_acute` in UTF-16 with a byte-order mark: every character below U+0100.
std::string utf16(std::string_view latin1, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : latin1) {
    const char units[2] = {'\0', c};
    out += big_endian ? std::string(units, 2) : std::string({c, '\0'});
  }
  return out;
}

TEST(TextFile, Utf16WithItsByteOrderMarkIsReadAsUtf8) {
  testing::TempDir tmp;
  // "Zoë" in Latin-1 is Z o \xEB; in UTF-8 it is Z o \xC3\xAB.
  const std::string latin1 = "name,sex,100m\r\nZo\xEB Carter,F,12.45\r\n";
  const std::string utf8 = "name,sex,100m\r\nZo\xC3\xAB Carter,F,12.45\r\n";
  for (bool big_endian : {false, true}) {
    const std::string path = tmp.write(big_endian ? "be.csv" : "le.csv", utf16(latin1, big_endian));
    EXPECT_EQ(read_text_file(path), utf8) << (big_endian ? "big-endian" : "little-endian");
  }
}

TEST(TextFile, BrokenUtf16AndBinaryAreRefusedWithTheLine) {
  testing::TempDir tmp;
  const auto message = [&](const std::string& name, const std::string& bytes) {
    try {
      read_text_file(tmp.write(name, bytes));
    } catch (const ParseError& e) {
      return std::to_string(e.where().line) + ": " + e.message();
    }
    return std::string("no error");
  };
  // An odd number of bytes: the last character is cut in half.
  EXPECT_EQ(message("odd.txt", utf16("ab\nc", false) + "d"),
            "2: not valid UTF-16 text at byte 11 (it ends in the middle of a character): save the "
            "file as UTF-8");
  // A low surrogate with no high one before it (U+DC00 little-endian) on line 2.
  EXPECT_EQ(message("surrogate.txt", utf16("a\n", false) + std::string("\x00\xDC", 2)),
            "2: not valid UTF-16 text at byte 7 (a character that cannot be read): save the file "
            "as UTF-8");
  // UTF-16 without its mark has NUL bytes: binary as far as anyone can tell.
  EXPECT_EQ(message("nomark.txt", utf16("a\nb", false).substr(2)),
            "1: file is binary, not text (UTF-16 text needs its byte-order mark; or save it as "
            "UTF-8)");
}

// A spreadsheet saved by Excel as "Unicode text" (tab-separated UTF-16LE) imports as it is.
TEST(TextFile, AUnicodeTextSpreadsheetImports) {
  testing::TempDir tmp;
  const std::string sheet = tmp.write(
      "team.txt",
      utf16("Name\tSex\t100 Meters\r\nZo\xEB Carter\tF\t12.45\r\nAva Brooks\tF\t12.31\r\n", false));
  const std::string db = tmp.file("team.db");
  auto r = testing::run_cli({"--db", db, "import", sheet, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["athletes"]["new"], 2);
  r = testing::run_cli({"--db", db, "roster", "list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Zo\xC3\xAB Carter"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace baton
