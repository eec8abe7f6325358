#include "code/actors.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

TEST(ActorStage, DemonymAndRoleNoun) {
  StageRun r("Russian troops crossed the border.");
  int np = r.Phrase("Russian troops");
  ASSERT_GE(np, 0);
  EXPECT_EQ(r.Codes(np), "RUSMIL");
  EXPECT_STREQ(r.a().phrases[np].actors[0].how, "country or demonym + role noun");
  EXPECT_GE(r.a().phrases[np].actors[0].entry, 0);
}

TEST(ActorStage, RoleNounTakesTheOfList) {
  StageRun r("The presidents of Chile and Peru met.");
  EXPECT_EQ(r.Codes(r.Phrase("The presidents of Chile and Peru")), "CHLGOV,PERGOV");
}

TEST(ActorStage, PossessivePronounTakesItsAntecedentsCountry) {
  StageRun r("Lebanon said its soldiers were wounded.");
  EXPECT_EQ(r.Codes(r.Phrase("its soldiers")), "LBNMIL");
}

TEST(ActorStage, DomesticRoleBelongsToTheSentencesOneCountry) {
  StageRun r("Police fired tear gas at protesters outside parliament in Kampala.");
  EXPECT_EQ(r.Codes(r.Phrase("Police")), "UGACOP");
  EXPECT_EQ(r.Codes(r.Phrase("protesters")), "UGAOPP");
}

TEST(ActorStage, DemonymOnANonActorNounIsWeak) {
  StageRun r("Hungary bought Russian gas.");
  int np = r.Phrase("Russian gas");
  ASSERT_GE(np, 0);
  ASSERT_EQ(r.a().phrases[np].actors.size(), 1u);
  EXPECT_TRUE(r.a().phrases[np].actors[0].weak);
}

TEST(ActorStage, MeansOfWarAreMilitary) {
  StageRun r("Israeli shelling killed two civilians.");
  int np = r.Phrase("Israeli shelling");
  ASSERT_GE(np, 0);
  EXPECT_EQ(r.Codes(np), "ISRMIL");
  EXPECT_TRUE(r.a().phrases[np].actors[0].weapon);
}

TEST(ActorStage, PronounContinuesTheLastSubjectAcrossSentences) {
  StageRun r("Turkey summoned the Swedish envoy. It accused Stockholm of harbouring militants.");
  int np = r.Phrase("It");
  ASSERT_GE(np, 0);
  EXPECT_EQ(r.Codes(np), "TUR");
  EXPECT_STREQ(r.a().phrases[np].actors[0].how, "pronoun: the latest subject of the story");
}

TEST(ActorStage, ThePresidentIsTheStorysState) {
  StageRun r("Niger closed its airspace. The government said the French envoy must leave.");
  EXPECT_EQ(r.Codes(r.Phrase("The government")), "NERGOV");
}

}  // namespace
}  // namespace dyad::code
