#include "code/patterns.h"

#include <algorithm>

#include "code/explain.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;

namespace {

bool IdIn(uint32_t id, const std::vector<uint32_t>& ids) {
  return id != 0 && std::binary_search(ids.begin(), ids.end(), id);
}
// IdIn(id, el.ids), passing over words outside el.id_bits (a superset of
// the ids' bits when it is not 0) without reading the ids.
bool IdInElement(uint32_t id, const PatternElement& el) {
  if (el.id_bits != 0 && (PatternElement::IdBit(id) & el.id_bits) == 0) return false;
  return IdIn(id, el.ids);
}

}  // namespace

bool SamePatternWords(const VerbPattern& a, const VerbPattern& b) {
  auto same = [](const std::vector<PatternElement>& x, const std::vector<PatternElement>& y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i].words != y[i].words || x[i].phrases != y[i].phrases ||
          x[i].target != y[i].target || x[i].source != y[i].source || x[i].prep != y[i].prep ||
          x[i].adjacent != y[i].adjacent || x[i].skip_phrase != y[i].skip_phrase) {
        return false;
      }
    }
    return true;
  };
  return same(a.elements, b.elements) && same(a.before, b.before) &&
         a.subject_is_target == b.subject_is_target && a.compound_subject == b.compound_subject;
}

// PETRARCH-2's reading of the sentence as a tree of verb phrases: codes
// composed across nested verbs, patterns and targets kept inside a verb's

// The window after the verb in which objects and patterns are sought:
// up to the next clause boundary, through "to + verb" complements.
uint32_t Patterns::WindowEnd(int v) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  for (uint32_t k = vg.e; k < w.size(); ++k) {
    Tag t = w[k].tag;
    // "described them as secondary": "as" before a phrase with no verb of
    // its own is a preposition, not a clause.
    if (t == Tag::kSub && w[k].lower == "as" && env_.rd.as_preposition && k + 1 < w.size() &&
        a_.phrase_of[k + 1] >= 0) {
      uint32_t j = a_.phrases[a_.phrase_of[k + 1]].e;
      if (j >= w.size() || a_.VerbAt(j) < 0) continue;
    }
    if (t == Tag::kEnd || t == Tag::kRel || t == Tag::kThat || t == Tag::kSub) return k;
    if (t == Tag::kPunct && (w[k].lower == ";" || w[k].lower == ":")) return k;
    // "sent 21 tonnes of supplies, including tents and blankets, to
    // Afghanistan": a list set off by commas after "including" or "such as"
    // is passed over, up to the comma that closes it.
    if (t == Tag::kComma && env_.rd.inclusions_in_window && k + 2 < w.size() &&
        (w[k + 1].lower == "including" || (w[k + 1].lower == "such" && w[k + 2].lower == "as"))) {
      uint32_t j = k + (w[k + 1].lower == "such" ? 3 : 2);
      while (j < w.size() && (a_.phrase_of[j] >= 0 || w[j].tag == Tag::kComma || w[j].tag == Tag::kCoord)) ++j;
      if (j < w.size() && j > k + 2 && w[j - 1].tag == Tag::kComma) {
        k = j - 1;
        continue;
      }
    }
    if (t == Tag::kComma) return k;
    if (t == Tag::kQuote && k > vg.e) return k;
    int g = a_.VerbAt(k);
    if (g >= 0 && g != v && !a_.parse.verbs[g].infinitive && !a_.parse.verbs[g].participle &&
        !(a_.parse.verbs[g].gerund && k > 0 && w[k - 1].tag == Tag::kPrep)) {
      return k;
    }
  }
  return static_cast<uint32_t>(w.size());
}

