#include "code/nouns.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "code/places.h"
#include "parse/parser.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;
using parse::Word;

namespace {

// Verbs that only carry the act their object names: "held talks",
// "launched strikes", "staged a protest", "carried out raids".
bool LightVerb(std::string_view lemma) {
  static const char* const kLight[] = {
      "hold",     "launch",  "carry",   "conduct", "stage",   "issue",    "make",   "lodge",
      "mount",    "begin",   "start",   "open",    "resume",  "continue", "wage",   "unleash",
      "intensify", "step",   "escalate", "express", "voice",  "extend",   "give",   "declare",
      "announce", "order",   "hold",    "host",    "join",    "attend",   "perform", "undertake",
      "initiate", "commence", "renew",  "expand",  "step"};
  static const std::unordered_set<std::string_view> kSet(std::begin(kLight), std::end(kLight));
  return kSet.count(lemma) > 0;
}

// Verbs and nouns whose object names something not (yet) done: "called
// for talks", "fears of an attack", "warned of strikes", "ahead of talks".
bool NotYetGovernor(std::string_view w) {
  static const char* const kWords[] = {
      "call",      "urge",     "demand",    "seek",     "propose",  "plan",      "threaten",
      "fear",      "warn",     "avert",     "prevent",  "avoid",    "rule",      "consider",
      "prepare",   "want",     "hope",      "expect",   "ask",      "push",      "press",
      "block",     "veto",     "oppose",    "reject",   "refuse",   "deny",      "postpone",
      "delay",     "cancel",   "need",      "require",  "request",  "discuss",   "weigh",
      "threat",    "threats",  "fears",     "risk",     "risks",    "prospect",  "prospects",
      "possibility", "calls",  "demands",   "plans",    "preparations", "hopes", "talk",
      "proposal",  "bid",      "danger",    "rumours",  "rumors",   "ahead",     "pave",
      "allow",     "permit",   "resist",    "stop",     "halt",     "end",      "agree",
      "offer",     "invite"};
  static const std::unordered_set<std::string_view> kSet(std::begin(kWords), std::end(kWords));
  return kSet.count(w) > 0;
}

// Words in a noun's own phrase that make it not (yet) real.
bool NotYetModifier(std::string_view w) {
  return w == "no" || w == "any" || w == "possible" || w == "potential" || w == "future" ||
         w == "imminent" || w == "further" || w == "fresh" || w == "new" || w == "next" ||
         w == "another" || parse::IsNotYetWord(w);
}

// Roots whose "of" phrase names the side acted on ("the invasion of
// Ukraine", "criticism of Baku"); for the others it is the side acting
// ("the visit of the Kenyan president").
bool OfIsTarget(const std::string& root) {
  return root != "04" && root != "05" && root != "06" && root != "07" && root != "03" &&
         root != "02" && root != "10" && root != "14";
}

// The verb an infinitive chain hangs on ("urged X to use …" -> "urged").
int AboveInfinitives(const Clauses& clauses, int v) {
  for (int steps = 0; steps < 8; ++steps) {
    const Clause& c = clauses.Of(v);
    if (c.kind != parse::ClauseKind::kInfinitive || c.governor_vg < 0) break;
    v = c.governor_vg;
  }
  return v;
}

}  // namespace

// "suspension of", "halt to", "end of": a noun that stops the act after it.
bool IsStoppingNoun(std::string_view w) {
  static const char* const kWords[] = {"suspension", "suspending", "halt", "halting", "freeze",
                                       "freezing",   "cutoff",     "cut-off", "cuts",  "end",
                                       "ending",     "cessation",  "termination", "cancellation",
                                       "pause",      "stop",       "stoppage"};
  static const std::unordered_set<std::string_view> kSet(std::begin(kWords), std::end(kWords));
  return kSet.count(w) > 0;
}

