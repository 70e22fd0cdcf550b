// The Monte Carlo engine. Races are split into fixed-size blocks; block b draws from its own
// pcg32 stream (seed, b), so every block's numbers are the same whichever thread runs it.
// Integer tallies (places, failures, histogram bins) are summed per thread, which is exact in
// any order; floating-point sums are kept per block and added in block order. Hence the same
// seed gives bit-identical results for any thread count.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <pcg_random.hpp>
#include <thread>

#include "baton/error.h"
#include "baton/simulation.h"
#include "sim/exchange_model.h"
#include "sim/parallel.h"
#include "sim/ziggurat.h"

namespace baton {
namespace {

using sim::ExchangeModel;
using sim::PassOutcome;
using sim::Ziggurat;

constexpr std::int64_t kBlockRuns = 4096;  // changing it changes the numbers for a seed
constexpr int kHistogramBins = 2048;

struct PreparedExchange {
  std::shared_ptr<const ExchangeModel> model;
  double u_mps = 0.0;  // planned incoming speed at the mark
  double reaction_sd_s = 0.0;
  double mark_sd_m = 0.0;
  double fatigue_sd = 0.0;         // fraction
  double drop_base = 0.0;          // drop chance of a matched pass, practice included
  double inv_mismatch_ref2 = 0.0;  // 1 / ref^2, 0 for visual passes
};

struct PreparedTeam {
  bool seed_only = false;
  double seed_s = 0.0, seed_sd_s = 0.0, fail_rate = 0.0;
  std::vector<double> leg_mean_s, leg_sd_s;
  std::vector<PreparedExchange> exchanges;
  double hist_start_s = 0.0, hist_inv_bin = 0.0, hist_bin_s = 0.0;
};

struct Tallies {  // integer counts, one set per thread
  std::vector<std::uint64_t> finishes, dq, drops;
  std::vector<std::uint64_t> places;                         // team * n + place
  std::vector<std::uint64_t> histogram;                      // team * bins + bin
  std::vector<std::uint64_t> ex_illegal, ex_drop, ex_legal;  // by flat exchange index
  Tallies(size_t teams, size_t exchanges)
      : finishes(teams),
        dq(teams),
        drops(teams),
        places(teams * teams),
        histogram(teams * kHistogramBins),
        ex_illegal(exchanges),
        ex_drop(exchanges),
        ex_legal(exchanges) {}
  void add(const Tallies& o) {
    auto sum = [](std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
      for (size_t i = 0; i < a.size(); ++i) a[i] += b[i];
    };
    sum(finishes, o.finishes), sum(dq, o.dq), sum(drops, o.drops), sum(places, o.places);
    sum(histogram, o.histogram), sum(ex_illegal, o.ex_illegal), sum(ex_drop, o.ex_drop);
    sum(ex_legal, o.ex_legal);
  }
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
    const PracticeRecord& p = t.exchanges[i].practice;
    bad(p.drills < 0 || !(p.clean_rate >= 0.0 && p.clean_rate <= 1.0),
        fmt::format("exchange {} practice", i + 1),
        "drills must be >= 0 and the clean rate between 0 and 1");
    try {
      validate_handoff(t.exchanges[i].handoff);
    } catch (const ValidationError& e) {
      throw ValidationError(e.message(),
                            team_at(t, fmt::format("exchange {} {}", i + 1, e.where().field)));
    }
  }
}

// The pair's drop chance relative to an unknown pair: the posterior mean of their fumble rate
// (Beta prior with the assumed rate and weight, binomial drill record) over the prior rate.
double practice_factor(const PracticeRecord& p, const SimulationOptions& o) {
  const double prior = o.practice_prior_fail_rate;
  const double fails = p.drills * (1.0 - p.clean_rate);
  const double posterior =
      (prior * o.practice_prior_drills + fails) / (o.practice_prior_drills + p.drills);
  return posterior / prior;
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
                                               : o.form_sd_fraction * l.split_mean_s);
      nominal_s += l.split_mean_s;
    }
    for (size_t i = 0; i < t.exchanges.size(); ++i) {
      const SimExchange& e = t.exchanges[i];
      const double scale = e.blind ? 1.0 : o.visual_error_scale;
      PreparedExchange x;
      x.u_mps = e.handoff.incoming_speed_mps;
      x.reaction_sd_s = scale * o.reaction_sd_s;
      x.mark_sd_m = scale * o.mark_sd_m;
      x.fatigue_sd = scale * o.fatigue_sd_fraction;
      const double factor = practice_factor(e.practice, o);
      x.drop_base = factor * (e.blind ? o.drop_base_probability : o.visual_drop_probability);
      x.inv_mismatch_ref2 =
          e.blind ? 1.0 / (o.drop_mismatch_ref_mps * o.drop_mismatch_ref_mps) : 0.0;
      p.exchanges.push_back(x);
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
  double recovery_mean_s = 0.0;
  size_t sums_stride = 0;  // per block: teams * 3 + exchanges * 2
};

