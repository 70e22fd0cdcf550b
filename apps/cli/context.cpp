#include "cli/context.h"

#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "cli/option_errors.h"

namespace baton::cli {

Database Context::open_database() const { return Database::open(db_path); }

Workspace Context::workspace(const std::string& file) const {
  return Workspace::open(file, db_path, WorkspaceOptions{.ignore_results = ignore_results});
}

Team Context::load_team(const std::string& file) const { return workspace(file).team(); }

void Context::print_json(const nlohmann::json& doc) const { std::cout << doc.dump(2) << "\n"; }

void Context::print(const std::string& text) const { std::cout << text; }

double parse_number(const std::string& text, const char* option) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    throw ParseError(fmt::format("'{}' is not a number", text), Location{option, 0, ""});
  }
  return value;
}

std::function<void(double)> progress_line(const char* what) {
  if (!isatty(STDERR_FILENO)) return {};
  const auto start = std::chrono::steady_clock::now();
  return [start, what, shown = false](double done) mutable {
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < 1.0 && !shown) return;
    shown = true;
    std::fprintf(stderr, "\r%s: %3.0f %%%s", what, 100.0 * done, done >= 1.0 ? "\n" : "");
    std::fflush(stderr);
  };
}

OrderRequest order_request(const std::string& event, const std::string& rules,
                           const std::string& order, const std::string& sex) {
  OrderRequest r;
  r.event = event;
  if (!rules.empty()) r.rules = parse_rules(rules, {"--rules", 0, ""});
  if (!order.empty()) r.order = split_names(order, {"--order", 0, ""});
  if (!sex.empty()) r.sex = parse_sex(sex, {"--sex", 0, ""});
  return r;
}

std::string error_message(const Error& e) {
  const std::string where = to_string(option_location(e.where()));
  return where.empty() ? e.message() : where + ": " + e.message();
}

}  // namespace baton::cli