PatternHit Patterns::Best(const VerbEntry& ve, int v, uint32_t end, int subject, uint32_t from) {
  VerbGroup vg = a_.parse.verbs[v];
  if (from != kAfterVerb) vg.e = from;  // a window elsewhere: a passive's subject
  const auto& w = a_.parse.words;
  // Only patterns whose first word stands in the reach of the first
  // element are tried, in the order they were written.
  const bool filtered = ve.filters.size() == ve.patterns.size();
  candidates_.assign(ve.first_is_target.begin(), ve.first_is_target.end());
  for (uint32_t k = vg.e; k < end && k < vg.e + 9; ++k) {
    for (uint32_t id : {w[k].id, w[k].lemma_id}) {
      if (id == 0) continue;
      if (filtered) {
        if ((PatternElement::IdBit(id) & ve.first_word_bits) == 0) continue;
        auto at = std::lower_bound(ve.first_words.begin(), ve.first_words.end(),
                                   std::make_pair(id, uint32_t{0}));
        for (; at != ve.first_words.end() && at->first == id; ++at) candidates_.push_back(at->second);
        continue;
      }
      auto it = ve.by_first_word.find(id);
      if (it != ve.by_first_word.end()) {
        candidates_.insert(candidates_.end(), it->second.begin(), it->second.end());
      }
    }
  }
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
  SetWindow(vg.e, end);
  // Target and source slots match only an actor's phrase in the window.
  bool window_actor = false;
  for (uint32_t k = vg.e; k < end && !window_actor; ++k) {
    window_actor = a_.phrase_of[k] >= 0 && a_.HasActor(a_.phrase_of[k]);
  }
  PatternHit best;
  for (uint32_t pi : candidates_) {
    // The filter makes Match()'s first tests without touching the pattern.
    if (filtered && (!ve.filters[pi].MayMatch(window_ids_) ||
                     (ve.filters[pi].needs_actor && !window_actor))) {
      continue;
    }
    PatternHit hit;
    const bool matched = Match(ve.patterns[pi], vg, end, subject, &hit);
    if (env_.explain) env_.explain->PatternTried(a_.sno, v, ve.patterns[pi], matched, hit.score);
    if (!matched) continue;
    // PETRARCH-2 keeps its patterns in a tree where a pattern written
    // again replaces the earlier one: the later of two equals wins.
    if (hit.score > best.score || (env_.rd.later_pattern_wins && hit.score == best.score &&
                                   best.pattern && SamePatternWords(*hit.pattern, *best.pattern))) {
      best = hit;
    }
  }
  return best;
}

void Patterns::SetWindow(uint32_t b, uint32_t e) {
  const auto& w = a_.parse.words;
  window_ids_ = 0;
  for (uint32_t k = b; k < e; ++k) {
    window_ids_ |= PatternElement::IdBit(w[k].id) | PatternElement::IdBit(w[k].lemma_id);
  }
}

