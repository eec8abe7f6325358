// Who speaks for an act: announced intents, the speaker of a reported
// clause, declared readiness.
#include <algorithm>
#include <string_view>

#include "code/events.h"
#include "code/places.h"

namespace dyad::code {

using parse::Tag;
using parse::VerbGroup;
using parse::Word;

// A future act counts as an announced intent when the actor itself says
// it: in a main clause with no other speaker, or in what the same actor
// says ("Hungary said it will support …"); never negated, questioned or
// conditional.
//
// A speaker who names no actor ("officials said", "a statement said",
// "diplomatic sources said") does not make the act someone else's
// prediction; *unnamed is set so that the caller keeps such an act only as
// an intent to cooperate, never as a threat.
bool EventStage::IntentAllowed(int v, const Clause& c, bool* unnamed, bool refusal) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  *unnamed = false;
  if (vg.negated != refusal || (vg.modal && !clauses_.WouldInReport(v, c)) || vg.must ||
      a_.parse.question) {
    return false;
  }
  const auto& w = a_.parse.words;
  int subj = roles_.Subject(v, c);
  std::vector<ActorRef> me = roles_.Sources(subj);
  auto speaker_of = [&](int g) {
    return roles_.Sources(a_.verbs[g].subject >= 0 ? a_.verbs[g].subject
                                                   : roles_.Subject(g, clauses_.Of(g)));
  };
  // '"We will send troops," the president said': the speaker's own "we".
  if (me.empty() && env_.rd.speaker_we && subj >= 0 && SpeakerSelf(subj)) {
    const int sv = SpeakerVerb(v);
    return sv >= 0 && !speaker_of(sv).empty();
  }
  if (me.empty()) return false;
  auto same_speaker = [&](int g) {
    for (const ActorRef& s : speaker_of(g)) {
      for (const ActorRef& m : me) {
        if (!s.country.empty() && s.country == m.country) return true;
        // "the UN will send …, UNICEF said"
        if (s.country.empty() && m.country.empty() && !s.code.empty() && !m.code.empty() &&
            (s.code.rfind(m.code, 0) == 0 || m.code.rfind(s.code, 0) == 0)) {
          return true;
        }
      }
    }
    return false;
  };
  if (c.kind == parse::ClauseKind::kThat) {
    if (c.governor_vg < 0 || !parse::IsSayVerb(c.governor)) return false;
    if (!clauses_.Blocked(c.governor_vg, clauses_.Of(c.governor_vg)).empty()) return false;
    return same_speaker(c.governor_vg);
  }
  if (c.kind != parse::ClauseKind::kMain) return false;
  // "X will invade Y, a tabloid claimed": someone else's prediction.
  for (size_t g = v + 1; g < a_.parse.verbs.size(); ++g) {
    std::string_view gl = w[a_.parse.verbs[g].head].lemma;
    if (!parse::IsSayVerb(gl) && !parse::IsDoubtVerb(gl)) continue;
    if (parse::IsSayVerb(gl) && speaker_of(static_cast<int>(g)).empty()) {
      *unnamed = true;
      continue;
    }
    if (!same_speaker(static_cast<int>(g)) && !(env_.rd.hosts_announce_visits && HostAnnounces(v, speaker_of(g)))) {
      return false;
    }
  }
  return true;
}

// "Xi will travel to Moscow for talks with Putin, the Kremlin said": a visit
// or meeting announced by the one who is to receive it.
bool EventStage::HostAnnounces(int v, const std::vector<ActorRef>& speakers) const {
  const auto& w = a_.parse.words;
  std::string_view l = w[a_.parse.verbs[v].head].lemma;
  if (l != "visit" && l != "travel" && l != "meet" && l != "fly" && l != "arrive" && l != "come") return false;
  const uint32_t end = patterns_.WindowEnd(v);
  for (uint32_t k = a_.parse.verbs[v].e; k < end; ++k) {
    if (a_.phrase_of[k] < 0) continue;
    for (const ActorRef& x : a_.phrases[a_.phrase_of[k]].actors) {
      for (const ActorRef& s : speakers) {
        if (!x.country.empty() && x.country == s.country) return true;
      }
    }
  }
  return false;
}

bool EventStage::SpeakerSelf(int np) const {
  const auto& w = a_.parse.words;
  const Phrase& p = a_.phrases[np];
  if (p.e != p.b + 1 && p.e != p.b + 2) return false;
  std::string_view last = w[p.e - 1].lower;
  if (p.e == p.b + 1) return last == "we" || last == "i";
  std::string_view first = w[p.b].lower;
  return (first == "the" || first == "our") &&
         (last == "kingdom" || last == "country" || last == "nation" || last == "republic");
}

std::vector<ActorRef> EventStage::SpeakerSources(int v, int not_np) const {
  const int sv = SpeakerVerb(v);
  if (sv < 0) return {};
  int sj = a_.verbs[sv].subject;
  if (sj < 0 && sv > v) sj = roles_.Subject(sv, clauses_.Of(sv));
  if (sj < 0 || sj == not_np) return {};
  return roles_.Sources(sj);
}

int EventStage::SpeakerVerb(int v) const {
  const auto& w = a_.parse.words;
  // Up the clauses to a saying verb that governs this one.
  int up = v;
  for (int steps = 0; up >= 0 && steps < 8; ++steps) {
    const Clause cu = clauses_.Of(up);
    if (up != v && parse::IsSayVerb(w[a_.parse.verbs[up].head].lemma)) return up;
    if (cu.kind == parse::ClauseKind::kMain) break;
    up = cu.governor_vg;
  }
  // '"…," X said': a quotation before a main saying verb.
  bool quoted = false;
  for (uint32_t k = 0; k < a_.parse.verbs[v].b; ++k) quoted = quoted || w[k].tag == Tag::kQuote;
  if (!quoted) return -1;
  for (size_t g = v + 1; g < a_.parse.verbs.size(); ++g) {
    const VerbGroup& gv = a_.parse.verbs[g];
    if (!parse::IsSayVerb(w[gv.head].lemma) || clauses_.Of(static_cast<int>(g)).kind != parse::ClauseKind::kMain) {
      continue;
    }
    for (uint32_t k = a_.parse.verbs[v].e; k < gv.b; ++k) {
      if (w[k].tag == Tag::kQuote) return static_cast<int>(g);
    }
  }
  return -1;
}

bool EventStage::DeclaredReadiness(int v, const Clause& c) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  if (c.kind != parse::ClauseKind::kInfinitive || vg.b == 0 || c.governor_vg < 0 ||
      a_.parse.verbs[c.governor_vg].negated) {
    return false;
  }
  std::string_view adj = a_.parse.words[vg.b - 1].lower;
  return (adj == "willing" || adj == "ready" || adj == "prepared" || adj == "eager" || adj == "keen" ||
          adj == "determined") &&
         clauses_.Blocked(c.governor_vg, clauses_.Of(c.governor_vg)).empty();
}

}  // namespace dyad::code
