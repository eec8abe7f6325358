#include "code/roles.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

TEST(Roles, SubjectPastAdverbialsAndApposition) {
  StageRun r("Pakistan, a key ally, on Monday refused the request.");
  int v = r.Verb("refused");
  ASSERT_GE(v, 0);
  int s = r.a().verbs[v].subject;
  ASSERT_GE(s, 0);
  EXPECT_EQ(r.Words(r.a().phrases[s].b, r.a().phrases[s].e), "Pakistan");
}

TEST(Roles, SubjectThroughPrepositionalPhrases) {
  StageRun r("A convoy of Russian troops in Belarus crossed the border.");
  int v = r.Verb("crossed");
  int s = r.a().verbs[v].subject;
  ASSERT_GE(s, 0);
  EXPECT_EQ(r.Words(r.a().phrases[s].b, r.a().phrases[s].e), "A convoy of Russian troops");
}

TEST(Roles, InfinitiveTakesItsGovernorsSubject) {
  StageRun r("Hungary refused to allow Ukrainian grain imports.");
  int v = r.Verb("allow");
  ASSERT_GE(v, 0);
  EXPECT_EQ(r.a().verbs[v].subject, r.a().verbs[r.Verb("refused")].subject);
}

TEST(Roles, SourcesAreNeverPlacesOrWeakDemonyms) {
  StageRun r("Russian gas reached Hungary.");
  Clauses c(r.env(), r.a());
  Roles roles(r.env(), r.a(), c);
  EXPECT_TRUE(roles.Sources(r.Phrase("Russian gas")).empty());
  EXPECT_EQ(roles.Targets(r.Phrase("Russian gas")).size(), 1u);
}

TEST(Roles, UnnamedAttackerIsAnUnidentifiedForceOfThePlace) {
  StageRun r("A car bomb near Samarra killed five police officers.");
  Clauses c(r.env(), r.a());
  Roles roles(r.env(), r.a(), c);
  auto s = roles.Sources(r.Phrase("A car bomb"));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].code, "IRQUAF");
}

TEST(Roles, DefaultTargetFromAPrepositionalPhrase) {
  StageRun r("Chile protested to Peru.");
  Clauses c(r.env(), r.a());
  Roles roles(r.env(), r.a(), c);
  int v = r.Verb("protested");
  std::string how;
  auto sources = roles.Sources(r.a().verbs[v].subject);
  auto t = roles.DefaultTargets(v, static_cast<uint32_t>(r.a().parse.words.size()), "140", "14",
                                sources, &how);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].code, "PER");
  EXPECT_EQ(how, "'to' phrase");
}

TEST(Roles, OwnTroopsAreTheSourcesOwn) {
  StageRun r("Lebanon said its soldiers were wounded.");
  Clauses c(r.env(), r.a());
  Roles roles(r.env(), r.a(), c);
  auto sources = roles.Sources(r.Phrase("Lebanon"));
  auto own = roles.Targets(r.Phrase("its soldiers"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_TRUE(roles.SameActor(sources, own[0]));
}

}  // namespace
}  // namespace dyad::code
