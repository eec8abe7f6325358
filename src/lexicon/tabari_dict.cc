// TABARI dictionaries read as TABARI reads them (see tabari_dict.h).
#include "lexicon/tabari_dict.h"
#include "lexicon/tabari_dict_internal.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dyad::tabari {
namespace {

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
