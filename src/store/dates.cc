#include "store/dates.h"

#include <cstdio>

namespace dyad::store {

std::optional<Period> ParsePeriod(std::string_view s) {
  if (s == "day") return Period::kDay;
  if (s == "week") return Period::kWeek;
  if (s == "month") return Period::kMonth;
  return std::nullopt;
}

const char* PeriodName(Period p) {
  switch (p) {
    case Period::kDay: return "day";
    case Period::kWeek: return "week";
    case Period::kMonth: return "month";
  }
  return "?";
}

const char* PeriodAdjective(Period p) {
  switch (p) {
    case Period::kDay: return "daily";
    case Period::kWeek: return "weekly";
    case Period::kMonth: return "monthly";
  }
  return "?";
}

std::optional<int> ParseDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < lens[k]; ++i) {
      char c = s[starts[k] + i];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (v[1] < 1 || v[1] > 12 || v[2] < 1) return std::nullopt;
  int day = DaysFromCivil(v[0], v[1], v[2]);
  int y, m, d;
  CivilFromDays(day, &y, &m, &d);
  if (y != v[0] || m != v[1] || d != v[2]) return std::nullopt;  // 2024-02-30
  return day;
}

std::string FormatDay(int day) {
  int y, m, d;
  CivilFromDays(day, &y, &m, &d);
  char buf[16];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

namespace {
// 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday.
int Weekday(int day) { return ((day % 7) + 7 + 3) % 7; }
}  // namespace

int PeriodStart(int day, Period p) {
  switch (p) {
    case Period::kDay: return day;
    case Period::kWeek: return day - Weekday(day);
    case Period::kMonth: {
      int y, m, d;
      CivilFromDays(day, &y, &m, &d);
      return DaysFromCivil(y, m, 1);
    }
  }
  return day;
}

int NextPeriod(int start, Period p) {
  switch (p) {
    case Period::kDay: return start + 1;
    case Period::kWeek: return start + 7;
    case Period::kMonth: {
      int y, m, d;
      CivilFromDays(start, &y, &m, &d);
      return m == 12 ? DaysFromCivil(y + 1, 1, 1) : DaysFromCivil(y, m + 1, 1);
    }
  }
  return start + 1;
}

std::string PeriodLabel(int start, Period p) {
  char buf[32];
  int y, m, d;
  switch (p) {
    case Period::kDay: return FormatDay(start);
    case Period::kWeek: {
      // The ISO year is the year of the week's Thursday; week 1 holds the
      // year's first Thursday.
      int thursday = PeriodStart(start, Period::kWeek) + 3;
      CivilFromDays(thursday, &y, &m, &d);
      int week = (thursday - DaysFromCivil(y, 1, 1)) / 7 + 1;
      snprintf(buf, sizeof buf, "%04d-W%02d", y, week);
      return buf;
    }
    case Period::kMonth:
      CivilFromDays(start, &y, &m, &d);
      snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      return buf;
  }
  return FormatDay(start);
}

}  // namespace dyad::store