// The CAMEO code of stopping the act `code` names: aid (07) -> 162
// (economic 1621, military 1622, humanitarian 1623), talks (04) -> 164,
// mediation -> 165, diplomatic (05) -> 161, material cooperation (06) ->
// 160; "" for any other act (stopping it is not that act).
std::string StoppedCode(const std::string& code) {
  if (code.rfind("071", 0) == 0) return "1621";
  if (code.rfind("072", 0) == 0 || code.rfind("074", 0) == 0) return "1622";
  if (code.rfind("073", 0) == 0) return "1623";
  if (code.rfind("07", 0) == 0) return "162";
  if (code.rfind("045", 0) == 0) return "165";
  if (code.rfind("04", 0) == 0) return "164";
  if (code.rfind("05", 0) == 0) return "161";
  if (code.rfind("06", 0) == 0) return "160";
  return "";
}


const EventNoun::Variant* NounStage::NounAt(uint32_t k) const {
  const auto& w = a_.parse.words;
  const Word& word = w[k];
  if (word.tag != Tag::kNoun || !word.info || !word.info->noun || word.mention >= 0) return nullptr;
  // The head of its chunk: nothing nominal follows it.
  if (k + 1 < w.size() && (w[k + 1].tag == Tag::kNoun || w[k + 1].tag == Tag::kProper ||
                           w[k + 1].tag == Tag::kNum)) {
    return nullptr;
  }
  for (const EventNoun::Variant& v : word.info->noun->variants) {
    uint32_t n = static_cast<uint32_t>(v.before.size());
    if (n > k) continue;
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; ++i) ok = w[k - n + i].lower == v.before[i];
    if (ok) return &v;
  }
  return nullptr;
}

namespace {

// "erupted", "spread", "entered a second day": verbs that tell that
// something goes on, with no one doing it.
bool IsHappeningVerb(std::string_view l) {
  return l == "erupt" || l == "continue" || l == "spread" || l == "break" || l == "grow" ||
         l == "resume" || l == "enter" || l == "flare" || l == "rage" || l == "swell" ||
         l == "persist" || l == "intensify" || l == "escalate" || l == "sweep" || l == "rock" ||
         l == "grip" || l == "spill" || l == "paralyse" || l == "paralyze" || l == "take";
}

}  // namespace

NounStage::Governor NounStage::GovernorOf(int np) const {
  const auto& w = a_.parse.words;
  const Phrase& p = a_.phrases[np];
  Governor g;
  int head = a_.HeadPhrase(np);
  // The object of a verb: the phrase right after it (adverbs aside).
  if (p.prep < 0 && p.b > 0) {
    uint32_t k = p.b;
    while (k > 0 && (w[k - 1].tag == Tag::kAdv || w[k - 1].tag == Tag::kTime)) --k;
    // "carried out raids": the particle belongs to the verb.
    if (k > 0 && (w[k - 1].lower == "out" || w[k - 1].lower == "up")) --k;
    int v = k > 0 ? a_.VerbAt(k - 1) : -1;
    if (v >= 0) {
      g.verb = v;
      g.object = true;
      g.light = LightVerb(w[a_.parse.verbs[v].head].lemma) ||
                LightVerb(w[a_.parse.verbs[v].head].lower);
      return g;
    }
  }
  // The subject of a verb.
  for (size_t v = 0; v < a_.verbs.size(); ++v) {
    if (a_.verbs[v].subject == head || a_.verbs[v].subject == np) {
      g.verb = static_cast<int>(v);
      g.subject = true;
      return g;
    }
  }
  // A prepositional phrase: the nearest verb before it — past a comma, the
  // main clause's ("urged India to use its influence, in a call with …").
  for (int v = static_cast<int>(a_.parse.verbs.size()) - 1; v >= 0; --v) {
    if (a_.parse.verbs[v].e <= p.b) {
      g.verb = v;
      if (env_.rd.comma_phrases_to_main && p.prep > 0 && w[p.prep - 1].tag == Tag::kComma) {
        g.verb = AboveInfinitives(clauses_, g.verb);
      }
      return g;
    }
  }
  for (size_t v = 0; v < a_.parse.verbs.size(); ++v) {
    if (a_.parse.verbs[v].b >= p.e) {
      g.verb = static_cast<int>(v);
      return g;
    }
  }
  return g;
}

