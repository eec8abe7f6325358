// The indexes the .dict loader builds once every line is in: the actor-code
// pieces, the phrases ordered by first word, the verb forms and pattern
// word ids, and the word table.
#include "lexicon/loader_internal.h"

#include <algorithm>
#include <cstdlib>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <istream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "dyad/gazetteer.h"
#include "dyad/lexicon.h"
#include "lexicon/word_map.h"
#include "text/strings.h"

namespace dyad {

// The actor-code tables as one flat map from a piece ("GOV", "NAT",
// "RUS") to what it is, for Lexicon::SplitActorCode().
void LexiconBuilder::BuildCodePieces() {
  Lexicon& L = *lex_;
  std::unordered_map<std::string_view, uint8_t> bits;
  for (const std::string& k : L.role_types_) bits[k] |= Lexicon::kRolePiece;
  for (const std::string& k : L.group_codes_) bits[k] |= Lexicon::kGroupPiece;
  for (const std::string& k : L.generic_prefixes_) bits[k] |= Lexicon::kGenericPiece;
  for (const auto& [k, name] : L.country_names_) bits[k] |= Lexicon::kCountryPiece;
  auto flat = std::make_shared<FlatWordMap<uint8_t>>();
  flat->Build(std::vector<std::pair<std::string_view, uint8_t>>(bits.begin(), bits.end()));
  L.code_pieces_ = std::move(flat);
}

// Touches by_first_word_, phrases_, phrase_keys_ and seen_ only.
void LexiconBuilder::OrderPhrases() {
  // Phrases: index by first word, longest first, then by kind priority.
  for (auto& [first, ids] : lex_->by_first_word_) {
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      const auto& pa = lex_->phrases_[a];
      const auto& pb = lex_->phrases_[b];
      if (pa.words.size() != pb.words.size()) return pa.words.size() > pb.words.size();
      return lex_->entries_[pa.entry].kind < lex_->entries_[pb.entry].kind;
    });
  }
  // Renumber the phrases so that each first word's candidates lie side by
  // side, in the order they are tried (matching reads them one after
  // another; the order within each list is unchanged).
  {
    // Every phrase is in exactly one list, that of its first word.
    std::vector<uint32_t> new_id(lex_->phrases_.size(), 0);
    std::vector<Lexicon::Phrase> ordered;
    ordered.reserve(lex_->phrases_.size());
    for (auto& [first, ids] : lex_->by_first_word_) {
      for (uint32_t& id : ids) {
        new_id[id] = static_cast<uint32_t>(ordered.size());
        ordered.push_back(std::move(lex_->phrases_[id]));
        id = new_id[id];
      }
    }
    lex_->phrases_ = std::move(ordered);
    for (auto& [key, pid] : seen_) pid = new_id[pid];
  }
  lex_->phrase_keys_.resize(lex_->phrases_.size());
  for (size_t i = 0; i < lex_->phrases_.size(); ++i) {
    const std::vector<std::string>& words = lex_->phrases_[i].words;
    Lexicon::PhraseKey& k = lex_->phrase_keys_[i];
    k.length = static_cast<uint16_t>(words.size());
    k.entry = lex_->phrases_[i].entry;
    k.kind = lex_->entries_[k.entry].kind;
    k.second = words.size() >= 2 ? HashWord(words[1]) : 0;
  }
}

