// Stage 4: who does what to whom — the source and target candidates of
// each verb.
//
//   "Pakistan, a key ally, has refused to allow UN investigators in."
//   [refused] subject: {Pakistan} (past the apposition)
//   [allow]   subject: Pakistan (an infinitive takes its governor's subject)
//             target:  {UN investigators} (object of the 'to' complement)
//
// The subject is the phrase before the verb group (past adverbials, time
// phrases, relative clauses and appositions, through prepositional phrases
// to their head); a participle, infinitive or coordinated verb shares its
// main verb's subject. Targets come from the verb's pattern (stage 5) or,
// when none names one, DefaultTargets(): the object, a prepositional
// phrase, a 'to' complement's object, a state in a place phrase, a 'that'
// clause, an 'unless' clause, then (for force and domestic measures) a place.
#ifndef DYAD_CODE_ROLES_H_
#define DYAD_CODE_ROLES_H_

#include <string>
#include <vector>

#include "code/analysis.h"
#include "code/clauses.h"

namespace dyad::code {

// Curfews, states of emergency and bans (081, 172, 132): measures a state
// takes at home, whose target is the place they cover or the country.
bool DomesticMeasure(const std::string& code);
// Roots of force and coercion (07, 09, 14, 15, 17-20) that may take a place
// as their target.
bool ViolentRoot(std::string_view root);

class Roles {
 public:
  Roles(const StoryEnv& env, const SentenceAnalysis& a, const Clauses& clauses)
      : env_(env), a_(a), clauses_(clauses) {}

  // Index of the phrase that is the subject of verb group v, or -1. Reads
  // the subjects already found for earlier verb groups (VerbState::subject).
  int Subject(int v, const Clause& c) const;
  // Actors of phrase np usable as a source (not places, not weak demonyms;
  // an attack nobody is named for comes from an unidentified armed force of
  // the place where it happened). Empty for np < 0 or a "no …" phrase.
  std::vector<ActorRef> Sources(int np) const;
  // Whether Sources(np) is not empty (without copying the actors).
  bool HasSources(int np) const;
  // Actors of phrase np usable as a target (anything with a code).
  std::vector<ActorRef> Targets(int np) const;
  // The target found after verb v up to `end` when no pattern names one;
  // *how says where it was found.
  std::vector<ActorRef> DefaultTargets(int v, uint32_t end, const std::string& code,
                                       const std::string& root,
                                       const std::vector<ActorRef>& sources,
                                       std::string* how) const;
  // The first phrase in (verb v, end) with an actor other than `not_these`.
  int FirstActorAfter(int v, uint32_t end, const std::vector<ActorRef>& not_these) const;
  // A target that is the source itself (OwnActor: as the reading defines it).
  bool SameActor(const std::vector<ActorRef>& sources, const ActorRef& t) const;
  bool OwnActor(const std::vector<ActorRef>& sources, const ActorRef& t) const;
  // The phrase right after verb v when it is no prepositional phrase, or -1.
  int SubjectAfter(int v) const;

 private:
  // Appends Sources(np) to *out and says whether there were any; with
  // out == nullptr only says whether there are.
  bool CollectSources(int np, std::vector<ActorRef>* out) const;
  // as_target: the subject of a passive, which names its target.
  int Appositive(int j, int k, bool as_target = false) const;
  int ComplementedNoun(int v, int k) const;
  int RelativeFollows(int k, int v) const;
  int ParentheticSubject(int id, int k) const;
  int PreviousSubject(int v) const;

  const StoryEnv& env_;
  const SentenceAnalysis& a_;
  const Clauses& clauses_;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_ROLES_H_
