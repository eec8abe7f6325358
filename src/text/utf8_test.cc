#include "text/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dyad::text {
namespace {

#define FFFD "\xEF\xBF\xBD"

struct RepairCase {
  std::string input;
  std::string output;
  uint32_t replaced;
};

const RepairCase kRepairCases[] = {
    {"", "", 0},
    {"plain ascii text", "plain ascii text", 0},
    {"tab\tnl\ncr\r", "tab\tnl\ncr\r", 0},
    {"caf\xC3\xA9", "caf\xC3\xA9", 0},
    {"\xE2\x80\x99 \xF0\x9F\x98\x80", "\xE2\x80\x99 \xF0\x9F\x98\x80", 0},
    {"nel\xC2\x85", "nel\xC2\x85", 0},
    {"a\xFF"
     "b",
     "a" FFFD "b", 1},
    {"\x80", FFFD, 1},  // stray continuation
    {"\xE2\x80"
     "x",
     FFFD "x", 2},                   // truncated: one subpart
    {"end\xE2\x80", "end" FFFD, 2},  // truncated at the end
    {"\xF0\x9F\x98"
     "A",
     FFFD "A", 3},                                 // truncated 4-byte sequence
    {"\xC0\xAF", FFFD FFFD, 2},                    // overlong '/'
    {"\xE0\x80\xAF", FFFD FFFD FFFD, 3},           // overlong, 3 bytes
    {"\xED\xA0\x80", FFFD FFFD FFFD, 3},           // UTF-16 surrogate
    {"\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4},  // above U+10FFFF
    {"\xFE\xFF", FFFD FFFD, 2},
    {"\xC3\xA9\xA9", "\xC3\xA9" FFFD, 1},       // valid char kept
    {"\xE2\xC3\xA9", FFFD "\xC3\xA9", 1},       // valid char not swallowed
    {std::string("a\0b", 3), "a" FFFD "b", 1},  // NUL
    {"\x1B[31mred", FFFD "[31mred", 1},         // escape sequence
    {"del\x7F", "del" FFFD, 1},
    {"c1\xC2\x80", "c1" FFFD, 2},  // C1 control
};

TEST(Utf8, RepairTable) {
  for (const RepairCase& c : kRepairCases) {
    std::string out;
    std::vector<uint32_t> map;
    EXPECT_EQ(RepairUtf8(c.input, &out, &map), c.replaced) << "input: " << c.input;
    EXPECT_EQ(out, c.output) << "input: " << c.input;
    ASSERT_EQ(map.size(), out.size() + 1);
    EXPECT_EQ(map.back(), c.input.size());
    EXPECT_EQ(CleanPrefixLength(out), out.size());
    EXPECT_EQ(CleanPrefixLength(c.input) == c.input.size(), c.replaced == 0) << c.input;
  }
}

TEST(Utf8, RepairMapsEachByteToItsSource) {
  std::string out;
  std::vector<uint32_t> map;
  RepairUtf8("a\xFF\xC3\xA9", &out, &map);
  EXPECT_EQ(out, "a" FFFD "\xC3\xA9");
  EXPECT_EQ(map, (std::vector<uint32_t>{0, 1, 1, 1, 2, 3, 4}));
  EXPECT_EQ(RepairUtf8("x\x80", &out, nullptr), 1u);
  EXPECT_EQ(out, "x" FFFD);
}

TEST(Utf8, CleanPrefixLengthStopsAtFirstProblem) {
  EXPECT_EQ(CleanPrefixLength(""), 0u);
  EXPECT_EQ(CleanPrefixLength("abcdefghijklmnop\x01q"), 16u);
  EXPECT_EQ(CleanPrefixLength("abcdefg\x7F"), 7u);
  EXPECT_EQ(CleanPrefixLength("abcdefgh\xC3\xA9ijk\xFF"), 13u);
  EXPECT_EQ(CleanPrefixLength(std::string(1000, 'x') + "\n\t\r"), 1003u);
}

TEST(Utf8, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("0123456789abcdefghij"));
  EXPECT_FALSE(IsAscii("0123456789abcdefghij\xC3\xA9"));
  EXPECT_FALSE(IsAscii("\xC3\xA9"));
}

TEST(Utf8, DecodeAndEncodeRoundTrip) {
  for (char32_t cp : {U'a', U'\u00e9', U'\u2019', U'\U0001F600', U'\uFFFD'}) {
    char buf[4];
    const int n = EncodeUtf8(cp, buf);
    char32_t back;
    EXPECT_EQ(DecodeUtf8(buf, static_cast<size_t>(n), &back), n);
    EXPECT_EQ(back, cp);
  }
  char32_t cp;
  EXPECT_EQ(DecodeUtf8("\xFF", 1, &cp), 1);
  EXPECT_EQ(cp, kReplacementChar);
}

// Mixes valid characters with junk that cannot merge with its neighbours and
// checks that exactly the junk is replaced.
TEST(Utf8, NeverLosesValidCharacters) {
  const char* valid[] = {"a", " ", "\n", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "Z"};
  const char* junk[] = {"\xFF", "\xC0", "\xF5", "\xE2\x82", "\xF0\x9F\x98", "\x01"};
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
  };
  for (int round = 0; round < 200; ++round) {
    std::string input, expected;
    uint32_t junk_bytes = 0;
    for (int k = 0; k < 50; ++k) {
      if (next() % 3 == 0) {
        const std::string j = junk[next() % 6];
        input += j;
        expected += FFFD;
        junk_bytes += static_cast<uint32_t>(j.size());
      } else {
        const std::string v = valid[next() % 7];
        input += v;
        expected += v;
      }
    }
    std::string out;
    EXPECT_EQ(RepairUtf8(input, &out, nullptr), junk_bytes);
    EXPECT_EQ(out, expected);
  }
}

}  // namespace
}  // namespace dyad::text
