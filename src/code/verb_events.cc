// Verb triggers -> events: dyad's reading of one verb group.
#include <algorithm>
#include <string_view>

#include "code/events.h"
#include "code/nouns.h"
#include "code/places.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;
using parse::Word;

void EventStage::Drop(int v, const std::string& why) const {
  if (!Tracing(env_)) return;
  const Word& hw = a_.parse.words[a_.parse.verbs[v].head];
  Trace(env_, a_, "'" + std::string(hw.lower) + "'" + why, v);
}

namespace {

// Nouns for a crowd in the street.
bool IsCrowdNoun(std::string_view l) {
  return l == "protesters" || l == "protestors" || l == "demonstrators" || l == "rioters" ||
         l == "crowd" || l == "crowds" || l == "mob" || l == "mobs" || l == "marchers";
}

// Readiness for a blow ("ready to respond", "prepared to fight") is no
// offer of cooperation.
bool HostileReadiness(std::string_view lemma) {
  return lemma == "respond" || lemma == "retaliate" || lemma == "defend" || lemma == "fight" ||
         lemma == "strike" || lemma == "attack" || lemma == "hit" || lemma == "die" || lemma == "resist" ||
         lemma == "punish" || lemma == "destroy" || lemma == "act" || lemma == "use" || lemma == "go";
}

}  // namespace
void EventStage::CodeVerb(int v, std::vector<Event>* out) {
  const VerbGroup& vg = a_.parse.verbs[v];
  const Word& hw = a_.parse.words[vg.head];
  const auto& w = a_.parse.words;
  Clause c = clauses_.Of(v);
  int subj = vg.copula ? -1 : roles_.Subject(v, c);
  a_.verbs[v].subject = subj;
  if (vg.copula) {
    if (env_.rd.false_reports && FalseReport(v, out)) return;
    if (env_.rd.evaluations_criticize) CopulaJudgement(v, c, out);
    return;
  }
  const VerbEntry* ve = hw.event_verb ? env_.lex.Verb(hw.lemma, hw.info) : nullptr;
  // "Mexico is willing to send more suspects to the US", "the kingdom is
  // ready to work closely with Lebanon": declared readiness for an act no
  // pattern names is an intent to cooperate (030) — unless the act is a
  // blow ("ready to respond", "ready to fight").
  const bool ready_to = env_.rd.readiness_cooperates && DeclaredReadiness(v, c) && !HostileReadiness(hw.lemma);
  if (!ve && !ready_to) return;
  CodeString why(clauses_.Blocked(v, c));  // compared with literals below
  // "X will send troops", "X said it will support Y": an act the actor
  // itself announces for the future is an intent (03) to cooperate or a
  // threat (13) — never the act.
  CodeString intent_root;
  bool unnamed_speaker = false;
  if ((why == "future" || (why == "modal" && clauses_.WouldInReport(v, c))) &&
      IntentAllowed(v, c, &unnamed_speaker)) {
    why.clear();
    intent_root = "intent";
  }
  // "The U.S. said it would not meet the hostage-takers' demands": an
  // actor announcing it will not cooperate or yield rejects (12).
  if (why == "negated" && (vg.future || clauses_.WouldInReport(v, c)) &&
      IntentAllowed(v, c, &unnamed_speaker, /*refusal=*/true) && !unnamed_speaker) {
    why.clear();
    intent_root = "refusal";
  }
  // "X is willing / ready / prepared to resume talks": declared readiness
  // is an intent too, when the readiness itself is plainly stated.
  if (DeclaredReadiness(v, c)) {
    why.clear();
    intent_root = "intent";
  }
  // "Japan is weighing sending troops", "Seoul is reviewing whether to
  // supply arms": an act a state weighs is a policy option it considers
  // (014) toward the act's target, when the weighing itself is asserted.
  bool considered = false;
  if (env_.rd.considered_acts && (why == "gerund" || why == "infinitive (intended, not done)")) {
    const int g = ConsideringGovernor(v);
    if (g >= 0 && clauses_.Blocked(g, clauses_.Of(g)).empty()) {
      why.clear();
      considered = true;
      if (subj < 0) {
        subj = roles_.Subject(g, clauses_.Of(g));
        a_.verbs[v].subject = subj;
      }
    }
  }
  // "Shoigu ordered troops to withdraw from Kherson": a withdrawal ordered
  // is the retreat of the one who gave the order.
  if (env_.rd.ordered_withdrawals && why == "infinitive (intended, not done)" && c.governor_vg >= 0 &&
      w[a_.parse.verbs[c.governor_vg].head].lemma == "order" && !a_.parse.verbs[c.governor_vg].passive &&
      (hw.lemma == "withdraw" || hw.lemma == "retreat" || hw.lemma == "pull") && OrderedForces(c.governor_vg, v) &&
      clauses_.Blocked(c.governor_vg, clauses_.Of(c.governor_vg)).empty()) {
    why.clear();
    subj = a_.verbs[c.governor_vg].subject;
    a_.verbs[v].subject = subj;
  }
  // "the two agreed to restore ties": relations agreed restored are the
  // act itself, not an intent (the agreement's own event gives way to it
  // below).
  bool agreed = false;
  if (env_.rd.agreed_relations && why == "infinitive (intended, not done)" && c.governor_vg >= 0 &&
      w[a_.parse.verbs[c.governor_vg].head].lemma == "agree" && !a_.parse.verbs[c.governor_vg].negated &&
      clauses_.Blocked(c.governor_vg, clauses_.Of(c.governor_vg)).empty()) {
    why.clear();
    agreed = true;
    if (subj < 0) {
      subj = a_.verbs[c.governor_vg].subject;
      a_.verbs[v].subject = subj;
    }
  }
  if (why == "reduced relative" && env_.rd.mediated_by && Mediation(v, out)) return;
  const uint32_t end = patterns_.WindowEnd(v);
  // '"The US will pay dearly," Kim said': a speaker's verdict on the
  // subject's fate is the speaker's threat, whatever its tense.
  // (The patterns are tried once: the verdict needs them before the drop.)
  bool verdict = false, tried = false;
  PatternHit best;
  if (env_.rd.blame_is_accusation && ve && (why == "future" || why == "modal") && SpeakerVerb(v) >= 0) {
    best = patterns_.Best(*ve, v, end, subj);
    tried = true;
    const EventCodeInfo* hi = best.pattern ? env_.lex.EventCode(best.pattern->code) : nullptr;
    if (hi && best.pattern->subject_is_target && hi->root == "13") {
      why.clear();
      verdict = true;
    }
  }
  if (!why.empty()) {
    Drop(v, " not coded: " + why);
    return;
  }
  if (ve && !tried) best = patterns_.Best(*ve, v, end, subj);
  bool pattern_in_subject = false;
  // "Sanctions on Syria were lifted", "asylum was granted": a passive's
  // subject holds the words its active patterns look for after the verb.
  if (ve && vg.passive && subj >= 0 && env_.rd.passive_subject_patterns &&
      (!best.pattern || best.pattern->elements.empty())) {
    PatternHit in_subject = patterns_.Best(*ve, v, a_.phrases[subj].e, -1, a_.phrases[subj].b);
    if (in_subject.pattern && !in_subject.pattern->subject_is_target && in_subject.source_np < 0) {
      best = in_subject;
      best.target_np = -1;
      pattern_in_subject = true;
    }
  }
  std::string code, pattern_text, origin;
  if (best.pattern) {
    code = best.pattern->code;
    pattern_text = best.pattern->text;
    origin = best.pattern->origin;
  } else if (ve && !ve->code.empty()) {
    code = ve->code;
    pattern_text = ve->lemma;
    origin = ve->code_origin;
  } else if (ready_to) {
    code = "030";
    pattern_text = "ready to " + std::string(hw.lemma);
    origin = "declared readiness";
  } else {
    Drop(v, ": no pattern of '" + std::string(hw.lemma) + "' matched");
    return;
  }
  const EventCodeInfo* info = env_.lex.EventCode(code);
  if (!info) return;
  // "announced a freeze of humanitarian aid to Haiti": the act the pattern
  // found is stopped, which reduces relations (16x).
  if (env_.rd.stopped_acts_reduce && best.pattern) {
    uint32_t k = vg.e;
    while (k < end && (w[k].tag == Tag::kDet || w[k].tag == Tag::kPossPron || w[k].tag == Tag::kAdv)) ++k;
    if (k + 1 < end && IsStoppingNoun(w[k].lower) && (w[k + 1].lower == "of" || w[k + 1].lower == "to")) {
      const std::string stopped = StoppedCode(code);
      if (!stopped.empty()) {
        code = stopped;
        info = env_.lex.EventCode(code);
        if (!info) return;
        pattern_text += " (the act stopped)";
      }
    }
  }
  if (!intent_root.empty()) {
    // An announced act stands for an intent, a threat or a refusal.
    std::string as = intent_root == "refusal" ? RefusalCode(info->root) : IntentCode(code, info->root);
    // "will withdraw its force unless …": a conditional intent is a threat.
    if (intent_root == "intent" && as.rfind("03", 0) == 0 && clauses_.UnlessAfter(v)) as = "130";
    const char* why_not = as.empty() ? (intent_root == "refusal" ? "negated" : "future, no intent code")
                          : (unnamed_speaker && as.rfind("13", 0) == 0)
                              ? "a threat told by an unnamed speaker"
                              : nullptr;
    if (why_not) {
      Drop(v, std::string(" not coded: ") + why_not);
      return;
    }
    code = as;
    pattern_text += " (announced: " + intent_root + ")";
    info = env_.lex.EventCode(code);
    if (!info) return;
  }
  if (agreed) {
    // Restored or established relations are in place once agreed; a
    // concession agreed to (lifting an embargo, a release, a pull-back) is
    // still to be made, an intent (03), as the PLOVER records code it.
    const bool decided = info->root == "05";
    if (!decided) {
      Drop(v, " not coded: an agreed act still to be done (the agreement is the event)");
      return;
    }
    pattern_text += " (agreed)";
  }
  if (considered) {
    if (info->root < "03") {
      Drop(v, " not coded: a weighed comment is no policy option");
      return;
    }
    code = "014";
    pattern_text += " (weighed)";
    info = env_.lex.EventCode(code);
    if (!info) return;
  }
  std::vector<ActorRef> sources, targets;
  std::string how;
  // "Turkey is opposed to Swedish mediation": a state, not a passive.
  bool stative = vg.passive && vg.e < w.size() && w[vg.e].lower == "to" &&
                 (hw.lemma == "oppose" || hw.lemma == "commit" || hw.lemma == "dedicate");
  if (vg.passive && !stative) {
    // "was attacked by X": X is the source, the subject the target.
    for (uint32_t k = vg.e; k + 1 < end + 1 && k + 1 < w.size(); ++k) {
      if (w[k].lower == "by" && a_.phrase_of[k + 1] >= 0) {
        sources = roles_.Sources(a_.phrase_of[k + 1]);
        break;
      }
    }
    targets = roles_.Targets(subj);
    // "Looted statues were handed back to Ghana": a pattern's
    // prepositional target slot after the verb names the target.
    if (env_.rd.passive_on_phrases && best.target_np >= 0 && !pattern_in_subject &&
        a_.phrases[best.target_np].b > 0) {
      const Word& before = w[a_.phrases[best.target_np].b - 1];
      if ((before.tag == Tag::kTo || before.tag == Tag::kPrep) && before.lower != "by") {
        targets = roles_.Targets(best.target_np);
      }
    }
    // "EU sanctions on Iran were lifted": a measure named with its owner,
    // lifted or imposed with no agent named, is the owner's act on the
    // actor of its on/against phrase.
    bool owner_acts = false;
    if (env_.rd.measure_owner_lifts && pattern_in_subject && (info->root == "08" || info->root == "16")) {
      // "Japanese sanctions": a demonym on the measure names its owner.
      std::vector<ActorRef> owners;
      for (ActorRef x : subj >= 0 ? a_.phrases[subj].actors : std::vector<ActorRef>()) {
        if (x.code.empty() || x.place) continue;
        x.weak = false;  // its code kept: "their sanctions" are the antecedent's own
        owners.push_back(x);
      }
      // "U.S. sanctions … were lifted under an order signed by Trump": an
      // agent of the owner's own state is the owner too.
      const bool agent_is_owner = std::all_of(sources.begin(), sources.end(), [&](const ActorRef& x) {
        return roles_.SameActor(owners, x) ||
               std::any_of(owners.begin(), owners.end(), [&](const ActorRef& o) { return o.country == x.country; });
      });
      if (!owners.empty() && agent_is_owner) {
        if (sources.empty()) {
          sources = owners;
          how = "passive, the measure's owner";
        }
        targets.clear();
        owner_acts = true;
      }
    }
    // "A trade agreement between Chile and Japan was signed": a mutual act
    // with no agent is among the parties its subject names.
    if (sources.empty() && env_.rd.passive_on_phrases && subj >= 0 && MutualCode(code, hw.lemma)) {
      const uint32_t after = a_.phrases[subj].e;
      if (after + 1 < vg.b && w[after].lower == "between" && a_.phrase_of[after + 1] >= 0) {
        std::vector<ActorRef> parties;
        for (const ActorRef& x : roles_.Sources(a_.phrase_of[after + 1])) {
          if (!x.place) parties.push_back(x);
        }
        if (parties.size() >= 2) {
          sources = parties;
          targets.clear();
          how = "parties the subject names";
        }
      }
    }
    // "Food aid was delivered to Gaza by the WFP": a thing sent or handed
    // over goes to the actor of its "to" phrase.
    // "A cartel boss was extradited to Spain": a person of no named state
    // handed over, extradited or returned goes to the state receiving him.
    bool stateless = subj >= 0 && !a_.phrases[subj].actors.empty() && env_.rd.passive_on_phrases &&
                     (info->root == "06" || info->root == "07" || info->root == "08");
    for (const ActorRef& x : subj >= 0 ? a_.phrases[subj].actors : std::vector<ActorRef>()) {
      if (!x.country.empty()) stateless = false;
    }
    if (targets.empty() && env_.rd.passive_things_go_to && subj >= 0 &&
        (a_.phrases[subj].actors.empty() || stateless || owner_acts)) {
      for (uint32_t k = vg.e; k + 1 < end; ++k) {
        if (a_.phrase_of[k + 1] < 0) continue;
        // "Sanctions were imposed on two generals": what is laid on someone.
        // "Rockets were fired at Haifa": a blow's "at" phrase, places too.
        const bool blow = info->root == "18" || info->root == "19" || info->root == "20";
        const bool on = env_.rd.passive_on_phrases && !stateless &&
                        (w[k].lower == "on" || w[k].lower == "against" || (blow && w[k].lower == "at"));
        if (w[k].lower != "to" && !on) continue;
        for (const ActorRef& t : roles_.Targets(a_.phrase_of[k + 1])) {
          if (!t.code.empty() && !(on && t.place && !blow)) targets.push_back(t);
        }
        // "Supplies were delivered to a hospital in Gaza City": what is sent
        // to a place that names no actor goes to the place's country.
        const uint32_t after_to = a_.phrases[a_.phrase_of[k + 1]].e;
        if (targets.empty() && env_.rd.sent_to_places && w[k].lower == "to" && after_to + 1 < end &&
            w[after_to].lower == "in" && a_.phrase_of[after_to + 1] >= 0) {
          for (const ActorRef& t : roles_.Targets(a_.phrase_of[after_to + 1])) {
            if (!t.code.empty() && !t.weak) targets.push_back(t);
          }
        }
        if (w[k].lower == "to" || !targets.empty()) break;
      }
      // "Sanctions against Peru were imposed": the thing's own phrase says on whom.
      const uint32_t after = a_.phrases[subj].e;
      if (targets.empty() && after + 1 < vg.b && a_.phrase_of[after + 1] >= 0 &&
          (w[after].lower == "against" || w[after].lower == "on" || w[after].lower == "to")) {
        for (const ActorRef& t : roles_.Targets(a_.phrase_of[after + 1])) {
          if (!t.code.empty() && !t.place) targets.push_back(t);
        }
      }
    }
    // "A camp for Congolese refugees was attacked", "a missionary from
    // Calgary was arrested": the people it is for, or where they are from.
    if (targets.empty() && subj >= 0 && a_.phrases[subj].e + 1 < w.size() &&
        (w[a_.phrases[subj].e].lower == "for" || w[a_.phrases[subj].e].lower == "from") &&
        a_.phrase_of[a_.phrases[subj].e + 1] >= 0) {
      for (ActorRef t : roles_.Targets(a_.phrase_of[a_.phrases[subj].e + 1])) {
        if (t.place) {
          t.place = false;
          t.code = t.country + "CVL";
        }
        targets.push_back(t);
      }
    }
    bool agent_named = false;
    for (uint32_t k = vg.e; k < end; ++k) agent_named = agent_named || w[k].lower == "by";
    // "10,000 North Korean soldiers were sent to Russia": forces sent with
    // no sender named are sent by their own state, to where they go.
    if (sources.empty() && !agent_named && env_.rd.sent_forces_own && SentForces(v, subj, end, &sources, &targets)) {
      how = "passive, the forces' own state";
    }
    // "A missionary was arrested in Lebanon": arrests and inquiries with no
    // agent named are the authorities' of the place where they happen.
    // "Putin was welcomed in Ulaanbaatar": so are visits hosted (043).
    // "was granted asylum in Moscow": so is asylum, given by the state it is
    // given in.
    bool hosted = code.rfind("043", 0) == 0 || (env_.rd.asylum_of_the_place && code.rfind("075", 0) == 0);
    if (sources.empty() && !agent_named && (info->root == "17" || info->root == "09" || hosted) &&
        !targets.empty()) {
      std::string where = NearestLocation(a_, vg.b, static_cast<uint32_t>(w.size()));
      if (!where.empty() && std::none_of(targets.begin(), targets.end(), [&](const ActorRef& t) {
            return t.country == where;
          })) {
        ActorRef x;
        x.country = where;
        x.code = where + (info->root == "17" ? "COP" : "GOV");
        x.located = true;
        x.how = "authorities of the place";
        x.b = x.e = vg.head;  // no words name it
        sources.push_back(x);
      }
      // "the opposition leader was detained on Friday", "days after he
      // was charged": an arrest or a charge at home with no one named is the
      // work of the state's own police or courts.
      if (sources.empty() && env_.rd.domestic_arrests && code.rfind("173", 0) == 0 && !targets[0].country.empty() &&
          (where.empty() || where == targets[0].country)) {
        ActorRef x;
        x.country = targets[0].country;
        x.code = x.country + "COP";
        x.located = true;
        x.how = "the state's own authorities";
        x.b = x.e = vg.head;
        sources.push_back(x);
      }
    }
    // "was killed in an Israeli strike": a means of war after the verb,
    // named for a side, is that side's act.
    const bool violent = info->root == "18" || info->root == "19" || info->root == "20";
    if (sources.empty() && !agent_named && violent && env_.rd.passive_violence_sources) {
      for (uint32_t k = vg.e; k + 1 < end && sources.empty(); ++k) {
        if ((w[k].lower != "in" && w[k].lower != "during") || a_.phrase_of[k + 1] < 0) continue;
        for (const ActorRef& x : a_.phrases[a_.phrase_of[k + 1]].actors) {
          if (x.weapon && !x.code.empty() && !x.place && !roles_.SameActor(targets, x)) {
            sources.push_back(x);
          }
        }
      }
      if (!sources.empty()) how = "passive, means of war named for a side";
    }
    // "X was shot dead in Quito": violence with no agent named is an
    // unidentified force's, of the place (else of the victim's country).
    // Not when the sentence goes on to tell how ("… when a drone struck",
    // "in a car bombing", "in clashes"), nor in a relative clause's
    // background ("where 24 people were killed").
    bool told_elsewhere = c.kind == parse::ClauseKind::kRelative;
    for (uint32_t k = vg.e; k < w.size() && !told_elsewhere; ++k) {
      std::string_view l = w[k].lower;
      // ("… as he left a rally": the victim's own doings tell no one else's act.)
      const bool victim_next = k + 1 < w.size() && (w[k + 1].lower == "he" || w[k + 1].lower == "she" ||
                                                    w[k + 1].lower == "they");
      if ((l == "when" || l == "as" || l == "after") && !victim_next) told_elsewhere = true;
      if (parse::IsAttackNoun(l) || l == "bombing" || l == "clashes" || l == "riots" ||
          l == "fighting" || l == "violence" || l == "explosion" || l == "blast" || l == "unrest") {
        told_elsewhere = true;
      }
    }
    if (sources.empty() && !agent_named && violent && env_.rd.passive_violence_sources &&
        !targets.empty() && !told_elsewhere) {
      std::string where = NearestLocation(a_, vg.b, static_cast<uint32_t>(w.size()));
      if (where.empty()) where = targets[0].country;
      if (!where.empty()) {
        ActorRef x;
        x.country = where;
        x.code = where + "UAF";
        x.located = true;
        x.how = "unidentified attacker of the place";
        x.b = x.e = vg.head;
        sources.push_back(x);
      }
    }
    if (how.empty()) how = "passive";
  } else if (best.pattern && (best.source_np >= 0 || best.pattern->subject_is_target)) {
    // "+ [receive] money from$": the pattern names who is who.
    sources = best.source_np >= 0 ? roles_.Sources(best.source_np) : std::vector<ActorRef>();
    // "said Russia bore responsibility": the speaker blames the one said to
    // bear it.
    if (sources.empty() && best.pattern->subject_is_target && env_.rd.blame_is_accusation &&
        (info->root == "11" || verdict)) {
      sources = SpeakerSources(v, subj);
    }
    targets = best.pattern->subject_is_target ? roles_.Targets(subj) : roles_.Targets(best.target_np);
    if (!best.pattern->subject_is_target && best.target_np < 0) {
      int np = roles_.FirstActorAfter(v, static_cast<uint32_t>(w.size()), sources);
      if (np >= 0 && np != best.source_np) targets = roles_.Targets(np);
    }
    how = "pattern";
  } else {
    sources = roles_.Sources(subj);
    // '"We are ready to …," the premier said', "said the kingdom was ready
    // to …": the speaker's own "we" or "the country" is the speaker.
    if (sources.empty() && env_.rd.speaker_we && subj >= 0 && SpeakerSelf(subj)) {
      sources = SpeakerSources(v, subj);
      if (!sources.empty()) how = "the speaker";
    }
    if (best.target_np >= 0) {
      targets = roles_.Targets(best.target_np);
      how = "pattern";
    }
    // "sent troops to its border with Belarus": a pattern slot that holds
    // only the source's own gives way to the other phrases.
    if (best.target_np < 0 || std::all_of(targets.begin(), targets.end(), [&](const ActorRef& t) {
          return roles_.SameActor(sources, t) && !t.place;
        })) {
      // "stormed and set fire to the embassy": a verb with nothing after it
      // but "and" and another verb shares that verb's object.
      const int next = vg.e + 1 < w.size() && w[vg.e].tag == Tag::kCoord ? a_.VerbAt(vg.e + 1) : -1;
      if (env_.rd.coordinated_verbs_share_object && next > v && a_.parse.verbs[next].b == vg.e + 1) {
        targets = roles_.DefaultTargets(next, patterns_.WindowEnd(next), code, info->root, sources, &how);
        if (!targets.empty()) how = "the object of the verb it is joined to";
      } else {
        targets = roles_.DefaultTargets(v, end, code, info->root, sources, &how);
      }
    }
  }
  if (sources.empty()) {
    Drop(v, " (" + code + "): no source actor");
    return;
  }
  if (DomesticMeasure(code)) {
    // "imposed a curfew in southeastern Turkey": the own country as the place.
    for (ActorRef& t : targets) {
      if (roles_.SameActor(sources, t)) t.place = true;
    }
  }
  // "Guterres condemned the strike", "Minsk denied the incursion", "Cairo
  // welcomed the move": a reaction to an act the story has told answers
  // that act's actor.
  const bool no_other = std::all_of(targets.begin(), targets.end(), [&](const ActorRef& t) {
    return t.code.empty() || t.weak || (roles_.SameActor(sources, t) && !t.place);
  });
  if (no_other && env_.rd.reaction_targets && !vg.passive &&
      (info->root == "05" || info->root == "11" || info->root == "12" || code.rfind("016", 0) == 0 ||
       (env_.rd.evaluations_criticize && code.rfind("012", 0) == 0))) {
    ActorRef t;
    if (ReactionTarget(v, end, sources, *out, code.rfind("016", 0) == 0, &t)) {
      targets = {t};
      how = "the actor of the act it reacts to";
    }
  }
  // "opened an investigation into the Russian missile strike on the
  // hospital": an inquiry into an attack is aimed at its attacker.
  if (env_.rd.inquiries_into_attacks && info->root == "09") {
    ActorRef t;
    if (InvestigatedAttacker(v, end, sources, &t)) {
      targets = {t};
      how = "the attacker an inquiry looks into";
    }
  }
  // "lifted the tariffs it imposed on Australian barley": a measure lifted
  // is lifted from the one its own relative clause says it was put on.
  if (targets.empty() && env_.rd.lifted_from_imposed && info->root == "08" && !vg.passive) {
    ActorRef t;
    if (ImposedOnTarget(v, sources, &t)) {
      targets.push_back(t);
      how = "the one the measure was imposed on";
    }
  }
  // "is ready to pull its troops back if India does the same": an intent
  // on a condition is aimed at the side the condition names.
  if (targets.empty() && env_.rd.conditional_intent_targets && info->root == "03") {
    ActorRef t;
    if (ConditionParty(v, sources, &t)) {
      targets.push_back(t);
      how = "the side the condition names";
    }
  }
  if (targets.empty() && (!vg.passive || stative)) {
    // "Washington and NATO reject these demands": in a story about a
    // standoff, a response with no named target answers the story's
    // main counterpart.
    ActorRef t;
    // "The Kremlin declined to comment", "Poland raised the readiness of
    // its units", "urged restraint": a refusal to comment, an alert or a
    // call for restraint with no one named answer the standoff too.
    const bool response = env_.rd.counterpart_responses &&
                          (code == "011" || code.rfind("152", 0) == 0 || code == "0256");
    if (discourse_.StoryCounterpart(response ? std::string("03") : std::string(info->root), sources, &t)) {
      targets.push_back(t);
      how = "story counterpart";
    }
  }
  // "killed at least 120 villagers", "executed more than 300 people":
  // killing fifty or more is a mass killing (202).
  if (env_.rd.mass_killing_by_number && (hw.lemma == "kill" || hw.lemma == "execute" ||
                                         hw.lemma == "massacre" || hw.lemma == "slaughter") &&
      !vg.passive && VictimCount(v, end) >= 50) {
    code = "202";
    info = env_.lex.EventCode(code);
    pattern_text += " (fifty or more killed)";
  }
  // Violence done with the means of war (shelling, air strikes, drones,
  // artillery) is conventional military force (19), whatever the verb.
  if (info->root == "18" && !sources.empty() &&
      std::all_of(sources.begin(), sources.end(), [](const ActorRef& x) { return x.weapon; })) {
    code = "190";
    info = env_.lex.EventCode(code);
    pattern_text += " (by military means)";
  }
  // "Hundreds of protesters attacked the embassy": a crowd's assault is a
  // violent protest, a riot (145), not an armed attack.
  // A killing stays a killing ("a crowd beat a guard to death").
  bool kills = hw.lemma == "kill" || hw.lemma == "lynch" || hw.lemma == "murder" || hw.lemma == "shoot" ||
               hw.lemma == "stab";
  for (uint32_t k = vg.e; k + 1 < end && !kills; ++k) kills = w[k].lower == "to" && w[k + 1].lower == "death";
  if (env_.rd.protesters_riot && (info->root == "18" || info->root == "19") && !kills && !sources.empty() &&
      std::all_of(sources.begin(), sources.end(), [&](const ActorRef& x) {
        return x.e > x.b && x.e <= w.size() && IsCrowdNoun(w[x.e - 1].lower);
      })) {
    code = "145";
    info = env_.lex.EventCode(code);
    pattern_text += " (a crowd's violence is a riot)";
  }
  // "gunmen seized a freighter off Aden": a craft seized by armed men who
  // are no state's is hijacked (181), not property confiscated.
  if (env_.rd.hijacked_craft && code.rfind("171", 0) == 0 && HijackedCraft(v, sources)) {
    code = "181";
    info = env_.lex.EventCode(code);
    pattern_text += " (a craft seized by armed men: hijacked)";
  }
  // "The foreign ministry summoned the envoy to protest against …": a
  // state or its government protesting complains officially (114); street
  // protest (14) is for the people.
  if (env_.rd.states_complain && info->root == "14" && hw.lemma == "protest" &&
      std::all_of(sources.begin(), sources.end(), [](const ActorRef& x) {
        const bool gov = x.code.size() >= 3 && x.code.compare(x.code.size() - 3, 3, "GOV") == 0;
        const bool state = x.code.size() == 3 && !x.people && !x.bare_demonym && !x.weak && !x.place;
        return gov || state || x.code.rfind("IGO", 0) == 0;
      })) {
    code = "114";
    info = env_.lex.EventCode(code);
    pattern_text += " (a state's protest is an official complaint)";
  }
  // Forces sent to a state itself (not to its border) to reinforce or
  // protect it, or for joint exercises, support it (074) or cooperate with
  // it (062); a posture (15) is aimed at an adversary, not a host.
  bool one_side = false;  // a cooperation code for what only the source does
  if (env_.rd.forces_to_partners && code.rfind("154", 0) == 0 && !targets.empty()) {
    bool together = false;
    std::string as = ForcesToPartnerCode(v, end, &together);
    one_side = !as.empty() && !together;
    if (!as.empty()) {
      code = as;
      info = env_.lex.EventCode(code);
      pattern_text += as == "074"  ? " (forces sent to reinforce a state)"
                      : together   ? " (forces for joint exercises)"
                                   : " (forces sent to serve beside the host's)";
    }
  }
  // "German-made tanks arrived in Ukraine": weapons that reach a state are
  // military aid delivered (072) by the state that sent them, no visit.
  // (Warships or bombers that arrive are their own forces, not aid.)
  auto delivered = [&](const ActorRef& x) {
    if (!x.weapon || x.e <= x.b || x.e > w.size()) return false;
    for (uint32_t k = x.b; k < x.e; ++k) {
      std::string_view l = w[k].lower;
      if (l.ends_with("-made") || l.ends_with("-built") || l.ends_with("-supplied") || l.ends_with("-donated")) {
        return true;
      }
    }
    std::string_view h = w[x.e - 1].lower;
    return h == "tanks" || h == "missiles" || h == "munitions" || h == "ammunition" || h == "shells" ||
           h == "artillery" || h == "howitzers" || h == "rockets" || h == "weapons" || h == "arms" ||
           h == "interceptors" || h == "launchers";
  };
  if (env_.rd.arriving_weapons && (code.rfind("042", 0) == 0 || code.rfind("043", 0) == 0) && !sources.empty() &&
      std::all_of(sources.begin(), sources.end(), delivered)) {
    code = "072";
    info = env_.lex.EventCode(code);
    pattern_text += " (weapons delivered)";
    for (ActorRef& x : sources) x = AsState(x);
  }
  // "Mali withdrew from ECOWAS", "announced its withdrawal from the bloc":
  // leaving an organisation reduces relations with it (160); a military
  // retreat is from a place or an army.
  if (env_.rd.leaving_organisations && code.rfind("087", 0) == 0 && !targets.empty() &&
      std::all_of(targets.begin(), targets.end(), [](const ActorRef& x) { return x.code.rfind("IGO", 0) == 0; })) {
    code = "160";
    info = env_.lex.EventCode(code);
    pattern_text += " (leaving an organisation)";
  }
  const std::string_view lemma = ve ? std::string_view(ve->lemma) : hw.lemma;
  if (parse::IsSayVerb(lemma) && info->root == "01") {
    // Decided once every reported act of the sentence has been coded.
    a_.statements.push_back({v, sources, code, pattern_text, origin});
    return;
  }
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  bool reciprocal = false;
  std::vector<ActorRef> real_targets;
  for (const ActorRef& t : targets) {
    if (!roles_.SameActor(sources, t) || t.place) real_targets.push_back(t);
  }
  // "Israel and Lebanon renewed negotiations on an Israeli troop pullback":
  // a target of a partner's own country is the topic, not the other side.
  bool only_where = std::all_of(real_targets.begin(), real_targets.end(), [&](const ActorRef& t) {
    if (t.place || t.weak) return true;
    // "A and B agreed to swap prisoners … in Istanbul": a role noun placed
    // only by a place of the sentence is no partner of theirs.
    if (env_.rd.located_no_partner && t.located && sources.size() >= 2) return true;
    return sources.size() >= 2 && std::any_of(sources.begin(), sources.end(), [&](const ActorRef& s) {
             return !s.country.empty() && s.country == t.country;
           });
  });
  // Talks, meetings and signed agreements are mutual whatever the verb.
  auto mutual_code = [&] {
    for (const char* prefix : {"040", "041", "044", "046", "057"}) {
      if (code.rfind(prefix, 0) == 0) return true;
    }
    // "Egyptian and Chinese units carried out a joint exercise", "Norway,
    // Sweden and Finland began sharing data": military cooperation and
    // shared intelligence with no partner named are among the subject.
    // (Intelligence "provided" goes to someone else.)
    const bool drills = pattern_text.find("joint") != std::string::npos ||
                        pattern_text.find("exercise") != std::string::npos ||
                        pattern_text.find("drill") != std::string::npos;
    const bool shared = hw.lemma == "share" || hw.lemma == "exchange";
    return env_.rd.mutual_among_subject && real_targets.empty() &&
           ((code.rfind("062", 0) == 0 && drills) || (code.rfind("064", 0) == 0 && shared));
  };
  // "Peruvian and Bolivian police jointly broke up a smuggling ring".
  bool jointly = false;
  for (uint32_t k = vg.b > 0 ? vg.b - 1 : 0; k < end && k <= vg.e; ++k) {
    std::string_view l = w[k].lower;
    if (l == "jointly" || l == "together") jointly = true;
  }
  const bool compound_subject = best.pattern && best.pattern->compound_subject;
  // "A and B exchanged prisoners in a swap mediated by C": a mutual act of
  // a compound subject is among its members unless its partner is named as
  // the object or with "with".
  const bool among_subject = env_.rd.mutual_among_subject && sources.size() >= 2 &&
                             (MutualCode(code, lemma) || (agreed && targets.empty())) && how != "object" &&
                             how != "'with' phrase" && best.target_np < 0;
  if ((only_where || compound_subject || among_subject) && sources.size() >= 2 &&
      (parse::IsReciprocalVerb(lemma) || compound_subject || mutual_code() ||
       (jointly && real_targets.empty()))) {
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
      Drop(v, " (" + code + "): no target actor");
      return;
    }
  }
  // The agreement's intent (03) told by "agreed" is this act, now coded.
  if (agreed) {
    const uint32_t at = WordBegin(env_, a_, a_.parse.verbs[c.governor_vg].head);
    out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(std::min(a_.first_event, out->size())),
                              out->end(),
                              [&](const Event& e) { return e.root == "03" && e.trigger_span.begin == at; }),
               out->end());
  }
  size_t before_emit = out->size();
  emitter_.Emit(v, pairs, code, pattern_text, origin, reciprocal ? "reciprocal" : how, out);
  // The other side of a meeting is its partner: the object or a "with"
  // phrase, not an actor found further off ("met troops during a visit to Y").
  const bool visit = code.rfind("042", 0) == 0 || code.rfind("043", 0) == 0;
  const bool partner = how == "object" || how == "pattern" || how == "passive" ||
                       how == "'with' phrase" || how == "'between' phrase";
  if (!reciprocal && !one_side && (visit || partner)) {
    emitter_.EmitOtherSide(v, pairs, code, lemma, pattern_text, origin, out);
  }
  // "thanked Putin by telephone", "had spoken to Duda by telephone": the
  // call is a discussion (041) of both sides, whatever else was said in it.
  if (env_.rd.phone_calls_mutual && !reciprocal && !visit && ByTelephone(vg.e, end)) {
    std::vector<std::pair<ActorRef, ActorRef>> call;
    for (const auto& [s, t] : pairs) {
      if (!t.code.empty() && !t.place && !t.weak && s.country != t.country) call.push_back({s, t});
    }
    if (!call.empty()) {
      const bool talk = code.rfind("04", 0) == 0;
      if (!talk) emitter_.Emit(v, call, "041", pattern_text, origin, "by telephone", out);
      if (!talk || !partner) emitter_.EmitOtherSide(v, call, "041", "call", pattern_text, origin, out);
    }
  }
  if (out->size() > before_emit) a_.verbs[v].coded = true;
  a_.verbs[v].events = {before_emit, out->size()};
}

