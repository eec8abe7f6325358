// Reactions to acts the story told: their targets, and judgements of them.
#include <algorithm>
#include <string_view>

#include "code/events.h"
#include "code/places.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;
using parse::Word;

bool EventStage::ReactionTarget(int v, uint32_t end, const std::vector<ActorRef>& sources,
                                const std::vector<Event>& story, bool deny, ActorRef* t) const {
  const auto& w = a_.parse.words;
  uint32_t k = a_.parse.verbs[v].e;
  while (k < end && w[k].tag == Tag::kAdv) ++k;
  if (k >= end || a_.phrase_of[k] < 0) return false;
  // "denied any part in the mortar attack": the act the role was in.
  if (env_.rd.evaluations_criticize) {
    const Phrase& first = a_.phrases[a_.phrase_of[k]];
    std::string_view h = w[first.e - 1].lower;
    if ((h == "role" || h == "involvement" || h == "responsibility" || h == "part") && first.e + 1 < end &&
        (w[first.e].lower == "in" || w[first.e].lower == "for") && a_.phrase_of[first.e + 1] >= 0) {
      k = first.e + 1;
    }
    // "voiced concern over the incident": the feeling's object.
    if ((h == "concern" || h == "concerns" || h == "alarm" || h == "dismay" || h == "outrage" || h == "anger") &&
        first.e + 1 < end &&
        (w[first.e].lower == "over" || w[first.e].lower == "about" || w[first.e].lower == "at") &&
        a_.phrase_of[first.e + 1] >= 0) {
      k = first.e + 1;
    }
  }
  return ToldActTarget(a_.phrase_of[k], sources, story, deny, t);
}

// "Britain said the attack was appalling", "Kyiv said the strike was a war
// crime": a speaker's judgement of a told act criticises its actor (111).
void EventStage::CopulaJudgement(int v, const Clause& c, std::vector<Event>* out) {
  const VerbGroup& vg = a_.parse.verbs[v];
  const auto& w = a_.parse.words;
  if (vg.negated || a_.parse.question) return;
  // '"Any Western troops in Ukraine will be legitimate targets," Putin
  // said': a speaker's warning that someone will be a target threatens
  // force (138), whatever its tense.
  bool judged = false, marked = false;
  for (uint32_t k = vg.e; k < w.size() && k < vg.e + 5 && !judged && !marked; ++k) {
    std::string_view l = w[k].lower;
    if (w[k].tag == Tag::kComma || w[k].tag == Tag::kEnd || w[k].tag == Tag::kThat || w[k].tag == Tag::kCoord) break;
    judged = parse::IsJudgingAdjective(l) || l == "crime" || l == "provocation" || l == "violation" ||
             l == "outrage" || l == "disgrace" || l == "aggression" || l == "atrocity" || l == "massacre";
    marked = l == "legitimate" && k + 1 < w.size() && (w[k + 1].lower == "target" || w[k + 1].lower == "targets");
  }
  if (!judged && !marked) return;
  if (judged && (vg.future || vg.modal)) return;
  const int subj = roles_.Subject(v, c);
  if (subj < 0) return;
  // Said by someone: "X said (that) …" or '"…," X said'.
  if (c.kind == parse::ClauseKind::kThat &&
      (c.governor_vg < 0 || !parse::IsSayVerb(c.governor) ||
       !clauses_.Blocked(c.governor_vg, clauses_.Of(c.governor_vg)).empty())) {
    return;
  }
  if (c.kind != parse::ClauseKind::kThat && c.kind != parse::ClauseKind::kMain &&
      c.kind != parse::ClauseKind::kRelative) {
    return;
  }
  std::vector<ActorRef> speakers = SpeakerSources(v, subj);
  if (speakers.empty()) return;
  ActorRef t;
  if (marked) {
    std::vector<ActorRef> named;
    for (ActorRef x : roles_.Targets(subj)) {
      if (x.code.empty() || x.place || roles_.SameActor(speakers, x)) continue;
      named.push_back(AsState(x));  // "American bases": the demonym's state
    }
    if (named.empty()) return;
    t = named[0];
  } else if (!ToldActTarget(subj, speakers, *out, /*deny=*/false, &t)) {
    // "Sudan said Nairobi was biased": a judgement of a named actor
    // criticises it.
    bool named = false;
    if (env_.rd.judged_actors && judged) {
      for (const ActorRef& x : roles_.Targets(subj)) {
        if (x.code.empty() || x.place || x.weak || roles_.SameActor(speakers, x)) continue;
        t = x;
        named = true;
        break;
      }
    }
    if (!named) return;
  }
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  for (const ActorRef& s : speakers) pairs.push_back({s, t});
  const std::string code = marked ? "138" : "111";
  if (!env_.lex.EventCode(code)) return;
  emitter_.Emit(v, pairs, code,
                marked ? std::string("will be legitimate targets")
                       : "said (a told act) was " + std::string(w[vg.e < w.size() ? vg.e : vg.head].lower),
                marked ? "a speaker's warning of force" : "judgement of a told act",
                marked ? "the one named as a target" : "the actor of the act it judges", out);
}

