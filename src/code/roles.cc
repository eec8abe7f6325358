#include "code/roles.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "code/places.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;

// Index of the noun phrase that is the subject of verb group v, or -1.
int Roles::Subject(int v, const Clause& c) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  // "marchers denouncing the vote count": the people it follows.
  if (clauses_.VoicingGerund(v) && a_.phrase_of[vg.b - 1] >= 0 && HasSources(a_.HeadPhrase(a_.phrase_of[vg.b - 1]))) {
    return a_.HeadPhrase(a_.phrase_of[vg.b - 1]);
  }
  // "…, with Chile accusing Peru of …": the absolute phrase's own actor.
  if (env_.rd.absolute_with && vg.gerund && vg.b > 0 && a_.phrase_of[vg.b - 1] >= 0) {
    const int np = a_.phrase_of[vg.b - 1];
    if (a_.phrases[np].prep >= 0 && w[a_.phrases[np].prep].lower == "with" && a_.HasActor(np)) return np;
  }
  // "landed in Lima after being granted asylum": a passive gerund after a
  // time word happens to the main clause's subject.
  if (env_.rd.passive_on_phrases && vg.passive && vg.b > 0 && w[vg.b].lower == "being" &&
      (w[vg.b - 1].lower == "after" || w[vg.b - 1].lower == "before" || w[vg.b - 1].lower == "upon" ||
       w[vg.b - 1].lower == "since" || w[vg.b - 1].lower == "despite")) {
    const int m = clauses_.MainVerbBefore(v);
    if (m >= 0 && m != v) return a_.verbs[m].subject;
  }
  if (clauses_.MeansGerund(v)) {
    int m = clauses_.MainVerbOf(v);
    if (m < 0) return -1;
    if (m > v) return Subject(m, clauses_.Of(m));  // fronted: not coded yet
    return a_.verbs[m].subject;
  }
  if (c.kind == parse::ClauseKind::kParticiple || c.kind == parse::ClauseKind::kInfinitive ||
      (vg.gerund && vg.b > 0 && a_.VerbAt(vg.b - 1) >= 0)) {
    int g = c.governor_vg >= 0 ? c.governor_vg : -1;
    if (g < 0) g = clauses_.MainVerbBefore(v);
    if (g < 0 && vg.b > 0) g = a_.VerbAt(vg.b - 1);
    return g >= 0 ? a_.verbs[g].subject : -1;
  }
  int k = static_cast<int>(vg.b) - 1;
  // Skip adverbials between subject and verb: "Washington on Wednesday eased".
  while (k >= 0) {
    Tag t = w[k].tag;
    if (t == Tag::kAdv || t == Tag::kTime) {
      --k;
      // "on Wednesday", "last week": the preposition or determiner goes too.
      while (k >= 0 && (w[k].tag == Tag::kPrep || w[k].tag == Tag::kDet) &&
             (w[k + 1].tag == Tag::kTime)) {
        --k;
      }
      continue;
    }
    if (a_.phrase_of[k] >= 0 && a_.phrases[a_.phrase_of[k]].prep >= 0 && k > 0) {
      const Phrase& np = a_.phrases[a_.phrase_of[k]];
      bool temporal = false;
      for (uint32_t j = np.b; j < np.e; ++j) {
        int y;
        if (w[j].tag == Tag::kTime || IsYear(w[j].lower, &y)) temporal = true;
      }
      if (temporal) {
        k = np.prep - 1;
        continue;
      }
    }
    break;
  }
  if (k < 0) return SubjectAfter(v);
  if (int noun = env_.rd.noun_complement_subjects ? ComplementedNoun(v, k) : -1; noun >= 0) return noun;
  // "Chile and the African Union (AU) agree": the reference
  // coders look past a parenthesis before the verb.
  if (env_.rd.look_past_parenthesis && w[k].lower == ")") {
    int j = k - 1;
    while (j >= 0 && w[j].lower != "(") --j;
    if (j > 0 && a_.phrase_of[j - 1] >= 0) return a_.HeadPhrase(a_.phrase_of[j - 1]);
  }
  // ", which … ," between subject and verb.
  if (w[k].tag == Tag::kComma) {
    int j = k - 1;
    while (j >= 0 && w[j].tag != Tag::kComma && w[j].tag != Tag::kRel) --j;
    if (j >= 0 && w[j].tag == Tag::kRel && j > 0 && w[j - 1].tag == Tag::kComma) {
      k = j - 2;
    } else if (env_.rd.inclusions_in_window && j > 0 && j + 1 < k &&
               (w[j + 1].lower == "including" || w[j + 1].lower == "notably" ||
                (w[j + 1].lower == "such" && j + 2 < k && w[j + 2].lower == "as"))) {
      // "nine soldiers, including two officers, were wounded": past the
      // list of those included; "Several countries, including France and
      // Germany, condemned …": the named ones when the head names no one.
      const int before = a_.phrase_of[j - 1] >= 0 ? a_.HeadPhrase(a_.phrase_of[j - 1]) : -1;
      const uint32_t in = static_cast<uint32_t>(j) + (w[j + 1].lower == "such" ? 3 : 2);
      if (before >= 0 && !HasSources(before) && in < static_cast<uint32_t>(k) && a_.phrase_of[in] >= 0 &&
          HasSources(a_.phrase_of[in])) {
        return a_.phrase_of[in];
      }
      k = j - 1;
    } else if (j >= 0 && w[j].tag == Tag::kComma && j + 1 < k && w[j + 1].tag == Tag::kRel) {
      k = j - 1;
    } else if (int a = env_.rd.appositive_subjects
                           ? Appositive(j, k, env_.rd.passive_appositions && vg.passive)
                           : -1;
               a >= 0) {
      return a;
    } else {
      // VP coordination across a comma, or an attribution ("…, police said").
      if (parse::IsSayVerb(w[vg.head].lemma)) return SubjectAfter(v);
      return PreviousSubject(v);
    }
  }
  if (k < 0) return -1;
  if (w[k].tag == Tag::kQuote) return SubjectAfter(v);
  if (w[k].tag == Tag::kCoord) {
    // "X said the Kremlin bore responsibility and warned …": X warned.
    if (const int m = clauses_.SpeakerCoordinated(v); m >= 0) return a_.verbs[m].subject;
    if (const int m = clauses_.MainAfterSubordinate(v); m >= 0) return a_.verbs[m].subject;
    return PreviousSubject(v);
  }
  if (w[k].tag == Tag::kRel || (w[k].tag == Tag::kThat && c.kind == parse::ClauseKind::kRelative)) {
    int j = k - 1;
    if (j >= 0 && w[j].tag == Tag::kComma) --j;
    const int id = j >= 0 ? a_.phrase_of[j] : -1;
    // "Niger and Mali were among the states that criticised
    // …": the subject of "were among" did it.
    if (env_.rd.among_relative && id >= 0 && !HasSources(id) && a_.phrases[id].prep > 0 &&
        w[a_.phrases[id].prep].lower == "among") {
      const int g = a_.VerbAt(static_cast<uint32_t>(a_.phrases[id].prep - 1));
      if (g >= 0 && g < v && a_.parse.verbs[g].copula) {
        const int sg = a_.verbs[g].subject >= 0 ? a_.verbs[g].subject : Subject(g, clauses_.Of(g));
        if (sg >= 0 && HasSources(sg)) return sg;
      }
    }
    return id;
  }
  if (a_.phrase_of[k] >= 0) {
    // The subject is the phrase that ends here. A phrase inside a
    // prepositional phrase ("A fire at a warehouse in Mexico killed") is
    // not: walk back through the prepositional phrases to the head phrase.
    int id = a_.phrase_of[k];
    while (id >= 0 && a_.phrases[id].prep >= 0) {
      int j = a_.phrases[id].prep - 1;
      // "The aid agency working in Yemen said": past a reduced relative.
      if (j >= 0 && env_.rd.rich_subjects) {
        if (int follows = RelativeFollows(j, v); follows >= 0) j = follows;
      }
      // "Berlin along with its partners urged": the first partner.
      if (j > 0 && env_.rd.rich_subjects && w[a_.phrases[id].prep].lower == "with" &&
          (w[j].lower == "along" || w[j].lower == "together")) {
        --j;
      }
      id = (j >= 0) ? a_.phrase_of[j] : -1;
    }
    if (!env_.rd.rich_subjects) return id;
    if (id >= 0 && !HasSources(id)) id = ParentheticSubject(id, k);
    // "Ruto and a delegation of senators held talks": the named
    // conjunct speaks for an unnamed one.
    if (id >= 0 && !HasSources(id) && a_.phrases[id].b >= 2 &&
        w[a_.phrases[id].b - 1].tag == Tag::kCoord && a_.phrase_of[a_.phrases[id].b - 2] >= 0 &&
        HasSources(a_.HeadPhrase(a_.phrase_of[a_.phrases[id].b - 2]))) {
      id = a_.HeadPhrase(a_.phrase_of[a_.phrases[id].b - 2]);
    }
    // "British aircraft using guided missiles killed …": the object of a
    // reduced relative; the subject is the phrase the relative follows.
    if (id >= 0 && !HasSources(id) && a_.phrases[id].b > 0) {
      int follows = RelativeFollows(static_cast<int>(a_.phrases[id].b) - 1, v);
      if (follows >= 0 && HasSources(a_.HeadPhrase(a_.phrase_of[follows]))) {
        id = a_.HeadPhrase(a_.phrase_of[follows]);
      }
    }
    return id;
  }
  if (env_.rd.rich_subjects && w[k].lower == ")") return ParentheticSubject(-1, k);
  return -1;
}

