// Calendar dates written YYYY-MM-DD.
#include "baton/date.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace baton {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

struct Ymd {
  int y = 0, m = 0, d = 0;
};

Ymd read_ymd(std::string_view text, const Location& where) {
  const auto bad = [&](const std::string& why) {
    return ParseError(
        fmt::format("'{}' is not a date: {} (write YYYY-MM-DD, e.g. 2024-04-13)", text, why),
        where);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad("wrong shape");
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) throw bad("wrong shape");
  }
  const auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  Ymd ymd{num(0, 4), num(5, 2), num(8, 2)};
  if (ymd.y < 1900 || ymd.y > 2200) throw bad("year outside 1900-2200");
  if (ymd.m < 1 || ymd.m > 12) throw bad("no month " + std::to_string(ymd.m));
  if (ymd.d < 1 || ymd.d > days_in_month(ymd.y, ymd.m)) {
    throw bad(fmt::format("month {} of {} has {} days", ymd.m, ymd.y, days_in_month(ymd.y, ymd.m)));
  }
  return ymd;
}

}  // namespace

std::string parse_date(std::string_view text, const Location& where) {
  read_ymd(text, where);
  return std::string(text);
}

long long days_since_epoch(std::string_view date) {
  // Howard Hinnant's days_from_civil (proleptic Gregorian calendar).
  const Ymd ymd = read_ymd(date, {});
  const long long y = ymd.y - (ymd.m <= 2 ? 1 : 0);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (ymd.m + (ymd.m > 2 ? -3 : 9)) + 2) / 5 + ymd.d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace baton
