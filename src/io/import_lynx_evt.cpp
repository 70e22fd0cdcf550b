#include "baton/import_lynx_evt.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/text.h"
#include "io/import_text.h"
#include "io/lynx_rows.h"

namespace baton {
namespace {

using import_text::field;

bool is_number(std::string_view s) {
  int v = 0;
  return !s.empty() && std::from_chars(s.data(), s.data() + s.size(), v).ptr == s.data() + s.size();
}

bool competitor_line(std::string_view line) {
  return !line.empty() && (line[0] == ',' || line[0] == ' ' || line[0] == '\t');
}

bool comment(std::string_view line) { return text::trim(line).starts_with(";"); }

// The event a block of competitor lines belongs to.
struct EventBlock {
  std::string title;
  std::optional<std::string> relay;  // relay id
  std::optional<double> distance_m;  // flat race
  std::string skip_kind;             // non-empty: the block is skipped
  std::optional<Sex> sex;
};

class Reader {
 public:
  explicit Reader(const std::string& file) {
    out_.format = "lynx-evt";
    out_.file = file;
  }

  void event(const import_text::Line& line) {
    const std::vector<std::string> c = lynx::cells(line.text, {out_.file, line.number, ""});
    if (!is_number(field(c, 0))) {
      throw ParseError("'" + std::string(field(c, 0)) + "' is not an event number",
                       import_text::field_at(out_.file, line.number, 0, "event number"));
    }
    EventBlock b;
    b.title = field(c, 3);
    b.sex = import_text::sex_from_title(b.title);
    b.relay = import_text::relay_from_title(b.title);
    if (!b.relay) {
      b.skip_kind = import_text::non_running_kind(b.title);
      if (b.skip_kind.empty()) {
        b.distance_m = import_text::flat_distance_m(b.title);
        if (!b.distance_m) b.skip_kind = "event";
      }
    }
    if (!b.skip_kind.empty()) {
      out_.skipped.push_back({line.number, import_text::skip_reason(b.skip_kind, b.title)});
    }
    block_ = std::move(b);
  }

  void competitor(const import_text::Line& line) {
    if (!block_) {
      throw ParseError("a competitor before any event line", Location{out_.file, line.number, ""});
    }
    // After the leading separator: ID, lane, last, first, affiliation, time, license, ...
    const std::vector<std::string> c =
        lynx::cells(line.text.substr(1), {out_.file, line.number, ""});
    const std::string_view lane = field(c, 1);
    if (!lane.empty() && !is_number(lane)) {
      throw ParseError("'" + std::string(lane) + "' is not a lane number",
                       import_text::field_at(out_.file, line.number, 2, "lane"));
    }
    if (!block_->skip_kind.empty()) {
      out_.skipped.push_back({line.number,
                              "in " + import_text::skip_reason(block_->skip_kind, block_->title),
                              "", std::string(field(c, 4))});  // the competitor's affiliation
      return;
    }
    if (block_->relay) {
      relay(c, line.number);
    } else {
      person(c, line.number);
    }
  }

  void people(const import_text::Line& line) {  // lynx.ppl: ID, last, first, affiliation
    const std::vector<std::string> c = lynx::cells(line.text, {out_.file, line.number, ""});
    ImportedAthlete a;
    a.last = field(c, 1);
    a.first = field(c, 2);
    if (a.last.empty() && a.first.empty()) {
      throw ParseError("no name", import_text::field_at(out_.file, line.number, 1, "last name"));
    }
    a.team_name = field(c, 3);
    a.line = line.number;
    add(std::move(a));
  }

  void schedule(const import_text::Line& line) {
    out_.skipped.push_back(
        {line.number, "a lynx.sch schedule line (event, round, heat) names no athletes"});
  }

  ImportedFile finish() { return std::move(out_); }

 private:
  void relay(const std::vector<std::string>& c, int line) {
    ImportedRelay r;
    r.event = *block_->relay;
    r.sex = block_->sex;
    auto [team, letter] = lynx::team_and_letter(field(c, 4));
    r.team_name = field(c, 2);
    if (r.team_name.empty()) r.team_name = team;
    r.team_code = team;
    r.letter = letter;
    if (r.team_name.empty()) {
      throw ParseError("the relay team has no name",
                       import_text::field_at(out_.file, line, 3, "last name"));
    }
    const import_text::MarkCell seed =
        import_text::read_mark(field(c, 5), import_text::field_at(out_.file, line, 6, "time"));
    r.time = seed.mark;
    r.status = seed.status;
    r.is_entry = true;
    r.line = line;
    out_.relays.push_back(std::move(r));
  }

  void person(const std::vector<std::string>& c, int line) {
    ImportedAthlete a;
    a.last = field(c, 2);
    a.first = field(c, 3);
    if (a.last.empty() && a.first.empty()) {
      throw ParseError("the competitor has no name",
                       import_text::field_at(out_.file, line, 3, "last name"));
    }
    a.sex = block_->sex;
    a.team_name = field(c, 4);
    a.line = line;
    add(std::move(a));
  }

  void add(ImportedAthlete a) {
    const std::optional<Sex> sex = a.sex;
    const std::string team = a.team_name;
    ImportedAthlete& known = people_.find_or_add(out_.athletes, std::move(a), team);
    if (!known.sex) known.sex = sex;
  }

  ImportedFile out_;
  std::optional<EventBlock> block_;
  import_text::People people_;
};

// A lynx.sch line: one to three numbers (event, round, heat).
bool schedule_line(std::string_view line) {
  const std::vector<std::string> c = import_text::split(line, ',', {});
  return c.size() <= 3 &&
         std::all_of(c.begin(), c.end(), [](const std::string& s) { return is_number(s); });
}

}  // namespace

bool looks_like_lynx_evt(std::string_view text) {
  try {
    const std::vector<import_text::Line> lines =
        import_text::lines(text.substr(0, std::min<size_t>(text.size(), 1u << 16)), "");
    bool event = false;
    for (const import_text::Line& l : lines) {
      if (comment(l.text)) continue;
      if (competitor_line(l.text)) return event;
      const std::vector<std::string> c = lynx::cells(l.text, {});
      if (!is_number(field(c, 0)) || c.size() < 4) return false;
      if (is_number(field(c, 1)) && is_number(field(c, 2))) {
        event = true;
      } else if (!event) {
        return !field(c, 1).empty();  // lynx.ppl: ID, last name, ...
      }
    }
    return false;
  } catch (const Error&) {
    return false;
  }
}

ImportedFile read_lynx_evt(std::string_view text, const std::string& file) {
  const std::vector<import_text::Line> lines = import_text::lines(text, file);
  bool any_competitor = false, all_schedule = true;
  for (const import_text::Line& l : lines) {
    if (comment(l.text)) continue;
    any_competitor = any_competitor || competitor_line(l.text);
    all_schedule = all_schedule && schedule_line(l.text);
  }
  Reader reader(file);
  for (const import_text::Line& l : lines) {
    if (comment(l.text)) continue;
    if (any_competitor) {
      if (competitor_line(l.text)) {
        reader.competitor(l);
      } else {
        reader.event(l);
      }
    } else if (all_schedule) {
      reader.schedule(l);
    } else {
      reader.people(l);
    }
  }
  return reader.finish();
}

}  // namespace baton
