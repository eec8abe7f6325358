// TABARI dictionaries read as TABARI reads them (see tabari_dict.h).
#include "lexicon/tabari_dict.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dyad::tabari {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string TrimBoth(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// ---- one dictionary line, split as TABARI's line reader does ----

struct Line {
  std::string phrase;  // upper case, '-' -> '_' (but a leading '-'), { | } spaced
  std::string code;    // "[...]" part; "[---]" when the line has none
  bool bracket = false;  // the line (before its ';' comment) has a code
  bool ok = false;
  std::string why;
};

// Puts blanks around every '{', '|' and '}' of s, but keeps '_{' and '}_'
// glued to the word on their '_' side.
std::string SpaceBraces(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '{' && c != '|' && c != '}') {
      out += c;
      continue;
    }
    bool glued_before = c == '{' && i > 0 && s[i - 1] == '_';
    bool glued_after = c == '}' && i + 1 < s.size() && s[i + 1] == '_';
    if (!glued_before && !out.empty() && out.back() != ' ') out += ' ';
    if (!glued_before && out.empty()) out += ' ';
    out += c;
    if (!glued_after && (i + 1 >= s.size() || s[i + 1] != ' ')) out += ' ';
  }
  return out;
}

Line SplitLine(const std::string& raw, bool code_optional, bool need_codes) {
  Line ln;
  std::string sa = raw;
  size_t semi = sa.find(';');
  if (semi != std::string::npos) sa = sa.substr(0, semi);
  if (!sa.empty() && (sa[0] == '<' || sa[0] == '&')) {
    ln.phrase = sa;
    ln.ok = true;
    return ln;
  }
  if (!sa.empty() && (sa[0] == '+' || sa[0] == '{')) sa += " [---]";
  size_t lb = sa.find('[');
  std::string phrase;
  if (lb != std::string::npos) {
    ln.bracket = !(raw[0] == '+' || raw[0] == '{');
    phrase = sa.substr(0, lb);
    ln.code = sa.substr(lb);
    size_t rb = ln.code.find(']');
    std::string inner = ln.code.substr(1, rb == std::string::npos ? std::string::npos : rb - 1);
    if (TrimBoth(inner).empty()) {
      ln.why = "no code specified between [...]";
      return ln;
    }
  } else {
    phrase = sa;
    ln.code = "[---]";
    if (!code_optional) {
      ln.why = "missing left-bracket [";
      return ln;
    }
  }
  for (size_t i = 0; i < phrase.size(); ++i) {
    phrase[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(phrase[i])));
    if (i > 0 && phrase[i] == '-') phrase[i] = '_';
  }
  phrase = SpaceBraces(phrase);
  while (!phrase.empty() && std::isspace(static_cast<unsigned char>(phrase.back()))) phrase.pop_back();
  if (!need_codes && phrase.size() < 2) {
    ln.why = "no phrase has been specified";
    return ln;
  }
  ln.phrase = phrase;
  ln.ok = true;
  return ln;
}

// TABARI's pattern length: letters, digits, '_' and '\'' count one each;
// *alt gets the sum of each { | } group's longest alternative.
void PatternLength(std::string_view s, int* len, int* alt) {
  *len = 0;
  *alt = 0;
  auto counts = [](char c) {
    int n = 0;
    if (c == '_' || c == '\'') ++n;
    if (!std::isspace(static_cast<unsigned char>(c)) && !std::ispunct(static_cast<unsigned char>(c))) ++n;
    return n;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '{') {
      int best = 0;
      while (i < s.size() && s[i] != '}') {
        ++i;
        int cur = 0;
        while (i < s.size() && s[i] != '|' && s[i] != '}') cur += counts(s[i++]);
        best = std::max(best, cur);
      }
      *alt += best;
      continue;
    }
    *len += counts(c);
  }
}