// The actor of the act the story told that a definite phrase ("the strike",
// "this move") points back at; for a denial of one's own act, the one it
// was done to.
bool EventStage::ToldActTarget(int np, const std::vector<ActorRef>& sources, const std::vector<Event>& story,
                               bool deny, ActorRef* t) const {
  const auto& w = a_.parse.words;
  const Phrase& p = a_.phrases[np];
  // A definite phrase points back at something told: "the strike", "this move".
  std::string_view det = w[p.b].lower;
  if (det != "the" && det != "this" && det != "that" && det != "these" && det != "those") return false;
  for (const ActorRef& x : p.actors) {
    if (!x.code.empty() && !x.weak) return false;  // it names its own actor
  }
  const Word& head = w[p.e - 1];
  std::vector<std::string> roots;  // the roots of the acts it may mean
  const EventNoun::Variant* variant = nullptr;
  if (head.info && head.info->noun) {
    // The longest variant the words before the noun spell ("air strike"),
    // else the bare noun.
    const uint32_t hk = p.e - 1;
    for (const EventNoun::Variant& var : head.info->noun->variants) {
      uint32_t n = static_cast<uint32_t>(var.before.size());
      bool ok = n <= hk - p.b;
      for (uint32_t i = 0; i < n && ok; ++i) ok = w[hk - n + i].lower == var.before[i];
      if (ok) {
        variant = &var;
        break;
      }
    }
  }
  const std::string_view head_word = head.lower;
  if (env_.rd.evaluations_criticize && (head_word == "incursion" || head_word == "incursions" ||
                                        head_word == "violation" || head_word == "violations")) {
    roots = {"15", "18", "19"};  // a crossing or a violation told as a show of force or a blow
  } else if (variant) {
    roots.push_back(variant->code.substr(0, 2));
    if (roots[0] == "18" || roots[0] == "19" || roots[0] == "20") roots = {"18", "19", "20"};
  } else {
    std::string_view h = head.lower;
    if (h == "launch" || h == "launches" || h == "test" || h == "tests" || h == "drills") {
      roots = {"15"};
    } else if (env_.rd.evaluations_criticize &&
               (h == "sanctions" || h == "tariffs" || h == "tariff" || h == "embargo")) {
      roots = {"16"};
    } else if (env_.rd.evaluations_criticize && (h == "detention" || h == "detentions")) {
      roots = {"17"};
    } else if (env_.rd.evaluations_criticize && (h == "ban" || h == "restrictions" || h == "measures")) {
      roots = {"16", "17"};
    } else if (env_.rd.evaluations_criticize && (h == "resolution" || h == "censure")) {
      roots = {"10", "11", "16"};
    } else if (env_.rd.evaluations_criticize && (h == "violence" || h == "storming")) {
      roots = {"14", "17", "18", "19", "20"};
    } else if (env_.rd.evaluations_criticize && (h == "incident" || h == "incidents")) {
      roots = {"13", "14", "15", "16", "17", "18", "19", "20"};  // never a kindness
    } else if (env_.rd.evaluations_criticize && (parse::IsAttackNoun(h) || h == "fire")) {
      roots = {"18", "19", "20"};

    } else if (h == "accusation" || h == "accusations" || h == "claim" || h == "claims" ||
               h == "allegation" || h == "allegations" || h == "charge" || h == "charges" || h == "remarks" ||
               h == "comments") {
      roots = {"01", "10", "11", "13"};
    } else {
      // "the move", "the decision": which act is meant is a guess; none.
      return false;
    }
  }
  for (auto it = story.rbegin(); it != story.rend(); ++it) {
    if (it->sentence < a_.sno - 8) break;
    if (!roots.empty() && std::find(roots.begin(), roots.end(), it->root) == roots.end()) continue;
    ActorRef x;
    x.code = it->source.code;
    x.country = it->source.country;
    x.b = x.e = p.b;  // named by the earlier act, not by words here
    x.how = "the actor of an act the story told";
    // "Minsk denied the incursion": denying one's own act answers the one
    // it was done to.
    const bool own = std::any_of(sources.begin(), sources.end(),
                                 [&](const ActorRef& s) { return !s.country.empty() && s.country == x.country; });
    if (env_.rd.evaluations_criticize && deny && own && it->target &&
        !it->target->code.empty()) {
      x.code = it->target->code;
      x.country = it->target->country;
      x.how = "the one the denied act was done to";
    }
    if (x.code.empty() || roles_.SameActor(sources, x)) continue;
    *t = x;
    return true;
  }
  return false;
}

