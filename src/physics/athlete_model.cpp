#include "baton/athlete_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "baton/error.h"
#include "baton/event.h"
#include "baton/profile_fit.h"
#include "baton/units.h"
#include "physics/running_costs.h"

namespace baton {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Extrapolating a mark to another distance: T2 = T1 (D2/D1)^k. Riegel's k = 1.06 (Riegel 1981)
// was fitted to races from 1500 m up; between the sprints and the middle distances speed falls
// off faster, and the ratios of real marks say k is about 1.17 there: 400/200 m = 2.23 for
// M. Johnson (43.18/19.32), 2.17 for van Niekerk (43.03/19.84), 2.2-2.3 for high-school boys
// (50/22); 800/400 m about 2.26 (1:43/45.5) to 2.3 (2:00/52.5); 1600/800 m about 2.2. A sprinter
// with no 400 m mark is seldom a 400 m specialist, so the steeper end is the honest estimate.
constexpr double kRiegelExponent = 1.06;
constexpr double kShortRaceExponent = 1.17;
constexpr double kShortRaceLimitM = 1000.0;       // below this the steeper exponent applies
constexpr double kMiddleToSprintExponent = 1.15;  // a 1600 m or longer down to a 400 m
// Speed-endurance loss grows as (t / T_F)^p, and the shape p depends on how fast the runner
// is. World-class sprinters hold their speed late: Bolt's 10 m splits (Berlin 2009) peak at
// 60-70 m and lose 2-3 % by the line, which p = 3 reproduces within 0.04 s. High-school girls
// fade early: twelve with bests of 12.3-13.4 s peaked 23-37 m from the start and lost 7.3 % of
// that speed by the last 10 m (Chow 1987), which p = 1 reproduces over the group (peak at
// 34-37 m, 6.6-7.4 %) and p = 3 does not (peak near 50 m, 2.4-2.7 %). Between the two anchors
// p is linear in the runner's level, the world record over their 100 m (Bolt 1; the fastest
// Chow girl 10.49 / 12.3 = 0.853), and it stays within [1, 3] outside them.
constexpr double kFatiguePowerElite = 3.0;
constexpr double kFatiguePowerHighSchool = 1.0;
constexpr double kHighSchoolAnchorLevel = 10.49 / 12.3;

double fatigue_power_for(double t100, Sex sex) {
  const double level = world_record_s(100.0, sex) / t100;
  const double p = kFatiguePowerHighSchool + (kFatiguePowerElite - kFatiguePowerHighSchool) *
                                                 (level - kHighSchoolAnchorLevel) /
                                                 (1.0 - kHighSchoolAnchorLevel);
  return std::clamp(p, kFatiguePowerHighSchool, kFatiguePowerElite);
}

// The speed-endurance term of one runner.
struct Fatigue {
  double time_s;  // T_F
  double power;   // p
};

// Typical ratios between neighbouring sprint marks, used only when a mark is missing and said
// so in the notes: 100 m ~ 0.495 x 200 m (e.g. 9.58 / 19.19 = 0.499, 11.2 / 23.0 = 0.487) and
// 200 m ~ 0.455 x 400 m, the ratio of one runner's own bests (van Niekerk 19.84 / 43.03 =
// 0.461, Norman 19.70 / 43.45 = 0.453, Merritt 19.74 / 43.65 = 0.452); the two world records,
// 19.19 / 43.03 = 0.446, belong to different runners.
constexpr double k100Per200 = 0.495;
constexpr double k200Per400 = 0.455;

// Time of the fatigued curve: d(t) = MSS (t + TAU (e^(-t/TAU) - 1) - t (t/T_F)^p / (p + 1)).
double distance_at(const SprintCurve& c, Fatigue f, double t) {
  if (t <= 0.0) return 0.0;
  return c.mss_mps * (t + c.tau_s * std::expm1(-t / c.tau_s) -
                      t * std::pow(t / f.time_s, f.power) / (f.power + 1.0));
}
double speed_at(const SprintCurve& c, Fatigue f, double t) {
  if (t <= 0.0) return 0.0;
  return c.mss_mps * (-std::expm1(-t / c.tau_s) - std::pow(t / f.time_s, f.power));
}

// Time when the speed falls back to zero (the end of the model's reach): the root of
// 1 - e^(-t/TAU) = (t/T_F)^p above the start, on [TAU / 2, T_F] (the speed is positive just
// after the start for every T_F the fit allows, and 0 or below at T_F).
double time_speed_vanishes(const SprintCurve& c, Fatigue f) {
  return find_root([&](double t) { return speed_at(c, f, t); }, std::min(c.tau_s, f.time_s) * 0.5,
                   f.time_s);
}

double time_for(const SprintCurve& c, Fatigue f, double d) {
  if (d <= 0.0) return 0.0;
  const double t_end = time_speed_vanishes(c, f);
  if (distance_at(c, f, t_end) <= d) return kInf;
  // Newton from the unfatigued time (always earlier), safeguarded by bisection.
  double lo = 0.0, hi = t_end;
  double t = std::min(sprint_time_s(c, d), t_end);
  for (int i = 0; i < 60; ++i) {
    const double miss = distance_at(c, f, t) - d;
    (miss < 0.0 ? lo : hi) = t;
    const double v = speed_at(c, f, t);
    double next = v > 0.0 ? t - miss / v : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::abs(next - t) < 1e-13 * std::max(1.0, t)) return next;
    t = next;
  }
  return t;
}

