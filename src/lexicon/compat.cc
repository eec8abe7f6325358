// Translators: TABARI / PETRARCH / Phoenix dictionary files -> dyad lines.
//
// Each translator reads one foreign file line by line and writes dyad lines
// into an Out buffer that remembers, for every dyad line, the foreign
// file:line it came from, so that loader messages can point at the file the
// user actually has.
#include "lexicon/compat.h"
#include "lexicon/compat_internal.h"
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
std::string StripComment(const std::string& line, std::string* comment) {
  size_t cut = line.find_first_of("#;");
  if (cut == std::string::npos) return line;
  if (comment) *comment = Trim(std::string_view(line).substr(cut + 1));
  return line.substr(0, cut);
}

// One phrase of a foreign file ("PRESIDENT_GEORGE_W._BUSH", "AL GORE") as
// dyad words: '_' and spaces both separate words; trailing '_' (exact-word
// marker) is dropped. `exact` tells whether the last word was marked exact.
std::string PhraseWords(const std::string& raw, bool* exact) {
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

// Tables from data/cameo: event codes, role types, known countries.
Tables::Tables() {
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

const Tables& T() {
  static const Tables t;
  return t;
}

void Translator::Run(const std::vector<std::pair<std::string, std::string>>& files) {
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

std::string Translator::Where(const std::string& name, int line) {
  return name + ":" + std::to_string(line);
}

// Every [CODE] written in a verb file, so carriers never collide with a
// code some pattern uses verbatim.
void Translator::ScanCodes(const std::string& text) {
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
std::string Translator::EventCode(std::string code, const std::string& where) {
  code = Trim(code);
  size_t colon = code.find(':');
  if (colon == std::string::npos) return OneEventCode(code, where);
  std::string first = OneEventCode(code.substr(0, colon), where);
  std::string second = OneEventCode(code.substr(colon + 1), where);
  if (first.empty() || second.empty()) return first;
  ++out_->counts["paired event codes"];
  return first + "/" + second;
}

std::string Translator::OneEventCode(std::string code, const std::string& where) {
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
