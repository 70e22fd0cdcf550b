// baton practice log|list|remove|report|progress: hand-off drills and what they say about a
// pair's go-mark (include/baton/practice_log.h, pair_report.h).
#include <fmt/format.h>

#include <cmath>
#include <fstream>

#include "baton/date.h"
#include "baton/pair_report.h"
#include "baton/practice_json.h"
#include "baton/practice_log.h"
#include "baton/progress_svg.h"
#include "cli/context.h"
#include "cli/option_errors.h"
#include "cli/practice_text.h"
#include "common/today.h"

namespace baton::cli {
namespace {

// The pair, the exchange and the physics overrides of `practice report` and `progress`.
struct PairArgs {
  std::string from, to, event = "4x100";
  int exchange = 0;  // 0: the pair's exchange in the event's best order
  std::string incoming_speed, outgoing_mss, outgoing_tau, reaction, free_distance, zone_length,
      start, incoming_decel, target, go_mark;
  std::string half_life = "28";  // days
  std::string as_of;             // default: today

  void add_options(CLI::App* cmd) {
    cmd->add_option("--from", from, "Incoming runner")->required();
    cmd->add_option("--to", to, "Outgoing runner")->required();
    cmd->add_option("--event", event, "Event whose exchange is drilled")->capture_default_str();
    cmd->add_option("--exchange", exchange,
                    "Which exchange (1 = leg 1 to leg 2; default: the pair's in the best order)")
        ->check(CLI::Range(1, 7));
    cmd->add_option("--incoming-speed", incoming_speed,
                    "Override: incoming runner's speed at the mark, m/s");
    cmd->add_option("--outgoing-mss", outgoing_mss, "Override: outgoing runner's MSS, m/s");
    cmd->add_option("--outgoing-tau", outgoing_tau, "Override: outgoing runner's TAU, s");
    cmd->add_option("--reaction", reaction, "Override: model reaction after the mark, s");
    cmd->add_option("--free-distance", free_distance, "Override: arm reach at the pass, m");
    cmd->add_option("--zone-length", zone_length, "Override: exchange zone length, m");
    cmd->add_option("--start", start, "Override: outgoing runner's start, m into the zone");
    cmd->add_option("--incoming-decel", incoming_decel, "Override: incoming slowing, m/s^2");
    cmd->add_option("--target", target,
                    "Planned baton position, m into the zone (default: the relay plan's)");
    cmd->add_option("--go-mark", go_mark,
                    "Report: where the pair passes with this go-mark, m (default: the "
                    "recommended one)");
    cmd->add_option("--half-life", half_life, "Days after which a drill counts half")
        ->capture_default_str();
    cmd->add_option("--as-of", as_of, "Date to calibrate for, YYYY-MM-DD (default today)");
  }

