// TABARI's coder for one parsed record: clause bounds, sources and targets,
// verbs and their patterns, events and compounds, codeEvents (see
// tabari_record.h).
#include "code/tabari_record.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace dyad::tabari::detail {

// ---------------------------------------------------------------------------
// Coder

bool Record::SetClauseBounds() {
  if (!has_clauses_ || o_.ignore_conj) {
    if (iend_ >= 0) return false;
    istart_ = 0;
    iend_ = n_ - 1;
    return true;
  }
  if (iend_ >= 0) {
    istart_ = iend_ + 1;
    while (istart_ <= n_ - 1 && !Head(istart_, WordType::kClause)) ++istart_;
    if (istart_ > n_ - 1) return false;
  } else {
    istart_ = 0;
  }
  iend_ = istart_;
  while (iend_ < n_ - 1 && !Tail(iend_, WordType::kClause)) ++iend_;
  return true;
}

// getActorStructCodes
void Record::ActorCodes(ActorRef* a, int loc) const {
  int guard = 0;
  while (Valid(loc) && Head(loc, WordType::kPronoun) && c_[loc].ref >= 0 && guard++ < 8) loc = c_[loc].ref;
  *a = ActorRef{};
  if (!Valid(loc) || c_[loc].root < 0) return;
  const Root& r = d_.roots[c_[loc].root];
  a->root = c_[loc].root;
  a->where = loc;
  if (r.entry < 0) return;
  const Entry& e = d_.entries[r.entry];
  if (r.type == WordType::kAgent) {
    a->actor = e.agent;
    return;
  }
  const std::vector<ActorMember>* m = e.actor.On(date_);
  if (!m || m->empty()) return;
  a->actor = (*m)[0].actor;
  a->agent = (*m)[0].agent;
  if (m->size() > 1) {
    a->comp = r.entry + 1;
    a->members = *m;
  }
}

int Record::ActorTail(int loc) const {
  if (Head(loc, WordType::kPronoun)) return loc;
  while (loc < iend_ && !Tail(loc, WordType::kActor)) ++loc;
  return loc;
}

int Record::ActorHead(int loc, bool* ok) const {
  if (Head(loc, WordType::kPronoun) && c_[loc].ref >= 0) loc = c_[loc].ref;
  int i = loc;
  while (i >= 0 && !Head(i, WordType::kActor)) --i;
  if (i < 0) {
    *ok = false;
    return loc;
  }
  *ok = true;
  return i;
}

// findAgent: an agent right after the actor, else right before it (over a
// preposition); "former" makes it ~ELI.
void Record::FindAgent(int loc, ActorRef* a) const {
  bool found = false;
  int tloc = ActorTail(loc);
  bool former = false;
  auto is_former = [&](int i) { return Type(i) == WordType::kAdjctv && Valid(i) && c_[i].root == d_.root_former; };
  if (is_former(tloc + 1)) {
    former = true;
    ++tloc;
  }
  if (loc > 0 && !former && is_former(loc - 1)) former = true;
  auto agent_code = [&](int i) {
    const Root& r = d_.roots[c_[i].root];
    return r.entry >= 0 ? d_.entries[r.entry].agent : std::string();
  };
  if (Type(tloc + 1) == WordType::kAgent && Head(tloc + 1, WordType::kAgent)) {
    found = true;
    a->agent = former ? "~ELI" : agent_code(tloc + 1);
  } else {
    if (Type(loc - 1) == WordType::kPrep) --loc;
    if (Type(loc - 1) == WordType::kAgent && Tail(loc - 1, WordType::kAgent)) {
      int s = loc - 1;
      while (s >= 0 && !Head(s, WordType::kAgent)) --s;
      if (s >= 0) {
        found = true;
        if (s > 0 && !former && is_former(s - 1)) former = true;
        a->agent = former ? "~ELI" : agent_code(s);
      }
    }
  }
  if (!found) a->agent.clear();
}

void Record::FindActor(int loc, int* found, ActorRef* a) const {
  while (loc <= iend_) {
    if (Type(loc) == WordType::kActor && Head(loc, WordType::kActor)) {
      ActorCodes(a, loc);
      FindAgent(loc, a);
      *found = loc;
      return;
    }
    ++loc;
  }
  *found = -1;
}

void Record::BackActor(int loc, int* found, ActorRef* a) const {
  while (loc >= istart_) {
    if (Type(loc) == WordType::kActor) {
      bool ok = false;
      loc = ActorHead(loc, &ok);
      if (!ok) {
        *found = -1;
        return;
      }
      ActorCodes(a, loc);
      FindAgent(loc, a);
      *found = loc;
      return;
    }
    --loc;
  }
  *found = -1;
}

