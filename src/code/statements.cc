// Statements and noun triggers -> events.
#include <algorithm>
#include <string_view>

#include "code/events.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;

void EventStage::CodeStatement(const PendingStatement& st, uint32_t end, std::vector<Event>* out) {
  const int v = st.v;
  const std::vector<ActorRef>& sources = st.sources;
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  uint32_t b = vg.e, e = end;
  // "…, X said." or '"…," X said': the complement is what came before.
  bool after_all = true;
  for (uint32_t k = vg.e; k < w.size(); ++k) {
    if (w[k].tag != Tag::kEnd && w[k].tag != Tag::kTime && w[k].tag != Tag::kPrep &&
        w[k].tag != Tag::kAdv && a_.phrase_of[k] < 0 && w[k].tag != Tag::kQuote) {
      after_all = false;
      break;
    }
  }
  // A quotation before the speaker ('"…," X said') is the speaker's own
  // statement; an attribution after a report ("…, officials said") only
  // says where the news came from.
  int sub = a_.verbs[v].subject;
  uint32_t first = sub >= 0 ? std::min<uint32_t>(a_.phrases[sub].b, vg.b) : vg.b;
  uint32_t q = first;
  while (q > 0 && (w[q - 1].tag == Tag::kComma || w[q - 1].tag == Tag::kAdv)) --q;
  if (q > 0 && w[q - 1].tag == Tag::kQuote) {
    b = 0;
    e = first;
  } else if (after_all || (vg.b > 0 && (w[vg.b - 1].tag == Tag::kComma ||
                                        w[vg.b - 1].tag == Tag::kQuote)) ||
             (env_.rd.trailing_speakers && TrailingSpeaker(first))) {
    if (Tracing(env_)) Trace(env_, a_, "attribution '" + std::string(w[vg.head].lower) + "' is not a statement event");
    return;
  }
  for (const ActorRef& s : sources) {
    if (s.located || s.pronoun) {
      if (Tracing(env_)) Trace(env_, a_, "statement by an unnamed speaker is not an event");
      return;
    }
  }
  // Any event verb coded (or codable) inside the complement wins.
  bool must = false, announced_act = false;
  int must_np = -1;
  for (size_t g = 0; g < a_.parse.verbs.size(); ++g) {
    const VerbGroup& gv = a_.parse.verbs[g];
    if (static_cast<int>(g) == v || gv.b < b || gv.b >= e) continue;
    int sj = a_.verbs[g].subject;
    if (sj < 0) sj = roles_.Subject(static_cast<int>(g), clauses_.Of(static_cast<int>(g)));
    if (gv.must && !gv.negated) {
      must = true;
      must_np = sj;
    }
    // "X said it was ready to send troops", "X said Y will be targets": what
    // was said is an act (announced, feared, denied…) of an actor, which the
    // verb's own rules code or leave out; a bare statement would misstate it.
    const parse::Word& hw = w[gv.head];
    // "X insisted …, some observers hope Moscow will accept …": a later
    // main clause, and what it governs, is not what X said.
    {
      int up = static_cast<int>(g);
      bool other_main = false;
      for (int steps = 0; up >= 0 && steps < 8; ++steps) {
        if (up == v) break;
        const Clause cu = clauses_.Of(up);
        if (cu.kind == parse::ClauseKind::kMain && up > v) {
          other_main = true;
          break;
        }
        up = cu.governor_vg;
      }
      if (other_main) continue;
    }
    // "X insisted they expect Y to cave in": an act only hoped for or
    // expected is what X thinks, and the statement stands.
    const Clause gc = clauses_.Of(static_cast<int>(g));
    if (gc.kind == parse::ClauseKind::kInfinitive &&
        (gc.governor == "expect" || gc.governor == "want" || gc.governor == "hope" ||
         gc.governor == "wish" || gc.governor == "believe")) {
      continue;
    }
    // Unless the speaker says it will not do the act ("X said it will not
    // attack Y", "X says it has no plans to invade Y"): an assurance is a
    // comment on Y.
    if (env_.rd.statement_yields_to_acts && hw.event_verb && !gv.copula &&
        !parse::IsSayVerb(hw.lemma) && !roles_.Sources(sj).empty() &&
        !OwnActDenied(sources, sj, static_cast<int>(g))) {
      announced_act = true;
    } else if (env_.rd.reported_acts_not_comments && !gv.copula && !gv.negated && !gv.modal &&
               gc.kind != parse::ClauseKind::kRelative && gc.kind != parse::ClauseKind::kCondition &&
               gc.kind != parse::ClauseKind::kTemporal && gc.kind != parse::ClauseKind::kReason &&
               ((hw.event_verb && (gv.passive || !roles_.Sources(sj).empty() ||
                                   (gv.e < w.size() && a_.phrase_of[gv.e] >= 0 &&
                                    a_.phrases[a_.phrase_of[gv.e]].prep < 0))) ||
                parse::IsSayVerb(hw.lemma)) &&
               !OwnActDenied(sources, sj, static_cast<int>(g)) && !DeniedIntent(static_cast<int>(g))) {
      // "X said shots had been fired at a consulate", "X said ministers had
      // told Ankara …": an act reported, whoever did it, is no comment of
      // X's; so is one done to something ("intelligence had uncovered a
      // plot"). ("said relations had improved" tells a state of affairs.)
      announced_act = true;
    }
  }
  for (size_t i : emitter_.EventsOfSentence(a_.sno, *out)) {
    const Event& ev = (*out)[i];
    if (ev.trigger_span.begin >= WordBegin(env_, a_, b) &&
        ev.trigger_span.end <= WordEnd(env_, a_, e)) {
      return;  // the statement only carries a reported event
    }
  }
  std::vector<ActorRef> targets;
  if (must && must_np >= 0) {
    targets = roles_.Sources(must_np);
  }
  if (targets.empty() && announced_act) {
    if (Tracing(env_)) {
      Trace(env_, a_, "statement '" + std::string(w[vg.head].lower) +
                          "': what was said is an actor's act, not a comment");
    }
    return;
  }
  if (targets.empty()) {
    must = false;
    for (uint32_t k = b; k < e; ++k) {
      if (a_.phrase_of[k] < 0) continue;
      for (const ActorRef& t : a_.phrases[a_.phrase_of[k]].actors) {
        if (t.code.empty() || t.place || roles_.SameActor(sources, t)) continue;
        // "Japan has no plans to send its forces to Ukraine, the premier
        // said": a state's words about its own people face the next actor.
        // (A group's words about the people of its state still face them.)
        auto state_voice = [&](const ActorRef& x) {
          std::string_view r = RoleOf(x);
          return r.empty() || r == "GOV" || r == "MIL" || r == "ELI" || r == "LEG" || r == "COP" || r == "JUD";
        };
        auto opposed = [&](const ActorRef& x) {
          std::string_view r = RoleOf(x);
          return r == "OPP" || r == "REB" || r == "SEP" || r == "INS" || r == "CRM";
        };
        if (env_.rd.statements_face_outward && !opposed(t) &&
            std::any_of(sources.begin(), sources.end(), [&](const ActorRef& s) {
              return state_voice(s) && !s.country.empty() && s.country == t.country;
            })) {
          continue;
        }
        targets.push_back(t);
        break;
      }
      if (!targets.empty()) break;
      k = a_.phrases[a_.phrase_of[k]].e - 1;
    }
  }
  if (targets.empty()) {
    if (Tracing(env_)) Trace(env_, a_, "statement '" + std::string(w[vg.head].lower) + "': no other actor in what was said");
    return;
  }
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  for (const ActorRef& s : sources) {
    for (const ActorRef& t : targets) {
      if (s.code != t.code) pairs.push_back({s, t});
    }
  }
  if (must) {
    emitter_.Emit(v, pairs, "100", "say + must", st.origin, "statement with 'must'", out);
  } else {
    emitter_.Emit(v, pairs, st.code, st.pattern, st.origin, "statement", out);
  }
}