// Tries one pattern on the window (vg.e .. end). Elements match in order.
bool Patterns::Match(const VerbPattern& pat, const VerbGroup& vg, uint32_t end, int subject,
                     PatternHit* hit) const {
  // A word element none of whose words is in the window cannot match
  // (id_bits is 0 only for no words, or when a caller built the pattern
  // without it: then no shortcut).
  for (const PatternElement& el : pat.elements) {
    if (!el.target && el.id_bits != 0 && (el.id_bits & window_ids_) == 0) return false;
  }
  const auto& w = a_.parse.words;
  if (pat.compound_subject && roles_.Sources(subject).size() < 2) return false;
  uint32_t pos = vg.e;
  int target_np = -1, source_np = -1;
  int exact = 0;  // word elements matched as written (not by a plural)
  for (size_t i = 0; i < pat.elements.size(); ++i) {
    const PatternElement& el = pat.elements[i];
    uint32_t limit = el.adjacent ? std::min<uint32_t>(pos + 1, end) : std::min<uint32_t>(pos + 9, end);
    bool found = false;
    for (uint32_t k = pos; k < limit; ++k) {
      if (el.skip_phrase) {
        if (a_.phrase_of[k] < 0) continue;
        pos = a_.phrases[a_.phrase_of[k]].e;
        found = true;
        break;
      }
      if (el.target) {
        // The first target slot names the target; later ones only
        // require an actor there ("welcome + to+": the guest, not the city).
        int np = -1;
        if (!el.prep.empty()) {
          if (w[k].lower != el.prep) continue;
          if (k + 1 >= end || a_.phrase_of[k + 1] < 0 || !a_.HasActor(a_.phrase_of[k + 1])) continue;
          np = a_.phrase_of[k + 1];
        } else {
          if (a_.phrase_of[k] < 0 || !a_.HasActor(a_.phrase_of[k])) continue;
          np = a_.phrase_of[k];
        }
        if (el.source) {
          if (source_np < 0) source_np = np;
        } else if (target_np < 0) {
          target_np = np;
        }
        pos = a_.phrases[np].e;
        found = true;
        break;
      }
      if (IdInElement(w[k].id, el) || IdInElement(w[k].lemma_id, el) || PrefixAt(el, k)) {
        if (!el.synset && !el.words.empty() && w[k].lower == el.words[0]) ++exact;
        pos = k + 1;
        found = true;
        break;
      }
      uint32_t len = PhraseAt(el, k, end);
      if (len) {
        pos = k + len;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  // Words before the verb ("not [allow]"), matched backwards from the head.
  uint32_t at = vg.head;
  for (size_t i = pat.before.size(); i-- > 0;) {
    const PatternElement& el = pat.before[i];
    uint32_t lo = el.adjacent ? (at >= 1 ? at - 1 : 0) : (at >= 9 ? at - 9 : 0);
    bool found = false;
    for (uint32_t k = at; k-- > lo;) {
      if (IdIn(w[k].id, el.ids) || IdIn(w[k].lemma_id, el.ids) || PrefixAt(el, k)) {
        at = k;
        found = true;
        break;
      }
      // A phrase that ends at k ("wo n't" before "clash").
      for (const auto& ph : el.phrase_ids) {
        uint32_t n = static_cast<uint32_t>(ph.size());
        if (k + 1 >= n && PhraseAt(el, k + 1 - n, at) == n) {
          at = k + 1 - n;
          found = true;
          break;
        }
      }
      if (found) break;
    }
    if (!found) return false;
  }
  hit->pattern = &pat;
  hit->target_np = target_np;
  hit->source_np = source_np;
  // More elements win; between equals, more words (fewer open slots) win.
  int literals = static_cast<int>(pat.before.size());
  for (const PatternElement& el : pat.elements) literals += el.target || el.skip_phrase ? 0 : 1;
  // TABARI and PETRARCH prefer a written word to a synset ("* DOLLAR" over
  // "* &CURRENCY").
  if (env_.rd.prefer_literal_words) {
    for (const auto* els : {&pat.before, &pat.elements}) {
      for (const PatternElement& el : *els) {
        literals += !el.target && !el.synset && !el.skip_phrase ? 1 : 0;
      }
    }
  }
  // PETRARCH-2 looks a noun up as written: "* SANCTIONS" before "* SANCTION".
  if (env_.rd.prefer_exact_form) literals += exact;
  hit->score = static_cast<int>(pat.elements.size() + pat.before.size()) * 16 + literals;
  return true;
}

bool Patterns::PrefixAt(const PatternElement& el, uint32_t k) const {
  std::string_view l = a_.parse.words[k].lower;
  for (const std::string& pre : el.prefixes) {
    if (l.size() >= pre.size() && l.compare(0, pre.size(), pre) == 0) return true;
  }
  return false;
}

// Length of the first of el's phrases that stands at k (ending before
// `end`), or 0.
uint32_t Patterns::PhraseAt(const PatternElement& el, uint32_t k, uint32_t end) const {
  const auto& w = a_.parse.words;
  for (const auto& ph : el.phrase_ids) {
    if (k + ph.size() > end) continue;
    bool ok = true;
    for (size_t i = 0; i < ph.size() && ok; ++i) {
      ok = w[k + i].id == ph[i] || w[k + i].lemma_id == ph[i];
    }
    if (ok) return static_cast<uint32_t>(ph.size());
  }
  return 0;
}

}  // namespace dyad::code
