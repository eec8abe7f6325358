// Events out: actors, evidence, confidence and stable ids.
#include <span>

#include "code/events.h"
#include "code/explain.h"

namespace dyad::code {

namespace {

std::string Hex64(uint64_t h) {  // "%016llx", without snprintf's cost
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = "0123456789abcdef"[h & 15];
  return out;
}

uint64_t Fnv(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

constexpr int kMaxTrace = 4096;

}  // namespace

void Trace(const StoryEnv& env, const SentenceAnalysis& a, const std::string& line, int v) {
  if (env.explain) env.explain->Note(a.sno, line, v);
  if (env.opt.trace && env.trace && env.trace->size() < kMaxTrace * 64) {
    *env.trace += env.story.id + "#" + std::to_string(a.sno) + ": " + line + "\n";
  }
}

Actor Emitter::MakeActor(const ActorRef& a) const {
  Actor out;
  out.code = a.code;
  ActorCodeParts parts = env_.lex.SplitActorCode(a.code);
  out.country = parts.country;
  out.group = parts.group;
  out.types = parts.types;
  if (a.e <= a.b) {  // an actor from the story, not from these words
    out.name = env_.lex.CountryName(a.code.substr(0, 3));
    return out;
  }
  out.span = {WordBegin(env_, a_, a.b), WordEnd(env_, a_, a.e)};
  out.name = std::string(env_.doc.Original(out.span.begin, out.span.end));
  return out;
}

const std::vector<size_t>& Emitter::EventsOfSentence(int sno, const std::vector<Event>& out) const {
  if (index_.out != &out || out.size() < index_.indexed) {
    index_.out = &out;
    index_.indexed = 0;
    index_.by_sentence.clear();
  }
  for (; index_.indexed < out.size(); ++index_.indexed) {
    index_.by_sentence[out[index_.indexed].sentence].push_back(index_.indexed);
  }
  return index_.by_sentence[sno];
}

void Emitter::Emit(int v, const std::vector<std::pair<ActorRef, ActorRef>>& pairs_in, const std::string& code,
          const std::string& pattern_text, const std::string& origin, const std::string& how,
          std::vector<Event>* out, int trigger_token) const {
  const EventCodeInfo* info = env_.lex.EventCode(code);
  if (!info) return;
  size_t n_pairs = pairs_in.size();
  if (static_cast<int>(n_pairs) > env_.opt.max_pairs) n_pairs = static_cast<size_t>(env_.opt.max_pairs);
  std::span<const std::pair<ActorRef, ActorRef>> pairs(pairs_in.data(), n_pairs);  // no copy
  uint32_t tb = trigger_token >= 0 ? static_cast<uint32_t>(trigger_token) : a_.parse.verbs[v].head;
  std::string parent;
  if (pairs.size() > 1) {
    parent = Hex64(Fnv(env_.story.id + "\x1f" + std::to_string(a_.sno) + "\x1fp" + std::to_string(tb)));
  }
  const Clause clause = v >= 0 ? clauses_.Of(v) : Clause();
  bool participle = v >= 0 && clause.kind == parse::ClauseKind::kParticiple;
  // "marched to protest …", "staged demonstrations demanding …": what a
  // protest voices adds nothing to the protest already coded.
  bool purpose = v >= 0 && ((clause.kind == parse::ClauseKind::kInfinitive &&
                             clauses_.PurposeOfProtest(v, clause)) ||
                            clauses_.VoicingGerund(v));
  for (const auto& [s, t] : pairs) {
    // One event per dyad and code in a sentence; a participle adjunct adds
    // nothing to a dyad its main clause already coded.
    // A participle that only describes the main act's consequence
    // ("shelled Kherson, killing two civilians") is the same act: same
    // countries, same quad class.
    bool dup = false;
    const std::vector<size_t>& here = EventsOfSentence(a_.sno, *out);
    for (size_t i : here) {
      const Event& ev = (*out)[i];
      if (ev.story_id != env_.story.id) continue;
      bool same_dyad = ev.source.code == s.code && ev.target && ev.target->code == t.code;
      bool same_countries = ev.source.code.substr(0, 3) == s.code.substr(0, 3) && ev.target &&
                            ev.target->code.substr(0, 3) == t.code.substr(0, 3);
      if (same_dyad && ev.code == code) dup = true;
      if (participle && same_countries && ev.quad_class == info->quad_class &&
          !(env_.rd.verbal_participles_stand && ev.root != info->root && ev.root != "14" &&
            (info->quad_class == 1 || info->quad_class == 3))) {
        dup = true;
      }
      // ("filed a case at the court, accusing Israel": a voiced act with a
      // target of its own tells something new.)
      const bool other_target = env_.rd.voiced_targets_differ && ev.target && !t.code.empty() && !t.place &&
                                ev.target->code.substr(0, 3) != t.code.substr(0, 3);
      if (purpose && !other_target && ev.source.code == s.code && (ev.root == info->root || ev.root == "14")) {
        dup = true;
      }
    }
    if (dup) continue;
    Event ev;
    ev.story_id = env_.story.id;
    ev.sentence = a_.sno;
    ev.date = env_.story.date;
    ev.pub_date = env_.story.date;
    ev.source = MakeActor(s);
    if (!t.code.empty()) ev.target = MakeActor(t);
    ev.code = code;
    ev.root = info->root;
    ev.goldstein = info->goldstein;
    ev.quad_class = info->quad_class;
    ev.plover = info->plover;
    ev.plover_mode = info->plover_mode;
    ev.text = std::string(env_.doc.Original(a_.sentence->begin, a_.sentence->end));
    ev.trigger_span = {WordBegin(env_, a_, tb), WordEnd(env_, a_, tb + 1)};
    ev.trigger = std::string(env_.doc.Original(ev.trigger_span.begin, ev.trigger_span.end));
    ev.pattern = pattern_text;
    ev.pattern_origin = origin;
    ev.parent_id = parent;
    double conf = how == "pattern" ? 0.9 : how == "object" || how == "passive" ? 0.85 : 0.75;
    if (how == "statement" || how == "sentence location" || how == "place") conf = 0.65;
    if (s.located || t.located) conf -= 0.1;
    if (s.pronoun || t.pronoun) conf -= 0.1;
    ev.confidence = conf;
    ev.notes.push_back(how);
    if (s.located) ev.notes.push_back("source country from a place");
    if (t.located) ev.notes.push_back("target country from a place");
    if (s.pronoun) ev.notes.push_back("source from a pronoun");
    if (t.pronoun) ev.notes.push_back("target from a pronoun");
    // Stable id: story id, sentence number and the event's ordinal in the sentence.
    int ordinal = 0;
    for (size_t i : EventsOfSentence(a_.sno, *out)) {
      if ((*out)[i].story_id == env_.story.id) ++ordinal;
    }
    uint64_t h = Fnv(env_.story.id);
    h = Fnv("\x1f" + std::to_string(a_.sno) + "\x1f" + std::to_string(ordinal), h);
    ev.id = Hex64(h);
    out->push_back(std::move(ev));
  }
}

// Talks, calls, meetings, negotiations, signed agreements and cooperation
// are done together, whoever the sentence makes the subject ("A held talks
// with B" is also B's talks with A); so are clashes and exchanges. A visit
// (042) is hosted (043) by the side visited, and the other way round.
void Emitter::EmitOtherSide(int v, const std::vector<std::pair<ActorRef, ActorRef>>& pairs,
                            const std::string& code, std::string_view lemma,
                            const std::string& pattern_text, const std::string& origin,
                            std::vector<Event>* out, int trigger_token) const {
  std::string other;
  if (code.rfind("042", 0) == 0) other = "043";
  else if (code.rfind("043", 0) == 0) other = "042";
  else if (MutualCode(code, lemma)) other = code;
  if (other.empty()) return;
  std::vector<std::pair<ActorRef, ActorRef>> back;
  for (const auto& [s, t] : pairs) {
    if (t.code.empty() || t.weak || t.country.empty() || s.country == t.country) continue;
    // A meeting "in" a place has no partner there; a visit's place is its host.
    if (t.place && other == code) continue;
    // Troops, police or fighters arriving somewhere are deployed, not hosted.
    if (other != code && s.code.size() > 3 &&
        (s.code.find("MIL") != std::string::npos || s.code.find("PKO") != std::string::npos ||
         s.code.find("REB") != std::string::npos || s.code.find("COP") != std::string::npos ||
         s.code.find("UAF") != std::string::npos || s.code.find("SPY") != std::string::npos)) {
      continue;
    }
    ActorRef host = t;
    host.place = false;
    back.push_back({host, s});
  }
  if (back.empty()) return;
  Emit(v, back, other, pattern_text, origin,
       other == code ? "the other side of a mutual act" : "the other side of a visit", out,
       trigger_token);
}

}  // namespace dyad::code
