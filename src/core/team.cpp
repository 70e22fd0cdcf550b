#include "baton/team.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace baton {
namespace {

using text::lowercase;
using text::trim;

// The text itself, or its first 80 bytes and "..." when longer (error messages stay short).
std::string shortened(std::string_view s) {
  constexpr size_t kShown = 80;
  if (s.size() <= kShown) return std::string(s);
  size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

}  // namespace

const Athlete* Team::find(std::string_view wanted_name) const {
  for (const Athlete& a : athletes) {
    if (a.name == wanted_name) return &a;
  }
  const std::string wanted = lowercase(trim(wanted_name));
  for (const Athlete& a : athletes) {
    if (lowercase(a.name) == wanted) return &a;
  }
  return nullptr;
}

const Athlete& Team::athlete(std::string_view wanted_name, const Location& where) const {
  if (const Athlete* a = find(wanted_name)) return *a;
  std::string message = "unknown athlete '" + shortened(wanted_name) + "'";
  if (!name.empty()) message += " on " + name;
  // Only near misses are suggested, so a name whose length differs from the wanted one by the
  // limit or more is skipped without comparing: the cost stays bounded by the roster's names
  // however long the wanted text is.
  const Athlete* closest = nullptr;
  size_t best = 4;
  constexpr size_t kLongestCompared = 4 * kMaxNameCodePoints + 8;
  if (wanted_name.size() > kLongestCompared) throw NotFoundError(message, where);
  const std::string wanted = lowercase(wanted_name);
  for (const Athlete& a : athletes) {
    const size_t gap = wanted.size() > a.name.size() ? wanted.size() - a.name.size()
                                                     : a.name.size() - wanted.size();
    if (gap >= best) continue;
    const size_t d = text::edit_distance(wanted, lowercase(a.name));
    if (d < best) {
      best = d;
      closest = &a;
    }
  }
  if (closest) message += "; did you mean '" + closest->name + "'?";
  throw NotFoundError(message, where);
}

std::vector<std::string> split_names(std::string_view text, const Location& where) {
  std::vector<std::string> names;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',') {
      const std::string_view name = trim(text.substr(start, i - start));
      if (name.empty()) throw ParseError("empty name in list '" + std::string(text) + "'", where);
      names.emplace_back(name);
      start = i + 1;
    }
  }
  return names;
}

}  // namespace baton
