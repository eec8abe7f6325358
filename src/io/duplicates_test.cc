#include "io/duplicates.h"

#include <gtest/gtest.h>

#include <set>

namespace dyad::io {
namespace {

TEST(StoryIdSet, CountsOccurrencesAndSaysWhereTheFirstWas) {
  StoryIdSet seen;
  std::string first;
  EXPECT_EQ(seen.See("a", "x.jsonl:1", &first), 1);
  EXPECT_EQ(seen.See("b", "x.jsonl:2", &first), 1);
  EXPECT_EQ(seen.See("a", "y.jsonl:7", &first), 2);
  EXPECT_EQ(first, "x.jsonl:1");
  EXPECT_EQ(seen.See("b", "y.jsonl:9", &first), 2);
  EXPECT_EQ(first, "x.jsonl:2");
  EXPECT_EQ(seen.See("a", "y.jsonl:8", &first), 3);
  EXPECT_EQ(first, "x.jsonl:1");
  // An origin without a line number is kept whole.
  EXPECT_EQ(seen.See("c", "story.txt", &first), 1);
  EXPECT_EQ(seen.See("c", "-:3", &first), 2);
  EXPECT_EQ(first, "story.txt");
}

TEST(MakeIdsOccurrenceSpecific, FirstCopyKeepsItsIdsRepeatsGetTheirOwn) {
  std::vector<Event> one(2);
  one[0].id = "00000000000000aa";
  one[1].id = "00000000000000bb";
  one[1].parent_id = "00000000000000cc";
  std::vector<Event> copy1 = one, copy2 = one, copy3 = one;
  MakeIdsOccurrenceSpecific(1, &copy1);
  EXPECT_EQ(copy1[0].id, one[0].id);
  EXPECT_EQ(copy1[1].parent_id, one[1].parent_id);
  MakeIdsOccurrenceSpecific(2, &copy2);
  MakeIdsOccurrenceSpecific(3, &copy3);
  std::set<std::string> ids;
  for (const auto* v : {&one, &copy2, &copy3}) {
    for (const Event& e : *v) {
      EXPECT_EQ(e.id.size(), 16u);
      ids.insert(e.id);
    }
  }
  EXPECT_EQ(ids.size(), 6u);  // no two events share an id
  EXPECT_NE(copy2[1].parent_id, one[1].parent_id);
  EXPECT_EQ(copy2[1].parent_id.size(), 16u);
  EXPECT_TRUE(copy2[0].parent_id.empty());  // no parent stays no parent
  // Stable: the same occurrence gives the same ids.
  std::vector<Event> again = one;
  MakeIdsOccurrenceSpecific(2, &again);
  EXPECT_EQ(again[0].id, copy2[0].id);
}

}  // namespace
}  // namespace dyad::io