// Verb forms and pattern word ids: touches verbs_, verb_forms_ and word_ids_ only.
void LexiconBuilder::IndexVerbs() {
  // Verb forms: lemma itself, regular inflections, irregular forms.
  // A verb with irregular forms keeps its regular past as well (chided
  // beside chid, hanged beside hung, bided): many such verbs have both, and
  // a regular past that is no word (goed) is never read. It is left out only
  // where the spelling belongs to something else: a form or lemma of
  // another verb, an irregular verb's lemma, or an -eed word (see -> seed,
  // flee -> fleed: seed, feed, need are words of their own). Added after
  // every other form, so that those are known.
  std::vector<std::pair<std::string, const std::string*>> regular_pasts;
  for (auto& [lemma, v] : lex_->verbs_) {
    AddForm(lemma, lemma);
    auto irr = irregular_.find(lemma);
    if (irr != irregular_.end()) {
      for (const std::string& f : irr->second) AddForm(f, lemma);
      for (std::string& f : RegularVerbForms(lemma)) {
        if (f.size() > 2 && f.compare(f.size() - 2, 2, "ed") == 0) {
          regular_pasts.emplace_back(std::move(f), &lemma);
        } else {
          AddForm(f, lemma);
        }
      }
    } else {
      for (const std::string& f : RegularVerbForms(lemma)) AddForm(f, lemma);
    }
  }
  for (const auto& [form, lemma] : regular_pasts) {
    auto taken = lex_->verb_forms_.find(form);
    if (taken != lex_->verb_forms_.end() &&
        std::find(taken->second.begin(), taken->second.end(), *lemma) == taken->second.end()) {
      continue;
    }
    if (irregular_.count(form) ||
        (form.size() > 3 && form.compare(form.size() - 3, 3, "eed") == 0)) {
      continue;
    }
    AddForm(form, *lemma);
  }
  // Intern every pattern word (and every verb lemma, for noun uses).
  auto intern = [&](const std::string& word) {
    auto [it, fresh] = lex_->word_ids_.try_emplace(word, 0);
    if (fresh) it->second = static_cast<uint32_t>(lex_->word_ids_.size());
    return it->second;
  };
  for (auto& [lemma, v] : lex_->verbs_) {
    intern(lemma);
    v.by_first_word.clear();
    v.first_is_target.clear();
    v.filters.assign(v.patterns.size(), PatternFilter());
    v.first_word_bits = 0;
    for (uint32_t pi = 0; pi < v.patterns.size(); ++pi) {
      VerbPattern& p = v.patterns[pi];
      for (auto* els : {&p.elements, &p.before}) {
        for (PatternElement& el : *els) {
          el.ids.clear();
          for (const std::string& word : el.words) el.ids.push_back(intern(word));
          std::sort(el.ids.begin(), el.ids.end());
          el.ids.erase(std::unique(el.ids.begin(), el.ids.end()), el.ids.end());
          el.phrase_ids.clear();
          for (const auto& phrase : el.phrases) {
            el.phrase_ids.emplace_back();
            for (const std::string& word : phrase) el.phrase_ids.back().push_back(intern(word));
          }
          // The mask of words one of which must be in the window: a phrase
          // counts by its first word; a stem (`word*`) matches words
          // outside any mask, so it turns the shortcut off.
          el.id_bits = 0;
          for (uint32_t id : el.ids) el.id_bits |= PatternElement::IdBit(id);
          for (const auto& ph : el.phrase_ids) {
            if (!ph.empty()) el.id_bits |= PatternElement::IdBit(ph[0]);
          }
          if (!el.prefixes.empty()) el.id_bits = 0;
        }
      }
      if (p.elements.empty() || p.elements[0].target || p.elements[0].skip_phrase ||
          !p.elements[0].prefixes.empty()) {
        v.first_is_target.push_back(pi);
      } else {
        for (uint32_t id : p.elements[0].ids) v.by_first_word[id].push_back(pi);
        for (const auto& ph : p.elements[0].phrase_ids) v.by_first_word[ph[0]].push_back(pi);
      }
    }
    v.first_words.clear();
    for (const auto& [id, patterns] : v.by_first_word) {
      v.first_word_bits |= PatternElement::IdBit(id);
      for (uint32_t pi : patterns) v.first_words.emplace_back(id, pi);
    }
    std::sort(v.first_words.begin(), v.first_words.end());
  }
  // The filters, once every word has its id: the masks MatchPattern tests
  // first, then the prepositions of 'prep+' slots (one of whose words must
  // be that preposition, and so carry its id).
  for (auto& entry : lex_->verbs_) {
    auto& v = entry.second;  // not a structured binding: clang 14 cannot capture one
    for (uint32_t pi = 0; pi < v.patterns.size(); ++pi) {
      int masks = 0;
      auto add = [&](uint64_t m) {
        if (m != 0 && masks < PatternFilter::kMasks) v.filters[pi].masks[masks++] = m;
      };
      for (const PatternElement& el : v.patterns[pi].elements) {
        if (!el.target) add(el.id_bits);
        if (el.target) v.filters[pi].needs_actor = true;
      }
      for (const PatternElement& el : v.patterns[pi].elements) {
        if (el.target && !el.prep.empty()) add(PatternElement::IdBit(lex_->WordId(el.prep)));
      }
    }
  }
}

