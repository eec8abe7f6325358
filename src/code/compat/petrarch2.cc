// PETRARCH-2's reading of a sentence as a tree of verb phrases: codes
// composed across nested verbs, patterns and targets kept inside a verb's
// own phrase. It goes with the CAMEO 2.0 verb dictionary, the one that
// carries the transformations (`compose` rules); the PETRARCH unit-test
// dictionaries were written for patterns that reach past clauses.
#include <algorithm>
#include <optional>

#include "code/compat/reference_events.h"
#include "code/petrarch_combine.h"

namespace dyad::code::compat {

using parse::Tag;
using parse::VerbGroup;

// True when the verb group says "not" (PETRARCH-2 negates only on the word
// "not": "didn't" and "never" leave the act as it is).
bool ReferenceEvents::SaysNot(int v) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  for (uint32_t k = vg.b; k < vg.e; ++k) {
    if (a_.parse.words[k].lower == "not") return true;
  }
  return false;
}

// The verb group whose code PETRARCH-2 folds the infinitive `v` into, or
// -1. The infinitive must follow its coded governor directly ("wants to
// attack", "is due to attend"; adverbs may come between) or after
// one noun phrase naming an actor, the one the governor acts on ("asking
// Obama to help": *object_np). An infinitive after any other words
// ("held talks with X to discuss", "efforts to counter") belongs to a
// noun or an adjunct, which PETRARCH-2 does not compose.
int ReferenceEvents::ComposedGovernor(int v, const Clause& c, int* object_np) const {
  *object_np = -1;
  if (c.kind != parse::ClauseKind::kInfinitive || c.governor_vg < 0) return -1;
  int g = c.governor_vg;
  if (g >= v || a_.verbs[g].code.empty()) return -1;
  return InfinitiveOf(v, g, object_np) ? g : -1;
}

// True when the infinitive `v` follows verb `g` directly or after one
// actor's noun phrase (*object_np), adverbs aside.
bool ReferenceEvents::InfinitiveOf(int v, int g, int* object_np) const {
  *object_np = -1;
  uint32_t k = a_.parse.verbs[g].e, b = a_.parse.verbs[v].b;
  while (k < b && a_.parse.words[k].tag == Tag::kAdv) ++k;
  if (k < b && a_.phrase_of[k] >= 0) {
    const Phrase& np = a_.phrases[a_.phrase_of[k]];
    bool actor = std::any_of(np.actors.begin(), np.actors.end(),
                             [](const ActorRef& a) { return !a.code.empty() && !a.place; });
    if (!actor || np.prep >= 0) return false;
    *object_np = a_.phrase_of[k];
    k = np.e;
  }
  while (k < b && a_.parse.words[k].tag == Tag::kAdv) ++k;
  return k == b;
}

// Gives verb `v`'s code as PETRARCH-2 would have it: negated when the
// group says "not" (and the pattern does not), composed with governor `g` (when g >= 0; its
// events give way to the composed one). False when the result has no CAMEO code (PETRARCH-2 then
// codes nothing): the verb is not coded.
bool ReferenceEvents::ComposePetrarch(int v, int g, bool negation_in_pattern, std::string* code,
                     std::string* pattern_text, std::vector<Event>* out) {
  const std::string word(a_.parse.words[a_.parse.verbs[v].head].lower);
  std::string result = *code;
  // A code outside CAMEO (a WEIS-era "904") has no place in the ontology.
  if (!petrarch::ToOntology(result)) return true;
  if (SaysNot(v) && !negation_in_pattern) result = petrarch::NegateCameo(result);
  if (g >= 0 && !result.empty()) {
    int object_np = -1;
    ComposedGovernor(v, clauses_.Of(v), &object_np);
    std::optional<int> lower = petrarch::ToOntology(result);
    const ComposeRule* rule =
        object_np >= 0 ? petrarch::FindRule(env_.lex.compose_rules(), a_.verbs[g].code, result, 'b')
                       : nullptr;
    if (rule) {
      // "wants Biden to attack": the dictionary's transformation (021).
      result = rule->result == "*" ? result : rule->result;
    } else if (object_np >= 0 && lower && petrarch::IsHighLevel(*lower)) {
      result.clear();  // "wants Biden to meet Kenya": no code for Biden
    } else {
      result = petrarch::CombineCameo(a_.verbs[g].code, result);
    }
    if (!result.empty() && SaysNot(g)) result = petrarch::NegateCameo(result);
    DropEvents(g, out);
    const std::string gword(a_.parse.words[a_.parse.verbs[g].head].lower);
    if (Tracing(env_)) {
      Trace(env_, a_, "'" + word + "' (" + *code + ") composed with '" + gword + "' (" + a_.verbs[g].code +
            "): " + (result.empty() ? "no CAMEO code" : result));
    }
    *pattern_text += " (composed with '" + gword + "')";
  } else if (result != *code && Tracing(env_)) {
    Trace(env_, a_, "'" + word + "' (" + *code +
          ") negated: " + (result.empty() ? "no CAMEO code" : result));
  }
  if (result.empty()) return false;
  *code = result;
  a_.verbs[v].code = result;
  return true;
}

