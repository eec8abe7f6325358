#include "store/series.h"

#include <gtest/gtest.h>

#include "store/test_util.h"

namespace dyad::store {
namespace {

using testing::M;

// RUS -> UKR over three ISO weeks (W10, W11 empty, W12) plus one reverse
// mention that the series must ignore.
std::vector<Mention> Fixture() {
  return {
      M("RUS", "UKR", "190", "2025-03-03", -10, 4, "A", "s1"),
      M("RUS", "UKR", "190", "2025-03-03", -10, 4, "B", "s2"),  // same event as the first
      M("RUS", "UKR", "042", "2025-03-05", 1.9, 1, "A", "s3"),
      M("RUS", "UKR", "1312", "2025-03-17", -5.8, 3, "A", "s4"),
      M("RUS", "UKR", "1312", "2025-03-18", -5.8, 3, "A", "s5"),  // a day later: another event
      M("UKR", "RUS", "190", "2025-03-17", -10, 4, "A", "s4"),
  };
}

std::map<int, Denominator> Daily() {
  return {{*ParseDay("2025-03-03"), {5, 20}},
          {*ParseDay("2025-03-10"), {2, 7}},
          {*ParseDay("2025-03-18"), {1, 4}}};
}

TEST(Series, WeeklyCountsGoldsteinQuadsAndDenominators) {
  SeriesOptions o;  // weekly, deduplicated events
  auto rows = BuildSeries(Fixture(), "RUS", "UKR", Daily(), o);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(FormatDay(rows[0].start), "2025-03-03");
  EXPECT_EQ(rows[0].mentions, 3);
  EXPECT_EQ(rows[0].events, 2);
  EXPECT_DOUBLE_EQ(rows[0].goldstein_sum, -8.1);
  EXPECT_DOUBLE_EQ(*rows[0].goldstein_mean(), -4.05);
  EXPECT_EQ(rows[0].quad[0], 1);
  EXPECT_EQ(rows[0].quad[3], 1);
  EXPECT_DOUBLE_EQ(rows[0].conflict, 10);
  EXPECT_EQ(rows[0].stories, 5);
  EXPECT_EQ(rows[0].sentences, 20);
  // The empty week is present, with zeros and no mean.
  EXPECT_EQ(rows[1].mentions, 0);
  EXPECT_EQ(rows[1].events, 0);
  EXPECT_FALSE(rows[1].goldstein_mean());
  EXPECT_EQ(rows[1].stories, 2);
  EXPECT_EQ(rows[2].mentions, 2);
  EXPECT_EQ(rows[2].events, 2);
  EXPECT_DOUBLE_EQ(rows[2].goldstein_sum, -11.6);
  EXPECT_DOUBLE_EQ(*rows[2].goldstein_mean(), -5.8);
  EXPECT_EQ(rows[2].quad[2], 2);
  EXPECT_DOUBLE_EQ(rows[2].conflict, 11.6);
  EXPECT_EQ(rows[2].stories, 1);
}

TEST(Series, MentionsBasisCountsEveryMention) {
  SeriesOptions o;
  o.basis = Basis::kMentions;
  auto rows = BuildSeries(Fixture(), "RUS", "UKR", Daily(), o);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].events, 2);  // the dedup count is there whatever the basis
  EXPECT_NEAR(rows[0].goldstein_sum, -18.1, 1e-9);
  EXPECT_NEAR(*rows[0].goldstein_mean(), -18.1 / 3, 1e-9);
  EXPECT_EQ(rows[0].quad[3], 2);
  EXPECT_DOUBLE_EQ(rows[0].conflict, 20);
}

TEST(Series, OneADayFilterDropsRepeatsFirst) {
  SeriesOptions o;
  o.one_a_day = true;
  auto rows = BuildSeries(Fixture(), "RUS", "UKR", Daily(), o);
  EXPECT_EQ(rows[0].mentions, 2);
  EXPECT_EQ(rows[0].events, 2);
}

TEST(Series, DailyAndMonthlyAndExplicitRange) {
  SeriesOptions d;
  d.by = Period::kDay;
  auto days = BuildSeries(Fixture(), "RUS", "UKR", Daily(), d);
  EXPECT_EQ(days.size(), 16u);  // 2025-03-03 .. 2025-03-18
  EXPECT_EQ(days[0].events, 1);
  EXPECT_EQ(days[0].mentions, 2);
  SeriesOptions m;
  m.by = Period::kMonth;
  auto months = BuildSeries(Fixture(), "RUS", "UKR", Daily(), m);
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(months[0].events, 4);
  EXPECT_EQ(months[0].stories, 8);
  SeriesOptions r;
  r.from = *ParseDay("2025-02-24");
  r.to = *ParseDay("2025-03-30");
  auto wide = BuildSeries(Fixture(), "RUS", "UKR", Daily(), r);
  ASSERT_EQ(wide.size(), 5u);
  EXPECT_EQ(wide[0].events, 0);
  EXPECT_EQ(wide[1].events, 2);
}

TEST(Series, WildcardsAndUnknownDyads) {
  SeriesOptions o;
  auto any = BuildSeries(Fixture(), "*", "*", Daily(), o);
  ASSERT_EQ(any.size(), 3u);
  EXPECT_EQ(any[2].events, 3);  // two threats and the reverse attack
  EXPECT_TRUE(BuildSeries(Fixture(), "USA", "CHN", Daily(), o).empty());
}

}  // namespace
}  // namespace dyad::store
