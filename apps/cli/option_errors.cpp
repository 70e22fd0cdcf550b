#include "cli/option_errors.h"

namespace baton::cli {

Location option_location(const Location& where) {
  if (!where.file.empty() || where.line > 0 || where.field.empty()) return where;
  const std::string option = cli_option_for_field(where.field);
  return option == where.field ? where : Location{option, 0, ""};
}

}  // namespace baton::cli