// Simulates one block of races, adding integer counts to `tally` and writing the block's
// floating-point sums to `sums`.
void run_block(const RaceContext& ctx, std::int64_t block, std::int64_t runs, Tallies& tally,
               double* sums) {
  const std::vector<PreparedTeam>& teams = *ctx.teams;
  const SimulationOptions& o = *ctx.options;
  const Ziggurat& normal = Ziggurat::instance();
  pcg32 rng(o.seed, static_cast<std::uint64_t>(block));
  const size_t n = teams.size();
  std::vector<double> time(n);
  std::vector<int> order(n);
  std::vector<double> eps(8);
  const bool exact = o.exact_exchanges;
  const size_t scored = o.scoring.size();
  for (std::int64_t r = 0; r < runs; ++r) {
    int finishers = 0;
    for (size_t t = 0; t < n; ++t) {
      const PreparedTeam& team = teams[t];
      bool finished = true;
      double total = 0.0;
      if (team.seed_only) {
        total = team.seed_s + team.seed_sd_s * normal(rng);
        finished = Ziggurat::uniform(rng) >= team.fail_rate;
      } else {
        const size_t legs = team.leg_mean_s.size();
        if (eps.size() < legs) eps.resize(legs);
        for (size_t l = 0; l < legs; ++l) {
          const double z = team.leg_sd_s[l] * normal(rng);
          eps[l] = z / team.leg_mean_s[l];
          total += team.leg_mean_s[l] + z;
        }
        bool dropped = false;
        for (size_t e = 0; e < team.exchanges.size(); ++e) {
          const PreparedExchange& x = team.exchanges[e];
          const size_t flat = ctx.exchange_offset[t] + e;
          // A runner having a slow day arrives slower; on top, fatigue varies by itself.
          const double u = x.u_mps / (1.0 + eps[e]) * (1.0 + x.fatigue_sd * normal(rng));
          const double reaction_err = x.reaction_sd_s * normal(rng);
          const double mark_err = x.mark_sd_m * normal(rng);
          const double mark_time = x.model->mark_time_s(mark_err, u);
          const double tau = x.model->plan().reaction_s + reaction_err + mark_time;
          // Leaving later than planned delays the baton by exactly the delay (earlier gains):
          // the baton leaves the zone with the outgoing runner.
          total += reaction_err + mark_time;
          const PassOutcome pass = exact ? x.model->exact(tau, u) : x.model->fast(tau, u);
          if (!pass.legal) {
            finished = false;
            ++tally.ex_illegal[flat];
            continue;
          }
          ++tally.ex_legal[flat];
          sums[n * 3 + flat * 2] += pass.baton_m;
          sums[n * 3 + flat * 2 + 1] += pass.mismatch_mps;
          const double m2 = pass.mismatch_mps * pass.mismatch_mps;
          const double p_drop = x.drop_base * (1.0 + m2 * x.inv_mismatch_ref2);
          if (Ziggurat::uniform(rng) < p_drop) {
            ++tally.ex_drop[flat];
            dropped = true;
            if (Ziggurat::uniform(rng) < o.drop_abandon_probability) {
              finished = false;
            } else {
              total += std::max(0.5, ctx.recovery_mean_s + o.drop_recovery_sd_s * normal(rng));
            }
          }
        }
        if (dropped) ++tally.drops[t];
      }
      time[t] = total;
      if (finished) {
        order[static_cast<size_t>(finishers++)] = static_cast<int>(t);
      } else {
        ++tally.dq[t];
      }
    }
    // Rank the finishers (insertion sort: fields are small); ties go to the earlier entry.
    for (int i = 1; i < finishers; ++i) {
      const int key = order[static_cast<size_t>(i)];
      int j = i - 1;
      while (j >= 0 && time[static_cast<size_t>(order[static_cast<size_t>(j)])] >
                           time[static_cast<size_t>(key)]) {
        order[static_cast<size_t>(j + 1)] = order[static_cast<size_t>(j)];
        --j;
      }
      order[static_cast<size_t>(j + 1)] = key;
    }
    for (int k = 0; k < finishers; ++k) {
      const size_t t = static_cast<size_t>(order[static_cast<size_t>(k)]);
      const double tt = time[t];
      ++tally.finishes[t];
      ++tally.places[t * n + static_cast<size_t>(k)];
      sums[t * 3] += tt;
      sums[t * 3 + 1] += tt * tt;
      if (static_cast<size_t>(k) < scored) sums[t * 3 + 2] += o.scoring[static_cast<size_t>(k)];
      const PreparedTeam& team = teams[t];
      const double b = (tt - team.hist_start_s) * team.hist_inv_bin;
      const int bin = b <= 0.0 ? 0 : std::min(kHistogramBins - 1, static_cast<int>(b));
      ++tally.histogram[t * kHistogramBins + static_cast<size_t>(bin)];
    }
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
  }
  ctx.recovery_mean_s =
      options.drop_recovery_s > 0.0 ? options.drop_recovery_s : drop_recovery_mean_s(rules);
  const size_t n = teams.size();
  ctx.sums_stride = n * 3 + ctx.exchanges * 2;

  const std::int64_t blocks = (options.runs + kBlockRuns - 1) / kBlockRuns;
  std::vector<double> sums(static_cast<size_t>(blocks) * ctx.sums_stride, 0.0);
  std::vector<Tallies> tallies(static_cast<size_t>(threads), Tallies(n, ctx.exchanges));
  sim::parallel_for(
      blocks, threads,
      [&](std::int64_t b, int worker) {
        const std::int64_t runs = std::min(kBlockRuns, options.runs - b * kBlockRuns);
        run_block(ctx, b, runs, tallies[static_cast<size_t>(worker)],
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
  const double runs = static_cast<double>(options.runs);
  for (size_t t = 0; t < n; ++t) {
    TeamOdds odds;
    odds.team = field[t].name;
    odds.finishes = static_cast<std::int64_t>(total.finishes[t]);
    const double f = static_cast<double>(odds.finishes);
    if (odds.finishes > 0) {
      odds.mean_time_s = sum[t * 3] / f;
      odds.sd_time_s =
          std::sqrt(std::max(0.0, sum[t * 3 + 1] / f - odds.mean_time_s * odds.mean_time_s));
    }
    for (size_t k = 0; k < n; ++k) {
      odds.p_place.push_back(static_cast<double>(total.places[t * n + k]) / runs);
    }
    odds.p_win = odds.p_place[0];
    for (size_t k = 0; k < n; ++k) {
      if (k < 3) odds.p_podium += odds.p_place[k];
      if (k < options.scoring.size() && options.scoring[k] > 0.0) odds.p_score += odds.p_place[k];
    }
    odds.p_dq = static_cast<double>(total.dq[t]) / runs;
    odds.p_drop = static_cast<double>(total.drops[t]) / runs;
    odds.expected_points = sum[t * 3 + 2] / runs;
    for (size_t e = 0; e < teams[t].exchanges.size(); ++e) {
      const size_t flat = ctx.exchange_offset[t] + e;
      ExchangeOdds x;
      x.p_illegal = static_cast<double>(total.ex_illegal[flat]) / runs;
      x.p_drop = static_cast<double>(total.ex_drop[flat]) / runs;
      const double legal = static_cast<double>(total.ex_legal[flat]);
      if (legal > 0.0) {
        x.mean_baton_m = sum[n * 3 + flat * 2] / legal;
        x.mean_mismatch_mps = sum[n * 3 + flat * 2 + 1] / legal;
      }
      odds.exchanges.push_back(x);
    }
    odds.histogram_start_s = teams[t].hist_start_s;
    odds.histogram_bin_s = teams[t].hist_bin_s;
    odds.histogram.assign(
        total.histogram.begin() + static_cast<std::ptrdiff_t>(t * kHistogramBins),
        total.histogram.begin() + static_cast<std::ptrdiff_t>((t + 1) * kHistogramBins));
    odds.p10_time_s = percentile(odds, 0.1);
    odds.p50_time_s = percentile(odds, 0.5);
    odds.p90_time_s = percentile(odds, 0.9);
    result.teams.push_back(std::move(odds));
  }
  return result;
}

}  // namespace baton
