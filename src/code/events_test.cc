#include "code/events.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

TEST(Events, CameoConventionCodes) {
  EXPECT_EQ(IntentCode("042", "04"), "036");
  EXPECT_EQ(IntentCode("0721", "07"), "0332");
  EXPECT_EQ(IntentCode("190", "19"), "138");
  EXPECT_EQ(IntentCode("010", "01"), "");
  EXPECT_EQ(RefusalCode("04"), "125");
  EXPECT_EQ(RefusalCode("08"), "124");
  EXPECT_EQ(RefusalCode("19"), "");
}

TEST(Events, AnnouncedFutureActIsAnIntent) {
  StageRun r("Hungary said it will send aid to Ukraine.");
  ASSERT_EQ(r.events().size(), 1u);
  EXPECT_EQ(r.events()[0].code.substr(0, 2), "03");
}

TEST(Events, AnnouncedRefusalIsARejection) {
  StageRun r("Chile said it would not attend talks with Peru.");
  ASSERT_EQ(r.events().size(), 1u);
  EXPECT_EQ(r.events()[0].root, "12");
}

TEST(Events, NegatedAndFearedActsAreNoEvents) {
  EXPECT_EQ(StageRun("Russia did not attack Ukraine.").Coded(), "");
  EXPECT_EQ(StageRun("Kyiv fears that Russia could attack.").Coded(), "");
}

TEST(Events, CompoundSubjectsOfTalksGiveBothDirections) {
  StageRun r("Chile and Peru held talks.");
  EXPECT_EQ(r.Coded(), "CHL>PER:040 PER>CHL:040");
  EXPECT_FALSE(r.events()[0].parent_id.empty());
  EXPECT_EQ(r.events()[0].parent_id, r.events()[1].parent_id);
}

TEST(Events, StatementCodesOnlyWhenNothingIsReported) {
  // What Russia said reports an attack: the statement itself adds nothing.
  StageRun reported("Ukraine said Russia shelled Kharkiv.");
  for (const Event& e : reported.events()) EXPECT_NE(e.root, "01");
  // "must": a statement that someone must act is a demand.
  StageRun must("Chile said Peru must withdraw its troops.");
  ASSERT_EQ(must.events().size(), 1u);
  EXPECT_EQ(must.events()[0].code, "100");
}

TEST(Events, VisitNounCodesAVisit) {
  StageRun r("Macron signed an aid accord during a visit to Kyiv.");
  bool visit = false;
  for (const Event& e : r.events()) visit |= e.code == "042" && e.target && e.target->code == "UKR";
  EXPECT_TRUE(visit) << r.Coded();
}

TEST(Emitter, IdsAreStableAndDistinctWithinASentence) {
  StageRun a("Chile and Peru held talks.");
  StageRun b("Chile and Peru held talks.");
  ASSERT_EQ(a.events().size(), 2u);
  EXPECT_EQ(a.events()[0].id, b.events()[0].id);
  EXPECT_NE(a.events()[0].id, a.events()[1].id);
}

}  // namespace
}  // namespace dyad::code
