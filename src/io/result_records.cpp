#include "io/result_records.h"

#include "core/text.h"

namespace baton::result_records {

Builder::Builder(std::string format, const std::string& file) {
  out_.format = std::move(format);
  out_.file = file;
}

Location Builder::at(int line, size_t index, const char* name) const {
  return import_text::field_at(out_.file, line, index, name);
}

char Builder::read(const import_text::Line& line, char sep, std::vector<std::string>& fields) {
  fields = import_text::split(line.text, sep, {out_.file, line.number, ""});
  record_team("", "");
  const std::string type = text::lowercase(import_text::field(fields, 0));
  if (type == "e" || type == "r") return type[0];
  if (type == "h") {
    meet_ = import_text::field(fields, 1);
    date_ = import_text::iso_date(import_text::field(fields, 2));
  } else {
    skip(line.number,
         "record type '" + std::string(import_text::field(fields, 0)) + "' is not a result record");
  }
  return 0;
}

std::optional<double> Builder::flat_race(std::string_view code, const char* not_running, int line) {
  if (not_running) {
    skip(line, import_text::skip_reason(not_running, code));
    return std::nullopt;
  }
  const std::string other = import_text::non_running_kind(code);
  const std::optional<double> distance = import_text::flat_distance_m(code);
  if (!other.empty() || !distance) {
    skip(line, import_text::skip_reason(other.empty() ? "event" : other, code));
    return std::nullopt;
  }
  return distance;
}

void Builder::add_result(ImportedAthlete a, double distance_m, std::string_view code,
                         std::string_view cell, const Location& where) {
  const import_text::MarkCell m = import_text::read_mark(cell, where);
  ImportedAthlete& known = add(std::move(a));
  if (m.mark) {
    known.marks.push_back(
        {distance_m, *m.mark, date_, meet_.empty() ? out_.file : meet_, where.line});
  } else {
    skip(where.line, known.full_name() + " in the " + std::string(code) + ": no time (" +
                         std::string(cell) + ")");
  }
}

std::optional<ImportedRelay> Builder::relay(std::string_view code, std::string_view gender,
                                            const Location& gender_at, std::string_view mark,
                                            const Location& mark_at, int line) {
  const std::optional<std::string> event = import_text::relay_from_hytek_code(code);
  if (!event) {
    skip(line, import_text::unplanned_hytek_relay(code));
    return std::nullopt;
  }
  ImportedRelay r;
  r.event = *event;
  r.sex = import_text::read_sex(gender, gender_at);
  const import_text::MarkCell m = import_text::read_mark(mark, mark_at);
  r.time = m.mark;
  r.status = m.status;
  r.meet = meet_;
  r.date = date_;
  r.line = line;
  return r;
}

void Builder::keep(ImportedRelay r) {
  for (const ImportedAthlete& a : r.runners) add(a);
  out_.relays.push_back(std::move(r));
}

void Builder::record_team(std::string_view code, std::string_view name) {
  team_code_ = code;
  team_name_ = name;
}

void Builder::skip(int line, std::string reason) {
  out_.skipped.push_back({line, std::move(reason), team_code_, team_name_});
}

ImportedAthlete& Builder::add(ImportedAthlete a) {
  const std::optional<int> year = a.school_year;
  const std::string team = a.team_code;
  ImportedAthlete& known = people_.find_or_add(out_.athletes, std::move(a), team);
  if (!known.school_year) known.school_year = year;
  return known;
}

}  // namespace baton::result_records