// "A Rwandan demand that Kinshasa open talks was rejected", "Reports that
// the army withdrew were denied": a noun whose "that" complement (with a
// finite verb of its own) runs up to word k, before verb group v, is the
// subject — when it opens the clause.
int Roles::ComplementedNoun(int v, int k) const {
  const auto& w = a_.parse.words;
  for (int j = k; j > 0; --j) {
    const Tag t = w[j].tag;
    if (t == Tag::kComma || t == Tag::kQuote || t == Tag::kSub || t == Tag::kRel || t == Tag::kEnd) return -1;
    if (t != Tag::kThat) continue;
    std::string_view noun = w[j - 1].lower;
    const bool complemented = parse::IsHearsayNoun(noun) || noun == "demand" || noun == "demands" ||
                              noun == "request" || noun == "requests" || noun == "proposal" ||
                              noun == "insistence" || noun == "call" || noun == "calls" ||
                              noun == "decision" || noun == "assurance" || noun == "assurances";
    if (!complemented || a_.phrase_of[j - 1] < 0) return -1;
    bool own_verb = false;  // the complement's own finite verb
    for (size_t g = 0; g < a_.parse.verbs.size(); ++g) {
      const parse::VerbGroup& gv = a_.parse.verbs[g];
      if (static_cast<int>(g) != v && gv.b > static_cast<uint32_t>(j) && gv.e <= a_.parse.verbs[v].b &&
          !gv.infinitive && !gv.gerund && !gv.participle) {
        own_verb = true;
      }
    }
    if (!own_verb) return -1;
    const int head = a_.HeadPhrase(a_.phrase_of[j - 1]);
    if (head < 0) return -1;
    const uint32_t b = a_.phrases[head].b;
    if (b > 0 && w[b - 1].tag != Tag::kComma && w[b - 1].tag != Tag::kSub && w[b - 1].tag != Tag::kQuote) return -1;
    return head;
  }
  return -1;
}

