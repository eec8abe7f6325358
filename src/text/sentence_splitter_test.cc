#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "dyad/document.h"

namespace dyad::text {
namespace {

// The sentences of `doc` as "tok tok | tok tok", headings prefixed by "# ".
std::string Render(const Document& doc) {
  std::string out;
  for (const Sentence& s : doc.sentences) {
    if (!out.empty()) out += " | ";
    if (s.heading) out += "# ";
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      if (i > s.token_begin) out += ' ';
      out += doc.Text(doc.tokens[i]);
    }
  }
  return out;
}

std::string Paragraphs(const Document& doc) {
  std::string out;
  for (const Sentence& s : doc.sentences) {
    if (!out.empty()) out += ' ';
    out += std::to_string(s.paragraph);
  }
  return out;
}

struct Case {
  const char* input;
  const char* sentences;   // see Render()
  const char* paragraphs;  // paragraph of each sentence, or nullptr to skip
};

const Case kCases[] = {
    // Plain terminal punctuation.
    {"He left. Then she came.", "He left . | Then she came .", "0 0"},
    {"He left! Then she came? Yes.", "He left ! | Then she came ? | Yes .", nullptr},
    {"Really?! Yes.", "Really ?! | Yes .", nullptr},
    {"The shells fell. 2015 was worse.", "The shells fell . | 2015 was worse .", nullptr},
    {"The vote was 3-2. Critics objected.", "The vote was 3-2 . | Critics objected .", nullptr},
    {"The sum rose to 3.5. Then it fell.", "The sum rose to 3.5 . | Then it fell .", nullptr},
    {"It cost $3.5 billion. $2 billion was paid.",
     "It cost $ 3.5 billion . | $ 2 billion was paid .", nullptr},
    {"He waited... Then he left.", "He waited ... | Then he left .", nullptr},
    {"He waited... and then left.", "He waited ... and then left .", nullptr},
    {"Why? because it rained.", "Why ? because it rained .", nullptr},
    {"Version v2.0 is out.", "Version v2.0 is out .", nullptr},
    {"Russia opposes joining the nato. Kyiv disagrees.",
     "Russia opposes joining the nato . | Kyiv disagrees .", nullptr},
    // Quotes.
    {"He said \u201cno.\u201d Then she left.", "He said \" no . \" | Then she left .", nullptr},
    {"He said 'stop.' Then he left.", "He said ' stop . ' | Then he left .", nullptr},
    {"\u201cRussia must withdraw,\u201d Sandu said.", "\" Russia must withdraw , \" Sandu said .",
     nullptr},
    {"\u201cWill they attack?\u201d she asked.", "\" Will they attack ? \" she asked .", nullptr},
    {"\u201cLeave now!\u201d Sandu said. Then he left.",
     "\" Leave now ! \" Sandu said . | Then he left .", nullptr},
    {"\u201cLeave now!\u201d President Maia Sandu told reporters.",
     "\" Leave now ! \" President Maia Sandu told reporters .", nullptr},
    {"\u201cWe will stay.\u201d The talks ended.", "\" We will stay . \" | The talks ended .",
     nullptr},
    {"It ended. \u201cWe won,\u201d he said.", "It ended . | \" We won , \" he said .", nullptr},
    {"Asked about \u201dFinlandization\u201d, he declined.",
     "Asked about \" Finlandization \" , he declined .", nullptr},
    {"(He left.) Then she came.", "( He left . ) | Then she came .", nullptr},
    {"The deal was signed. (Details follow.)", "The deal was signed . | ( Details follow . )",
     nullptr},
    // Abbreviations and initials.
    {"The talks were held in the U.S. The next day they ended.",
     "The talks were held in the U.S. | The next day they ended .", nullptr},
    {"She spoke to the U.S. It was brief.", "She spoke to the U.S. | It was brief .", nullptr},
    {"Troops from the U.S. Army arrived.", "Troops from the U.S. Army arrived .", nullptr},
    {"The U.N. Security Council met.", "The U.N. Security Council met .", nullptr},
    {"He met U.N. officials on Monday.", "He met U.N. officials on Monday .", nullptr},
    {"In the U.S. \u201cWe are ready,\u201d he said.",
     "In the U.S. | \" We are ready , \" he said .", nullptr},
    {"Gen. Ivanov spoke. Mr. Li replied.", "Gen. Ivanov spoke . | Mr. Li replied .", nullptr},
    {"He met Dr. Roe in Washington.", "He met Dr. Roe in Washington .", nullptr},
    {"It rose on Jan. 5 to a record.", "It rose on Jan. 5 to a record .", nullptr},
    {"They live at No. 10 Downing Street.", "They live at No. 10 Downing Street .", nullptr},
    {"He was No. 1 in the world.", "He was No. 1 in the world .", nullptr},
    {"He flew to St. Petersburg on Friday.", "He flew to St. Petersburg on Friday .", nullptr},
    {"John F. Kennedy was shot in 1963.", "John F. Kennedy was shot in 1963 .", nullptr},
    {"It was signed by J. R. Smith on Friday.", "It was signed by J. R. Smith on Friday .",
     nullptr},
    {"Tanks, guns etc. The army left.", "Tanks , guns etc. | The army left .", nullptr},
    {"Tanks, guns etc. Russia left.", "Tanks , guns etc. | Russia left .", nullptr},
    {"Mr. Smith went to Washington. He stayed.", "Mr. Smith went to Washington . | He stayed .",
     nullptr},
    // Paragraphs.
    {"One.\n\nTwo.", "One . | Two .", "0 1"},
    {"One.\n  \n\t\n\nTwo.", "One . | Two .", "0 1"},
    {"One.\r\n\r\nTwo.\r\nThree.", "One . | Two . | Three .", "0 1 1"},
    {"The talks\n\ncontinued today.", "# The talks | continued today .", "0 1"},
    {"A line that ends.\nAnother line starts.", "A line that ends . | Another line starts .",
     "0 0"},
    {"\n\n\nLeading blank lines.\n\n\n", "Leading blank lines .", "0"},
    // Headings and hard-wrapped lines.
    {"Demands and answers\n\nRussia wants guarantees.",
     "# Demands and answers | Russia wants guarantees .", "0 1"},
    {"demands and answers\n\nRussia wants guarantees.",
     "# demands and answers | Russia wants guarantees .", "0 1"},
    {"Talks stall in Geneva\nRussia said on Monday that talks had stalled.",
     "# Talks stall in Geneva | Russia said on Monday that talks had stalled .", "0 0"},
    {"One.\n\nA show of strength\n\nTwo.", "One . | # A show of strength | Two .", "0 1 2"},
    {"Body text here.\nBy Jane Doe\n", "Body text here . | # By Jane Doe", nullptr},
    {"Russia warns NATO", "Russia warns NATO", nullptr},
    {"The \u201cFinlandization\u201d debate\n\nIt goes on.",
     "# The \" Finlandization \" debate | It goes on .", nullptr},
    {"The troops moved closer to the\nborder on Monday.",
     "The troops moved closer to the border on Monday .", nullptr},
    {"The troops moved toward the northern\nborder on Monday.",
     "The troops moved toward the northern border on Monday .", nullptr},
    {"The talks were attended by\nVladimir Putin.", "The talks were attended by Vladimir Putin .",
     nullptr},
    {"Its plans are listed below:\nThe first is peace.",
     "Its plans are listed below : The first is peace .", nullptr},
    {"one two three four five six seven eight nine ten eleven twelve thirteen\nNext line.",
     "one two three four five six seven eight nine ten eleven twelve thirteen Next line .",
     nullptr},
    {"* * *\n\nText here.", "* * * | Text here .", "0 1"},
    // Nothing to split.
    {"", "", ""},
    {" \n\t\r\n ", "", ""},
};

TEST(SentenceSplitter, SplitsTable) {
  for (const Case& c : kCases) {
    Document doc;
    AnalyzeText(c.input, &doc);
    EXPECT_EQ(Render(doc), c.sentences) << "input: " << c.input;
    if (c.paragraphs != nullptr) {
      EXPECT_EQ(Paragraphs(doc), c.paragraphs) << "input: " << c.input;
    }
  }
}

struct DatelineCase {
  const char* input;
  const char* dateline;  // as original text; "" for none
  const char* sentences;
};

const DatelineCase kDatelineCases[] = {
    {"MOSCOW \u2013 Russia moved troops. It said so.", "MOSCOW",
     "Russia moved troops . | It said so ."},
    {"MOSCOW, Feb 10 - Talks began.", "MOSCOW, Feb 10", "Talks began ."},
    {"BEIRUT (Reuters) - Shelling resumed.", "BEIRUT (Reuters)", "Shelling resumed ."},
    {"KYIV, Ukraine (AP) \u2014 Sirens sounded.", "KYIV, Ukraine (AP)", "Sirens sounded ."},
    {"WASHINGTON: The Senate voted.", "WASHINGTON", "The Senate voted ."},
    {"Kyiv (Reuters) - Sirens sounded.", "Kyiv (Reuters)", "Sirens sounded ."},
    {"NEW YORK - Markets fell.", "NEW YORK", "Markets fell ."},
    {"LONDON, Feb. 10, 2022 (AFP) - Talks resumed.", "LONDON, Feb. 10, 2022 (AFP)",
     "Talks resumed ."},
    {"GENEVA\u00a0\u2013\u00a0Diplomats met.", "GENEVA", "Diplomats met ."},
    {"Russia warns West\n\nMOSCOW - Russia warned the West.", "MOSCOW",
     "# Russia warns West | Russia warned the West ."},
    {"Russia - the biggest country - moved.", "", "Russia - the biggest country - moved ."},
    {"UN - aid arrived.", "", "UN - aid arrived ."},
    {"Ukraine: The talks resumed.", "", "Ukraine : The talks resumed ."},
    {"It rained. MOSCOW - no.", "", "It rained . | MOSCOW - no ."},
    {"MOSCOW -\n\nText.", "", "# MOSCOW - | Text ."},
};

TEST(SentenceSplitter, StripsDatelineTable) {
  for (const DatelineCase& c : kDatelineCases) {
    Document doc;
    AnalyzeText(c.input, &doc);
    EXPECT_EQ(doc.Dateline(), c.dateline) << "input: " << c.input;
    EXPECT_EQ(Render(doc), c.sentences) << "input: " << c.input;
  }
}

TEST(SentenceSplitter, SpansPointIntoOriginal) {
  const std::string text =
      "KYIV \u2014 Kiev\u2019s army said \u201cno.\u201d Then it left.\n\nA new\u00a0day";
  Document doc;
  AnalyzeText(text, &doc);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.Original(doc.sentences[0].begin, doc.sentences[0].end),
            "Kiev\u2019s army said \u201cno.\u201d");
  EXPECT_EQ(doc.Original(doc.sentences[1].begin, doc.sentences[1].end), "Then it left.");
  EXPECT_EQ(doc.Original(doc.sentences[2].begin, doc.sentences[2].end), "A new\u00a0day");
  EXPECT_EQ(doc.sentences[2].paragraph, 1u);
  EXPECT_EQ(doc.Dateline(), "KYIV");
}

TEST(SentenceSplitter, EveryTokenOutsideDatelineInOneSentence) {
  Document doc;
  AnalyzeText("BEIRUT (Reuters) - One. Two?\n\nThree\nfour. Five", &doc);
  uint32_t next = doc.sentences.empty() ? 0 : doc.sentences[0].token_begin;
  EXPECT_EQ(next, 5u);  // BEIRUT ( Reuters ) -
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(s.token_begin, next);
    EXPECT_LT(s.token_begin, s.token_end);
    next = s.token_end;
  }
  EXPECT_EQ(next, doc.tokens.size());
}

TEST(SentenceSplitter, ResplitsAfterTokensChange) {
  Document doc;
  AnalyzeText("One. Two.", &doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  doc.tokens.resize(2);
  SplitSentences(&doc);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].token_end, 2u);
}

}  // namespace
}  // namespace dyad::text
