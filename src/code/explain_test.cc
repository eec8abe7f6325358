#include "code/explain.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"
#include "dyad/coder.h"

namespace dyad::code {
namespace {

TEST(Explain, JsonHasEveryStage) {
  Coder coder(testing::DefaultLexicon());
  Story s;
  s.id = "s1";
  s.date = "2022-02-10";
  s.text = "Russia did not attack Ukraine. Moscow rejected the demands of NATO.";
  std::vector<Event> events;
  nlohmann::json j = nlohmann::json::parse(coder.ExplainJson(s, &events));
  ASSERT_EQ(j["sentences"].size(), 2u);
  const auto& s0 = j["sentences"][0];
  EXPECT_FALSE(s0["words"].empty());
  EXPECT_FALSE(s0["phrases"].empty());
  ASSERT_FALSE(s0["verbs"].empty());
  bool negated = false;
  for (const auto& v : s0["verbs"]) negated |= v.value("blocked", "") == "negated";
  EXPECT_TRUE(negated);
  EXPECT_TRUE(s0["events"].empty());
  const auto& s1 = j["sentences"][1];
  ASSERT_EQ(s1["events"].size(), 1u);
  EXPECT_EQ(s1["events"][0]["source"], "RUS");
}

TEST(Explain, SameEventsAsCoding) {
  Coder coder(testing::DefaultLexicon());
  Story s;
  s.id = "s2";
  s.date = "2024-03-01";
  s.text = "Chile and Peru held talks. Police fired on marchers in Lima.";
  std::vector<Event> coded, explained;
  CodeStats stats;
  coder.CodeStory(s, &coded, &stats);
  coder.ExplainText(s, &explained);
  ASSERT_EQ(coded.size(), explained.size());
  for (size_t i = 0; i < coded.size(); ++i) EXPECT_EQ(coded[i].id, explained[i].id);
}

TEST(Explain, NamesClauseKindsAndTags) {
  EXPECT_STREQ(ClauseKindName(parse::ClauseKind::kCondition), "condition");
  EXPECT_STREQ(TagName(parse::Tag::kPrep), "prep");
}

}  // namespace
}  // namespace dyad::code
