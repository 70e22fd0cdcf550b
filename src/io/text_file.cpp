#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <memory>
#include <sstream>

#include "baton/team_file.h"

namespace baton {
namespace {

// Text that starts with a UTF-16 byte-order mark (what Windows programs save as "Unicode
// text"), converted to UTF-8 by the C library's iconv; the mark itself is dropped.
std::string utf16_to_utf8(const std::string& bytes, const std::string& path) {
  const iconv_t cd = iconv_open("UTF-8", "UTF-16");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw ParseError("this system cannot convert UTF-16 text: save the file as UTF-8",
                     Location{path, 0, ""});
  }
  const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');  // UTF-8 needs at most 3 bytes per 2 of UTF-16
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* to = out.data();
  size_t out_left = out.size();
  if (iconv(cd, &in, &in_left, &to, &out_left) == static_cast<size_t>(-1)) {
    const size_t done = out.size() - out_left;
    const int line = 1 + static_cast<int>(std::count(out.begin(), out.begin() + done, '\n'));
    throw ParseError(fmt::format("not valid UTF-16 text at byte {} ({}): save the file as UTF-8",
                                 bytes.size() - in_left + 1,
                                 errno == EINVAL ? "it ends in the middle of a character"
                                                 : "a character that cannot be read"),
                     Location{path, line, ""});
  }
  out.resize(out.size() - out_left);
  return out;
}

bool utf16_bom(const std::string& text) {
  if (text.size() < 2) return false;
  const auto b0 = static_cast<unsigned char>(text[0]), b1 = static_cast<unsigned char>(text[1]);
  return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
}

}  // namespace

std::string read_text_file(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParseError("cannot open file", Location{path, 0, ""});
  std::string text;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      throw ParseError(fmt::format("file is larger than {} MiB", max_bytes >> 20),
                       Location{path, 0, ""});
    }
  }
  if (in.bad()) throw ParseError("cannot read file", Location{path, 0, ""});
  if (utf16_bom(text)) text = utf16_to_utf8(text, path);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw ParseError("file is empty", Location{path, 0, ""});
  }
  if (const size_t nul = text.find('\0'); nul != std::string::npos) {
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + nul, '\n'));
    throw ParseError(
        "file is binary, not text (UTF-16 text needs its byte-order mark; or save it "
        "as UTF-8)",
        Location{path, line, ""});
  }
  return text;
}

}  // namespace baton
