// TABARI's parse of one record: filterText, makeLex, makeSynt and the
// marking steps up to evaluateComplexity (see tabari_record.h).
#include "code/tabari_record.h"

#include "dyad/civil_days.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace dyad::tabari::detail {

// yyyymmdd shifted by `days`, for <TIME> shifts (dyad/civil_days.h).
int ShiftDays(int date, int days) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(DaysFromCivil(date / 10000, date / 100 % 100, date % 100) + days, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

// filterText: punctuation out (commas, semicolons, colons and parentheses
// become commas; periods stay inside numbers and after capitals; quotes and
// commas stand alone), /* comments */ out, blanks collapsed.
std::string FilterText(std::string_view in, bool* all_caps) {
  std::string out;
  *all_caps = true;
  size_t i = 0;
  while (i < in.size()) {
    char c = in[i];
    if (*all_caps && IsLower(c)) *all_caps = false;
    if (c == '/' && i + 1 < in.size() && in[i + 1] == '*') {
      size_t e = in.find("*/", i + 1);
      i = e == std::string_view::npos ? in.size() : e + 2;
      continue;
    }
    if (IsPunct(c)) {
      char prev = i > 0 ? in[i - 1] : ' ';
      char next = i + 1 < in.size() ? in[i + 1] : '\0';
      if (c == ';' || c == ':' || c == '(' || c == ')') {
        out += " , ";
      } else if (c == ',') {
        if (!IsDigit(prev) || !IsDigit(next)) out += " , ";
      } else if (c == '.') {
        if (IsDigit(prev) && IsDigit(next)) out += '.';
        else if (IsUpper(prev)) out += '.';
        else out += ' ';
      } else if (c == '\'' || c == '$') {
        out += c;
      } else if (c == '"') {
        out += " \" ";
      } else {
        out += ' ';
      }
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  // Collapse blanks; a word of 64 characters or more is cut.
  std::string words;
  int run = 0;
  for (char c : out) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      run = 0;
      if (!words.empty() && words.back() != ' ') words += ' ';
      continue;
    }
    if (++run >= 64) {
      words += ' ';
      run = 1;
    }
    words += c;
  }
  return words;
}

// ---------------------------------------------------------------------------
// makeLex

bool Record::Lex(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    problem_ = "Input error: no text in record";
    return false;
  }
  std::string f = FilterText(text, &all_caps_);
  std::stringstream ss(f);
  std::string w;
  bool first = true;
  while (ss >> w) {
    if (static_cast<int>(c_.size()) >= kMaxLex - 2) break;
    Cell cell;
    if (!all_caps_ && IsUpper(w[0])) {
      if (first) first = false;
      else cell.mid_cap = true;
    }
    std::string up = w;
    for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    cell.text = up;
    // The literals the word begins with (in TABARI's list order: shorter first).
    std::vector<std::pair<int32_t, bool>> lits;
    for (size_t k = 1; k <= up.size(); ++k) {
      if (k == 1 && up.size() > 1 && HashClass(up[1]) != 0) continue;
      int32_t id = d_.Find(std::string_view(up).substr(0, k));
      if (id > 0) lits.emplace_back(id, k == up.size());
    }
    if (IsDigit(w[0]) && lits.empty()) {
      cell.number = true;
    } else if (w[0] == ',') {
      cell.comma = true;
    } else {
      cell.lits = std::move(lits);
    }
    c_.push_back(std::move(cell));
  }
  n_ = static_cast<int>(c_.size());
  if (n_ - 1 < o_.min_lex) {
    problem_ = "Input error: too few words in sentence";
    return false;
  }
  Cell halt;
  halt.type = WordType::kHalt;
  c_.push_back(halt);
  return true;
}

// ---------------------------------------------------------------------------
// makeSynt: each word gets the root matching the most characters.