namespace {

// Nouns that name something said: an appeal, an offer, a demand, an
// accusation, a rejection, a threat.
bool SaidRoot(std::string_view root) {
  return root == "02" || root == "03" || root == "10" || root == "11" || root == "12" || root == "13";
}

// "rejected Moscow's demand", "weighed the offer": a reply to something
// said takes for granted that it was said.
bool Presupposes(std::string_view lemma) {
  return lemma == "reject" || lemma == "refuse" || lemma == "deny" || lemma == "oppose" ||
         lemma == "veto" || lemma == "resist" || lemma == "consider" || lemma == "discuss" ||
         lemma == "weigh" || lemma == "agree" || lemma == "block";
}

// "Venezuela rejected Brazil's suggestion", "Chile welcomed Peru's offer":
// the one who answers is the one the words were addressed to.
bool Answers(std::string_view lemma) {
  return lemma == "reject" || lemma == "refuse" || lemma == "dismiss" || lemma == "deny" ||
         lemma == "accept" || lemma == "welcome" || lemma == "consider" || lemma == "weigh" ||
         lemma == "answer" || lemma == "heed" || lemma == "rebuff" || lemma == "spurn";
}

// "condemned the strikes", "investigated the raid": verbs that answer an
// act take for granted that it happened.
bool ReactsTo(std::string_view lemma) {
  return lemma == "condemn" || lemma == "denounce" || lemma == "criticise" || lemma == "criticize" ||
         lemma == "deplore" || lemma == "decry" || lemma == "investigate" || lemma == "probe" ||
         lemma == "mourn" || lemma == "avenge";
}

}  // namespace