// "during a visit to Washington": a visit noun with a 'to' target, made by
// the subject of the clause's verb.
bool EventStage::OwnActDenied(const std::vector<ActorRef>& sources, int sj, int g) const {
  if (sj < 0) return false;
  bool own = false;
  for (const ActorRef& s : roles_.Sources(sj)) own = own || roles_.SameActor(sources, s);
  if (!own) return false;
  const parse::VerbGroup& gv = a_.parse.verbs[g];
  if (gv.negated) return true;
  const auto& w = a_.parse.words;
  for (uint32_t k = a_.phrases[sj].e; k < gv.b && k < w.size(); ++k) {
    if (w[k].lower == "no" || w[k].lower == "not" || w[k].lower == "never" || w[k].lower == "n't") return true;
  }
  return false;
}

// "spoke in Nairobi on …", "told a joint press briefing in Seoul …": a
// state's official speaking in a city of another state is visiting it (042);
// a joint news conference there is also hosted (043).
void EventStage::CodeSpokenAbroad(const PendingStatement& st, std::vector<Event>* out) {
  if (!env_.rd.speaking_abroad_visits) return;
  const int v = st.v;
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  const Clause c = clauses_.Of(v);
  if (c.kind != parse::ClauseKind::kMain || !clauses_.Blocked(v, c).empty()) return;
  // An envoy, embassy or correspondent speaks where it is posted.
  const int sj = a_.verbs[v].subject;
  if (sj < 0) return;
  for (uint32_t k = a_.phrases[sj].b; k < a_.phrases[sj].e; ++k) {
    const std::string_view l = w[k].lower;
    if (l == "ambassador" || l == "envoy" || l == "embassy" || l == "mission" || l == "consul" ||
        l == "representative" || l == "correspondent" || l == "ambassadors" || l == "envoys") {
      return;
    }
  }
  // "in" and a place before what was said begins.
  bool joint = false;
  const ActorRef* where = nullptr;
  for (uint32_t k = vg.e; k + 1 < w.size() && !where; ++k) {
    const Tag t = w[k].tag;
    if (t == Tag::kThat || t == Tag::kComma || t == Tag::kQuote || t == Tag::kEnd || a_.VerbAt(k) >= 0) break;
    if (w[k].lower == "joint") joint = true;
    if (w[k].lower != "in" || a_.phrase_of[k + 1] < 0) continue;
    for (const ActorRef& p : a_.phrases[a_.phrase_of[k + 1]].actors) {
      // A city or capital ("in Beirut" names Lebanon), or the country.
      if (!p.country.empty() && !p.weak && (p.place || p.code == p.country)) {
        where = &p;
        break;
      }
    }
  }
  if (!where) return;
  std::vector<std::pair<ActorRef, ActorRef>> pairs;
  for (const ActorRef& s : st.sources) {
    if (s.located || s.pronoun || s.country.empty() || s.country == where->country) continue;
    const std::string_view role = RoleOf(s);
    if (!(role.empty() || role == "GOV" || role == "ELI" || role == "MIL" || role == "LEG")) continue;
    if (s.code.rfind("IGO", 0) == 0) continue;
    ActorRef host = *where;
    host.place = false;
    pairs.push_back({s, host});
  }
  if (pairs.empty()) return;
  for (size_t i : emitter_.EventsOfSentence(a_.sno, *out)) {
    if ((*out)[i].root == "04") return;  // a visit or meeting already told
  }
  const VerbEntry* ve = env_.lex.Verb("visit");
  if (!ve || ve->code.empty()) return;
  emitter_.Emit(v, pairs, ve->code, "spoke in + place abroad", ve->code_origin, "spoke abroad", out);
  if (joint) {
    emitter_.EmitOtherSide(v, pairs, ve->code, "visit", "spoke in + place abroad", ve->code_origin, out);
  }
}