bool Record::MatchRoot(const Root& r, int begin, int* nmatch, std::vector<int>* matched) const {
  *nmatch = 0;
  matched->clear();
  bool skip = false;
  int p = begin;
  size_t e = 0;
  const Phrase& ph = r.phrase;
  while (e < ph.size() && p < n_) {
    const Cell& cell = c_[p];
    if (cell.comma) return false;
    int litlen = -1;
    for (const auto& [l, exact] : cell.lits) {
      if (l == ph[e].lit && !ph[e].synset) {
        litlen = static_cast<int>(d_.LitText(l).size());
        break;
      }
    }
    if (litlen < 0) {
      if (skip) {
        ++p;
        continue;
      }
      return false;
    }
    matched->push_back(p);
    *nmatch += litlen;
    uint16_t conn = ph[e].conn;
    if (litlen < static_cast<int>(cell.text.size()) && !(conn & kConnB)) {
      if (conn == kConnEqual) return false;
      std::string rest = cell.text.substr(litlen);
      bool last = e + 1 == ph.size();
      if (r.type == WordType::kActor || r.type == WordType::kAgent || r.type == WordType::kNoun) {
        if (!last) return false;
        if (rest == "S") return *nmatch += 1, true;
        if (rest == "'S" || rest == "ES") return *nmatch += 2, true;
      }
      if (r.type == WordType::kVerb) {
        if (!last) return false;
        if (rest == "S") return *nmatch += 1, true;
        if (rest == "ED" || rest == "ES" || rest == "EN") return *nmatch += 2, true;
        if (rest == "ING") return *nmatch += 3, true;
        const std::string& lt = d_.LitText(ph[e].lit);
        if (!lt.empty() && lt.back() == 'E' && rest == "D") return *nmatch += 1, true;
      }
      return false;
    }
    skip = (conn & kConnA) != 0;
    ++p;
    ++e;
  }
  return e == ph.size();
}

void Record::AssignRoots() {
  std::vector<int> matched, best_matched;
  for (int i = 0; i < n_; ++i) {
    Cell& cell = c_[i];
    if (cell.type != WordType::kNull) continue;
    if (cell.comma) {
      cell.type = WordType::kComma;
      continue;
    }
    if (cell.number) {
      cell.type = WordType::kNumber;
      continue;
    }
    int best = 0, best_root = -1;
    for (const auto& [lit, exact] : cell.lits) {
      const std::vector<int>* st = d_.Starting(lit);
      if (!st) continue;
      for (int r : *st) {
        int nm = 0;
        if (MatchRoot(d_.roots[r], i, &nm, &matched) && nm > best) {
          best = nm;
          best_root = r;
          best_matched = matched;
        }
      }
    }
    if (best_root < 0) continue;
    WordType t = d_.roots[best_root].type;
    cell.root = best_root;
    cell.head.push_back({t, 1});
    for (int m : best_matched) c_[m].type = t;
    c_[best_matched.back()].tail.push_back({t, 1});
  }
}

// setForward: the previous record's first actor or compound, copied after
// this record's words (roots and tags only).
void Record::SetForward(const std::vector<Cell>& prev) {
  forw_actor_ = forw_compd_ = -1;
  int np = 0;
  while (np < static_cast<int>(prev.size()) && prev[np].type != WordType::kHalt) ++np;
  auto copy = [&](const Cell& from, bool compound) {
    Cell c;
    c.root = from.root;
    c.type = from.type;
    c.compound = compound;
    c.text = from.text;
    if (HasTag(from.head, WordType::kActor)) c.head.push_back({WordType::kActor, 1});
    if (HasTag(from.tail, WordType::kActor)) c.tail.push_back({WordType::kActor, 1});
    c_.push_back(c);
    return static_cast<int>(c_.size()) - 1;
  };
  for (int p = 0; p < np && forw_actor_ < 0 && forw_compd_ < 0; ++p) {
    if (HasTag(prev[p].head, WordType::kCompound)) {
      int first = -1, last = -1;
      for (; p < np; ++p) {
        int at = copy(prev[p], true);
        if (first < 0) first = at;
        last = at;
        if (HasTag(prev[p].tail, WordType::kCompound)) break;
      }
      if (p >= np) p = np - 1;
      c_[first].head.push_back({WordType::kCompound, 1});
      c_[last].tail.push_back({WordType::kCompound, 1});
      forw_compd_ = first;
    }
    if (forw_actor_ < 0 && p < np && HasTag(prev[p].head, WordType::kActor) &&
        !HasTag(prev[p].head, WordType::kPronoun)) {
      Cell c;
      c.root = prev[p].root;
      c.type = prev[p].type;
      c.text = prev[p].text;
      c.head.push_back({WordType::kActor, 1});
      c.tail.push_back({WordType::kActor, 1});
      c_.push_back(c);
      forw_actor_ = static_cast<int>(c_.size()) - 1;
    }
  }
  if (forw_compd_ < 0) forw_compd_ = forw_actor_;
}

