// Internal to the TABARI reference coder (tabari_coder.h is its interface):
// one record's parser and coder state, shared by the files that hold its
// steps — tabari_parse.cc (makeLex … evaluateComplexity), tabari_events.cc
// (the coder: actors, verbs, events) and tabari_match.cc (checkPattern,
// checkTime). Each step is named after the TABARI routine it reproduces.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "code/tabari_coder.h"

namespace dyad::tabari::detail {

constexpr int kMaxLex = 128;
constexpr int kDefaultWhere = -2;  // where a DEFAULT: actor "is"

inline bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
inline bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
inline bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
inline bool IsPunct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

// TABARI's hash class of a character: letters and digits apart, all else 0.
inline int HashClass(char c) {
  if (std::isalpha(static_cast<unsigned char>(c))) return std::toupper(static_cast<unsigned char>(c));
  if (IsDigit(c)) return 128 + c;
  return 0;
}
// yyyymmdd <-> days, for <TIME> shifts.
int ShiftDays(int date, int days);

// filterText: punctuation out (commas, semicolons, colons and parentheses
// become commas; periods stay inside numbers and after capitals; quotes and
// commas stand alone), /* comments */ out, blanks collapsed.
std::string FilterText(std::string_view in, bool* all_caps);


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

}  // namespace dyad::tabari::detail
