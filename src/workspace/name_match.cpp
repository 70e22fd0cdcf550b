#include "workspace/name_match.h"

#include <algorithm>
#include <vector>

#include "core/text.h"

namespace baton::names {
namespace {

// ASCII letters for U+00C0-U+00FF and U+0100-U+017F (Latin-1 Supplement, Latin Extended-A):
// each accented letter's base letter, as Unicode's canonical decomposition gives it.
constexpr std::string_view kLatin1 =
    "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
constexpr std::string_view kLatinA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSs"
    "SsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

std::string fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      ++i;
      char base = 0;
      if (cp == 0xDF) {
        out += "ss";
        continue;
      }
      if (cp == 0xC6 || cp == 0xE6) {
        out += "ae";
        continue;
      }
      if (cp >= 0xC0 && cp < 0x100) base = kLatin1[cp - 0xC0];
      if (cp >= 0x100 && cp < 0x180) base = kLatinA[cp - 0x100];
      if (base != 0) {
        out += static_cast<char>(base >= 'A' && base <= 'Z' ? base - 'A' + 'a' : base);
      }
      continue;
    }
    // Longer sequences (other scripts) stay as they are, byte for byte.
    out += static_cast<char>(c);
  }
  return out;
}

std::vector<std::string> words(std::string_view full_name) {
  std::string folded = fold(full_name);
  // "Last, First" -> "First Last": the order is sorted away below, the comma dropped here.
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
  };
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == ',' || c == '.') {
      flush();
    } else if (c == '\'') {
      // apostrophes ("O'Neil" = "ONeil")
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

std::vector<std::string> without_initials(std::vector<std::string> w) {
  const auto longer =
      std::count_if(w.begin(), w.end(), [](const std::string& x) { return x.size() > 1; });
  if (longer >= 2) std::erase_if(w, [](const std::string& x) { return x.size() == 1; });
  return w;
}

// {first word, last word} of a name as written: "Smith, Jo" and "Jo Smith" both give {jo, smith}.
std::pair<std::string, std::string> first_last(std::string_view full_name) {
  const bool last_first = full_name.find(',') != std::string_view::npos;
  std::vector<std::string> w = without_initials(words(full_name));
  if (w.empty()) return {"", ""};
  if (last_first) return {w.size() > 1 ? w[1] : "", w.front()};
  return {w.front(), w.back()};
}

}  // namespace

std::string match_key(std::string_view full_name) {
  std::vector<std::string> w = without_initials(words(full_name));
  std::sort(w.begin(), w.end());
  std::string key;
  for (const std::string& x : w) key += (key.empty() ? "" : " ") + x;
  return key;
}

bool likely_same(std::string_view a, std::string_view b) {
  const auto [fa, la] = first_last(a);
  const auto [fb, lb] = first_last(b);
  if (fa.empty() || fb.empty() || la.empty() || lb.empty()) return false;
  if (la == lb) {
    if (fa == fb) return true;
    if (fa.starts_with(fb) || fb.starts_with(fa)) return true;
    return text::edit_distance(fa, fb) <= 1;
  }
  return fa == fb && la.size() > 3 && text::edit_distance(la, lb) <= 1;
}

}  // namespace baton::names
