#include "code/discourse.h"

#include <algorithm>

namespace dyad::code {

void Discourse::Push(const ActorRef& a) {
  ring_[head_] = a;
  head_ = (head_ + 1) % kMemory;
  if (count_ < kMemory) ++count_;
}

void Discourse::RememberSentence(const SentenceAnalysis& a) {
  for (size_t k = 0; k < a.phrases.size(); ++k) {
    bool subject = std::any_of(a.verbs.begin(), a.verbs.end(),
                               [&](const VerbState& v) { return v.subject == static_cast<int>(k); });
    for (const ActorRef& x : a.phrases[k].actors) {
      if (x.code.empty() || x.place || x.weak || x.pronoun) continue;
      Push(x);
      ring_[(head_ + kMemory - 1) % kMemory].subject = subject;
      // Salience counts who acted: the subjects of earlier sentences.
      if (subject && !x.located && x.country.size() == 3) ++salience_[x.country];
    }
  }
}

const ActorRef* Discourse::PronounAntecedent(bool person, bool people_first, char other_sex) const {
  // Passes: people that were subjects, people; then subjects, anyone.
  for (int pass = (person && people_first) ? 0 : 2; pass < 4; ++pass) {
    for (size_t i = 0; i < count_; ++i) {
      const ActorRef& x = Newest(i);
      if (person && x.code.size() == 3) continue;
      if (other_sex != 0 && x.gender == other_sex) continue;
      if (pass < 2 && !x.human) continue;
      if (pass % 2 == 0 && !x.subject) continue;
      return &x;
    }
  }
  return nullptr;
}

const ActorRef* Discourse::LatestStateActor() const {
  for (size_t i = 0; i < count_; ++i) {
    const ActorRef& x = Newest(i);
    if (x.country.size() == 3 && !x.place) return &x;
  }
  return nullptr;
}

const ActorRef* Discourse::LatestGroup(std::string_view part) const {
  for (size_t i = 0; i < count_; ++i) {
    const ActorRef& x = Newest(i);
    if (x.code.rfind("IGO", 0) == 0 && x.code.find(part) != std::string::npos) return &x;
  }
  return nullptr;
}

bool Discourse::TwoParties(std::vector<ActorRef>* out) const {
  // The states held in memory, each once (its newest mention), ranked by
  // how often they were subjects, then by recency.
  std::vector<const ActorRef*> states;
  for (size_t i = 0; i < count_; ++i) {
    const ActorRef& x = Newest(i);
    if (x.country.size() != 3 || x.place || x.weak || x.code.empty()) continue;
    bool seen = false;
    for (const ActorRef* y : states) seen = seen || y->country == x.country;
    if (!seen) states.push_back(&x);
  }
  auto salience = [&](const ActorRef* x) {
    auto it = salience_.find(x->country);
    return it == salience_.end() ? 0 : it->second;
  };
  std::stable_sort(states.begin(), states.end(),
                   [&](const ActorRef* a, const ActorRef* b) { return salience(a) > salience(b); });
  out->clear();
  // Two parties only when the third is plainly less present.
  if (states.size() < 2 || (states.size() > 2 && salience(states[2]) == salience(states[1]))) return false;
  out->push_back(*states[0]);
  out->push_back(*states[1]);
  return true;
}

bool Discourse::StoryCounterpart(const std::string& root, const std::vector<ActorRef>& sources,
                                 ActorRef* out) const {
  if (root != "03" && root != "10" && root != "12" && root != "13") return false;
  for (const ActorRef& s : sources) {
    if (s.located || s.pronoun) return false;
  }
  int best = 1;
  std::string pick;
  for (const auto& [country, n] : salience_) {
    bool own = false;
    for (const ActorRef& s : sources) own |= (s.country == country);
    if (!own && n > best) {
      best = n;
      pick = country;
    }
  }
  if (pick.empty()) return false;
  *out = ActorRef();
  out->code = out->country = pick;
  out->located = true;  // lower confidence, noted in the evidence
  out->how = "story counterpart";
  return true;
}

}  // namespace dyad::code