// Where verb `v`'s phrase ends for PETRARCH-2's targets: at the subject
// of the next verb that has one of its own after `v` ("…, US Deputy
// Secretary Kupfer said"), else the end of the sentence.
uint32_t ReferenceEvents::PhraseEnd(int v) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  for (size_t u = static_cast<size_t>(v) + 1; u < a_.parse.verbs.size(); ++u) {
    const VerbGroup& ug = a_.parse.verbs[u];
    if (ug.infinitive || ug.gerund || ug.participle) continue;
    uint32_t k = ug.b;
    if (k > vg.e && a_.phrase_of[k - 1] >= 0 && a_.phrases[a_.phrase_of[k - 1]].prep < 0 &&
        a_.phrases[a_.phrase_of[k - 1]].b >= vg.e) {
      return a_.phrases[a_.phrase_of[k - 1]].b;
    }
  }
  return static_cast<uint32_t>(a_.parse.words.size());
}

// "There were 12 Malian soldiers killed in Niger": a past form after
// an existential's noun phrase is a participle (PETRARCH-2 reads the
// sentence as "12 Malian soldiers were killed in Niger").
bool ReferenceEvents::ExistentialParticiple(int v) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  if (v == 0 || vg.b != vg.head || a_.parse.words[vg.head].vform != parse::VForm::kPast) return false;
  if (vg.b == 0 || a_.phrase_of[vg.b - 1] < 0) return false;
  const Phrase& np = a_.phrases[a_.phrase_of[vg.b - 1]];
  const VerbGroup& be = a_.parse.verbs[v - 1];
  return be.copula && be.e == np.b && be.b > 0 && a_.parse.words[be.b - 1].lower == "there";
}

// "The villagers detained for helping the rebels were freed": a
// bare past form after a noun phrase that a later verb takes as its
// subject is a participle in that phrase (PETRARCH-2's parser makes it
// one), so a passive.
bool ReferenceEvents::ReducedRelativePetrarch(int v) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  if (vg.b != vg.head || vg.b == 0 || a_.parse.words[vg.head].vform != parse::VForm::kPast)
    return false;
  int np = a_.phrase_of[vg.b - 1];
  if (np < 0 || a_.phrases[np].prep >= 0 || vg.e >= a_.parse.words.size() ||
      a_.parse.words[vg.e].tag != Tag::kPrep) {
    return false;
  }
  for (size_t u = static_cast<size_t>(v) + 1; u < a_.parse.verbs.size(); ++u) {
    const VerbGroup& ug = a_.parse.verbs[u];
    if (!ug.finite || ug.b == ug.head) continue;  // a later verb with its auxiliary
    return SubjectBackPetrarch(static_cast<int>(u)) == np;
  }
  return false;
}

