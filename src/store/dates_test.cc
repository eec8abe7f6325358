#include "store/dates.h"

#include <gtest/gtest.h>

namespace dyad::store {
namespace {

TEST(Dates, ParsesAndFormatsRoundTrip) {
  EXPECT_EQ(ParseDay("1970-01-01"), 0);
  EXPECT_EQ(ParseDay("1970-01-02"), 1);
  EXPECT_EQ(FormatDay(*ParseDay("2024-02-29")), "2024-02-29");
  EXPECT_EQ(FormatDay(*ParseDay("1999-12-31") + 1), "2000-01-01");
}

TEST(Dates, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseDay("2024-02-30"));
  EXPECT_FALSE(ParseDay("2023-02-29"));
  EXPECT_FALSE(ParseDay("2024-13-01"));
  EXPECT_FALSE(ParseDay("2024-1-01"));
  EXPECT_FALSE(ParseDay(""));
}

TEST(Dates, WeekStartsOnMondayWithIsoLabel) {
  int fri = *ParseDay("2025-03-14");
  EXPECT_EQ(FormatDay(PeriodStart(fri, Period::kWeek)), "2025-03-10");
  EXPECT_EQ(PeriodLabel(PeriodStart(fri, Period::kWeek), Period::kWeek), "2025-W11");
  // A Sunday belongs to the week of the Monday before it.
  EXPECT_EQ(FormatDay(PeriodStart(*ParseDay("2025-03-16"), Period::kWeek)), "2025-03-10");
  // ISO years differ from calendar years at the edges.
  EXPECT_EQ(PeriodLabel(PeriodStart(*ParseDay("2021-01-03"), Period::kWeek), Period::kWeek),
            "2020-W53");
  EXPECT_EQ(PeriodLabel(PeriodStart(*ParseDay("2024-12-31"), Period::kWeek), Period::kWeek),
            "2025-W01");
}

TEST(Dates, MonthsAndDays) {
  int d = *ParseDay("2024-12-17");
  EXPECT_EQ(FormatDay(PeriodStart(d, Period::kMonth)), "2024-12-01");
  EXPECT_EQ(FormatDay(NextPeriod(PeriodStart(d, Period::kMonth), Period::kMonth)), "2025-01-01");
  EXPECT_EQ(PeriodLabel(PeriodStart(d, Period::kMonth), Period::kMonth), "2024-12");
  EXPECT_EQ(PeriodLabel(d, Period::kDay), "2024-12-17");
  EXPECT_EQ(NextPeriod(d, Period::kDay), d + 1);
  EXPECT_EQ(ParsePeriod("week"), Period::kWeek);
  EXPECT_FALSE(ParsePeriod("year"));
}

}  // namespace
}  // namespace dyad::store
