#include <gtest/gtest.h>

#include "dyad/lexicon.h"

namespace dyad {
namespace {

// A '|' group in the middle of a '_' chain loads (it is legal) but is
// reported: it is almost always a list of phrases meant as alternatives.
TEST(Loader, WarnsOfAlternativesInsideAJoinedChain) {
  DictStats stats;
  auto lex = Lexicon::LoadSources(
      {{"t.dict",
        "verb 010 : hold\n"
        "pattern 010 : hold press_conference|briefing|news_conference\n"
        "pattern 010 : hold talks_with|alongside+\n"
        "pattern 010 : hold bleak|grim_picture\n"}},
      &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(stats.errors.empty());
  ASSERT_EQ(stats.warnings.size(), 1u);
  EXPECT_EQ(stats.warnings[0].rfind("t.dict:2: 'press_conference|briefing|news_conference' reads "
                                    "as press then one of conference|briefing|news then conference",
                                    0),
            0u)
      << stats.warnings[0];
}

// The default dictionaries hold no such chain.
TEST(Loader, DefaultDictionariesHaveNoWarnings) {
  DictStats stats;
  auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  for (const std::string& w : stats.warnings) ADD_FAILURE() << w;
}

// The load gives the same tables with one thread or two.
TEST(Loader, SameLexiconWithOneOrTwoThreads) {
  auto one = Lexicon::Load(DYAD_SOURCE_DATA_DIR, nullptr, 1);
  auto two = Lexicon::Load(DYAD_SOURCE_DATA_DIR, nullptr, 2);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ((*one)->fingerprint(), (*two)->fingerprint());
  for (const char* w : {"warned", "attacked", "russia", "talks", "seizing", "visited"}) {
    const WordInfo* a = (*one)->Info(w);
    const WordInfo* b = (*two)->Info(w);
    ASSERT_EQ(a == nullptr, b == nullptr) << w;
    if (!a) continue;
    EXPECT_EQ(a->id, b->id) << w;
    EXPECT_EQ(a->lemma_id, b->lemma_id) << w;
    EXPECT_EQ(a->verb_count, b->verb_count) << w;
    EXPECT_EQ(a->wordnet_lemma, b->wordnet_lemma) << w;
    EXPECT_EQ(a->phrases == nullptr, b->phrases == nullptr) << w;
  }
}

}  // namespace
}  // namespace dyad
