#include "util/date.h"

#include <fmt/format.h>
#include <re2/re2.h>

namespace lambdalint {

std::optional<Date> parseDate(std::string_view text) {
  static const RE2 kDate(R"(([0-9]{4})-([0-9]{2})-([0-9]{2}))");
  int y = 0;
  unsigned m = 0, d = 0;
  if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kDate, &y, &m, &d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string formatDate(Date date) {
  std::chrono::year_month_day ymd{date};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

Date currentDate() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

Date addMonths(Date date, int months) {
  std::chrono::year_month_day ymd{date};
  std::chrono::year_month_day moved = ymd + std::chrono::months{months};
  if (!moved.ok()) moved = std::chrono::year_month_day_last{moved.year(), std::chrono::month_day_last{moved.month()}};
  return Date{moved};
}

}  // namespace lambdalint
