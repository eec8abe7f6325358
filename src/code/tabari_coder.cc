// TABARI's parse and coding steps (see tabari_coder.h). Each step below is
// named after the TABARI routine whose behaviour it reproduces, so that a
// record's result can be checked against TABARI's documentation and source.
#include "code/tabari_coder.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <sstream>

namespace dyad::tabari {
namespace {

constexpr int kMaxLex = 128;
constexpr int kDefaultWhere = -2;  // where a DEFAULT: actor "is"

bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsPunct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

// TABARI's hash class of a character: letters and digits apart, all else 0.
int HashClass(char c) {
  if (std::isalpha(static_cast<unsigned char>(c))) return std::toupper(static_cast<unsigned char>(c));
  if (IsDigit(c)) return 128 + c;
  return 0;
}

// yyyymmdd <-> days, for <TIME> shifts.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}
int ShiftDays(int date, int days) {
  long z = DaysFromCivil(date / 10000, date / 100 % 100, date % 100) + days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<int>((y + (m <= 2)) * 10000 + m * 100 + d);
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

struct ActorRef {
  std::string actor, agent;
  int comp = 0;  // a coded compound ("FRO/BIL/SAM"): its entry + 1
  std::vector<ActorMember> members;
  int root = -1;
  int where = -1;
  bool Empty() const { return actor.empty() && agent.empty() && comp == 0; }
  bool Same(const ActorRef& o) const { return actor == o.actor && agent == o.agent && comp == o.comp; }
};

struct RawEvent {
  ActorRef src, tgt;
  std::string code;
  bool sub = false, dom = false, live = true;
  int verb = -1;
  int pattern = -1;  // -1: the verb's own code
  int root = -1;
};

// ---------------------------------------------------------------------------
// One record: TABARI's parser and coder state.
class Record {
 public:
  Record(const Dictionary& d, const Options& o, int date, bool trace)
      : d_(d), o_(o), date_(date), trace_on_(trace) {}

  // Returns false (and sets problem) when the text cannot be parsed.
  bool Lex(std::string_view text);
  void Parse(const std::vector<Cell>* forward, bool can_forward);
  void Code(RecordResult* out);
  const std::vector<Cell>& cells() const { return c_; }
  const std::string& problem() const { return problem_; }
  std::string& trace() { return trace_; }
  std::string ParseText() const;

 private:
  // ---- tags ----
  static bool HasTag(const std::vector<Cell::Tag>& v, WordType t, int* idx = nullptr) {
    for (const Cell::Tag& g : v) {
      if (g.type == t) {
        if (idx) *idx = g.index;
        return true;
      }
    }
    return false;
  }
  static bool HasTagIndex(const std::vector<Cell::Tag>& v, WordType t, int idx) {
    for (const Cell::Tag& g : v) {
      if (g.type == t && g.index == idx) return true;
    }
    return false;
  }
  static void ChangeTag(std::vector<Cell::Tag>* v, WordType from, WordType to) {
    for (Cell::Tag& g : *v) {
      if (g.type == from) {
        g.type = to;
        return;
      }
    }
  }
  bool Valid(int i) const { return i >= 0 && i < static_cast<int>(c_.size()); }
  WordType Type(int i) const { return Valid(i) ? c_[i].type : WordType::kNull; }
  bool Head(int i, WordType t, int* idx = nullptr) const { return Valid(i) && HasTag(c_[i].head, t, idx); }
  bool Tail(int i, WordType t) const { return Valid(i) && HasTag(c_[i].tail, t); }
  bool TailIndex(int i, WordType t, int idx) const { return Valid(i) && HasTagIndex(c_[i].tail, t, idx); }
  bool HeadIndex(int i, WordType t, int idx) const { return Valid(i) && HasTagIndex(c_[i].head, t, idx); }
  int TailTagIndex(int i, WordType t) const {
    int idx = 0;
    return Valid(i) && HasTag(c_[i].tail, t, &idx) ? idx : 0;
  }
  // Has a head tag of type t whose tail follows (checkTailTag).
  bool HeadHasTail(int i, WordType t) const {
    int idx = 0;
    if (!Head(i, t, &idx)) return false;
    for (int j = i + 1; j <= n_; ++j) {
      if (TailIndex(j, t, idx)) return true;
    }
    return false;
  }
  // skipSegment: past a segment beginning at i.
  bool SkipSegment(int* i, WordType t) const {
    int idx = 0;
    if (*i >= n_ || !Head(*i, t, &idx)) return false;
    while (*i < n_ && !TailIndex(*i, t, idx)) ++*i;
    if (*i < n_) ++*i;
    return true;
  }
  int HasLit(int i, int32_t lit) const {
    if (!Valid(i)) return 0;
    for (const auto& [l, exact] : c_[i].lits) {
      if (l == lit) return exact ? 2 : 1;
    }
    return 0;
  }

  // ---- parse steps ----
  bool MatchRoot(const Root& r, int begin, int* nmatch, std::vector<int>* matched) const;
  void AssignRoots();
  void SetForward(const std::vector<Cell>& prev);
  void MarkNouns();
  void ConvertAgents();
  void MarkCompound();
  void MarkSubordinate();
  void NullSubordinate();
  void MarkClauses();
  void DereferencePronouns(bool can_forward);
  void CheckDiscards();
  void EvaluateComplexity();
  bool NullActorRoot(int root) const;
  bool NullVerbRoot(int root) const;

  // ---- coder steps ----
  bool SetClauseBounds();
  void ActorCodes(ActorRef* a, int loc) const;
  void FindAgent(int loc, ActorRef* a) const;
  int ActorHead(int loc, bool* ok) const;
  int ActorTail(int loc) const;
  int CompoundHead(int loc, bool* ok) const;
  int CompoundFromTail(int loc) const;
  void FindActor(int loc, int* found, ActorRef* a) const;
  void BackActor(int loc, int* found, ActorRef* a) const;
  void RegularSource(int verb);
  void RegularTarget(int verb);
  void SetDefaultSource();
  void SetDefaultTarget();
  bool CheckPassive(int verb);
  void DoVerb(int verb);
  void MakeEvent(const EventCode& code, int pattern, int verb);
  void PutEvent(const EventCode& code, int pattern, int verb, const ActorRef& s, const ActorRef& t);
  void CheckVerbs();
  void CheckTime();
  bool ShiftDate(const TimeCode& tc);

  // ---- pattern matching (checkPattern and friends) ----
  struct Matcher;
  bool CheckPattern(const Pattern& p, int loc, WordType wtype, int* lenalt);

  std::string Composite(const std::string& actor, const std::string& agent) const;
  void Trace(const std::string& s) {
    if (trace_on_) trace_ += s + "\n";
  }

  const Dictionary& d_;
  Options o_;
  int date_;
  bool trace_on_;
  std::string trace_;

  std::vector<Cell> c_;  // words, then the Halt cell at n_, then forwarded cells
  int n_ = 0;
  bool all_caps_ = false;
  std::string problem_;
  bool discard_ = false, complex_ = false;
  std::string complex_why_;
  bool has_clauses_ = false;
  int forw_actor_ = -1, forw_compd_ = -1;

  // coder
  int istart_ = 0, iend_ = -1;
  ActorRef source_, target_;
  bool regular_source_ = false, regular_target_ = false, passive_ = false;
  int index_source_ = -1, index_target_ = -1, index_compound_ = -1;
  std::vector<RawEvent> events_;
  bool evt_discard_ = false, evt_complex_ = false;
};

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

}  // namespace

Session::Session(std::shared_ptr<const Dictionary> dict) : dict_(std::move(dict)), opt_(dict_->options) {}

void Session::Code(std::string_view text, int date, std::string_view id_field, bool trace,
                   RecordResult* out) {
  // FORWARD: the record may use the previous one's actors when it is the
  // next sentence of the same story.
  bool can_forward = false;
  if (opt_.id_loc >= 0) {
    std::string id(id_field);
    if (static_cast<int>(id.size()) > opt_.id_loc) {
      std::string rec = id.substr(opt_.id_loc, opt_.id_len);
      auto part = [](const std::string& s, int at, int len) {
        return at < static_cast<int>(s.size()) ? s.substr(at, len) : std::string();
      };
      if (part(last_id_, opt_.story_loc, opt_.story_len) != part(rec, opt_.story_loc, opt_.story_len)) last_seq_ = -1;
      last_id_ = rec;
      int seq = std::atoi(part(id, opt_.sent_loc, opt_.sent_len).c_str());
      if (opt_.use_forward && last_seq_ >= 0 && seq == last_seq_ + 1) can_forward = true;
      last_seq_ = seq;
    } else {
      last_seq_ = -1;
    }
  }
  CodeRecord(text, date, can_forward, trace, out);
}

void Session::CodeSentence(std::string_view text, int date, bool follows, bool trace,
                           RecordResult* out) {
  CodeRecord(text, date, opt_.use_forward && follows, trace, out);
}

void Session::CodeRecord(std::string_view text, int date, bool can_forward, bool trace,
                         RecordResult* out) {
  *out = RecordResult{};
  Record r(*dict_, opt_, date, trace);
  if (!r.Lex(text)) {
    out->problem = r.problem();
    if (trace) out->trace = "problem: " + out->problem + "\n";
    return;  // TABARI keeps the earlier record's words for FORWARD
  }
  r.Parse(&last_cells_, can_forward);
  if (trace) r.trace() = "parse: " + r.ParseText() + "\n" + r.trace();
  r.Code(out);
  if (out->events.empty()) out->problem = r.problem().empty() ? "No events" : r.problem();
  if (trace) out->trace = r.trace() + (out->events.empty() ? "problem: " + out->problem + "\n" : "");
  last_cells_ = r.cells();  // for the next record's FORWARD
}

namespace {

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string Hex(uint64_t h) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = "0123456789abcdef"[h & 15];
  return out;
}

Actor MakeActor(const Lexicon& lex, const std::string& code) {
  Actor a;
  a.code = code;
  ActorCodeParts parts = lex.SplitActorCode(code);
  a.country = parts.country;
  a.group = parts.group;
  a.types = parts.types;
  return a;
}

// Where `word` (upper case, as TABARI filtered it) stands in `text`.
bool FindWord(std::string_view text, const std::string& word, size_t* at) {
  if (word.empty()) return false;
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (i > 0 && alnum(text[i - 1])) continue;
    size_t k = 0;
    while (k < word.size() && std::toupper(static_cast<unsigned char>(text[i + k])) == word[k]) ++k;
    if (k == word.size() && (i + k == text.size() || !alnum(text[i + k]))) {
      *at = i;
      return true;
    }
  }
  return false;
}

}  // namespace

