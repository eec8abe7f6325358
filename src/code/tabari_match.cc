// TABARI's checkPattern (a verb pattern against the record's words) and
// checkTime (a <TIME> phrase shifts the date), see tabari_record.h.
#include "code/tabari_record.h"

#include <algorithm>
#include <cstring>

namespace dyad::tabari::detail {

bool Record::ShiftDate(const TimeCode& tc) {
  if (tc.special == "###") {
    discard_ = true;
    return true;
  }
  if (tc.special == "+++") {
    complex_ = true;
    complex_why_ = "complex code in time-shift phrase";
    return true;
  }
  if (tc.special == "---") return false;
  date_ = ShiftDays(date_, tc.shift);
  Trace("time shift " + std::to_string(tc.shift) + " -> " + std::to_string(date_));
  return true;
}

// checkTime: the first <TIME> phrase shifts the date (or discards).
void Record::CheckTime() {
  istart_ = 0;
  iend_ = n_ - 1;
  for (int i = 0; i < n_; ++i) {
    if (!Head(i, WordType::kTime)) continue;
    const Root& root = d_.roots[c_[i].root];
    if (root.entry < 0) continue;
    const Entry& e = d_.entries[root.entry];
    for (int pid : e.patterns) {
      int lenalt = 0;
      if (CheckPattern(d_.patterns[pid], i, WordType::kTime, &lenalt) && ShiftDate(d_.patterns[pid].time)) return;
    }
    if (e.has_code) {
      if (ShiftDate(e.time)) return;
      while (i < n_ && !Tail(i, WordType::kTime)) ++i;
    }
  }
}

// ---------------------------------------------------------------------------
// checkPattern: the words after the verb (upper phrase), then those before
// it (lower phrase). Each pattern element's connector decides whether text
// words may be skipped before the next element and whether a partial
// (prefix) match of a word is enough.

struct Record::Matcher {
  Record& r;
  const Phrase* ph;
  int pos = 0;
  bool high = true;
  bool skip = false, full = true;
  int loc = 0;
  bool cond = false;
  int cond_loc = 0, cond_len = 0;
  bool cond_skip = false;
  int lenalt = 0;

  explicit Matcher(Record& rec) : r(rec) {}

  bool Is(int p, int32_t sym) const {
    return p >= 0 && p < static_cast<int>(ph->size()) && !(*ph)[p].synset && (*ph)[p].lit == sym;
  }
  bool In(int p) const { return p >= 0 && p < static_cast<int>(ph->size()); }
  uint16_t Conn(int p) const { return In(p) ? (*ph)[p].conn : 0; }
  bool Synset(int p) const { return In(p) && (*ph)[p].synset; }

