// The translator's actors, agents and discards files (TABARI and PETRARCH):
// phrases with their (dated) actor codes, agent phrases, and discard
// phrases, written as dyad actor, agent and discard lines.
#include "lexicon/compat_internal.h"
#include "lexicon/compat.h"
#include "lexicon/tabari_dict.h"
#include "text/strings.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace dyad::compat {
namespace {

// A dated-code date: YYMMDD or YYYYMMDD -> "YYYY-MM-DD"; "" if malformed.
std::string ForeignDate(std::string d) {
  if (d.size() == 6) d = (d[0] >= '3' ? "19" : "20") + d;
  if (d.size() != 8 || !std::all_of(d.begin(), d.end(), ::isdigit)) return "";
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

// Common endings a TABARI stem stands for (ARGENTIN -> argentina, argentine).
const char* const kStemEndings[] = {"s", "es", "a", "an", "ans", "ia", "ian", "ians", "e",
                                    "ese", "i", "is", "ish", "ine", "ines", "ern", "ers"};

}  // namespace

// "[CODE]", "[CODE <950601]", "[CODE 19950601-19990815]", "[---]".
bool Translator::ParseCodeBlock(const std::string& inside, Code* c, std::string* err) {
  std::string s = Trim(inside);
  size_t sp = s.find_first_of(" \t<>");
  c->code = Upper(Trim(s.substr(0, sp)));
  std::string rest = sp == std::string::npos ? "" : s.substr(sp);
  rest.erase(std::remove_if(rest.begin(), rest.end(), ::isspace), rest.end());
  if (c->code.empty()) {
    *err = "empty code block";
    return false;
  }
  if (rest.empty()) return true;
  c->dated = true;
  if (rest[0] == '<') {
    c->to = ForeignDate(rest.substr(1));
    if (c->to.empty()) *err = "bad date in '[" + inside + "]'";
  } else if (rest[0] == '>') {
    c->from = ForeignDate(rest.substr(1));
    if (c->from.empty()) *err = "bad date in '[" + inside + "]'";
  } else {
    size_t dash = rest.find('-');
    if (dash == std::string::npos) {
      *err = "date restriction '" + rest + "' is not <D, >D or D1-D2";
    } else {
      c->from = ForeignDate(rest.substr(0, dash));
      c->to = ForeignDate(rest.substr(dash + 1));
      if (c->from.empty() || c->to.empty()) *err = "bad date range in '[" + inside + "]'";
    }
  }
  return err->empty();
}

bool Translator::IsActorCode(const std::string& c) {
  if (c.empty() || c.size() % 3 != 0) return false;
  return std::all_of(c.begin(), c.end(), [](char x) { return x >= 'A' && x <= 'Z'; });
}

void Translator::ScanCountries(const std::string& text) {
  // 3-letter codes given as an actor's undated code define a country.
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    size_t b = line.find('[');
    while (b != std::string::npos) {
      size_t e = line.find(']', b);
      if (e == std::string::npos) break;
      std::string c = Upper(Trim(line.substr(b + 1, e - b - 1)));
      if (c.size() == 3 && IsActorCode(c)) defined_countries_.insert(c);
      b = line.find('[', e);
    }
  }
}

void Translator::FlushActor(ActorEntry& a, Out* countries, Out* o) {
  if (!a.open) return;
  a.open = false;
  if (a.discard) {
    for (const auto& p : a.phrases) o->Line("discard : " + p, a.origin);
    out_->counts["discards"] += static_cast<int>(a.phrases.size());
    return;
  }
  std::vector<Code> codes;
  bool unmarked = false;
  for (Code& c : a.codes) {
    if (c.code == "---" || c.code == "###") {
      if (c.dated) ++out_->counts["actor date ranges without a code (dropped)"];
      continue;
    }
    if (!IsActorCode(c.code)) {
      Problem(a.origin + ": bad actor code '" + c.code + "'; code dropped");
      continue;
    }
    if (!c.dated) {
      if (unmarked) {
        ++out_->counts["actors with several codes (first kept)"];
        continue;
      }
      unmarked = true;
    }
    codes.push_back(c);
  }
  if (codes.empty()) {
    if (a.codes.empty()) {
      Problem(a.origin + ": actor '" + (a.phrases.empty() ? "" : a.phrases[0]) +
              "' has no code; skipped");
    } else {
      ++out_->counts["actors with no usable code (skipped)"];
    }
    return;
  }
  std::vector<std::string> phrases;
  for (size_t i = 0; i < a.phrases.size(); ++i) {
    const std::string& p = a.phrases[i];
    if (p.empty()) continue;
    if (p.find('|') != std::string::npos) {
      Problem(a.origin + ": phrase '" + p + "' has a '|'; phrase skipped");
      continue;
    }
    phrases.push_back(p);
    if (opt_.expand_stems && !a.exact[i]) {
      size_t sp = p.rfind(' ');
      std::string last = sp == std::string::npos ? p : p.substr(sp + 1);
      if (last.size() >= 3 && std::isalpha(static_cast<unsigned char>(last.back()))) {
        for (const char* end : kStemEndings) phrases.push_back(p + end);
      }
    }
  }
  if (phrases.empty()) return;
  std::string body;
  for (const auto& p : phrases) body += (body.empty() ? "" : " | ") + p;
  bool dated = std::any_of(codes.begin(), codes.end(), [](const Code& c) { return c.dated; });
  std::string kind, code_text;
  if (dated) {
    kind = "person";
    for (const Code& c : codes) {
      if (!code_text.empty()) code_text += ", ";
      code_text += c.code;
      if (c.dated) code_text += "@" + c.from + ".." + c.to;
    }
    EnsurePrefix(codes, countries, a.origin);
  } else {
    const std::string& c = codes[0].code;
    code_text = c;
    std::string first = c.substr(0, 3);
    if (c.size() == 3 && !T().generic.count(c)) {
      kind = "country";
      emitted_prefix_.insert(c);
      o = countries;  // before every line that uses the prefix
    } else if (T().generic.count(first)) {
      kind = "org";
    } else {
      kind = "group";
      EnsurePrefix(codes, countries, a.origin);
    }
  }
  o->Line(kind + " " + code_text + " : " + body, a.origin);
  ++out_->counts["actors"];
}

