#include "code/analysis.h"

#include <algorithm>
#include <set>

namespace dyad::code {

using parse::Tag;

bool NpTag(Tag t) {
  switch (t) {
    case Tag::kDet: case Tag::kNoDet: case Tag::kPossPron: case Tag::kNoun: case Tag::kProper:
    case Tag::kNum: case Tag::kPoss: case Tag::kPron:
      return true;
    default:
      return false;
  }
}

bool IsLocativePrep(std::string_view p) {
  return p == "in" || p == "at" || p == "near" || p == "outside" || p == "inside" ||
         p == "through" || p == "across" || p == "from" || p == "into" || p == "along" ||
         p == "around" || p == "throughout" || p == "within" || p == "on" || p == "over" ||
         p == "off";
}

bool IsYear(std::string_view w, int* year) {
  if (w.size() == 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
    if (y >= 1900 && y <= 2100) {
      *year = y;
      return true;
    }
  }
  if (w.size() == 5 && w.back() == 's') return IsYear(w.substr(0, 4), year);  // 1990s
  return false;
}

bool IsPlaceNoun(std::string_view w) {
  static const std::set<std::string_view> kPlaceNouns = {
      "city", "town", "village", "capital", "province", "region", "district", "port", "border",
      "enclave", "area", "camp", "state", "island", "coast", "countryside", "outskirts"};
  return kPlaceNouns.count(w) > 0;
}

uint32_t WordBegin(const StoryEnv& env, const SentenceAnalysis& a, uint32_t k) {
  if (k >= a.parse.words.size()) return a.sentence->end;
  return env.doc.tokens[a.sentence->token_begin + k].begin;
}

uint32_t WordEnd(const StoryEnv& env, const SentenceAnalysis& a, uint32_t k) {
  if (k == 0) return a.sentence->begin;
  if (k > a.parse.words.size()) k = static_cast<uint32_t>(a.parse.words.size());
  return env.doc.tokens[a.sentence->token_begin + k - 1].end;
}

}  // namespace dyad::code