// "[023?]" / "[032:033]" / "[---]" -> EventCode.
EventCode ParseEventCode(const std::string& code) {
  EventCode ec;
  std::string s = code;
  size_t lb = s.find('[');
  if (lb != std::string::npos) s = s.substr(lb + 1);
  size_t rb = s.rfind(']');
  if (rb != std::string::npos) s = s.substr(0, rb);
  size_t cut = s.find_first_of("/$&@");
  if (cut != std::string::npos) s = s.substr(0, cut);
  s = TrimBoth(s);
  std::string first = s, second;
  size_t colon = s.find(':');
  if (colon != std::string::npos) {
    first = TrimBoth(s.substr(0, colon));
    second = TrimBoth(s.substr(colon + 1));
  }
  auto flags = [](std::string* c, bool* sub, bool* dom) {
    if (!c->empty() && c->back() == '?') *sub = true, c->pop_back();
    else if (!c->empty() && c->back() == '!') *dom = true, c->pop_back();
    *c = TrimBoth(*c);
  };
  flags(&first, &ec.sub, &ec.dom);
  flags(&second, &ec.pair_sub, &ec.pair_dom);
  ec.code = first;
  ec.pair = second;
  return ec;
}

TimeCode ParseTimeCode(const std::string& code) {
  TimeCode tc;
  for (const char* special : {"---", "###", "+++"}) {
    if (code.find(special) != std::string::npos) {
      tc.special = special;
      return tc;
    }
  }
  size_t lb = code.find('[');
  tc.shift = std::atoi(code.c_str() + (lb == std::string::npos ? 0 : lb + 1));
  return tc;
}

// Actor codes "[A <D] [B D1-D2] [C]" -> ActorCode. False with *why on a
// malformed block.
std::vector<ActorMember> ParseMembers(const std::string& s) {
  std::vector<ActorMember> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, '/')) {
    ActorMember m;
    size_t colon = part.find(':');
    m.actor = TrimBoth(colon == std::string::npos ? part : part.substr(0, colon));
    if (colon != std::string::npos) m.agent = TrimBoth(part.substr(colon + 1));
    out.push_back(m);
  }
  return out;
}

bool ParseActorCode(std::string s, ActorCode* out, std::string* why) {
  out->blocks.clear();
  if (s.find('[') == std::string::npos) {
    ActorBlock b;
    b.members = ParseMembers(TrimBoth(s));
    out->blocks.push_back(b);
    return true;
  }
  // A single dated block gets a null default (TABARI's addNullString).
  size_t op = s.find_first_of("<>-");
  if (op != std::string::npos && op + 1 < s.size() && IsDigit(s[op + 1])) {
    size_t rb = s.find(']');
    if (rb != std::string::npos && s.find('[', rb) == std::string::npos) s += " [---]";
  }
  std::vector<std::string> blocks;
  for (size_t p = s.find('['); p != std::string::npos; p = s.find('[', p + 1)) {
    size_t e = s.find(']', p);
    if (e == std::string::npos) {
      *why = "missing right-bracket ]";
      return false;
    }
    std::string inner = TrimBoth(s.substr(p + 1, e - p - 1));
    if (inner.empty()) {
      *why = "no code specified between [...]";
      return false;
    }
    blocks.push_back(inner);
  }
  for (const std::string& inner : blocks) {
    ActorBlock b;
    size_t lt = inner.find('<'), gt = inner.find('>');
    auto digits_after = [&](size_t at) {
      size_t i = at;
      while (i < inner.size() && !IsDigit(inner[i])) ++i;
      size_t j = i;
      while (j < inner.size() && IsDigit(inner[j])) ++j;
      return inner.substr(i, j - i);
    };
    if (lt != std::string::npos || gt != std::string::npos) {
      size_t at = lt != std::string::npos ? lt : gt;
      b.kind = lt != std::string::npos ? ActorBlock::kBefore : ActorBlock::kAfter;
      std::string code = TrimBoth(inner.substr(0, at));
      if (code.empty()) {
        *why = "no code before the date in '" + inner + "'";
        return false;
      }
      b.from = TabariDate(digits_after(at + 1));
      if (!b.from) {
        *why = "bad date in '" + inner + "'";
        return false;
      }
      b.members = ParseMembers(code);
    } else {
      // "CODE D1-D2" (the '-' not part of a "---" code)
      size_t dash = inner.find('-');
      if (dash != std::string::npos && inner.compare(dash, 3, "---") == 0) dash = inner.find('-', dash + 3);
      if (dash != std::string::npos) {
        size_t i = dash;
        while (i > 0 && inner[i - 1] == ' ') --i;
        size_t j = i;
        while (j > 0 && IsDigit(inner[j - 1])) --j;
        if (j == 0 || inner[j - 1] != ' ') {
          *why = "no code before the dates in '" + inner + "'";
          return false;
        }
        b.kind = ActorBlock::kRange;
        b.from = TabariDate(inner.substr(j, i - j));
        b.to = TabariDate(digits_after(dash + 1));
        if (!b.from || !b.to) {
          *why = "bad date in '" + inner + "'";
          return false;
        }
        b.members = ParseMembers(TrimBoth(inner.substr(0, j - 1)));
      } else {
        b.members = ParseMembers(inner);
      }
    }
    out->blocks.push_back(b);
  }
  return true;
}

