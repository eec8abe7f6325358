#include "lexicon/tabari_dict.h"

#include <gtest/gtest.h>

namespace dyad::tabari {
namespace {

Dictionary Load(const std::vector<std::pair<std::string, std::string>>& files,
                std::vector<std::string>* problems = nullptr) {
  Dictionary d;
  std::vector<std::string> local;
  LoadDictionaryTexts(files, &d, problems ? problems : &local);
  return d;
}

const Root* RootOf(const Dictionary& d, const std::string& text) {
  for (const Root& r : d.roots) {
    if (r.text == text) return &r;
  }
  return nullptr;
}

// A word's connector says whether it may match a longer text word and
// whether text words may come between it and the next element.
TEST(TabariDict, PhraseConnectors) {
  Dictionary d;
  Phrase p;
  std::string why;
  ASSERT_TRUE(ParsePhrase(&d, "BURN DOWN", false, &p, &why));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].conn, kConnPartSkip);
  EXPECT_EQ(p[1].conn, kConnPartSkip);  // the last word: a stem
  ASSERT_TRUE(ParsePhrase(&d, "CALLED_ON", false, &p, &why));
  EXPECT_EQ(p[0].conn, kConnFullNext);
  ASSERT_TRUE(ParsePhrase(&d, "LEFT_", false, &p, &why));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].conn, kConnFullNext);  // exact, regular endings allowed
  ASSERT_TRUE(ParsePhrase(&d, "MOUSE=", false, &p, &why));
  EXPECT_EQ(p[0].conn, kConnEqual);
  ASSERT_TRUE(ParsePhrase(&d, "REAL~_PLEASANT", false, &p, &why));
  EXPECT_EQ(p[0].conn, kConnPartNext);
  EXPECT_EQ(d.LitText(p[1].lit), "PLEASANT");
  ASSERT_TRUE(ParsePhrase(&d, " * IN_ $", false, &p, &why));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].lit, kLitVerb);
  EXPECT_EQ(p[1].conn, kConnFullSkip);
  EXPECT_EQ(p[2].lit, kLitSource);
  EXPECT_FALSE(ParsePhrase(&d, "* &NOWHERE", false, &p, &why));
  EXPECT_NE(why.find("&NOWHERE"), std::string::npos);
}

TEST(TabariDict, ActorsSynonymsDatesAndCompounds) {
  std::vector<std::string> problems;
  Dictionary d = Load({{"x.actors",
                        "<NOUN>\nHERALD\n</NOUN>\n"
                        "NORLAND  [NOR]\n"
                        "KESTREL ; no code here\n+THE_HAWK\n\t[KES < 950601]\n\t[KESGOV 950601 - 990815]\n"
                        "\t[KESREB > 990816]\n"
                        "OLDLAND  [OL1 <911226] [OL2]\n"
                        "THE_LEAGUE  [AAA/BBB/CCC]\n"
                        "VARGO  [---]\n"
                        "NORLAND  [XXX]\n"
                        "~~FINISH\nIGNORED [ZZZ]\n"}},
                      &problems);
  const Root* norland = RootOf(d, "NORLAND");
  ASSERT_NE(norland, nullptr);
  EXPECT_EQ(d.entries[norland->entry].actor.On(19950101)->at(0).actor, "NOR");
  const Root* hawk = RootOf(d, "THE_HAWK");
  ASSERT_NE(hawk, nullptr);
  EXPECT_EQ(hawk->entry, RootOf(d, "KESTREL")->entry);  // a synonym shares the codes
  const ActorCode& k = d.entries[hawk->entry].actor;
  EXPECT_EQ(k.On(19940101)->at(0).actor, "KES");
  EXPECT_EQ(k.On(19970101)->at(0).actor, "KESGOV");
  EXPECT_EQ(k.On(20000101)->at(0).actor, "KESREB");
  const ActorCode& old = d.entries[RootOf(d, "OLDLAND")->entry].actor;
  EXPECT_EQ(old.On(19900101)->at(0).actor, "OL1");
  EXPECT_EQ(old.On(19950101)->at(0).actor, "OL2");
  EXPECT_EQ(d.entries[RootOf(d, "THE_LEAGUE")->entry].actor.On(19950101)->size(), 3u);
  ASSERT_NE(RootOf(d, "HERALD"), nullptr);
  EXPECT_EQ(RootOf(d, "HERALD")->type, WordType::kNoun);
  EXPECT_EQ(RootOf(d, "IGNORED"), nullptr);  // after the ~~ end marker
  bool dup = false;
  for (const std::string& p : problems) dup |= p.find("NORLAND") != std::string::npos;
  EXPECT_TRUE(dup);  // the second NORLAND is skipped
}

