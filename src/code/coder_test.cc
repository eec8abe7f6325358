#include "dyad/coder.h"

#include <gtest/gtest.h>

#include <set>

#include "dyad/lexicon.h"

namespace dyad {
namespace {

std::shared_ptr<const Lexicon> DefaultLexicon() {
  static const std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
    return r.ok() ? *r : nullptr;
  }();
  return lex;
}

// Ids are below 2^53 (exact as doubles), 16 hex digits, distinct within a
// story and the same every time, under every semantics.
TEST(Coder, EventIdsAreStableAndBelow2To53) {
  auto lex = DefaultLexicon();
  ASSERT_NE(lex, nullptr);
  Story s;
  s.id = "ids-1";
  s.date = "2024-03-01";
  s.text = "Chile, Peru and Bolivia held talks with Brazil. Russia attacked Ukraine.";
  for (Semantics sem : {Semantics::kDyad, Semantics::kPetrarch}) {
    CoderOptions opt;
    opt.semantics = sem;
    Coder coder(lex, opt);
    std::vector<Event> a, b;
    coder.CodeStory(s, &a, nullptr);
    coder.CodeStory(s, &b, nullptr);
    ASSERT_GE(a.size(), 4u);
    ASSERT_EQ(a.size(), b.size());
    std::set<std::string> ids;
    bool any_parent = false;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].id, b[i].id);
      EXPECT_EQ(a[i].id.size(), 16u);
      EXPECT_LT(EventIdValue(a[i].id), kEventIdLimit) << a[i].id;
      ids.insert(a[i].id);
      if (!a[i].parent_id.empty()) {
        any_parent = true;
        EXPECT_LT(EventIdValue(a[i].parent_id), kEventIdLimit) << a[i].parent_id;
      }
    }
    EXPECT_EQ(ids.size(), a.size());
    EXPECT_TRUE(any_parent);  // the compound subject's events share one
  }
}

TEST(EventId, TopFiftyThreeBitsAsSixteenHexDigits) {
  EXPECT_EQ(EventIdFromHash(~uint64_t{0}), "001fffffffffffff");
  EXPECT_EQ(EventIdFromHash(uint64_t{1} << 11), "0000000000000001");
  EXPECT_EQ(EventIdFromHash(0x7ff), "0000000000000000");
  EXPECT_EQ(EventIdValue("001fffffffffffff"), kEventIdLimit - 1);
  EXPECT_EQ(EventIdValue("00000000000000ab"), 0xabu);
}

}  // namespace
}  // namespace dyad