// A passive as PETRARCH-2 read it ("were killed in Ukraine by X", also a
// participle after a noun, "soldiers killed in Ukraine"): the sources are
// the actors after "by", "from" or "in" in the verb's phrase; the target
// is the subject, else the first actor after "at", "against", "into" or
// "towards". A passive with no source has no event of its own (a verb
// that reports it may still code it).
void ReferenceEvents::PassivePetrarch(int v, int subj, std::vector<ActorRef>* sources,
                     std::vector<ActorRef>* targets) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  uint32_t end = ComplementStart(v);
  sources->clear();
  targets->clear();
  if (subj < 0) subj = SubjectBackPetrarch(v);
  *targets = roles_.Targets(subj);
  // "Proof against Iran was shown": a phrase naming no actor
  // stands for the actor of its prepositional phrase.
  for (uint32_t k = subj >= 0 ? a_.phrases[subj].e : vg.b; targets->empty() && k + 1 < vg.b; ++k) {
    if (a_.VerbAt(k) >= 0 || a_.parse.words[k].tag != Tag::kPrep || a_.phrase_of[k + 1] < 0) break;
    *targets = roles_.Targets(a_.phrase_of[k + 1]);
    k = a_.phrases[a_.phrase_of[k + 1]].e - 1;
  }
  for (uint32_t k = vg.e; k + 1 < end; ++k) {
    if (a_.VerbAt(k) >= 0) break;  // the next verb's phrase
    int np = a_.phrase_of[k + 1];
    if (np < 0 || a_.phrase_of[k] == np) continue;
    std::string_view prep = a_.parse.words[k].lower;
    bool by = prep == "by" || prep == "from" || prep == "in";
    bool at = prep == "at" || prep == "against" || prep == "into" || prep == "towards";
    for (ActorRef a : a_.phrases[np].actors) {
      if (a.code.empty() || a.weak) continue;
      a.place = false;
      if (by) sources->push_back(a);
      if (at && targets->empty()) targets->push_back(a);
    }
  }
}

// False (with a trace) for a verb PETRARCH-2 reads no event of its own
// in: a participle clause after a verb that was coded ("bombarded
// Aleppo, killing eight people": the phrase already has its event) and an
// infinitive after a noun ("to weigh plans to fight the insurgents": part of
// the noun phrase).
bool ReferenceEvents::PetrarchCodes(int v, const Clause& c) {
  const VerbGroup& vg = a_.parse.verbs[v];
  const std::string word(a_.parse.words[vg.head].lower);
  if (c.kind == parse::ClauseKind::kParticiple) {
    int m = clauses_.MainVerbBefore(v);
    if (m >= 0 && a_.verbs[m].coded) {
      if (Tracing(env_)) Trace(env_, a_, "'" + word + "' not coded: a participle clause after a coded verb");
      return false;
    }
  }
  // "for helping young militants join a group": the gerund's object and
  // its verb are inside the prepositional phrase too.
  int subj = a_.verbs[v].subject;
  if (subj >= 0 && a_.phrases[subj].b > 0 && a_.phrases[subj].b < vg.b) {
    int u = a_.VerbAt(a_.phrases[subj].b - 1);
    if (u >= 0 && u < v && a_.verbs[u].in_pp) {
      if (Tracing(env_)) Trace(env_, a_, "'" + word + "' not coded: inside a gerund's prepositional phrase");
      return false;
    }
  }
  if (c.kind == parse::ClauseKind::kInfinitive && vg.b > 0 && a_.phrase_of[vg.b - 1] >= 0 &&
      a_.parse.words[vg.b - 1].tag == Tag::kNoun && roles_.Sources(a_.phrase_of[vg.b - 1]).empty()) {
    if (Tracing(env_)) Trace(env_, a_, "'" + word + "' not coded: an infinitive after a noun");
    return false;
  }
  return true;
}

// The subject of verb `v` found back over prepositional phrases, gerunds
// and participles ("The villagers detained for helping the rebels
// were released": the civilians), or -1.
int ReferenceEvents::SubjectBackPetrarch(int v) const {
  uint32_t k = a_.parse.verbs[v].b;
  while (k > 0) {
    uint32_t t = k - 1;
    if (a_.phrase_of[t] >= 0) {
      const Phrase& np = a_.phrases[a_.phrase_of[t]];
      if (np.prep < 0) return a_.phrase_of[t];
      k = static_cast<uint32_t>(np.prep);
      continue;
    }
    int g = a_.VerbAt(t);
    if (g >= 0) {
      const VerbGroup& gv = a_.parse.verbs[g];
      if (!(gv.gerund || (gv.b == gv.head && a_.parse.words[gv.head].vform == parse::VForm::kPast)))
        break;
      k = gv.b;
      continue;
    }
    Tag tag = a_.parse.words[t].tag;
    if (tag != Tag::kPrep && tag != Tag::kAdv && tag != Tag::kTime) break;
    k = t;
  }
  return -1;
}

