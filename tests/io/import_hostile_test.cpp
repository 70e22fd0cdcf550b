// Every meet-software reader on mangled copies of the sample files: each either reads the text
// or throws a Baton error, never anything else (and never crashes).
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>

#include "baton/error.h"
#include "baton/import_hytek.h"
#include "baton/import_hytek_results.h"
#include "baton/import_lynx_evt.h"
#include "baton/import_lynx_lif.h"
#include "baton/import_meetpro.h"
#include "baton/import_opentrack.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using Reader = std::function<ImportedFile(std::string_view, const std::string&)>;

TEST(ImportHostile, MangledSamplesGiveAResultOrABatonError) {
  const std::vector<std::string> files = {"hytek/entries.txt",  "hytek/results.txt",
                                          "lynx/lynx.evt",      "lynx/girls_4x100.lif",
                                          "lynx/girls_100.lif", "opentrack/competition.json",
                                          "meetpro/results.csv"};
  const std::vector<Reader> readers = {read_hytek,    read_hytek_results, read_lynx_evt,
                                       read_lynx_lif, read_opentrack,     read_meetpro};
  const std::string bytes = ";,\"\r\n:.{}[]0123456789hHqDQ \t\x80\xff";
  uint64_t state = 0x9E3779B97F4A7C15ull;  // a fixed seed: the same cases every run
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  for (const std::string& name : files) {
    const std::string original = read_text_file(testing::source_path("tests/data/import/" + name));
    for (int round = 0; round < 300; ++round) {
      std::string text = original;
      const int edits = 1 + static_cast<int>(next() % 4);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const size_t at = next() % text.size();
        switch (next() % 3) {
          case 0:
            text[at] = bytes[next() % bytes.size()];
            break;
          case 1:
            text.erase(at, 1 + next() % 8);
            break;
          default:
            text.insert(at, std::string(1 + next() % 3, bytes[next() % bytes.size()]));
        }
      }
      for (const Reader& read : readers) {
        try {
          read(text, name);
        } catch (const Error&) {
        } catch (const std::exception& e) {
          ADD_FAILURE() << name << " round " << round << ": " << e.what();
        }
      }
      EXPECT_NO_THROW(looks_like_hytek(text));
      EXPECT_NO_THROW(looks_like_hytek_results(text));
      EXPECT_NO_THROW(looks_like_lynx_evt(text));
      EXPECT_NO_THROW(looks_like_lynx_lif(text));
      EXPECT_NO_THROW(looks_like_opentrack(text));
    }
  }
}

}  // namespace
}  // namespace baton