// "A deputy of the Chadian assembly, Idriss Mahamat, began …",
// "Pakistan, a key U.S. ally in the war on terror, has refused …": the
// phrase between commas j and k (with its prepositional phrases) names the
// phrase before it. The subject is the first of the two that names an
// actor. Only a sentence-initial phrase: a verb before it would make the
// commas a list or a coordination.
int Roles::Appositive(int j, int k, bool as_target) const {
  const auto& w = a_.parse.words;
  if (j < 1 || j + 1 >= k || a_.phrase_of[j + 1] < 0) return -1;
  const Phrase& b = a_.phrases[a_.phrase_of[j + 1]];
  if (b.b != static_cast<uint32_t>(j + 1) || b.prep >= 0) return -1;
  for (int m = static_cast<int>(b.e); m < k;) {
    // PETRARCH-2: "…, a UK-based group that tracks the war, said".
    if (env_.rd.appositive_stops_at_relative && (w[m].tag == Tag::kRel || w[m].tag == Tag::kThat)) break;
    // Only prepositional phrases may follow the apposition (or, "X and Y",
    // a second name).
    const bool joined = env_.rd.named_appositions && w[m].tag == Tag::kCoord;
    // "a tanker managed by a Greek firm": a reduced relative.
    if (as_target) {
      const int g = a_.VerbAt(static_cast<uint32_t>(m));
      if (g >= 0 && a_.parse.verbs[g].participle && a_.parse.verbs[g].b == static_cast<uint32_t>(m)) {
        m = static_cast<int>(a_.parse.verbs[g].e);
        if (m < k && w[m].tag != Tag::kPrep && w[m].tag != Tag::kOf) return -1;
        continue;
      }
    }
    if (w[m].tag != Tag::kPrep && w[m].tag != Tag::kOf && w[m].tag != Tag::kTo && !joined) return -1;
    if (m + 1 >= k || a_.phrase_of[m + 1] < 0) return -1;
    m = static_cast<int>(a_.phrases[a_.phrase_of[m + 1]].e);
    if (m > k) return -1;
  }
  int id = a_.HeadPhrase(a_.phrase_of[j - 1]);
  if (id < 0) return -1;
  // ('"…," Kim Jong Un, the North's leader, said': a quotation before the
  // phrase is no list.)
  for (uint32_t m = a_.phrases[id].b; m-- > 0;) {
    if (env_.rd.quoted_appositions && w[m].tag == Tag::kQuote) break;
    if (a_.VerbAt(m) >= 0 || w[m].tag == Tag::kComma) return -1;
  }
  // "The new junta leader, Captain X, said": a role noun whose country the
  // story only guessed yields to the name beside it.
  const std::vector<ActorRef> head = Sources(id);
  const std::vector<ActorRef> named = Sources(a_.phrase_of[j + 1]);
  if (env_.rd.named_appositions && !named.empty() && !head.empty() &&
      std::all_of(head.begin(), head.end(), [](const ActorRef& x) { return x.located; }) &&
      std::none_of(named.begin(), named.end(), [](const ActorRef& x) { return x.located || x.pronoun; })) {
    return a_.phrase_of[j + 1];
  }
  if (!head.empty()) return id;
  if (!named.empty()) return a_.phrase_of[j + 1];
  // "The Sea Star, a Norwegian-owned tanker, was seized": a
  // passive's subject is its target, and a demonym may place a target.
  if (as_target) {
    if (!Targets(id).empty()) return id;
    if (!Targets(a_.phrase_of[j + 1]).empty()) return a_.phrase_of[j + 1];
  }
  return -1;
}