bool EventStage::ImposedOnTarget(int v, const std::vector<ActorRef>& sources, ActorRef* t) const {
  const auto& w = a_.parse.words;
  const int g = v + 1;
  if (g >= static_cast<int>(a_.parse.verbs.size())) return false;
  const VerbGroup& gv = a_.parse.verbs[g];
  std::string_view l = w[gv.head].lemma;
  if (l != "impose" && l != "place" && l != "slap" && l != "put" && l != "levy" && l != "introduce") return false;
  // Only the measure's phrase and its relative's subject stand between.
  for (uint32_t k = a_.parse.verbs[v].e; k < gv.b; ++k) {
    const Tag tag = w[k].tag;
    if (tag == Tag::kComma || tag == Tag::kCoord || tag == Tag::kSub || tag == Tag::kEnd ||
        tag == Tag::kThat || tag == Tag::kQuote) {
      return false;
    }
  }
  for (uint32_t k = gv.e; k + 1 < w.size(); ++k) {
    if (w[k].tag == Tag::kComma || w[k].tag == Tag::kEnd || w[k].tag == Tag::kCoord) break;
    if ((w[k].lower != "on" && w[k].lower != "against") || a_.phrase_of[k + 1] < 0) continue;
    for (const ActorRef& x : roles_.Targets(a_.phrase_of[k + 1])) {
      if (x.code.empty() || roles_.SameActor(sources, x)) continue;
      *t = AsState(x);  // "Australian barley": the demonym's state
      return true;
    }
    return false;
  }
  return false;
}

namespace {

// Words that call a report untrue.
bool IsFalsityWord(std::string_view l) {
  return l == "false" || l == "fake" || l == "untrue" || l == "groundless" || l == "baseless" ||
         l == "unfounded" || l == "fabricated" || l == "nonsense" || l == "lies" || l == "incorrect" ||
         l == "inaccurate" || l == "fiction" || l == "lie" || l == "disinformation" || l == "propaganda";
}

}  // namespace

