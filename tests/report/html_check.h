// A small checker for the HTML pages Baton writes: tags balanced and properly nested, and
// nothing that reaches outside the file.
#pragma once

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace baton::testing {

/// "" when every element is closed in order (HTML void elements and "/>" need no close tag;
/// <style> content is skipped); otherwise a description of the first problem.
inline std::string check_balanced(const std::string& html) {
  static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link", "wbr"};
  std::vector<std::string> open;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      if (i == std::string::npos) return "unterminated comment";
      continue;
    }
    if (html.compare(i, 2, "<!") == 0) {
      i = html.find('>', i);
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    const bool closing = html[i + 1] == '/';
    size_t p = i + (closing ? 2 : 1);
    std::string name;
    while (p < end && (std::isalnum(static_cast<unsigned char>(html[p])) || html[p] == '-')) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[p++])));
    }
    if (name.empty()) return "bad tag at " + std::to_string(i);
    const bool self_closing = html[end - 1] == '/';
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? "nothing" : open.back()) + ">";
      }
      open.pop_back();
    } else if (!self_closing && !kVoid.count(name)) {
      open.push_back(name);
      if (name == "style") {
        const size_t close = html.find("</style>", end);
        if (close == std::string::npos) return "unterminated <style>";
        i = close;
        continue;
      }
    }
    i = end + 1;
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

/// "" when the page needs nothing outside itself; otherwise what it refers to.
inline std::string check_self_contained(const std::string& html) {
  for (const char* bad : {"http://", "https://", "<script src", "<link", "@import", "url("}) {
    if (html.find(bad) != std::string::npos) return std::string("contains ") + bad;
  }
  return "";
}

}  // namespace baton::testing
