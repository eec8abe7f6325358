#include "lexicon/word_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad {
namespace {

TEST(FlatWordMap, FindsEveryKeyAndNothingElse) {
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i * 7919));
  words.push_back("");
  words.push_back("a-rather-long-word-of-more-than-sixteen-bytes");
  std::vector<std::pair<std::string_view, int>> items;
  for (size_t i = 0; i < words.size(); ++i) items.emplace_back(words[i], static_cast<int>(i));
  FlatWordMap<int> m;
  m.Build(items);
  for (size_t i = 0; i < words.size(); ++i) {
    const int* v = m.Find(words[i]);
    ASSERT_NE(v, nullptr) << words[i];
    EXPECT_EQ(*v, static_cast<int>(i));
  }
  EXPECT_EQ(m.Find("w1"), nullptr);
  EXPECT_EQ(m.Find("a-rather-long-word-of-more-than-sixteen-byteS"), nullptr);
  EXPECT_FALSE(FlatWordMap<int>().Contains("x"));
}

TEST(FlatWordMap, KeysOfEveryLengthAreFoundAndTheirNearMissesAreNot) {
  // Lengths 0..40 take every comparison path (bytes, 4- and 8-byte loads,
  // inline keys and views); a key with one byte changed, or one byte
  // shorter or longer, is another word.
  std::vector<std::string> words;
  for (size_t n = 0; n <= 40; ++n) {
    std::string w;
    for (size_t i = 0; i < n; ++i) w.push_back(static_cast<char>('a' + (i * 7 + n) % 26));
    words.push_back(w);
  }
  std::vector<std::pair<std::string_view, int>> items;
  for (size_t i = 0; i < words.size(); ++i) items.emplace_back(words[i], static_cast<int>(i));
  FlatWordMap<int> m;
  m.Build(items);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string copy = words[i];  // other bytes than the keys'
    const int* v = m.Find(copy);
    ASSERT_NE(v, nullptr) << copy;
    EXPECT_EQ(*v, static_cast<int>(i));
    for (size_t k = 0; k < copy.size(); ++k) {
      std::string miss = copy;
      miss[k] = '#';
      EXPECT_EQ(m.Find(miss), nullptr) << miss;
    }
    EXPECT_EQ(m.Find(copy + "#"), nullptr);
  }
  EXPECT_NE(HashWord("abcd"), HashWord("abcde"));
  EXPECT_NE(HashWord("abcdefgh"), HashWord("abcdefgi"));
}

TEST(FlatWordMap, RepeatedKeyKeepsFirstValue) {
  FlatWordMap<char> m({{"the", 'a'}, {"of", 'b'}, {"the", 'c'}});
  ASSERT_NE(m.Find("the"), nullptr);
  EXPECT_EQ(*m.Find("the"), 'a');
  EXPECT_EQ(*m.Find("of"), 'b');
  EXPECT_FALSE(m.Contains("th"));
}

}  // namespace
}  // namespace dyad
