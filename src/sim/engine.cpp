// The Monte Carlo engine. Races are split into fixed-size blocks; block b draws from its own
// pcg32 stream (seed, b), so every block's numbers are the same whichever thread runs it.
// Integer tallies (places, failures, histogram bins) are summed per thread, which is exact in
// any order; floating-point sums are kept per block and added in block order. Hence the same
// seed gives bit-identical results for any thread count.
//
// Inside a block, races are run in chunks of kChunkRuns, one team at a time: the team's random
// bits for the whole chunk are drawn in one go (sim/pcg_lanes.h) and turned into normals in
// one pass, then each leg and each exchange is a loop over the chunk's races without
// branches, compiled for each instruction set (the kernels below; the exchange tables are read
// by ExchangeModel::lookup_all()); the few passes outside the tables go to the solver, and
// drops, rare, are queued and resolved afterwards. Places come from vector compares of each
// pair of teams over the chunk (eight teams: 28, no sorting), and every tally is an increment
// at a computed index.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <thread>

#include "baton/error.h"
#include "baton/simulation.h"
#include "sim/byte_flags.h"
#include "sim/exchange_model.h"
#include "sim/parallel.h"
#include "sim/pcg_lanes.h"
#include "sim/ziggurat.h"

namespace baton {
namespace {

using sim::ExchangeModel;
using sim::PassOutcome;
using sim::Pcg32;
using sim::Ziggurat;

constexpr std::int64_t kBlockRuns = 4096;  // changing it changes the numbers for a seed
constexpr std::int64_t kChunkRuns = 256;   // so does this: races that draw their numbers together
constexpr int kHistogramBins = 2048;
constexpr double kDnf = std::numeric_limits<double>::infinity();  // finish time of a DQ/DNF

double uniform(std::uint32_t bits) { return bits * 0x1p-32; }

struct PreparedExchange {
  std::shared_ptr<const ExchangeModel> model;
  double u_mps = 0.0;       // planned incoming speed at the mark
  double reaction_s = 0.0;  // planned reaction
  double reaction_sd_s = 0.0;
  double mark_sd_m = 0.0;
  double fatigue_sd = 0.0;         // fraction
  double drop_base = 0.0;          // drop chance of a matched pass, practice included
  double inv_mismatch_ref2 = 0.0;  // 1 / ref^2, 0 for visual passes
};

struct PreparedTeam {
  bool seed_only = false;
  double seed_s = 0.0, seed_sd_s = 0.0, fail_rate = 0.0;
  std::vector<double> leg_mean_s, leg_sd_s, leg_inv_mean;
  std::vector<PreparedExchange> exchanges;
  double hist_start_s = 0.0, hist_inv_bin = 0.0, hist_bin_s = 0.0;
};

// Integer counts, one set per thread. Places and histograms have one extra column where the
// races without a legal finish are counted, so that tallying needs no branch.
struct Tallies {
  size_t teams;
  std::vector<std::uint64_t> drops;
  std::vector<std::uint64_t> places;             // team * (n + 1) + place, n = DQ
  std::vector<std::uint64_t> histogram;          // team * (bins + 1) + bin
  std::vector<std::uint64_t> ex_drop, ex_legal;  // by flat exchange index (illegal = rest)
  std::vector<std::uint64_t> ex_late;            // legal late passes, by flat exchange index
  std::uint64_t solved = 0;                      // passes given to the pass solver
  Tallies(size_t n, size_t exchanges)
      : teams(n),
        drops(n),
        places(n * (n + 1)),
        histogram(n * (kHistogramBins + 1)),
        ex_drop(exchanges),
        ex_legal(exchanges),
        ex_late(exchanges) {}
  void add(const Tallies& o) {
    auto sum = [](std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
      for (size_t i = 0; i < a.size(); ++i) a[i] += b[i];
    };
    sum(drops, o.drops), sum(places, o.places), sum(histogram, o.histogram);
    sum(ex_drop, o.ex_drop), sum(ex_legal, o.ex_legal), sum(ex_late, o.ex_late);
    solved += o.solved;
  }
  std::uint64_t dq(size_t t) const { return places[t * (teams + 1) + teams]; }
  std::uint64_t finishes(size_t t) const {
    std::uint64_t f = 0;
    for (size_t k = 0; k < teams; ++k) f += places[t * (teams + 1) + k];
    return f;
  }
};

// Working memory of one thread, allocated once.
struct Scratch {
  std::vector<std::uint32_t> bits;
  std::vector<double> normals;
  std::vector<double> times;                    // team * kChunkRuns + race
  std::vector<double> eps;                      // leg * kChunkRuns + race
  std::vector<std::uint8_t> finished, dropped;  // per race
  std::vector<std::uint8_t> dropped_now;        // per race, one exchange at a time
  std::vector<double> race_places;              // team * kChunkRuns + race: teams ahead
  std::vector<std::uint64_t> col, bin;          // per race, one team at a time
  std::vector<double> ft, ft2, pts;             // per race, one team at a time
  std::vector<std::uint32_t> drops;             // race * exchanges + exchange of queued drops
  std::vector<double> speed, tau, departure;    // per race, one exchange at a time
  std::vector<double> baton, mismatch, ease;    // per race, one exchange at a time
  std::vector<std::uint64_t> flags;             // per race, one exchange at a time
};

Location team_at(const SimTeam& t, const std::string& field) {
  return Location{"", 0, fmt::format("team '{}' {}", t.name, field)};
}

void validate_team(const SimTeam& t) {
  auto bad = [&](bool cond, const std::string& field, const std::string& msg) {
    if (cond) throw ValidationError(msg, team_at(t, field));
  };
  if (t.seed_only()) {
    bad(!(t.seed_time_s > 0.0 && t.seed_time_s < 1e5), "seed_time_s", "seed time must be > 0 s");
    bad(!(t.seed_sd_s >= 0.0 && t.seed_sd_s < t.seed_time_s), "seed_sd_s",
        "spread must be >= 0 s and below the seed time");
    bad(!(t.fail_rate >= 0.0 && t.fail_rate <= 1.0), "fail_rate", "must be between 0 and 1");
    return;
  }
  bad(t.exchanges.size() + 1 != t.legs.size(), "exchanges",
      fmt::format("{} legs need {} exchanges, got {}", t.legs.size(), t.legs.size() - 1,
                  t.exchanges.size()));
  for (size_t i = 0; i < t.legs.size(); ++i) {
    const SimLeg& l = t.legs[i];
    bad(!(l.split_mean_s > 0.0 && l.split_mean_s < 1e4), fmt::format("leg {} split", i + 1),
        "split must be > 0 s");
    bad(!(l.split_sd_s < l.split_mean_s) || std::isnan(l.split_sd_s),
        fmt::format("leg {} split sd", i + 1), "sd must be below the split");
  }
  for (size_t i = 0; i < t.exchanges.size(); ++i) {
    const PairRecord& p = t.exchanges[i].practice;
    bad(p.drills < 0 || p.clean < 0 || p.clean > p.drills,
        fmt::format("exchange {} practice", i + 1),
        "drills must be >= 0 and the clean passes between 0 and the drills");
    bad(std::isnan(p.timing_sd_m) || p.timing_sd_m > 10.0,
        fmt::format("exchange {} practice timing", i + 1),
        "the timing spread must be at most 10 m (or negative for unknown)");
    const double allowance = t.exchanges[i].scatter_allowance_s;
    bad(!(allowance >= 0.0 && allowance <= 1.0 && allowance < 0.5 * t.legs[i + 1].split_mean_s),
        fmt::format("exchange {} scatter allowance", i + 1),
        "must be 0-1 s and under half the next split");
    try {
      validate_handoff(t.exchanges[i].handoff);
    } catch (const ValidationError& e) {
      throw ValidationError(e.message(),
                            team_at(t, fmt::format("exchange {} {}", i + 1, e.where().field)));
    }
  }
}

// The pair's drop chance relative to an unknown pair.
double practice_factor(const PairRecord& p, const SimulationOptions& o) {
  return practice_fail_rate(p, o.exchange.practice_prior_fail_rate,
                            o.exchange.practice_prior_drills) /
         o.exchange.practice_prior_fail_rate;
}

PreparedTeam prepare(const SimTeam& t, const SimulationOptions& o) {
  PreparedTeam p;
  double nominal_s = 0.0;
  if (t.seed_only()) {
    p.seed_only = true;
    p.seed_s = t.seed_time_s;
    p.seed_sd_s = t.seed_sd_s;
    p.fail_rate = t.fail_rate;
    nominal_s = t.seed_time_s;
  } else {
    for (const SimLeg& l : t.legs) {
      p.leg_mean_s.push_back(l.split_mean_s);
      p.leg_sd_s.push_back(l.split_sd_s >= 0.0 ? l.split_sd_s
                                               : o.exchange.form_sd_fraction * l.split_mean_s);
      p.leg_inv_mean.push_back(1.0 / l.split_mean_s);
      nominal_s += l.split_mean_s;
    }
    for (size_t i = 0; i < t.exchanges.size(); ++i) {
      const SimExchange& e = t.exchanges[i];
      const double scale = e.blind ? 1.0 : o.visual_error_scale;
      PreparedExchange x;
      x.u_mps = e.handoff.incoming_speed_mps;
      x.reaction_s = e.handoff.reaction_s;
      const double spread =
          e.blind ? practice_spread_scale(e.practice, x.u_mps, o.exchange.reaction_sd_s,
                                          o.exchange.mark_sd_m, o.exchange.practice_prior_drills)
                  : 1.0;
      x.reaction_sd_s = scale * spread * o.exchange.reaction_sd_s;
      x.mark_sd_m = scale * spread * o.exchange.mark_sd_m;
      x.fatigue_sd = scale * o.fatigue_sd_fraction;
      const double factor = practice_factor(e.practice, o);
      x.drop_base = factor * (e.blind ? o.drop_base_probability : o.visual_drop_probability);
      x.inv_mismatch_ref2 =
          e.blind ? 1.0 / (o.drop_mismatch_ref_mps * o.drop_mismatch_ref_mps) : 0.0;
      p.exchanges.push_back(x);
      // The split after the exchange was predicted with the level's fitted pass loss, which
      // holds the average scatter of real passes; the races add the scatter themselves.
      p.leg_mean_s[i + 1] -= e.scatter_allowance_s;
      nominal_s -= e.scatter_allowance_s;
    }
  }
  p.hist_start_s = 0.85 * nominal_s;
  p.hist_bin_s = 0.45 * nominal_s / kHistogramBins;
  p.hist_inv_bin = 1.0 / p.hist_bin_s;
  return p;
}

// Builds the exchange tables of every own team (in parallel: each table is independent).
void build_models(const std::vector<SimTeam>& field, std::vector<PreparedTeam>& teams,
                  int threads) {
  struct Job {
    size_t team, exchange;
  };
  std::vector<Job> jobs;
  for (size_t t = 0; t < field.size(); ++t) {
    for (size_t e = 0; e < teams[t].exchanges.size(); ++e) jobs.push_back({t, e});
  }
  sim::parallel_for(static_cast<std::int64_t>(jobs.size()), threads, [&](std::int64_t k, int) {
    const Job& j = jobs[static_cast<size_t>(k)];
    PreparedExchange& x = teams[j.team].exchanges[j.exchange];
    const double in_sd = teams[j.team].leg_sd_s[j.exchange] / teams[j.team].leg_mean_s[j.exchange];
    const double u_sd = std::hypot(in_sd, x.fatigue_sd);
    const double tau_sd = std::hypot(x.reaction_sd_s, x.mark_sd_m / x.u_mps);
    x.model = std::make_shared<const ExchangeModel>(field[j.team].exchanges[j.exchange].handoff,
                                                    std::clamp(7.0 * u_sd, 0.03, 0.5),
                                                    std::max(0.05, 7.0 * tau_sd));
  });
}

struct RaceContext {
  const std::vector<PreparedTeam>* teams;
  const SimulationOptions* options;
  std::vector<size_t> exchange_offset;  // flat index of each team's first exchange
  size_t exchanges = 0;
  size_t max_legs = 0;
  double recovery_mean_s = 0.0;
  std::vector<double> points;  // by place, n + 1 entries (the last, 0, for no finish)
  size_t sums_stride = 0;      // per block: teams * 3 + exchanges * 3
};

// A seed-only team's finish times for `m` races (kDnf when it fails).
void run_seeded(const PreparedTeam& team, Pcg32& rng, std::int64_t m, Scratch& s, double* time) {
  const auto n = static_cast<size_t>(m);
  rng.fill(s.bits.data(), 2 * n);
  Ziggurat::instance().fill(rng, s.bits.data(), s.normals.data(), n);
  const std::uint32_t* u = s.bits.data() + n;
  for (size_t r = 0; r < n; ++r) {
    const double t = team.seed_s + team.seed_sd_s * s.normals[r];
    time[r] = uniform(u[r]) >= team.fail_rate ? t : kDnf;
  }
}

// The loops of run_own() over the races of a chunk, each a function of plain numbers and
// unaliased arrays, so that the compiler vectorises it; a clone per instruction set is picked
// when the program loads. This file is compiled without fused multiply-adds
// (cmake/modules.cmake): every clone gives the same bits. Sums of doubles go through sum8(),
// whose order of additions does not depend on the vector width.
#define BATON_VECTOR_CLONES [[gnu::target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")]]

// Each leg's form: time += mean + sd z, eps = sd z / mean.
BATON_VECTOR_CLONES void add_leg(double mean, double sd, double inv_mean,
                                 const double* __restrict z, double* __restrict eps,
                                 double* __restrict time, size_t n) {
  for (size_t r = 0; r < n; ++r) {
    const double dz = sd * z[r];
    eps[r] = dz * inv_mean;
    time[r] += mean + dz;
  }
}

// Every race's incoming speed at the planned mark, departure offset tau and departure delay at
// one exchange. A runner having a slow day arrives slower; on top, fatigue varies by itself:
// speed = a / b with a = u (1 + fatigue), b = 1 + form.
BATON_VECTOR_CLONES void approach(double u_mps, double fatigue_sd, double reaction_s,
                                  double reaction_sd, double mark_sd, double decel_mps2,
                                  const double* __restrict z_fatigue,
                                  const double* __restrict z_reaction,
                                  const double* __restrict z_mark, const double* __restrict eps_in,
                                  double* __restrict speed, double* __restrict tau,
                                  double* __restrict departure, size_t n) {
  // One loop body for both cases; the case is a template argument, so each loop is free of
  // the branch.
  const auto run = [&]<bool kDecelerates>() {
    for (size_t r = 0; r < n; ++r) {
      const double a = u_mps * (1.0 + fatigue_sd * z_fatigue[r]);
      const double b = 1.0 + eps_in[r];
      const double mark_err = mark_sd * z_mark[r];
      double mark_time;
      if constexpr (kDecelerates) {
        speed[r] = a / b;
        mark_time = ExchangeModel::mark_time_s(mark_err, speed[r], decel_mps2);
      } else {
        // One division for both: speed = a / b, mark time = -mark_err / speed = -mark_err b / a.
        const double inv_ab = 1.0 / (a * b);
        speed[r] = a * a * inv_ab;
        mark_time = -mark_err * (b * b * inv_ab);
      }
      const double reaction_err = reaction_sd * z_reaction[r];
      tau[r] = reaction_s + reaction_err + mark_time;
      // Leaving later than planned delays the baton by exactly the delay (earlier gains): the
      // baton leaves the zone with the outgoing runner.
      departure[r] = reaction_err + mark_time;
    }
  };
  if (decel_mps2 > 0.0) {
    run.template operator()<true>();
  } else {
    run.template operator()<false>();
  }
}

struct PassCounts {
  std::uint64_t legal = 0, late = 0;
};

// Every race's pass at one exchange, from the tables' answers: the finish time gains the
// departure delay and a late pass's cost, an illegal pass ends the race, a legal one may drop
// the baton (dropped[r] = 1). What the sums need is left in baton / mismatch / late_cost, 0
// for an illegal pass.
BATON_VECTOR_CLONES PassCounts pass(double late_pass_cost, double drop_base, double inv_ref2,
                                    const std::uint64_t* __restrict flags,
                                    const double* __restrict departure,
                                    const std::uint32_t* __restrict u_drop,
                                    double* __restrict baton, double* __restrict mismatch,
                                    double* __restrict ease_to_late_cost, double* __restrict time,
                                    std::uint8_t* __restrict ok, std::uint8_t* __restrict dropped,
                                    size_t n) {
  // The flags as 0 / 1 integers, not bools: GCC 12 vectorises this loop only so.
  std::uint64_t legal_count = 0, late_count = 0;
  for (size_t r = 0; r < n; ++r) {
    const std::uint64_t f = flags[r];
    const std::uint64_t legal = f & sim::LookupBatch::kLegal;
    const std::uint64_t late = legal & (f / sim::LookupBatch::kLate);
    // A late pass costs what the planner charges for it (go_mark.h): the outgoing runner's
    // lag from easing over the rest of the leg, and the call, reach back and broken stride.
    const double late_cost = late ? ease_to_late_cost[r] + late_pass_cost : 0.0;
    time[r] += departure[r] + late_cost;
    ok[r] &= static_cast<std::uint8_t>(legal);
    late_count += late;
    legal_count += legal;
    const double m = mismatch[r];
    const double p_drop = drop_base * (1.0 + m * m * inv_ref2);
    dropped[r] = static_cast<std::uint8_t>(legal & (uniform(u_drop[r]) < p_drop));
    ease_to_late_cost[r] = late_cost;
    baton[r] = legal ? baton[r] : 0.0;
    mismatch[r] = legal ? m : 0.0;
  }
  return {legal_count, late_count};
}

// x[0] + ... + x[n - 1] in eight interleaved sums (x[r] goes to sum r % 8), added pairwise at
// the end: the same order of additions in every clone.
BATON_VECTOR_CLONES double sum8(const double* __restrict x, size_t n) {
  double acc[8] = {};
  size_t r = 0;
  for (; r + 8 <= n; r += 8) {
    for (size_t k = 0; k < 8; ++k) acc[k] += x[r + k];
  }
  for (size_t k = 0; r < n; ++r, ++k) acc[k] += x[r];
  return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

// An own team's finish times for `m` races, with its exchanges' tallies and sums. Loops run
// leg by leg and exchange by exchange over all races of the chunk, so each loop keeps its
// parameters and its table in registers and cache.
void run_own(const RaceContext& ctx, size_t t, Pcg32& rng, std::int64_t m, Scratch& s,
             Tallies& tally, double* sums, double* time) {
  const PreparedTeam& team = (*ctx.teams)[t];
  const SimulationOptions& o = *ctx.options;
  const size_t n = static_cast<size_t>(m);
  const size_t legs = team.leg_mean_s.size();
  const size_t exchanges = team.exchanges.size();
  const size_t per_race = legs + 3 * exchanges;  // normals
  rng.fill(s.bits.data(), n * (per_race + exchanges));
  Ziggurat::instance().fill(rng, s.bits.data(), s.normals.data(), n * per_race);
  const double* z = s.normals.data();                     // z[k * n + r]: k-th normal of race r
  const std::uint32_t* u = s.bits.data() + n * per_race;  // u[e * n + r]: drop draw of race r
  double* eps = s.eps.data();                             // eps[l * n + r]: leg l's form
  std::uint8_t* ok = s.finished.data();
  for (size_t r = 0; r < n; ++r) {
    time[r] = 0.0;
    ok[r] = 1;
  }
  for (size_t l = 0; l < legs; ++l) {
    add_leg(team.leg_mean_s[l], team.leg_sd_s[l], team.leg_inv_mean[l], z + l * n, eps + l * n,
            time, n);
  }
  const size_t flat0 = ctx.exchange_offset[t];
  double* ex_sums = sums + ctx.teams->size() * 3 + flat0 * 3;
  std::uint32_t* drops = s.drops.data();
  size_t queued = 0;
  for (size_t e = 0; e < exchanges; ++e) {
    const PreparedExchange& x = team.exchanges[e];
    const ExchangeModel& model = *x.model;
    const bool exact = o.exact_exchanges;  // the slow reference
    const double* z_fatigue = z + (legs + 3 * e) * n;
    const double* z_reaction = z_fatigue + n;
    const double* z_mark = z_reaction + n;
    double* speed = s.speed.data();
    double* tau = s.tau.data();
    double* departure = s.departure.data();
    approach(x.u_mps, x.fatigue_sd, x.reaction_s, x.reaction_sd_s, x.mark_sd_m, model.decel_mps2(),
             z_fatigue, z_reaction, z_mark, eps + e * n, speed, tau, departure, n);
    double* baton = s.baton.data();
    double* mismatch = s.mismatch.data();
    double* ease = s.ease.data();
    std::uint64_t* flags = s.flags.data();
    model.lookup_all(tau, speed, n, {baton, mismatch, ease, flags});
    std::uint64_t solved = 0;
    const auto solve = [&](size_t r) {
      const PassOutcome p =
          exact ? model.exact(tau[r], speed[r]) : model.fallback(tau[r], speed[r]);
      flags[r] =
          (p.legal ? sim::LookupBatch::kLegal : 0u) | (p.late ? sim::LookupBatch::kLate : 0u);
      baton[r] = p.baton_m;
      mismatch[r] = p.mismatch_mps;
      ease[r] = p.ease_cost_s;
      ++solved;
    };
    // Eight races at a time: the tables answer all but a few passes in a thousand.
    for (size_t r8 = 0; r8 < n; r8 += 8) {
      const size_t end = std::min(n, r8 + 8);
      std::uint64_t any = 0;
      for (size_t r = r8; r < end; ++r) any |= flags[r];
      if (!(any & sim::LookupBatch::kOutside) && !exact) continue;
      for (size_t r = r8; r < end; ++r) {
        if ((flags[r] & sim::LookupBatch::kOutside) || exact) solve(r);
      }
    }
    std::uint8_t* dropped_now = s.dropped_now.data();
    const PassCounts c =
        pass(o.exchange.late_pass_cost_s, x.drop_base, x.inv_mismatch_ref2, flags, departure,
             u + e * n, baton, mismatch, ease, time, ok, dropped_now, n);
    // A few per cent of passes drop the baton: queued in race order.
    sim::for_each_flagged(dropped_now, n, [&](size_t r) {
      drops[queued++] = static_cast<std::uint32_t>(r * exchanges + e);
    });
    const std::uint64_t legal_count = c.legal, late_count = c.late;
    const double baton_sum = sum8(baton, n), mismatch_sum = sum8(mismatch, n);
    const double late_sum = sum8(ease, n);
    tally.ex_legal[flat0 + e] += legal_count;
    tally.ex_late[flat0 + e] += late_count;
    tally.solved += solved;
    ex_sums[3 * e] += baton_sum;
    ex_sums[3 * e + 1] += mismatch_sum;
    ex_sums[3 * e + 2] += late_sum;
  }
  // Drops (a few per cent of passes), exchange by exchange in race order: the race is
  // abandoned or the baton picked up.
  std::uint8_t* dropped = s.dropped.data();
  std::fill(dropped, dropped + n, std::uint8_t{0});
  for (size_t q = 0; q < queued; ++q) {
    const size_t r = drops[q] / exchanges;
    ++tally.ex_drop[flat0 + drops[q] % exchanges];
    dropped[r] = 1;
    if (Ziggurat::uniform(rng) < o.drop_abandon_probability) {
      ok[r] = 0;
    } else {
      time[r] +=
          std::max(0.5, ctx.recovery_mean_s + o.drop_recovery_sd_s * Ziggurat::instance()(rng));
    }
  }
  std::uint64_t races_with_drops = 0;
  for (size_t r = 0; r < n; ++r) {
    races_with_drops += dropped[r];
    time[r] = ok[r] ? time[r] : kDnf;
  }
  tally.drops[t] += races_with_drops;
}

// Places of one pair of teams over a chunk's races: of the pair, the later entry is ahead
// only when strictly faster (ties go to the earlier entry). Teams without a finish have
// infinite times: they are never ahead of a finisher, and their own places are not used.
BATON_VECTOR_CLONES void count_pair(const double* __restrict earlier,
                                    const double* __restrict later,
                                    double* __restrict earlier_place,
                                    double* __restrict later_place, size_t m) {
  for (size_t r = 0; r < m; ++r) {
    const double later_ahead = later[r] < earlier[r] ? 1.0 : 0.0;
    earlier_place[r] += later_ahead;
    later_place[r] += 1.0 - later_ahead;
  }
}

// One team's column of the place table (its place, or `teams` without a finish), histogram
// bin (kHistogramBins without a finish), finish time and its square (0 without a finish) and
// points over a chunk's races.
BATON_VECTOR_CLONES void team_columns(const double* __restrict time, const double* __restrict place,
                                      std::uint64_t teams, const double* __restrict points,
                                      double hist_start_s, double hist_inv_bin,
                                      std::uint64_t* __restrict col, std::uint64_t* __restrict bin,
                                      double* __restrict ft, double* __restrict ft2,
                                      double* __restrict pts, size_t m) {
  for (size_t r = 0; r < m; ++r) {
    const std::uint64_t finished = time[r] != kDnf ? 1 : 0;
    const std::uint64_t c = finished ? static_cast<std::uint64_t>(place[r]) : teams;
    col[r] = c;
    const double f = finished ? time[r] : 0.0;
    ft[r] = f;
    ft2[r] = f * f;
    pts[r] = points[c];
    const double b = (f - hist_start_s) * hist_inv_bin;
    const auto k = static_cast<std::uint64_t>(std::min(std::max(b, 0.0), kHistogramBins - 1.0));
    bin[r] = finished ? k : kHistogramBins;
  }
}

#undef BATON_VECTOR_CLONES

// Places, points, times and histogram bins of `m` races whose finish times are in
// s.times[team * kChunkRuns + race]: places by counting, for each team, the teams ahead of it
// (eight teams: 28 vector compares over the chunk, no sorting), then each count an increment
// at a computed index.
void tally_races(const RaceContext& ctx, std::int64_t m, Scratch& s, Tallies& tally, double* sums) {
  const std::vector<PreparedTeam>& teams = *ctx.teams;
  const size_t n = teams.size();
  const auto races = static_cast<size_t>(m);
  constexpr auto chunk = static_cast<size_t>(kChunkRuns);
  const double* times = s.times.data();
  double* place = s.race_places.data();
  std::fill(place, place + n * chunk, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      count_pair(times + i * chunk, times + j * chunk, place + i * chunk, place + j * chunk, races);
    }
  }
  std::uint64_t* col = s.col.data();
  std::uint64_t* bin = s.bin.data();
  double* ft = s.ft.data();
  double* ft2 = s.ft2.data();
  double* pts = s.pts.data();
  for (size_t t = 0; t < n; ++t) {
    const PreparedTeam& team = teams[t];
    team_columns(times + t * chunk, place + t * chunk, n, ctx.points.data(), team.hist_start_s,
                 team.hist_inv_bin, col, bin, ft, ft2, pts, races);
    std::uint64_t* places = &tally.places[t * (n + 1)];
    std::uint64_t* histogram = &tally.histogram[t * (kHistogramBins + 1)];
    for (size_t r = 0; r < races; ++r) {
      ++places[col[r]];
      ++histogram[bin[r]];
    }
    sums[t * 3] += sum8(ft, races);
    sums[t * 3 + 1] += sum8(ft2, races);
    sums[t * 3 + 2] += sum8(pts, races);
  }
}

// Simulates one block of races, adding integer counts to `tally` and writing the block's
// floating-point sums to `sums`.
void run_block(const RaceContext& ctx, std::int64_t block, std::int64_t runs, Scratch& scratch,
               Tallies& tally, double* sums) {
  const std::vector<PreparedTeam>& teams = *ctx.teams;
  Pcg32 rng(ctx.options->seed, static_cast<std::uint64_t>(block));
  for (std::int64_t r0 = 0; r0 < runs; r0 += kChunkRuns) {
    const std::int64_t m = std::min(kChunkRuns, runs - r0);
    for (size_t t = 0; t < teams.size(); ++t) {
      double* time = scratch.times.data() + t * static_cast<size_t>(kChunkRuns);
      if (teams[t].seed_only) {
        run_seeded(teams[t], rng, m, scratch, time);
      } else {
        run_own(ctx, t, rng, m, scratch, tally, sums, time);
      }
    }
    tally_races(ctx, m, scratch, tally, sums);
  }
}

double percentile(const TeamOdds& odds, double q) {
  if (odds.finishes == 0) return 0.0;
  const double target = q * static_cast<double>(odds.finishes);
  double cum = 0.0;
  for (size_t i = 0; i < odds.histogram.size(); ++i) {
    const double c = static_cast<double>(odds.histogram[i]);
    if (c > 0.0 && cum + c >= target) {
      const double within = (target - cum) / c;
      return odds.histogram_start_s + (static_cast<double>(i) + within) * odds.histogram_bin_s;
    }
    cum += c;
  }
  return odds.histogram_start_s + odds.histogram_bin_s * static_cast<double>(odds.histogram.size());
}

}  // namespace

SimulationResult simulate_race(const std::vector<SimTeam>& field, RuleSet rules,
                               const SimulationOptions& options,
                               const SimulationProgress& progress) {
  validate_simulation_options(options);
  if (field.empty()) throw ValidationError("the field has no teams", Location{"", 0, "teams"});
  for (const SimTeam& t : field) validate_team(t);
  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));

  std::vector<PreparedTeam> teams;
  for (const SimTeam& t : field) teams.push_back(prepare(t, options));
  build_models(field, teams, threads);

  RaceContext ctx;
  ctx.teams = &teams;
  ctx.options = &options;
  for (const PreparedTeam& t : teams) {
    ctx.exchange_offset.push_back(ctx.exchanges);
    ctx.exchanges += t.exchanges.size();
    ctx.max_legs = std::max(ctx.max_legs, t.leg_mean_s.size());
  }
  ctx.recovery_mean_s =
      options.drop_recovery_s > 0.0 ? options.drop_recovery_s : drop_recovery_mean_s(rules);
  const size_t n = teams.size();
  ctx.sums_stride = n * 3 + ctx.exchanges * 3;
  ctx.points.assign(n + 1, 0.0);
  for (size_t k = 0; k < n && k < options.scoring.size(); ++k) ctx.points[k] = options.scoring[k];

  const std::int64_t blocks = (options.runs + kBlockRuns - 1) / kBlockRuns;
  std::vector<double> sums(static_cast<size_t>(blocks) * ctx.sums_stride, 0.0);
  std::vector<Tallies> tallies(static_cast<size_t>(threads), Tallies(n, ctx.exchanges));
  std::vector<Scratch> scratch(static_cast<size_t>(threads));
  for (Scratch& s : scratch) {
    // The most random numbers a team draws for a chunk: 4 per leg (a normal per leg and three
    // per exchange, plus a uniform per exchange) or 2 for a seed-only team.
    const size_t draws = std::max<size_t>(2, 4 * ctx.max_legs);
    s.bits.resize(draws * kChunkRuns);
    s.normals.resize(draws * kChunkRuns);
    s.times.resize(n * kChunkRuns);
    s.eps.resize(std::max<size_t>(1, ctx.max_legs) * kChunkRuns);
    s.finished.resize(kChunkRuns);
    s.dropped.resize(kChunkRuns);
    s.race_places.resize(n * kChunkRuns);
    for (auto* v : {&s.col, &s.bin}) v->resize(kChunkRuns);
    for (auto* v : {&s.ft, &s.ft2, &s.pts}) v->resize(kChunkRuns);
    s.drops.resize(std::max<size_t>(1, ctx.max_legs) * kChunkRuns);
    s.speed.resize(kChunkRuns);
    s.tau.resize(kChunkRuns);
    s.departure.resize(kChunkRuns);
    for (auto* v : {&s.baton, &s.mismatch, &s.ease}) v->resize(kChunkRuns);
    s.flags.resize(kChunkRuns);
    s.dropped_now.resize(kChunkRuns + 8);  // read in whole words
  }
  sim::parallel_for(
      blocks, threads,
      [&](std::int64_t b, int worker) {
        const std::int64_t runs = std::min(kBlockRuns, options.runs - b * kBlockRuns);
        run_block(ctx, b, runs, scratch[static_cast<size_t>(worker)],
                  tallies[static_cast<size_t>(worker)],
                  &sums[static_cast<size_t>(b) * ctx.sums_stride]);
      },
      progress);

  Tallies total(n, ctx.exchanges);
  for (const Tallies& t : tallies) total.add(t);
  std::vector<double> sum(ctx.sums_stride, 0.0);
  for (std::int64_t b = 0; b < blocks; ++b) {  // block order: the same for any thread count
    for (size_t i = 0; i < ctx.sums_stride; ++i) {
      sum[i] += sums[static_cast<size_t>(b) * ctx.sums_stride + i];
    }
  }

  SimulationResult result;
  result.runs = options.runs;
  result.seed = options.seed;
  result.solved_passes = static_cast<std::int64_t>(total.solved);
  const double runs = static_cast<double>(options.runs);
  for (size_t t = 0; t < n; ++t) {
    TeamOdds odds;
    odds.team = field[t].name;
    odds.order = field[t].runners;
    odds.finishes = static_cast<std::int64_t>(total.finishes(t));
    const double f = static_cast<double>(odds.finishes);
    if (odds.finishes > 0) {
      odds.mean_time_s = sum[t * 3] / f;
      odds.sd_time_s =
          std::sqrt(std::max(0.0, sum[t * 3 + 1] / f - odds.mean_time_s * odds.mean_time_s));
    }
    for (size_t k = 0; k < n; ++k) {
      odds.p_place.push_back(static_cast<double>(total.places[t * (n + 1) + k]) / runs);
    }
    odds.p_win = odds.p_place[0];
    for (size_t k = 0; k < n; ++k) {
      if (k < 3) odds.p_podium += odds.p_place[k];
      if (k < options.scoring.size() && options.scoring[k] > 0.0) odds.p_score += odds.p_place[k];
    }
    odds.p_dq = static_cast<double>(total.dq(t)) / runs;
    odds.p_drop = static_cast<double>(total.drops[t]) / runs;
    odds.expected_points = sum[t * 3 + 2] / runs;
    for (size_t e = 0; e < teams[t].exchanges.size(); ++e) {
      const size_t flat = ctx.exchange_offset[t] + e;
      ExchangeOdds x;
      x.p_illegal =
          static_cast<double>(options.runs - static_cast<std::int64_t>(total.ex_legal[flat])) /
          runs;
      x.p_drop = static_cast<double>(total.ex_drop[flat]) / runs;
      x.p_late = static_cast<double>(total.ex_late[flat]) / runs;
      const double legal = static_cast<double>(total.ex_legal[flat]);
      if (legal > 0.0) {
        x.mean_baton_m = sum[n * 3 + flat * 3] / legal;
        x.mean_mismatch_mps = sum[n * 3 + flat * 3 + 1] / legal;
        x.mean_late_cost_s = sum[n * 3 + flat * 3 + 2] / legal;
      }
      odds.exchanges.push_back(x);
    }
    odds.histogram_start_s = teams[t].hist_start_s;
    odds.histogram_bin_s = teams[t].hist_bin_s;
    odds.histogram.assign(
        total.histogram.begin() + static_cast<std::ptrdiff_t>(t * (kHistogramBins + 1)),
        total.histogram.begin() +
            static_cast<std::ptrdiff_t>(t * (kHistogramBins + 1) + kHistogramBins));
    odds.p10_time_s = percentile(odds, 0.1);
    odds.p50_time_s = percentile(odds, 0.5);
    odds.p90_time_s = percentile(odds, 0.9);
    result.teams.push_back(std::move(odds));
  }
  return result;
}

}  // namespace baton