// One WordInfo per word form any table knows: phrase starts, dictionary
// verb forms, pattern words, and (already there, from LoadWordNet) every
// inflection of WordNet's verbs.
void LexiconBuilder::BuildWordInfo() {
  Lexicon& L = *lex_;
  auto& W = L.word_info_;
  // Words WordNet's forms do not cover: which verb they inflect is still to
  // be worked out.
  std::vector<std::pair<const std::string*, WordInfo*>> fresh;
  auto entry = [&](const std::string& w) -> WordInfo& {
    auto [it, added] = W.try_emplace(w);
    if (added) fresh.emplace_back(&it->first, &it->second);
    return it->second;
  };
  for (const auto& [w, ids] : L.by_first_word_) {
    WordInfo& info = entry(w);
    info.phrases = &ids;
    // OrderPhrases() numbered each word's candidates side by side.
    bool side_by_side = !ids.empty();
    for (size_t i = 0; i < ids.size() && side_by_side; ++i) side_by_side = ids[i] == ids[0] + i;
    if (side_by_side) {
      info.phrase_begin = ids[0];
      info.phrase_count = static_cast<uint32_t>(ids.size());
    }
  }
  for (const auto& [w, lemmas] : L.verb_forms_) entry(w).verb_lemmas = &lemmas;
  for (auto& [w, noun] : L.nouns_) {
    std::stable_sort(noun.variants.begin(), noun.variants.end(),
                     [](const EventNoun::Variant& a, const EventNoun::Variant& b) {
                       return a.before.size() > b.before.size();
                     });
    entry(w).noun = &noun;
  }
  for (const auto& [w, id] : L.word_ids_) entry(w).id = id;
  for (auto& [f, info] : fresh) {
    L.WordNetVerb(*f, &info->wordnet_lemma, &info->verb_count, &info->noun_count);
    info->form_is_lemma = *f == info->wordnet_lemma;
  }
  // The flat index holds only the entries' addresses, so a second thread
  // can build it while their contents are filled in.
  auto flat = std::make_shared<FlatWordMap<const WordInfo*>>();
  auto build_index = [&L, &flat] {
    std::vector<std::pair<std::string_view, const WordInfo*>> index;
    index.reserve(L.word_info_.size());
    for (const auto& [w, info] : L.word_info_) index.emplace_back(w, &info);
    flat->Build(index);
  };
  std::thread index_thread;
  if (threads_ > 1) {
    index_thread = std::thread(build_index);
  } else {
    build_index();
  }
  // The verb a form inflects: the dictionaries' first, else WordNet's.
  for (auto& [f, info] : W) {
    if (info.verb_lemmas) {
      auto c = L.WordNetCounts((*info.verb_lemmas)[0]);
      info.wordnet_lemma = {};
      info.verb_count = c.first;
      info.noun_count = c.second;
      info.lemma_id = L.WordId((*info.verb_lemmas)[0]);
      info.lemma = (*info.verb_lemmas)[0];
      info.form_is_lemma = f == info.lemma;
      info.verb = L.Verb(info.lemma);
    } else if (!info.wordnet_lemma.empty()) {
      info.lemma_id = L.WordId(info.wordnet_lemma);
      info.lemma = info.wordnet_lemma;  // form_is_lemma was set with it
    }
  }
  if (index_thread.joinable()) index_thread.join();
  L.info_index_ = std::move(flat);
}
}  // namespace dyad
