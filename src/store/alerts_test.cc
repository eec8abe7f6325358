#include "store/alerts.h"

#include <gtest/gtest.h>

#include <cmath>

#include "store/test_util.h"

namespace dyad::store {
namespace {

using testing::M;

TEST(TrailingZ, KnownAnswers) {
  ZScore z = TrailingZ({1, 2, 3, 4}, 10, 2);
  EXPECT_EQ(z.n, 4);
  EXPECT_DOUBLE_EQ(z.mean, 2.5);
  EXPECT_DOUBLE_EQ(z.sd, std::sqrt(1.25));  // population sd
  EXPECT_DOUBLE_EQ(z.z, 3.75);               // sd 1.118 is below the floor 2
  z = TrailingZ({1, 2, 3, 4}, 10, 1);
  EXPECT_DOUBLE_EQ(z.z, 7.5 / std::sqrt(1.25));
  z = TrailingZ({}, 5, 2);
  EXPECT_EQ(z.n, 0);
  EXPECT_DOUBLE_EQ(z.z, 2.5);
}

TEST(ConflictWeight, OnlyConflictCounts) {
  EXPECT_DOUBLE_EQ(ConflictWeight(M("A", "B", "190", "2025-01-01", -10, 4).event), 10);
  EXPECT_DOUBLE_EQ(ConflictWeight(M("A", "B", "042", "2025-01-01", 1.9, 1).event), 0);
  EXPECT_DOUBLE_EQ(ConflictWeight(M("A", "B", "010", "2025-01-01", std::nullopt, 1).event), 0);
}

// Weeks 1..9 of 2025 (Mondays from 2024-12-30); A -> B accuses B once a
// week (level 2), then in week 9 attacks twice, accuses once and visits once
// (level 10 + 10 + 2 = 22).
struct Scenario {
  std::vector<Mention> mentions;
  std::map<int, Denominator> daily;
};

Scenario Escalation(const std::vector<int>& unobserved_weeks = {}) {
  Scenario s;
  int monday = *ParseDay("2024-12-30");
  for (int w = 0; w < 9; ++w) {
    int day = monday + 7 * w;
    bool observed = true;
    for (int u : unobserved_weeks) observed &= u != w + 1;
    if (!observed) continue;
    s.daily[day] = {1, 10};
    std::string date = FormatDay(day);
    if (w < 8) {
      s.mentions.push_back(M("A", "B", "112", date, -2, 3, "p", "w" + std::to_string(w)));
    } else {
      s.mentions.push_back(M("A", "B", "112", date, -2, 3, "p", "x1"));
      s.mentions.push_back(M("A", "B", "190", date, -10, 4, "p", "x1"));
      s.mentions.push_back(M("A", "B", "190", FormatDay(day + 1), -10, 4, "q", "x2"));
      s.mentions.push_back(M("A", "B", "190", FormatDay(day + 1), -10, 4, "r", "x3"));  // dup
      s.mentions.push_back(M("A", "B", "042", date, 1.9, 1, "p", "x1"));
    }
  }
  return s;
}

TEST(Alerts, EscalationAgainstAFlatBaseline) {
  Scenario s = Escalation();
  AlertOptions o;  // weekly, baseline 8, min 4, z 3, floor 2, level 10
  auto events = Deduplicate(s.mentions, o.dedup);
  auto alerts = DetectAlerts(s.mentions, events, s.daily, o);
  ASSERT_EQ(alerts.size(), 1u);
  const Alert& a = alerts[0];
  EXPECT_EQ(a.source, "A");
  EXPECT_EQ(a.target, "B");
  EXPECT_EQ(PeriodLabel(a.start, Period::kWeek), "2025-W09");
  EXPECT_DOUBLE_EQ(a.level, 22);
  EXPECT_EQ(a.score.n, 8);
  EXPECT_DOUBLE_EQ(a.score.mean, 2);
  EXPECT_DOUBLE_EQ(a.score.sd, 0);
  EXPECT_DOUBLE_EQ(a.score.z, 10);  // (22 - 2) / max(0, 2)
  EXPECT_EQ(a.events, 4);           // 112, 190 (day 1), 190 (day 2, two mentions), 042
  EXPECT_EQ(a.conflict_events, 3);
  EXPECT_EQ(a.mentions, 5);
  ASSERT_EQ(a.drivers.size(), 3u);
  // Biggest contribution first; of the two attacks the one with more mentions.
  const Mention& first = s.mentions[events[a.drivers[0]].mentions[0]];
  EXPECT_EQ(first.event.code, "190");
  EXPECT_EQ(events[a.drivers[0]].num_mentions, 2);
  EXPECT_EQ(s.mentions[events[a.drivers[1]].mentions[0]].event.code, "190");
  EXPECT_EQ(s.mentions[events[a.drivers[2]].mentions[0]].event.code, "112");
}

TEST(Alerts, UnobservedPeriodsAreNotPartOfTheBaseline) {
  Scenario s = Escalation({3, 4});
  AlertOptions o;
  auto alerts = DetectAlerts(s.mentions, Deduplicate(s.mentions, o.dedup), s.daily, o);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].score.n, 6);  // weeks 1, 2, 5, 6, 7, 8
  EXPECT_DOUBLE_EQ(alerts[0].score.mean, 2);
}

TEST(Alerts, ThresholdsSinceAndMinimumBaseline) {
  Scenario s = Escalation();
  AlertOptions o;
  auto events = Deduplicate(s.mentions, o.dedup);
  o.min_level = 23;
  EXPECT_TRUE(DetectAlerts(s.mentions, events, s.daily, o).empty());
  o.min_level = 10;
  o.z = 10.5;
  EXPECT_TRUE(DetectAlerts(s.mentions, events, s.daily, o).empty());
  o.z = 3;
  o.since = *ParseDay("2025-03-03");
  EXPECT_TRUE(DetectAlerts(s.mentions, events, s.daily, o).empty());
  o.since.reset();
  o.min_baseline = 9;
  EXPECT_TRUE(DetectAlerts(s.mentions, events, s.daily, o).empty());
  // With a short baseline and no floor-breaking variance the first weeks
  // stay quiet: level 2 never reaches min_level.
  o.min_baseline = 0;
  EXPECT_EQ(DetectAlerts(s.mentions, events, s.daily, o).size(), 1u);
}

TEST(Alerts, PerHundredStoriesNormalisesByVolume) {
  Scenario s = Escalation();
  int week9 = *ParseDay("2024-12-30") + 56;
  s.daily[week9] = {10, 100};  // ten times the stories in the escalation week
  AlertOptions o;
  o.per_100_stories = true;
  auto alerts = DetectAlerts(s.mentions, Deduplicate(s.mentions, o.dedup), s.daily, o);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_DOUBLE_EQ(alerts[0].level, 220);       // 22 per 10 stories
  EXPECT_DOUBLE_EQ(alerts[0].score.mean, 200);  // 2 per 1 story
  EXPECT_DOUBLE_EQ(alerts[0].score.z, 10);
  EXPECT_EQ(alerts[0].stories, 10);
}

}  // namespace
}  // namespace dyad::store
