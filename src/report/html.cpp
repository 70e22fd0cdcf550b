#include "report/html.h"

#include <fmt/format.h>

#include "report/svg_text.h"

namespace baton::html {

std::string escape(std::string_view text) { return report::xml_escape(text); }

std::string inline_svg(std::string_view svg) {
  std::string s(svg);
  if (s.rfind("<?xml", 0) == 0) {
    const size_t end = s.find("?>");
    s.erase(0, end == std::string::npos ? s.size() : end + 2);
  }
  for (std::string_view attr :
       {" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""}) {
    for (size_t at = s.find(attr); at != std::string::npos; at = s.find(attr, at)) {
      s.erase(at, attr.size());
    }
  }
  while (!s.empty() && (s.front() == '\n' || s.front() == ' ')) s.erase(0, 1);
  return s;
}

namespace {

// System fonts only: the page must render the same with no network.
constexpr std::string_view kSharedCss = R"(
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  margin:0 auto;padding:16px;max-width:960px;color:#1d2430;line-height:1.4;background:#fff}
h1{font-size:1.6rem;margin:0 0 4px} h2{font-size:1.25rem;margin:28px 0 8px;
  border-bottom:2px solid #1b6ca8;padding-bottom:2px} h3{font-size:1.05rem;margin:14px 0 6px}
p.sub{color:#4a5568;margin:0 0 12px}
table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid #cbd5e0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#edf2f7} td.num,th.num{text-align:right}
.wrap{overflow-x:auto} svg{max-width:100%;height:auto}
.wrap:focus-visible{outline:3px solid #b03a00;outline-offset:2px}
.zone-narrow{display:none}
@media (max-width:480px){.zone-wide{display:none} .zone-narrow{display:block}}
.note{color:#4a5568;font-size:.92rem}
.pending{color:#8a5a00;background:#fff8e6;border:1px dashed #d69e2e;padding:2px 6px}
@media print{.zone-wide{display:block} .zone-narrow{display:none} body{max-width:none;padding:0} h2{break-after:avoid} table,svg{break-inside:avoid}}
)";

}  // namespace

std::string page(std::string_view title, std::string_view css, std::string_view body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      escape(title), kSharedCss, css, body);
}

}  // namespace baton::html
