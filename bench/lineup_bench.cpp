// Lineup optimiser speed: one relay from rosters of 8 to 60 athletes (top 5 included), and a
// whole meet solved to proven optimality.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <string>

#include "baton/error.h"
#include "baton/lineup.h"
#include "baton/meet_lineup.h"
#include "plan/lineup_scenarios.h"

namespace baton {
namespace {

// One 4x100 with exchange terms, best order plus 5 alternatives; mean over 8 seeded rosters.
void BM_SingleRelay(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<RelayCosts> rosters;
  for (unsigned seed = 1; seed <= 8; ++seed) {
    rosters.push_back(scenarios::random_relay_costs(n, 4, seed, true));
  }
  LineupRequest req;
  req.top_k = 5;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(best_lineups(rosters[i++ % rosters.size()], req));
  }
  state.SetLabel(std::to_string(n) + " athletes, top 5");
}
BENCHMARK(BM_SingleRelay)
    ->Arg(8)
    ->Arg(16)
    ->Arg(24)
    ->Arg(32)
    ->Arg(40)
    ->Arg(50)
    ->Arg(60)
    ->Unit(benchmark::kMicrosecond);

// A mixed 4x400 (2 women + 2 men) from 60 athletes.
void BM_SingleRelayMixed(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const RelayCosts c = scenarios::random_relay_costs(n, 4, 7, true, 400.0);
  LineupRequest req;
  req.top_k = 5;
  req.sex_rule = SexRule::mixed_two_two;
  req.sexes = scenarios::alternating_sexes(n);
  for (auto _ : state) benchmark::DoNotOptimize(best_lineups(c, req));
}
BENCHMARK(BM_SingleRelayMixed)->Arg(20)->Arg(60)->Unit(benchmark::kMicrosecond);

// Six relays (girls' and boys' 4x100, 4x200, 4x400), A and B teams, from a roster of N
// athletes with relay and event limits and two schedule conflicts, solved to proven optimality.
// Second argument 1: no sex rules (every athlete eligible everywhere). The label says whether
// optimality was proven, and reports a roster that cannot fill the meet.
void BM_Meet(benchmark::State& state) {
  const MeetLineupRequest req =
      scenarios::standard_meet(static_cast<int>(state.range(0)), 42, 2, 2, state.range(1) != 0);
  bool optimal = true;
  bool infeasible = false;
  double gap = 0.0;
  for (auto _ : state) {
    try {
      const MeetLineupResult r = best_meet_lineups(req);
      optimal = optimal && r.optimal;
      gap = std::max(gap, r.gap);
      benchmark::DoNotOptimize(r);
    } catch (const ValidationError&) {
      infeasible = true;
    }
  }
  std::string label = state.range(1) ? "no sex rules" : "girls' and boys' relays";
  if (infeasible) {
    label += ", cannot be filled (proven)";
  } else if (optimal) {
    label += ", optimal";
  } else {
    label += ", NOT PROVEN OPTIMAL, gap " + std::to_string(gap);
  }
  state.SetLabel(label);
}
BENCHMARK(BM_Meet)->ArgsProduct({{24, 32, 40, 48, 60}, {0, 1}})->Unit(benchmark::kMillisecond);

// The process's CPU time, seconds: a budget in CPU time holds on a loaded machine, where a
// wall-clock one would measure the other programs.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// The same meets with 2 s of CPU time each: what a coach gets within the target, proven optimal
// or with the gap the solver proves (counter "gap_pct": the most the lineups' summed team time
// can be above the best possible, percent).
void BM_MeetWithin2s(benchmark::State& state) {
  MeetLineupRequest req =
      scenarios::standard_meet(static_cast<int>(state.range(0)), 42, 2, 2, state.range(1) != 0);
  bool optimal = true;
  bool infeasible = false;
  bool no_lineup = false;
  double gap = 0.0;
  for (auto _ : state) {
    req.budget.should_stop = [end = cpu_seconds() + 2.0] { return cpu_seconds() >= end; };
    try {
      const MeetLineupResult r = best_meet_lineups(req);
      optimal = optimal && r.optimal;
      gap = std::max(gap, r.gap);
      benchmark::DoNotOptimize(r);
    } catch (const ValidationError& e) {
      (e.where().field == "budget" ? no_lineup : infeasible) = true;
    }
  }
  state.counters["gap_pct"] = 100.0 * gap;
  std::string label = state.range(1) ? "no sex rules" : "girls' and boys' relays";
  if (infeasible) {
    label += ", cannot be filled (proven)";
  } else if (no_lineup) {
    label += ", no lineup found within 2 s";
  } else {
    label += optimal ? ", optimal" : ", best found, gap shown";
  }
  state.SetLabel(label);
}
BENCHMARK(BM_MeetWithin2s)
    ->ArgsProduct({{24, 32, 40, 48, 60}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace baton
