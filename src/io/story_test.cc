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

}  // namespace
}  // namespace dyad