TEST(TabariDict, VerbsFormsPatternsAndSynsets) {
  Dictionary d = Load({{"x.verbs",
                        "<SYNSETS>\n&KIND\n+NAVAL\n+POSTAL\n</SYNSETS>\n"
                        "FLEE_ [1901]\n{ FLED_ FLEEING_ }\n- * TOWNS  [102]\n"
                        "- * &KIND PACT  [161]\n- * { NORTH_ | SOUTHERN }_BORDERS [151]\n"
                        "STATED  [023?]\nJOIN [031!]\nTALK  [031:031]\n"}});
  const Root* flee = RootOf(d, "FLEE_");
  const Root* fled = RootOf(d, "FLED_");
  ASSERT_NE(flee, nullptr);
  ASSERT_NE(fled, nullptr);
  EXPECT_EQ(flee->entry, fled->entry);
  ASSERT_NE(RootOf(d, "FLEEING_"), nullptr);
  const Entry& e = d.entries[flee->entry];
  EXPECT_EQ(e.event.code, "1901");
  ASSERT_EQ(e.patterns.size(), 3u);
  // Longest first, then file order; a pattern with alternatives is placed by
  // its fixed length ("_BORDERS": 8, after the 8 of "&KIND PACT"), though its
  // length counts the longest alternative too.
  EXPECT_EQ(d.patterns[e.patterns[0]].code.code, "161");
  EXPECT_TRUE(d.patterns[e.patterns[0]].phrase[1].synset);
  EXPECT_EQ(d.patterns[e.patterns[1]].code.code, "151");
  EXPECT_EQ(d.patterns[e.patterns[1]].maxalt, 8);
  EXPECT_EQ(d.patterns[e.patterns[1]].length, 16);
  EXPECT_EQ(d.patterns[e.patterns[2]].code.code, "102");
  const Entry& stated = d.entries[RootOf(d, "STATED")->entry];
  EXPECT_EQ(stated.event.code, "023");
  EXPECT_TRUE(stated.event.sub);
  EXPECT_TRUE(d.entries[RootOf(d, "JOIN")->entry].event.dom);
  EXPECT_EQ(d.entries[RootOf(d, "TALK")->entry].event.pair, "031");
}

TEST(TabariDict, OptionCommands) {
  Options o;
  std::string why;
  EXPECT_TRUE(ApplyOption("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", &o, &why));
  EXPECT_EQ(o.cplx_verbs, 5);
  EXPECT_EQ(o.cplx_conj, 4);
  EXPECT_TRUE(o.cplx_pre_act);
  EXPECT_TRUE(ApplyOption("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8", &o, &why));
  EXPECT_EQ(o.min_sub, 4);
  EXPECT_EQ(o.max_sub, 6);
  EXPECT_EQ(o.min_beg, 3);
  EXPECT_EQ(o.max_end, 6);
  EXPECT_TRUE(ApplyOption("COMMA: OFF", &o, &why));
  EXPECT_GT(o.min_sub, o.max_sub);
  EXPECT_TRUE(ApplyOption(" DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o, &why));
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_TRUE(o.default_prior && o.default_after);
  EXPECT_TRUE(ApplyOption("DEFAULT: OFF", &o, &why));
  EXPECT_FALSE(o.has_default_source || o.default_prior);
  EXPECT_TRUE(ApplyOption("FORWARD: ^^*****NNN*SSS", &o, &why));
  EXPECT_TRUE(o.use_forward);
  EXPECT_EQ(o.id_loc, 2);
  EXPECT_EQ(o.story_loc, 7);
  EXPECT_EQ(o.sent_loc, 11);
  EXPECT_TRUE(ApplyOption("FORWARD: ^^*****NNN*SSS OFF", &o, &why));
  EXPECT_FALSE(o.use_forward);
  EXPECT_TRUE(ApplyOption("SET: CODE BY SENTENCE", &o, &why));
  EXPECT_EQ(o.code_mode, 1);
  EXPECT_TRUE(ApplyOption("SET: MINIMUM WORDS = 4  */", &o, &why));
  EXPECT_EQ(o.min_lex, 3);
  EXPECT_TRUE(ApplyOption("set: CONVERT AGENT = TRUE", &o, &why));
  EXPECT_TRUE(o.convert_agents);
  EXPECT_FALSE(ApplyOption("SET: FROBNICATE = TRUE", &o, &why));
  EXPECT_FALSE(ApplyOption("no colon here", &o, &why));
}

TEST(TabariDict, Dates) {
  EXPECT_EQ(TabariDate("950601"), 19950601);
  EXPECT_EQ(TabariDate("011214"), 20011214);
  EXPECT_EQ(TabariDate("18601002"), 18601002);
  EXPECT_EQ(TabariDate("951301"), 0);
  EXPECT_EQ(TabariDate("95x601"), 0);
}

}  // namespace
}  // namespace dyad::tabari