// When token k ends a reduced relative ("operating", "using missiles")
// other than verb group v, the last token of the phrase it follows; else -1.
int Roles::RelativeFollows(int k, int v) const {
  int g = a_.VerbAt(static_cast<uint32_t>(k));
  if (g < 0 || g == v || !(a_.parse.verbs[g].participle || a_.parse.verbs[g].gerund)) return -1;
  if (a_.parse.verbs[g].e != static_cast<uint32_t>(k + 1) || a_.parse.verbs[g].b == 0) return -1;
  int before = static_cast<int>(a_.parse.verbs[g].b) - 1;
  return a_.phrase_of[before] >= 0 ? before : -1;
}


// "The International Labour Office (ILO) reiterated", "the Asia-Pacific
// Economic Cooperation (APEC) forum has agreed": a subject with no actor
// next to a parenthesis takes the actor named in or before it.
int Roles::ParentheticSubject(int id, int k) const {
  const auto& w = a_.parse.words;
  int close = -1;
  if (w[k].lower == ")") close = k;
  else if (id >= 0 && a_.phrases[id].b > 0 && w[a_.phrases[id].b - 1].lower == ")") close = static_cast<int>(a_.phrases[id].b) - 1;
  if (close < 2 || a_.phrase_of[close - 1] < 0) return id;
  int inside = a_.phrase_of[close - 1];
  int open = static_cast<int>(a_.phrases[inside].b) - 1;
  if (open < 1 || w[open].lower != "(") return id;
  int before = a_.phrase_of[open - 1] >= 0 ? a_.HeadPhrase(a_.phrase_of[open - 1]) : -1;
  if (before >= 0 && HasSources(before)) return before;
  if (HasSources(inside)) return inside;
  return id;
}

int Roles::SubjectAfter(int v) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  if (vg.e < a_.parse.words.size() && a_.phrase_of[vg.e] >= 0 && a_.phrases[a_.phrase_of[vg.e]].prep < 0) return a_.phrase_of[vg.e];
  return -1;
}