// "…, the foreign minister said on Friday after meeting
// with …": a speaker after a comma that closes a clause names where the
// news came from, whatever follows the verb.
bool EventStage::TrailingSpeaker(uint32_t first) const {
  const auto& w = a_.parse.words;
  if (first == 0 || w[first - 1].tag != Tag::kComma) return false;
  for (const parse::VerbGroup& g : a_.parse.verbs) {
    if (g.e < first && g.finite && !g.infinitive && !g.gerund && !g.participle) return true;
  }
  return false;
}

bool EventStage::DeniedIntent(int g) const {
  const parse::VerbGroup& gv = a_.parse.verbs[g];
  if (!gv.infinitive) return false;
  const int gov = clauses_.Of(g).governor_vg;
  if (gov < 0 || gov >= g) return false;
  if (a_.parse.verbs[gov].negated) return true;
  const auto& w = a_.parse.words;
  for (uint32_t k = a_.parse.verbs[gov].b; k < gv.b; ++k) {
    if (w[k].lower == "no" || w[k].lower == "not" || w[k].lower == "never" || w[k].lower == "n't") return true;
  }
  return false;
}

void EventStage::CodeNounTriggers(std::vector<Event>* out) {
  const auto& w = a_.parse.words;
  for (uint32_t k = 0; k + 2 < w.size(); ++k) {
    std::string_view l = w[k].lower;
    if (!(l == "visit" || l == "trip" || l == "tour")) continue;
    if (w[k].tag != Tag::kNoun) continue;
    if (w[k + 1].lower != "to" || a_.phrase_of[k + 2] < 0) continue;
    const VerbEntry* ve = env_.lex.Verb("visit");
    if (!ve || ve->code.empty()) return;
    // The clause's verb: the nearest finite verb group before the noun.
    int g = -1;
    for (int v = static_cast<int>(a_.parse.verbs.size()) - 1; v >= 0; --v) {
      if (a_.parse.verbs[v].b < k && !a_.parse.verbs[v].infinitive) {
        g = v;
        break;
      }
    }
    if (g < 0) continue;
    // "called off a planned trip to Cuba": a visit not made.
    if ((k > 0 && parse::IsNotYetWord(w[k - 1].lower)) ||
        (k > 1 && parse::IsNotYetWord(w[k - 2].lower)) ||
        parse::IsUnmakingVerb(w[a_.parse.verbs[g].head].lemma)) {
      continue;
    }
    Clause c = clauses_.Of(g);
    std::string why = clauses_.Blocked(g, c);
    if (!why.empty() && why != "gerund") continue;
    int subj = a_.verbs[g].subject;
    // "were handed back … during a visit to Abuja by the minister": a
    // passive's subject made no visit; the visit's own agent did.
    const uint32_t after = a_.phrases[a_.phrase_of[k + 2]].e;
    if (env_.rd.occasions_happened &&
        (a_.parse.verbs[g].passive || (after < w.size() && w[after].lower == "by"))) {
      continue;
    }
    std::vector<ActorRef> sources = roles_.Sources(subj);
    std::vector<ActorRef> targets = roles_.Targets(a_.phrase_of[k + 2]);
    std::vector<std::pair<ActorRef, ActorRef>> pairs;
    for (const ActorRef& s : sources) {
      for (const ActorRef& t : targets) {
        if (!roles_.SameActor(sources, t)) pairs.push_back({s, t});
      }
    }
    if (pairs.empty()) continue;
    bool dup = false;
    for (size_t i : emitter_.EventsOfSentence(a_.sno, *out)) {
      if ((*out)[i].root == "04") dup = true;
    }
    if (dup) continue;
    emitter_.Emit(-1, pairs, ve->code, "visit (noun) to+", ve->code_origin, "noun 'visit to'", out,
         static_cast<int>(k));
  }
}

