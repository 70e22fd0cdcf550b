// Hello, relay: the fastest girls' 4x100 of a team file and the plan of its three hand-offs,
// through Baton's public API only. Build it against an installed Baton (examples/CMakeLists.txt)
// and run it on the example team:  hello_relay riverside.toml
#include <baton/error.h>
#include <baton/event.h>
#include <baton/lineup.h>
#include <baton/relay_plan.h>
#include <baton/team_file.h>
#include <fmt/format.h>

#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: hello_relay TEAM_FILE\n");
    return 2;
  }
  try {
    const baton::Team team = baton::load_team(argv[1]);  // TOML team file or CSV roster
    const baton::Event event = baton::find_event("4x100", team.rules);
    const std::vector<std::string> order = baton::best_order(team, event, baton::Sex::female);
    const baton::RelayPlan plan = baton::build_relay_plan(team, event, order);

    fmt::print("{}, girls' {}\n", team.name, event.name);
    for (const baton::RelayPlanLeg& leg : plan.legs) {
      fmt::print("leg {}: {} ({:.2f} s)\n", leg.leg, leg.athlete, leg.split_s);
    }
    fmt::print("team time: {:.2f} s\n", plan.team_time_s);
    for (const baton::RelayPlanExchange& x : plan.exchanges) {
      fmt::print("{} -> {}: go-mark {:.2f} m ({:.1f} foot lengths), pass {:.1f} m into the zone\n",
                 x.from, x.to, x.plan.go_mark_m, x.plan.go_mark_foot_lengths,
                 x.plan.baton_position_m);
    }
  } catch (const baton::Error& e) {  // bad file, unknown event, no possible order
    fmt::print(stderr, "hello_relay: {}\n", e.what());
    return 1;
  }
  return 0;
}
