#include "dyad/story.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(IsValidDate, AcceptsCalendarDates) {
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
  EXPECT_FALSE(IsValidDate("2024-04-31"));
  EXPECT_FALSE(IsValidDate("20240101"));
}

// Years 0000 and 9999 were accepted (a daily timeline of millions of rows)
// and a negative year read kDays out of bounds.
TEST(IsValidDate, YearsOutsideTheRangeAreRejected) {
  EXPECT_TRUE(IsValidDate("1800-01-01"));
  EXPECT_TRUE(IsValidDate("2200-12-31"));
  EXPECT_FALSE(IsValidDate("1799-12-31"));
  EXPECT_FALSE(IsValidDate("2201-01-01"));
  EXPECT_FALSE(IsValidDate("0000-01-01"));
  EXPECT_FALSE(IsValidDate("9999-12-31"));
  EXPECT_FALSE(IsValidDate("-001-01-01"));
  EXPECT_FALSE(IsValidDate("-999-12-31"));
}

std::string Norm(std::string_view in) {
  std::string out = "unchanged";
  return NormalizeDate(in, &out) ? out : "no: " + out;
}

TEST(NormalizeDate, ReadsWhatFeedsWrite) {
  EXPECT_EQ(Norm("2024-02-18"), "2024-02-18");
  EXPECT_EQ(Norm("2024-02-18T10:30:00Z"), "2024-02-18");
  EXPECT_EQ(Norm("2024-02-18T23:30:00-05:00"), "2024-02-18");  // its own day, not UTC's
  EXPECT_EQ(Norm("2024-02-18T10:30+0200"), "2024-02-18");
  EXPECT_EQ(Norm("2024-02-18 10:30:00.123+02"), "2024-02-18");
  EXPECT_EQ(Norm("20240218"), "2024-02-18");
  EXPECT_EQ(Norm("Sun, 18 Feb 2024 10:30:00 +0000"), "2024-02-18");
  EXPECT_EQ(Norm("18 Feb 2024 10:30 GMT"), "2024-02-18");
  EXPECT_EQ(Norm("Sun, 4 February 2024"), "2024-02-04");
  EXPECT_EQ(Norm(" 2024-02-18 "), "2024-02-18");
}

TEST(NormalizeDate, RejectsTheRest) {
  for (const char* bad : {"", "2024-02-30", "2024-2-18", "18/02/2024", "20240230", "2024-02-18T25:00",
                          "2024-02-18T10:30:00 junk", "2024-02-18Tx", "Sun 18 Feb 2024",
                          "18 Foo 2024", "31 Feb 2024", "18 Feb 24", "yesterday", "17990101",
                          "Sun, 18 Feb 2024 10:30:00 +0000 extra"}) {
    EXPECT_EQ(Norm(bad), "no: unchanged") << bad;
  }
}

}  // namespace
}  // namespace dyad
