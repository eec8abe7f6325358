// The kind of act a verb group names: intents and refusals an announced
// act stands for, acts both sides do, forces sent to a partner, a craft
// hijacked, an act a state weighs, how many a killing killed.
#include <algorithm>
#include <string_view>

#include "code/events.h"
#include "code/places.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;

std::string RefusalCode(const std::string& root) {
  if (root == "04") return "125";
  if (root == "08") return "124";
  if (root == "03" || root == "05" || root == "06" || root == "07") return "120";
  return "";
}

std::string IntentCode(const std::string& code, const std::string& root) {
  if (root == "03" || root == "13") return code;
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return code.rfind("062", 0) == 0 ? "0312" : "031";
  if (root == "07") {
    if (code.rfind("072", 0) == 0) return "0332";
    if (code.rfind("073", 0) == 0) return "0333";
    if (code.rfind("071", 0) == 0) return "0331";
    if (code.rfind("074", 0) == 0) return "0334";
    return "033";
  }
  if (root == "08") return code.rfind("085", 0) == 0 ? "0354" : "035";
  if (root == "12") return code.rfind("125", 0) == 0 ? "134" : "";
  if (root == "14") return "133";
  if (root == "16") return "131";
  if (root == "17") return "137";
  if (root == "15" || root == "18" || root == "19" || root == "20") return "138";
  return "";
}

int EventStage::ConsideringGovernor(int v) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  if (vg.b == 0) return -1;
  uint32_t k = vg.b - 1;
  if (vg.infinitive && w[k].lower == "whether" && k > 0) --k;  // "whether to supply"
  const int g = a_.VerbAt(k);
  if (g < 0 || g == v) return -1;
  const VerbGroup& gv = a_.parse.verbs[g];
  if (gv.negated || gv.passive || gv.infinitive || gv.gerund) return -1;
  std::string_view l = w[gv.head].lemma;
  const bool weighs = l == "consider" || l == "weigh" || l == "mull" || l == "contemplate" ||
                      l == "ponder" || l == "review" || l == "study" || l == "explore" ||
                      l == "debate" || l == "examine";
  if (!weighs) return -1;
  // "considered sending" asks a gerund, "weighing whether to" an infinitive
  // after "whether"; "studied to" is another sense.
  return (vg.gerund || (vg.infinitive && w[vg.b - 1].lower == "whether")) ? g : -1;
}

bool EventStage::ByTelephone(uint32_t b, uint32_t end) const {
  const auto& w = a_.parse.words;
  for (uint32_t k = b; k + 1 < end && k + 1 < w.size(); ++k) {
    const std::string_view l = w[k].lower, n = w[k + 1].lower;
    if (l == "by" && (n == "telephone" || n == "phone")) return true;
  }
  return false;
}

std::string EventStage::ForcesToPartnerCode(int v, uint32_t end, bool* together) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  // The "to" phrase names the state itself: "to Poland", not "to the border".
  bool to_state = false;
  for (uint32_t k = vg.e; k + 1 < end && !to_state; ++k) {
    // ("sent to train in eastern Russia": where they serve.)
    const bool in = env_.rd.forces_purposes && w[k].lower == "in";
    if ((w[k].lower != "to" && !in) || a_.phrase_of[k + 1] < 0) continue;
    const Phrase& p = a_.phrases[a_.phrase_of[k + 1]];
    if (IsPlaceNoun(w[p.e - 1].lower) || w[p.e - 1].lower == "border" || w[p.e - 1].lower == "frontier" ||
        w[p.e - 1].lower == "borders") {
      return "";
    }
    for (const ActorRef& t : p.actors) to_state = to_state || (!t.code.empty() && !t.weak);
  }
  if (!to_state) return "";
  bool joint = false, reinforce = false, alongside = false;
  for (uint32_t k = vg.e; k < w.size(); ++k) {
    std::string_view l = w[k].lower;
    if (l == "joint") joint = true;
    // "to fight alongside Russian forces", "sent to train there": forces
    // working with the host's; "to help the Congolese army": support.
    if (env_.rd.forces_purposes) {
      if (l == "alongside" || ((l == "train" || l == "exercise" || l == "exercises") && k > 0 &&
                               w[k - 1].lower == "to")) {
        alongside = true;
      }
      if ((l == "help" || l == "assist" || l == "support") && k > 0 && w[k - 1].lower == "to") reinforce = true;
      if (l == "peacekeeping" || l == "peacekeepers") reinforce = true;
    }
    if (l == "reinforcements" || l == "reinforce" || l == "protect" || l == "protecting" || l == "defend" ||
        l == "defending" || l == "reassure" || l == "bolster" || l == "bolstering") {
      reinforce = true;
    }
  }
  *together = joint;  // exercises held together; forces sent to serve beside a host's are one side's act
  if (joint || alongside) return "062";
  if (reinforce) return "074";
  return "";
}

long EventStage::VictimCount(int v, uint32_t end) const {
  const auto& w = a_.parse.words;
  uint32_t k = a_.parse.verbs[v].e;
  // "at least", "more than", "nearly", "some", "about", "up to"
  for (int skip = 0; skip < 3 && k < end; ++skip) {
    std::string_view l = w[k].lower;
    if (l == "at" || l == "least" || l == "more" || l == "than" || l == "nearly" || l == "some" ||
        l == "about" || l == "around" || l == "up" || l == "to" || l == "over" || l == "almost") {
      ++k;
    } else {
      break;
    }
  }
  if (k >= end) return 0;
  std::string_view l = w[k].lower;
  if (l == "hundreds") return 200;
  if (l == "thousands") return 2000;
  long n = 0;
  bool digits = false;
  for (char ch : l) {
    if (ch >= '0' && ch <= '9') {
      n = n * 10 + (ch - '0');
      digits = true;
      if (n > 100000000) break;
    } else if (ch != ',') {
      return 0;
    }
  }
  if (!digits) return 0;
  if (k + 1 < end && (w[k + 1].lower == "million")) n *= 1000000;
  return n;
}