// Integer after `key` in s (first digits after it); false when absent.
bool IntAfter(std::string_view s, std::string_view key, int* out) {
  size_t p = s.find(key);
  if (p == std::string_view::npos) return false;
  p += key.size();
  while (p < s.size() && !IsDigit(s[p])) ++p;
  if (p >= s.size()) return false;
  *out = std::atoi(std::string(s.substr(p)).c_str());
  return true;
}

// TABARI's SET: booleans: the first T or F after '='; true by default.
bool BoolAfterEquals(std::string_view s) {
  size_t p = s.find('=');
  if (p == std::string_view::npos) return true;
  for (; p < s.size(); ++p) {
    if (s[p] == 'T') return true;
    if (s[p] == 'F') return false;
  }
  return true;
}

// The code inside the '[' ... ']' after `key` ("SOURCE [DEFSRC]").
bool BracketAfter(const std::string& s, const std::string& key, std::string* code) {
  size_t k = s.find(key);
  if (k == std::string::npos) return false;
  size_t lb = s.find('[', k);
  if (lb == std::string::npos || lb - k > 15) return false;
  size_t rb = s.find(']', lb);
  if (rb == std::string::npos) return false;
  *code = TrimBoth(s.substr(lb + 1, rb - lb - 1));
  return !code->empty();
}

enum class FileKind { kActors, kAgents, kVerbs, kOptions, kOther };

FileKind KindOf(const std::string& path) {
  std::string base = Lower(path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1));
  if (base.find("option") != std::string::npos) return FileKind::kOptions;
  if (base.find("agent") != std::string::npos) return FileKind::kAgents;
  if (base.find("actor") != std::string::npos) return FileKind::kActors;
  if (base.find("verb") != std::string::npos || base.find("cameo") != std::string::npos) return FileKind::kVerbs;
  return FileKind::kOther;
}

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

void Reader::FinishActorCodes() {
  if (!need_codes_) return;
  need_codes_ = false;
  std::string why;
  Entry& e = d_->entries[pending_entry_];
  if (date_blocks_.empty() || !ParseActorCode(date_blocks_, &e.actor, &why)) {
    Problem(why.empty() ? "actor has no code" : why);
    e.actor.blocks.clear();
  }
  e.has_code = !e.actor.blocks.empty();
  date_blocks_.clear();
}

void Reader::Words(const char* end_tag, WordType type) {
  Line ln;
  while (NextLine(true, false, &ln)) {
    if (ln.phrase.find(end_tag) != std::string::npos) return;
    Phrase p;
    if (!NewRoot(ln.phrase, &p)) continue;
    AddEntry(Entry{}, p, type, ln.phrase);
  }
  Problem(std::string("no ") + end_tag + " tag");
}

void Reader::Actors() {
  Line ln;
  while (NextLine(true, need_codes_, &ln)) {
    if (ln.phrase.find("<NOUN") != std::string::npos) {
      Words("</NOUN>", WordType::kNoun);
      continue;
    }
    if (ln.phrase.find("<ADJ") != std::string::npos) {
      Words("</ADJ", WordType::kAdjctv);
      continue;
    }
    if (!ln.phrase.empty() && ln.phrase[0] == '+') {  // synonym of the entry above
      Phrase p;
      if (!NewRoot(ln.phrase.substr(1), &p)) continue;
      if (pending_entry_ < 0) {
        Problem("synonym before any actor");
        continue;
      }
      AddRootTo(pending_entry_, p, WordType::kActor, ln.phrase.substr(1));
      continue;
    }
    if (ln.phrase.empty()) {  // a date block of the entry above
      date_blocks_ += ln.code + " ";
      continue;
    }
    FinishActorCodes();
    Phrase p;
    if (!NewRoot(ln.phrase, &p)) {
      pending_entry_ = -1;  // its synonyms go with it
      continue;
    }
    Entry e;
    e.origin = Where();
    int entry = AddEntry(e, p, WordType::kActor, ln.phrase);
    pending_entry_ = entry;
    if (ln.bracket) {
      std::string why2;
      Entry& en = d_->entries[entry];
      if (!ParseActorCode(ln.code, &en.actor, &why2)) {
        Problem(why2);
        en.actor.blocks.clear();
      }
      en.has_code = !en.actor.blocks.empty();
    } else {
      need_codes_ = true;
    }
  }
  FinishActorCodes();
}