  void Save() {
    cond = true;
    cond_loc = loc;
    cond_len = lenalt;
    cond_skip = skip;
  }
  void Restore() {
    loc = cond_loc;
    lenalt = cond_len;
    skip = cond_skip;
  }
  void InitCondit() {
    Save();
    pos += high ? 1 : -1;
  }
  void CondCheck(int* state) {
    int size = static_cast<int>(ph->size());
    if (high) {
      while (pos < size && !Is(pos, kLitOr) && !Is(pos, kLitClose)) ++pos;
      if (pos >= size || Is(pos, kLitClose)) return;
      Restore();
      ++pos;
    } else {
      while (pos >= 0 && !Is(pos, kLitOr) && !Is(pos, kLitOpen)) --pos;
      if (pos < 0 || Is(pos, kLitOpen)) return;
      Restore();
      --pos;
    }
    if (pos < 0 || pos >= size) return;
    full = !(Conn(pos) & kConnA);
    *state = 2;
  }
  int Continue() {
    if (high) {
      if (++loc > r.iend_) return 0;
    } else {
      if (--loc < 0) return 0;
    }
    return 2;
  }
  int Next() {
    int size = static_cast<int>(ph->size());
    if (high) {
      if (cond && (Is(pos + 1, kLitOr) || Is(pos + 1, kLitClose))) {
        cond = false;
        while (pos < size && !Is(pos, kLitClose)) ++pos;
        if (pos >= size) return 1;
      }
      skip = (Conn(pos) & kConnB) != 0;
      ++pos;
      if (pos >= size) return 1;
      if (++loc > r.iend_) return 0;
    } else {
      --pos;
      if (pos < 0) return 1;
      if (cond && (Is(pos, kLitOr) || Is(pos, kLitOpen))) {
        cond = false;
        while (pos >= 0 && !Is(pos, kLitOpen)) --pos;
        --pos;
        if (pos < 0) return 0;  // TABARI reads past the phrase here: no match
      }
      skip = (Conn(pos) & kConnB) != 0;
      if (--loc < 0) return 0;
    }
    full = !(Conn(pos) & kConnA);
    return 2;
  }
  int State(int result) {
    if (skip) {
      if (full) return result == 2 ? Next() : Continue();
      return result ? Next() : Continue();
    }
    if (full) return result == 2 ? Next() : 0;
    return result ? Next() : 0;
  }
  // compTarget
  int Target() {
    if (!In(pos)) return 0;  // a '{' that ends the phrase
    const Element& e = (*ph)[pos];
    if (e.synset) return 0;
    if (e.lit >= kFirstWordLit) {
      int m = r.HasLit(loc, e.lit);
      if (m && cond) lenalt += static_cast<int>(r.d_.LitText(e.lit).size());
      return m;
    }
    bool ok = false;
    bool actor = r.Type(loc) == WordType::kActor;
    if (e.lit == kLitSource && actor) {
      r.index_source_ = r.ActorHead(loc, &ok);
    } else if (e.lit == kLitTarget && actor) {
      r.index_target_ = r.ActorHead(loc, &ok);
    } else if (e.lit == kLitAttrib && actor) {
      r.ActorHead(loc, &ok);
    } else if (e.lit == kLitSkip && actor) {
      if (high) {
        r.ActorHead(loc, &ok);
        if (ok) loc = r.ActorTail(loc);
      } else {
        loc = r.ActorHead(loc, &ok);
      }
    } else if (e.lit == kLitCompound && r.Head(loc, WordType::kCompound)) {
      int h = r.CompoundHead(loc, &ok);
      if (ok) r.index_compound_ = h;
    }
    return ok ? 2 : 0;
  }
  // compSynset: the first member phrase that matches here.
  int Synset() {
    const Root& root = r.d_.roots[(*ph)[pos].lit];
    if (root.entry < 0) return 0;
    for (int pid : r.d_.entries[root.entry].patterns) {
      if (SubPattern(r.d_.patterns[pid].phrase)) return 2;
    }
    return 0;
  }
  bool SubPattern(const Phrase& sub) {
    if (sub.empty()) return false;
    const Phrase* save_ph = ph;
    int save_pos = pos, save_loc = loc;
    ph = &sub;
    pos = 0;
    int state = 2;
    while (state == 2) {
      int result;
      if (Synset(pos)) {
        if (high) {
          result = Synset();
        } else {
          Save();
          result = 0;
          int more = 1;
          while (more) {
            result = Synset();
            more = result ? 0 : Continue();
          }
          if (!result) {
            cond = false;
            Restore();
          }
        }
      } else {
        result = Target();
      }
      state = State(result);
    }
    ph = save_ph;
    pos = save_pos;
    loc = save_loc;
    return state != 0;
  }
};

bool Record::CheckPattern(const Pattern& p, int loc, WordType wtype, int* lenalt) {
  Matcher m(*this);
  m.ph = &p.phrase;
  int verb_pos = -1;
  for (size_t i = 0; i < p.phrase.size(); ++i) {
    if (m.Is(static_cast<int>(i), kLitVerb)) {
      verb_pos = static_cast<int>(i);
      break;
    }
  }
  if (verb_pos < 0) return false;
  // upper phrase, from the end of the verb's root
  m.pos = verb_pos;
  m.loc = loc;
  while (Type(m.loc) != WordType::kHalt && Valid(m.loc) && !Tail(m.loc, wtype)) ++m.loc;
  m.high = true;
  int state = m.Next();
  while (state == 2) {
    int result;
    if (m.Synset(m.pos)) {
      result = m.Synset();
    } else {
      if (m.Is(m.pos, kLitOpen)) m.InitCondit();
      result = m.Target();
    }
    state = m.State(result);
    if (!state && m.cond) m.CondCheck(&state);
  }
  if (!state) return false;
  if (verb_pos == 0) {
    *lenalt = m.lenalt;
    return true;
  }
  // lower phrase, from the start of the verb's root
  m.high = false;
  m.pos = verb_pos;
  m.loc = loc;
  state = m.Next();
  while (state == 2) {
    int result;
    if (m.Synset(m.pos)) {
      m.Save();
      result = 0;
      int more = 1;
      while (more) {
        result = m.Synset();
        more = result ? 0 : m.Continue();
      }
      if (!result) {
        m.cond = false;
        m.Restore();
      }
    } else {
      if (m.Is(m.pos, kLitClose)) m.InitCondit();
      result = m.Target();
    }
    state = m.State(result);
    if (!state && m.cond) m.CondCheck(&state);
  }
  if (!state) return false;
  *lenalt = m.lenalt;
  return true;
}


}  // namespace dyad::tabari::detail