// PETRARCH-2 matches a passive verb's patterns the other way round: the
// words after the verb in the pattern are sought in the subject ("Evidence
// against Russia was presented": `* EVIDENCE` [1124]), the words before it
// after "by" ("was torn down by a rioter": `PROTESTOR *` [145]).
// Patterns with target or source slots are not tried.
PatternHit ReferenceEvents::PassivePatternPetrarch(const VerbEntry& ve, int v, int subj) {
  const VerbGroup& vg = a_.parse.verbs[v];
  PatternHit best;
  if (subj < 0) subj = SubjectBackPetrarch(v);
  // The subject's words (with its prepositional phrases) up to the verb.
  VerbGroup window = vg;
  uint32_t end = vg.b;
  window.e = subj >= 0 ? a_.phrases[subj].b : vg.b;
  // The by-phrase: its words end where the "before" words are sought from.
  window.head = vg.e;
  for (uint32_t k = vg.e; k + 1 < a_.parse.words.size(); ++k) {
    if (a_.VerbAt(k) >= 0) break;
    if (a_.parse.words[k].lower == "by" && a_.phrase_of[k + 1] >= 0) {
      window.head = a_.phrases[a_.phrase_of[k + 1]].e;
      break;
    }
  }
  patterns_.SetWindow(window.e, end);
  for (const VerbPattern& pat : ve.patterns) {
    bool slots = pat.subject_is_target || pat.compound_subject;
    for (const PatternElement& el : pat.elements)
      slots = slots || el.target || el.source || el.skip_phrase;
    if (slots || (pat.before.empty() && window.e >= end) ||
        (!pat.before.empty() && window.head == vg.e)) {
      continue;
    }
    PatternHit hit;
    if (!patterns_.Match(pat, window, end, subj, &hit)) continue;
    if (hit.score > best.score || (hit.score == best.score && best.pattern &&
                                   SamePatternWords(*hit.pattern, *best.pattern))) {
      best = hit;
    }
  }
  return best;
}

// The first token of a clause or infinitive verb `v` governs ("said
// (that) he would …", "agreed to lift …"), or the end of the sentence.
uint32_t ReferenceEvents::ComplementStart(int v) const {
  for (size_t u = static_cast<size_t>(v) + 1; u < a_.parse.verbs.size(); ++u) {
    Clause c = clauses_.Of(static_cast<int>(u));
    int object_np = -1;
    if (c.kind == parse::ClauseKind::kInfinitive && c.governor_vg == v &&
        InfinitiveOf(static_cast<int>(u), v, &object_np)) {
      // "agreed to lift sanctions": the infinitive's words are its own;
      // "asking Biden to help": the one asked stays the verb's.
      return a_.parse.verbs[u].b;
    }
    if (c.kind != parse::ClauseKind::kThat || c.governor_vg != v) continue;
    uint32_t b = a_.parse.verbs[u].b;
    if (c.intro >= 0) return std::min<uint32_t>(b, static_cast<uint32_t>(c.intro));
    // "said he would": the clause begins with its subject.
    if (b > a_.parse.verbs[v].e && a_.phrase_of[b - 1] >= 0 && a_.phrases[a_.phrase_of[b - 1]].prep < 0) {
      return a_.phrases[a_.phrase_of[b - 1]].b;
    }
    return b;
  }
  return static_cast<uint32_t>(a_.parse.words.size());
}