int Roles::PreviousSubject(int v) const {
  for (int g = v - 1; g >= 0; --g) {
    if (a_.parse.verbs[g].finite && a_.verbs[g].subject >= 0) return a_.verbs[g].subject;
  }
  return -1;
}

// Actors of phrase np usable as a source (not places, not weak demonyms).
std::vector<ActorRef> Roles::Sources(int np) const {
  std::vector<ActorRef> out;
  CollectSources(np, &out);
  return out;
}

bool Roles::HasSources(int np) const { return CollectSources(np, nullptr); }

bool Roles::CollectSources(int np, std::vector<ActorRef>* out) const {
  if (np < 0 || a_.phrases[np].no_det) return false;
  // "A drone strike by Israel hit …": a means of war is used by its "by"
  // agent, not by a force of the place it struck.
  {
    const Phrase& n = a_.phrases[np];
    bool means = true;
    for (const ActorRef& a : n.actors) means = means && a.weapon;
    uint32_t j = n.e;
    if (means && env_.rd.means_by_agent && j + 1 < a_.parse.words.size() &&
        a_.parse.words[j].lower == "by" && a_.phrase_of[j + 1] > np) {
      if (CollectSources(a_.phrase_of[j + 1], out)) return true;
    }
  }
  bool any = false;
  for (const ActorRef& a : a_.phrases[np].actors) {
    if (!a.code.empty() && !a.place && !a.weak) {
      if (!out) return true;
      out->push_back(a);
      any = true;
    }
  }
  if (!any && env_.rd.unnamed_attackers && a_.phrases[np].actors.empty()) {
    // "A car bomb near Samarra killed …": an attack nobody is named for is
    // coded, as CAMEO does, to an unidentified armed force of the country
    // where it happened.
    const Phrase& n = a_.phrases[np];
    uint32_t last = n.e - 1;
    if (a_.parse.words[last].tag == Tag::kPoss && last > n.b) --last;
    if (parse::IsAnonymousMeans(a_.parse.words[last].lower)) {
      std::string where = NearestLocation(a_, n.b, n.e);
      if (!where.empty()) {
        if (!out) return true;
        ActorRef a;
        a.country = where;
        a.code = where + "UAF";
        a.located = true;
        a.b = n.b;
        a.e = n.e;
        out->push_back(a);
        any = true;
      }
    }
  }
  return any;
}

std::vector<ActorRef> Roles::Targets(int np) const {
  std::vector<ActorRef> out;
  if (np < 0) return out;
  for (const ActorRef& a : a_.phrases[np].actors) {
    if (!a.code.empty()) out.push_back(a);
  }
  return out;
}


