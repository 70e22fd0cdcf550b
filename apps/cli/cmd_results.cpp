// baton results add|import|list: relay results with leg splits.
#include "cli/context.h"

namespace baton::cli {

void add_results_command(CLI::App& app, Context& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace baton::cli