bool MutualCode(const std::string& code, std::string_view lemma) {
  for (const char* prefix : {"040", "041", "044", "046", "057", "060", "061", "062"}) {
    if (code.rfind(prefix, 0) == 0) return true;
  }
  return lemma == "clash" || lemma == "fight" || lemma == "battle" || lemma == "skirmish" ||
         lemma == "exchange" || lemma == "swap";
}

bool EventStage::SentForces(int v, int subj, uint32_t end, std::vector<ActorRef>* sources,
                            std::vector<ActorRef>* targets) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  std::string_view l = w[vg.head].lemma;
  if (subj < 0 || !(l == "send" || l == "deploy" || l == "dispatch" || l == "station" || l == "move" ||
                    l == "transfer" || l == "fly" || l == "airlift")) {
    return false;
  }
  std::vector<ActorRef> own;
  for (const ActorRef& x : a_.phrases[subj].actors) {
    const bool forces = RoleOf(x) == "MIL" || RoleOf(x) == "COP";
    if (!forces || x.place || x.weak || x.located) continue;
    own.push_back(AsState(x));
  }
  if (own.empty()) return false;
  for (uint32_t k = vg.e; k + 1 < end; ++k) {
    if ((w[k].lower != "to" && w[k].lower != "into" && w[k].lower != "in") || a_.phrase_of[k + 1] < 0) continue;
    std::vector<ActorRef> to;
    for (const ActorRef& x : roles_.Targets(a_.phrase_of[k + 1])) {
      if (!x.code.empty() && !roles_.SameActor(own, x) && x.country != own[0].country) to.push_back(x);
    }
    if (to.empty()) return false;
    *sources = own;
    *targets = to;
    return true;
  }
  return false;
}

bool EventStage::HijackedCraft(int v, const std::vector<ActorRef>& sources) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  std::string_view l = w[vg.head].lemma;
  if (!(l == "seize" || l == "hijack" || l == "commandeer" || l == "capture" || l == "take")) return false;
  if (sources.empty()) return false;
  for (const ActorRef& x : sources) {
    const bool armed = x.code.find("REB") != std::string::npos || x.code.find("INS") != std::string::npos ||
                       x.code.find("UAF") != std::string::npos || x.code.find("CRM") != std::string::npos;
    if (!armed) return false;
  }
  // The craft: the passive's subject stretch, or the words after the verb.
  const uint32_t b = vg.passive ? 0 : vg.e;
  const uint32_t e = vg.passive ? vg.b : std::min<uint32_t>(static_cast<uint32_t>(w.size()), vg.e + 6);
  for (uint32_t k = b; k < e; ++k) {
    std::string_view c = w[k].lower;
    if (c == "ship" || c == "vessel" || c == "tanker" || c == "carrier" || c == "freighter" || c == "ferry" ||
        c == "boat" || c == "yacht" || c == "trawler" || c == "plane" || c == "aircraft" || c == "airliner" ||
        c == "jet" || c == "bus") {
      return true;
    }
  }
  return false;
}

bool EventStage::OrderedForces(int g, int v) const {
  const auto& w = a_.parse.words;
  const uint32_t b = a_.parse.verbs[g].e, e = a_.parse.verbs[v].b;
  if (b >= e) return false;
  // The ordered ones end right before the infinitive: "its troops to".
  const uint32_t hk = w[e - 1].lower == "to" && e >= 2 ? e - 2 : e - 1;
  std::string_view head = w[hk].lower;
  if (!(head == "troops" || head == "forces" || head == "army" || head == "soldiers" || head == "units" ||
        head == "military" || head == "personnel" || head == "navy" || head == "fleet" || head == "battalions")) {
    return false;
  }
  // Another state's forces are not the orderer's to withdraw.
  const int np = a_.phrase_of[hk];
  const int sj = a_.verbs[g].subject;
  if (np < 0 || sj < 0) return np >= 0;
  for (const ActorRef& x : a_.phrases[np].actors) {
    for (const ActorRef& s : roles_.Sources(sj)) {
      if (!x.country.empty() && !s.country.empty() && x.country != s.country) return false;
    }
  }
  return true;
}

bool EventStage::ConditionParty(int v, const std::vector<ActorRef>& sources, ActorRef* t) const {
  const auto& w = a_.parse.words;
  for (uint32_t k = a_.parse.verbs[v].e; k + 1 < w.size(); ++k) {
    if (w[k].tag == Tag::kComma || w[k].tag == Tag::kEnd || w[k].tag == Tag::kQuote) return false;
    if (w[k].lower != "if" && w[k].lower != "unless" && w[k].lower != "provided") continue;
    const int g = a_.VerbAfter(k);
    const int cs = g >= 0 ? roles_.Subject(g, clauses_.Of(g)) : -1;
    if (cs < 0) return false;
    for (const ActorRef& x : roles_.Targets(cs)) {
      if (x.code.empty() || x.place || x.weak || roles_.SameActor(sources, x)) continue;
      if (std::any_of(sources.begin(), sources.end(), [&](const ActorRef& s) { return s.country == x.country; })) {
        continue;
      }
      *t = x;
      return true;
    }
    return false;
  }
  return false;
}

}  // namespace dyad::code
