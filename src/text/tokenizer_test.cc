#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::text {
namespace {

// All tokens of `input` (datelines included), their normalised texts joined
// by single spaces.
std::string Tokens(std::string_view input) {
  Document doc;
  AnalyzeText(std::string(input), &doc);
  std::string out;
  for (const Token& t : doc.tokens) {
    if (!out.empty()) out += ' ';
    out += doc.Text(t);
  }
  return out;
}

// The first token whose normalised text is `text`, or nullptr.
const Token* Find(const Document& doc, std::string_view text) {
  for (const Token& t : doc.tokens) {
    if (doc.Text(t) == text) return &t;
  }
  return nullptr;
}

struct SplitCase {
  const char* input;
  const char* tokens;  // expected normalised token texts, space separated
};

const SplitCase kSplitCases[] = {
    // Possessives and contractions.
    {"Moscow's troops", "Moscow 's troops"},
    {"Kiev\u2019s course", "Kiev 's course"},
    {"the allies' demands", "the allies ' demands"},
    {"NATO's flank", "NATO 's flank"},
    {"the 1990's wars", "the 1990 's wars"},
    {"O'Brien's remarks", "O'Brien 's remarks"},
    {"C\u00f4te d'Ivoire", "C\u00f4te d'Ivoire"},
    {"don't go", "do n't go"},
    {"they can't win", "they ca n't win"},
    {"We won't", "We wo n't"},
    {"They DIDN'T", "They DID N'T"},
    {"they're here", "they 're here"},
    {"I'm sure we'll see", "I 'm sure we 'll see"},
    {"it's late", "it 's late"},
    // Hyphens and dashes.
    {"Russian-backed rebels", "Russian-backed rebels"},
    {"confidence-building steps", "confidence-building steps"},
    {"the al-Shabaab group", "the al-Shabaab group"},
    {"F-16 jets", "F-16 jets"},
    {"a U.S.-led force", "a U.S.-led force"},
    {"war - or peace", "war - or peace"},
    {"war -- or peace", "war -- or peace"},
    {"war \u2013 or peace", "war - or peace"},
    {"talks\u2014which failed", "talks - which failed"},
    {"a well- and badly-run plan", "a well - and badly-run plan"},
    // Numbers, currency, percentages.
    {"100,000 troops", "100,000 troops"},
    {"1,250,000 people", "1,250,000 people"},
    {"3.5 percent", "3.5 percent"},
    {"in 2015.", "in 2015 ."},
    {"won 1-0", "won 1-0"},
    {"the 15th time", "the 15th time"},
    {"$2 billion", "$ 2 billion"},
    {"$2.5bn", "$ 2.5bn"},
    {"50% more", "50 % more"},
    {"at 10:30 today", "at 10:30 today"},
    {"since 9/11", "since 9/11"},
    {"lists 1,2 and 3", "lists 1 , 2 and 3"},
    {"\u20ac300 fine", "\u20ac 300 fine"},
    // Abbreviations and initials keep their period.
    {"the U.S. and the U.N. met", "the U.S. and the U.N. met"},
    {"the U.K. said", "the U.K. said"},
    {"Gen. Ivanov", "Gen. Ivanov"},
    {"Mr. and Mrs. Lee met Dr. Roe", "Mr. and Mrs. Lee met Dr. Roe"},
    {"on Jan. 5 or Dec. 12", "on Jan. 5 or Dec. 12"},
    {"in May.", "in May ."},
    {"No. 10", "No. 10"},
    {"St. Petersburg", "St. Petersburg"},
    {"Lt. Col. Park", "Lt. Col. Park"},
    {"Sen. Ortiz and Rep. Hall and Gov. Diaz", "Sen. Ortiz and Rep. Hall and Gov. Diaz"},
    {"Prof. Kahn of Acme Inc. and Beta Corp. and Gamma Ltd.",
     "Prof. Kahn of Acme Inc. and Beta Corp. and Gamma Ltd."},
    {"Ali vs. Frazier", "Ali vs. Frazier"},
    {"tanks, guns etc.", "tanks , guns etc."},
    {"e.g. tanks, i.e. armour", "e.g. tanks , i.e. armour"},
    {"John F. Kennedy", "John F. Kennedy"},
    {"at 5 p.m. today", "at 5 p.m. today"},
    {"the U.S.'s role", "the U.S. 's role"},
    {"they left.", "they left ."},
    // Quotes, brackets and other punctuation.
    {"\u201cFinlandization\u201d", "\" Finlandization \""},
    {"\u201dFinlandization\u201d of", "\" Finlandization \" of"},
    {"\u00abNyet\u00bb", "\" Nyet \""},
    {"he said 'no' twice", "he said ' no ' twice"},
    {"(the second deal) was", "( the second deal ) was"},
    {"wait... what?!", "wait ... what ?!"},
    {"wait\u2026 what", "wait ... what"},
    {"a; b: c, d", "a ; b : c , d"},
    {"AT&T and S&P", "AT&T and S&P"},
    {"see reuters.com now", "see reuters.com now"},
    {"the nato summit", "the nato summit"},
    {"RSF and UN", "RSF and UN"},
    // White space and Unicode.
    {"", ""},
    {"   \n\t  ", ""},
    {"10\u00a0km", "10 km"},
    {"wa\u200br zone", "war zone"},
    {"Zelensky\u2019s team", "Zelensky 's team"},
    {"\u041a\u0438\u0435\u0432 \u0438 \u041c\u043e\u0441\u043a\u0432\u0430",
     "\u041a\u0438\u0435\u0432 \u0438 \u041c\u043e\u0441\u043a\u0432\u0430"},
    {"caf\u0065\u0301 society", "caf\u00e9 society"},
    {"peace \xF0\x9F\x95\x8A now", "peace \xF0\x9F\x95\x8A now"},
};

TEST(Tokenizer, SplitsTable) {
  for (const SplitCase& c : kSplitCases) {
    EXPECT_EQ(Tokens(c.input), c.tokens) << "input: " << c.input;
  }
}

struct KindCase {
  const char* input;
  const char* token;  // the first token with this text is checked
  TokenKind kind;
  uint8_t flags;
};

const KindCase kKindCases[] = {
    {"Moscow's army", "Moscow", TokenKind::kWord, kCapitalized},
    {"Moscow's army", "'s", TokenKind::kPunct, kPossessive},
    {"it's late", "'s", TokenKind::kWord, 0},
    {"the allies' demands", "'", TokenKind::kPunct, kPossessive},
    {"he said 'no' twice", "'", TokenKind::kPunct, 0},
    {"don't", "n't", TokenKind::kWord, 0},
    {"NATO met", "NATO", TokenKind::kWord, kCapitalized | kAllCaps},
    {"the nato summit", "nato", TokenKind::kWord, 0},
    {"UN aid", "UN", TokenKind::kWord, kCapitalized | kAllCaps},
    {"RSF said", "RSF", TokenKind::kWord, kCapitalized | kAllCaps},
    {"the U.S. said", "U.S.", TokenKind::kWord, kCapitalized | kAllCaps},
    {"A plan", "A", TokenKind::kWord, kCapitalized},
    {"Russian-backed rebels", "Russian-backed", TokenKind::kWord, kCapitalized | kHyphenated},
    {"confidence-building steps", "confidence-building", TokenKind::kWord, kHyphenated},
    {"F-16 jets", "F-16", TokenKind::kWord, kCapitalized | kHyphenated},
    {"won 1-0", "1-0", TokenKind::kNumber, kHyphenated},
    {"100,000 troops", "100,000", TokenKind::kNumber, 0},
    {"3.5 percent", "3.5", TokenKind::kNumber, 0},
    {"in 2015", "2015", TokenKind::kNumber, 0},
    {"the 15th time", "15th", TokenKind::kNumber, 0},
    {"the 1990s", "1990s", TokenKind::kNumber, 0},
    {"a 3D map", "3D", TokenKind::kWord, 0},
    {"$2 billion", "$", TokenKind::kSymbol, 0},
    {"$2 billion", "2", TokenKind::kNumber, 0},
    {"$2 billion", "billion", TokenKind::kWord, 0},
    {"50% more", "%", TokenKind::kSymbol, 0},
    {"war - or peace", "-", TokenKind::kPunct, 0},
    {"\u201cno\u201d", "\"", TokenKind::kPunct, 0},
    {"a (b)", "(", TokenKind::kPunct, 0},
    {"Gen. Ivanov", "Gen.", TokenKind::kWord, kCapitalized},
    {"\u00c9mile Zola", "\u00c9mile", TokenKind::kWord, kCapitalized},
    {"\u041a\u0418\u0415\u0412 city", "\u041a\u0418\u0415\u0412", TokenKind::kWord,
     kCapitalized | kAllCaps},
    {"a \xFF b", "\uFFFD", TokenKind::kSymbol, 0},
};

TEST(Tokenizer, KindsAndFlagsTable) {
  for (const KindCase& c : kKindCases) {
    Document doc;
    AnalyzeText(c.input, &doc);
    const Token* t = Find(doc, c.token);
    ASSERT_NE(t, nullptr) << "input: " << c.input << " token: " << c.token;
    EXPECT_EQ(t->kind, c.kind) << "input: " << c.input << " token: " << c.token;
    EXPECT_EQ(t->flags, c.flags) << "input: " << c.input << " token: " << c.token;
  }
}

struct OffsetCase {
  const char* input;
  const char* token;     // normalised text of the token checked
  const char* original;  // what its [begin, end) spans in the original
};

const OffsetCase kOffsetCases[] = {
    {"Kiev\u2019s course", "'s", "\u2019s"},
    {"Kiev\u2019s course", "course", "course"},
    {"the \u201cFinlandization\u201d of", "Finlandization", "Finlandization"},
    {"the \u201cFinlandization\u201d of", "\"", "\u201c"},
    {"war \u2013 or peace", "-", "\u2013"},
    {"war \u2013 or peace", "or", "or"},
    {"talks\u2014which failed", "talks", "talks"},
    {"talks\u2014which failed", "-", "\u2014"},
    {"talks\u2014which failed", "which", "which"},
    {"100\u00a0000 troops", "troops", "troops"},
    {"wait\u2026 now", "...", "\u2026"},
    {"wa\u200br\u200b zone", "war", "wa\u200br"},
    {"caf\u0065\u0301 society", "caf\u00e9", "cafe\u0301"},
    {"bad \xFF\xFE byte", "byte", "byte"},
    {"a\xC3 Kiev\u2019s", "'s", "\u2019s"},
    {"the allies\u2019 plan", "'", "\u2019"},
};

TEST(Tokenizer, OffsetsPointIntoOriginalTable) {
  for (const OffsetCase& c : kOffsetCases) {
    Document doc;
    AnalyzeText(c.input, &doc);
    const Token* t = Find(doc, c.token);
    ASSERT_NE(t, nullptr) << "input: " << c.input << " token: " << c.token;
    EXPECT_EQ(doc.Original(t->begin, t->end), c.original) << "input: " << c.input;
  }
}

TEST(Tokenizer, LowerCasesTokens) {
  Document doc;
  AnalyzeText("NATO \u00c9mile \u041a\u0418\u0415\u0412 U.S. Russian-Backed", &doc);
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_EQ(doc.Lower(doc.tokens[0]), "nato");
  EXPECT_EQ(doc.Lower(doc.tokens[1]), "\u00e9mile");
  EXPECT_EQ(doc.Lower(doc.tokens[2]), "\u043a\u0438\u0435\u0432");
  EXPECT_EQ(doc.Lower(doc.tokens[3]), "u.s.");
  EXPECT_EQ(doc.Lower(doc.tokens[4]), "russian-backed");
}

TEST(Tokenizer, TokenizesASpanOnly) {
  Document doc;
  AnalyzeText("", &doc);
  doc.original = "one two three";
  doc.normalized = doc.original;
  doc.to_original = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
  Tokenize(4, 7, &doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.Text(doc.tokens[0]), "two");
  EXPECT_EQ(doc.Lower(doc.tokens[0]), "two");
  EXPECT_EQ(doc.tokens[0].begin, 4u);
  EXPECT_EQ(doc.tokens[0].end, 7u);
}

TEST(Tokenizer, KeepsAbbreviationPeriod) {
  EXPECT_EQ(AbbreviationKindOf("Gen."), AbbreviationKind::kTitle);
  EXPECT_EQ(AbbreviationKindOf("Mr."), AbbreviationKind::kTitle);
  EXPECT_EQ(AbbreviationKindOf("U.S."), AbbreviationKind::kOther);
  EXPECT_EQ(AbbreviationKindOf("F."), AbbreviationKind::kOther);
  EXPECT_EQ(AbbreviationKindOf("Jan."), AbbreviationKind::kOther);
  EXPECT_EQ(AbbreviationKindOf("etc."), AbbreviationKind::kEtc);
  EXPECT_EQ(AbbreviationKindOf("."), AbbreviationKind::kNone);
  EXPECT_EQ(AbbreviationKindOf("Gen"), AbbreviationKind::kNone);
}

// Words and tokens of eight bytes or more take the eight-bytes-at-a-time
// paths (case flags, lower-casing, letter runs); at the text's end, or with a
// non-ASCII character, the byte loops. Both give the same tokens.
TEST(Tokenizer, LongWordsAndTextEnd) {
  Document doc;
  AnalyzeText("INTERNATIONAL Organizations Welcomed the Internacionaliza\u00e7\u00e3o of "
              "ABCDEFGHIJK1 and 12345678901 in UNDERSTANDINGS x AGREEMENT",
              &doc);
  struct Want {
    const char* text;
    const char* lower;
    TokenKind kind;
    uint8_t flags;
  };
  const Want want[] = {
      {"INTERNATIONAL", "international", TokenKind::kWord, kCapitalized | kAllCaps},
      {"Organizations", "organizations", TokenKind::kWord, kCapitalized},
      {"Welcomed", "welcomed", TokenKind::kWord, kCapitalized},
      {"Internacionaliza\u00e7\u00e3o", "internacionaliza\u00e7\u00e3o", TokenKind::kWord,
       kCapitalized},
      {"ABCDEFGHIJK1", "abcdefghijk1", TokenKind::kWord, kCapitalized | kAllCaps},
      {"12345678901", "12345678901", TokenKind::kNumber, 0},
      {"UNDERSTANDINGS", "understandings", TokenKind::kWord, kCapitalized | kAllCaps},
      {"AGREEMENT", "agreement", TokenKind::kWord, kCapitalized | kAllCaps},  // the text's last bytes
  };
  for (const Want& w : want) {
    const Token* t = Find(doc, w.text);
    ASSERT_NE(t, nullptr) << w.text;
    EXPECT_EQ(doc.Lower(*t), w.lower) << w.text;
    EXPECT_EQ(t->kind, w.kind) << w.text;
    EXPECT_EQ(t->flags, w.flags) << w.text;
  }
  EXPECT_EQ(Tokens("Abcdefgh's ABCDEFGHIJKLMNOP-led push"), "Abcdefgh 's ABCDEFGHIJKLMNOP-led push");
}

// The lower-cased forms are written in place ahead of the text's length: a
// letter whose lower case takes more bytes (U+023A, two bytes, lower-cases
// to U+2C65, three) makes them outgrow it, and what was written before and
// after stays right.
TEST(Tokenizer, LowerFormsLongerThanTheText) {
  std::string text, want_first;
  for (int i = 0; i < 300; ++i) text += "\u023a";  // 600 bytes, 900 lower-cased
  for (int i = 0; i < 300; ++i) want_first += "\u2c65";
  text = "ABCDEFGHIJ " + text + " KLMNOPQRSTUVW " + text + "X.";
  Document doc;
  AnalyzeText(text, &doc);
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_EQ(doc.Lower(doc.tokens[0]), "abcdefghij");
  EXPECT_EQ(doc.Lower(doc.tokens[1]), want_first);
  EXPECT_EQ(doc.Lower(doc.tokens[2]), "klmnopqrstuvw");
  EXPECT_EQ(doc.Lower(doc.tokens[3]), want_first + "x");
  EXPECT_EQ(doc.Lower(doc.tokens[4]), ".");
  EXPECT_EQ(doc.lower.size(), 10u + 900 + 13 + 901 + 1);
}

}  // namespace
}  // namespace dyad::text
