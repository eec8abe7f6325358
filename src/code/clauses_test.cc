#include "code/clauses.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

// Why the verb with head word `head` in `text` is not an asserted act ("" if it is).
std::string Why(const std::string& text, const std::string& head,
                const std::string& date = "2024-03-01") {
  StageRun r(text, date);
  int v = r.Verb(head);
  if (v < 0) return "(no verb '" + head + "')";
  Clauses c(r.env(), r.a());
  return c.Blocked(v, c.Of(v));
}

TEST(Clauses, AssertedActs) {
  EXPECT_EQ(Why("Russia attacked Ukraine.", "attacked"), "");
  EXPECT_EQ(Why("Officials said Russia attacked Ukraine.", "attacked"), "");
  EXPECT_EQ(Why("Washington on Wednesday eased sanctions on Caracas.", "eased"), "");
}

TEST(Clauses, NegatedModalFuture) {
  EXPECT_EQ(Why("Russia did not attack Ukraine.", "attack"), "negated");
  EXPECT_EQ(Why("Russia could attack Ukraine.", "attack"), "modal");
  EXPECT_EQ(Why("Russia will attack Ukraine.", "attack"), "future");
}

TEST(Clauses, ConditionQuestionInfinitive) {
  EXPECT_EQ(Why("If Israel strikes Iran, oil will soar.", "strikes"), "conditional");
  EXPECT_EQ(Why("Has Russia attacked Ukraine?", "attacked"), "question");
  EXPECT_EQ(Why("Russia plans to invade Ukraine.", "invade"), "infinitive (intended, not done)");
}

TEST(Clauses, FearedAndDeniedComplements) {
  StageRun r("Kyiv fears that Russia invaded Moldova.");
  Clauses c(r.env(), r.a());
  int v = r.Verb("invaded");
  ASSERT_GE(v, 0);
  Clause cl = c.Of(v);
  EXPECT_EQ(cl.kind, parse::ClauseKind::kThat);
  EXPECT_EQ(cl.governor, "fear");
  EXPECT_EQ(c.Blocked(v, cl), "complement of 'fear'");
}

TEST(Clauses, StatementThatIsItselfBlocked) {
  EXPECT_EQ(Why("Moscow did not say that troops attacked Kyiv.", "attacked"),
            "inside a statement that is negated");
}

TEST(Clauses, HistoricalAndRefuted) {
  EXPECT_EQ(Why("Russia annexed Crimea in 2014.", "annexed", "2024-03-01"), "historical (2014)");
  EXPECT_EQ(Why("Ukraine said Russia shelled the port, a claim Moscow called baseless.", "shelled"),
            "inside a statement that is refuted");
}

TEST(Clauses, AMeansGerundSharesTheMainVerbsStatus) {
  StageRun r("By massing troops near the border, Russia threatened Ukraine.");
  int v = r.Verb("massing");
  ASSERT_GE(v, 0);
  Clauses c(r.env(), r.a());
  EXPECT_TRUE(c.MeansGerund(v));
  EXPECT_EQ(c.Blocked(v, c.Of(v)), "");
}

TEST(Clauses, WouldInReportedSpeechIsAFuture) {
  StageRun r("Iraq said it would allow inspectors in.");
  int v = r.Verb("allow");
  ASSERT_GE(v, 0);
  Clauses c(r.env(), r.a());
  EXPECT_TRUE(c.WouldInReport(v, c.Of(v)));
}

TEST(Clauses, ParticiplesJoinedByAndShareTheirClause) {
  // The second participle is as asserted as the first.
  StageRun r(
      "The UN Security Council adopted a resolution on Sudan, condemning the attacks and urging the "
      "Sudanese army to free detainees.");
  bool appeal = false;
  for (const Event& e : r.events()) appeal = appeal || (e.root == "02" && e.target && e.target->country == "SDN");
  EXPECT_TRUE(appeal);
}

}  // namespace
}  // namespace dyad::code