std::string NounStage::NotAsserted(uint32_t k, int np, const Governor& g, std::string_view root,
                                   bool occasion) const {
  const auto& w = a_.parse.words;
  const Phrase& p = a_.phrases[np];
  if (a_.parse.question) return "question";
  for (uint32_t i = p.b; i < k; ++i) {
    if (NotYetModifier(w[i].lower) && w[i].tag != Tag::kProper) return "'" + std::string(w[i].lower) + "' before it";
  }
  // "one year since Hamas's attack": "since" (a conjunction here) before it.
  if (p.b > 0 && w[p.b - 1].lower == "since") return "since: before the story";
  // What governs the phrase: "threat of strikes", "calls for talks",
  // "ahead of talks", "for talks" (a purpose), "since the invasion".
  if (p.prep >= 0) {
    std::string_view prep = w[p.prep].lower;
    uint32_t before = static_cast<uint32_t>(p.prep);
    if (prep == "since") return "since: before the story";
    if (prep == "for" && before > 0 && a_.VerbAt(before - 1) >= 0) return "the purpose of a verb";
    if (before > 0) {
      std::string_view gov = w[before - 1].lower;
      std::string_view gov_lemma = w[before - 1].lemma.empty() ? gov : w[before - 1].lemma;
      if (NotYetGovernor(gov) || NotYetGovernor(gov_lemma)) return "after '" + std::string(gov) + "'";
      if (gov == "anniversary" || gov == "anniversaries") return "an anniversary";
    }
  }
  // A year in the phrase or right after it, before the story's ("the 2006 war").
  const int story_year = env_.date / 10000;
  for (uint32_t i = p.b; i < std::min<uint32_t>(p.e + 2, static_cast<uint32_t>(w.size())); ++i) {
    int year = 0;
    if (IsYear(w[i].lower, &year) && story_year > 0 && year < story_year) {
      return "historical (" + std::string(w[i].lower) + ")";
    }
  }
  // "In 2003 the forces of X made the invasion of Y", "in August 1968, an
  // invasion that …": a sentence dated before the story tells background.
  if (sentence_past_year_ == -2) {  // once per sentence
    sentence_past_year_ = -1;
    for (size_t i = 0; i < w.size() && sentence_past_year_ < 0; ++i) {
      sentence_past_year_ = PastYearAfter(a_.parse, static_cast<int>(i), story_year);
    }
  }
  if (sentence_past_year_ >= 0) return "historical (" + std::string(w[sentence_past_year_].lower) + ")";
  // "after Indian missile strikes on …", "after two days of clashes": an
  // act named as what came before another happened ("years after" it is
  // history).
  // (Not under a future or modal verb: "will sign it after talks next week".)
  const bool ahead = g.verb >= 0 && (a_.parse.verbs[g.verb].future || a_.parse.verbs[g.verb].modal);
  if (env_.rd.occasions_happened && p.b > 0 && !ahead) {
    uint32_t at = p.b - 1;
    while (at > 0 && w[at].tag == Tag::kAdv) --at;  // "of deadly clashes"
    if (w[at].lower == "of" && at > 0 && a_.phrase_of[at - 1] >= 0) at = a_.phrases[a_.phrase_of[at - 1]].b - 1;
    if (at < p.b && (w[at].lower == "after" || w[at].lower == "following")) {
      std::string_view span = at > 0 ? w[at - 1].lower : std::string_view();
      if (IsLongSpan(span)) {
        return "historical (" + std::string(span) + " after)";
      }
      return "";
    }
  }
  if (g.verb < 0) return "";
  const VerbGroup& vg = a_.parse.verbs[g.verb];
  std::string_view lemma = w[vg.head].lemma;
  // "demanded that the IAEA condemn the U.S. strikes": what a reaction
  // answers happened, whatever becomes of the reaction.
  if (env_.rd.occasions_happened && g.object && !SaidRoot(root) && ReactsTo(lemma)) return "";
  const bool set_off = env_.rd.comma_phrases_to_main && p.prep >= 0 &&
                       ((p.prep > 0 && w[p.prep - 1].tag == Tag::kComma) || (root == "04" && occasion));
  if (!g.subject && !g.light && !set_off && (NotYetGovernor(lemma) || NotYetGovernor(w[vg.head].lower)) &&
      !(env_.rd.said_acts_presupposed && g.object && SaidRoot(root) && Presupposes(lemma))) {
    return "the object of '" + std::string(w[vg.head].lower) + "'";
  }
  std::string why = clauses_.Blocked(g.verb, clauses_.Of(g.verb));
  if (why.empty() || why == "gerund") return "";
  // "condemned Russia's invasion" under any mood: a possessor's act is
  // taken as given; an act a light verb carries shares the verb's fate.
  if (!g.light && k > p.b && w[k - 1].tag == Tag::kPoss && why.rfind("historical", 0) != 0) {
    return "";
  }
  return why;
}

std::vector<ActorRef> NounStage::OwnSources(int np, uint32_t k) const {
  std::vector<ActorRef> out;
  for (const ActorRef& x : a_.phrases[np].actors) {
    if (x.code.empty() || x.place || x.pronoun || x.b >= k || x.b < a_.phrases[np].b) continue;
    ActorRef s = AsState(x);  // "a Rwandan demand": the demonym's state
    out.push_back(s);
  }
  return out;
}

std::vector<ActorRef> NounStage::ByAgent(uint32_t k, int np) const {
  const auto& w = a_.parse.words;
  uint32_t j = std::max<uint32_t>(k + 1, a_.phrases[np].e);
  // "a swap brokered by Qatar", "strikes carried out by Israel".
  int v = a_.VerbAt(j);
  if (v >= 0 && a_.parse.verbs[v].participle) j = a_.parse.verbs[v].e;
  if (j + 1 < w.size() && w[j].lower == "out") ++j;
  // "a visit to Minsk by the U.S. envoy", "strikes on Gaza by Israel": past
  // the noun's own target phrase.
  if (env_.rd.occasions_happened && j + 2 < w.size() && w[j].lower != "by" &&
      (w[j].tag == Tag::kPrep || w[j].tag == Tag::kTo) && a_.phrase_of[j + 1] >= 0) {
    const uint32_t after = a_.phrases[a_.phrase_of[j + 1]].e;
    if (after + 1 < w.size() && w[after].lower == "by") j = after;
  }
  if (j + 1 < w.size() && w[j].lower == "by" && a_.phrase_of[j + 1] >= 0) {
    return roles_.Sources(a_.phrase_of[j + 1]);
  }
  return {};
}

