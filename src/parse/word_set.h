// A set of words (string literals) for the parser's word classes, as a
// FlatWordMap; shared by parser.cc and word_classes.cc.
#ifndef DYAD_PARSE_WORD_SET_H_
#define DYAD_PARSE_WORD_SET_H_

#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/word_map.h"

namespace dyad::parse {

// A set of words (string literals), as a FlatWordMap.
class Set {
 public:
  Set(std::initializer_list<std::string_view> words) {
    std::vector<std::pair<std::string_view, bool>> items;
    for (std::string_view w : words) items.emplace_back(w, true);
    map_.Build(items);
  }
  size_t count(std::string_view w) const { return map_.Contains(w) ? 1 : 0; }

 private:
  FlatWordMap<bool> map_;
};

inline bool Contains(const Set& s, std::string_view w) { return s.count(w) > 0; }

}  // namespace dyad::parse

#endif  // DYAD_PARSE_WORD_SET_H_