// The race time of a straight 100 m or an open 200 m (its bend run in lane 4) for a curve.
double race_time(const SprintCurve& c, Fatigue f, double reaction, double d) {
  const double run = time_for(c, f, d);
  if (!std::isfinite(run)) return kInf;
  const double bend = d > 150.0 ? open_race_bend_m(d) : 0.0;
  return reaction + run + bend_cost_s(bend, d / run, kOpenRaceLane);
}

// MSS such that the race time over d equals target (time falls as MSS rises).
double solve_mss(double tau, Fatigue f, double reaction, double d, double target) {
  return find_root(
      [&](double mss) {
        return race_time({mss, tau}, f, reaction, d) - target;
      },
      1.0, 16.0, 1e-13);
}

// The 100 m / 200 m ratio used to estimate a missing 200 m mark: about 0.495 for world-class
// sprinters (9.58 / 19.19 = 0.499, 10.49 / 21.34 = 0.492), lower for slower runners, whose
// speed fades more (a 12.6 / 26.0 high-school girl: 0.485).
double ratio_100_to_200(double t100, Sex sex) {
  const double level = world_record_s(100.0, sex) / t100;  // 1 = world record
  return std::clamp(0.495 - 0.06 * (1.0 - level), 0.47, 0.5);
}

void add_mark(AthleteModel& m, double d, double t, bool estimated, std::string source) {
  for (const ModelMark& x : m.marks) {
    if (std::abs(x.distance_m - d) < 1e-3) return;
  }
  m.marks.push_back({d, t, estimated, std::move(source)});
  std::sort(m.marks.begin(), m.marks.end(),
            [](const ModelMark& a, const ModelMark& b) { return a.distance_m < b.distance_m; });
}

const ModelMark* mark_at(const AthleteModel& m, double d) {
  for (const ModelMark& x : m.marks) {
    if (std::abs(x.distance_m - d) < 1e-3) return &x;
  }
  return nullptr;
}

}  // namespace

double AthleteModel::peak_speed_mps() const {
  const Fatigue f{fatigue_time_s, fatigue_power};
  double lo = 0.0, hi = fatigue_time_s;
  for (int i = 0; i < 200; ++i) {
    const double m1 = lo + (hi - lo) / 3.0, m2 = hi - (hi - lo) / 3.0;
    if (speed_at(curve, f, m1) < speed_at(curve, f, m2)) {
      lo = m1;
    } else {
      hi = m2;
    }
  }
  return speed_at(curve, f, 0.5 * (lo + hi));
}

double model_speed_mps(const AthleteModel& m, double t_s) {
  return std::max(0.0, speed_at(m.curve, {m.fatigue_time_s, m.fatigue_power}, t_s));
}
double model_distance_m(const AthleteModel& m, double t_s) {
  const Fatigue f{m.fatigue_time_s, m.fatigue_power};
  return distance_at(m.curve, f, std::min(t_s, time_speed_vanishes(m.curve, f)));
}
double model_time_s(const AthleteModel& m, double d_m) {
  return time_for(m.curve, {m.fatigue_time_s, m.fatigue_power}, d_m);
}

