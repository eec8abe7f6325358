// Stage 6: events — verb and noun triggers become Events.
//
//   "Hungary said it will send aid to Ukraine."   -> an intent (033), not the aid
//   "The U.S. said it would not meet the demands." -> a refusal (12x)
//   "It will withdraw its force unless Israel stops …" -> a threat (130)
//
// For each verb group with a dictionary verb: the clause stage decides
// whether its act is real; the pattern stage finds its code and perhaps its
// target; the roles stage gives the source and the default targets; then
// the CAMEO conventions apply (announced future acts are intents or
// threats, announced refusals rejections, violence by military means 19,
// talks and agreements mutual) and one event is emitted per (source,
// target) pair. Statements ("X said …") are decided last: they code only
// when what was said reports no event. "a visit to X" codes as a noun.
#ifndef DYAD_CODE_EVENTS_H_
#define DYAD_CODE_EVENTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "code/analysis.h"
#include "code/clauses.h"
#include "code/discourse.h"
#include "code/patterns.h"
#include "code/roles.h"
#include "dyad/event.h"

namespace dyad::code {

// The intent (03x) or threat (13x) an announced future act stands for; ""
// when there is none (statements, demands, rejections…).
std::string IntentCode(const std::string& code, const std::string& root);
// The rejection (12x) an announced refusal to cooperate or yield stands
// for; "" for acts that are not cooperation (a refusal to attack is no event).
std::string RefusalCode(const std::string& root);

// Codes of acts two parties do together (talks, calls, meetings,
// negotiations, signed agreements, cooperation), and clashes and exchanges
// (by the verb's lemma): "A did it with B" is also B's act toward A.
bool MutualCode(const std::string& code, std::string_view lemma);

// Makes Events from (source, target) pairs, one per pair, with evidence,
// confidence and a stable id; drops a pair the sentence already coded.
class Emitter {
 public:
  Emitter(const StoryEnv& env, const SentenceAnalysis& a, const Clauses& clauses)
      : env_(env), a_(a), clauses_(clauses) {}
  // v: the verb group that triggered (-1 with trigger_token, a noun).
  void Emit(int v, const std::vector<std::pair<ActorRef, ActorRef>>& pairs, const std::string& code,
            const std::string& pattern_text, const std::string& origin, const std::string& how,
            std::vector<Event>* out, int trigger_token = -1) const;
  Actor MakeActor(const ActorRef& a) const;
  // The events of the other side of `pairs` when `code` is a mutual act
  // (MutualCode) or a visit (042, hosted: 043) or a hosting (043: 042).
  void EmitOtherSide(int v, const std::vector<std::pair<ActorRef, ActorRef>>& pairs,
                     const std::string& code, std::string_view lemma,
                     const std::string& pattern_text, const std::string& origin,
                     std::vector<Event>* out, int trigger_token = -1) const;
  // The positions in `out` of the events whose sentence is `sno` (of any
  // story), in order. Kept as an index that catches up with `out`, so that
  // the checks against a sentence's earlier events cost what the sentence
  // holds, not what the story holds (scanning all of `out` for every new
  // event made coding time grow with the square of a story's events).
  // Events enter `out` only through Emit; when `out` shrinks (the reference
  // coders take events back) the index is built again.
  const std::vector<size_t>& EventsOfSentence(int sno, const std::vector<Event>& out) const;

 private:
  const StoryEnv& env_;
  const SentenceAnalysis& a_;
  const Clauses& clauses_;
  struct SentenceIndex {
    const std::vector<Event>* out = nullptr;
    size_t indexed = 0;  // out[0, indexed) are in by_sentence
    std::unordered_map<int, std::vector<size_t>> by_sentence;
  };
  mutable SentenceIndex index_;
};

// Writes a --trace line (and an explanation note) for sentence `a`; v is
// the verb group it concerns, or -1.
void Trace(const StoryEnv& env, const SentenceAnalysis& a, const std::string& line, int v = -1);
// True when Trace() writes anywhere: callers test it before building a line.
inline bool Tracing(const StoryEnv& env) {
  return (env.opt.trace && env.trace != nullptr) || env.explain != nullptr;
}

class EventStage {
 public:
  EventStage(const StoryEnv& env, SentenceAnalysis* a, const Clauses& clauses, const Roles& roles,
             Patterns* patterns, const Discourse& discourse, const Emitter& emitter)
      : env_(env), a_(*a), clauses_(clauses), roles_(roles), patterns_(*patterns),
        discourse_(discourse), emitter_(emitter) {}

  // Codes verb group v (its subject is stored in a->verbs[v] on the way).
  void CodeVerb(int v, std::vector<Event>* out);
  // "X said (that) S": reported events in S (words up to `end`) are coded
  // on their own; if S holds none, X's statement is an event toward the
  // first other actor of S (a demand when S says someone must act).
  void CodeStatement(const PendingStatement& st, uint32_t end, std::vector<Event>* out);
  // "during a visit to Washington": a visit noun with a 'to' target, made by
  // the subject of the clause's verb.
  void CodeNounTriggers(std::vector<Event>* out);
  // "said in Beirut that …": an official speaking in another state visits it.
  void CodeSpokenAbroad(const PendingStatement& st, std::vector<Event>* out);
  // "Moscow will return to the deal only if the West reconnects its bank":
  // a condition set on another side's act demands that act of it (10).
  void CodeOnlyIf(std::vector<Event>* out);

