#include <gtest/gtest.h>

#include <algorithm>
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

// The parser's shortcuts agree with the plain look-ups: MatchPhraseAt()
// with MatchPhrase() (entry, length and kind), Infos() with Info(), and the
// WordInfo's lemma, form_is_lemma and verb with the tables.
TEST(Loader, WordInfoShortcutsAgreeWithLookUps) {
  auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  const Lexicon& L = **lex;
  const std::vector<std::string_view> words = {
      "the", "united", "states", "and", "united", "nations", "attacked", "north", "korea",
      "'s", "prime", "minister", "warned", "russia", "attack", "visited", "seizing", "talks",
      "new", "york", "police", "said", "zzzz", "hamas", "european", "union"};
  std::vector<const WordInfo*> infos(words.size());
  L.Infos(words.data(), words.size(), infos.data());
  for (size_t i = 0; i < words.size(); ++i) {
    const WordInfo* info = L.Info(words[i]);
    ASSERT_EQ(infos[i], info) << words[i];
    auto plain = L.MatchPhrase(words, i);
    std::optional<PhraseMatch> fast;
    if (info && info->phrases) fast = L.MatchPhraseAt(*info, words, i);
    ASSERT_EQ(plain.has_value(), fast.has_value()) << words[i];
    if (plain) {
      EXPECT_EQ(plain->entry, fast->entry) << words[i];
      EXPECT_EQ(plain->length, fast->length) << words[i];
      EXPECT_EQ(fast->kind, L.entry(fast->entry).kind) << words[i];
    }
    if (!info) continue;
    if (info->verb_lemmas) {
      EXPECT_EQ(info->lemma, (*info->verb_lemmas)[0]) << words[i];
      EXPECT_EQ(info->verb, L.Verb(info->lemma)) << words[i];
    } else {
      EXPECT_EQ(info->lemma, info->wordnet_lemma) << words[i];
    }
    if (!info->lemma.empty()) {
      EXPECT_EQ(info->form_is_lemma, words[i] == info->lemma) << words[i];
    }
  }
}