AthleteModel model_athlete(const Athlete& a, const ModelOptions& opt) {
  AthleteModel m;
  m.name = a.name;
  m.sex = a.sex;
  m.reaction_s = opt.reaction_s;
  for (const Best& b : a.bests) add_mark(m, b.distance_m, b.fat_s(), false, "mark");

  // Sprint marks: the 100 m (or the nearest short sprint), estimated upwards if missing.
  std::optional<ProfileFit> fit;
  if (a.splits.size() >= 2) {
    try {
      fit = fit_profile(a.splits, ProfileModel::plain);
    } catch (const ValidationError& e) {
      m.notes.push_back("splits ignored: " + e.message());
    }
  }
  const ModelMark* m100 = mark_at(m, 100.0);
  // A middle-distance runner with no sprint mark: a 400 m estimated from the shortest longer
  // race, with the steep exponents of the ratios above (800/400 m about 2.26, k = 1.17; from a
  // 1600 m, 1600/800 about 2.2 and 800/400 about 2.26 make k about 1.15 over the two
  // doublings, where Riegel's 1.06 would make a 5:05 miler a 70 s 400 m runner). The legs at
  // their own distances come from their real marks; every sprint leg is flagged as an estimate.
  const bool sprint_marks = std::any_of(m.marks.begin(), m.marks.end(),
                                        [](const ModelMark& x) { return x.distance_m <= 400.0; });
  if (!sprint_marks && !fit && !m.marks.empty()) {
    const ModelMark& shortest = m.marks.front();
    const std::string label = distance_label(shortest.distance_m);
    const double k =
        shortest.distance_m < kShortRaceLimitM ? kShortRaceExponent : kMiddleToSprintExponent;
    add_mark(m, 400.0, shortest.time_s * std::pow(400.0 / shortest.distance_m, k), true,
             "from " + label);
    m.notes.push_back("400m estimated from the " + label + " mark (no sprint mark)");
    m100 = mark_at(m, 100.0);
  }
  // An odd sprint distance alone (the 150 m and 300 m of youth meets): the 200 m or the 400 m
  // from it, so that the chain below applies. One runner's bests check the exponents: van
  // Niekerk's 300 m world best 30.81 against his 43.03 gives k = 1.16 (the short-race 1.17
  // here); Bolt's straight 150 m 14.35 against his 19.19 gives 1.01 (Riegel's 1.06 here, a
  // 200 m 1.4 % slower). A shorter sprint mark (55 m, 60 m) is used instead when there is one.
  if (!m100 && !mark_at(m, 200.0) && !mark_at(m, 400.0) && !m.marks.empty() &&
      m.marks.front().distance_m > 100.0 && m.marks.front().distance_m < 400.0) {
    const ModelMark odd = m.marks.front();  // a copy: add_mark() may move the marks
    const bool short_sprint = odd.distance_m < 200.0;
    const double target = short_sprint ? 200.0 : 400.0;
    const double k = short_sprint ? kRiegelExponent : kShortRaceExponent;
    const std::string label = distance_label(odd.distance_m);
    add_mark(m, target, odd.time_s * std::pow(target / odd.distance_m, k), true, "from " + label);
    m.notes.push_back(fmt::format("{:g}m estimated from the {} mark", target, label));
  }
  if (!m100 && !mark_at(m, 200.0) && mark_at(m, 400.0)) {
    add_mark(m, 200.0, k200Per400 * mark_at(m, 400.0)->time_s, true, "from 400m");
    m.notes.push_back("200m estimated from the 400m mark");
  }
  if (!m100) {
    if (const ModelMark* m200 = mark_at(m, 200.0)) {
      add_mark(m, 100.0, k100Per200 * m200->time_s, true, "from 200m");
      m.notes.push_back("100m estimated from the 200m mark");
    } else {
      // Shorter marks (55 m, 60 m): the 100 m whose own model, fatigue included as for a runner
      // known by a 100 m, runs the short mark in its time (from the gun, with the reaction).
      // Slower runners fade more over the last 40 m, so their 100 m / 60 m ratio is higher:
      // 202 grade 5-8 athletes who ran both the same day (tests/data/relays/sixty_hundred.csv)
      // ran the 100 m in 1.62 times their 60 m, which this reproduces; the unfatigued curve used
      // before gave 1.58, a 100 m 2.4 % too fast.
      const ModelMark* shortest = m.marks.empty() ? nullptr : &m.marks.front();
      if (shortest && shortest->distance_m < 100.0) {
        // add_mark() may move the marks: keep what is needed of `shortest` first.
        const double d = shortest->distance_m;
        const double t = shortest->time_s;
        const std::string label = distance_label(d);
        Athlete probe;
        probe.name = a.name;
        probe.sex = a.sex;
        probe.splits = a.splits;
        const auto miss = [&](double t100) {
          probe.bests.clear();
          probe.set_best({100.0, {t100, false}});
          return opt.reaction_s + model_time_s(model_athlete(probe, opt), d) - t;
        };
        // Against a 100 m run at the short mark's average pace, Bolt's 9.58 is 0.91 of it (his
        // 60 m split 6.29) and slower runners come closer to it: search 0.8 to 1.6 of it.
        const double even_pace = 100.0 * t / d;
        add_mark(m, 100.0, find_root(miss, 0.8 * even_pace, 1.6 * even_pace, 1e-9), true,
                 "from " + label);
        m.notes.push_back("100m estimated from the " + label + " mark");
      } else if (fit) {
        add_mark(m, 100.0, opt.reaction_s + fit->predicted_time_s(100.0), true, "from splits");
        m.notes.push_back("100m estimated from the splits");
      }
    }
  }
  m100 = mark_at(m, 100.0);
  if (!m100) {
    throw ValidationError(a.name +
                              " has no mark a model can be built from and no splits: add a "
                              "100m, 200m, 400m or 800m best",
                          Location{"", 0, "bests"});
  }

  m.tau_from_splits = fit.has_value();
  m.curve.tau_s = fit ? fit->curve.tau_s : (a.sex == Sex::male ? opt.tau_male_s : opt.tau_female_s);
  if (!fit) {
    m.notes.push_back(fmt::format("TAU {:.2f} s assumed ({} prior; no splits)", m.curve.tau_s,
                                  a.sex == Sex::male ? "men's" : "women's"));
  }
  const double t100 = m100->time_s;
  if (!mark_at(m, 200.0)) {
    add_mark(m, 200.0, t100 / ratio_100_to_200(t100, a.sex), true, "from 100m");
    m.fatigue_estimated = true;
    m.notes.push_back("200m estimated from the 100m mark (sets the speed endurance)");
  }
  const double t200 = mark_at(m, 200.0)->time_s;
  m.fatigue_power = fatigue_power_for(t100, a.sex);
  // Nested: for a trial T_F, MSS runs the 100 m mark; T_F is the one that then runs the 200 m.
  auto miss_200 = [&](double log_tf) {
    const Fatigue f{std::exp(log_tf), m.fatigue_power};
    const SprintCurve c{solve_mss(m.curve.tau_s, f, opt.reaction_s, 100.0, t100), m.curve.tau_s};
    return race_time(c, f, opt.reaction_s, 200.0) - t200;
  };
  const Fatigue f{std::exp(find_root(miss_200, std::log(8.0), std::log(4000.0), 1e-12)),
                  m.fatigue_power};
  m.fatigue_time_s = f.time_s;
  m.curve.mss_mps = solve_mss(m.curve.tau_s, f, opt.reaction_s, 100.0, t100);
  return m;
}

