// Stage 6, nouns: events named by a noun rather than a verb.
//
//   "after Indian missile strikes on Pakistan"    IND > PAK 195 (demonym, "on")
//   "Moscow's demand that Kyiv withdraw"          RUS > UKR 10 (possessive, "that")
//   "Turkey held talks with Iraq"                 TUR <> IRQ 046 (light verb)
//   "a swap brokered by Qatar"                    QAT > … 045 ("by")
//   "strikes by Israel on Lebanon"                ISR > LBN 195
//
// An event noun is a `noun` line of the dictionaries (its code, with longer
// variants such as "air strike" or "general strike" first). Its source is a
// possessive or a demonym in its own phrase ("Moscow's demand", "Israeli
// strikes"), a "by" phrase, or the subject of a light verb it is the object
// of ("held talks", "launched strikes", "staged a protest"); its target the
// phrase after "on", "against", "of", "with", "to", "between" or "into", or
// the subject of a "that" clause it opens ("a demand that Kinshasa open
// talks"). A noun codes only when what it names happened: not after "no",
// "any", "planned", "threat of", "calls for", "fears of", not as the object
// of a verb that is itself not asserted ("could launch strikes"), not as
// the purpose of a visit ("arrived for talks"), not dated before the story
// ("the 2006 war", "since the invasion", "the anniversary of"). A noun event
// that repeats a verb event of the sentence (same countries and root) adds
// nothing.
#ifndef DYAD_CODE_NOUNS_H_
#define DYAD_CODE_NOUNS_H_

#include <string>
#include <string_view>
#include <vector>

#include "code/analysis.h"
#include "code/clauses.h"
#include "code/events.h"
#include "code/patterns.h"
#include "code/roles.h"

namespace dyad::code {

// "suspension of", "halt to", "end of": a noun that stops the act after it.
bool IsStoppingNoun(std::string_view w);
// The CAMEO code of stopping the act `code` names (aid 07 -> 162 family,
// talks 04 -> 164, mediation -> 165, diplomatic 05 -> 161, cooperation 06
// -> 160), or "" when stopping it is no act of its own.
std::string StoppedCode(const std::string& code);

class NounStage {
 public:
  NounStage(const StoryEnv& env, SentenceAnalysis* a, const Clauses& clauses, const Roles& roles,
            const Patterns& patterns, const Emitter& emitter)
      : env_(env), a_(*a), clauses_(clauses), roles_(roles), patterns_(patterns),
        emitter_(emitter) {}

  // Codes every event noun of the sentence (after its verbs).
  void Run(std::vector<Event>* out);

 private:
  struct Governor {
    int verb = -1;        // the verb group the noun's phrase belongs to, -1 none
    bool light = false;   // it is the object of a light verb ("held talks")
    bool subject = false; // it is that verb's subject
    bool object = false;  // it is that verb's object
  };
  // The variant of the event noun headed by word k, or null.
  const EventNoun::Variant* NounAt(uint32_t k) const;
  Governor GovernorOf(int np) const;
  // Verb group v is an infinitive under declared readiness ("is willing
  // to") or an asserted offer, agreement or pledge ("offered to").
  bool DeclaredIntent(int v) const;
  // Why the noun at word k (in phrase np) names no real, present act; "" if it does.
  // `occasion`: the noun names talks in which the clause's act took place.
  std::string NotAsserted(uint32_t k, int np, const Governor& g, std::string_view root, bool occasion) const;
  std::vector<ActorRef> OwnSources(int np, uint32_t k) const;
  std::vector<ActorRef> ByAgent(uint32_t k, int np) const;
  // "talks between A and B": the actors of the "between" phrase.
  std::vector<ActorRef> Between(uint32_t k, int np) const;
  std::vector<ActorRef> Targets(uint32_t k, int np, const std::string& code,
                                const std::vector<ActorRef>& sources, std::string* how) const;
  // The sentence already has an event of these countries and this root.
  bool Repeats(const std::vector<Event>& out, const ActorRef& s, const ActorRef& t,
               const std::string& root) const;

  const StoryEnv& env_;
  SentenceAnalysis& a_;
  const Clauses& clauses_;
  const Roles& roles_;
  const Patterns& patterns_;
  const Emitter& emitter_;
  // The word of a past year dating the sentence ("in 2003"), -1 none, -2 not yet looked for.
  mutable int sentence_past_year_ = -2;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_NOUNS_H_