void Reader::Agents() {
  Line ln;
  while (NextLine(false, false, &ln)) {
    if (ln.code.find('~') == std::string::npos) {
      Problem("an agent's code needs a '~'; skipped");
      continue;
    }
    Phrase p;
    if (!NewRoot(ln.phrase, &p)) continue;
    Entry e;
    size_t rb = ln.code.find(']');
    e.agent = TrimBoth(ln.code.substr(1, rb == std::string::npos ? std::string::npos : rb - 1));
    e.has_code = true;
    e.origin = Where();
    AddEntry(e, p, WordType::kAgent, ln.phrase);
  }
}

int Reader::AddPattern(int entry, const std::string& phrase, const std::string& code,
                       WordType kind) {
  Pattern pat;
  std::string why;
  if (!ParsePhrase(d_, phrase, false, &pat.phrase, &why)) {
    Problem(why);
    return -1;
  }
  int fixed = 0;
  PatternLength(phrase, &fixed, &pat.maxalt);
  pat.length = fixed + pat.maxalt;
  if (kind == WordType::kTime) pat.time = ParseTimeCode(code);
  else if (kind != WordType::kSynset) pat.code = ParseEventCode(code);
  pat.text = phrase;
  pat.origin = Where();
  int id = static_cast<int>(d_->patterns.size());
  d_->patterns.push_back(std::move(pat));
  // Inserted after every pattern at least as long (longest first, then file
  // order); as in TABARI, the new pattern's alternatives do not count here.
  std::vector<int>& list = d_->entries[entry].patterns;
  auto it = list.begin();
  while (it != list.end() && d_->patterns[*it].length >= fixed) ++it;
  list.insert(it, id);
  return id;
}

void Reader::Time() {
  d_->options.time_list = true;
  int entry = -1;
  Line ln;
  while (NextLine(false, false, &ln)) {
    if (ln.phrase.find("</TIME>") != std::string::npos) return;
    if (ln.phrase[0] == '-') {
      if (entry >= 0) AddPattern(entry, ln.phrase.substr(1), ln.code, WordType::kTime);
      continue;
    }
    Phrase p;
    std::string why;
    if (!ParsePhrase(d_, ln.phrase, false, &p, &why)) {
      Problem(why);
      entry = -1;
      continue;
    }
    Entry e;
    e.time = ParseTimeCode(ln.code);
    e.has_code = true;
    e.origin = Where();
    entry = AddEntry(e, p, WordType::kTime, ln.phrase);
  }
  Problem("no </TIME> tag");
}

void Reader::Synsets() {
  int entry = -1;
  std::string designator;
  Line ln;
  while (NextLine(true, false, &ln)) {
    std::string ph = Upper(ln.phrase);
    if (ph.find("</SYN") != std::string::npos) return;
    if (ph[0] != '+') {
      ph = TrimBoth(ph);
      Phrase p;
      std::string why;
      ParsePhrase(d_, ph, true, &p, &why);
      bool dup = false;
      if (const std::vector<int>* st = d_->Starting(d_->Find(ph))) {
        for (int r : *st) dup |= d_->roots[r].type == WordType::kSynset;
      }
      if (dup) {
        Problem("synset " + ph + " is declared twice; skipped");
        entry = -1;
        continue;
      }
      Entry e;
      e.origin = Where();
      entry = AddEntry(e, p, WordType::kSynset, ph);
      designator = ph;
      continue;
    }
    if (entry < 0) continue;
    if (ph.find(designator) != std::string::npos) {
      Problem("synset designator used in one of its own members");
      continue;
    }
    AddPattern(entry, ph.substr(1), "", WordType::kSynset);
  }
  Problem("no </SYNSETS> tag");
}