int Record::CompoundFromTail(int loc) const {
  int idx = TailTagIndex(loc, WordType::kCompound);
  if (!idx) return -1;
  int s = loc;
  while (s >= 0 && !HeadIndex(s, WordType::kCompound, idx)) --s;
  return s;
}

int Record::CompoundHead(int loc, bool* ok) const {
  int s;
  if (Head(loc, WordType::kCompound)) {
    if (!HeadHasTail(loc, WordType::kCompound)) return -1;
    s = loc;
  } else {
    s = CompoundFromTail(loc);
    if (s < 0) return -1;
  }
  *ok = true;
  return s;
}

void Record::SetDefaultSource() {
  source_ = ActorRef{};
  source_.actor = o_.default_source;
  source_.where = kDefaultWhere;
  regular_source_ = true;
}

void Record::SetDefaultTarget() {
  target_ = ActorRef{};
  target_.actor = o_.default_target;
  target_.where = kDefaultWhere;
  regular_target_ = true;
}

void Record::RegularSource(int verb) {
  int loc = istart_, found = 0;
  ActorRef a;
  while (found >= 0) {
    FindActor(loc, &found, &a);
    if (found < 0) break;
    if (o_.default_prior && found > verb) {
      SetDefaultSource();
      return;
    }
    if (!a.Same(target_)) {
      source_ = a;
      regular_source_ = true;
      return;
    }
    loc = found + 1;
  }
  if (o_.has_default_source) SetDefaultSource();
}

void Record::RegularTarget(int verb) {
  int loc = verb + 1, found = 0;
  ActorRef a;
  while (found >= 0) {
    FindActor(loc, &found, &a);
    if (found < 0) break;
    if (!a.Same(source_)) {
      target_ = a;
      regular_target_ = true;
      return;
    }
    loc = found + 1;
  }
  if (o_.default_after) {
    SetDefaultTarget();
    return;
  }
  loc = verb - 1;
  found = 0;
  while (found >= 0) {
    BackActor(loc, &found, &a);
    if (found < 0) break;
    if (!a.Same(source_)) {
      target_ = a;
      return;
    }
    loc = found - 1;
  }
  bool compound_source = source_.where >= 0 && Valid(source_.where) && c_[source_.where].compound;
  if (source_.comp || compound_source) target_ = source_;
  else if (o_.has_default_source) SetDefaultTarget();
}

bool Record::CheckPassive(int verb) {
  auto by = [&](int i) { return Type(i) == WordType::kByword; };
  if (!by(verb + 1) && !by(verb + 2) && !by(verb + 3)) return false;
  bool passive = (verb > 0 && Type(verb - 1) == WordType::kAuxil) ||
                 (verb > 1 && Type(verb - 2) == WordType::kAuxil);
  if (passive) passive_ = true;
  return passive;
}

std::string Record::Composite(const std::string& actor, const std::string& agent) const {
  if (agent.empty()) return actor;
  if (agent[0] == '~') {
    std::string a = agent.substr(1);
    size_t p = actor.find(a);
    if (p != std::string::npos && p % 3 == 0) return actor;
    return actor + a;
  }
  std::string a = agent;
  if (!a.empty() && a.back() == '~') a.pop_back();
  size_t p = actor.find(a);
  if (p == std::string::npos || p % 3 != 0) return a + actor;
  return actor;
}

void Record::PutEvent(const EventCode& code, int pattern, int verb, const ActorRef& s,
                      const ActorRef& t) {
  RawEvent e;
  e.src = s;
  e.tgt = t;
  e.code = code.code;
  e.sub = code.sub;
  e.dom = code.dom;
  e.verb = verb;
  e.pattern = pattern;
  e.root = c_[verb].root;
  events_.push_back(e);
  if (!code.pair.empty()) {
    RawEvent p = e;
    p.src = t;
    p.tgt = s;
    p.code = code.pair;
    p.sub = code.pair_sub;
    p.dom = code.pair_dom;
    events_.push_back(p);
  }
}

