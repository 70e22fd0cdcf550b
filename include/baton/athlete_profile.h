// An athlete's fitted sprint model by name, as `baton profile show` and the library's users see
// it: the model and the 10 m splits it predicts from a block start.
//
// Example:
//   const baton::AthleteProfile p = baton::athlete_profile(ws, "Ava Brooks");
//   // p.model.curve.mss_mps: maximal speed, m/s; p.splits[9]: {100 m, seconds from the gun}
#pragma once

#include <string>
#include <vector>

#include "baton/athlete_model.h"
#include "baton/workspace.h"

namespace baton {

/// A predicted split from a block start.
struct ProfileSplit {
  double distance_m = 0;  ///< metres from the start line
  double time_s = 0;      ///< seconds from the gun, block reaction included
};

/// An athlete's model and its predicted splits.
struct AthleteProfile {
  AthleteModel model;                ///< fitted to the athlete's marks and splits
  std::vector<ProfileSplit> splits;  ///< at 10, 20, ..., 100 m
};

/// The profile of the athlete called `name` on the workspace's team (matched exactly, then
/// ignoring case). Throws NotFoundError naming "name" with the closest name, and the model's
/// ValidationError for an athlete without a usable mark.
AthleteProfile athlete_profile(const Workspace& ws, const std::string& name);

}  // namespace baton