bool Record::NullActorRoot(int root) const {
  if (root < 0 || d_.roots[root].entry < 0) return false;
  const Entry& e = d_.entries[d_.roots[root].entry];
  const std::vector<ActorMember>* m = e.actor.On(date_);
  return m && m->size() == 1 && (*m)[0].actor == "---";
}

bool Record::NullVerbRoot(int root) const {
  if (root < 0 || d_.roots[root].entry < 0) return false;
  return d_.entries[d_.roots[root].entry].event.code == "---";
}

// markNouns: a verb after a determiner or capitalised inside the sentence is
// a noun; so is an actor whose code is null.
void Record::MarkNouns() {
  for (int i = 0; i < n_; ++i) {
    Cell& cell = c_[i];
    if (cell.type == WordType::kVerb && i > 0) {
      if (c_[i - 1].type == WordType::kDeterm || cell.mid_cap) {
        cell.type = WordType::kNoun;
        if (HasTag(cell.head, WordType::kVerb)) {
          ChangeTag(&cell.head, WordType::kVerb, WordType::kNoun);
          int j = i;
          while (!Tail(j, WordType::kVerb)) {
            ++j;
            if (j >= n_) {
              --j;
              break;
            }
            if (c_[j].type == WordType::kVerb && !HasTag(c_[j].head, WordType::kVerb)) c_[j].type = WordType::kNoun;
          }
          ChangeTag(&c_[j].tail, WordType::kVerb, WordType::kNoun);
        }
      }
    } else if (HasTag(cell.head, WordType::kActor) && d_.roots[cell.root].type == WordType::kActor &&
               NullActorRoot(cell.root)) {
      ChangeTag(&cell.head, WordType::kActor, WordType::kNoun);
      cell.type = WordType::kNoun;
      int j = i;
      while (!Tail(j, WordType::kActor)) {
        ++j;
        if (j >= n_) {
          --j;
          break;
        }
        if (c_[j].type == WordType::kActor && !HasTag(c_[j].head, WordType::kActor)) c_[j].type = WordType::kNoun;
      }
      ChangeTag(&c_[j].tail, WordType::kActor, WordType::kNoun);
      i = j;
    }
  }
}

// convertAgents (SET: CONVERT AGENT): an agent with no actor beside it is
// an actor.
void Record::ConvertAgents() {
  for (int a = 0; a < n_; ++a) {
    if (c_[a].type != WordType::kAgent) continue;
    if (a > 0 && (c_[a - 1].type == WordType::kActor || Tail(a - 1, WordType::kActor) ||
                  c_[a - 1].root == d_.root_former)) {
      while (a < n_ && !Tail(a, WordType::kAgent)) ++a;
      continue;
    }
    int h = a;
    while (a < n_ && !Tail(a, WordType::kAgent)) ++a;
    if (a >= n_) break;
    bool convert = true;
    if (a < n_ - 1 && Head(a + 1, WordType::kActor)) convert = false;
    if (convert && a + 1 < n_ - 1 && c_[a + 1].type == WordType::kPrep && c_[a + 2].type == WordType::kActor)
      convert = false;
    if (convert) {
      c_[h].type = WordType::kActor;
      ChangeTag(&c_[h].head, WordType::kAgent, WordType::kActor);
      ChangeTag(&c_[a].tail, WordType::kAgent, WordType::kActor);
    }
  }
}