// A verb in a clause that a coded verb governs ("The US claimed that ISIL
// had attacked Iraq"): PETRARCH-2 codes the reporting verb's subject A
// toward the nested event: by the dictionary's transformations (`compose`
// rules: "A said that B attacked" is A>B 112), else by folding the two
// codes (A>B when the nested act has a source B, A>its target when not),
// which gives nothing CAMEO can say for most pairs. The nested event is
// never coded on its own, nor the reporting verb's. Returns true when it
// took the verb (whatever it emitted).
bool ReferenceEvents::ReportedPetrarch(int v, const Clause& c, const std::vector<ActorRef>& inner_sources,
                      const std::vector<ActorRef>& inner_targets, const std::string& code,
                      const std::string& pattern_text, const std::string& origin,
                      std::vector<Event>* out) {
  int g = -1;
  if (c.kind == parse::ClauseKind::kThat && c.governor_vg >= 0 && c.governor_vg < v &&
      !a_.verbs[c.governor_vg].code.empty()) {
    g = c.governor_vg;
  } else if (c.kind == parse::ClauseKind::kTemporal || c.kind == parse::ClauseKind::kReason ||
             c.kind == parse::ClauseKind::kCondition) {
    // "comes a week before Lula flies to Tokyo": a clause after the
    // main verb belongs to its phrase; coded only when the main verb gave
    // nothing, and then through it.
    int m = clauses_.MainVerbBefore(v);
    if (m >= 0 && c.intro >= 0 && a_.parse.verbs[m].e <= static_cast<uint32_t>(c.intro)) {
      if (a_.verbs[m].events.second > a_.verbs[m].events.first) {
        if (Tracing(env_)) {
          Trace(env_, a_, "'" + std::string(a_.parse.words[a_.parse.verbs[v].head].lower) +
                "' not coded: its clause belongs to a coded verb");
        }
        return true;
      }
      if (!SubjectActorsPetrarch(m).empty()) g = m;
    }
  }
  if (g < 0) return false;
  const std::string outer = a_.verbs[g].code.empty() ? "---" : a_.verbs[g].code;
  const std::string word(a_.parse.words[a_.parse.verbs[v].head].lower);
  const std::string gword(a_.parse.words[a_.parse.verbs[g].head].lower);
  DropEvents(g, out);
  std::vector<ActorRef> reporters = SubjectActorsPetrarch(g);
  a_.verbs[v].reported = true;
  std::vector<ActorRef> targets;
  for (const ActorRef& t : inner_targets) {
    if (!t.place) targets.push_back(t);
  }
  char source = inner_sources.empty() ? '_' : 'b';
  for (const ActorRef& s : inner_sources) {
    for (const ActorRef& r : reporters) {
      if (s.code == r.code) source = 'a';
    }
  }
  const ComposeRule* rule = petrarch::FindRule(env_.lex.compose_rules(), outer, code, source);
  std::string result;
  const std::vector<ActorRef>* others = &targets;
  std::string how;
  if (rule) {
    result = rule->result == "*" ? code : rule->result;
    if (rule->source == 'b' && source != '_') others = &inner_sources;
    how = "transformation " + rule->origin;
  } else if (source == '_') {
    result = petrarch::CombineCameo(outer, code);
    how = "composed with '" + gword + "'";
  } else {
    std::optional<int> q = petrarch::ToOntology(code);
    if (q && !petrarch::IsHighLevel(*q)) result = petrarch::CombineCameo(outer, code);
    others = &inner_sources;
    how = "composed with '" + gword + "'";
  }
  if (Tracing(env_)) {
    Trace(env_, a_, "'" + word + "' (" + code + ") reported by '" + gword + "' (" + outer + "): " +
          (result.empty() ? "no CAMEO code" : result) + (rule ? " by " + rule->origin : ""));
  }
  if (result.empty() || reporters.empty()) return true;
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  for (const ActorRef& r : reporters) {
    for (const ActorRef& t : *others) {
      if (r.code != t.code) pairs.push_back({r, t});
    }
  }
  size_t before = out->size();
  emitter_.Emit(g, pairs, result, pattern_text + " (reported by '" + gword + "')", origin, how, out);
  a_.verbs[v].events = {before, out->size()};
  if (out->size() > before) a_.verbs[v].coded = true;
  return true;
}

