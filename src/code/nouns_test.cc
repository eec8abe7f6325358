#include "code/nouns.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

TEST(Nouns, PossessorIsTheSourceAndTheOfPhraseTheTarget) {
  EXPECT_EQ(StageRun("Chile's condemnation of the Peruvian raid drew wide support.").Coded(true),
            "CHL>PER:111");
}

TEST(Nouns, TalksBetweenTwoPartiesCodeBothSides) {
  EXPECT_EQ(StageRun("Talks between Chile and Peru resumed in Lima on Monday.").Coded(true),
            "CHL>PER:040 PER>CHL:040");
}

TEST(Nouns, TheTopicOfNegotiationsIsNoTarget) {
  // "on a … withdrawal" is what the talks are about, not a party to them.
  EXPECT_EQ(StageRun("Ecuador and Peru renewed negotiations on a Peruvian troop withdrawal.").Coded(true),
            "ECU>PER:046 PER>ECU:046");
}

TEST(Nouns, FearedCalledForAndDatedActsAreNoEvents) {
  EXPECT_EQ(StageRun("Peru fears an invasion by Chile.").Coded(true), "");
  EXPECT_EQ(StageRun("In March 1998, a Chilean raid on Peru left ten dead.").Coded(true), "");
  // Russia's call is an appeal; the talks it asks for have not happened.
  EXPECT_EQ(StageRun("Russia called for talks with Ukraine.").Coded(true), "RUS>UKR:026");
}

TEST(Nouns, AMeansOfWarIsUsedByItsAgent) {
  EXPECT_EQ(StageRun("A drone strike by Israel hit a car in Lebanon on Sunday.").Coded(true),
            "ISR>LBN:190");
}

TEST(Nouns, ReadinessForTalksIsAnIntent) {
  EXPECT_EQ(StageRun("Peru is open to talks with Chile.").Coded(true), "PER>CHL:036");
  EXPECT_EQ(StageRun("Peru is not open to talks with Chile.").Coded(true), "");
}

TEST(Nouns, TalksDuringWhichActorsSpokeAreTheirs) {
  std::string coded =
      StageRun("The Chilean president told the Peruvian president during talks in Lima that trade would grow.").Coded(true);
  EXPECT_NE(coded.find("CHL>PER:040"), std::string::npos) << coded;
}

}  // namespace
}  // namespace dyad::code
