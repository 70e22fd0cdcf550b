#include "baton/athlete_profile.h"

namespace baton {

AthleteProfile athlete_profile(const Workspace& ws, const std::string& name) {
  const Team& team = ws.team();
  AthleteProfile p{
      model_athlete(team.athletes[static_cast<size_t>(ws.athlete_index(name, "name"))]), {}};
  for (int d = 10; d <= 100; d += 10) {
    p.splits.push_back({static_cast<double>(d), p.model.reaction_s + model_time_s(p.model, d)});
  }
  return p;
}

}  // namespace baton
