#include "code/discourse.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

// A one-phrase sentence naming `code`, whose phrase is the subject or not.
SentenceAnalysis Named(const std::string& code, bool subject) {
  SentenceAnalysis a;
  Phrase p;
  p.b = 0;
  p.e = 1;
  ActorRef x;
  x.code = code;
  x.country = code.substr(0, 3);
  x.e = 1;
  p.actors.push_back(x);
  a.phrases.push_back(p);
  VerbState v;
  v.subject = subject ? 0 : -1;
  a.verbs.push_back(v);
  return a;
}

TEST(Discourse, PronounPrefersTheLatestSubject) {
  Discourse d;
  d.RememberSentence(Named("TUR", true));
  d.RememberSentence(Named("SWE", false));
  ASSERT_NE(d.PronounAntecedent(false), nullptr);
  EXPECT_EQ(d.PronounAntecedent(false)->code, "TUR");
}

TEST(Discourse, PersonalPronounSkipsBareCountries) {
  Discourse d;
  d.RememberSentence(Named("FRAGOV", true));
  d.RememberSentence(Named("RUS", true));
  ASSERT_NE(d.PronounAntecedent(true), nullptr);
  EXPECT_EQ(d.PronounAntecedent(true)->code, "FRAGOV");
  EXPECT_EQ(d.PronounAntecedent(false)->code, "RUS");
}

TEST(Discourse, RemembersTheLastSixteenActors) {
  Discourse d;
  EXPECT_EQ(d.PronounAntecedent(false), nullptr);
  d.RememberSentence(Named("AAA", true));
  for (int i = 0; i < Discourse::kMemory; ++i) d.RememberSentence(Named("BBB", false));
  EXPECT_EQ(d.size(), static_cast<size_t>(Discourse::kMemory));
  // The one subject has been forgotten: the latest actor stands in.
  EXPECT_EQ(d.PronounAntecedent(false)->code, "BBB");
}

TEST(Discourse, LatestStateActorSkipsPlaces) {
  Discourse d;
  SentenceAnalysis a = Named("KEN", false);
  d.RememberSentence(a);
  SentenceAnalysis place = Named("UGA", false);
  place.phrases[0].actors[0].place = true;  // places are never remembered
  d.RememberSentence(place);
  ASSERT_NE(d.LatestStateActor(), nullptr);
  EXPECT_EQ(d.LatestStateActor()->country, "KEN");
}

TEST(Discourse, CounterpartIsWhoActedMostAndNotTheSource) {
  Discourse d;
  ActorRef out;
  std::vector<ActorRef> sources(1);
  sources[0].code = sources[0].country = "USA";
  d.RememberSentence(Named("RUS", true));
  EXPECT_FALSE(d.StoryCounterpart("12", sources, &out));  // once is not enough
  d.RememberSentence(Named("RUS", true));
  d.RememberSentence(Named("USA", true));
  d.RememberSentence(Named("USA", true));
  d.RememberSentence(Named("USA", true));
  ASSERT_TRUE(d.StoryCounterpart("12", sources, &out));
  EXPECT_EQ(out.code, "RUS");
  EXPECT_FALSE(d.StoryCounterpart("19", sources, &out));  // only verbal responses
}

TEST(Discourse, StoryStateIsPerStory) {
  // Two stories coded one after the other share nothing.
  testing::StageRun first("Turkey summoned the Swedish envoy.");
  testing::StageRun second("It accused Stockholm of harbouring militants.");
  EXPECT_EQ(first.Codes(first.Phrase("Turkey")), "TUR");
  EXPECT_EQ(second.Codes(second.Phrase("It")), "?");  // no antecedent in its own story
}

}  // namespace
}  // namespace dyad::code