void Reader::Verbs() {
  int entry = -1;
  bool skip = false;
  Line ln;
  while (NextLine(false, false, &ln)) {
    if (ln.phrase.find("<TIME>") != std::string::npos) {
      Time();
      continue;
    }
    if (ln.phrase.find("<ATTRIB") != std::string::npos) {
      // Attribution phrases are not used by this coder; skip the section.
      std::string raw;
      while (Next(&raw) && Upper(raw).find("</ATTRIB") == std::string::npos) {
      }
      continue;
    }
    if (ln.phrase.find("<SYN") != std::string::npos) {
      Synsets();
      continue;
    }
    if (ln.phrase[0] == '-') {
      if (ln.phrase.find('*') == std::string::npos) {
        Problem("no verb marker '*' in the pattern");
        continue;
      }
      if (entry < 0) {
        Problem("pattern before any verb");
        continue;
      }
      if (!skip) AddPattern(entry, ln.phrase.substr(1), ln.code, WordType::kVerb);
      continue;
    }
    std::string ph = TrimBoth(ln.phrase);
    if (ph[0] == '{') {  // forms of the verb above: { BROKE_ BROKEN_ }
      if (skip || entry < 0) continue;
      std::stringstream ss(ph.substr(1));
      std::string form;
      while (ss >> form) {
        if (form == "}") break;
        if (form.back() == '}') form.pop_back();
        Phrase p;
        if (!NewRoot(form, &p, "verb form ", "is already in the dictionary")) break;
        AddRootTo(entry, p, WordType::kVerb, form);
      }
      continue;
    }
    Phrase p;
    if (!NewRoot(ln.phrase, &p, "verb ", "is already in the dictionary; it and its patterns are skipped")) {
      skip = true;
      continue;
    }
    Entry e;
    e.event = ParseEventCode(ln.code);
    e.has_code = true;
    e.origin = Where();
    entry = AddEntry(e, p, WordType::kVerb, ln.phrase);
    skip = false;
  }
}

void Reader::OptionsFile() {
  std::string raw;
  while (Next(&raw)) {
    std::string why;
    if (!ApplyOption(raw, &d_->options, &why) && !why.empty()) Problem(why);
  }
}

}  // namespace

const char* WordTypeName(WordType t) {
  switch (t) {
    case WordType::kNull: return "null";
    case WordType::kActor: return "actor";
    case WordType::kAgent: return "agent";
    case WordType::kVerb: return "verb";
    case WordType::kTime: return "time";
    case WordType::kAttrib: return "attrib";
    case WordType::kDeterm: return "determ";
    case WordType::kNoun: return "noun";
    case WordType::kAdjctv: return "adjctv";
    case WordType::kAuxil: return "auxil";
    case WordType::kByword: return "by";
    case WordType::kComma: return "comma";
    case WordType::kPronoun: return "pronoun";
    case WordType::kConj: return "conj";
    case WordType::kPrep: return "prep";
    case WordType::kNumber: return "number";
    case WordType::kSynset: return "synset";
    case WordType::kClause: return "clause";
    case WordType::kCompound: return "compound";
    case WordType::kSubord: return "subord";
    case WordType::kCancelled: return "cancelled";
    case WordType::kHalt: return "halt";
  }
  return "?";
}

const std::vector<ActorMember>* ActorCode::On(int date) const {
  for (const ActorBlock& b : blocks) {
    switch (b.kind) {
      case ActorBlock::kDefault: return &b.members;
      case ActorBlock::kBefore:
        if (date < b.from) return &b.members;
        break;
      case ActorBlock::kAfter:
        if (date > b.from) return &b.members;
        break;
      case ActorBlock::kRange:
        if (date >= b.from && date <= b.to) return &b.members;
        break;
    }
  }
  return nullptr;
}

int TabariDate(std::string_view s) {
  std::string d(s);
  if (d.size() != 6 && d.size() != 8) return 0;
  if (!std::all_of(d.begin(), d.end(), IsDigit)) return 0;
  if (d.size() == 6) d = (d[0] >= '3' ? "19" : "20") + d;
  int v = std::atoi(d.c_str());
  int m = v / 100 % 100, day = v % 100;
  if (m < 1 || m > 12 || day < 1 || day > 31) return 0;
  return v;
}

