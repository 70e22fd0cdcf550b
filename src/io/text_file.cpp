#include <algorithm>
#include <fstream>
#include <sstream>

#include "baton/team_file.h"

namespace baton {

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
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw ParseError("file is empty", Location{path, 0, ""});
  }
  if (const size_t nul = text.find('\0'); nul != std::string::npos) {
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + nul, '\n'));
    throw ParseError("file is binary, not text", Location{path, line, ""});
  }
  return text;
}

}  // namespace baton