// makeEvent: the source and target (regular ones when the pattern named
// none), the passive swap, one event per member of a compound.
void Record::MakeEvent(const EventCode& code, int pattern, int verb) {
  if (code.code == "---" && code.pair.empty() && !code.sub && !code.dom) return;
  if (source_.Empty()) RegularSource(verb);
  if (target_.Empty()) RegularTarget(verb);
  if (source_.Empty() || target_.Empty()) {
    Trace("  " + std::string(source_.Empty() ? "no source" : "no target"));
    return;
  }
  if (regular_source_ && regular_target_ && CheckPassive(verb)) {
    std::swap(source_, target_);
    Trace("  passive: source and target swapped");
  }
  auto compound_at = [&](int w) { return w >= 0 && Valid(w) && c_[w].compound; };
  if (!compound_at(source_.where) && !compound_at(target_.where)) {
    PutEvent(code, pattern, verb, source_, target_);
  } else {
    bool cs = compound_at(source_.where) && HeadHasTail(source_.where, WordType::kCompound);
    int is = cs ? CompoundFromTail(source_.where) : source_.where;
    if (is < 0) is = source_.where;
    // advance to the next member of a compound; false at an error
    auto next_member = [&](int* idx, bool* more) {
      ++*idx;
      while (!Valid(*idx) || c_[*idx].root < 0 || c_[*idx].type != WordType::kActor) {
        ++*idx;
        if (*idx >= n_) return false;
      }
      int k = *idx;
      while (!Tail(k, WordType::kActor)) {
        ++k;
        if (k >= n_) return false;
      }
      if (Tail(k, WordType::kCompound)) *more = false;
      return true;
    };
    while (true) {
      ActorRef s;
      if (is == kDefaultWhere) {
        s = source_;
      } else {
        ActorCodes(&s, is);
        FindAgent(is, &s);
      }
      bool ct = compound_at(target_.where) && HeadHasTail(target_.where, WordType::kCompound);
      int it = ct ? CompoundFromTail(target_.where) : target_.where;
      if (it < 0) it = target_.where;
      while (true) {
        ActorRef t;
        if (it == kDefaultWhere) {
          t = target_;
        } else {
          ActorCodes(&t, it);
          FindAgent(it, &t);
        }
        PutEvent(code, pattern, verb, s, t);
        if (!ct) break;
        if (!next_member(&it, &ct)) return;
      }
      if (!cs) break;
      if (!next_member(&is, &cs)) return;
    }
  }
  if (!regular_source_) source_ = ActorRef{};
  if (!regular_target_) target_ = ActorRef{};
}

// doVerb: the verb's patterns, longest first; a pattern with alternatives
// gives way to a longer match of another.
void Record::DoVerb(int verb) {
  target_ = ActorRef{};
  if (passive_) {
    source_ = ActorRef{};
    passive_ = false;
  }
  const Root& root = d_.roots[c_[verb].root];
  if (root.entry < 0) return;
  const Entry& entry = d_.entries[root.entry];
  bool got = false, got_alt = false;
  int maxlen = 0;
  size_t first_event = events_.size();
  for (int pid : entry.patterns) {
    const Pattern& p = d_.patterns[pid];
    if (got_alt && p.length <= maxlen) {
      got = true;
      break;
    }
    index_source_ = index_target_ = index_compound_ = -1;
    int lenalt = 0;
    if (!CheckPattern(p, verb, WordType::kVerb, &lenalt)) continue;
    bool make = false;
    if (lenalt) {
      got_alt = true;
      if (p.length + lenalt > maxlen) {
        make = true;
        maxlen = p.length - p.maxalt + lenalt;
      }
    } else {
      got_alt = false;
      got = true;
      make = true;
    }
    if (make) {
      Trace("  pattern '" + p.text + "' [" + p.code.code + (p.code.pair.empty() ? "" : ":" + p.code.pair) +
            "] matched (" + p.origin + ")");
      if (index_source_ >= 0) {
        ActorCodes(&source_, index_source_);
        FindAgent(index_source_, &source_);
      }
      if (index_target_ >= 0) {
        ActorCodes(&target_, index_target_);
        FindAgent(index_target_, &target_);
      }
      if (index_compound_ >= 0) {
        ActorCodes(&source_, index_compound_);
        ActorCodes(&target_, index_compound_);
      }
      events_.resize(first_event);
      MakeEvent(p.code, pid, verb);
    }
    if (got) break;
  }
  if (!got && entry.has_code) {
    index_source_ = index_target_ = index_compound_ = -1;
    Trace("  verb '" + root.text + "' [" + entry.event.code + (entry.event.pair.empty() ? "" : ":" + entry.event.pair) + "]");
    MakeEvent(entry.event, -1, verb);
  }
}

