#include "code/patterns.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

struct Matched {
  std::string pattern, target;
};

Matched Best(const std::string& text, const std::string& head) {
  StageRun r(text);
  int v = r.Verb(head);
  if (v < 0) return {"(no verb)", ""};
  Clauses c(r.env(), r.a());
  Roles roles(r.env(), r.a(), c);
  Patterns p(r.env(), r.a(), roles);
  const auto& w = r.a().parse.words[r.a().parse.verbs[v].head];
  const VerbEntry* ve = r.env().lex.Verb(w.lemma, w.info);
  if (!ve) return {"(not a dictionary verb)", ""};
  PatternHit hit = p.Best(*ve, v, p.WindowEnd(v), r.a().verbs[v].subject);
  Matched m;
  if (hit.pattern) m.pattern = hit.pattern->code;
  if (hit.target_np >= 0) m.target = r.Codes(hit.target_np);
  return m;
}

TEST(Patterns, TheLongestPatternWinsAndFillsItsSlot) {
  Matched m = Best("The EU imposed new sanctions on Iran.", "imposed");
  EXPECT_EQ(m.pattern.substr(0, 3), "163");
  EXPECT_EQ(m.target, "IRN");
}

TEST(Patterns, WindowEndsAtTheClauseBoundary) {
  StageRun r("Chile accused Peru, which denied it.");
  int v = r.Verb("accused");
  Clauses c(r.env(), r.a());
  Roles roles(r.env(), r.a(), c);
  Patterns p(r.env(), r.a(), roles);
  uint32_t end = p.WindowEnd(v);
  ASSERT_LT(end, r.a().parse.words.size());
  EXPECT_EQ(r.a().parse.words[end].lower, ",");
}

TEST(Patterns, NoPatternWithoutItsWords) {
  Matched m = Best("Chile called Peru.", "called");
  EXPECT_NE(m.pattern.substr(0, 4), "0256");  // "call for ceasefire" needs its words
}

TEST(Patterns, SamePatternWordsComparesSlotsAndWords) {
  auto lex = testing::DefaultLexicon();
  const VerbEntry* ve = lex->Verb("reject");
  ASSERT_NE(ve, nullptr);
  ASSERT_GE(ve->patterns.size(), 2u);
  EXPECT_TRUE(SamePatternWords(ve->patterns[0], ve->patterns[0]));
  EXPECT_FALSE(SamePatternWords(ve->patterns[0], ve->patterns[1]));
}

}  // namespace
}  // namespace dyad::code