// Finds the default target after the verb: object, prepositional phrase,
// "that"-clause subject, then (for violent or coercive acts) the place.
std::vector<ActorRef> Roles::DefaultTargets(int v, uint32_t end, const std::string& code,
                                       const std::string& root_string,
                                       const std::vector<ActorRef>& sources,
                                       std::string* how) const {
  const std::string_view root = root_string;  // compared with literals below: no strlen each time
  const bool domestic_measure = DomesticMeasure(code);
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  uint32_t k = vg.e;
  while (k < end && (w[k].tag == Tag::kAdv || w[k].tag == Tag::kTime)) ++k;
  auto usable = [&](const std::vector<ActorRef>& ts) {
    std::vector<ActorRef> out;
    for (const ActorRef& t : ts) {
      if (!SameActor(sources, t)) out.push_back(t);
    }
    return out;
  };
  // A particle is part of the verb: "handed over 32 prisoners", "rounded up".
  if (k + 1 < end && a_.phrase_of[k + 1] >= 0 && a_.phrases[a_.phrase_of[k + 1]].prep == static_cast<int>(k)) {
    std::string_view p = w[k].lower;
    if (p == "over" || p == "up" || p == "out" || p == "off" || p == "down" || p == "back" ||
        p == "away") {
      auto ts = usable(Targets(a_.phrase_of[k + 1]));
      if (!ts.empty()) {
        *how = "object";
        return ts;
      }
    }
  }
  if (k < end && a_.phrase_of[k] >= 0 && a_.phrases[a_.phrase_of[k]].prep < 0) {
    auto ts = usable(Targets(a_.phrase_of[k]));
    // "scrambled fighter jets", "deployed troops": forces that are
    // mobilised are the source's own, not a target.
    if (root == "15") {
      ts.erase(std::remove_if(ts.begin(), ts.end(), [](const ActorRef& t) { return t.located; }),
               ts.end());
    }
    if (!ts.empty()) {
      *how = "object";
      return ts;
    }
    // "accused its neighbour, Somalia, of …", "the interim leader,
    // Muhammad Yunus,": an object that names no one else is named by the
    // apposition after it.
    const uint32_t after = a_.phrases[a_.phrase_of[k]].e;
    if (env_.rd.object_appositions && after + 1 < w.size() && w[after].tag == Tag::kComma &&
        a_.phrase_of[after + 1] >= 0 && a_.phrases[a_.phrase_of[after + 1]].b == after + 1 &&
        a_.phrases[a_.phrase_of[after + 1]].prep < 0) {
      const Phrase& named = a_.phrases[a_.phrase_of[after + 1]];
      const Tag close = named.e < w.size() ? w[named.e].tag : Tag::kEnd;
      if (close == Tag::kComma || close == Tag::kEnd || close == Tag::kOf || close == Tag::kPrep) {
        std::vector<ActorRef> keep;
        for (const ActorRef& t : usable(Targets(a_.phrase_of[after + 1]))) {
          if (!t.place && !t.weak && !t.pronoun) keep.push_back(t);
        }
        if (!keep.empty()) {
          *how = "the object's apposition";
          return keep;
        }
      }
    }
  }
  // "by" last: "rejected appeals by the UN chief" (a passive has its own path).
  static constexpr std::string_view kPreps[] = {"to", "with", "against", "on", "at", "toward", "towards",
                                                "into", "outside", "between", "for", "from", "over", "by"};
  for (std::string_view prep : kPreps) {
    for (uint32_t j = vg.e; j < end; ++j) {
      if (w[j].lower != prep || j + 1 >= w.size() || a_.phrase_of[j + 1] < 0) continue;
      const Phrase& np = a_.phrases[a_.phrase_of[j + 1]];
      auto ts = usable(Targets(a_.phrase_of[j + 1]));
      // Places in "in/at/on" phrases are where, not whom — except for acts of force.
      std::vector<ActorRef> keep;
      bool where = IsLocativePrep(prep) && prep != "from";
      // "met on the island of Aruba", "talks at the UN": a meeting's venue
      // or topic, not the other side.
      if (root == "04" && where) continue;
      for (const ActorRef& t : ts) {
        if ((t.place || (t.weak && where)) && !ViolentRoot(root) && !domestic_measure) continue;
        keep.push_back(t);
      }
      (void)np;
      if (!keep.empty()) {
        *how = std::string("'").append(prep).append("' phrase");
        return keep;
      }
    }
  }
  // "refused to allow UN investigators": the object of a "to" complement.
  for (uint32_t m = vg.e; m < end; ++m) {
    int g = a_.VerbAt(m);
    if (g < 0 || !a_.parse.verbs[g].infinitive) continue;
    uint32_t o = a_.parse.verbs[g].e;
    if (o < end && a_.phrase_of[o] >= 0 && a_.phrases[a_.phrase_of[o]].prep < 0) {
      auto ts = usable(Targets(a_.phrase_of[o]));
      std::vector<ActorRef> keep;
      for (const ActorRef& t : ts) {
        // "threatened to bomb Syrian villages": what a threat is aimed at.
        if (!t.place && (!t.weak || root == "13")) keep.push_back(t);
      }
      if (!keep.empty()) {
        *how = "object of 'to' complement";
        return keep;
      }
    }
    m = a_.parse.verbs[g].e - 1;
  }
  // "appealed for a ceasefire in Sudan": a state named in a place phrase is
  // what the words are about — but never the venue of a meeting.
  if (root != "04" && root != "06") {
    for (uint32_t m = vg.e; m < end; ++m) {
      if (w[m].mention < 0 || a_.phrase_of[m] < 0 || a_.phrases[a_.phrase_of[m]].prep < 0) continue;
      const LexEntry& ent = env_.lex.entry(a_.parse.mentions[w[m].mention].entry);
      if (ent.kind != EntryKind::kCountry && !(domestic_measure && ent.kind == EntryKind::kCapital)) {
        continue;
      }
      for (const ActorRef& t : domestic_measure ? Targets(a_.phrase_of[m]) : usable(Targets(a_.phrase_of[m]))) {
        if (!t.weak) {
          *how = "state in a place phrase";
          ActorRef where = t;
          where.place = where.place || domestic_measure;  // a curfew at home covers a place
          return {where};
        }
      }
    }
  }
  // "demanded (on Tuesday) that Armenia remove …": the first other actor of the clause.
  uint32_t j = end;
  if (j < w.size() && w[j].tag == Tag::kThat) {
    // Named actors first; a role noun whose country only came from a place
    // ("drones … in Ukraine") is a last resort.
    for (int pass = 0; pass < 2; ++pass) {
      for (uint32_t m = j + 1; m < w.size() && w[m].tag != Tag::kEnd; ++m) {
        if (a_.phrase_of[m] < 0) continue;
        auto ts = usable(Targets(a_.phrase_of[m]));
        std::vector<ActorRef> keep;
        for (const ActorRef& t : ts) {
          if (!t.place && (pass == 1 || !t.located)) keep.push_back(t);
        }
        if (!keep.empty()) {
          *how = "'that' clause";
          return keep;
        }
        m = a_.phrases[a_.phrase_of[m]].e - 1;
      }
    }
  }
  // "threatened to strike unless Israel withdraws": the one who must act
  // for the threat to lapse.
  if (root == "13") {
    for (uint32_t m = vg.e; m + 1 < w.size() && w[m].tag != Tag::kEnd; ++m) {
      if (w[m].lower != "unless" && w[m].lower != "if") continue;
      if (a_.phrase_of[m + 1] < 0) break;
      auto ts = usable(Sources(a_.phrase_of[m + 1]));
      if (!ts.empty()) {
        *how = "'" + std::string(w[m].lower) + "' clause";
        return ts;
      }
      break;
    }
  }
  if (ViolentRoot(root) || domestic_measure || root == "13") {
    // A place in the source's own country is a target only for acts that
    // are domestic by nature (protest, repression, violence, inquiries):
    // troops put on alert at home have no target.
    auto fits = [&](const std::string& country) {
      if (root != "15" && root != "07") return true;
      for (const ActorRef& s : sources) {
        if (s.country == country) return false;
      }
      return true;
    };
    for (uint32_t m = vg.e; m < end; ++m) {
      if (a_.phrase_of[m] < 0) continue;
      for (const ActorRef& t : a_.phrases[a_.phrase_of[m]].actors) {
        if (t.place && fits(t.country)) {
          *how = "place";
          return {t};
        }
      }
    }
    for (const auto& loc : a_.locations) {
      if (!fits(loc.second) || root == "13") continue;
      ActorRef t;
      t.code = t.country = loc.second;
      t.place = true;
      t.b = loc.first;
      t.e = loc.first + 1;
      *how = "sentence location";
      return {t};
    }
  }
  // "Tunisian farmers started a hunger strike": a protest that names no
  // target and no place is against the protesters' own state; so is a
  // curfew a government lifts.
  // A rebel, opposition or labour group that promises or concedes with no
  // one named deals with its own state ("the opposition agreed to postpone
  // the rally", "the rebels said they will free the hostages").
  auto domestic_party = [&](const ActorRef& a) {
    static const std::set<std::string_view> kRoles = {"OPP", "REB", "INS", "SEP", "LAB",
                                                       "EDU", "AGR", "CVL"};
    return a.code.size() == 6 && kRoles.count(std::string_view(a.code).substr(3, 3)) > 0;
  };
  bool concession = (root == "03" || root == "08") &&
                    std::all_of(sources.begin(), sources.end(), domestic_party);
  // "Ruto said he would withdraw the finance bill": yielding on a law or a
  // tax at home answers the state's own people.
  if (!concession && env_.rd.home_policies && (root == "03" || root == "08")) {
    for (uint32_t m = vg.e; m < end && m < vg.e + 6; ++m) {
      if (a_.phrase_of[m] < 0) continue;
      std::string_view h = w[a_.phrases[a_.phrase_of[m]].e - 1].lower;
      concession = h == "bill" || h == "bills" || h == "law" || h == "laws" || h == "tax" || h == "taxes" ||
                   h == "decree" || h == "legislation" || h == "amendment" || h == "levy";
      break;
    }
  }
  // "Ecuador deployed soldiers and police to retake control of prisons",
  // "deployed 45,000 police across the country to head off rioting":
  // forces sent to keep order at home answer the state's own people (an
  // alert or drill at home still has no target).
  bool internal_order = false;
  if (env_.rd.internal_deployments && root == "15") {
    for (uint32_t m = vg.e; m < end && !internal_order; ++m) {
      std::string_view l = w[m].lower;
      internal_order = l == "order" || l == "rioting" || l == "riots" || l == "unrest" || l == "protests" ||
                       l == "protesters" || l == "demonstrators" || l == "gangs" || l == "prisons" ||
                       l == "streets" || l == "nationwide" || l == "looting" || l == "curfew" ||
                       (l == "country" && m > 0 && (w[m - 1].lower == "the" || w[m - 1].lower == "across"));
    }
  }
  if (root == "14" || domestic_measure || concession || internal_order) {
    for (const ActorRef& s : sources) {
      if (s.country.empty() || (s.code.size() <= 3 && !s.people && root == "14")) continue;
      ActorRef t;
      t.code = t.country = s.country;
      t.place = true;  // the state as the setting, never the source itself
      t.b = s.b;
      t.e = s.e;
      *how = "own state (protest with no target named)";
      return {t};
    }
  }
  return {};
}