void CodeDocument(const Dictionary& dict, const Lexicon& lex, const Story& story,
                  const Document& doc, std::vector<Event>* events, CodeStats* stats,
                  std::string* trace) {
  // Not owning: the session lives only for this story.
  Session session(std::shared_ptr<const Dictionary>(&dict, [](const Dictionary*) {}));
  CodeStats local;
  local.stories = 1;
  local.invalid_bytes = doc.invalid_bytes;
  int date = DateToInt(story.date);
  size_t first = events->size();
  int last = -2;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    ++local.sentences;
    if (s.heading) continue;
    std::string_view text = doc.Original(s.begin, s.end);
    RecordResult r;
    session.CodeSentence(text, date, last == static_cast<int>(i) - 1, trace != nullptr, &r);
    last = static_cast<int>(i);
    if (trace) *trace += story.id + "#" + std::to_string(i) + ": " + r.trace;
    if (r.problem.rfind("Discard", 0) == 0) ++local.sentences_discarded;
    if (!r.events.empty()) ++local.sentences_coded;
    int ordinal = 0;
    for (const CodedEvent& e : r.events) {
      Event ev;
      ev.story_id = story.id;
      ev.sentence = static_cast<int>(i);
      ev.date = story.date;
      ev.pub_date = story.date;
      ev.source = MakeActor(lex, e.source);
      ev.target = MakeActor(lex, e.target);
      ev.code = e.code;
      if (const EventCodeInfo* info = lex.EventCode(e.code)) {
        ev.root = info->root;
        ev.goldstein = info->goldstein;
        ev.quad_class = info->quad_class;
        ev.plover = info->plover;
        ev.plover_mode = info->plover_mode;
      } else {
        ev.root = e.code.substr(0, 2);
      }
      ev.text = std::string(text);
      size_t at = 0;
      if (FindWord(text, e.verb_word, &at)) {
        ev.trigger_span = {static_cast<uint32_t>(s.begin + at),
                           static_cast<uint32_t>(s.begin + at + e.verb_word.size())};
        ev.trigger = std::string(text.substr(at, e.verb_word.size()));
      } else {
        ev.trigger = e.verb_text;
      }
      ev.pattern = e.pattern.empty() ? e.verb_text : e.pattern;
      ev.pattern_origin = e.origin;
      ev.confidence = 0.8;
      ev.notes.push_back("tabari");
      ev.id = Hex(Fnv1a("\x1f" + std::to_string(i) + "\x1f" + std::to_string(ordinal++), Fnv1a(story.id)));
      events->push_back(std::move(ev));
    }
  }
  local.events = events->size() - first;
  if (stats) stats->Add(local);
}

}  // namespace dyad::tabari
