// Stage 2: the actors each noun phrase names.
//
//   "Russian troops"              -> RUSMIL      (demonym + role noun)
//   "the presidents of Venezuela and Guyana" -> VENGOV, GUYGOV (role + "of" list)
//   "its soldiers" after "Lebanon" -> LBNMIL      (possessive pronoun)
//   "the government" (story about Niger) -> NERGOV (the Discourse)
//   "police" in a sentence set in Nairobi -> KENCOP (a place in the sentence)
//
// A person, organisation, group or capital gives a full code; a country or
// demonym plus a role noun gives country+role; a role noun alone takes its
// country from a possessive pronoun, a place in the sentence, the story's
// latest state actor (for "the president/government"), or the sentence's
// one country (for domestic roles). A demonym on a noun that is no actor
// ("Russian gas") is weak: it can place a target, never be a source.
#ifndef DYAD_CODE_ACTORS_H_
#define DYAD_CODE_ACTORS_H_

#include <vector>

#include "code/analysis.h"
#include "code/discourse.h"

namespace dyad::code {

class ActorStage {
 public:
  ActorStage(const StoryEnv& env, SentenceAnalysis* a, const Discourse& discourse)
      : env_(env), a_(*a), discourse_(discourse) {}
  // Fills the actors of every phrase in a->phrases (needs a->locations).
  void Run();

 private:
  void ResolvePhrase(Phrase* np);
  void NewActor(Phrase* np);
  void ShareAgent(Phrase* np) const;
  std::vector<ActorRef> Conjuncts(uint32_t b, uint32_t e, bool share_country = true);
  bool ConjunctActor(uint32_t b, uint32_t e, ActorRef* a);
  void ResolvePronoun(ActorRef* a, int np_index);
  bool PluralRoleNoun(const ActorRef& x) const;
  void CountriesFromPhrase(Phrase* np);
  void SpeakerFor(Phrase* np);
  void TwoParties(Phrase* np, int index);
  void TheBloc(Phrase* np, int index);
  void InheritCountry(ActorRef* a, const Phrase& np);

  const StoryEnv& env_;
  SentenceAnalysis& a_;
  const Discourse& discourse_;
  // The phrase the last plural pronoun was resolved to ("they" after "A, B
  // and C"), or -1.
  int plural_from_ = -1;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_ACTORS_H_
