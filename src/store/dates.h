// Calendar arithmetic for series: dates as day numbers, and the periods
// (day, ISO week, month) that timelines and alerts bucket events into.
//
//   int d = *ParseDay("2025-03-14");      // days since 1970-01-01
//   PeriodStart(d, Period::kWeek)         // the Monday of that week
//   PeriodLabel(start, Period::kWeek)     // "2025-W11"
#ifndef DYAD_STORE_DATES_H_
#define DYAD_STORE_DATES_H_

#include <optional>
#include <string>
#include <string_view>

#include "dyad/civil_days.h"

namespace dyad::store {

enum class Period { kDay, kWeek, kMonth };

// "day", "week", "month" -> Period; nullopt for anything else.
std::optional<Period> ParsePeriod(std::string_view s);
const char* PeriodName(Period p);
// "daily", "weekly", "monthly".
const char* PeriodAdjective(Period p);

// Days since 1970-01-01 of a valid YYYY-MM-DD date; nullopt otherwise.
std::optional<int> ParseDay(std::string_view yyyy_mm_dd);
// The inverse: YYYY-MM-DD.
std::string FormatDay(int day);
// (DaysFromCivil and CivilFromDays: dyad/civil_days.h.)

// The first day of the period holding `day`: the day itself, the Monday of
// its ISO week, or the first of its month.
int PeriodStart(int day, Period p);
// The first day of the next period after the one starting at `start`.
int NextPeriod(int start, Period p);
// "2025-03-14", "2025-W11" (ISO 8601 week of the period's Monday), "2025-03".
std::string PeriodLabel(int start, Period p);

}  // namespace dyad::store

#endif  // DYAD_STORE_DATES_H_
