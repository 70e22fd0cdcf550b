#include "baton/import_lynx_lif.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/text.h"
#include "io/import_text.h"
#include "io/lynx_rows.h"

namespace baton {
namespace {

using import_text::field;

// Row fields (0-based): place, ID, lane, last, first, affiliation, time, license, delta,
// reaction, then splits.
constexpr size_t kPlace = 0, kLane = 2, kLast = 3, kFirst = 4, kAffiliation = 5, kTime = 6,
                 kFirstSplit = 10;
constexpr size_t kLegs = 4;  // every relay Baton reads from a .lif has four legs

bool is_number(std::string_view s) {
  int v = 0;
  return !s.empty() && std::from_chars(s.data(), s.data() + s.size(), v).ptr == s.data() + s.size();
}

// An event number: digits, with a letter or two after them in some meets' numbering ("18B").
bool is_event_number(std::string_view s) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// The verdict a place cell gives instead of a number ("DQ", "DNF", "DNS", "SCR").
std::optional<RelayStatus> place_status(std::string_view place) {
  const std::string p = text::lowercase(text::trim(place));
  if (p == "dq" || p == "dsq" || p == "fs") return RelayStatus::dq;
  if (p == "dnf") return RelayStatus::dnf;
  if (p == "dns") return RelayStatus::dns;
  if (p == "scr") return RelayStatus::scratched;
  return std::nullopt;
}

struct Header {
  std::string title;
  std::optional<std::string> relay;
  std::optional<double> distance_m;
  std::string skip_kind;
  std::optional<Sex> sex;
};

Header header(const std::vector<std::string>& c, const std::string& file, int line) {
  for (size_t i = 0; i < 3; ++i) {
    if (!(i == 0 ? is_event_number(field(c, i)) : is_number(field(c, i)))) {
      static constexpr const char* kNames[] = {"event number", "round", "heat"};
      throw ParseError("'" + std::string(field(c, i)) + "' is not a number",
                       import_text::field_at(file, line, i, kNames[i]));
    }
  }
  Header h;
  h.title = field(c, 3);
  h.sex = import_text::sex_from_title(h.title);
  h.relay = import_text::relay_from_title(h.title);
  if (!h.relay) {
    h.skip_kind = import_text::non_running_kind(h.title);
    if (h.skip_kind.empty()) {
      h.distance_m = import_text::flat_distance_m(h.title);
      // The header's distance field (10th) when the name does not say it.
      if (!h.distance_m) h.distance_m = import_text::flat_distance_m(field(c, 9));
      if (!h.distance_m) h.skip_kind = "event";
    }
  }
  return h;
}

// Leg splits from cumulative split times, when there is one per leg (the last equal to the
// finish) or one per leg but the last (the finish closes the last leg).
std::vector<double> leg_splits(const std::vector<std::string>& c, double finish_s,
                               const std::string& file, int line) {
  std::vector<double> cumulative;
  for (size_t i = kFirstSplit; i < c.size() && cumulative.size() <= kLegs; ++i) {
    if (c[i].empty()) break;
    const import_text::MarkCell m =
        import_text::read_mark(c[i], import_text::field_at(file, line, i, "split"));
    if (!m.mark) break;
    cumulative.push_back(m.mark->time_s);
  }
  if (cumulative.size() == kLegs - 1) cumulative.push_back(finish_s);
  if (cumulative.size() != kLegs || std::abs(cumulative.back() - finish_s) > 0.005) return {};
  std::vector<double> legs;
  double before = 0.0;
  for (double t : cumulative) {
    if (t <= before) return {};  // not cumulative: leave the splits out
    legs.push_back(t - before);
    before = t;
  }
  return legs;
}

}  // namespace

bool looks_like_lynx_lif(std::string_view text) {
  try {
    const std::vector<import_text::Line> lines =
        import_text::lines(text.substr(0, std::min<size_t>(text.size(), 1u << 16)), "");
    if (lines.empty()) return false;
    const std::vector<std::string> h = lynx::cells(lines[0].text, {});
    if (h.size() < 4 || !is_event_number(field(h, 0)) || !is_number(field(h, 1)) ||
        !is_number(field(h, 2)) || field(h, 3).empty() || is_number(field(h, 3))) {
      return false;
    }
    // A .lif row starts with a place (or DQ / DNF / an empty place), not with a separator the
    // way a lynx.evt competitor line does.
    return lines.size() == 1 || (!lines[1].text.empty() && lines[1].text[0] != ' ' &&
                                 lines[1].text[0] != '\t' && lines[1].text[0] != ',');
  } catch (const Error&) {
    return false;
  }
}

ImportedFile read_lynx_lif(std::string_view text, const std::string& file) {
  ImportedFile out;
  out.format = "lynx-lif";
  out.file = file;
  const std::vector<import_text::Line> lines = import_text::lines(text, file);
  if (lines.empty()) throw ParseError("the file is empty", Location{file, 0, ""});
  const Header h =
      header(lynx::cells(lines[0].text, {file, lines[0].number, ""}), file, lines[0].number);
  if (!h.skip_kind.empty()) {
    out.skipped.push_back({lines[0].number, import_text::skip_reason(h.skip_kind, h.title)});
    return out;
  }
  import_text::People people;
  for (size_t i = 1; i < lines.size(); ++i) {
    const int n = lines[i].number;
    const std::vector<std::string> c = lynx::cells(lines[i].text, {file, n, ""});
    const std::string_view lane = field(c, kLane);
    if (!lane.empty() && !is_number(lane)) {
      throw ParseError("'" + std::string(lane) + "' is not a lane number",
                       import_text::field_at(file, n, kLane, "lane"));
    }
    const std::optional<RelayStatus> by_place = place_status(field(c, kPlace));
    if (!by_place && !field(c, kPlace).empty() && !is_number(field(c, kPlace))) {
      throw ParseError("'" + std::string(field(c, kPlace)) + "' is not a place",
                       import_text::field_at(file, n, kPlace, "place"));
    }
    import_text::MarkCell time =
        import_text::read_mark(field(c, kTime), import_text::field_at(file, n, kTime, "time"));
    const RelayStatus status = by_place ? *by_place : time.status;
    if (h.relay) {
      ImportedRelay r;
      r.event = *h.relay;
      r.sex = h.sex;
      r.team_name = field(c, kLast);
      auto [team, letter] = lynx::team_and_letter(field(c, kAffiliation));
      if (r.team_name.empty()) r.team_name = team;
      auto [name, name_letter] = lynx::team_and_letter(r.team_name);
      r.team_name = name;
      r.team_code = team;
      r.letter = letter.empty() ? name_letter : letter;
      if (r.team_name.empty()) {
        throw ParseError("the relay team has no name",
                         import_text::field_at(file, n, kLast, "last name"));
      }
      r.status = status;
      if (status == RelayStatus::finished) {
        r.time = time.mark;
        if (r.time && !r.time->hand_timed) r.splits_s = leg_splits(c, r.time->time_s, file, n);
      }
      r.line = n;
      out.relays.push_back(std::move(r));
      continue;
    }
    ImportedAthlete a;
    a.last = field(c, kLast);
    a.first = field(c, kFirst);
    if (a.last.empty() && a.first.empty()) {
      throw ParseError("the competitor has no name",
                       import_text::field_at(file, n, kLast, "last name"));
    }
    a.sex = h.sex;
    a.team_name = field(c, kAffiliation);
    a.line = n;
    ImportedAthlete& known = people.find_or_add(out.athletes, a, a.team_name);
    if (status == RelayStatus::finished && time.mark) {
      known.marks.push_back({*h.distance_m, *time.mark, "", file, n});
    } else {
      out.skipped.push_back({n,
                             a.full_name() + ": no time (" +
                                 std::string(status == RelayStatus::dq          ? "DQ"
                                             : status == RelayStatus::dnf       ? "DNF"
                                             : status == RelayStatus::dns       ? "DNS"
                                             : status == RelayStatus::scratched ? "SCR"
                                                                                : "NT") +
                                 ")",
                             "", a.team_name});
    }
  }
  return out;
}

}  // namespace baton