  PairReportRequest request() const {
    const auto number = [](const std::string& v, const char* option) {
      return v.empty() ? std::nullopt : std::optional<double>(parse_number(v, option));
    };
    PairReportRequest r{.from = from,
                        .to = to,
                        .event = event,
                        .exchange = exchange,
                        .as_of = as_of.empty() ? today_date() : as_of,
                        .half_life_days = parse_number(half_life, "--half-life"),
                        .overrides = {},
                        .go_mark_m = std::nullopt};
    HandoffOverrides& o = r.overrides;
    o.incoming_speed_mps = number(incoming_speed, "--incoming-speed");
    o.outgoing_mss_mps = number(outgoing_mss, "--outgoing-mss");
    o.outgoing_tau_s = number(outgoing_tau, "--outgoing-tau");
    o.reaction_s = number(reaction, "--reaction");
    o.free_distance_m = number(free_distance, "--free-distance");
    o.zone_length_m = number(zone_length, "--zone-length");
    o.start_m = number(start, "--start");
    o.incoming_decel_mps2 = number(incoming_decel, "--incoming-decel");
    o.target_m = number(target, "--target");
    r.go_mark_m = number(go_mark, "--go-mark");
    return r;
  }
};

long long drill_id(const std::string& text) {
  const double id = parse_number(text, "id");
  if (id != std::floor(id) || id < 1) {
    throw ParseError("'" + text + "' is not a drill id", Location{"id", 0, ""});
  }
  return static_cast<long long>(id);
}

}  // namespace

void add_practice_command(CLI::App& app, Context& ctx) {
  CLI::App* practice_cmd = app.add_subcommand("practice", "Hand-off drills and calibrated marks");
  practice_cmd->require_subcommand(1);

  struct LogArgs {
    std::string from, to, go_mark, exchange_at, baton_time, outcome = "clean", date, note,
                                                            zone_length = "30";
  };
  auto la = std::make_shared<LogArgs>();
  CLI::App* log = practice_cmd->add_subcommand("log", "Record one hand-off drill");
  log->add_option("--from", la->from, "Incoming runner")->required();
  log->add_option("--to", la->to, "Outgoing runner")->required();
  log->add_option("--go-mark", la->go_mark, "Go-mark used, m behind the outgoing start")
      ->required();
  log->add_option("--exchange-at", la->exchange_at, "Where the baton changed hands, m into zone")
      ->required();
  log->add_option("--baton-time", la->baton_time, "Baton time through the zone, s");
  log->add_option("--outcome", la->outcome, "clean, early, late, stutter, drop or out")
      ->capture_default_str();
  log->add_option("--date", la->date, "YYYY-MM-DD (default today)");
  log->add_option("--note", la->note, "Free text");
  log->add_option("--zone-length", la->zone_length, "Zone length, m")->capture_default_str();
  log->callback([la, &ctx] {
    Drill d{.from = la->from,
            .to = la->to,
            .date = la->date.empty() ? today_date() : parse_date(la->date, {"--date", 0, ""}),
            .go_mark_m = parse_number(la->go_mark, "--go-mark"),
            .exchange_at_m = parse_number(la->exchange_at, "--exchange-at"),
            .baton_time_s = std::nullopt,
            .outcome = parse_drill_outcome(la->outcome, {"--outcome", 0, ""}),
            .note = la->note,
            .zone_length_m = parse_number(la->zone_length, "--zone-length"),
            .key = {}};
    if (!la->baton_time.empty()) d.baton_time_s = parse_number(la->baton_time, "--baton-time");
    const Drill stored = naming_options([&] { return log_drill(ctx.workspace(), d); });
    if (ctx.json) {
      ctx.print_json({{"logged", drill_to_json(stored)}});
    } else {
      ctx.print(drill_line(stored));
    }
  });

  auto filter = std::make_shared<DrillFilter>();
  CLI::App* list = practice_cmd->add_subcommand("list", "List drills, oldest first");
  list->add_option("--from", filter->from, "Only this incoming runner");
  list->add_option("--to", filter->to, "Only this outgoing runner");
  list->callback([filter, &ctx] {
    const auto drills = naming_options([&] { return list_drills(ctx.workspace(), *filter); });
    if (ctx.json) {
      nlohmann::json all = nlohmann::json::array();
      for (const Drill& d : drills) all.push_back(drill_to_json(d));
      ctx.print_json({{"drills", all}});
    } else if (drills.empty()) {
      ctx.print(
          "No drills logged: baton practice log --from A --to B --go-mark M --exchange-at P\n");
    } else {
      ctx.print(drills_table(drills));
    }
  });

  auto remove_id = std::make_shared<std::string>();
  CLI::App* remove = practice_cmd->add_subcommand("remove", "Delete a drill by id");
  remove->add_option("id", *remove_id, "Drill id (see practice list)")->required();
  remove->callback([remove_id, &ctx] {
    const long long id = drill_id(*remove_id);
    remove_drill(ctx.workspace(), id);
    if (ctx.json) {
      ctx.print_json({{"removed", id}});
    } else {
      ctx.print(fmt::format("Removed drill {}\n", id));
    }
  });

  auto ra = std::make_shared<PairArgs>();
  CLI::App* report =
      practice_cmd->add_subcommand("report", "A pair's record and its calibrated go-mark");
  ra->add_options(report);
  report->callback([ra, &ctx] {
    const PracticeReport r =
        naming_options([&] { return pair_report(ctx.workspace(), ra->request()); });
    if (ctx.json) {
      ctx.print_json(practice_report_to_json(r));
    } else {
      ctx.print(report_text(r));
    }
  });

  auto pa = std::make_shared<PairArgs>();
  auto svg = std::make_shared<std::string>();
  CLI::App* progress =
      practice_cmd->add_subcommand("progress", "How a pair's numbers moved, date by date");
  pa->add_options(progress);
  progress->add_option("--svg", *svg, "Also write a line chart to this SVG file");
  progress->callback([pa, svg, &ctx] {
    const PairProgress p = naming_options([&] {
      const PairProgress days = pair_progress(ctx.workspace(), pa->request());
      if (!svg->empty()) {
        std::ofstream file(*svg);
        file << progress_svg(pair_progress_chart(days));
        if (!file) throw ValidationError("cannot write " + *svg, Location{"--svg", 0, ""});
      }
      return days;
    });
    if (ctx.json) {
      ctx.print_json(progress_json(p, *svg));
      return;
    }
    ctx.print(progress_text(p));
    if (!svg->empty()) ctx.print("Chart written to " + *svg + "\n");
  });
}

}  // namespace baton::cli