bool EventStage::Mediation(int v, std::vector<Event>* out) {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  std::string_view lemma = w[vg.head].lemma;
  if (lemma != "mediate" && lemma != "broker") return false;
  // "a swap mediated by the UAE", "talks brokered by Qatar and Egypt".
  uint32_t k = vg.e;
  if (k + 1 >= w.size() || w[k].lower != "by" || a_.phrase_of[k + 1] < 0) return false;
  std::vector<ActorRef> mediators = roles_.Sources(a_.phrase_of[k + 1]);
  if (mediators.empty()) return false;
  // Not a mediation the sentence dates before the story ("a war in May
  // 2019 that stopped with a truce arranged by Qatar").
  for (size_t j = 0; j < w.size(); ++j) {
    if (PastYearAfter(a_.parse, static_cast<int>(j), env_.date / 10000) >= 0 ||
        PastDateAfter(a_.parse, static_cast<int>(j), env_.date) >= 0) {
      return false;
    }
  }
  // The parties: the actors of the main clause's subject and object (the
  // verb group before the participle), else a "between" phrase.
  std::vector<ActorRef> parties;
  auto add = [&](const std::vector<ActorRef>& xs) {
    for (const ActorRef& x : xs) {
      if (x.code.empty() || x.place || roles_.SameActor(mediators, x)) continue;
      bool seen = false;
      for (const ActorRef& y : parties) seen = seen || y.country == x.country;
      if (!seen) parties.push_back(x);
    }
  };
  int m = clauses_.MainVerbBefore(v);
  if (m >= 0 && !clauses_.Blocked(m, clauses_.Of(m)).empty()) return false;
  if (m >= 0) {
    add(roles_.Sources(a_.verbs[m].subject >= 0 ? a_.verbs[m].subject : roles_.Subject(m, clauses_.Of(m))));
    uint32_t o = a_.parse.verbs[m].e;
    if (o < vg.b && a_.phrase_of[o] >= 0) add(roles_.Targets(a_.phrase_of[o]));
  }
  for (uint32_t j = 0; j + 1 < w.size() && parties.size() < 2; ++j) {
    if (w[j].lower == "between" && a_.phrase_of[j + 1] >= 0) add(roles_.Targets(a_.phrase_of[j + 1]));
  }
  if (parties.empty()) return false;
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  for (const ActorRef& s : mediators) {
    for (const ActorRef& t : parties) pairs.push_back({s, t});
  }
  size_t before = out->size();
  emitter_.Emit(v, pairs, "045", std::string(lemma) + " (mediated by)", "", "mediator of the parties' act", out);
  if (out->size() > before) a_.verbs[v].coded = true;
  a_.verbs[v].events = {before, out->size()};
  return out->size() > before;
}

}  // namespace dyad::code
