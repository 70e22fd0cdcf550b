#include "plan/lineup_rules.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "baton/error.h"

namespace baton::plan {
namespace {

Location field(const char* name) { return Location{"lineup request", 0, name}; }

const char* plural_sex(Sex s, int count) {
  if (s == Sex::female) return count == 1 ? "woman" : "women";
  return count == 1 ? "man" : "men";
}

}  // namespace

std::string athlete_label(const LineupRequest& request, int athlete) {
  if (athlete >= 0 && static_cast<size_t>(athlete) < request.names.size() &&
      !request.names[athlete].empty()) {
    return request.names[athlete];
  }
  return fmt::format("athlete index {}", athlete);
}

void check_costs_shape(const RelayCosts& costs) {
  if (costs.legs < 1 || costs.athletes < 0 ||
      costs.leg_s.size() != static_cast<size_t>(costs.athletes) * costs.legs ||
      costs.exchange_s.size() !=
          static_cast<size_t>(costs.legs - 1) * costs.athletes * costs.athletes) {
    throw ValidationError(fmt::format("relay cost tables do not match {} athletes and {} legs",
                                      costs.athletes, costs.legs),
                          field("costs"));
  }
  for (double v : costs.leg_s) {
    if (std::isnan(v) || v == -RelayCosts::kImpossible) {
      throw ValidationError("relay leg costs must be finite or +infinity", field("costs"));
    }
  }
  for (double v : costs.exchange_s) {
    if (std::isnan(v) || v == -RelayCosts::kImpossible) {
      throw ValidationError("relay exchange costs must be finite or +infinity", field("costs"));
    }
  }
}

RelayRules check_lineup_request(const RelayCosts& costs, const LineupRequest& req,
                                bool apply_locks) {
  check_costs_shape(costs);
  const int n = costs.athletes;
  const int legs = costs.legs;
  if (req.top_k < 0 || req.top_k > 1000) {
    throw ValidationError(fmt::format("top_k must be 0 to 1000, not {}", req.top_k),
                          field("top_k"));
  }
  const bool needs_sexes = req.sex_rule == SexRule::mixed_two_two || req.required_sex;
  if (!req.sexes.empty() && req.sexes.size() != static_cast<size_t>(n)) {
    throw ValidationError(fmt::format("{} sexes given for {} athletes", req.sexes.size(), n),
                          field("sexes"));
  }
  if (needs_sexes && req.sexes.empty()) {
    throw ValidationError("the sex rule needs the sex of every athlete", field("sexes"));
  }
  if (req.sex_rule == SexRule::mixed_two_two && legs % 2 != 0) {
    throw ValidationError(fmt::format("a mixed relay needs an even number of legs, not {}", legs),
                          field("sex_rule"));
  }
  if (req.sex_rule == SexRule::mixed_two_two && req.required_sex) {
    throw ValidationError("a mixed relay cannot require one sex", field("required_sex"));
  }

  RelayRules rules;
  rules.legs = legs;
  rules.athletes = n;
  rules.woman.assign(n, 0);
  for (int a = 0; a < static_cast<int>(req.sexes.size()); ++a) {
    rules.woman[a] = req.sexes[a] == Sex::female ? 1 : 0;
  }
  rules.allowed_women.assign(legs + 1, 0);
  if (req.sex_rule == SexRule::mixed_two_two) {
    rules.allowed_women[legs / 2] = 1;
  } else if (req.required_sex) {
    rules.allowed_women[*req.required_sex == Sex::female ? legs : 0] = 1;
  } else if (!req.sexes.empty()) {
    rules.allowed_women[0] = rules.allowed_women[legs] = 1;
  } else {
    rules.allowed_women.assign(legs + 1, 1);
  }

  std::vector<char> excluded(n, 0);
  for (int a : req.excluded) {
    if (a < 0 || a >= n) {
      throw ValidationError(fmt::format("excluded athlete index {} is not on the roster", a),
                            field("excluded"));
    }
    excluded[a] = 1;
  }
  auto sex_allowed = [&](int a) { return !req.required_sex || req.sexes[a] == *req.required_sex; };

  // Locks: each must name a real leg and a real, available, eligible athlete, once.
  std::vector<int> locked_on(n, -1);
  int locked_women = 0;
  int locked_men = 0;
  for (const auto& [leg, a] : req.locked_legs) {
    if (leg < 0 || leg >= legs) {
      throw ValidationError(
          fmt::format("leg {} is locked but the relay has {} legs", leg + 1, legs),
          field("locked_legs"));
    }
    if (a < 0 || a >= n) {
      throw ValidationError(
          fmt::format("leg {} is locked to athlete index {}, who is not on the roster", leg + 1, a),
          field("locked_legs"));
    }
    const std::string who = athlete_label(req, a);
    if (locked_on[a] >= 0) {
      throw ValidationError(
          fmt::format("{} is locked on both leg {} and leg {}", who, locked_on[a] + 1, leg + 1),
          field("locked_legs"));
    }
    locked_on[a] = leg;
    if (excluded[a]) {
      throw ValidationError(fmt::format("{} is locked on leg {} and also excluded", who, leg + 1),
                            field("locked_legs"));
    }
    if (!sex_allowed(a)) {
      throw ValidationError(fmt::format("{} is locked on leg {} but the relay is for {} only", who,
                                        leg + 1, plural_sex(*req.required_sex, 2)),
                            field("locked_legs"));
    }
    if (costs.leg(a, leg) == RelayCosts::kImpossible) {
      throw ValidationError(
          fmt::format("{} is locked on leg {} but has no predicted time for that leg", who,
                      leg + 1),
          field("locked_legs"));
    }
    if (!req.sexes.empty()) (rules.woman[a] ? locked_women : locked_men)++;
  }
  if (req.sex_rule == SexRule::mixed_two_two &&
      (locked_women > legs / 2 || locked_men > legs / 2)) {
    const bool women = locked_women > legs / 2;
    throw ValidationError(fmt::format("{} {} are locked but a mixed relay takes exactly {} {}",
                                      women ? locked_women : locked_men,
                                      plural_sex(women ? Sex::female : Sex::male, 2), legs / 2,
                                      plural_sex(women ? Sex::female : Sex::male, legs / 2)),
                          field("locked_legs"));
  }
  if (req.sex_rule == SexRule::single_sex && !req.required_sex && locked_women > 0 &&
      locked_men > 0) {
    throw ValidationError(
        "the locked athletes include both women and men, but the relay is "
        "single-sex",
        field("locked_legs"));
  }

  // Enough athletes of each sex once exclusions are applied?
  int women = 0;
  int men = 0;
  for (int a = 0; a < n; ++a) {
    if (!excluded[a]) (rules.woman[a] ? women : men)++;
  }
  const int available = women + men;
  const int n_excluded = n - available;
  const std::string excl_note =
      n_excluded > 0 ? fmt::format(" ({} excluded)", n_excluded) : std::string();
  if (available == 0) {
    throw ValidationError(
        n == 0 ? "the roster is empty" : "every athlete on the roster is excluded",
        field("excluded"));
  }
  if (available < legs) {
    throw ValidationError(fmt::format("too few athletes: the relay needs {}, only {} available{}",
                                      legs, available, excl_note),
                          field("excluded"));
  }
  if (!req.sexes.empty()) {
    auto need = [&](Sex s, int needed, int have) {
      if (have < needed) {
        throw ValidationError(
            fmt::format("too few {}: the relay needs {} {}, only {} available{}", plural_sex(s, 2),
                        needed, plural_sex(s, needed), have, excl_note),
            field("sexes"));
      }
    };
    if (req.sex_rule == SexRule::mixed_two_two) {
      need(Sex::female, legs / 2, women);
      need(Sex::male, legs / 2, men);
    } else if (req.required_sex) {
      need(*req.required_sex, legs, *req.required_sex == Sex::female ? women : men);
    } else if (women < legs && men < legs) {
      throw ValidationError(
          fmt::format("too few athletes of one sex: the relay needs {} women or {} men, {} "
                      "women and {} men available{}",
                      legs, legs, women, men, excl_note),
          field("sexes"));
    }
  }

  rules.candidates.assign(legs, {});
  for (int l = 0; l < legs; ++l) {
    const auto lock = req.locked_legs.find(l);
    for (int a = 0; a < n; ++a) {
      if (excluded[a] || !sex_allowed(a) || costs.leg(a, l) == RelayCosts::kImpossible) continue;
      if (apply_locks && lock != req.locked_legs.end() && lock->second != a) continue;
      if (apply_locks && locked_on[a] >= 0 && locked_on[a] != l) continue;
      rules.candidates[l].push_back(a);
    }
    if (rules.candidates[l].empty()) {
      throw ValidationError(
          fmt::format("no available athlete has a predicted time for leg {}", l + 1),
          field("costs"));
    }
  }
  return rules;
}

}  // namespace baton::plan
