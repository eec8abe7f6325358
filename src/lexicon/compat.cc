// Translators: TABARI / PETRARCH / Phoenix dictionary files -> dyad lines.
//
// Each translator reads one foreign file line by line and writes dyad lines
// into an Out buffer that remembers, for every dyad line, the foreign
// file:line it came from, so that loader messages can point at the file the
// user actually has.
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

std::string Trim(std::string_view s) { return std::string(text::TrimSpace(s)); }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::vector<std::string> SplitWs(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

// Strips a trailing comment: '#' (PETRARCH) or ';' (TABARI).
std::string StripComment(const std::string& line, std::string* comment = nullptr) {
  size_t cut = line.find_first_of("#;");
  if (cut == std::string::npos) return line;
  if (comment) *comment = Trim(std::string_view(line).substr(cut + 1));
  return line.substr(0, cut);
}

// A dated-code date: YYMMDD or YYYYMMDD -> "YYYY-MM-DD"; "" if malformed.
std::string ForeignDate(std::string d) {
  if (d.size() == 6) d = (d[0] >= '3' ? "19" : "20") + d;
  if (d.size() != 8 || !std::all_of(d.begin(), d.end(), ::isdigit)) return "";
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

// One phrase of a foreign file ("PRESIDENT_GEORGE_W._BUSH", "AL GORE") as
// dyad words: '_' and spaces both separate words; trailing '_' (exact-word
// marker) is dropped. `exact` tells whether the last word was marked exact.
std::string PhraseWords(const std::string& raw, bool* exact = nullptr) {
  std::string s = Trim(raw);
  if (exact) *exact = !s.empty() && s.back() == '_';
  std::string out;
  for (const std::string& w : SplitWs(s)) {
    for (const std::string& part : SplitOn(w, '_')) {
      if (part.empty()) continue;
      if (!out.empty()) out += ' ';
      out += part;
    }
  }
  return Lower(out);
}

// Common endings a TABARI stem stands for (ARGENTIN -> argentina, argentine).
const char* const kStemEndings[] = {"s", "es", "a", "an", "ans", "ia", "ian", "ians", "e",
                                    "ese", "i", "is", "ish", "ine", "ines", "ern", "ers"};

// Tables from data/cameo: event codes, role types, known countries.
struct Tables {
  std::set<std::string> event_codes;
  std::unordered_set<std::string> roles, countries, generic;
  Tables() {
    std::string dir = Lexicon::DefaultDataDir() + "/cameo/";
    auto read = [&](const std::string& f, auto fn) {
      std::ifstream in(dir + f);
      std::string line;
      bool header = true;
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
          header = false;
          continue;
        }
        fn(SplitOn(line, '\t'));
      }
    };
    read("event_codes.tsv", [&](const std::vector<std::string>& f) {
      if (!f.empty()) event_codes.insert(f[0]);
    });
    read("actor_types.tsv", [&](const std::vector<std::string>& f) {
      if (f.size() < 2) return;
      if (StartsWith(f[1], "role_") || f[1] == "party_modifier" || f[1] == "international_generic")
        roles.insert(f[0]);
      if (f[1] == "international_generic") generic.insert(f[0]);
    });
    read("countries.tsv", [&](const std::vector<std::string>& f) {
      if (f.size() < 3) return;
      countries.insert(f[0]);
      if (!f[2].empty()) countries.insert(f[2]);
    });
    for (const char* r : {"REL", "PPL", "PKO"}) roles.insert(r);
    generic.insert("PKO");
    // WordNet's verb lemmas, to expand TABARI verb stems ("RESTOR").
    std::ifstream wn(Lexicon::DefaultDataDir() + "/lexicon/wordnet-verbs.tsv");
    std::string line;
    while (std::getline(wn, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f = SplitOn(line, '\t');
      if (f.size() >= 3 && !f[1].empty() && f[1][0] != '-') verbs.insert(f[0]);
    }
  }
  std::set<std::string> verbs;  // sorted: stems are looked up as prefixes
};

const Tables& T() {
  static const Tables t;
  return t;
}

// Dyad text being written, with the foreign origin of each line.
struct Out {
  std::string name;
  std::string text;
  std::vector<std::string> origins;
  void Line(const std::string& line, const std::string& origin) {
    text += line;
    text += '\n';
    origins.push_back(origin);
  }
};

class Translator {
 public:
  Translator(DictFormat format, const TranslateOptions& opt, CompatDict* out)
      : format_(format), opt_(opt), out_(out) {}

  void Run(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<FileRole> roles;
    for (const auto& [name, text] : files) {
      roles.push_back(GuessRole(name, text));
      out_->files.push_back(name + " (" + FileRoleName(roles.back()) + ")");
      if (roles.back() == FileRole::kVerbs || roles.back() == FileRole::kVerbs2) {
        ScanCodes(text);
      }
      if (roles.back() == FileRole::kActors) ScanCountries(text);
    }
    // Country codes first, so that every later line's prefix is defined.
    Out countries{"compat-countries", {}, {}};
    std::vector<Out> outs;
    for (size_t i = 0; i < files.size(); ++i) {
      const auto& [name, text] = files[i];
      Out o{name, {}, {}};
      switch (roles[i]) {
        case FileRole::kActors: Actors(name, text, &countries, &o); break;
        case FileRole::kAgents: Agents(name, text, &o); break;
        case FileRole::kVerbs: Verbs(name, text, /*v2=*/false, &o); break;
        case FileRole::kVerbs2: Verbs(name, text, /*v2=*/true, &o); break;
        case FileRole::kDiscards: Discards(name, text, &o); break;
        case FileRole::kOptions:
        case FileRole::kIssues:
          ++out_->counts[std::string("files ignored (") + FileRoleName(roles[i]) + ")"];
          break;
        case FileRole::kUnknown:
          Problem(name + ":1: cannot tell what this file holds (actors, agents, verbs, "
                  "discards); skipped");
          break;
      }
      outs.push_back(std::move(o));
    }
    auto add = [&](Out& o) {
      if (o.text.empty()) return;
      out_->sources.push_back({o.name, std::move(o.text)});
      out_->origins.push_back(std::move(o.origins));
    };
    add(countries);
    // Verbs define synsets used by patterns in the same file; actors before
    // agents is not required, but keep the foreign order otherwise.
    for (Out& o : outs) add(o);
    for (const auto& [carrier, orig] : carried_) out_->carried[carrier] = orig;
  }

 private:
  void Problem(const std::string& msg) { out_->problems.push_back(msg); }
  static std::string Where(const std::string& name, int line) {
    return name + ":" + std::to_string(line);
  }

  // ---- event codes ----------------------------------------------------

  // Every [CODE] written in a verb file, so carriers never collide with a
  // code some pattern uses verbatim.
  void ScanCodes(const std::string& text) {
    size_t p = 0;
    while ((p = text.find('[', p)) != std::string::npos) {
      size_t e = text.find(']', p);
      if (e == std::string::npos) break;
      for (const std::string& c : SplitOn(text.substr(p + 1, e - p - 1), ':')) used_.insert(c);
      p = e;
    }
  }

  // dyad code for a foreign event code; "" when there is none ("---"). A
  // paired code "032:033" (TABARI, PETRARCH: the second is the target's
  // event toward the source) becomes dyad's "032/033".
  std::string EventCode(std::string code, const std::string& where) {
    code = Trim(code);
    size_t colon = code.find(':');
    if (colon == std::string::npos) return OneEventCode(code, where);
    std::string first = OneEventCode(code.substr(0, colon), where);
    std::string second = OneEventCode(code.substr(colon + 1), where);
    if (first.empty() || second.empty()) return first;
    ++out_->counts["paired event codes"];
    return first + "/" + second;
  }

  std::string OneEventCode(std::string code, const std::string& where) {
    code = Trim(code);
    if (code.empty() || code == "---" || code == "--") return "";
    if (T().event_codes.count(code)) return code;
    auto it = carrier_of_.find(code);
    if (it != carrier_of_.end()) return it->second;
    // A carrier: a free CAMEO code of the same root, else of a root the coder
    // treats neutrally (no statement, violence or meeting rules).
    std::vector<std::string> roots;
    if (code.size() >= 2 && std::isdigit(static_cast<unsigned char>(code[0])) &&
        std::isdigit(static_cast<unsigned char>(code[1])))
      roots.push_back(code.substr(0, 2));
    for (const char* r : {"02", "05", "08", "11", "16", "03", "12", "10"}) roots.push_back(r);
    for (const std::string& root : roots) {
      for (const std::string& c : T().event_codes) {
        if (c.size() <= 2 || c.compare(0, 2, root) != 0) continue;
        if (used_.count(c) || carried_.count(c)) continue;
        carried_[c] = code;
        carrier_of_[code] = c;
        ++out_->counts["event codes carried"];
        return c;
      }
    }
    Problem(where + ": no free CAMEO code left to carry event code '" + code + "'");
    return "";
  }

  // ---- actors ---------------------------------------------------------

  struct Code {
    std::string code, from, to;  // dates "YYYY-MM-DD" or ""
    bool dated = false;
  };

  // "[CODE]", "[CODE <950601]", "[CODE 19950601-19990815]", "[---]".
  bool ParseCodeBlock(const std::string& inside, Code* c, std::string* err) {
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

  static bool IsActorCode(const std::string& c) {
    if (c.empty() || c.size() % 3 != 0) return false;
    return std::all_of(c.begin(), c.end(), [](char x) { return x >= 'A' && x <= 'Z'; });
  }

  void ScanCountries(const std::string& text) {
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

  struct ActorEntry {
    std::vector<std::string> phrases;  // dyad words
    std::vector<bool> exact;
    std::vector<Code> codes;
    std::string origin;
    bool discard = false;
    bool open = false;
  };

  void FlushActor(ActorEntry& a, Out* countries, Out* o) {
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
  void EnsurePrefix(const std::vector<Code>& codes, Out* countries, const std::string& origin) {
    for (const Code& c : codes) {
      std::string first = c.code.substr(0, 3);
      if (T().countries.count(first) || T().generic.count(first) || emitted_prefix_.count(first))
        continue;
      emitted_prefix_.insert(first);
      countries->Line("place " + first + " : dyad-compat-prefix-" + Lower(first), origin);
      ++out_->counts["country prefixes defined"];
    }
  }

  void Actors(const std::string& name, const std::string& text, Out* countries, Out* o) {
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

  void ParseCodes(const std::string& s, ActorEntry* a, const std::string& where) {
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

  // ---- agents ---------------------------------------------------------

  void Agents(const std::string& name, const std::string& text, Out* o) {
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

  // ---- discards -------------------------------------------------------

  void Discards(const std::string& name, const std::string& text, Out* o) {
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

  // ---- verbs ----------------------------------------------------------

  struct VerbBlock {
    std::vector<std::pair<std::string, std::string>> verbs;  // lemma (with _particles), origin
    std::string code;                                         // block code (PETRARCH ---)
    std::vector<std::pair<std::string, std::string>> patterns;  // raw line, origin
  };

  static const std::unordered_set<std::string>& Preps() {
    static const std::unordered_set<std::string> p = {
        "to", "with", "against", "on", "at", "toward", "towards", "into", "from", "for",
        "over", "about", "between", "by", "in", "of", "upon", "onto", "among", "across",
        "through", "under", "after", "before", "without", "within", "near", "behind"};
    return p;
  }

  // Synset member -> one dyad word (a phrase's head, its last word).
  // A member naming other synsets ("&TIETYPES_MEMOS", "MEMOS_ON_&TIETYPES")
  // stands for every phrase it can spell with their members ("military
  // memos", …); [] when a synset it names is unknown.
  std::vector<std::string> SynsetWords(const std::string& raw) {
    if (raw.find('&') == std::string::npos) {
      std::string w = SynsetWord(raw);
      if (w.empty()) return {};
      return {w};
    }
    std::vector<std::string> out = {""};
    std::string norm = raw;
    std::replace(norm.begin(), norm.end(), '_', ' ');
    for (const std::string& tok : SplitWs(norm)) {
      std::vector<std::string> alts;
      if (tok[0] == '&') {
        auto it = synset_words_.find(SynsetName(tok));
        if (it == synset_words_.end()) return {};
        alts = it->second;
      } else {
        std::string w = PhraseWords(tok);
        if (w.empty()) continue;
        alts = {w};
      }
      std::vector<std::string> next;
      for (const std::string& o : out) {
        for (const std::string& a : alts) next.push_back(o.empty() ? a : o + " " + a);
      }
      out.swap(next);
      if (out.size() > 200) return {};
    }
    ++out_->counts["synset members expanded from nested synsets"];
    return out;
  }

  std::string SynsetWord(const std::string& raw) {
    std::string p = PhraseWords(raw);
    if (p.empty() || p.find('&') != std::string::npos) return "";
    return p;  // a phrase member stays a phrase (dyad matches its words in a row)
  }

  void FlushSynset(std::string& name, std::vector<std::string>& words, const std::string& origin,
                   Out* o) {
    if (name.empty()) return;
    if (words.empty()) {
      Problem(origin + ": synset " + name + " has no words; skipped");
    } else {
      std::string body;
      for (const auto& w : words) body += (body.empty() ? "" : " | ") + w;
      o->Line("synset " + name + " : " + body, origin);
      synsets_.insert(name);
      synset_words_[name] = words;
      ++out_->counts["synsets"];
    }
    name.clear();
    words.clear();
  }

  static std::string SynsetName(const std::string& raw) {
    std::string n = Lower(Trim(raw));
    while (!n.empty() && (n.back() == '_' || n.back() == ' ')) n.pop_back();
    return n;
  }

  void Verbs(const std::string& name, const std::string& text, bool v2, Out* o) {
    std::istringstream in(text);
    std::string raw;
    int lineno = 0;
    bool petr_blocks = StartsWith(text, "---") || text.find("\n---") != std::string::npos;
    VerbBlock block;
    std::string syn_name, syn_origin;
    std::vector<std::string> syn_words;
    std::string section;
    std::vector<std::pair<std::string, std::string>> transforms;  // "~ …" line, origin
    std::unordered_map<std::string, std::string> verb_codes;      // VERB -> its code
    while (std::getline(in, raw)) {
      ++lineno;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      std::string where = Where(name, lineno);
      std::string t = Trim(raw);
      if (t.empty()) continue;
      if (t[0] == '<') {
        if (t == "<TIME>") section = t;
        if (t == "</TIME>") section.clear();
        if (t == "</SYNSETS>") FlushSynset(syn_name, syn_words, syn_origin, o);
        continue;
      }
      if (section == "<TIME>") continue;
      if (t[0] == '#' || t[0] == ';') continue;
      std::string comment;
      std::string line = Trim(StripComment(t, &comment));
      if (line.empty()) continue;
      if (line[0] == '&') {
        FlushSynset(syn_name, syn_words, syn_origin, o);
        syn_name = SynsetName(line);
        syn_origin = where;
        continue;
      }
      if (line[0] == '+' && !syn_name.empty()) {
        std::vector<std::string> ws = SynsetWords(line.substr(1));
        if (ws.empty()) {
          ++out_->counts["synset members skipped (unknown nested synsets)"];
        } else {
          syn_words.insert(syn_words.end(), ws.begin(), ws.end());
        }
        continue;
      }
      FlushSynset(syn_name, syn_words, syn_origin, o);
      if (line[0] == '~' && v2) {
        transforms.push_back({line, where});  // the verbs they name may come later
        continue;
      }
      if (StartsWith(line, "---")) {
        FlushBlock(block, v2, o);
        block = VerbBlock();
        size_t b = line.find('['), e = line.find(']');
        if (b != std::string::npos && e != std::string::npos && e > b) {
          block.code = EventCode(line.substr(b + 1, e - b - 1), where);
        }
        continue;
      }
      if (line[0] == '-') {
        if (block.verbs.empty()) {
          Problem(where + ": pattern with no verb before it; skipped");
          continue;
        }
        // PETRARCH-2 names the verb a pattern belongs to in its comment.
        block.patterns.push_back({line + (v2 ? "\x1f" + Upper(comment) : ""), where});
        continue;
      }
      // TABARI writes a verb's irregular forms on the line after it: "{ BROKE_ BROKEN_ }".
      if (line[0] == '{' && !block.verbs.empty()) {
        std::string lemma = block.verbs.back().first;
        lemma = lemma.substr(0, lemma.find('_'));
        std::string f;
        size_t ce = line.find('}');
        for (std::string x : SplitWs(line.substr(1, ce == std::string::npos ? std::string::npos
                                                                             : ce - 1))) {
          std::string w = PhraseWords(x);
          if (!w.empty() && w.find(' ') == std::string::npos) f += " " + w;
        }
        if (!f.empty()) o->Line("irregular : " + lemma + f, where);
        continue;
      }
      // A verb line: VERB [{FORMS}] [[CODE]].
      if (!petr_blocks && !block.patterns.empty()) {
        FlushBlock(block, v2, o);
        block = VerbBlock();
      } else if (!petr_blocks && !block.verbs.empty()) {
        // TABARI: each verb line carries its own code and patterns.
        FlushBlock(block, v2, o);
        block = VerbBlock();
      }
      std::string verb = line, code;
      if (verb[0] == '+') verb = verb.substr(1);  // PETRARCH-2 marks multi-word verbs with '+'
      bool has_code = false;
      size_t b = verb.find('[');
      if (b != std::string::npos) {
        size_t e = verb.find(']', b);
        code = EventCode(verb.substr(b + 1, e == std::string::npos ? std::string::npos : e - b - 1),
                         where);
        has_code = true;
        verb = verb.substr(0, b);
      }
      std::vector<std::string> forms;
      size_t cb = verb.find('{');
      if (cb != std::string::npos) {
        size_t ce = verb.find('}', cb);
        for (std::string f : SplitWs(
                 verb.substr(cb + 1, ce == std::string::npos ? std::string::npos : ce - cb - 1))) {
          if (!f.empty() && f[0] == '+') f = f.substr(1);
          std::string w = PhraseWords(f);
          if (!w.empty() && w.find(' ') == std::string::npos) forms.push_back(w);
        }
        verb = verb.substr(0, cb);
      }
      std::string words = PhraseWords(verb);
      if (words.empty() || verb.find_first_of("+$%^&*") != std::string::npos) {
        Problem(where + ": verb '" + Trim(verb) + "' cannot be read as a verb; skipped");
        continue;
      }
      std::replace(words.begin(), words.end(), ' ', '_');
      std::string lemma = words.substr(0, words.find('_'));
      // TABARI matches a verb word not ending in '_' as a stem: "RESTOR"
      // is "restore". A stem that is no verb of its own stands for the verbs
      // it begins (at most two letters longer).
      std::vector<std::string> stem_verbs;
      if (!petr_blocks && words.find('_') == std::string::npos && Trim(verb).back() != '_' &&
          !T().verbs.count(words)) {
        for (auto it = T().verbs.lower_bound(words);
             it != T().verbs.end() && StartsWith(*it, words); ++it) {
          if (it->size() <= words.size() + 2) stem_verbs.push_back(*it);
        }
        if (!stem_verbs.empty()) ++out_->counts["TABARI verb stems expanded"];
      }
      if (!forms.empty() && words.find('_') == std::string::npos) {
        std::string f;
        for (const auto& x : forms) f += " " + x;
        o->Line("irregular : " + lemma + f, where);
      }
      if (petr_blocks) {
        std::string c = has_code ? code : block.code;
        verb_codes.emplace(Upper(words), c);
        block.verbs.push_back({words, where});
        if (!c.empty()) o->Line("verb " + c + " : " + words, where), ++out_->counts["verbs"];
        else ++out_->counts["verbs without a code (patterns only)"];
      } else {
        block.code = code;
        if (stem_verbs.empty()) stem_verbs.push_back(words);
        for (const std::string& v : stem_verbs) {
          block.verbs.push_back({v, where});
          if (!code.empty()) o->Line("verb " + code + " : " + v, where), ++out_->counts["verbs"];
          else ++out_->counts["verbs without a code (patterns only)"];
        }
      }
    }
    FlushSynset(syn_name, syn_words, syn_origin, o);
    FlushBlock(block, v2, o);
    for (const auto& [line, where] : transforms) Transform(line, where, verb_codes, o);
  }

  // PETRARCH-2 transformation "~ a (a b ATTACK) SAY = a b 015": a verb
  // (SAY) whose subject a reports a nested event (a's attack on b) codes
  // a>b 015 instead. Written `compose 015 : 010 (a b 190)` with the verbs'
  // codes; the nested source is `a` (the outer subject), `b` (another actor)
  // or `_` (none), its target `b` or `.` (any); `Q` (any code) is `*`.
  void Transform(const std::string& line, const std::string& where,
                 const std::unordered_map<std::string, std::string>& verb_codes, Out* o) {
    std::string t = line.substr(1);
    for (char& ch : t) {
      if (ch == '(' || ch == ')') ch = ' ';
    }
    std::vector<std::string> f = SplitWs(t);
    // a  S T INNER  OUTER  =  a b RESULT
    if (f.size() != 9 || f[5] != "=") {
      Problem(where + ": transformation not of the form 'a (s t VERB) VERB = a b CODE'; skipped");
      return;
    }
    const std::string& a = f[0];
    auto code_of = [&](const std::string& verb, std::string* code) {
      if (verb == "Q") {
        *code = "*";
        return true;
      }
      auto it = verb_codes.find(verb);
      if (it == verb_codes.end() || it->second.empty()) return false;
      *code = it->second;
      return true;
    };
    std::string inner, outer, result;
    if (!code_of(f[3], &inner) || !code_of(f[4], &outer) || outer == "*") {
      Problem(where + ": transformation names a verb with no code ('" + f[3] + "', '" + f[4] +
              "'); skipped");
      return;
    }
    std::string src = f[1] == a ? "a" : f[1] == "_" ? "_" : "b";
    std::string tgt = f[2] == "." ? "." : "b";
    // The coded event is a toward the one named b: the nested source or target.
    const std::string& b = src == "b" ? f[1] : f[2];
    if (f[6] != a || f[7] != b || (src == "b" && tgt == "b")) {
      Problem(where + ": transformation codes actors other than 'a b'; skipped");
      return;
    }
    if (f[8] == "Q") {
      result = "*";
    } else {
      result = EventCode(f[8], where);
      if (result.empty()) return;
    }
    o->Line("compose " + result + " : " + outer + " (" + src + " " + tgt + " " + inner + ")",
            where);
    ++out_->counts["transformations"];
  }

  // "{ &TIETYPES | CLOSER }" alternatives that name a synset: dyad cannot
  // nest a synset in an alternative, so the pattern is written once per
  // alternative.
  static std::vector<std::string> SplitAlternatives(const std::string& line) {
    for (size_t b = line.find('{'); b != std::string::npos; b = line.find('{', b + 1)) {
      size_t e = line.find('}', b);
      if (e == std::string::npos) break;
      std::string inner = line.substr(b + 1, e - b - 1);
      if (inner.find('|') == std::string::npos || inner.find('&') == std::string::npos) continue;
      std::vector<std::string> out;
      for (const std::string& alt : SplitOn(inner, '|')) {
        for (const std::string& x :
             SplitAlternatives(line.substr(0, b) + Trim(alt) + line.substr(e + 1))) {
          out.push_back(x);
        }
      }
      return out;
    }
    return {line};
  }

  void FlushBlock(const VerbBlock& block, bool v2, Out* o) {
    std::vector<std::pair<std::string, std::string>> patterns;
    for (const auto& [praw, where] : block.patterns) {
      for (const std::string& x : SplitAlternatives(praw)) patterns.push_back({x, where});
    }
    for (const auto& [praw, where] : patterns) {
      std::string line = praw, owner;
      size_t us = line.find('\x1f');
      if (us != std::string::npos) {
        owner = Trim(line.substr(us + 1));
        line = line.substr(0, us);
      }
      std::string code, why, pre;
      std::string body = TranslatePattern(line, v2, &code, &pre, &why, where);
      if (body.empty() && pre.empty() && why.empty()) why = "empty pattern";
      if (!why.empty()) {
        ++out_->counts["patterns skipped: " + why];
        continue;
      }
      if (code.empty()) {
        ++out_->counts["patterns skipped: no code ([---] blocks the verb in the source)"];
        continue;
      }
      // Which verbs of the block: PETRARCH-2's comment names one; else all.
      std::vector<std::string> lemmas;
      std::string owner_word = owner.empty() ? "" : SplitWs(owner)[0];
      for (const auto& [verb, vw] : block.verbs) {
        if (!owner_word.empty() && Upper(verb) != owner_word &&
            Upper(verb.substr(0, verb.find('_'))) != owner_word)
          continue;
        lemmas.push_back(verb);
      }
      if (lemmas.empty()) {
        for (const auto& [verb, vw] : block.verbs) lemmas.push_back(verb);
      }
      std::set<std::string> done;
      for (const std::string& lemma : lemmas) {
        // A phrasal verb line ("carry_out") takes the pattern after its particle.
        std::string full = pre.empty() ? lemma : pre + "[" + lemma + "]";
        if (!body.empty() && body[0] == '_') full += body;
        else if (!body.empty()) full += " " + body;
        if (!done.insert(full).second) continue;
        o->Line("pattern " + code + " : " + full, where);
        ++out_->counts["patterns"];
      }
    }
  }

  // "- $ * NEW_&TIETYPES_RELATIONS WITH + [903]" -> "new_&tietypes_relations with+".
  // Returns the post-verb part (starting with '_' when the first element is
  // adjacent to the verb), or "" and *why when the pattern cannot be kept.
  std::string TranslatePattern(const std::string& line, bool v2, std::string* code,
                               std::string* pre, std::string* why, const std::string& where) {
    std::string s = Trim(line.substr(1));
    size_t b = s.rfind('[');
    if (b == std::string::npos) {
      *why = "no [CODE]";
      return "";
    }
    size_t e = s.find(']', b);
    std::string raw_code =
        Trim(s.substr(b + 1, e == std::string::npos ? std::string::npos : e - b - 1));
    *code = EventCode(raw_code, where);
    s = Trim(s.substr(0, b));
    // PETRARCH-2 "[:030]": only a passive meaning ("received assurances from
    // X": X gave them). The subject is the target: written '+' before the
    // verb; the coder finds the source as for a passive.
    if (v2 && code->empty() && raw_code.size() > 1 && raw_code[0] == ':' &&
        s.find('+') == std::string::npos && s.find('$') == std::string::npos) {
      *code = EventCode(raw_code.substr(1), where);
      if (!code->empty()) {
        s = "+ " + s;
        ++out_->counts["passive-meaning patterns ([:CODE])"];
      }
    }
    // Tokens: { A | B } alternatives (TABARI) or {A B} noun phrases
    // (PETRARCH-2), (PREP NOUN) phrases, words with '_' joins.
    std::string norm;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '{') {
        size_t close = s.find('}', i);
        if (close == std::string::npos) {
          *why = "unbalanced {";
          return "";
        }
        std::string inner = s.substr(i + 1, close - i - 1);
        std::string tok;
        if (inner.find('|') != std::string::npos) {
          for (const std::string& alt : SplitOn(inner, '|')) {
            std::string w = PhraseWords(alt);
            if (w.find(' ') != std::string::npos) w = w.substr(w.rfind(' ') + 1);
            if (w.empty()) continue;
            if (w[0] == '&') {  // a synset inside alternatives: dyad cannot nest
              *why = "synset inside {|} alternatives";
              return "";
            }
            tok += (tok.empty() ? "" : "|") + w;
          }
        } else {
          tok = PhraseWords(inner);
          std::replace(tok.begin(), tok.end(), ' ', '_');
        }
        norm += tok;
        i = close;
      } else if (c == '(') {
        norm += ' ';
      } else if (c == ')') {
        norm += ' ';
      } else {
        norm += c;
      }
    }
    std::vector<std::string> toks = SplitWs(norm);
    // Find the verb '*'.
    int star = -1;
    for (size_t i = 0; i < toks.size(); ++i) {
      for (const std::string& part : SplitOn(toks[i], '_')) {
        if (part == "*") star = static_cast<int>(i);
      }
    }
    if (star < 0) {
      *why = "no verb '*'";
      return "";
    }
    std::vector<std::string> star_parts = SplitOn(toks[star], '_');
    size_t si = std::find(star_parts.begin(), star_parts.end(), "*") - star_parts.begin();
    // Post-verb elements, keeping adjacency.
    struct El {
      std::string text;
      bool adjacent;
    };
    std::vector<El> els;
    bool next_adjacent = false;
    bool subject_is_target = false;  // '+' before the verb
    bool compound = false;           // '%' before the verb
    bool stem_next = false;  // the part add_part gets next ends its token with no '_' after it
    bool in_post = false;    // add_part is reading the words after the verb
    size_t npre_now = 0;     // elements before the verb, once in_post
    // Calls add_part on the parts of a '_'-joined token; the last part of a
    // token not ending in '_' is a TABARI stem.
    auto last_of = [](const std::vector<std::string>& parts, size_t i) {
      return i + 1 == parts.size();
    };
    auto add_part = [&](const std::string& part, bool adjacent) -> bool {
      if (part.empty()) return true;
      if (part == "^" && in_post) {
        els.push_back({"^", adjacent});  // skip one noun phrase
        return true;
      }
      if (part == "$" && in_post && !(!els.empty() && els.back().text == "by")) {
        // The source named after the verb ("+ * MONEY $": "X received money from Y").
        if (els.size() > npre_now && Preps().count(els.back().text)) {
          els.back().text += "$";
        } else {
          els.push_back({"$", adjacent});
        }
        return true;
      }
      if (part == "%" && !in_post) {
        compound = true;  // "% * [030:030]": a compound subject, coded among its members
        return true;
      }
      if (part == "$" || part == "%" || part == "^") {
        // The source is dyad's subject; compound and skip markers have no
        // counterpart. A "by $" pair drops its preposition too (the parser
        // handles passives).
        if (part == "$" && !els.empty() && els.back().text == "by") els.pop_back();
        return true;
      }
      if (part == "+") {
        if (!els.empty() && Preps().count(els.back().text)) {
          els.back().text += "+";
        } else {
          els.push_back({"+", adjacent});
        }
        return true;
      }
      if (part[0] == '&') {
        std::string n = SynsetName(part);
        if (!synsets_.count(n)) {
          *why = "unknown synset";
          return false;
        }
        els.push_back({n, adjacent});
        return true;
      }
      std::string w = Lower(part);
      w.erase(std::remove(w.begin(), w.end(), '$'), w.end());
      // TABARI: a word is a stem unless '_' follows it ("RESOLUTION_"); '~'
      // marks a stem inside a phrase ("REAL~_PLEASANT"). dyad writes "real*".
      bool stem = format_ == DictFormat::kTabari && w.find('|') == std::string::npos &&
                  (stem_next || (!w.empty() && w.back() == '~'));
      w.erase(std::remove(w.begin(), w.end(), '~'), w.end());
      if (w.empty()) return true;
      for (char ch : w) {
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '\'' || ch == '-' ||
              ch == '.' || ch == '|' || static_cast<unsigned char>(ch) >= 0x80)) {
          *why = "unreadable element";
          return false;
        }
      }
      // TABARI and PETRARCH-1 match other words as written: "RESOLUTION" is
      // not "resolutions" (dyad would add the plural; "=" keeps the form).
      bool exact = !v2 && w.find('|') == std::string::npos && w[0] != '&' && !Preps().count(w);
      els.push_back({stem && w.size() >= 3 ? w + "*" : exact ? w + "=" : w, adjacent});
      return true;
    };
    // Pre-verb: '$', '+', '%', '^' slots are dyad's job (subject, passive)
    // and are dropped; words ("NOT *", "&NEGATVAUXVRB EVER *") become dyad's
    // elements before the verb ("not [allow]").
    for (int i = 0; i < star; ++i) {
      bool first = true;
      std::vector<std::string> parts = SplitOn(toks[i], '_');
      for (size_t j = 0; j < parts.size(); ++j) {
        const std::string& part = parts[j];
        if (part.empty()) continue;
        if (part == "+") {
          if (!els.empty()) {  // "SUGGESTED_+ *": a target between words before the verb
            *why = "a target slot between words before the verb";
            return "";
          }
          subject_is_target = true;  // "+ * MONEY $": the subject is the target
          continue;
        }
        stem_next = last_of(parts, j);
        if (!add_part(part, !first)) return "";
        first = false;
      }
    }
    stem_next = false;
    bool verb_adjacent = false;  // "RECENTLY_*": the last word before the verb touches it
    for (size_t i = 0; i < si; ++i) {
      const std::string& part = star_parts[i];
      if (part == "+" && !els.empty()) {
        *why = "a target slot between words before the verb";
        return "";
      }
      if (part == "+") subject_is_target = true;
      if (part.empty() || part == "+") continue;
      size_t n = els.size();
      if (!add_part(part, i > 0)) return "";
      if (els.size() > n) verb_adjacent = true;
    }
    for (const El& el : els) {
      if (el.text.back() == '+') {
        *why = "a target slot before the verb";
        return "";
      }
    }
    // dyad writes the subject-as-target as a leading "+" before the verb.
    if (subject_is_target) els.insert(els.begin(), El{"+", false});
    if (compound) els.insert(els.begin(), El{"%", false});
    const size_t npre = els.size();
    in_post = true;
    npre_now = npre;
    if (npre) ++out_->counts["patterns with words before the verb"];
    // Rest of the '*' token, adjacent to the verb.
    bool first_adjacent_to_verb = false;
    for (size_t i = si + 1; i < star_parts.size(); ++i) {
      if (star_parts[i].empty()) {
        next_adjacent = true;
        continue;
      }
      size_t before = els.size();
      if (!add_part(star_parts[i], true)) return "";
      if (before == npre && els.size() == npre + 1) first_adjacent_to_verb = true;
    }
    (void)next_adjacent;
    for (size_t i = static_cast<size_t>(star) + 1; i < toks.size(); ++i) {
      std::vector<std::string> parts = SplitOn(toks[i], '_');
      bool first = true;
      for (size_t j = 0; j < parts.size(); ++j) {
        const std::string& part = parts[j];
        if (part.empty()) continue;
        stem_next = last_of(parts, j);
        if (!add_part(part, !first)) return "";
        first = false;
      }
    }
    stem_next = false;
    (void)v2;
    pre->clear();
    for (size_t i = 0; i < npre; ++i) {
      if (i > 0) *pre += els[i].adjacent ? "_" : " ";
      *pre += els[i].text;
    }
    if (npre) *pre += verb_adjacent ? "_" : " ";
    std::string out;
    for (size_t i = npre; i < els.size(); ++i) {
      if (i == npre) {
        out += first_adjacent_to_verb ? "_" : "";
        out += els[i].text;
      } else {
        out += (els[i].adjacent ? "_" : " ") + els[i].text;
      }
    }
    // dyad's '_' after the lemma means a particle; a target slot cannot be one.
    if (first_adjacent_to_verb && !els.empty() && els[0].text.back() == '+') {
      out[0] = ' ';
      out = Trim(out);
    }
    return out;
  }

  DictFormat format_;
  TranslateOptions opt_;
  CompatDict* out_;
  std::set<std::string> used_;
  std::map<std::string, std::string> carried_, carrier_of_;
  std::unordered_set<std::string> defined_countries_, emitted_prefix_;
  std::set<std::string> declared_roles_;  // role types declared with a `role` line
  std::set<std::string> synsets_;
  std::map<std::string, std::vector<std::string>> synset_words_;  // members, for nesting
};

}  // namespace

bool ParseDictFormat(const std::string& name, DictFormat* out) {
  std::string n = Lower(name);
  if (n == "tabari") *out = DictFormat::kTabari;
  else if (n == "petrarch" || n == "phoenix" || n == "petrarch2") *out = DictFormat::kPetrarch;
  else return false;
  return true;
}

const char* FileRoleName(FileRole r) {
  switch (r) {
    case FileRole::kActors: return "actors";
    case FileRole::kAgents: return "agents";
    case FileRole::kVerbs: return "verbs";
    case FileRole::kVerbs2: return "verbs, PETRARCH-2";
    case FileRole::kDiscards: return "discards";
    case FileRole::kOptions: return "options";
    case FileRole::kIssues: return "issues";
    case FileRole::kUnknown: return "unknown";
  }
  return "unknown";
}

FileRole GuessRole(const std::string& path, const std::string& text) {
  std::string n = Lower(path.substr(path.find_last_of('/') + 1));
  auto has = [&](const char* s) { return n.find(s) != std::string::npos; };
  if (has("actor")) return FileRole::kActors;
  if (has("agent")) return FileRole::kAgents;
  if (has("discard")) return FileRole::kDiscards;
  if (has("option")) return FileRole::kOptions;
  if (has("issue") || has("ontology")) return FileRole::kIssues;
  if (has("verb") || has("cameo")) {
    // PETRARCH-2: patterns with (PREP NOUN) phrases and per-verb comments.
    bool v2 = has("2.0") || text.find("\n- * (") != std::string::npos;
    return v2 ? FileRole::kVerbs2 : FileRole::kVerbs;
  }
  return FileRole::kUnknown;
}

std::string CompatDict::OriginalCode(const std::string& dyad_code) const {
  auto it = carried.find(dyad_code);
  return it == carried.end() ? dyad_code : it->second;
}

std::string CompatDict::MapMessage(const std::string& msg) const {
  for (size_t i = 0; i < sources.size(); ++i) {
    const std::string& name = sources[i].name;
    if (msg.compare(0, name.size() + 1, name + ":") != 0) continue;
    size_t colon = msg.find(':', name.size() + 1);
    if (colon == std::string::npos) continue;
    int line = std::atoi(msg.c_str() + name.size() + 1);
    if (line >= 1 && static_cast<size_t>(line) <= origins[i].size()) {
      return origins[i][line - 1] + msg.substr(colon);
    }
  }
  return msg;
}

void TranslateTexts(DictFormat format, const std::vector<std::pair<std::string, std::string>>& files,
                    const TranslateOptions& opt, CompatDict* out) {
  Translator t(format, opt, out);
  t.Run(files);
}

Status TranslateFiles(DictFormat format, const std::vector<std::string>& files,
                      const TranslateOptions& opt, CompatDict* out) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::NotFound(f + ": cannot open file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    texts.emplace_back(f, std::move(text));
  }
  TranslateTexts(format, texts, opt, out);
  return Status::Ok();
}

std::vector<std::string> CompatLexicon::AllProblems() const {
  std::vector<std::string> all = dict.problems;
  all.insert(all.end(), stats.errors.begin(), stats.errors.end());
  return all;
}

Status LoadCompat(DictFormat format, const std::vector<std::string>& files, CompatLexicon* out,
                  const TranslateOptions* opt) {
  TranslateOptions o;
  if (opt) o = *opt;
  else o.expand_stems = format == DictFormat::kTabari;
  DYAD_RETURN_IF_ERROR(TranslateFiles(format, files, o, &out->dict));
  if (out->dict.sources.empty()) {
    return Status::NotFound("no dictionary lines could be translated from the files given");
  }
  auto lex = Lexicon::LoadSources(out->dict.sources, &out->stats);
  if (!lex.ok()) return lex.status();
  for (std::string& e : out->stats.errors) e = out->dict.MapMessage(e);
  out->lex = *lex;
  if (format == DictFormat::kTabari) {
    // Its reader skips the bad lines the translation above already reported.
    auto td = std::make_shared<tabari::Dictionary>();
    std::vector<std::string> ignored;
    if (tabari::LoadDictionary(files, td.get(), &ignored)) out->tabari = td;
  }
  return Status::Ok();
}

}  // namespace dyad::compat
