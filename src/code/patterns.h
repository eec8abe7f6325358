// Stage 5: a verb's dictionary patterns matched in the words after it.
//
//   pattern  163 : impose &sanction on+
//   "The EU imposed new sanctions on Iran."
//   [imposed] window: "new sanctions on Iran" -> 163, target slot {Iran}
//
// The window runs from the verb group to the next clause boundary (through
// "to + verb" complements). Elements match in order, each within nine words
// of the last (or at once when written adjacent); words written before the
// verb ("not [allow]") are matched backwards from it. The pattern with the
// most elements wins, then the one with more literal words; ties go to the
// one written first.
#ifndef DYAD_CODE_PATTERNS_H_
#define DYAD_CODE_PATTERNS_H_

#include <cstdint>
#include <vector>

#include "code/analysis.h"
#include "code/roles.h"

namespace dyad::code {

struct PatternHit {
  const VerbPattern* pattern = nullptr;
  int target_np = -1;
  int source_np = -1;  // a '$' slot's phrase
  int score = -1;
};

// True when two patterns ask for the same words in the same slots.
bool SamePatternWords(const VerbPattern& a, const VerbPattern& b);

class Patterns {
 public:
  Patterns(const StoryEnv& env, const SentenceAnalysis& a, const Roles& roles)
      : env_(env), a_(a), roles_(roles) {}

  // The end of verb group v's window: the next clause boundary.
  uint32_t WindowEnd(int v) const;
  // The best of `ve`'s patterns for verb group v in the words up to `end`,
  // whose subject is phrase `subject` (for '%' compound-subject patterns).
  // No pattern: hit.pattern is null.
  // With `from`, the window is [from, end) instead of the words after the
  // verb ("Sanctions on Syria were lifted": the subject's words).
  static constexpr uint32_t kAfterVerb = UINT32_MAX;
  PatternHit Best(const VerbEntry& ve, int v, uint32_t end, int subject, uint32_t from = kAfterVerb);

  // The words [b, e) that Match() may look at (its quick test).
  void SetWindow(uint32_t b, uint32_t e);
  // Tries one pattern on the window (vg.e .. end), elements in order.
  bool Match(const VerbPattern& pat, const parse::VerbGroup& vg, uint32_t end, int subject,
             PatternHit* hit) const;

 private:
  bool PrefixAt(const PatternElement& el, uint32_t k) const;
  uint32_t PhraseAt(const PatternElement& el, uint32_t k, uint32_t end) const;

  const StoryEnv& env_;
  const SentenceAnalysis& a_;
  const Roles& roles_;
  std::vector<uint32_t> candidates_;  // patterns worth trying for one verb
  uint64_t window_ids_ = 0;  // PatternElement::IdBit of the words in the window
};

}  // namespace dyad::code

#endif  // DYAD_CODE_PATTERNS_H_
