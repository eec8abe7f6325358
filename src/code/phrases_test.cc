#include "code/phrases.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

TEST(PhraseStage, CoordinationJoinsActorPhrases) {
  StageRun r("Washington and NATO rejected the demands.");
  int np = r.Phrase("Washington and NATO");
  ASSERT_GE(np, 0);
  EXPECT_EQ(r.a().phrases[np].actors.size(), 2u);
  EXPECT_GE(r.Phrase("the demands"), 0);
}

TEST(PhraseStage, CommaListNeedsAClosingAnd) {
  StageRun list("Spain, Ireland and Norway recognised the state.");
  EXPECT_GE(list.Phrase("Spain, Ireland and Norway"), 0);
  // A comma before an attribution is no list.
  StageRun attribution("Troops crossed into Ethiopia, a Kenyan official said.");
  EXPECT_EQ(attribution.Phrase("Ethiopia, a Kenyan official"), -1);
  EXPECT_GE(attribution.Phrase("a Kenyan official"), 0);
}

TEST(PhraseStage, SerialCommaOnlyInTheReferenceReading) {
  const char* text = "Brazil, India, and Kenya signed the accord.";
  StageRun dyad(text);
  StageRun reference(text, "2024-03-01", Semantics::kPetrarch);
  EXPECT_GE(reference.Phrase("Brazil, India, and Kenya"), 0);
  EXPECT_EQ(dyad.Phrase("Brazil, India, and Kenya"), -1);
}

TEST(PhraseStage, OfStaysInsideAndPrepositionIsRecorded) {
  StageRun r("The presidents of Chile and Peru met in Lima.");
  int np = r.Phrase("The presidents of Chile and Peru");
  ASSERT_GE(np, 0);
  EXPECT_EQ(r.a().phrases[np].prep, -1);
  int lima = r.Phrase("Lima");
  ASSERT_GE(lima, 0);
  ASSERT_GE(r.a().phrases[lima].prep, 0);
  EXPECT_EQ(r.a().parse.words[r.a().phrases[lima].prep].lower, "in");
}

TEST(PhraseStage, QuantityPrepositionIsNoPrepositionalPhrase) {
  StageRun r("Police detained up to 40 protesters.");
  int np = r.Phrase("40 protesters");
  ASSERT_GE(np, 0);
  EXPECT_EQ(r.a().phrases[np].prep, -1);
}

TEST(PhraseStage, EveryWordMapsToItsPhrase) {
  StageRun r("Russian troops shelled the city of Kharkiv on Monday.");
  for (size_t i = 0; i < r.a().phrases.size(); ++i) {
    const Phrase& p = r.a().phrases[i];
    for (uint32_t k = p.b; k < p.e; ++k) EXPECT_EQ(r.a().phrase_of[k], static_cast<int>(i));
  }
}

}  // namespace
}  // namespace dyad::code
