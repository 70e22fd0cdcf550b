// baton lineup's options and its three ways to answer, shared by its two source files.
#pragma once

#include <string>
#include <vector>

#include "baton/lineup_query.h"
#include "baton/simulation.h"
#include "cli/context.h"
#include "cli/interval_text.h"

namespace baton::cli {

struct LineupOptions {
  std::string team_file;
  std::string event;
  std::string events;
  int top = 0;
  std::vector<std::string> locks;
  std::vector<std::string> excludes;
  std::vector<std::string> conflicts;
  std::vector<std::string> weights;
  std::string sex;
  std::string model = "physics";
  int teams_per_relay = 1;
  int max_relays = 0;
  int max_events = 0;
  double time_limit_s = 10.0;
  bool no_practice = false;
  bool allow_estimates = false;
  // --objective win|points against a meet's field
  std::string objective = "time";
  std::string meet;
  int candidates = 10;
  SimulationOptions sim;
};

/// The relay question of --event, --sex, --lock, --exclude, --model, --top, --no-practice.
LineupQuery lineup_query(const LineupOptions& opt);

/// "predicted legs and exchanges" or "sum of open bests".
std::string model_label(CostModel model);

/// What the split column means, under every lineup table.
extern const char* const kSplitNote;

/// The team's name, or "the roster".
std::string team_label(const Team& team);

/// --events: the best lineups for a meet's relays, who runs what and the alternates.
void run_meet(const LineupOptions& opt, const Context& ctx);

/// --objective win|points: the fastest orders compared by their odds against --meet's field.
void run_lineup_odds(const LineupOptions& opt, const Context& ctx);

}  // namespace baton::cli
