// Cost of one exchange: the forward solve, the inverse solve and the best-mark optimisation,
// swept over the incoming runner's deceleration (0 takes the closed-form mark integral) and
// the number of reaction quadrature panels.
#include <benchmark/benchmark.h>

#include "baton/go_mark.h"
#include "baton/handoff.h"

namespace {

baton::HandoffParams elite_pair(double decel) {
  baton::HandoffParams p;
  p.incoming_speed_mps = 10.6;
  p.incoming_decel_mps2 = decel;
  p.outgoing = {10.9, 1.1};
  p.reaction_s = 0.15;
  p.go_mark_m = 11.0;
  return p;
}

double decel_of(const benchmark::State& state) { return state.range(0) / 10.0; }

void BM_HandoffForward(benchmark::State& state) {
  baton::HandoffParams p = elite_pair(decel_of(state));
  for (auto _ : state) {
    p.go_mark_m = p.go_mark_m == 11.0 ? 11.01 : 11.0;
    benchmark::DoNotOptimize(baton::solve_handoff(p));
  }
}
BENCHMARK(BM_HandoffForward)->Arg(0)->Arg(5);

void BM_HandoffInverse(benchmark::State& state) {
  const baton::HandoffParams p = elite_pair(decel_of(state));
  double target = 8.0;
  for (auto _ : state) {
    target = target == 8.0 ? 8.01 : 8.0;
    benchmark::DoNotOptimize(baton::handoff_for_target(p, target));
  }
}
BENCHMARK(BM_HandoffInverse)->Arg(0)->Arg(5);

void BM_EvaluateGoMark(benchmark::State& state) {
  const baton::HandoffParams p = elite_pair(decel_of(state));
  baton::GoMarkOptions o;
  o.panels = static_cast<int>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(baton::evaluate_go_mark(p, 11.5, o));
}
BENCHMARK(BM_EvaluateGoMark)->ArgsProduct({{0, 5}, {4, 12, 24}})->Unit(benchmark::kMicrosecond);

void BM_BestGoMark(benchmark::State& state) {
  const baton::HandoffParams p = elite_pair(decel_of(state));
  baton::GoMarkOptions o;
  o.panels = static_cast<int>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(baton::best_go_mark(p, o));
}
BENCHMARK(BM_BestGoMark)->ArgsProduct({{0, 5}, {4, 12, 24}})->Unit(benchmark::kMicrosecond);

}  // namespace