bool EventStage::FalseReport(int v, std::vector<Event>* out) {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  if (vg.negated || vg.future || vg.modal || a_.parse.question) return false;
  // The copula's complement: its head, or the words right after it.
  uint32_t k = vg.b;
  while (k < w.size() && k < vg.e + 3 && !IsFalsityWord(w[k].lower)) {
    if (k >= vg.e && w[k].tag != Tag::kAdv && w[k].tag != Tag::kDet) return false;
    ++k;
  }
  if (k >= w.size() || !IsFalsityWord(w[k].lower)) return false;
  // "Reports that …", "Claims circulating online that …": the report and
  // the "that" opening what it says, in the copula's own stretch.
  int that = -1, report = -1;
  for (int j = static_cast<int>(vg.b) - 1; j >= 0 && that < 0; --j) {
    if (w[j].tag == Tag::kComma || w[j].tag == Tag::kQuote) break;
    if (w[j].tag != Tag::kThat) continue;
    for (int h = j - 1; h >= 0; --h) {
      if (w[h].tag == Tag::kComma || w[h].tag == Tag::kQuote || w[h].tag == Tag::kThat) break;
      if (parse::IsHearsayNoun(w[h].lower)) {
        that = j;
        report = h;
        break;
      }
    }
  }
  if (that < 0) return false;
  // The speaker: the saying verb that governs the copula, or a trailing
  // "…, an official said".
  std::vector<ActorRef> speakers = SpeakerSources(v, -1);
  int sj = -1;
  // "Cairo said reports that … were fake": the saying verb the report follows.
  if (speakers.empty() && a_.phrase_of[report] >= 0) {
    const uint32_t rb = a_.phrases[a_.phrase_of[report]].b;
    const int g = rb > 0 ? a_.VerbAt(rb - 1) : -1;
    if (g >= 0 && g < v && parse::IsSayVerb(w[a_.parse.verbs[g].head].lemma) && !a_.parse.verbs[g].negated) {
      sj = roles_.Subject(g, clauses_.Of(g));
      if (sj >= 0) speakers = roles_.Sources(sj);
    }
  }
  if (speakers.empty()) {
    for (size_t g = v + 1; g < a_.parse.verbs.size() && sj < 0; ++g) {
      const VerbGroup& gv = a_.parse.verbs[g];
      if (!parse::IsSayVerb(w[gv.head].lemma) || gv.negated) continue;
      const int s = roles_.Subject(static_cast<int>(g), clauses_.Of(static_cast<int>(g)));
      if (s >= 0 && TrailingSpeaker(a_.phrases[s].b)) sj = s;
    }
    if (sj >= 0) speakers = roles_.Sources(sj);
    // "an Egyptian security source said": an unnamed source of a state
    // speaks for it.
    if (speakers.empty() && sj >= 0) {
      for (ActorRef x : a_.phrases[sj].actors) {
        if (!x.weak || x.country.size() != 3) continue;
        x = AsState(x);
        x.weak = false;
        speakers.push_back(x);
      }
    }
  }
  if (speakers.empty()) return false;
  // Denying is answering for one's own side: the report must tell of the
  // speaker's own ("its troops"); calling a report about another false is
  // no denial of responsibility. The target is the other party it names.
  ActorRef t;
  bool found = false, own_side = false;
  for (uint32_t j = that + 1; j < vg.b; ++j) {
    const int np = a_.phrase_of[j];
    if (np < 0 || a_.phrases[np].b != j) continue;
    for (const ActorRef& x : a_.phrases[np].actors) {
      if (x.country.empty()) continue;
      const ActorRef y = AsState(x);
      const bool own = std::any_of(speakers.begin(), speakers.end(),
                                   [&](const ActorRef& s) { return s.country == y.country; });
      if (own && !x.place && j == static_cast<uint32_t>(that) + 1) own_side = true;  // the act's doer
      if (own || found) continue;
      t = y;
      found = true;
    }
  }
  if (!own_side || (!found && env_.opt.require_target)) return false;
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  for (const ActorRef& s : speakers) pairs.push_back({s, found ? t : ActorRef()});
  if (!env_.lex.EventCode("016")) return false;
  emitter_.Emit(v, pairs, "016", "said a report was " + std::string(w[k].lower), "denial of a report",
                found ? "the other party the report names" : "none named", out);
  return true;
}

bool EventStage::InvestigatedAttacker(int v, uint32_t end, const std::vector<ActorRef>& sources,
                                      ActorRef* t) const {
  const auto& w = a_.parse.words;
  (void)end;  // ("opened an investigation on Tuesday into …": past the window's time words)
  for (uint32_t k = a_.parse.verbs[v].e; k + 1 < w.size(); ++k) {
    if (w[k].tag == Tag::kComma || w[k].tag == Tag::kEnd || w[k].tag == Tag::kThat || w[k].tag == Tag::kSub) break;
    if (w[k].lower != "into") continue;
    uint32_t j = k + 1;
    while (j < w.size() && w[j].tag == Tag::kTime) ++j;  // "into Monday's strike"
    if (j >= w.size() || a_.phrase_of[j] < 0) return false;
    const Phrase& p = a_.phrases[a_.phrase_of[j]];
    if (!parse::IsAttackNoun(w[p.e - 1].lower) && w[p.e - 1].lower != "strike" && w[p.e - 1].lower != "strikes") {
      return false;
    }
    for (const ActorRef& x : p.actors) {
      if (x.code.empty() || x.place || (x.weak && !x.weapon) || roles_.SameActor(sources, x)) continue;
      *t = x;
      return true;
    }
    return false;
  }
  return false;
}

}  // namespace dyad::code