// Curfews, states of emergency, bans and their easing: measures a state
// takes at home, whose target is the place they cover or the country.
bool DomesticMeasure(const std::string& code) {
  // 132: the threat of such a measure ("threatened to impose a curfew").
  return code.rfind("081", 0) == 0 || code.rfind("172", 0) == 0 || code.rfind("132", 0) == 0;
}

// The first noun phrase in (verb, end) with an actor other than `not_these`.
int Roles::FirstActorAfter(int v, uint32_t end, const std::vector<ActorRef>& not_these) const {
  for (uint32_t k = a_.parse.verbs[v].e; k < end; ++k) {
    int np = a_.phrase_of[k];
    if (np < 0) continue;
    for (const ActorRef& a : a_.phrases[np].actors) {
      if (!a.code.empty() && !a.weak && !OwnActor(not_these, a)) return np;
    }
    k = a_.phrases[np].e - 1;
  }
  return -1;
}

bool ViolentRoot(std::string_view root) {
  return root == "14" || root == "15" || root == "17" || root == "18" || root == "19" ||
         root == "20" || root == "07" || root == "09";
}


// A target that is the source itself: the same code, its own bare
// country, or a pronoun that refers back to it ("its troops").
// SameActor for dyad; the reference coders only drop a target whose code
// is the source's own (USAGOV>USA is an event for them).
bool Roles::OwnActor(const std::vector<ActorRef>& sources, const ActorRef& t) const {
  if (env_.rd.own_by_country) return SameActor(sources, t);
  for (const ActorRef& s : sources) {
    if (s.code == t.code) return true;
  }
  return false;
}

bool Roles::SameActor(const std::vector<ActorRef>& sources, const ActorRef& t) const {
  // "his ruling party" after "Rwandan rebels demanded the removal of
  // President X and …": a personal pronoun points to a person, not back to
  // a group; only "its"/"their" phrases are the source's own.
  bool personal = false;
  if (t.pronoun && t.b < a_.parse.words.size()) {
    std::string_view l = a_.parse.words[t.b].lower;
    personal = l == "his" || l == "her" || l == "him" || l == "he" || l == "she";
  }
  for (const ActorRef& s : sources) {
    if (s.code == t.code) return true;
    if (t.place || s.country.empty() || s.country != t.country) continue;
    // "its troops" after "Russia": the source's own; but in "soldiers were
    // wounded after their patrol was attacked by X" "their" is not X's.
    bool own = t.pronoun && !personal &&
               (t.antecedent < 0 || std::any_of(sources.begin(), sources.end(), [&](const ActorRef& x) {
                  return static_cast<int>(x.b) <= t.antecedent && t.antecedent < static_cast<int>(x.e);
                }));
    if (own || t.code.size() <= 3) return true;
  }
  return false;
}

}  // namespace dyad::code