// dyad accepts a full code only when its first three letters are a known
// country, a generic prefix, or a country some line defines. Fictional
// prefixes that only ever appear inside longer codes are defined here.
void Translator::EnsurePrefix(const std::vector<Code>& codes, Out* countries,
                              const std::string& origin) {
  for (const Code& c : codes) {
    std::string first = c.code.substr(0, 3);
    if (T().countries.count(first) || T().generic.count(first) || emitted_prefix_.count(first))
      continue;
    emitted_prefix_.insert(first);
    countries->Line("place " + first + " : dyad-compat-prefix-" + Lower(first), origin);
    ++out_->counts["country prefixes defined"];
  }
}

void Translator::Actors(const std::string& name, const std::string& text, Out* countries, Out* o) {
  std::istringstream in(text);
  std::string raw;
  int lineno = 0;
  ActorEntry cur;
  std::string section;  // <NOUN>, <ADJECTIVE>: parts of speech, not actors
  while (std::getline(in, raw)) {
    ++lineno;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    std::string where = Where(name, lineno);
    std::string t = Trim(raw);
    if (t.empty()) continue;
    if (t[0] == '<') {
      if (t == "<NOUN>" || t == "<ADJECTIVE>") section = t;
      if (StartsWith(t, "</")) section.clear();
      continue;
    }
    if (!section.empty()) continue;
    if (t[0] == '#' || t[0] == ';') continue;
    std::string line = Trim(StripComment(t));
    if (line.empty()) continue;
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (line[0] == '[' || (indented && line[0] != '+')) {
      if (!cur.open) {
        Problem(where + ": code line with no actor before it; skipped");
        continue;
      }
      ParseCodes(line, &cur, where);
      continue;
    }
    if (line[0] == '+') {
      if (!cur.open) {
        Problem(where + ": synonym with no actor before it; skipped");
        continue;
      }
      std::string body = line.substr(1);
      size_t b = body.find('[');
      if (b != std::string::npos) {
        ParseCodes(body.substr(b), &cur, where);
        body = body.substr(0, b);
      }
      bool exact;
      cur.phrases.push_back(PhraseWords(body, &exact));
      cur.exact.push_back(exact);
      continue;
    }
    FlushActor(cur, countries, o);
    cur = ActorEntry();
    cur.open = true;
    cur.origin = where;
    size_t b = line.find('[');
    std::string phrase = b == std::string::npos ? line : line.substr(0, b);
    bool exact;
    cur.phrases.push_back(PhraseWords(phrase, &exact));
    cur.exact.push_back(exact);
    if (b != std::string::npos) ParseCodes(line.substr(b), &cur, where);
  }
  FlushActor(cur, countries, o);
}

void Translator::ParseCodes(const std::string& s, ActorEntry* a, const std::string& where) {
  size_t p = 0;
  while ((p = s.find('[', p)) != std::string::npos) {
    size_t e = s.find(']', p);
    if (e == std::string::npos) {
      Problem(where + ": '[' without ']'; code skipped");
      return;
    }
    Code c;
    std::string err;
    if (ParseCodeBlock(s.substr(p + 1, e - p - 1), &c, &err)) {
      if (c.code == "###") a->discard = true;
      a->codes.push_back(c);
    } else {
      Problem(where + ": " + err + "; code skipped");
    }
    p = e + 1;
  }
}

