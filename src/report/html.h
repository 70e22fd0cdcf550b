// Building blocks of the self-contained HTML pages (report and relay cards): escaping, inline
// SVG and the shared page frame. Internal to the report module.
#pragma once

#include <string>
#include <string_view>

namespace baton::html {

/// Escapes text for HTML element content and attribute values: & < > " '.
std::string escape(std::string_view text);

/// An SVG document ready to sit inside HTML: the XML declaration and the xmlns attributes
/// (which name a URL) are removed; HTML5 knows inline SVG without them.
std::string inline_svg(std::string_view svg_document);

/// A complete HTML5 page: `title` (escaped), the page's own CSS after the shared CSS, and
/// `body` (already HTML). No scripts, fonts, images or links to anything outside the file.
std::string page(std::string_view title, std::string_view css, std::string_view body);

}  // namespace baton::html
