#include "text/normalize.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace dyad::text {
namespace {

struct Case {
  const char* input;
  const char* output;
};

const Case kCases[] = {
    {"", ""},
    {"plain ASCII, kept as is.\r\n", "plain ASCII, kept as is.\r\n"},
    {"\u2018a\u2019 \u201cb\u201d \u201ec\u201c \u00abd\u00bb \u201be\u201f",
     "'a' \"b\" \"c\" \"d\" 'e\""},
    {"Kiev\u2019s", "Kiev's"},
    {"1\u20130 and a\u2012b and \u22125", "1-0 and a-b and -5"},
    {"x \u2014 y", "x - y"},
    {"x\u2014y", "x - y"},
    {"x\u2015 y", "x - y"},
    {"non\u2011breaking", "non-breaking"},
    {"a\u00a0b\u2007c\u202fd\u2009e\u3000f\u2002g", "a b c d e f g"},
    {"a\u200bb\u200dc\ufeffd\u200ee\u00adf", "abcdef"},
    {"\ufeffHello", "Hello"},
    {"so\u2026", "so..."},
    {"e\u0301", "\u00e9"},
    {"\u00e9", "\u00e9"},
    {"\u212b", "\u00c5"},
    {"A\u030a", "\u00c5"},
    {"a\u0302\u0323", "\u1ead"},
    {"a\u0323\u0302", "\u1ead"},
    {"\u1100\u1161", "\uac00"},
    {"\uac00\u11a8", "\uac01"},
    {"a\u2028b", "a\nb"},
    {"a\u2029b", "a\n\nb"},
    {"a\xC2\x85"
     "b",
     "a\nb"},
    {"\u041a\u0438\u0435\u0432", "\u041a\u0438\u0435\u0432"},
    {"\xEF\xBF\xBD", "\xEF\xBF\xBD"},
    {"\u2019\u0301", "'\u0301"},
};

TEST(Normalize, Table) {
  for (const Case& c : kCases) {
    std::string out;
    std::vector<uint32_t> map;
    Normalize(c.input, &out, &map);
    EXPECT_EQ(out, c.output) << "input: " << c.input;
    ASSERT_EQ(map.size(), out.size() + 1) << "input: " << c.input;
    EXPECT_EQ(map.back(), std::string(c.input).size());
    for (size_t i = 1; i < map.size(); ++i) EXPECT_LE(map[i - 1], map[i]) << c.input;
  }
}

TEST(Normalize, AsciiIsCopiedWithIdentityMap) {
  std::string out;
  std::vector<uint32_t> map;
  Normalize("abc", &out, &map);
  EXPECT_EQ(out, "abc");
  EXPECT_EQ(map, (std::vector<uint32_t>{0, 1, 2, 3}));
}

TEST(Normalize, MapsReplacementsToTheirSource) {
  std::string out;
  std::vector<uint32_t> map;
  Normalize("\u201cHi\u201d", &out, &map);  // 3 + 2 + 3 bytes
  EXPECT_EQ(out, "\"Hi\"");
  EXPECT_EQ(map, (std::vector<uint32_t>{0, 3, 4, 5, 8}));
  Normalize("e\u0301x", &out, &map);  // composed: both bytes of é come from 'e'
  EXPECT_EQ(out, "\u00e9x");
  EXPECT_EQ(map, (std::vector<uint32_t>{0, 0, 3, 4}));
  Normalize("a\u2014b", &out, &map);  // spaces around the dash
  EXPECT_EQ(out, "a - b");
  EXPECT_EQ(map, (std::vector<uint32_t>{0, 1, 1, 4, 4, 5}));
  Normalize("so\u2026", &out, &map);
  EXPECT_EQ(map, (std::vector<uint32_t>{0, 1, 2, 2, 2, 5}));
}

TEST(Normalize, LongRunOfCombiningMarksIsBounded) {
  std::string in = "a";
  for (int i = 0; i < 200000; ++i) in += (i % 2 == 0) ? "\u0301" : "\u0323";
  std::string out;
  std::vector<uint32_t> map;
  Normalize(in, &out, &map);
  EXPECT_EQ(map.size(), out.size() + 1);
  EXPECT_EQ(CleanPrefixLength(out), out.size());
}

TEST(Normalize, TrimRemovedSuffix) {
  const std::string s = "war\u200b\ufeff";
  EXPECT_EQ(TrimRemovedSuffix(s, 0, static_cast<uint32_t>(s.size())), 3u);
  EXPECT_EQ(TrimRemovedSuffix("war", 0, 3), 3u);
  EXPECT_EQ(TrimRemovedSuffix("\u00e9", 0, 2), 2u);
  const std::string only = "\u200b";
  EXPECT_EQ(TrimRemovedSuffix(only, 0, 3), 0u);
}

}  // namespace
}  // namespace dyad::text