void Translator::Agents(const std::string& name, const std::string& text, Out* o) {
  std::istringstream in(text);
  std::string raw;
  int lineno = 0;
  std::map<std::string, std::vector<std::string>> subst;  // "!PERSON!" -> words
  while (std::getline(in, raw)) {
    ++lineno;
    std::string where = Where(name, lineno);
    std::string t = Trim(raw);
    if (t.empty() || t[0] == '<' || t[0] == '#' || t[0] == ';') continue;
    std::string line = Trim(StripComment(t));
    if (line.empty()) continue;
    if (line[0] == '!' && line.find('=') != std::string::npos && line.find('[') == std::string::npos) {
      size_t eq = line.find('=');
      size_t close = line.find('!', 1);
      if (eq == std::string::npos || close == std::string::npos || close > eq) {
        Problem(where + ": substitution set needs !NAME! = A, B; skipped");
        continue;
      }
      auto& words = subst[line.substr(0, close + 1)];
      for (const std::string& w : SplitOn(line.substr(eq + 1), ',')) {
        if (!w.empty()) words.push_back(w);
      }
      continue;
    }
    size_t b = line.find('[');
    size_t e = line.find(']', b == std::string::npos ? 0 : b);
    if (b == std::string::npos || e == std::string::npos) {
      Problem(where + ": agent without a [~CODE]; skipped");
      continue;
    }
    std::string code = Trim(line.substr(b + 1, e - b - 1));
    std::string head = line.substr(0, b);
    std::vector<std::string> raw_phrases;
    size_t cb = head.find('{');
    if (cb != std::string::npos) {
      size_t ce = head.find('}', cb);
      std::string plurals = head.substr(cb + 1, ce == std::string::npos ? std::string::npos
                                                                          : ce - cb - 1);
      head = head.substr(0, cb);
      raw_phrases.push_back(head);
      for (const std::string& p : SplitWs(plurals)) raw_phrases.push_back(p);
    } else {
      raw_phrases.push_back(head);
    }
    // Codes: "~GOV" appends a role to the country; "NGO~" puts a prefix before it.
    std::string role;
    bool prefix = false;  // "[NGO~]": the code goes before the country
    if (!code.empty() && code[0] == '~') {
      role = Upper(Trim(code.substr(1)));
    } else if (!code.empty() && code.back() == '~') {
      role = Upper(Trim(code.substr(0, code.size() - 1)));
      prefix = true;
      ++out_->counts["agents with prefix codes"];
    } else {
      role = Upper(code);
    }
    // Role pieces outside CAMEO's table (MOP, FRM, GGS) are declared with a
    // `role` line so the code is kept whole (~GOVFRM -> GOVFRM).
    std::string keep;
    bool bad = role.empty() || role.size() % 3 != 0;
    for (size_t i = 0; !bad && i < role.size(); i += 3) {
      std::string piece = role.substr(i, 3);
      bad = !std::all_of(piece.begin(), piece.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (bad) break;
      if (!T().roles.count(piece) && declared_roles_.insert(piece).second) {
        o->Line("role " + piece + " : role declared by " + name, where);
        ++out_->counts["role types declared"];
      }
      keep += piece;
    }
    if (bad) {
      Problem(where + ": agent code '" + code + "' is not three-letter role pieces; skipped");
      continue;
    }
    // Expand substitution markers.
    std::vector<std::string> phrases;
    for (const std::string& rp : raw_phrases) {
      std::vector<std::string> todo = {rp}, done;
      while (!todo.empty()) {
        std::string s = todo.back();
        todo.pop_back();
        size_t m1 = s.find('!');
        size_t m2 = m1 == std::string::npos ? m1 : s.find('!', m1 + 1);
        if (m2 == std::string::npos) {
          done.push_back(s);
          continue;
        }
        auto it = subst.find(s.substr(m1, m2 - m1 + 1));
        if (it == subst.end()) {
          Problem(where + ": unknown substitution " + s.substr(m1, m2 - m1 + 1) + "; skipped");
          continue;
        }
        for (const std::string& w : it->second) {
          todo.push_back(s.substr(0, m1) + w + s.substr(m2 + 1));
        }
      }
      for (const std::string& d : done) {
        std::string p = PhraseWords(d);
        if (!p.empty()) phrases.push_back(p);
      }
    }
    if (phrases.empty()) continue;
    std::string body;
    for (const auto& p : phrases) body += (body.empty() ? "" : " | ") + p;
    o->Line("agent " + keep + (prefix ? "~" : "") + " : " + body, where);
    ++out_->counts["agents"];
  }
}

void Translator::Discards(const std::string& name, const std::string& text, Out* o) {
  std::istringstream in(text);
  std::string raw;
  int lineno = 0;
  while (std::getline(in, raw)) {
    ++lineno;
    std::string t = Trim(raw);
    if (t.empty() || t[0] == '<' || t[0] == '#' || t[0] == ';') continue;
    std::string line = Trim(StripComment(t));
    if (!line.empty() && line[0] == '+') {
      line = line.substr(1);  // story discard: dyad discards the sentence
      ++out_->counts["story discards read as sentence discards"];
    }
    size_t b = line.find('[');
    if (b != std::string::npos) line = line.substr(0, b);
    std::string p = PhraseWords(line);
    if (p.empty() || p.find('|') != std::string::npos) continue;
    o->Line("discard : " + p, Where(name, lineno));
    ++out_->counts["discards"];
  }
}

}  // namespace dyad::compat