Dictionary::Dictionary() {
  lits_.resize(kFirstWordLit);
  const char* symbols[] = {"", ",", "#", "*", "$", "+", "@", "%", "^", "{", "|", "}"};
  for (int i = 1; i <= kLitClose; ++i) {
    lits_[i] = symbols[i];
    lit_ids_[symbols[i]] = i;
  }
  struct BuiltIn {
    const char* text;
    WordType type;
  };
  const BuiltIn words[] = {
      {"A_", WordType::kDeterm},   {"AN_", WordType::kDeterm},  {"THE_", WordType::kDeterm},
      {"AND_", WordType::kConj},   {"NOR_", WordType::kConj},   {"BUT_", WordType::kConj},
      {"OR_", WordType::kConj},    {"IN_", WordType::kPrep},    {"OF_", WordType::kPrep},
      {"HE_", WordType::kPronoun}, {"HIM_", WordType::kPronoun}, {"SHE_", WordType::kPronoun},
      {"HER_", WordType::kPronoun}, {"IT_", WordType::kPronoun}, {"THEM_", WordType::kPronoun},
      {"THEIR_", WordType::kPronoun}, {"THEY_", WordType::kPronoun}, {"WERE_", WordType::kAuxil},
      {"WAS_", WordType::kAuxil},  {"BEEN_", WordType::kAuxil}, {"BY_", WordType::kByword},
      {"FORMER_", WordType::kAdjctv},
  };
  for (const BuiltIn& w : words) {
    Root r;
    std::string why;
    ParsePhrase(this, w.text, false, &r.phrase, &why);
    r.type = w.type;
    r.text = w.text;
    r.origin = "(built-in)";
    int id = AddRoot(std::move(r));
    if (std::strcmp(w.text, "FORMER_") == 0) root_former = id;
  }
  lit_the = Find("THE");
  lit_and = Find("AND");
  lit_nor = Find("NOR");
  lit_he = Find("HE");
  lit_it = Find("IT");
}

int32_t Dictionary::Intern(std::string_view lit) {
  auto it = lit_ids_.find(std::string(lit));
  if (it != lit_ids_.end()) return it->second;
  int32_t id = static_cast<int32_t>(lits_.size());
  lits_.emplace_back(lit);
  lit_ids_.emplace(std::string(lit), id);
  return id;
}

int32_t Dictionary::Find(std::string_view lit) const {
  auto it = lit_ids_.find(std::string(lit));
  return it == lit_ids_.end() ? 0 : it->second;
}

const std::vector<int>* Dictionary::Starting(int32_t lit) const {
  auto it = starting_.find(lit);
  return it == starting_.end() ? nullptr : &it->second;
}

int Dictionary::AddRoot(Root r) {
  int id = static_cast<int>(roots.size());
  if (!r.phrase.empty()) starting_[r.phrase[0].lit].push_back(id);
  roots.push_back(std::move(r));
  return id;
}

bool Dictionary::HasRoot(const Phrase& p) const {
  if (p.empty()) return false;
  const std::vector<int>* st = Starting(p[0].lit);
  if (!st) return false;
  for (int r : *st) {
    const Phrase& q = roots[r].phrase;
    if (q.size() != p.size()) continue;
    bool same = true;
    for (size_t i = 0; i < q.size() && same; ++i) {
      same = q[i].lit == p[i].lit && q[i].conn == p[i].conn && q[i].synset == p[i].synset;
    }
    if (same) return true;
  }
  return false;
}

std::string Dictionary::PhraseText(const Phrase& p) const {
  std::string out;
  for (const Element& e : p) {
    if (e.synset) {
      out += roots[e.lit].text;
      out += (e.conn & kConnB) ? " " : "_";
      continue;
    }
    out += lits_[e.lit];
    switch (e.conn) {
      case kConnPartSkip: out += ' '; break;
      case kConnFullNext: out += '_'; break;
      case kConnFullSkip: out += "_ "; break;
      case kConnPartNext: out += "~_"; break;
      case kConnEqual: out += '='; break;
      default: break;
    }
  }
  return out;
}