std::vector<ActorRef> NounStage::Targets(uint32_t k, int np, const std::string& code,
                                         const std::vector<ActorRef>& sources,
                                         std::string* how) const {
  const auto& w = a_.parse.words;
  const Phrase& p = a_.phrases[np];
  const std::string root = code.substr(0, 2);
  auto usable = [&](std::vector<ActorRef> ts) {
    std::vector<ActorRef> out;
    for (ActorRef& t : ts) {
      if (t.code.empty() || roles_.SameActor(sources, t)) continue;
      t = AsState(t);
      out.push_back(t);
    }
    return out;
  };
  // "of" inside the phrase: "the invasion of Ukraine".
  if (p.of > static_cast<int>(k) && OfIsTarget(root)) {
    auto ts = usable(p.of_actors);
    if (!ts.empty()) {
      *how = "noun's 'of' phrase";
      return ts;
    }
  }
  // A preposition after the phrase (past a "by" phrase).
  uint32_t j = std::max<uint32_t>(k + 1, p.e);
  bool struck_nobody = false;  // "strikes on targets": a blow's object names no actor
  for (int hops = 0; hops < 3 && j + 1 < w.size(); ++hops) {
    std::string_view prep = w[j].lower;
    int next = a_.phrase_of[j + 1];
    if (next < 0) break;
    // "strikes on targets in Pakistan": the place of what was struck.
    if (struck_nobody && prep == "in") {
      std::vector<ActorRef> places = usable(roles_.Targets(next));
      if (!places.empty()) {
        *how = "the place of what the blow struck";
        return places;
      }
    }
    // "talks on / an agreement over the withdrawal": for consultation and
    // cooperation "on" and "over" name the topic, not the partner.
    bool topic = (prep == "on" || prep == "over") &&
                 (root == "03" || root == "04" || root == "05" || root == "06");
    bool target_prep = !topic && (prep == "on" || prep == "against" || prep == "at" || prep == "to" ||
                       prep == "with" || prep == "into" || prep == "toward" ||
                       prep == "towards" || prep == "between" || prep == "over" ||
                       (prep == "of" && OfIsTarget(root)));
    if (target_prep) {
      std::vector<ActorRef> ts = usable(roles_.Targets(next));
      // Places are where, not whom — except for acts of force.
      std::vector<ActorRef> keep;
      for (const ActorRef& t : ts) {
        if (t.place && !ViolentRoot(root)) continue;
        keep.push_back(t);
      }
      if (!keep.empty()) {
        *how = "noun's '" + std::string(prep) + "' phrase";
        return keep;
      }
      // ("a strike on his residence in Tehran" hit his, not Iran's.)
      struck_nobody = ViolentRoot(root) && (prep == "on" || prep == "against" || prep == "at") &&
                      w[a_.phrases[next].b].tag != Tag::kPossPron;
    }
    if (prep != "by" && prep != "in" && prep != "from" && !topic && !target_prep) break;
    j = a_.phrases[next].e;
  }
  // "a demand that Kinshasa open talks": the subject of its clause.
  j = std::max<uint32_t>(k + 1, p.e);
  if (j + 1 < w.size() && w[j].tag == Tag::kThat && a_.phrase_of[j + 1] >= 0) {
    auto ts = usable(roles_.Targets(a_.phrase_of[j + 1]));
    if (!ts.empty()) {
      *how = "noun's 'that' clause";
      return ts;
    }
  }
  return {};
}

bool NounStage::Repeats(const std::vector<Event>& out, const ActorRef& s, const ActorRef& t,
                        const std::string& root) const {
  for (size_t i = a_.first_event; i < out.size(); ++i) {
    const Event& e = out[i];
    if (e.root != root || e.source.code.substr(0, 3) != s.code.substr(0, 3)) continue;
    if (!e.target || e.target->code.substr(0, 3) == t.code.substr(0, 3)) return true;
  }
  return false;
}

