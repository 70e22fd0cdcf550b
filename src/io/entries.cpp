#include "baton/entries.h"

#include <cctype>

#include "core/text.h"

namespace baton {

EntryRunner split_runner_name(const std::string& name, Sex sex) {
  EntryRunner r;
  r.name = name;
  r.sex = sex;
  const std::string_view full = text::trim(name);
  size_t cut = full.rfind(' ');
  if (cut != std::string_view::npos) {
    const std::string tail = text::lowercase(full.substr(cut + 1));
    const bool suffix = tail == "jr" || tail == "jr." || tail == "sr" || tail == "sr." ||
                        tail == "ii" || tail == "iii" || tail == "iv";
    if (suffix && cut > 0) {
      const size_t before = full.rfind(' ', cut - 1);
      if (before != std::string_view::npos) cut = before;
    }
  }
  if (cut == std::string_view::npos) {
    r.last = std::string(full);
  } else {
    r.first = std::string(text::trim(full.substr(0, cut)));
    r.last = std::string(text::trim(full.substr(cut + 1)));
  }
  return r;
}

std::string team_code_from_name(std::string_view team_name) {
  std::string code;
  for (char c : team_name) {
    if (code.size() == 4) break;
    if (std::isalnum(static_cast<unsigned char>(c))) {
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return code.empty() ? "TEAM" : code;
}

}  // namespace baton