bool ParsePhrase(Dictionary* d, std::string_view text, bool synset_root, Phrase* out,
                 std::string* why) {
  out->clear();
  std::string s(text);
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t end = s.find_first_of(" _~=", i);
    std::string word = s.substr(i, end == std::string::npos ? std::string::npos : end - i);
    Element el;
    bool last = end == std::string::npos;
    if (!word.empty() && word[0] == '&' && !(last && synset_root)) {
      int32_t lit = d->Find(word);
      const std::vector<int>* st = lit ? d->Starting(lit) : nullptr;
      int root = -1;
      if (st) {
        for (int r : *st) {
          if (d->roots[r].type == WordType::kSynset) {
            root = r;
            break;
          }
        }
      }
      if (root < 0) {
        *why = "undeclared synset " + word;
        return false;
      }
      el.synset = true;
      el.lit = root;
      el.conn = (last || s[end] == ' ') ? 0x0402 : 0x4002;
      out->push_back(el);
      if (last) break;
      i = end + 1;
      continue;
    }
    el.lit = d->Intern(word);
    if (last) {
      el.conn = kConnPartSkip;
      out->push_back(el);
      break;
    }
    char c = s[end];
    size_t next = end + 1;
    if (c == ' ') {
      el.conn = kConnPartSkip;
    } else if (c == '=') {
      el.conn = kConnEqual;
    } else if (c == '~') {
      el.conn = kConnPartNext;
      if (next < s.size() && s[next] == '_') ++next;
    } else {  // '_'
      if (next < s.size() && s[next] == ' ') {
        el.conn = kConnFullSkip;
        ++next;
      } else {
        el.conn = kConnFullNext;
      }
    }
    out->push_back(el);
    i = next;
  }
  return true;
}