// A pattern's filter holds its word elements' masks and its prepositions,
// and says whether it has a slot for an actor.
TEST(Loader, PatternFiltersHoldWordMasks) {
  auto lex = Lexicon::LoadSources({{"t.dict",
                                    "verb 010 : hold\n"
                                    "pattern 040 : hold talks with+\n"
                                    "pattern 041 : hold summit\n"}});
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  const VerbEntry* v = (*lex)->Verb("hold");
  ASSERT_NE(v, nullptr);
  ASSERT_EQ(v->filters.size(), v->patterns.size());
  for (size_t i = 0; i < v->patterns.size(); ++i) {
    const PatternFilter& f = v->filters[i];
    uint64_t all = 0;
    for (const PatternElement& el : v->patterns[i].elements) {
      if (!el.target) all |= el.id_bits;
      if (el.target && !el.prep.empty()) all |= PatternElement::IdBit((*lex)->WordId(el.prep));
    }
    EXPECT_TRUE(f.MayMatch(all)) << v->patterns[i].text;
    EXPECT_FALSE(f.MayMatch(0)) << v->patterns[i].text;
    bool target = false;
    for (const PatternElement& el : v->patterns[i].elements) target |= el.target;
    EXPECT_EQ(f.needs_actor, target) << v->patterns[i].text;
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

// Event nouns load on the verb lane and reach the lexicon either way.
TEST(Loader, EventNounsLoadWithOneOrTwoThreads) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "dyad_loader_nouns_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "dict");
  std::ofstream(dir / "dict" / "a.dict") << "country XAA : aland\n"
                                            "noun 111 : rebuke\n"
                                            "noun 195 : strike | air strike\n";
  for (int threads : {1, 2}) {
    DictStats stats;
    auto lex = Lexicon::Load(dir.string(), &stats, threads);
    ASSERT_TRUE(lex.ok());
    const EventNoun* n = (*lex)->Noun("strikes");
    ASSERT_NE(n, nullptr) << threads << " threads";
    EXPECT_EQ(n->variants.size(), 2u);
    ASSERT_NE((*lex)->Noun("rebuke"), nullptr) << threads << " threads";
  }
  fs::remove_all(dir);
}

// Folders given as layers load one after another, as if one folder: a later
// folder's entry for a phrase replaces an earlier one's, a verb takes the
// later code, and what no later folder names stays.
TEST(Loader, LayersLoadInOrderLaterEntriesWin) {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / "dyad_loader_layers_test";
  fs::remove_all(base);
  fs::create_directories(base / "a" / "dict");
  fs::create_directories(base / "b");
  std::ofstream(base / "a" / "dict" / "x.dict") << "country XAA : aland | bland\n"
                                                   "verb 010 : say\n";
  std::ofstream(base / "b" / "y.dict") << "country XAB : bland\n"
                                          "verb 020 : say\n";
  auto code_of = [](const Lexicon& lex, std::string_view word) {
    auto m = lex.MatchPhrase({word}, 0);
    return m ? lex.entry(m->entry).codes[0].code : std::string("none");
  };
  for (int threads : {1, 2}) {
    DictStats stats;
    auto ab = Lexicon::Load({(base / "a").string(), (base / "b").string()}, &stats, threads);
    ASSERT_TRUE(ab.ok()) << ab.status().message();
    EXPECT_EQ(code_of(**ab, "aland"), "XAA");
    EXPECT_EQ(code_of(**ab, "bland"), "XAB");
    ASSERT_NE((*ab)->Verb("say"), nullptr);
    EXPECT_EQ((*ab)->Verb("say")->code, "020");
    EXPECT_EQ(stats.files.size(), 2u);
    EXPECT_EQ(stats.notes.size(), 2u);  // bland and say replaced, with both places
    auto ba = Lexicon::Load({(base / "b").string(), (base / "a").string()}, nullptr, threads);
    ASSERT_TRUE(ba.ok());
    EXPECT_EQ(code_of(**ba, "bland"), "XAA");
    EXPECT_EQ((*ba)->Verb("say")->code, "010");
  }
  // A folder named twice loads once; a missing one is an error naming it.
  DictStats twice;
  ASSERT_TRUE(Lexicon::Load({(base / "a").string(), (base / "a" / "dict").string()}, &twice).ok());
  EXPECT_EQ(twice.files.size(), 1u);
  auto missing = Lexicon::Load({(base / "a").string(), (base / "nope").string()});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nope: no such dictionary folder"), std::string::npos);
  fs::remove_all(base);
}

// Verb forms: a verb with irregular forms keeps its regular past unless the
// spelling is another verb's (issue 18); doubling gives the doubled forms
// only, and the British doubled spelling of kidnap/worship.
TEST(Loader, VerbFormsRegularBesideIrregularAndDoubling) {
  auto lex = Lexicon::LoadSources(
      {{"t.dict",
        "verb 111 : chide | hang | hop | hope | scar | scare | kidnap | forbid | bid | bide | "
        "see | ban | patrol\n"
        "irregular : chide chid chidden\n"
        "irregular : hang hung hung\n"
        "irregular : bid bade bidden\n"
        "irregular : forbid forbade forbidden forbad\n"
        "irregular : see saw seen\n"}});
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto lemmas = [&](const char* form) {
    const std::vector<std::string>* v = (*lex)->VerbLemmas(form);
    return v ? *v : std::vector<std::string>();
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(lemmas("chided"), V{"chide"});  // regular past beside chid
  EXPECT_EQ(lemmas("chid"), V{"chide"});
  EXPECT_EQ(lemmas("chidden"), V{"chide"});
  EXPECT_EQ(lemmas("chiding"), V{"chide"});
  EXPECT_EQ(lemmas("hanged"), V{"hang"});
  EXPECT_EQ(lemmas("hung"), V{"hang"});
  EXPECT_EQ(lemmas("bade"), V{"bid"});
  EXPECT_EQ(lemmas("bidding"), V{"bid"});
  EXPECT_EQ(lemmas("bided"), V{"bide"});  // bide's, not bid's
  EXPECT_EQ(lemmas("biding"), V{"bide"});
  EXPECT_EQ(lemmas("forbade"), V{"forbid"});
  EXPECT_EQ(lemmas("forbad"), V{"forbid"});
  EXPECT_EQ(lemmas("forbidding"), V{"forbid"});
  EXPECT_EQ(lemmas("hopped"), V{"hop"});
  EXPECT_EQ(lemmas("hoped"), V{"hope"});  // no longer hop's too
  EXPECT_EQ(lemmas("hoping"), V{"hope"});
  EXPECT_EQ(lemmas("scared"), V{"scare"});
  EXPECT_EQ(lemmas("scarred"), V{"scar"});
  EXPECT_EQ(lemmas("banned"), V{"ban"});
  EXPECT_TRUE(lemmas("baned").empty());
  EXPECT_EQ(lemmas("patrolled"), V{"patrol"});
  EXPECT_EQ(lemmas("patroled"), V{"patrol"});
  EXPECT_EQ(lemmas("kidnapped"), V{"kidnap"});
  EXPECT_EQ(lemmas("kidnaped"), V{"kidnap"});
  EXPECT_EQ(lemmas("kidnapping"), V{"kidnap"});
  EXPECT_EQ(lemmas("saw"), V{"see"});
  EXPECT_TRUE(lemmas("seed").empty());  // a word of its own, not see's past
}

// The generated forms themselves.
TEST(Inflection, RegularVerbForms) {
  auto has = [](const char* lemma, const char* form) {
    auto v = RegularVerbForms(lemma);
    return std::find(v.begin(), v.end(), form) != v.end();
  };
  EXPECT_TRUE(has("chide", "chided"));
  EXPECT_TRUE(has("chide", "chiding"));
  EXPECT_TRUE(has("ban", "banned"));
  EXPECT_FALSE(has("ban", "baned"));
  EXPECT_FALSE(has("hop", "hoped"));
  EXPECT_FALSE(has("bid", "biding"));
  EXPECT_TRUE(has("forbid", "forbidding"));
  EXPECT_TRUE(has("open", "opened"));
  EXPECT_TRUE(has("open", "opening"));
  EXPECT_TRUE(has("edit", "edited"));
  EXPECT_TRUE(has("omit", "omitted"));
  EXPECT_TRUE(has("commit", "committed"));
  EXPECT_FALSE(has("commit", "commited"));
  EXPECT_TRUE(has("worship", "worshipped"));
  EXPECT_TRUE(has("worship", "worshiped"));
  EXPECT_TRUE(has("travel", "travelled"));
  EXPECT_TRUE(has("travel", "traveled"));
  EXPECT_TRUE(has("visit", "visited"));
  EXPECT_FALSE(has("visit", "visitted"));
  EXPECT_TRUE(has("ally", "allied"));
  EXPECT_TRUE(has("panic", "panicked"));
}

// A copy of data/ (CAMEO tables and WordNet counts, one small .dict) in a
// scratch folder, for tests that damage a table.
class DamagedTables : public ::testing::Test {
 protected:
  void SetUp() override {
    namespace fs = std::filesystem;
    root_ = fs::path(::testing::TempDir()) /
            ("dyad_tables_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "dict");
    fs::copy(fs::path(DYAD_SOURCE_DATA_DIR) / "cameo", root_ / "cameo");
    fs::copy(fs::path(DYAD_SOURCE_DATA_DIR) / "lexicon", root_ / "lexicon");
    std::ofstream(root_ / "dict" / "t.dict") << "verb 190 : fight\n";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  // Replaces line `lineno` (1-based) of a table with `text`.
  void SetLine(const std::string& table, int lineno, const std::string& text) {
    std::ifstream in(root_ / table);
    std::string all, line;
    for (int n = 1; std::getline(in, line); ++n) all += (n == lineno ? text : line) + "\n";
    in.close();
    std::ofstream(root_ / table) << all;
  }
  std::filesystem::path root_;
};

// A bad number threw std::stoi's exception out of Load ("dyad: stoi", or
// std::terminate when WordNet loads on its own thread).
TEST_F(DamagedTables, BadNumberInEventCodesIsAnErrorWithFileAndLine) {
  SetLine("cameo/event_codes.tsv", 4, "010\t01\t0.0\tone\t\t\tMake statement");
  SetLine("cameo/event_codes.tsv", 5, "011\t01\t-0.1x\t1\t\t\tDecline comment");
  for (int threads : {1, 2}) {
    auto lex = Lexicon::Load(root_.string(), nullptr, threads);
    ASSERT_FALSE(lex.ok());
    const std::string file = (root_ / "cameo" / "event_codes.tsv").string();
    EXPECT_EQ(lex.status().message(), file + ":4: quad_class 'one' is not a number\n" + file +
                                          ":5: goldstein '-0.1x' is not a number");
  }
}

TEST_F(DamagedTables, BadNumberInWordNetCountsIsAnErrorWithFileAndLine) {
  SetLine("lexicon/wordnet-verbs.tsv", 10, "attack\t12\t9999999999999");
  for (int threads : {1, 2}) {
    auto lex = Lexicon::Load(root_.string(), nullptr, threads);
    ASSERT_FALSE(lex.ok()) << threads;
    EXPECT_EQ(lex.status().message(), (root_ / "lexicon" / "wordnet-verbs.tsv").string() +
                                          ":10: noun count '9999999999999' is not a number");
  }
}

// `include` loads a file once and regular files only: a file including
// itself ten times (nested eight deep: 10^8 loads) or /dev/zero took
// gigabytes. Each refusal is an error at the include line.
TEST(Loader, IncludeRefusesRepeatsAndSpecialFiles) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / "dyad_include_test";
  fs::remove_all(root);
  fs::create_directories(root / "dict");
  std::ofstream(root / "dict" / "a.dict") << "include a.dict\ninclude a.dict\ninclude a.dict\n"
                                             "include sub.inc\ninclude sub.inc\n"
                                             "include /dev/null\ninclude .\ninclude missing.dict\n";
  std::ofstream(root / "dict" / "sub.inc") << "verb 190 : fight\n";
  const std::string a = (root / "dict" / "a.dict").string();
  const std::vector<std::string> want = {
      a + ":1: include a.dict: already loaded; not loaded again",
      a + ":2: include a.dict: already loaded; not loaded again",
      a + ":3: include a.dict: already loaded; not loaded again",
      a + ":5: include sub.inc: already loaded; not loaded again",
      a + ":6: include /dev/null: not a regular file; not loaded",
      a + ":7: include .: not a regular file; not loaded",
      // Found by fuzz_dict: reported as "missing.dict:0: cannot open file".
      a + ":8: include missing.dict: no such file; not loaded",
  };
  for (int threads : {1, 2}) {
    DictStats stats;
    auto lex = Lexicon::Load(root.string(), &stats, threads);
    ASSERT_TRUE(lex.ok()) << lex.status().message();
    EXPECT_EQ(stats.errors, want) << threads;
    EXPECT_EQ(stats.files.size(), 2u) << threads;  // a.dict and sub.inc, once each
  }
  fs::remove_all(root);
}

}  // namespace
}  // namespace dyad