double open_time_s(const AthleteModel& m, double d, bool* estimated, std::string* source) {
  auto report = [&](double t, bool est, std::string src) {
    if (estimated) *estimated = est;
    if (source) *source = std::move(src);
    return t;
  };
  if (const ModelMark* x = mark_at(m, d)) return report(x->time_s, x->estimated, x->source);
  // Longer legs need a real mark from a race at least half as long (200 m for a 400 m leg,
  // 400 m for an 800 m leg): Riegel's law is not trusted to more than double a distance.
  const bool long_leg = d > 250.0;
  const double longest_needed = std::max(200.0, d / 2.0);
  const ModelMark* below = nullptr;
  const ModelMark* above = nullptr;
  bool has_long = false;
  for (const ModelMark& x : m.marks) {
    if (!x.estimated && x.distance_m >= longest_needed - 1e-6) has_long = true;
    if (long_leg && x.distance_m < 200.0) continue;
    if (x.distance_m < d) below = &x;
    if (x.distance_m > d && !above) above = &x;
  }
  if (long_leg && !has_long) {
    return report(kInf, true, "no mark of " + distance_label(longest_needed) + " or more");
  }
  if (below && above) {
    const double k =
        std::log(above->time_s / below->time_s) / std::log(above->distance_m / below->distance_m);
    return report(below->time_s * std::pow(d / below->distance_m, k), true,
                  "between " + distance_label(below->distance_m) + " and " +
                      distance_label(above->distance_m));
  }
  const ModelMark* near = below ? below : above;
  if (!near) return report(kInf, true, "no marks");
  const bool short_race = std::min(d, near->distance_m) < kShortRaceLimitM;
  const double k = short_race ? kShortRaceExponent : kRiegelExponent;
  return report(
      near->time_s * std::pow(d / near->distance_m, k), true,
      "from " + distance_label(near->distance_m) + (short_race ? " (k = 1.17)" : " (Riegel)"));
}

}  // namespace baton