// markCompound: "A, B and C" (actors joined by AND or NOR, commas between).
void Record::MarkCompound() {
  int index = 1;
  for (int i = 0; i < n_; ++i) {
    if (c_[i].type != WordType::kConj) continue;
    if (!HasLit(i, d_.lit_and) && !HasLit(i, d_.lit_nor)) continue;
    int pend = -1, pset = -1;
    int j = i + 1;
    while (j < n_ && (c_[j].type == WordType::kActor || c_[j].type == WordType::kDeterm ||
                      c_[j].type == WordType::kAdjctv)) {
      if (c_[j].type == WordType::kActor && Head(j, WordType::kActor)) {
        while (j < n_ && !Tail(j, WordType::kActor)) ++j;
        pend = j;
      }
      ++j;
    }
    if (pend < 0) continue;
    bool need = false;
    j = i;
    while (j >= 0 && (c_[j].type == WordType::kActor || c_[j].type == WordType::kConj ||
                      c_[j].type == WordType::kComma || c_[j].type == WordType::kDeterm ||
                      c_[j].type == WordType::kAdjctv)) {
      if (c_[j].type == WordType::kConj || c_[j].type == WordType::kComma) need = false;
      if (c_[j].type == WordType::kActor) {
        if (need) break;
        while (j > 0 && !Head(j, WordType::kActor)) --j;
        pset = j;
        need = true;
      }
      --j;
    }
    if (pset < 0) continue;
    c_[pset].head.push_back({WordType::kCompound, index});
    c_[pend].tail.push_back({WordType::kCompound, index});
    for (int k = pset; k <= pend; ++k) {
      int idx = 0;
      if (Head(k, WordType::kCompound, &idx) && idx < index) {
        int l = k;
        while (l < n_ && !TailIndex(l, WordType::kCompound, idx)) ++l;
        if (l < n_) {
          ChangeTag(&c_[k].head, WordType::kCompound, WordType::kCancelled);
          ChangeTag(&c_[l].tail, WordType::kCompound, WordType::kCancelled);
        }
      }
    }
    ++index;
    for (int k = pset; k <= pend; ++k) c_[k].compound = true;
  }
}

// markSubordinate: a comma-delimited clause of the COMMA: sizes is dropped.
void Record::MarkSubordinate() {
  int index = 1;
  int i = 0;
  while (c_[i].type != WordType::kHalt) {
    if (SkipSegment(&i, WordType::kCompound)) continue;
    if (c_[i].type == WordType::kComma) {
      int start = i;
      if (i > 0 && i >= o_.min_beg && i <= o_.max_beg) {
        c_[0].head.push_back({WordType::kSubord, index});
        c_[start - 1].tail.push_back({WordType::kSubord, index});
        ++index;
      }
      ++i;
      while (c_[i].type != WordType::kComma && c_[i].type != WordType::kHalt) {
        if (SkipSegment(&i, WordType::kCompound)) continue;
        ++i;
      }
      int between = i - start - 1;
      if (c_[i].type == WordType::kHalt && between >= o_.min_end && between <= o_.max_end) {
        c_[start].head.push_back({WordType::kSubord, index});
        c_[n_ - 1].tail.push_back({WordType::kSubord, index});
        return;
      }
      if (c_[i].type == WordType::kComma && between >= o_.min_sub && between <= o_.max_sub) {
        c_[start].head.push_back({WordType::kSubord, index});
        c_[i].tail.push_back({WordType::kSubord, index});
        ++index;
      }
    }
    if (c_[i].type != WordType::kHalt) ++i;
  }
}

// nullSubordinate: everything inside a dropped clause loses its type and
// the tags that reach it.
void Record::NullSubordinate() {
  if (Head(0, WordType::kSubord)) c_[0].type = WordType::kNull;
  int i = 0;
  while (c_[i].type != WordType::kHalt) {
    if (Head(i, WordType::kSubord)) {
      do {
        ++i;
        if (i >= n_) return;
        c_[i].type = WordType::kNull;
        for (size_t h = 0; h < c_[i].head.size(); ++h) {
          WordType t = c_[i].head[h].type;
          if (t == WordType::kCancelled) continue;
          int j = i;
          while (!Tail(j, t) && c_[j].type != WordType::kHalt) ++j;
          if (c_[j].type == WordType::kHalt) return;
          c_[i].type = WordType::kCancelled;
          ChangeTag(&c_[i].head, t, WordType::kCancelled);
          ChangeTag(&c_[j].tail, t, WordType::kCancelled);
        }
        for (size_t h = 0; h < c_[i].tail.size(); ++h) {
          WordType t = c_[i].tail[h].type;
          if (t == WordType::kCancelled || t == WordType::kSubord) continue;
          int j = i;
          while (!Head(j, t) && j > 0) --j;
          if (j == 0 && !Head(j, t)) return;
          ChangeTag(&c_[i].tail, t, WordType::kCancelled);
          ChangeTag(&c_[j].head, t, WordType::kCancelled);
          c_[j].type = WordType::kCancelled;
        }
      } while (!Tail(i, WordType::kSubord));
    }
    if (c_[i].type == WordType::kHalt) return;
    ++i;
  }
}

