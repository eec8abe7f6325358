#include "lexicon/compat.h"

#include <gtest/gtest.h>

#include "dyad/coder.h"

namespace dyad::compat {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

std::string All(const CompatDict& d) {
  std::string s;
  for (const auto& src : d.sources) s += src.text;
  return s;
}

TEST(Compat, TranslatesActorsWithDatesAndSynonyms) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"x.actors.txt",
                   "ARNOR_ [ARN]\n+MINAS_TIRITH\nGOLLUM  # note\n+SMEAGOL\n"
                   "\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\nBAD [QQ]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(Has(t, "country ARN : arnor | minas tirith")) << t;
  EXPECT_TRUE(Has(t, "person HOB@..1995-06-01, HOBGOV@1995-06-01..1999-08-15 : gollum | smeagol"))
      << t;
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].rfind("x.actors.txt:7: bad actor code 'QQ'", 0), 0u) << d.problems[0];
}

TEST(Compat, TranslatesPatternsAndCarriesForeignCodes) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"x.verbs.txt",
                   "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- RESTORE [064] ---\nRESTORE\n"
                   "- * NEW_&TIETYPES_RELATIONS [903]\n- * TIES WITH + [064]\n- NOT * [112]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(Has(t, "synset &tietypes : military | economic")) << t;
  EXPECT_TRUE(Has(t, "verb 064 : restore")) << t;
  EXPECT_TRUE(Has(t, "pattern 064 : restore ties with+")) << t;
  std::string carrier;
  for (const auto& [c, orig] : d.carried) {
    if (orig == "903") carrier = c;
  }
  ASSERT_FALSE(carrier.empty());
  EXPECT_TRUE(Has(t, "pattern " + carrier + " : restore new_&tietypes_relations")) << t;
  EXPECT_EQ(d.OriginalCode(carrier), "903");
  EXPECT_EQ(d.counts["patterns skipped: words before the verb"], 1);
}

TEST(Compat, AgentsSubstitutionsAndRoles) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"x.agents.txt",
                   "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nMEDIA {} [~MED]\n"
                   "RED CROSS [NGO~]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(t.find("agent LEG : ") != std::string::npos) << t;
  EXPECT_TRUE(t.find("congressman") != std::string::npos) << t;
  EXPECT_TRUE(t.find("congresswoman") != std::string::npos) << t;
  EXPECT_TRUE(Has(t, "agent MED : media")) << t;
  EXPECT_EQ(d.counts["agents with prefix codes (skipped)"], 1);
}

TEST(Compat, LoadedDictionaryCodesASentence) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n"},
                  {"a.verbs.txt", "--- ABANDON [345] ---\nABANDON\n"}},
                 {}, &d);
  DictStats stats;
  auto lex = Lexicon::LoadSources(d.sources, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(stats.errors.empty()) << stats.errors[0];
  Coder coder(*lex);
  Story s{"t", "1995-01-01", "Arnor abandoned Gondor on Monday.", "", "", ""};
  std::vector<Event> events;
  coder.CodeStory(s, &events, nullptr);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.code, "ARN");
  EXPECT_EQ(events[0].target->code, "GON");
  EXPECT_EQ(d.OriginalCode(events[0].code), "345");
}

}  // namespace
}  // namespace dyad::compat
