#include "code/places.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

std::vector<std::string> Countries(const StageRun& r) {
  std::vector<std::string> out;
  for (const Location& l : r.a().locations) out.push_back(l.second);
  return out;
}

TEST(Places, LocativePhrasesAreWhereThingsHappen) {
  StageRun r("Police fired tear gas at marchers in Nairobi.");
  EXPECT_EQ(Countries(r), std::vector<std::string>{"KEN"});
  EXPECT_EQ(NearestLocation(r.a(), 0, 1), "KEN");
}

TEST(Places, WhereThingsWentOrCameFromIsNot) {
  StageRun r("Refugees fled into Chad from Sudan.");
  EXPECT_TRUE(Countries(r).empty());
}

TEST(Places, TrailingAttributionIsWhereTheSpeakerIs) {
  StageRun r("Police fired tear gas at marchers, officials in Geneva said.");
  EXPECT_TRUE(Countries(r).empty());
  EXPECT_LT(r.a().attribution, r.a().parse.words.size());
}

TEST(Places, DemonymBeforeAPlaceNoun) {
  StageRun r("A bomb exploded in the Iraqi city of Mosul.");
  ASSERT_FALSE(Countries(r).empty());
  EXPECT_EQ(Countries(r)[0], "IRQ");
}

TEST(Places, NoLocationGivesNothing) {
  StageRun r("Peru recalled its ambassador.");
  EXPECT_EQ(NearestLocation(r.a(), 0, 1), "");
}

}  // namespace
}  // namespace dyad::code