void EventStage::CodeOnlyIf(std::vector<Event>* out) {
  const auto& w = a_.parse.words;
  for (uint32_t k = 1; k + 1 < w.size(); ++k) {
    if (w[k].lower != "if" || w[k - 1].lower != "only") continue;
    // The condition: the first verb group after "if" and its subject.
    const int g = a_.VerbAfter(k);
    if (g < 0 || a_.parse.verbs[g].negated) return;
    const int cs = roles_.Subject(g, clauses_.Of(g));
    // The one setting it: the main clause's subject before "only if", or
    // the owner a demonym names on it ("U.S. sanctions … will be eased").
    int m = -1;
    for (size_t h = 0; h < a_.parse.verbs.size(); ++h) {
      if (a_.parse.verbs[h].e <= k - 1) m = static_cast<int>(h);
    }
    if (m < 0 || cs < 0) return;
    const VerbGroup& mv = a_.parse.verbs[m];
    if (!(mv.future || mv.modal) || mv.negated) return;  // "will return only if", "would ease only if"
    // Said by the side itself or plainly stated; not feared, questioned or
    // inside a statement that is itself not asserted.
    const std::string why = clauses_.Blocked(m, clauses_.Of(m));
    if (!why.empty() && why != "future" && why != "modal") return;
    const int ms = a_.verbs[m].subject >= 0 ? a_.verbs[m].subject : roles_.Subject(m, clauses_.Of(m));
    std::vector<ActorRef> sources = ms >= 0 ? roles_.Sources(ms) : std::vector<ActorRef>();
    if (sources.empty() && ms >= 0 && mv.passive) {
      for (ActorRef x : a_.phrases[ms].actors) {
        if (x.weak && x.country.size() == 3 && a_.phrases[ms].b == x.b) {
          x.weak = false;
          sources.push_back(AsState(x));
          break;
        }
      }
    }
    if (sources.empty()) return;
    std::vector<std::pair<ActorRef, ActorRef>> pairs;
    for (const ActorRef& t : roles_.Targets(cs)) {
      if (t.code.empty() || t.place || roles_.SameActor(sources, t)) continue;
      for (const ActorRef& s : sources) {
        if (s.country != t.country) pairs.push_back({s, t});
      }
    }
    if (pairs.empty() || !env_.lex.EventCode("100")) return;
    emitter_.Emit(m, pairs, "100", "only if (a condition set on the other side's act)", "condition",
                  "the subject of the condition", out);
    return;
  }
}

}  // namespace dyad::code
