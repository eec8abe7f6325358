// Events as the reference coders (TABARI, PETRARCH, PETRARCH-2) made them,
// for `--semantics tabari|petrarch` on dyad's lexicon (or on their own
// dictionaries translated into it).
//
// The same stages as dyad's reading (phrases, actors, clauses, roles,
// patterns) with the Reading::Reference() rules, then this stage instead of
// EventStage: a verb codes its pattern whatever its tense, mood or polarity
// (the reference dictionaries code negation with patterns of their own), a
// verb's target is the first actor after it, a compound subject with no
// target acts on itself, and paired codes ("A visited B": 032 and 033) give
// both events. With the CAMEO 2.0 verb dictionary (it has `compose` rules)
// the sentence is read as PETRARCH-2 read it, a tree of verb phrases:
//
//   "The Senate is asking Biden to help Kenya."   ask (10) + help (07), composed:
//       USALEG > USAGOV 1041-like code from the dictionary's transformations
//   "The US claimed that ISIL had attacked Iraq."  the nested attack is coded
//       through the reporting verb (USA > ISIL 112), never on its own.
//
// COMPATIBILITY.md describes each behaviour and the suites that check it.
#ifndef DYAD_CODE_COMPAT_REFERENCE_EVENTS_H_
#define DYAD_CODE_COMPAT_REFERENCE_EVENTS_H_

#include <string>
#include <vector>

#include "code/analysis.h"
#include "code/clauses.h"
#include "code/discourse.h"
#include "code/events.h"
#include "code/patterns.h"
#include "code/roles.h"

namespace dyad::code::compat {

class ReferenceEvents {
 public:
  ReferenceEvents(const StoryEnv& env, SentenceAnalysis* a, const Clauses& clauses,
                  const Roles& roles, Patterns* patterns, const Discourse& discourse,
                  const Emitter& emitter, EventStage* statements);

  // Codes verb group v.
  void CodeVerb(int v, std::vector<Event>* out);
  // PETRARCH-2: a clause under a coded verb whose own verb codes nothing
  // still names an actor the reporting verb is coded toward.
  void UncodedClauses(std::vector<Event>* out);
  // The statements of the sentence (EventStage::CodeStatement), read as
  // PETRARCH-2 read them when it applies.
  void CodeStatements(std::vector<Event>* out);

  // True when the lexicon carries PETRARCH-2's transformations and the
  // semantics is PETRARCH's: the sentence is read as a tree of verb phrases.
  bool petrarch2() const { return p2_; }

 private:
  // PETRARCH-2's reading (petrarch2.cc).
  bool SaysNot(int v) const;
  int ComposedGovernor(int v, const Clause& c, int* object_np) const;
  bool InfinitiveOf(int v, int g, int* object_np) const;
  bool ComposePetrarch(int v, int g, bool negation_in_pattern, std::string* code,
                       std::string* pattern_text, std::vector<Event>* out);
  uint32_t PhraseEnd(int v) const;
  bool ExistentialParticiple(int v) const;
  bool ReducedRelativePetrarch(int v) const;
  void PassivePetrarch(int v, int subj, std::vector<ActorRef>* sources,
                       std::vector<ActorRef>* targets) const;
  bool PetrarchCodes(int v, const Clause& c);
  int SubjectBackPetrarch(int v) const;
  PatternHit PassivePatternPetrarch(const VerbEntry& ve, int v, int subj);
  uint32_t ComplementStart(int v) const;
  bool ReportedPetrarch(int v, const Clause& c, const std::vector<ActorRef>& inner_sources,
                        const std::vector<ActorRef>& inner_targets, const std::string& code,
                        const std::string& pattern_text, const std::string& origin,
                        std::vector<Event>* out);
  std::vector<ActorRef> SubjectActorsPetrarch(int v) const;
  void DropEvents(int g, std::vector<Event>* out);

  const StoryEnv& env_;
  SentenceAnalysis& a_;
  const Clauses& clauses_;
  const Roles& roles_;
  Patterns& patterns_;
  const Discourse& discourse_;
  const Emitter& emitter_;
  EventStage& statements_;
  const bool p2_;
};

}  // namespace dyad::code::compat

#endif  // DYAD_CODE_COMPAT_REFERENCE_EVENTS_H_
