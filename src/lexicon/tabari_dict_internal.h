// Internals of the TABARI dictionary reader shared by tabari_dict.cc,
// tabari_codes.cc (lines and codes) and tabari_reader.cc (the per-file
// readers). Not part of the library's interface.
#ifndef DYAD_LEXICON_TABARI_DICT_INTERNAL_H_
#define DYAD_LEXICON_TABARI_DICT_INTERNAL_H_

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/tabari_dict.h"

namespace dyad::tabari {

// ---- tabari_codes.cc ----

std::string Upper(std::string s);
std::string Lower(std::string s);
std::string TrimBoth(std::string_view s);
bool IsDigit(char c);

struct Line {
  std::string phrase;  // upper case, '-' -> '_' (but a leading '-'), { | } spaced
  std::string code;    // "[...]" part; "[---]" when the line has none
  bool bracket = false;  // the line (before its ';' comment) has a code
  bool ok = false;
  std::string why;
};

Line SplitLine(const std::string& raw, bool code_optional, bool need_codes);
// TABARI's pattern length: letters, digits, '_' and '\'' count one each;
// *alt gets the sum of each { | } group's longest alternative.
void PatternLength(std::string_view s, int* len, int* alt);
// "[023?]" / "[032:033]" / "[---]" -> EventCode.
EventCode ParseEventCode(const std::string& code);
TimeCode ParseTimeCode(const std::string& code);
// Actor codes "[A <D] [B D1-D2] [C]" -> ActorCode. False with *why on a
// malformed block.
bool ParseActorCode(std::string s, ActorCode* out, std::string* why);

// ---- tabari_reader.cc ----

// Reads one dictionary file line by line as TABARI does: blank lines and
// lines starting with '/' or '#' are skipped; a line starting with '~'
// ends the file.
class Reader {
 public:
  Reader(std::string name, const std::string& text, Dictionary* d, std::vector<std::string>* problems)
      : name_(std::move(name)), d_(d), problems_(problems) {
    std::stringstream ss(text);
    std::string l;
    while (std::getline(ss, l)) {
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines_.push_back(l);
    }
  }

  void Actors();
  void Agents();
  void Verbs();
  void OptionsFile();

 private:
  // Parses `phrase` into `p` for a new root. False, with the problem
  // reported, when it does not parse or is a root already (the message is
  // `what` 'PHRASE' `dup_why`).
  bool NewRoot(const std::string& phrase, Phrase* p, const char* what = "",
               const char* dup_why = "is already in the dictionary; skipped") {
    std::string why;
    if (!ParsePhrase(d_, phrase, false, p, &why)) {
      Problem(why);
      return false;
    }
    if (d_->HasRoot(*p)) {
      Problem(std::string(what) + "'" + phrase + "' " + dup_why);
      return false;
    }
    return true;
  }
  // Adds `p` (written `text` in the file) as a root of `type` for entry `entry`.
  void AddRootTo(int entry, const Phrase& p, WordType type, std::string text) {
    Root r;
    r.phrase = p;
    r.type = type;
    r.entry = entry;
    r.text = std::move(text);
    r.origin = Where();
    d_->AddRoot(std::move(r));
  }
  // Adds `e` as a new entry whose root is `p`; returns the entry's index.
  int AddEntry(const Entry& e, const Phrase& p, WordType type, std::string text) {
    int entry = static_cast<int>(d_->entries.size());
    d_->entries.push_back(e);
    AddRootTo(entry, p, type, std::move(text));
    return entry;
  }

  // The next significant line that splits (see SplitLine); lines that do
  // not are reported and passed over. False at the end.
  bool NextLine(bool code_optional, bool need_codes, Line* ln) {
    std::string raw;
    while (Next(&raw)) {
      *ln = SplitLine(raw, code_optional, need_codes);
      if (ln->ok) return true;
      Problem(ln->why);
    }
    return false;
  }
  // Next significant line (trimmed) into *raw; false at the end.
  bool Next(std::string* raw) {
    while (pos_ < lines_.size()) {
      const std::string& l = lines_[pos_++];
      if (l.empty() || l[0] == '/' || l[0] == '#') continue;
      if (l[0] == '~') {
        pos_ = lines_.size();
        return false;
      }
      *raw = TrimBoth(l);
      if (raw->empty()) continue;
      return true;
    }
    return false;
  }
  std::string Where() const { return name_ + ":" + std::to_string(pos_); }
  void Problem(const std::string& why) { problems_->push_back(Where() + ": " + why); }

  void Words(const char* end_tag, WordType type);
  void Time();
  void Synsets();
  int AddPattern(int entry, const std::string& phrase_after_dash, const std::string& code,
                 WordType kind);
  void FinishActorCodes();

  std::string name_;
  Dictionary* d_;
  std::vector<std::string>* problems_;
  std::vector<std::string> lines_;
  size_t pos_ = 0;
  // actors: codes given on the lines after the phrase
  bool need_codes_ = false;
  int pending_entry_ = -1;
  std::string date_blocks_;
};

}  // namespace dyad::tabari

#endif  // DYAD_LEXICON_TABARI_DICT_INTERNAL_H_
