#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

// With two threads the verb lines load on a lane of their own; the
// messages still come in line order, with the same counts.
TEST(Loader, SameMessagesWithOneOrTwoThreads) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "dyad_loader_lanes_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "dict");
  std::ofstream(dir / "dict" / "a.dict")
      << "country XAA : aland\n"
         "verb 999 : frob\n"                          // error, verb lane
         "pattern 010 : hold press_conference|news_conference\n"  // warning, verb lane
         "country XAA : aland\n"                      // same entry again: no note
         "widget X : y\n"                             // error, actor lane
         "verb 010 : say\n"
         "include missing.dict\n";                    // error, actor lane
  std::ofstream(dir / "dict" / "b.dict")
      << "verb 020 : say\n"                           // note, verb lane
         "country XAB : aland\n"                      // note, actor lane
         "pattern 010 : say\n";
  DictStats one, two;
  auto a = Lexicon::Load(dir.string(), &one, 1);
  auto b = Lexicon::Load(dir.string(), &two, 2);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->fingerprint(), (*b)->fingerprint());
  EXPECT_EQ(one.errors, two.errors);
  EXPECT_EQ(one.notes, two.notes);
  EXPECT_EQ(one.warnings, two.warnings);
  EXPECT_EQ(one.counts, two.counts);
  EXPECT_EQ(one.files, two.files);
  EXPECT_EQ(one.errors.size(), 3u);
  EXPECT_EQ(one.notes.size(), 2u);
  EXPECT_EQ(one.warnings.size(), 1u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
