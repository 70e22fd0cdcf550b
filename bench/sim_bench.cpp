// Simulation throughput: team-races per second by run count, field size and exchange solver.
#include <benchmark/benchmark.h>

#include <vector>

#include "baton/simulation.h"
#include "sim/pcg_lanes.h"
#include "sim/ziggurat.h"

namespace {

std::vector<baton::SimTeam> field(int teams) {
  const baton::Event e = baton::find_event("4x100", baton::RuleSet::wa);
  std::vector<baton::SimTeam> f;
  for (int i = 0; i < teams; ++i) f.push_back(baton::reference_team("t", 38.0 + 0.1 * i, e));
  return f;
}

// Args: runs, teams, exact (0 = tables, 1 = root-finding per exchange).
void BM_SimulateRace(benchmark::State& state) {
  const auto f = field(static_cast<int>(state.range(1)));
  baton::SimulationOptions o;
  o.runs = state.range(0);
  o.exact_exchanges = state.range(2) != 0;
  std::int64_t solved = 0;
  for (auto _ : state) {
    const baton::SimulationResult r = baton::simulate_race(f, baton::RuleSet::wa, o);
    solved = r.solved_passes;
    benchmark::DoNotOptimize(r);
  }
  // The share of passes the exchange tables left to the exact solver (counted, not timed).
  state.counters["solved/pass"] =
      static_cast<double>(solved) / static_cast<double>(state.range(0) * state.range(1) * 3);
  state.counters["team_races/s"] =
      benchmark::Counter(static_cast<double>(state.range(0) * state.range(1)),
                         benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SimulateRace)
    ->Args({10000, 8, 0})
    ->Args({100000, 8, 0})
    ->Args({1000000, 8, 0})
    ->Args({1000000, 2, 0})
    ->Args({1000000, 4, 0})
    ->Args({20000, 8, 1})
    ->UseRealTime()  // the work runs on worker threads: rate per wall-clock second
    ->Unit(benchmark::kMillisecond);

// The random-number limit of the race loop, on one thread: what an own 4x100 team draws per
// race (16 pcg32 outputs, 13 of them turned into normals), in chunks of 256 races as the
// engine draws them, with no race computed. Arg: team-races.
void BM_RaceRandomNumbers(benchmark::State& state) {
  constexpr std::size_t kChunk = 256, kNormals = 13, kUniforms = 3;
  std::vector<std::uint32_t> bits(kChunk * (kNormals + kUniforms));
  std::vector<double> normals(kChunk * kNormals);
  baton::sim::Pcg32 rng(42, 1);
  const auto& ziggurat = baton::sim::Ziggurat::instance();
  for (auto _ : state) {
    for (std::int64_t r = 0; r < state.range(0); r += kChunk) {
      rng.fill(bits.data(), bits.size());
      ziggurat.fill(rng, bits.data(), normals.data(), normals.size());
      benchmark::DoNotOptimize(normals.data());
    }
  }
  state.counters["team_races/s"] = benchmark::Counter(
      static_cast<double>(state.range(0)), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_RaceRandomNumbers)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
