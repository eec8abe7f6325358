// Stage 1: noun phrases and their coordination.
//
//   "Washington and NATO rejected the demands of Moscow"
//   phrases: {Washington and NATO} {the demands of Moscow}
//
// A phrase runs over determiners, nouns, names, numbers and possessives;
// "of" between nouns stays inside it ("the presidents of Venezuela and
// Guyana"); "and" or a comma joins two actor phrases into one ("Spain,
// Ireland and Norway"), but not a phrase and an attribution ("…, residents
// said"). A phrase right after a preposition records it (Phrase::prep),
// except a preposition of quantity ("up to 100 people").
#ifndef DYAD_CODE_PHRASES_H_
#define DYAD_CODE_PHRASES_H_

#include "code/analysis.h"

namespace dyad::code {

class PhraseStage {
 public:
  PhraseStage(const StoryEnv& env, SentenceAnalysis* a) : env_(env), a_(*a) {}
  // Fills a->phrases and a->phrase_of from a->parse (actors still empty).
  void Run();

 private:
  bool QuantityPrep(uint32_t k) const;
  bool SerialListAhead(uint32_t comma) const;
  bool HasMentionBefore(uint32_t b, uint32_t e) const;
  bool NamedListAround(uint32_t comma) const;
  bool CoordinatedActorAhead(uint32_t i) const;

  const StoryEnv& env_;
  SentenceAnalysis& a_;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_PHRASES_H_
