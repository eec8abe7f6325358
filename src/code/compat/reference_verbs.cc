// One verb group coded as TABARI and PETRARCH coded it.
#include <algorithm>

#include "code/compat/reference_events.h"
#include "code/places.h"

namespace dyad::code::compat {

using parse::Tag;
using parse::VerbGroup;
using parse::Word;

ReferenceEvents::ReferenceEvents(const StoryEnv& env, SentenceAnalysis* a, const Clauses& clauses,
                                 const Roles& roles, Patterns* patterns,
                                 const Discourse& discourse, const Emitter& emitter,
                                 EventStage* statements)
    : env_(env), a_(*a), clauses_(clauses), roles_(roles), patterns_(*patterns),
      discourse_(discourse), emitter_(emitter), statements_(*statements),
      p2_(env.opt.semantics == Semantics::kPetrarch && !env.lex.compose_rules().empty()) {}

void ReferenceEvents::CodeVerb(int v, std::vector<Event>* out) {
  const VerbGroup& vg = a_.parse.verbs[v];
  const Word& hw = a_.parse.words[vg.head];
  const auto& w = a_.parse.words;
  const bool tracing = Tracing(env_);
  Clause c = clauses_.Of(v);
  // The reference coders give "Peru is about to reopen" the subject of "is".
  int subj = roles_.Subject(v, c);
  a_.verbs[v].subject = subj;
  if (vg.copula || !hw.event_verb) return;
  const VerbEntry* ve = env_.lex.Verb(hw.lemma, hw.info);
  if (!ve) return;
  std::string why = clauses_.Blocked(v, c);
  // "wants to attack": PETRARCH-2 folds the infinitive's code into its
  // governing verb's (ComposedGovernor decides when it does).
  int object_np = -1;
  int compose_with = p2_ ? ComposedGovernor(v, c, &object_np) : -1;
  if (compose_with < 0 && env_.opt.semantics == Semantics::kPetrarch &&
      c.kind == parse::ClauseKind::kInfinitive && c.governor_vg >= 0 &&
      a_.verbs[c.governor_vg].coded) {
    // "urged Chile to help": PETRARCH codes the verb phrase once, by its
    // first coded verb (TABARI's suite expects both under CODE ALL).
    if (tracing) Trace(env_, a_, "'" + std::string(hw.lower) + "' not coded: its governing verb was");
    return;
  }
  if (p2_ && compose_with < 0 && !PetrarchCodes(v, c)) return;
  if (p2_ && vg.gerund && vg.b > 0 && compose_with < 0) {
    // "mainly by funding clinics": PETRARCH-2 reads no event in a
    // prepositional phrase.
    uint32_t k = vg.b;
    while (k > 0 && w[k - 1].tag == Tag::kAdv) --k;
    if (k > 0 && w[k - 1].tag == Tag::kPrep) {
      if (tracing) {
        Trace(env_, a_, "'" + std::string(hw.lower) + "' not coded: a gerund in a prepositional phrase");
      }
      a_.verbs[v].in_pp = true;
      return;
    }
  }
  if (!why.empty() && (why != "gerund" || env_.opt.semantics == Semantics::kTabari)) {
    // TABARI and PETRARCH code the act whatever its tense, mood or polarity.
    if (tracing) {
      Trace(env_, a_, "'" + std::string(hw.lower) + "' coded as the reference coders do (dyad: " + why + ")");
    }
    why.clear();
  }
  if (!why.empty()) {
    if (tracing) Trace(env_, a_, "'" + std::string(hw.lower) + "' not coded: " + why);
    return;
  }
  // TABARI and PETRARCH look for a pattern's words to the end of the
  // sentence, past clause boundaries; PETRARCH-2 in the verb's own phrase,
  // not inside a clause it governs ("said it would not offer aid").
  uint32_t end = p2_ ? ComplementStart(v) : static_cast<uint32_t>(w.size());
  const uint32_t target_end = p2_ ? std::min(end, PhraseEnd(v)) : static_cast<uint32_t>(w.size());
  PatternHit best = patterns_.Best(*ve, v, end, subj);
  const bool passive_p2 =
      p2_ && (vg.passive || vg.participle || ExistentialParticiple(v) || ReducedRelativePetrarch(v));
  if (passive_p2) best = PassivePatternPetrarch(*ve, v, subj);
  std::string code, pattern_text, origin, paired;
  if (best.pattern) {
    code = best.pattern->code;
    paired = best.pattern->paired_code;
    pattern_text = best.pattern->text;
    origin = best.pattern->origin;
  } else if (!ve->code.empty()) {
    code = ve->code;
    paired = ve->paired_code;
    pattern_text = ve->lemma;
    origin = ve->code_origin;
  } else {
    if (tracing) Trace(env_, a_, "'" + std::string(hw.lower) + "': no pattern of '" + ve->lemma + "' matched");
    return;
  }
  if (p2_) {
    // A pattern with words before the verb ("not [allow]") codes the
    // negation itself.
    bool negation_in_pattern = best.pattern && !best.pattern->before.empty();
    if (!ComposePetrarch(v, compose_with, negation_in_pattern, &code, &pattern_text, out)) return;
    if (compose_with >= 0) paired.clear();  // the pair named the verb's own act
  }
  const EventCodeInfo* info = env_.lex.EventCode(code);
  if (!info) return;
  std::vector<ActorRef> sources, targets;
  std::string how;
  // "Turkey is opposed to Swedish mediation": a state, not a passive.
  bool stative = vg.passive && vg.e < w.size() && w[vg.e].lower == "to" &&
                 (hw.lemma == "oppose" || hw.lemma == "commit" || hw.lemma == "dedicate");
  if (passive_p2 && !stative) {
    PassivePetrarch(v, subj, &sources, &targets);
    how = "passive";
  } else if (vg.passive && !stative) {
    // "was attacked by X": X is the source, the subject the target.
    for (uint32_t k = vg.e; k + 1 < end + 1 && k + 1 < w.size(); ++k) {
      if (w[k].lower == "by" && a_.phrase_of[k + 1] >= 0) {
        sources = roles_.Sources(a_.phrase_of[k + 1]);
        break;
      }
    }
    targets = roles_.Targets(subj);
    how = "passive";
    if (sources.empty() && env_.opt.semantics == Semantics::kTabari) {
      // "A Peruvian was shot dead in Quito": with no "by", TABARI
      // takes the first actor after the verb as the source.
      int np = roles_.FirstActorAfter(v, end, targets);
      if (np >= 0) sources = roles_.Sources(np);
    } else if (sources.empty() && env_.opt.semantics == Semantics::kPetrarch) {
      // PETRARCH reads a passive with no "by" as active: "Peru
      // was criticized over its quarrel with Chile" is PER>CHL.
      sources = roles_.Sources(subj);
      int np = roles_.FirstActorAfter(v, end, sources);
      targets = np >= 0 ? roles_.Targets(np) : std::vector<ActorRef>();
    }
  } else if (best.pattern && (best.source_np >= 0 || best.pattern->subject_is_target)) {
    // "+ [receive] money from$": the pattern names who is who.
    sources = best.source_np >= 0 ? roles_.Sources(best.source_np) : std::vector<ActorRef>();
    targets = best.pattern->subject_is_target ? roles_.Targets(subj) : roles_.Targets(best.target_np);
    if (p2_ && sources.empty() && best.pattern->subject_is_target) {
      // PETRARCH-2's passive meaning ("received assurances from X"): the
      // source as for a passive, after "by", "from" or "in".
      std::vector<ActorRef> subject_targets;
      PassivePetrarch(v, subj, &sources, &subject_targets);
    }
    if (!best.pattern->subject_is_target && best.target_np < 0) {
      int np = roles_.FirstActorAfter(v, target_end, sources);
      if (np >= 0 && np != best.source_np) targets = roles_.Targets(np);
    }
    how = "pattern";
  } else {
    sources = p2_ ? SubjectActorsPetrarch(v) : roles_.Sources(subj);
    if (best.target_np >= 0) {
      targets = roles_.Targets(best.target_np);
      how = "pattern";
    } else {
      // TABARI and PETRARCH: the first actor after the verb, whatever
      // preposition governs it.
      int np = roles_.FirstActorAfter(v, target_end, sources);
      if (np >= 0) targets = roles_.Targets(np);
      how = "first actor after the verb";
    }
  }
  if (compose_with >= 0 && object_np >= 0) {
    // "The Senate is asking Biden to help Kenya": the asker acts on the one asked.
    sources = roles_.Sources(a_.verbs[compose_with].subject);
    targets = roles_.Targets(object_np);
    how = "composed with its governing verb";
  }
  if (p2_ && ReportedPetrarch(v, c, sources, targets, code, pattern_text, origin, out)) return;
  if (sources.empty()) {
    if (tracing) Trace(env_, a_, "'" + std::string(hw.lower) + "' (" + code + "): no source actor");
    return;
  }
  if (targets.empty() && (!vg.passive || stative)) {
    // A response with no named target answers the story's main counterpart.
    ActorRef t;
    if (discourse_.StoryCounterpart(info->root, sources, &t)) {
      targets.push_back(t);
      how = "story counterpart";
    }
  }
  // Violence done with the means of war is conventional military force (19).
  if (info->root == "18" && !sources.empty() &&
      std::all_of(sources.begin(), sources.end(), [](const ActorRef& x) { return x.weapon; })) {
    code = "190";
    info = env_.lex.EventCode(code);
    pattern_text += " (by military means)";
  }
  if (parse::IsSayVerb(ve->lemma) && info->root == "01") {
    // Decided once every reported act of the sentence has been coded.
    a_.statements.push_back({v, sources, code, pattern_text, origin});
    return;
  }
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  bool reciprocal = false;
  std::vector<ActorRef> real_targets;
  for (const ActorRef& t : targets) {
    if (!roles_.OwnActor(sources, t) || t.place) real_targets.push_back(t);
  }
  bool only_where = std::all_of(real_targets.begin(), real_targets.end(),
                                [](const ActorRef& t) { return t.place || t.weak; });
  // The reference coders make a compound subject with no target act on
  // itself: "Peru and Chile renewed ties" gives PER>CHL and CHL>PER.
  const bool compound_subject = best.pattern && best.pattern->compound_subject;
  bool compound_alone = real_targets.empty() || compound_subject;
  if (p2_ && !compound_subject) {
    // PETRARCH-2 does so for cooperation only (03-06), and never for a
    // passive (its subject is the target).
    bool cooperation =
        info->root == "03" || info->root == "04" || info->root == "05" || info->root == "06";
    if (!cooperation || how == "passive") compound_alone = false;
  }
  if ((only_where || compound_subject) && sources.size() >= 2 &&
      (parse::IsReciprocalVerb(ve->lemma) || compound_alone)) {
    reciprocal = true;
    for (const ActorRef& x : sources) {
      for (const ActorRef& y : sources) {
        if (&x != &y && x.code != y.code) pairs.push_back({x, y});
      }
    }
  } else {
    for (const ActorRef& s : sources) {
      for (const ActorRef& t : real_targets) {
        if (s.code == t.code && !t.place) continue;
        pairs.push_back({s, t});
      }
    }
  }
  if (pairs.empty()) {
    if (!env_.opt.require_target && targets.empty()) {
      for (const ActorRef& s : sources) pairs.push_back({s, ActorRef()});
    } else {
      if (tracing) Trace(env_, a_, "'" + std::string(hw.lower) + "' (" + code + "): no target actor");
      return;
    }
  }
  size_t before_emit = out->size();
  emitter_.Emit(v, pairs, code, pattern_text, origin, reciprocal ? "reciprocal" : how, out);
  if (out->size() > before_emit) a_.verbs[v].coded = true;
  if (!paired.empty()) {
    // "A visited B" [032:033]: B's event toward A from the same words.
    std::vector<std::pair<ActorRef, ActorRef>> back;
    for (const auto& [s, t] : pairs) {
      if (!t.code.empty()) back.push_back({t, s});
    }
    emitter_.Emit(v, back, paired, pattern_text, origin, "paired code", out);
  }
  a_.verbs[v].events = {before_emit, out->size()};
}

void ReferenceEvents::CodeStatements(std::vector<Event>* out) {
  const auto& w = a_.parse.words;
  for (const PendingStatement& st : a_.statements) {
    uint32_t end = static_cast<uint32_t>(w.size());
    if (p2_) {
      end = PhraseEnd(st.v);  // "…, X said, two weeks after rebels kidnapped"
      if (ComplementStart(st.v) < w.size()) {
        // PETRARCH-2: a statement with a clause is coded through the
        // clause's events (ReportedPetrarch), or not at all.
        if (Tracing(env_)) {
          Trace(env_, a_, "statement '" + std::string(w[a_.parse.verbs[st.v].head].lower) +
                              "': coded by its clause, if at all");
        }
        continue;
      }
    }
    statements_.CodeStatement(st, end, out);
  }
}

}  // namespace dyad::code::compat
