#include "io/lynx_rows.h"

#include "core/text.h"

namespace baton::lynx {

std::vector<std::string> cells(std::string_view line, const Location& where) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back(text::trim(cur));
      cur.clear();
      if (out.size() == import_text::kMaxFields) {
        throw ParseError("more than " + std::to_string(import_text::kMaxFields) + " fields", where);
      }
    } else {
      cur += c;
    }
  }
  if (quoted) throw ParseError("a quote is left open", where);
  out.emplace_back(text::trim(cur));
  return out;
}

std::pair<std::string, std::string> team_and_letter(std::string_view affiliation) {
  const std::string_view a = text::trim(affiliation);
  if (a.size() >= 3 && a[a.size() - 2] == ' ' && a.back() >= 'A' && a.back() <= 'H') {
    return {std::string(text::trim(a.substr(0, a.size() - 1))), std::string(1, a.back())};
  }
  return {std::string(a), ""};
}

}  // namespace baton::lynx