// markClauses: a conjunction that does not join two nouns or two
// adjectives starts a new clause.
void Record::MarkClauses() {
  int index = 1;
  has_clauses_ = false;
  c_[0].head.push_back({WordType::kClause, index});
  int i = 0;
  while (c_[i].type != WordType::kHalt) {
    if (SkipSegment(&i, WordType::kCompound)) continue;
    if (SkipSegment(&i, WordType::kSubord)) continue;
    if (i >= static_cast<int>(c_.size()) || c_[i].type == WordType::kHalt) break;
    if (c_[i].type == WordType::kConj && i > 0 && c_[i + 1].type != WordType::kHalt) {
      bool clause = true;
      if (c_[i - 1].type == WordType::kNoun) {
        int j = i + 1;
        while (c_[j].type == WordType::kAdjctv) ++j;
        if (c_[j].type == WordType::kNoun) {
          clause = false;
          i = j;
        }
      }
      if (c_[i - 1].type == WordType::kAdjctv && c_[i + 1].type == WordType::kAdjctv) {
        clause = false;
        ++i;
      }
      if (clause) {
        has_clauses_ = true;
        c_[i - 1].tail.push_back({WordType::kClause, index});
        ++index;
        c_[i + 1].head.push_back({WordType::kClause, index});
        ++i;
      }
    }
    ++i;
  }
  c_[n_ - 1].tail.push_back({WordType::kClause, index});
}

// dereferencePronouns: HE, HIM, SHE, HER, IT -> the first single actor
// before; THEY, THEM, THEIR -> the first compound before, else the first
// actor.
void Record::DereferencePronouns(bool can_forward) {
  for (int i = 0; i < n_; ++i) {
    if (c_[i].type != WordType::kPronoun || c_[i].lits.empty()) continue;
    int idx = -1;
    int32_t first = c_[i].lits.front().first;
    if (first >= d_.lit_he && first <= d_.lit_it) {
      int j = 0;
      while (j < i) {
        while (j < i && c_[j].type != WordType::kActor) ++j;
        if (j >= i) break;
        int cidx = 0;
        if (Head(j, WordType::kCompound, &cidx)) {
          do ++j;
          while (j < n_ && !TailIndex(j, WordType::kCompound, cidx));
          ++j;
        } else if (!Head(j, WordType::kActor)) {
          ++j;
        } else {
          idx = j;
          break;
        }
      }
      if (idx < 0 && can_forward && forw_actor_ >= 0) idx = forw_actor_;
    } else if (first == d_.lit_the) {
      int j = 0;
      while (j < i) {
        while (j < i && c_[j].type != WordType::kActor) ++j;
        if (j >= i) break;
        if (Head(j, WordType::kCompound)) {
          idx = j;
          break;
        }
        if (idx < 0) idx = j;
        ++j;
      }
      if (idx < 0 && can_forward && forw_compd_ >= 0) idx = forw_compd_;
    }
    if (idx >= 0) {
      c_[i].type = WordType::kActor;
      c_[i].head.push_back({WordType::kActor, 1});
      c_[i].tail.push_back({WordType::kActor, 1});
      c_[i].ref = idx;
    }
  }
}

void Record::CheckDiscards() {
  for (int i = 0; i < n_; ++i) {
    int r = c_[i].root;
    if (r < 0 || d_.roots[r].entry < 0) continue;
    const Root& root = d_.roots[r];
    const Entry& e = d_.entries[root.entry];
    bool discard = false;
    switch (root.type) {
      case WordType::kActor: {
        const std::vector<ActorMember>* m = e.actor.On(date_);
        discard = m && m->size() == 1 && (*m)[0].actor == "###";
        break;
      }
      case WordType::kVerb: discard = e.event.code == "###" && e.event.pair.empty(); break;
      case WordType::kTime: discard = e.time.special == "###"; break;
      default: break;
    }
    if (discard) {
      discard_ = true;
      Trace("discard: '" + root.text + "' has a discard code");
      return;
    }
  }
}

