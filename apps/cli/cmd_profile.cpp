// baton profile fit|show: sprint profiles from split times, and an athlete's fitted model.
#include <fmt/format.h>

#include <fstream>

#include "baton/athlete_model.h"
#include "baton/athlete_profile.h"
#include "baton/profile_fit.h"
#include "baton/svg.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct FitOptions {
  std::string splits;
  std::string model = "plain";
};

struct ShowOptions {
  std::string name;
  std::string team;
  std::string svg;
};

void run_fit(const FitOptions& opt, const Context& ctx) {
  const std::vector<Split> splits = parse_splits(opt.splits, {"--splits", 0, ""});
  const ProfileFit f =
      fit_profile(splits, parse_profile_model(opt.model, {"--model", 0, ""}), {"--splits", 0, ""});
  if (ctx.json) {
    nlohmann::json j = {{"model", to_string(f.model)}, {"mss_mps", f.curve.mss_mps},
                        {"tau_s", f.curve.tau_s},      {"mac_mps2", f.mac_mps2()},
                        {"pmax_wkg", f.pmax_wkg()},    {"rmse_s", f.rmse_s}};
    if (f.model == ProfileModel::time_correction) j["time_correction_s"] = f.time_correction_s;
    if (f.model == ProfileModel::flying_distance) j["flying_distance_m"] = f.flying_distance_m;
    ctx.print_json(j);
    return;
  }
  TextTable params({"parameter", ">value", "unit"});
  params.add_row({"maximal sprinting speed (MSS)", fmt::format("{:.3f}", f.curve.mss_mps), "m/s"});
  params.add_row({"time constant (TAU)", fmt::format("{:.3f}", f.curve.tau_s), "s"});
  params.add_row({"maximal acceleration (MAC)", fmt::format("{:.2f}", f.mac_mps2()), "m/s²"});
  params.add_row({"maximal relative power (PMAX)", fmt::format("{:.2f}", f.pmax_wkg()), "W/kg"});
  if (f.model == ProfileModel::time_correction) {
    params.add_row({"time correction (TC)", fmt::format("{:.3f}", f.time_correction_s), "s"});
  }
  if (f.model == ProfileModel::flying_distance) {
    params.add_row({"flying distance (FD)", fmt::format("{:.2f}", f.flying_distance_m), "m"});
  }
  params.add_row({"fit error (RMSE)", fmt::format("{:.3f}", f.rmse_s), "s"});
  ctx.print(fmt::format("Sprint profile ({} model, {})\n", to_string(f.model),
                        counted(static_cast<long long>(splits.size()), "split")));
  ctx.print(params.render());
  TextTable fit({">distance", ">measured", ">model", ">residual"});
  for (const Split& s : splits) {
    const double p = f.predicted_time_s(s.distance_m);
    fit.add_row({fmt::format("{:g} m", s.distance_m), fmt::format("{:.2f} s", s.time_s),
                 fmt::format("{:.3f} s", p), fmt::format("{:+.3f} s", s.time_s - p)});
  }
  ctx.print("\n" + fit.render());
}

std::string velocity_svg(const AthleteModel& m) {
  LineChart chart;
  chart.title = m.name + ": speed from a block start";
  chart.x_label = "time from the gun (s)";
  chart.y_label = "speed (m/s)";
  ChartSeries s{"model", {}};
  const double t_end = m.reaction_s + model_time_s(m, 100.0);
  for (int i = 0; i <= 200; ++i) {
    const double t = t_end * i / 200.0;
    s.points.push_back({t, model_speed_mps(m, t - m.reaction_s)});
  }
  chart.series.push_back(s);
  return render_svg(chart);
}

