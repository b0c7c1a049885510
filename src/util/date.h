#pragma once
// Calendar dates (UTC, day precision) for rules that depend on "today", such
// as runtime deprecation. "Today" is an input of a run (RunOptions::today), so
// tests and reproducible CI runs can pin it.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace lambdalint {

using Date = std::chrono::sys_days;

// "YYYY-MM-DD" to a date; nullopt if malformed or not a real date.
std::optional<Date> parseDate(std::string_view text);
// "YYYY-MM-DD".
std::string formatDate(Date date);
// Today in UTC from the system clock.
Date currentDate();
// The same day `months` calendar months later, clamped to the month's last day.
Date addMonths(Date date, int months);

}  // namespace lambdalint
