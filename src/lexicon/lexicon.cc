// Lookups on a loaded Lexicon.
#include "dyad/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "dyad/gazetteer.h"
#include "lexicon/word_map.h"

namespace dyad {

const char* EntryKindName(EntryKind k) {
  switch (k) {
    case EntryKind::kPerson: return "person";
    case EntryKind::kOrg: return "org";
    case EntryKind::kGroup: return "group";
    case EntryKind::kCapital: return "capital";
    case EntryKind::kCountry: return "country";
    case EntryKind::kDemonym: return "demonym";
    case EntryKind::kAgent: return "agent";
    case EntryKind::kPlace: return "place";
    case EntryKind::kDiscard: return "discard";
  }
  return "?";
}

int DateToInt(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  int y = 0, m = 0, d = 0;
  if (std::from_chars(s.data(), s.data() + 4, y).ec != std::errc() ||
      std::from_chars(s.data() + 5, s.data() + 7, m).ec != std::errc() ||
      std::from_chars(s.data() + 8, s.data() + 10, d).ec != std::errc()) {
    return 0;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
  return y * 10000 + m * 100 + d;
}

const std::string& LexEntry::CodeOn(int date) const {
  const DatedCode* fallback = nullptr;
  const DatedCode* last_range = nullptr;
  for (const DatedCode& c : codes) {
    if (!c.dated) {
      if (!fallback) fallback = &c;
      continue;
    }
    last_range = &c;
    if (date != 0 && (c.from == 0 || date >= c.from) && (c.to == 0 || date <= c.to)) return c.code;
  }
  if (fallback) return fallback->code;
  return last_range->code;  // a person line always has at least one code
}

std::optional<PhraseMatch> Lexicon::MatchPhrase(const std::vector<std::string_view>& words,
                                                size_t start) const {
  if (start >= words.size()) return std::nullopt;
  auto it = by_first_word_.find(words[start]);
  if (it == by_first_word_.end()) return std::nullopt;
  return MatchPhraseFrom(it->second, words, start);
}

std::optional<PhraseMatch> Lexicon::MatchPhraseFrom(const std::vector<uint32_t>& candidates,
                                                    const std::vector<std::string_view>& words,
                                                    size_t start) const {
  std::optional<PhraseMatch> best;
  const bool keyed = phrase_keys_.size() == phrases_.size();
  const size_t left = start < words.size() ? words.size() - start : 0;
  const uint64_t second = keyed && left >= 2 ? HashWord(words[start + 1]) : 0;
  for (uint32_t pid : candidates) {  // longest first, then by kind priority
    if (keyed) {
      const PhraseKey& k = phrase_keys_[pid];
      if (k.length > left || (k.length >= 2 && k.second != second)) continue;
    }
    const Phrase& p = phrases_[pid];
    if (best && p.words.size() < best->length) break;
    if (start + p.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t i = 1; i < p.words.size(); ++i) {
      if (words[start + i] != p.words[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return PhraseMatch{p.entry, static_cast<uint32_t>(p.words.size()), entries_[p.entry].kind};
  }
  return best;
}

std::optional<PhraseMatch> Lexicon::MatchPhraseAt(const WordInfo& info,
                                                  const std::vector<std::string_view>& words,
                                                  size_t start) const {
  if (info.phrase_count == 0 || phrase_keys_.size() != phrases_.size()) {
    if (!info.phrases) return std::nullopt;
    return MatchPhraseFrom(*info.phrases, words, start);
  }
  // As MatchPhraseFrom, over keys that lie side by side.
  const size_t left = start < words.size() ? words.size() - start : 0;
  const uint64_t second = left >= 2 ? HashWord(words[start + 1]) : 0;
  const PhraseKey* k = phrase_keys_.data() + info.phrase_begin;
  const PhraseKey* const k_end = k + info.phrase_count;
  for (; k != k_end; ++k) {  // longest first, then by kind priority
    if (k->length > left || (k->length >= 2 && k->second != second)) continue;
    if (k->length == 1) return PhraseMatch{k->entry, 1, k->kind};
    const Phrase& p = phrases_[k - phrase_keys_.data()];
    bool ok = true;
    for (size_t i = 1; i < p.words.size(); ++i) {
      if (words[start + i] != p.words[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return PhraseMatch{p.entry, static_cast<uint32_t>(p.words.size()), k->kind};
  }
  return std::nullopt;
}

const WordInfo* Lexicon::Info(std::string_view word) const {
  if (info_index_) {
    const WordInfo* const* info = info_index_->Find(word);
    return info ? *info : nullptr;
  }
  auto it = word_info_.find(word);
  return it == word_info_.end() ? nullptr : &it->second;
}

void Lexicon::Infos(const std::string_view* words, size_t n, const WordInfo** out) const {
  if (!info_index_) {
    for (size_t i = 0; i < n; ++i) out[i] = Info(words[i]);
    return;
  }
  const FlatWordMap<const WordInfo*>& index = *info_index_;
  constexpr size_t kBatch = 32;
  uint64_t hashes[kBatch];
  for (size_t b = 0; b < n; b += kBatch) {
    const size_t m = std::min(kBatch, n - b);
    for (size_t i = 0; i < m; ++i) {
      hashes[i] = HashWord(words[b + i]);
      index.Prefetch(hashes[i]);
    }
    for (size_t i = 0; i < m; ++i) {
      const WordInfo* const* info = index.Find(words[b + i], hashes[i]);
      out[b + i] = info ? *info : nullptr;
      if (out[b + i]) __builtin_prefetch(out[b + i]);
    }
    // What the parser reads next: the word's first phrase key.
    for (size_t i = 0; i < m; ++i) {
      const WordInfo* info = out[b + i];
      if (info && info->phrase_count && info->phrase_begin < phrase_keys_.size()) {
        __builtin_prefetch(&phrase_keys_[info->phrase_begin]);
      }
    }
  }
}

const std::vector<std::string>* Lexicon::VerbLemmas(std::string_view form) const {
  auto it = verb_forms_.find(form);
  return it == verb_forms_.end() ? nullptr : &it->second;
}

const VerbEntry* Lexicon::Verb(std::string_view lemma) const {
  auto it = verbs_.find(lemma);
  return it == verbs_.end() ? nullptr : &it->second;
}

const EventNoun* Lexicon::Noun(std::string_view form) const {
  auto it = nouns_.find(form);
  return it == nouns_.end() ? nullptr : &it->second;
}

const EventCodeInfo* Lexicon::EventCode(std::string_view code) const {
  auto it = event_codes_.find(std::string(code));
  return it == event_codes_.end() ? nullptr : &it->second;
}

std::pair<int, int> Lexicon::WordNetCounts(std::string_view lemma) const {
  auto it = wordnet_.find(lemma);
  return it == wordnet_.end() ? std::make_pair(-1, -1) : it->second;
}

// WordNet's "morphy" for verbs: irregular table first, then the detachment
// rules (-s, -ies, -es, -ed, -ing, with e-restoration and undoubling).
bool Lexicon::WordNetVerb(std::string_view form, std::string_view* lemma, int* verb_count,
                          int* noun_count) const {
  std::string f(form);
  auto try_lemma = [&](const std::string& l) {
    auto it = wordnet_.find(l);
    if (it == wordnet_.end() || it->second.first < 0) return false;
    *lemma = it->first;
    *verb_count = it->second.first;
    *noun_count = it->second.second;
    return true;
  };
  auto exc = wordnet_exc_.find(form);
  if (exc != wordnet_exc_.end() && try_lemma(exc->second)) return true;
  if (try_lemma(f)) return true;
  auto ends = [&](const char* suf) {
    size_t n = strlen(suf);
    return f.size() > n + 1 && f.compare(f.size() - n, n, suf) == 0;
  };
  auto stem = [&](size_t cut) { return f.substr(0, f.size() - cut); };
  if (ends("ies") && try_lemma(stem(3) + "y")) return true;
  if (ends("es") && (try_lemma(stem(2)) || try_lemma(stem(1)))) return true;
  if (ends("s") && try_lemma(stem(1))) return true;
  if (ends("ied") && try_lemma(stem(3) + "y")) return true;
  if (ends("ed")) {
    std::string s = stem(2);
    if (try_lemma(s) || try_lemma(s + "e")) return true;
    if (s.size() > 2 && s[s.size() - 1] == s[s.size() - 2] && try_lemma(s.substr(0, s.size() - 1)))
      return true;
  }
  if (ends("ing")) {
    std::string s = stem(3);
    if (try_lemma(s) || try_lemma(s + "e")) return true;
    if (s.size() > 2 && s[s.size() - 1] == s[s.size() - 2] && try_lemma(s.substr(0, s.size() - 1)))
      return true;
  }
  return false;
}

std::string Lexicon::CountryName(std::string_view code) const {
  auto it = country_names_.find(std::string(code));
  return it == country_names_.end() ? std::string() : it->second;
}

// RUSGOV -> {RUS, "", [GOV]}; IGOWSTNAT -> {"", NAT, [IGO]};
// IGOUNOWFP -> {"", UNO, [IGO]}; SDNREBHEZ -> {SDN, HEZ, [REB]}.
uint8_t Lexicon::PieceBits(std::string_view piece) const {
  if (code_pieces_) {
    const uint8_t* bits = code_pieces_->Find(piece);
    return bits ? *bits : 0;
  }
  const std::string p(piece);
  return static_cast<uint8_t>((role_types_.count(p) ? kRolePiece : 0) |
                              (group_codes_.count(p) ? kGroupPiece : 0) |
                              (generic_prefixes_.count(p) ? kGenericPiece : 0) |
                              (country_names_.count(p) ? kCountryPiece : 0));
}

ActorCodeParts Lexicon::SplitActorCode(std::string_view code) const {
  ActorCodeParts parts;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    const std::string_view piece = code.substr(i, 3);
    const uint8_t bits = PieceBits(piece);
    if (i == 0) {
      if (bits & kGenericPiece) {
        parts.types.emplace_back(piece);
      } else {
        parts.country = piece;
      }
      continue;
    }
    if (bits & kRolePiece) {
      parts.types.emplace_back(piece);
    } else if ((bits & kGroupPiece) && parts.group.empty()) {
      parts.group = piece;
    } else if (parts.country.empty() && parts.group.empty() && i + 3 == code.size() &&
               !(bits & kCountryPiece)) {
      // The last piece of an international code names the organisation even
      // when GDELT's known-group list lacks it (IGOAFRAFU: African Union).
      parts.group = piece;
    }
    // Anything else (a region inside an IGO code) only narrows the code.
  }
  return parts;
}

const Gazetteer& Lexicon::gazetteer() const {
  static const Gazetteer kEmpty;
  return gazetteer_ ? *gazetteer_ : kEmpty;
}

}  // namespace dyad