bool ApplyOption(std::string_view command, Options* opt, std::string* error) {
  std::string line = TrimBoth(command);
  size_t colon = line.find(':');
  if (colon == std::string::npos) {
    *error = "no ':' in option command '" + line + "'";
    return false;
  }
  for (size_t i = 0; i < colon; ++i) {
    line[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[i])));
  }
  // The command's text after ':' (leading blanks trimmed), upper case.
  std::string rest = Upper(TrimBoth(std::string_view(line).substr(colon + 1)));
  char c0 = line[0], c3 = line.size() > 3 ? line[3] : ' ';
  if (c0 == 'C' && c3 == 'M') {  // COMMA:
    if (line.find("OFF") != std::string::npos) {
      opt->min_sub = opt->min_beg = opt->min_end = 128;
      opt->max_sub = opt->max_beg = opt->max_end = 0;
    } else {
      IntAfter(line, " MIN", &opt->min_sub);
      IntAfter(line, " MAX", &opt->max_sub);
      IntAfter(line, "BMIN", &opt->min_beg);
      IntAfter(line, "BMAX", &opt->max_beg);
      IntAfter(line, "EMIN", &opt->min_end);
      IntAfter(line, "EMAX", &opt->max_end);
    }
    return true;
  }
  if (c0 == 'C' && c3 == 'P') {  // COMPLEX:
    std::string s = rest;
    if (!s.empty() && s[0] == 'V') s[0] = 'X';
    auto get = [&](const char* key) {
      int v = 0;
      IntAfter(s, key, &v);
      return v;
    };
    opt->cplx_verbs = get(s[0] == 'X' ? "XERBS" : " VERBS");
    opt->cplx_actors = get("ACTORS");
    opt->cplx_pronouns = get("PRONOUNS");
    opt->cplx_conj = get("CONJ");
    opt->cplx_comma = get("COMMA");
    opt->cplx_late_verb = get("LATEVERB");
    opt->cplx_pre_act = s.find("ACTPRIOR") != std::string::npos;
    opt->cplx_post_act = s.find("ACTAFTER") != std::string::npos;
    opt->cplx_no_source = s.find("NOSOURCE") != std::string::npos;
    opt->cplx_no_verb = s.find("NOVERB") != std::string::npos;
    opt->cplx_no_target = s.find("NOTARGET") != std::string::npos;
    opt->cplx_no_event = s.find("NOEVENT") != std::string::npos;
    opt->check_complex = opt->cplx_verbs + opt->cplx_actors + opt->cplx_pronouns + opt->cplx_conj +
                                 opt->cplx_comma + opt->cplx_late_verb > 0 ||
                         opt->cplx_pre_act || opt->cplx_post_act || opt->cplx_no_source ||
                         opt->cplx_no_verb || opt->cplx_no_target || opt->cplx_no_event;
    return true;
  }
  switch (c0) {
    case 'D': {  // DEFAULT:
      if (rest.find("OFF") != std::string::npos) {
        opt->has_default_source = opt->has_default_target = false;
        opt->default_prior = opt->default_after = false;
        opt->default_source.clear();
        opt->default_target.clear();
      }
      std::string code;
      if (BracketAfter(rest, "SOURCE", &code)) {
        opt->has_default_source = true;
        if (rest.find("PRIOR") != std::string::npos) opt->default_prior = true;
        opt->default_source = code;
      }
      if (BracketAfter(rest, "TARGET", &code)) {
        opt->has_default_target = true;
        if (rest.find("AFTER") != std::string::npos) opt->default_after = true;
        opt->default_target = code;
      }
      return true;
    }
    case 'F': {  // FORWARD: ^^*****NNN*SSS [DOC] [OFF]
      std::string s = TrimBoth(std::string_view(line).substr(colon + 1));
      if (s.empty()) return true;
      opt->use_forward = s.find('S') != std::string::npos && s.find("OFF") == std::string::npos;
      size_t p = 0;
      while (p < s.size() && s[p] == '^') ++p;
      if (p >= s.size()) {
        *error = "FORWARD string has no non-blank characters";
        return false;
      }
      opt->id_loc = static_cast<int>(p);
      size_t e = s.find(' ', p);
      std::string fmt = s.substr(0, e);
      opt->id_len = static_cast<int>(fmt.size() - p);
      size_t n = fmt.find('N');
      if (n != std::string::npos) {
        size_t m = n;
        while (m < fmt.size() && fmt[m] == 'N') ++m;
        opt->story_loc = static_cast<int>(n);
        opt->story_len = static_cast<int>(m - n);
      }
      size_t sq = fmt.find('S');
      if (sq != std::string::npos) {
        size_t m = sq;
        while (m < fmt.size() && fmt[m] == 'S') ++m;
        opt->sent_loc = static_cast<int>(sq);
        opt->sent_len = static_cast<int>(m - sq);
      }
      return true;
    }
    case 'S': {  // SET:
      const std::string& s = rest;
      if (s.find("CODE") != std::string::npos) {
        opt->code_mode = s.find("SEN") != std::string::npos ? 1 : s.find("ALL") != std::string::npos ? 2 : 0;
      } else if (s.find("HAIKU") != std::string::npos) {
      } else if (s.find("YYYY") != std::string::npos) {
        opt->yyyy = BoolAfterEquals(s);
      } else if (s.find("TIME") != std::string::npos) {
        opt->time_list = BoolAfterEquals(s);
      } else if (s.find("LABEL") != std::string::npos || s.find("FBIS") != std::string::npos ||
                 s.find("DUP ") != std::string::npos || s.find("SKIP ") != std::string::npos ||
                 s.find("USAGE") != std::string::npos) {
      } else if (s.find("CONV") != std::string::npos) {
        opt->convert_agents = BoolAfterEquals(s);
      } else if (s.find("MINIM") != std::string::npos) {
        int v = 0;
        IntAfter(s, "MINIM", &v);
        opt->min_lex = v - 1;
      } else {
        *error = "unrecognised SET: command '" + s + "'";
        return false;
      }
      return true;
    }
    case 'L':  // LABEL:
    case 'N':  // NONEVENTS:
    case 'O':  // OUTPUT:
      return true;
    default:
      *error = "unrecognised option command '" + line + "'";
      return false;
  }
}

void LoadDictionaryTexts(const std::vector<std::pair<std::string, std::string>>& files,
                         Dictionary* d, std::vector<std::string>* problems) {
  // TABARI reads the options first, then the dictionaries in project order.
  for (const auto& [name, text] : files) {
    if (KindOf(name) == FileKind::kOptions) Reader(name, text, d, problems).OptionsFile();
  }
  for (const auto& [name, text] : files) {
    Reader r(name, text, d, problems);
    switch (KindOf(name)) {
      case FileKind::kActors: r.Actors(); break;
      case FileKind::kAgents: r.Agents(); break;
      case FileKind::kVerbs: r.Verbs(); break;
      case FileKind::kOptions: break;
      case FileKind::kOther: problems->push_back(name + ": not a TABARI actors, agents, verbs or options file; skipped"); break;
    }
  }
}

bool LoadDictionary(const std::vector<std::string>& files, Dictionary* d,
                    std::vector<std::string>* problems) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      problems->push_back(f + ": cannot open file");
      return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    texts.emplace_back(f, ss.str());
  }
  LoadDictionaryTexts(texts, d, problems);
  return true;
}

}  // namespace dyad::tabari