void NounStage::Run(std::vector<Event>* out) {
  const auto& w = a_.parse.words;
  for (uint32_t k = 0; k < w.size(); ++k) {
    const EventNoun::Variant* variant = NounAt(k);
    if (!variant) continue;
    int np = a_.phrase_of[k];
    if (np < 0) continue;
    std::string code = variant->code;
    // "their first joint naval exercises": drills held together are
    // military cooperation (062), whatever adjectives stand between.
    if (code.rfind("15", 0) == 0) {
      for (uint32_t i = a_.phrases[np].b; i < k; ++i) {
        if (w[i].lower == "joint") code = "062";
      }
    }
    // "Washington's suspension of military aid to Kyiv", "the halt of
    // talks": aid, cooperation or talks stopped reduce relations (16);
    // another act stopped ("a cessation of hostilities") is no such act.
    if (env_.rd.stopped_acts_reduce) {
      // The "of"/"to" before the noun, inside its phrase or opening it.
      const Phrase& p0 = a_.phrases[np];
      int of = -1;
      for (int j = static_cast<int>(k) - 1; j >= 0 && j >= static_cast<int>(p0.b) - 1; --j) {
        if (w[j].lower == "of" || w[j].lower == "to") {
          of = j;
          break;
        }
        if (w[j].tag != Tag::kNoun && w[j].tag != Tag::kProper && w[j].tag != Tag::kAdv &&
            w[j].tag != Tag::kPossPron && w[j].tag != Tag::kDet) {
          break;
        }
      }
      if (of > 0 && IsStoppingNoun(w[of - 1].lower)) {
        const std::string reduced = StoppedCode(code);
        if (reduced.empty()) {
          if (Tracing(env_)) Trace(env_, a_, "noun '" + std::string(w[k].lower) + "' (" + code + ") not coded: stopped");
          continue;
        }
        code = reduced;
      }
    }
    const EventCodeInfo* info = env_.lex.EventCode(code);
    if (!info) continue;
    Governor g = GovernorOf(np);
    // "asked Paris to press Israel in a phone call with Macron": talks in
    // which something was said are the main clause's occasion.
    const int gp = a_.phrases[np].prep;
    const bool occasion = env_.rd.comma_phrases_to_main && info->root == "04" && gp >= 0 && !g.subject &&
                          (w[gp].lower == "during" || (w[gp].lower == "in" && code.rfind("041", 0) == 0));
    if (occasion && g.verb >= 0) {
      g.verb = AboveInfinitives(clauses_, g.verb);
    }
    std::string why = NotAsserted(k, np, g, code.substr(0, 2), occasion);
    auto drop = [&](const std::string& reason) {
      if (Tracing(env_)) {
        Trace(env_, a_, "noun '" + std::string(w[k].lower) + "' (" + code + ") not coded: " + reason);
      }
    };
    // "said it was willing to hold talks with Y", "offered to host a
    // summit": talks a light verb carries under declared readiness or an
    // offer are the subject's intent (03).
    std::string declared;
    if (!why.empty() && env_.rd.declared_intent_nouns && g.light && g.verb >= 0 &&
        why.rfind("infinitive", 0) == 0 && DeclaredIntent(g.verb)) {
      declared = IntentCode(code, info->root);
      if (!declared.empty()) why.clear();
    }
    if (!why.empty()) {
      drop(why);
      continue;
    }
    std::string how = declared.empty() ? "noun" : "declared intent";
    std::vector<ActorRef> sources = OwnSources(np, k);
    if (sources.empty()) sources = ByAgent(k, np);
    if (sources.empty() && g.light && g.verb >= 0) {
      sources = roles_.Sources(a_.verbs[g.verb].subject);
      how = "noun after a light verb";
    }
    // "X is open to talks with Y", "ready for negotiations": declared
    // readiness for an act is an intent (03) of the verb's subject.
    std::string as = declared.empty() ? code : declared;
    const Phrase& ph = a_.phrases[np];
    if (sources.empty() && ph.prep > 1 && g.verb >= 0 && !g.subject) {
      std::string_view prep = w[ph.prep].lower;
      std::string_view adj = w[ph.prep - 1].lower;
      if ((prep == "to" || prep == "for") &&
          (adj == "open" || adj == "ready" || adj == "willing" || adj == "prepared") &&
          !a_.parse.verbs[g.verb].negated) {
        std::string intent = IntentCode(code, info->root);
        if (!intent.empty()) {
          sources = roles_.Sources(a_.verbs[g.verb].subject);
          as = intent;
          how = "readiness for the act (intent)";
        }
      }
    }
    // "X told Y during talks in London": talks the clause's actors held.
    bool during = false;
    if (sources.empty() && ph.prep >= 0 && g.verb >= 0 && !g.subject && info->root == "04" &&
        (w[ph.prep].lower == "during" || w[ph.prep].lower == "at" ||
         (env_.rd.comma_phrases_to_main && w[ph.prep].lower == "in" &&
          (code.rfind("041", 0) == 0 || (ph.prep > 0 && w[ph.prep - 1].tag == Tag::kComma))))) {
      sources = roles_.Sources(a_.verbs[g.verb].subject);
      how = "talks the clause's subject held";
      during = !sources.empty();
    }
    std::vector<std::pair<ActorRef, ActorRef>> pairs;
    if (sources.empty()) {
      // "talks between A and B": each toward the other.
      std::vector<ActorRef> parties = Between(k, np);
      for (const ActorRef& x : parties) {
        for (const ActorRef& y : parties) {
          if (&x != &y && x.code != y.code && !Repeats(*out, x, y, info->root)) pairs.push_back({x, y});
        }
      }
      if (!pairs.empty()) {
        emitter_.Emit(-1, pairs, code, std::string(w[k].lower) + " (noun)", variant->origin,
                      "noun's 'between' phrase", out, static_cast<int>(k));
        continue;
      }
      // "Protests erupted across Kenya", "rallies entered a third day in
      // Lome": street protest told as something that happens is the
      // people's of the place it happens in, against their state (14).
      if (env_.rd.happening_protests && info->root == "14" && g.subject && g.verb >= 0 &&
          IsHappeningVerb(w[a_.parse.verbs[g.verb].head].lemma)) {
        const std::string home = NearestLocation(a_, ph.b, ph.e);
        if (!home.empty()) {
          ActorRef people;
          people.country = home;
          people.role = "OPP";
          people.code = home + "OPP";
          people.b = people.e = ph.b;
          people.located = true;
          people.how = "protesters of the place the protest happens in";
          std::string target_how;
          std::vector<ActorRef> targets = Targets(k, np, code, {people}, &target_how);
          if (targets.empty()) {
            ActorRef state;
            state.country = state.code = home;
            state.b = state.e = ph.b;
            state.located = true;
            state.how = "the state of the place";
            targets.push_back(state);
            target_how = "the state of the place";
          }
          for (const ActorRef& t : targets) {
            if (people.code != t.code) pairs.push_back({people, t});
          }
          if (!pairs.empty()) {
            emitter_.Emit(-1, pairs, code, std::string(w[k].lower) + " (noun)", variant->origin,
                          "protest that happens, " + target_how, out, static_cast<int>(k));
            continue;
          }
        }
      }
      drop("no source");
      continue;
    }
    const EventCodeInfo* as_info = as == code ? info : env_.lex.EventCode(as);
    if (!as_info) continue;
    const std::string& root = as_info->root;
    const bool mutual = MutualCode(code, w[k].lower);
    // "Israel and Lebanon renewed negotiations": partners named together
    // in the subject hold the talks with each other.
    if (mutual && sources.size() >= 2) {
      for (const ActorRef& x : sources) {
        for (const ActorRef& y : sources) {
          if (&x != &y && x.country != y.country && !Repeats(*out, x, y, root)) pairs.push_back({x, y});
        }
      }
      if (!pairs.empty()) {
        emitter_.Emit(-1, pairs, as, std::string(w[k].lower) + " (noun)", variant->origin,
                      how + ", partners in the subject", out, static_cast<int>(k));
        continue;
      }
    }
    std::string target_how;
    std::vector<ActorRef> targets = Targets(k, np, code, sources, &target_how);
    if (targets.empty() && (g.light || during) && g.verb >= 0) {
      targets = roles_.DefaultTargets(g.verb, patterns_.WindowEnd(g.verb), code, info->root, sources,
                                      &target_how);
    }
    if (targets.empty() && env_.rd.said_acts_presupposed && SaidRoot(info->root) && g.object && !g.light &&
        Answers(w[a_.parse.verbs[g.verb].head].lemma)) {
      for (const ActorRef& t : roles_.Sources(a_.verbs[g.verb].subject)) {
        if (!roles_.SameActor(sources, t)) targets.push_back(t);
      }
      target_how = "the one who answers it";
    }
    if (targets.empty()) {
      drop("no target");
      continue;
    }
    // "opened an investigation into the Russian strike": the light verb's
    // event already is this noun's act, whatever target it found.
    const bool carried = env_.rd.light_verb_carries && g.light && std::any_of(
        a_.first_event < out->size() ? out->begin() + static_cast<std::ptrdiff_t>(a_.first_event) : out->end(),
        out->end(), [&](const Event& e) {
          return e.root == root && !sources.empty() &&
                 e.source.code.substr(0, 3) == sources[0].code.substr(0, 3) &&
                 e.trigger_span.begin == WordBegin(env_, a_, a_.parse.verbs[g.verb].head);
        });
    if (carried) {
      drop("the light verb's event is this act");
      continue;
    }
    for (const ActorRef& s : sources) {
      for (const ActorRef& t : targets) {
        if (s.code == t.code || Repeats(*out, s, t, root)) continue;
        // Talks, cooperation and agreements are between different states.
        if ((mutual || root == "03" || root == "04" || root == "05" || root == "06") &&
            !s.country.empty() && s.country == t.country) {
          continue;
        }
        pairs.push_back({s, t});
      }
    }
    if (pairs.empty()) {
      drop("repeats an event of the sentence");
      continue;
    }
    const std::string pattern = std::string(w[k].lower) + " (noun)";
    emitter_.Emit(-1, pairs, as, pattern, variant->origin, how + ", " + target_how, out,
                  static_cast<int>(k));
    if (as == code) {
      emitter_.EmitOtherSide(-1, pairs, code, w[k].lower, pattern, variant->origin, out,
                             static_cast<int>(k));
    }
  }
}