// checkVerbs: clause by clause, verb by verb, until a clause (or, SET:
// CODE BY SENTENCE, the sentence) has an event that is not subordinate.
void Record::CheckVerbs() {
  source_ = ActorRef{};
  passive_ = false;
  istart_ = 0;
  iend_ = -1;
  int start_event = -1;
  while (SetClauseBounds()) {
    if (iend_ - istart_ < 2) continue;
    if (istart_ && Head(istart_, WordType::kActor)) ActorCodes(&source_, istart_);
    target_ = ActorRef{};
    int index = istart_;
    bool got_event = false;
    if (o_.code_mode == 0) start_event = static_cast<int>(events_.size()) - 1;
    while (index <= iend_) {
      if (SkipSegment(&index, WordType::kSubord)) continue;
      if (Head(index, WordType::kVerb)) {
        Trace("verb '" + c_[index].text + "' at " + std::to_string(index));
        DoVerb(index);
        if (o_.code_mode < 2) {
          for (size_t k = static_cast<size_t>(start_event + 1); k < events_.size(); ++k) {
            if (events_[k].live && !events_[k].sub) {
              got_event = true;
              if (o_.code_mode == 1) return;
              break;
            }
          }
        }
      }
      if (got_event) break;
      ++index;
    }
  }
}

// codeEvents
void Record::Code(RecordResult* out) {
  if (o_.time_list) CheckTime();
  if (discard_) {
    problem_ = "Discard code found in text";
    return;
  }
  if (complex_) {
    problem_ = "Complex text: " + complex_why_;
    return;
  }
  CheckVerbs();
  if (events_.empty()) {
    problem_ = "No events found in text";
    return;
  }
  // evaluateEvents
  bool nonsub = false, dom = false;
  for (RawEvent& e : events_) {
    if (e.code == "---") {
      e.live = false;
      e.sub = true;
    }
    if (e.code == "###") {
      evt_discard_ = true;
      break;
    }
    if (e.code == "+++" || e.src.actor == "+++" || e.tgt.actor == "+++") {
      evt_complex_ = true;
      break;
    }
    if (e.dom) {
      dom = nonsub = true;
      break;
    }
    if (!nonsub && !e.sub) nonsub = true;
  }
  for (RawEvent& e : events_) {
    if (dom && !e.dom) e.live = false;
    else if (!dom && nonsub && e.sub) e.live = false;
  }
  std::vector<RawEvent> live;
  for (const RawEvent& e : events_) {
    if (e.live) live.push_back(e);
  }
  if (live.empty()) {
    problem_ = "Only null events found in text";
    return;
  }
  if (evt_discard_) {
    problem_ = "Discard code found in verb pattern";
    return;
  }
  if (evt_complex_) {
    problem_ = "Complex code found in verb pattern";
    return;
  }
  // expandCompoundCodes, then drop events between the same actors, with
  // null codes, and duplicates.
  std::vector<RawEvent> expanded;
  for (const RawEvent& e : live) {
    std::vector<ActorMember> srcs =
        e.src.comp ? e.src.members : std::vector<ActorMember>{{e.src.actor, e.src.agent}};
    std::vector<ActorMember> tgts =
        e.tgt.comp ? e.tgt.members : std::vector<ActorMember>{{e.tgt.actor, e.tgt.agent}};
    for (size_t i = 0; i < srcs.size(); ++i) {
      for (size_t j = 0; j < tgts.size(); ++j) {
        RawEvent x = e;
        x.src.actor = srcs[i].actor;
        if (i > 0) x.src.agent = srcs[i].agent;
        x.tgt.actor = tgts[j].actor;
        if (j > 0) x.tgt.agent = tgts[j].agent;
        expanded.push_back(x);
      }
    }
  }
  auto blank = [](const std::string& a) { return a.empty() || a == "---" || a == "+++" || a == "###" || a == "***"; };
  for (const RawEvent& e : expanded) {
    if (blank(e.src.actor) || blank(e.tgt.actor)) continue;
    if (!o_.same_actors && e.src.actor == e.tgt.actor && e.src.agent == e.tgt.agent) continue;
    CodedEvent ce;
    ce.source = Composite(e.src.actor, e.src.agent);
    ce.target = Composite(e.tgt.actor, e.tgt.agent);
    ce.code = e.code;
    ce.verb = e.verb;
    if (e.verb >= 0 && e.verb < n_) ce.verb_word = c_[e.verb].text;
    if (e.root >= 0) ce.verb_text = d_.roots[e.root].text;
    if (e.pattern >= 0) {
      ce.pattern = d_.patterns[e.pattern].text;
      ce.origin = d_.patterns[e.pattern].origin;
    } else if (e.root >= 0 && d_.roots[e.root].entry >= 0) {
      ce.origin = d_.entries[d_.roots[e.root].entry].origin;
    }
    bool dup = false;
    for (const CodedEvent& o : out->events) {
      dup |= o.source == ce.source && o.target == ce.target && o.code == ce.code;
    }
    if (!dup) out->events.push_back(ce);
  }
  if (out->events.empty()) problem_ = "No valid events found in text";
}


}  // namespace dyad::tabari::detail
