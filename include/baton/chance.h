// A probability as a coach reads it, the same in every command, page and printout.
#pragma once

#include <string>

namespace baton {

/// "12.3 %" (one decimal), "under 0.1 %" for a chance above zero that would print as 0.0 %
/// or 0.1 %, and "0.0 %" for none: a small risk is never shown as no risk.
std::string chance_text(double p);

}  // namespace baton