void run_show(const ShowOptions& opt, const Context& ctx) {
  const AthleteProfile profile = athlete_profile(ctx.workspace(opt.team), opt.name);
  const AthleteModel& m = profile.model;
  if (!opt.svg.empty()) {
    std::ofstream out(opt.svg, std::ios::binary);
    out << velocity_svg(m);
    if (!out) throw ValidationError("cannot write " + opt.svg, {"--svg", 0, ""});
  }
  if (ctx.json) {
    nlohmann::json j = {{"name", m.name},
                        {"mss_mps", m.curve.mss_mps},
                        {"tau_s", m.curve.tau_s},
                        {"mac_mps2", m.curve.mac_mps2()},
                        {"pmax_wkg", sprint_pmax_wkg(m.curve)},
                        {"peak_speed_mps", m.peak_speed_mps()},
                        {"fatigue_time_s", m.fatigue_time_s},
                        {"reaction_s", m.reaction_s},
                        {"tau_from_splits", m.tau_from_splits},
                        {"notes", m.notes}};
    nlohmann::json marks = nlohmann::json::array();
    for (const ModelMark& x : m.marks) {
      marks.push_back({{"distance_m", x.distance_m},
                       {"time_s", x.time_s},
                       {"estimated", x.estimated},
                       {"source", x.source}});
    }
    j["marks"] = marks;
    nlohmann::json sj = nlohmann::json::array();
    for (const ProfileSplit& x : profile.splits) {
      sj.push_back({{"distance_m", x.distance_m}, {"time_s", x.time_s}});
    }
    j["splits"] = sj;
    if (!opt.svg.empty()) j["svg"] = opt.svg;
    ctx.print_json(j);
    return;
  }
  ctx.print(fmt::format("{} ({})\n", m.name, to_string(m.sex)));
  TextTable p({"parameter", ">value", "unit"});
  p.add_row({"maximal sprinting speed (MSS)", fmt::format("{:.2f}", m.curve.mss_mps), "m/s"});
  p.add_row({"peak speed (with fatigue)", fmt::format("{:.2f}", m.peak_speed_mps()), "m/s"});
  p.add_row({"time constant (TAU)", fmt::format("{:.2f}", m.curve.tau_s), "s"});
  p.add_row({"speed endurance (T_F)", fmt::format("{:.1f}", m.fatigue_time_s), "s"});
  p.add_row({"block reaction", fmt::format("{:.2f}", m.reaction_s), "s"});
  ctx.print(p.render());
  TextTable s({">distance", ">time from the gun"});
  for (const ProfileSplit& x : profile.splits) {
    s.add_row({fmt::format("{:g} m", x.distance_m), format_duration(x.time_s)});
  }
  ctx.print("\nPredicted splits from a block start\n" + s.render());
  TextTable mk({">distance", ">time", "source"});
  for (const ModelMark& x : m.marks) {
    mk.add_row({distance_label(x.distance_m), format_duration(x.time_s),
                x.estimated ? "estimated " + x.source : "mark"});
  }
  ctx.print("\nMarks (FAT)\n" + mk.render());
  for (const std::string& n : m.notes) ctx.print("note: " + n + "\n");
  if (!opt.svg.empty()) ctx.print("speed curve written to " + opt.svg + "\n");
}

}  // namespace

void add_profile_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("profile", "Sprint profiles: fit split times, show athletes");
  cmd->require_subcommand(1);
  auto fit = std::make_shared<FitOptions>();
  CLI::App* f = cmd->add_subcommand("fit", "Fit MSS and TAU to split times (shorts models)");
  f->add_option("--splits", fit->splits, "DIST:TIME pairs, e.g. \"5:1.21,10:1.99,20:3.38\"")
      ->required();
  f->add_option("--model", fit->model, "plain, tc (time correction) or fd (flying distance)");
  f->callback([fit, &ctx] { run_fit(*fit, ctx); });
  auto show = std::make_shared<ShowOptions>();
  CLI::App* s = cmd->add_subcommand("show", "An athlete's fitted model and predicted splits");
  s->add_option("NAME", show->name, "Athlete name")->required();
  s->add_option("--team", show->team, "Team file (default: the database roster)");
  s->add_option("--svg", show->svg, "Write the speed-time curve as SVG to this file");
  s->callback([show, &ctx] { run_show(*show, ctx); });
}

}  // namespace baton::cli
