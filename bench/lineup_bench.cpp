// Lineup optimiser speed: one relay from rosters of 8 to 60 athletes (top 5 included), and a
// whole meet solved to proven optimality.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

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

// The process's CPU time, seconds: a budget in CPU time holds on a loaded machine, where a
// wall-clock one would measure the other programs.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// Six relays (girls' and boys' 4x100, 4x200, 4x400), A and B teams, from a roster of N
// athletes with relay and event limits and two schedule conflicts; second argument 1: no sex
// rules (every athlete eligible everywhere). With `stop_at_s` > 0 the solver is told to stop
// once the process has used that much CPU time since the solve began; the counter "gap_pct"
// says how far from optimal it may have stopped and "after_stop_s" how much CPU time it took
// to answer after being told. Otherwise it runs to proven optimality. The label says whether
// optimality was proven, and reports a roster that cannot fill the meet.
void run_meet(benchmark::State& state, double stop_at_s) {
  MeetLineupRequest req =
      scenarios::standard_meet(static_cast<int>(state.range(0)), 42, 2, 2, state.range(1) != 0);
  bool optimal = true;
  bool infeasible = false;
  bool no_lineup = false;
  double gap = 0.0;
  double after_stop = 0.0;  // CPU seconds from the first "stop" to the answer, worst iteration
  for (auto _ : state) {
    double told = 0.0;  // CPU time when the solver was first told to stop, 0 = never
    if (stop_at_s > 0.0) {
      req.budget.should_stop = [end = cpu_seconds() + stop_at_s, &told] {
        const double now = cpu_seconds();
        if (now < end) return false;
        if (told == 0.0) told = now;
        return true;
      };
    }
    try {
      const MeetLineupResult r = best_meet_lineups(req);
      optimal = optimal && r.optimal;
      gap = std::max(gap, r.gap);
      benchmark::DoNotOptimize(r);
    } catch (const ValidationError& e) {
      (e.where().field == "budget" ? no_lineup : infeasible) = true;
    }
    if (told > 0.0) after_stop = std::max(after_stop, cpu_seconds() - told);
  }
  std::string label = state.range(1) ? "no sex rules" : "girls' and boys' relays";
  if (infeasible) {
    label += ", cannot be filled (proven)";
  } else if (no_lineup) {
    label += fmt::format(", no lineup found within {:g} s", stop_at_s);
  } else if (optimal) {
    label += ", optimal";
  } else if (stop_at_s > 0.0) {
    label += ", best found, gap shown";
  } else {
    label += ", NOT PROVEN OPTIMAL, gap " + std::to_string(gap);
  }
  if (stop_at_s > 0.0) {
    state.counters["gap_pct"] = 100.0 * gap;
    state.counters["after_stop_s"] = after_stop;
  }
  state.SetLabel(label);
}

void BM_Meet(benchmark::State& state) { run_meet(state, 0.0); }
BENCHMARK(BM_Meet)->ArgsProduct({{24, 32, 40, 48, 60}, {0, 1}})->Unit(benchmark::kMillisecond);

// The same meets answered within 2 s of CPU time each: what a coach gets within the target,
// proven optimal or with the gap the solver proves. The solver is told to stop at 1.9 s; it
// answers within a few hundredths of a second of being told (counter after_stop_s: the LP or
// cut round under way is cut short, then CBC cleans up), so the answer comes before 2 s.
void BM_MeetWithin2s(benchmark::State& state) { run_meet(state, 1.9); }
BENCHMARK(BM_MeetWithin2s)
    ->ArgsProduct({{24, 32, 40, 48, 60}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace baton
