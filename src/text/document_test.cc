// End-to-end tests of AnalyzeText: invariants that hold for any input.
#include "dyad/document.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "text/utf8.h"

namespace dyad {
namespace {

// Checks every documented invariant of a Document.
void ExpectInvariants(const Document& doc) {
  ASSERT_EQ(doc.to_original.size(), doc.normalized.size() + 1);
  EXPECT_EQ(doc.to_original.back(), doc.original.size());
  for (size_t i = 1; i < doc.to_original.size(); ++i) {
    ASSERT_LE(doc.to_original[i - 1], doc.to_original[i]) << "at " << i;
  }
  EXPECT_EQ(text::CleanPrefixLength(doc.normalized), doc.normalized.size());
  uint32_t prev_end = 0;
  for (const Token& t : doc.tokens) {
    ASSERT_LT(t.norm_begin, t.norm_end);
    ASSERT_LE(prev_end, t.norm_begin);
    ASSERT_LE(t.norm_end, doc.normalized.size());
    ASSERT_LE(t.begin, t.end);
    ASSERT_LE(t.end, doc.original.size());
    ASSERT_LE(t.lower_begin, t.lower_end);
    ASSERT_LE(t.lower_end, doc.lower.size());
    prev_end = t.norm_end;
  }
  uint32_t next = doc.sentences.empty() ? 0 : doc.sentences[0].token_begin;
  uint32_t paragraph = 0;
  bool skipped = false;  // tokens outside sentences: only the dateline's
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin != next && !skipped && doc.dateline_end > 0) {
      skipped = true;
      ASSERT_LT(next, s.token_begin);
      EXPECT_EQ(doc.tokens[next].begin, doc.dateline_begin);
      EXPECT_GE(doc.tokens[s.token_begin - 1].begin, doc.dateline_end);  // the dash
      next = s.token_begin;
    }
    ASSERT_EQ(s.token_begin, next);
    ASSERT_LT(s.token_begin, s.token_end);
    ASSERT_LE(s.begin, s.end);
    ASSERT_LE(paragraph, s.paragraph);
    paragraph = s.paragraph;
    next = s.token_end;
  }
  EXPECT_EQ(next, doc.tokens.size());
  EXPECT_LE(doc.dateline_begin, doc.dateline_end);
  EXPECT_LE(doc.dateline_end, doc.original.size());
}

TEST(AnalyzeText, HeaderExample) {
  Document doc;
  AnalyzeText("MOSCOW - Russia\u2019s army moved. It said so.", &doc);
  ExpectInvariants(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.Dateline(), "MOSCOW");
  std::string words;
  for (uint32_t i = doc.sentences[0].token_begin; i < doc.sentences[0].token_end; ++i) {
    words += std::string(doc.Text(doc.tokens[i])) + " ";
  }
  EXPECT_EQ(words, "Russia 's army moved . ");
  EXPECT_EQ(doc.invalid_bytes, 0u);
}

TEST(AnalyzeText, EmptyInputGivesNothing) {
  Document doc;
  AnalyzeText("", &doc);
  ExpectInvariants(doc);
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_EQ(doc.dateline_end, 0u);
}

TEST(AnalyzeText, WhitespaceGivesNoSentences) {
  Document doc;
  AnalyzeText(" \n\n\t\r\n\u00a0\u200b ", &doc);
  ExpectInvariants(doc);
  EXPECT_TRUE(doc.sentences.empty());
}

TEST(AnalyzeText, RepairsAndCountsInvalidUtf8) {
  Document doc;
  AnalyzeText("Kiev\xFF\xFE said \xE2\x80 it\xC3\xA9\x80 left.", &doc);
  ExpectInvariants(doc);
  EXPECT_EQ(doc.invalid_bytes, 5u);
  EXPECT_NE(doc.normalized.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_EQ(doc.sentences.size(), 1u);
  // Offsets still point into the original, unrepaired bytes.
  for (const Token& t : doc.tokens) {
    const std::string_view text = doc.Text(t);
    if (text == "said" || text == "left" || text == "it\u00e9") {
      EXPECT_EQ(doc.Original(t.begin, t.end), text);
    }
  }
}

TEST(AnalyzeText, CountsControlJunk) {
  Document doc;
  AnalyzeText(std::string("a\0b\x01 c\x1B", 7), &doc);
  ExpectInvariants(doc);
  EXPECT_EQ(doc.invalid_bytes, 3u);
}

TEST(AnalyzeText, SurvivesBinaryJunk) {
  uint32_t seed = 42;
  std::string junk;
  for (int i = 0; i < (1 << 20); ++i) {
    seed = seed * 1664525u + 1013904223u;
    junk.push_back(static_cast<char>(seed >> 24));
  }
  Document doc;
  AnalyzeText(junk, &doc);
  ExpectInvariants(doc);
  EXPECT_GT(doc.invalid_bytes, 0u);
  EXPECT_FALSE(doc.tokens.empty());
}

TEST(AnalyzeText, SurvivesAwkwardPieces) {
  const char* pieces[] = {"'",      "\"",  "-",      ".",      "...", "U.S.",   "'s",
                          "\u2019", "n't", "\u0301", "\u2014", "\n",  "\n\n",   " ",
                          "MOSCOW", "(",   ")",      "Gen.",   "a",   "1,000",  "\xFF",
                          ":",      "?!",  "F-16",   "\u00a0", "$",   "\u200b", "The"};
  uint32_t seed = 7;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0; k < 40; ++k) {
      seed = seed * 1664525u + 1013904223u;
      text += pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
    }
    Document doc;
    AnalyzeText(text, &doc);
    ExpectInvariants(doc);
  }
}

TEST(AnalyzeText, TenMegabyteLineInLinearTime) {
  std::string line;
  while (line.size() < 10'000'000) line += "troops moved, near the border and waited ";
  Document doc;
  const auto start = std::chrono::steady_clock::now();
  AnalyzeText(line, &doc);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ExpectInvariants(doc);
  EXPECT_EQ(doc.sentences.size(), 1u);
  EXPECT_GT(doc.tokens.size(), 1'000'000u);
  std::printf("10 MB line: %.3f s\n", seconds);  // informational, never gates
}

TEST(AnalyzeText, TenMegabyteTokenAndMarks) {
  Document doc;
  AnalyzeText(std::string(10'000'000, 'x'), &doc);
  ExpectInvariants(doc);
  EXPECT_EQ(doc.tokens.size(), 1u);
  std::string marks = "e";
  while (marks.size() < 2'000'000) marks += "\u0301";
  AnalyzeText(marks, &doc);
  ExpectInvariants(doc);
  std::string dots(1'000'000, '.');
  AnalyzeText(dots, &doc);
  ExpectInvariants(doc);
  std::string initials;
  while (initials.size() < 1'000'000) initials += "A.";
  AnalyzeText(initials, &doc);
  ExpectInvariants(doc);
}

TEST(AnalyzeText, ClearsAReusedDocument) {
  Document doc;
  AnalyzeText("BEIRUT (Reuters) - Bad \xFF text. More.", &doc);
  EXPECT_GT(doc.dateline_end, 0u);
  AnalyzeText("Calm text.", &doc);
  ExpectInvariants(doc);
  EXPECT_EQ(doc.dateline_end, 0u);
  EXPECT_EQ(doc.invalid_bytes, 0u);
  EXPECT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.lower, "calmtext.");
}

}  // namespace
}  // namespace dyad
