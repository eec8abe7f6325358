#include "code/nouns.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

// source>target:code for each event, in order.
std::string Coded(const StageRun& r) {
  std::string out;
  for (const Event& e : r.events()) {
    if (!out.empty()) out += " ";
    out += e.source.code.substr(0, 3) + ">" + (e.target ? e.target->code.substr(0, 3) : "---") +
           ":" + e.code;
  }
  return out;
}

TEST(Nouns, PossessorIsTheSourceAndTheOfPhraseTheTarget) {
  EXPECT_EQ(Coded(StageRun("Chile's condemnation of the Peruvian raid drew wide support.")),
            "CHL>PER:111");
}

TEST(Nouns, TalksBetweenTwoPartiesCodeBothSides) {
  EXPECT_EQ(Coded(StageRun("Talks between Chile and Peru resumed in Lima on Monday.")),
            "CHL>PER:040 PER>CHL:040");
}

TEST(Nouns, TheTopicOfNegotiationsIsNoTarget) {
  // "on a … withdrawal" is what the talks are about, not a party to them.
  EXPECT_EQ(Coded(StageRun("Ecuador and Peru renewed negotiations on a Peruvian troop withdrawal.")),
            "ECU>PER:046 PER>ECU:046");
}

TEST(Nouns, FearedCalledForAndDatedActsAreNoEvents) {
  EXPECT_EQ(Coded(StageRun("Peru fears an invasion by Chile.")), "");
  EXPECT_EQ(Coded(StageRun("In March 1998, a Chilean raid on Peru left ten dead.")), "");
  // Russia's call is an appeal; the talks it asks for have not happened.
  EXPECT_EQ(Coded(StageRun("Russia called for talks with Ukraine.")), "RUS>UKR:026");
}

TEST(Nouns, AMeansOfWarIsUsedByItsAgent) {
  EXPECT_EQ(Coded(StageRun("A drone strike by Israel hit a car in Lebanon on Sunday.")),
            "ISR>LBN:190");
}

TEST(Nouns, ReadinessForTalksIsAnIntent) {
  EXPECT_EQ(Coded(StageRun("Peru is open to talks with Chile.")), "PER>CHL:036");
  EXPECT_EQ(Coded(StageRun("Peru is not open to talks with Chile.")), "");
}

TEST(Nouns, TalksDuringWhichActorsSpokeAreTheirs) {
  std::string coded =
      Coded(StageRun("The Chilean president told the Peruvian president during talks in Lima that trade would grow."));
  EXPECT_NE(coded.find("CHL>PER:040"), std::string::npos) << coded;
}

}  // namespace
}  // namespace dyad::code
