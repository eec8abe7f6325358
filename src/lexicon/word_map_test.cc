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

TEST(FlatWordMap, RepeatedKeyKeepsFirstValue) {
  FlatWordMap<char> m({{"the", 'a'}, {"of", 'b'}, {"the", 'c'}});
  ASSERT_NE(m.Find("the"), nullptr);
  EXPECT_EQ(*m.Find("the"), 'a');
  EXPECT_EQ(*m.Find("of"), 'b');
  EXPECT_FALSE(m.Contains("th"));
}

}  // namespace
}  // namespace dyad