 private:
  bool IntentAllowed(int v, const Clause& c, bool* unnamed, bool refusal = false) const;
  // "X is willing / ready / prepared to …": verb group v is an infinitive
  // under plainly stated readiness.
  bool DeclaredReadiness(int v, const Clause& c) const;
  // Phrase np is a speaker's "we", "I" or "the country / the kingdom".
  bool SpeakerSelf(int np) const;
  // The saying verb whose words verb group v is part of (a "that"
  // complement, or a quotation before the speaker), or -1.
  int SpeakerVerb(int v) const;
  bool HostAnnounces(int v, const std::vector<ActorRef>& speakers) const;
  // The actors of the saying verb that governs v, unless that verb's
  // subject is the phrase not_np; none when no saying verb governs v.
  std::vector<ActorRef> SpeakerSources(int v, int not_np) const;
  // True when the speaker (`sources`) is the subject `sj` of verb group g
  // and says it will not do the act: g is negated, or "no", "not" or
  // "never" stands between the subject and g ("has no plans to invade").
  bool OwnActDenied(const std::vector<ActorRef>& sources, int sj, int g) const;
  // "sent reinforcements to Poland", "troops to Belarus for joint
  // exercises": the code of forces sent to a state as support (074) or
  // cooperation (062); "" when they are a posture. `together`: the act is
  // both sides' (joint exercises), not one side's (forces sent to serve
  // beside the host's).
  std::string ForcesToPartnerCode(int v, uint32_t end, bool* together) const;
  // "is weighing sending troops", "reviewing whether to supply arms": the
  // verb group of the weighing that governs gerund or infinitive v, or -1.
  int ConsideringGovernor(int v) const;
  // "an investigation into the Russian missile strike": the attacker named
  // in the "into" phrase of verb group v (up to `end`), when it names one.
  bool InvestigatedAttacker(int v, uint32_t end, const std::vector<ActorRef>& sources, ActorRef* t) const;
  // "ready to pull back if India does the same": the other side named as
  // the subject of an if/unless clause after verb group v.
  bool ConditionParty(int v, const std::vector<ActorRef>& sources, ActorRef* t) const;
  // "ordered troops to withdraw": verb group g orders forces (its own
  // side's, not another state's) to do the infinitive v.
  bool OrderedForces(int g, int v) const;
  // "gunmen seized a freighter off Aden": verb group v seizes a ship,
  // plane or bus and every source is an armed group no state commands.
  bool HijackedCraft(int v, const std::vector<ActorRef>& sources) const;
  // "10,000 North Korean soldiers were sent to Russia": for a passive send
  // or deployment of forces named for a state (phrase subj), that state as
  // the source and the "to" phrase as the target.
  bool SentForces(int v, int subj, uint32_t end, std::vector<ActorRef>* sources,
                  std::vector<ActorRef>* targets) const;
  // "lifted the tariffs it imposed on Australian barley": the actor of the
  // "on" phrase of the imposing relative right after lifting verb v.
  bool ImposedOnTarget(int v, const std::vector<ActorRef>& sources, ActorRef* t) const;
  // "has no plans to send", "does not intend to attack": infinitive verb
  // group g under a negated governor.
  bool DeniedIntent(int g) const;
  // "…, X said …": the speaker (starting at word `first`) follows a comma
  // that closes a clause.
  bool TrailingSpeaker(uint32_t first) const;
  // "by telephone" / "by phone" among words [b, end).
  bool ByTelephone(uint32_t b, uint32_t end) const;
  // "condemned the strike", "denied the incursion": the actor of the
  // latest act of the story (within eight sentences) that a definite event
  // noun right after verb group v refers back to; false when none.
  bool ReactionTarget(int v, uint32_t end, const std::vector<ActorRef>& sources,
                      const std::vector<Event>& story, bool deny, ActorRef* t) const;
  bool ToldActTarget(int np, const std::vector<ActorRef>& sources, const std::vector<Event>& story, bool deny,
                     ActorRef* t) const;
  void CopulaJudgement(int v, const Clause& c, std::vector<Event>* out);
  // "Reports that its troops crossed the border are false, Cairo said": a
  // speaker who calls a report untrue denies it (016), toward the other
  // party the report names. True when it coded (copula verb group v).
  bool FalseReport(int v, std::vector<Event>* out);
  // How many the object of verb group v counts ("at least 120 villagers":
  // 120; "hundreds of": 200; "thousands of": 2000); 0 when no number.
  long VictimCount(int v, uint32_t end) const;
  // "a swap mediated by the UAE", "talks brokered by Qatar": the mediator
  // (045) toward each party of the act it brokered. False when it is not
  // such a participle or names no one.
  bool Mediation(int v, std::vector<Event>* out);
  // Traces why verb group v gave no event: "'word'" + suffix.
  void Drop(int v, const std::string& suffix) const;

  const StoryEnv& env_;
  SentenceAnalysis& a_;
  const Clauses& clauses_;
  const Roles& roles_;
  Patterns& patterns_;
  const Discourse& discourse_;
  const Emitter& emitter_;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_EVENTS_H_