void Record::EvaluateComplexity() {
  auto count_tags = [&](WordType t) {
    int k = 0, i = 0;
    while (c_[i].type != WordType::kHalt) {
      if (SkipSegment(&i, WordType::kSubord)) continue;
      if (Head(i, t)) ++k;
      ++i;
    }
    return k;
  };
  auto count_type = [&](WordType t) {
    int k = 0, i = 0;
    while (c_[i].type != WordType::kHalt) {
      if (SkipSegment(&i, WordType::kSubord)) continue;
      if (c_[i].type == t) ++k;
      ++i;
    }
    return k;
  };
  int verbs = count_tags(WordType::kVerb);
  int actors = o_.cplx_actors ? count_tags(WordType::kActor) : 0;
  int pronouns = o_.cplx_pronouns ? count_type(WordType::kPronoun) : 0;
  int conj = 0;
  if (o_.cplx_conj) {
    for (int k = 0; k < n_; ++k) {
      if (Head(k, WordType::kCompound)) {
        while (k < n_ && !Tail(k, WordType::kCompound)) ++k;
        ++k;
      }
      if (k < n_ && c_[k].type == WordType::kConj) ++conj;
    }
  }
  int iverb = 0;
  while (iverb < n_) {
    if (SkipSegment(&iverb, WordType::kSubord)) continue;
    if (c_[iverb].type == WordType::kVerb && Head(iverb, WordType::kVerb) && !NullVerbRoot(c_[iverb].root)) break;
    ++iverb;
  }
  bool pre_act = false, post_act = false;
  if (o_.cplx_pre_act) {
    pre_act = true;
    int k = 0;
    while (k < iverb) {
      if (SkipSegment(&k, WordType::kSubord)) continue;
      if (c_[k].type == WordType::kActor) {
        pre_act = false;
        break;
      }
      ++k;
    }
  }
  if (o_.cplx_post_act) {
    post_act = true;
    int k = iverb + 1;
    while (k < n_) {
      if (SkipSegment(&k, WordType::kSubord)) continue;
      if (c_[k].type == WordType::kActor) {
        post_act = false;
        break;
      }
      ++k;
    }
  }
  std::vector<std::string> why;
  auto check = [&](int limit, int value, const char* what) {
    if (limit > 0 && value >= limit) why.push_back(std::string(what) + " " + std::to_string(value) + " >= " + std::to_string(limit));
  };
  check(o_.cplx_verbs, verbs, "verbs");
  check(o_.cplx_actors, actors, "actors");
  check(o_.cplx_pronouns, pronouns, "pronouns");
  check(o_.cplx_conj, conj, "conjunctions");
  if (o_.cplx_late_verb > 0) {
    if (verbs < 255) check(o_.cplx_late_verb, iverb, "verb position");
  }
  if (o_.cplx_pre_act && pre_act) why.push_back("no actor before verb");
  if (o_.cplx_post_act && post_act) why.push_back("no actor after verb");
  if (o_.cplx_no_verb && verbs == 0) why.push_back("no verb");
  if (!why.empty()) {
    complex_ = true;
    for (const std::string& w : why) complex_why_ += (complex_why_.empty() ? "" : ", ") + w;
  }
}

void Record::Parse(const std::vector<Cell>* forward, bool can_forward) {
  if (o_.use_forward && can_forward && forward) SetForward(*forward);
  AssignRoots();
  MarkNouns();
  if (o_.convert_agents) ConvertAgents();
  MarkCompound();
  MarkSubordinate();
  NullSubordinate();
  MarkClauses();
  DereferencePronouns(can_forward);
  CheckDiscards();
  if (!discard_) EvaluateComplexity();
}

std::string Record::ParseText() const {
  std::string out;
  for (int i = 0; i < n_; ++i) {
    const Cell& c = c_[i];
    if (Head(i, WordType::kSubord)) out += "<sub ";
    if (Head(i, WordType::kClause)) out += "{ ";
    if (Head(i, WordType::kCompound)) out += "< ";
    out += c.text;
    if (c.type != WordType::kNull) {
      out += "/";
      out += WordTypeName(c.type);
      if (c.root >= 0 && c.type != WordType::kCancelled) out += "=" + d_.roots[c.root].text;
      if (c.ref >= 0) out += "->" + std::to_string(c.ref);
    }
    if (Tail(i, WordType::kCompound)) out += " >";
    if (Tail(i, WordType::kClause)) out += " }";
    if (Tail(i, WordType::kSubord)) out += " sub>";
    out += ' ';
  }
  return out;
}


}  // namespace dyad::tabari::detail