// The actors of verb `v`'s subject; for a subject that names none,
// PETRARCH-2's reading of a noun phrase with a participle in it: "A
// 500-page report released Tuesday in the Rwandan capital alleged" takes
// the participle's source (the Rwandan capital: RWA).
std::vector<ActorRef> ReferenceEvents::SubjectActorsPetrarch(int v) const {
  int subj = a_.verbs[v].subject;
  std::vector<ActorRef> a = roles_.Sources(subj);
  if (!a.empty()) return a;
  // Back over time words and prepositional phrases to a bare past form
  // that follows a noun phrase naming no actor.
  uint32_t k = a_.parse.verbs[v].b;
  while (k > 0 && a_.VerbAt(k - 1) < 0) {
    Tag t = a_.parse.words[k - 1].tag;
    int np = a_.phrase_of[k - 1];
    if (np >= 0 && a_.phrases[np].prep >= 0)
      k = a_.phrases[np].prep;
    else if (np < 0 && (t == Tag::kTime || t == Tag::kAdv))
      --k;
    else
      break;
  }
  int p = k > 0 ? a_.VerbAt(k - 1) : -1;
  if (p < 0 || p >= v) return a;
  const VerbGroup& pg = a_.parse.verbs[p];
  if (pg.b != pg.head || pg.b == 0 || a_.parse.words[pg.head].vform != parse::VForm::kPast) return a;
  int np = a_.phrase_of[pg.b - 1];
  if (np < 0 || !roles_.Sources(np).empty()) return a;
  std::vector<ActorRef> targets;
  PassivePetrarch(p, np, &a, &targets);
  return a;
}

// "A report alleged that France was aware of …": a clause whose verb
// codes nothing still names an actor, and PETRARCH-2 codes the reporting
// verb toward it (RWA>FRA 110). Only the first verb of each clause a coded
// verb governs, when no verb came before it in the clause.
void ReferenceEvents::UncodedClauses(std::vector<Event>* out) {
  std::vector<bool> dropped(a_.parse.verbs.size(), false);
  for (size_t u = 0; u < a_.parse.verbs.size(); ++u) {
    int v = static_cast<int>(u);
    if (a_.verbs[u].reported || !a_.verbs[u].code.empty()) continue;
    Clause c = clauses_.Of(v);
    if (c.kind != parse::ClauseKind::kThat || c.governor_vg < 0 || c.governor_vg >= v) continue;
    int g = c.governor_vg;
    if (a_.verbs[g].code.empty()) continue;
    uint32_t from = c.intro >= 0 ? static_cast<uint32_t>(c.intro) : a_.parse.verbs[g].e;
    bool first = true;
    for (uint32_t k = from; k < a_.parse.verbs[u].b; ++k) first = first && a_.VerbAt(k) < 0;
    if (!first) continue;
    std::vector<ActorRef> reporters = SubjectActorsPetrarch(g);
    std::vector<ActorRef> named = roles_.Sources(roles_.Subject(v, c));
    std::vector<std::pair<ActorRef, ActorRef>> pairs;
    for (const ActorRef& r : reporters) {
      for (const ActorRef& t : named) {
        if (r.code != t.code) pairs.push_back({r, t});
      }
    }
    if (pairs.empty()) continue;
    const std::string gword(a_.parse.words[a_.parse.verbs[g].head].lower);
    if (Tracing(env_)) {
      Trace(env_, a_, "'" + gword + "' (" + a_.verbs[g].code + ") coded toward the subject of '" +
            std::string(a_.parse.words[a_.parse.verbs[u].head].lower) + "'");
    }
    // The governing verb's own events give way, once: a second clause of
    // the same verb adds its event to the first's.
    if (!dropped[g]) DropEvents(g, out);
    dropped[g] = true;
    size_t before = out->size();
    emitter_.Emit(g, pairs, a_.verbs[g].code, gword + " (toward a clause's subject)", "", "clause subject",
         out);
    a_.verbs[v].events = {before, out->size()};
  }
}

// Takes back the events verb group `g` gave.
void ReferenceEvents::DropEvents(int g, std::vector<Event>* out) {
  auto [b, e] = a_.verbs[g].events;
  if (e <= b || e > out->size()) return;
  out->erase(out->begin() + static_cast<std::ptrdiff_t>(b),
             out->begin() + static_cast<std::ptrdiff_t>(e));
  size_t n = e - b;
  for (VerbState& vs : a_.verbs) {
    auto& [rb, re] = vs.events;
    if (rb >= e) {
      rb -= n;
      re -= n;
    }
  }
  a_.verbs[g].events = {b, b};
  a_.verbs[g].coded = false;
}

}  // namespace dyad::code::compat