bool NounStage::DeclaredIntent(int v) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  Clause c = clauses_.Of(v);
  if (c.kind != parse::ClauseKind::kInfinitive || vg.b == 0 || c.governor_vg < 0) return false;
  const VerbGroup& gov = a_.parse.verbs[c.governor_vg];
  if (gov.negated || !clauses_.Blocked(c.governor_vg, clauses_.Of(c.governor_vg)).empty()) return false;
  std::string_view before = w[vg.b - 1].lower;
  std::string_view lemma = w[gov.head].lemma;
  return before == "willing" || before == "ready" || before == "prepared" || before == "eager" ||
         before == "keen" || lemma == "offer" || lemma == "agree" || lemma == "pledge" ||
         lemma == "promise" || lemma == "vow";
}

std::vector<ActorRef> NounStage::Between(uint32_t k, int np) const {
  const auto& w = a_.parse.words;
  uint32_t j = std::max<uint32_t>(k + 1, a_.phrases[np].e);
  if (j + 1 >= w.size() || w[j].lower != "between" || a_.phrase_of[j + 1] < 0) return {};
  std::vector<ActorRef> out;
  for (ActorRef x : roles_.Targets(a_.phrase_of[j + 1])) {
    if (x.place) continue;
    x = AsState(x);
    out.push_back(x);
  }
  return out.size() >= 2 ? out : std::vector<ActorRef>();
}

}  // namespace dyad::code
