// Cost of fitting a sprint profile and of building the decomposed relay costs.
#include <benchmark/benchmark.h>

#include <vector>

#include "baton/leg_prediction.h"
#include "baton/profile_fit.h"

namespace baton {
namespace {

const std::vector<Split> kSplits = {{5, 1.21}, {10, 1.99}, {20, 3.38}, {30, 4.71}, {35, 5.30}};

void BM_FitProfile(benchmark::State& state) {
  const auto model = static_cast<ProfileModel>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(fit_profile(kSplits, model));
  state.SetLabel(std::string(to_string(model)));
}
BENCHMARK(BM_FitProfile)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

void BM_ModelAthlete(benchmark::State& state) {
  Athlete a;
  a.name = "A";
  a.sex = Sex::male;
  a.set_best({100, {10.6, false}});
  if (state.range(0)) a.set_best({200, {21.4, false}});
  for (auto _ : state) benchmark::DoNotOptimize(model_athlete(a));
}
BENCHMARK(BM_ModelAthlete)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// A squad of n athletes of one sex with a spread of sprint and 400 m marks.
Team squad(int n) {
  Team t;
  t.rules = RuleSet::nfhs;
  for (int i = 0; i < n; ++i) {
    Athlete a;
    a.name = "Runner " + std::to_string(i + 1);
    a.sex = Sex::female;
    a.set_best({100, {12.0 + 0.05 * i, false}});
    a.set_best({200, {24.8 + 0.11 * i, false}});
    a.set_best({400, {56.5 + 0.3 * i, false}});
    t.athletes.push_back(a);
  }
  return t;
}

void BM_RelayCosts(benchmark::State& state) {
  const Team t = squad(static_cast<int>(state.range(0)));
  const Event e = find_event(state.range(1) == 0 ? "4x100" : "4x400", t.rules);
  for (auto _ : state) benchmark::DoNotOptimize(relay_costs(t, e));
  state.SetLabel(e.id);
}
BENCHMARK(BM_RelayCosts)->ArgsProduct({{4, 10, 20}, {0, 1}})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace baton
