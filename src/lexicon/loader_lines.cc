// The .dict loader's line parsers: one per kind of line (actor, agent,
// verb, noun, pattern, synset, compose, irregular, ...), each turning the
// line's codes and phrases into entries of the lexicon being built.
//
// Phrases are tokenised with the same text stage as the news text, so a
// dictionary phrase and the words of a story always agree on where words
// begin and end ("U.S.", "al-Shabaab", "Côte d'Ivoire").
#include "lexicon/loader_internal.h"

#include <algorithm>
#include <cstdlib>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <istream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "dyad/gazetteer.h"
#include "dyad/lexicon.h"
#include "lexicon/word_map.h"
#include "text/strings.h"

namespace dyad {
namespace {


std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  for (size_t i = 0; i < s.size();) {
    if (blank(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !blank(s[j])) ++j;
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsUpperCode(std::string_view s) {
  if (s.empty() || s.size() % 3 != 0) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Event codes are 2-4 digits.
bool IsEventCodeShape(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ParseKind(std::string_view w, EntryKind* k) {
  static const std::pair<const char*, EntryKind> kKinds[] = {
      {"person", EntryKind::kPerson},   {"org", EntryKind::kOrg},
      {"group", EntryKind::kGroup},     {"capital", EntryKind::kCapital},
      {"country", EntryKind::kCountry}, {"demonym", EntryKind::kDemonym},
      {"agent", EntryKind::kAgent},     {"place", EntryKind::kPlace},
      {"discard", EntryKind::kDiscard}};
  for (const auto& [name, kind] : kKinds) {
    if (w == name) {
      *k = kind;
      return true;
    }
  }
  return false;
}

// Lower-cased tokens of a phrase, as the text stage would produce them.
std::vector<std::string> PhraseTokensSlow(const std::string& phrase) {
  thread_local Document doc;  // reused: one Document's buffers for every phrase
  AnalyzeText(phrase, &doc);
  std::vector<std::string> out;
  out.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) out.emplace_back(doc.Lower(t));
  return out;
}

// The same for the common phrase of ASCII letters and spaces, whose tokens
// are its words: nothing in such a phrase splits, joins or changes a word
// but case. (Checked against PhraseTokensSlow on every phrase of dyad's,
// TABARI's, PETRARCH's and Phoenix's dictionaries.)
std::vector<std::string> PhraseTokens(const std::string& phrase) {
  for (char c : phrase) {
    if (c != ' ' && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return PhraseTokensSlow(phrase);
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < phrase.size();) {
    if (phrase[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    std::string& w = out.emplace_back(phrase, i, j - i);
    for (char& c : w) c = static_cast<char>(c | 0x20);
    i = j;
  }
  return out;
}



std::string ToLowerAscii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

void LexiconBuilder::AddForm(const std::string& form, const std::string& lemma) {
  auto& v = lex_->verb_forms_[form];
  if (std::find(v.begin(), v.end(), lemma) == v.end()) v.push_back(lemma);
}

// Returns "" when the line is fine, else what is wrong with it.
std::string LexiconBuilder::LoadLine(const std::string& raw, const fs::path& path,
                                     const std::string& origin, int depth) {
  std::string_view line = raw;
  size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  line = Trim(line);
  if (line.empty()) return "";
  size_t sp = line.find_first_of(" \t");
  std::string kind(line.substr(0, sp));
  std::string_view rest = sp == std::string_view::npos ? "" : Trim(line.substr(sp));
  if (kind == "include") {
    if (rest.empty()) return "include needs a file name";
    if (depth > 8) return "includes nested too deeply";
    const fs::path target = path.parent_path() / std::string(rest);
    std::error_code ec;
    const fs::file_status st = fs::status(target, ec);
    // A device would read forever (/dev/zero), a FIFO block, a folder fail.
    if (fs::exists(st) && !fs::is_regular_file(st)) {
      return "include " + std::string(rest) + ": not a regular file; not loaded";
    }
    // Named at the include line (it was "missing.dict:0: cannot open file").
    if (!fs::exists(st)) return "include " + std::string(rest) + ": no such file; not loaded";
    if (!std::ifstream(target, std::ios::binary)) {
      return "include " + std::string(rest) + ": cannot be read; not loaded";
    }
    // Each file once: a file including itself, or one already loaded,
    // would multiply the load (ten self-includes nested eight deep are
    // 10^8 loads).
    if (fs::exists(st) && loaded_.count(FileKey(target))) {
      return "include " + std::string(rest) + ": already loaded; not loaded again";
    }
    LoadFile(target, depth + 1);
    return "";
  }
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return "missing ':' between codes and phrases";
  std::string codes(Trim(rest.substr(0, colon)));
  std::string_view body = Trim(rest.substr(colon + 1));
  if (body.empty()) return "no phrases after ':'";
  if (kind == "verb") return LoadVerb(codes, body, origin);
  if (kind == "noun") return LoadNoun(codes, body, origin);
  if (kind == "pattern") return LoadPattern(codes, body, origin);
  if (kind == "synset") return LoadSynset(codes, body);
  if (kind == "irregular") return LoadIrregular(body);
  if (kind == "compose") return LoadCompose(codes, body, origin);
  if (kind == "role") {
    // Declares a role type beyond data/cameo/actor_types.tsv (foreign dictionaries).
    if (codes.size() != 3 || !IsUpperCode(codes)) return "a role code is three letters";
    lex_->role_types_.insert(codes);
    ++stats_->counts["role"];
    return "";
  }
  EntryKind ek;
  if (!ParseKind(kind, &ek)) return "unknown kind '" + kind + "'";
  LexEntry e;
  e.kind = ek;
  e.origin = origin;
  std::string err = ParseCodes(ek, codes, &e.codes);
  if (!err.empty()) return err;
  std::vector<std::string> phrases = Split(body, '|');
  for (const std::string& p : phrases) {
    if (p.empty()) return "empty phrase between '|'";
  }
  e.name = phrases[0];
  uint32_t id = static_cast<uint32_t>(lex_->entries_.size());
  lex_->entries_.push_back(std::move(e));
  ++stats_->counts[kind];
  for (const std::string& p : phrases) {
    AddPhrase(p, id, ek);
    // Generated plurals for role nouns and demonyms ("soldier" -> "soldiers").
    if (ek == EntryKind::kAgent || ek == EntryKind::kDemonym) {
      std::vector<std::string> w = Words(p);
      if (!w.empty()) {
        w.back() = PluralOf(w.back());
        std::string pl;
        for (size_t i = 0; i < w.size(); ++i) pl += (i ? " " : "") + w[i];
        AddPhrase(pl, id, ek);
      }
    }
  }
  return "";
}

std::string LexiconBuilder::ParseCodes(EntryKind kind, const std::string& codes,
                                       std::vector<DatedCode>* out) {
  if (kind == EntryKind::kDiscard) {
    if (!codes.empty()) return "discard takes no code";
    return "";
  }
  if (codes.empty()) return "missing code";
  for (const std::string& c : Split(codes, ',')) {
    DatedCode dc;
    size_t at = c.find('@');
    dc.code = c.substr(0, at);
    if (at != std::string::npos) {
      if (kind != EntryKind::kPerson) return "only person codes take dates";
      std::string range = c.substr(at + 1);
      size_t dots = range.find("..");
      if (dots == std::string::npos) return "date range '" + range + "' needs FROM..TO";
      std::string from = range.substr(0, dots), to = range.substr(dots + 2);
      dc.dated = true;
      if (!from.empty() && !(dc.from = DateToInt(from))) return "bad date '" + from + "'";
      if (!to.empty() && !(dc.to = DateToInt(to))) return "bad date '" + to + "'";
      if (dc.from && dc.to && dc.from > dc.to) return "date range ends before it starts";
    }
    if (kind == EntryKind::kAgent) {
      if (dc.code != "-") {
        // "NGO~": a prefix written before the country ("MSF Arnor": NGOARN).
        std::string pieces = dc.code;
        if (!pieces.empty() && pieces.back() == '~') pieces.pop_back();
        if (!IsUpperCode(pieces)) return "bad role code '" + dc.code + "'";
        for (size_t i = 0; i < pieces.size(); i += 3) {
          if (!lex_->role_types_.count(pieces.substr(i, 3))) {
            return "unknown role type '" + pieces.substr(i, 3) + "'";
          }
        }
      }
    } else {
      if (!IsUpperCode(dc.code)) return "bad actor code '" + dc.code + "'";
      std::string first = dc.code.substr(0, 3);
      if (kind == EntryKind::kCountry || kind == EntryKind::kDemonym ||
          kind == EntryKind::kCapital || kind == EntryKind::kPlace) {
        defined_countries_.insert(first);
      } else if (!lex_->generic_prefixes_.count(first) && !known_countries_.count(first) &&
                 !defined_countries_.count(first)) {
        return "unknown country or prefix '" + first + "' in '" + dc.code + "'";
      }
    }
    out->push_back(dc);
  }
  return "";
}

void LexiconBuilder::AddPhrase(const std::string& phrase, uint32_t entry, EntryKind kind) {
  std::vector<std::string> words = PhraseTokens(phrase);
  if (!words.empty() && words[0] == "the" && words.size() > 1) words.erase(words.begin());
  if (words.empty()) return;
  std::string key;
  for (const auto& w : words) {
    key += w;
    key += ' ';
  }
  key += static_cast<char>('0' + static_cast<int>(kind));  // after the last ' '
  auto [it, fresh] = seen_.emplace(std::move(key), 0);
  if (!fresh) {
    // Same phrase and kind: the later line replaces the earlier one.
    uint32_t pid = it->second;
    const LexEntry& old = lex_->entries_[lex_->phrases_[pid].entry];
    const LexEntry& neu = lex_->entries_[entry];
    if (old.codes.empty() || neu.codes.empty() || old.codes[0].code != neu.codes[0].code) {
      Note(neu.origin + ": '" + phrase + "' replaces " + old.origin);
    }
    lex_->phrases_[pid].entry = entry;
    return;
  }
  uint32_t pid = static_cast<uint32_t>(lex_->phrases_.size());
  it->second = pid;
  lex_->by_first_word_[words[0]].push_back(pid);
  lex_->phrases_.push_back({std::move(words), entry});
}

std::string LexiconBuilder::CheckEventCode(const std::string& code) {
  if (!IsEventCodeShape(code)) return "bad event code '" + code + "'";
  if (!lex_->event_codes_.count(code)) return "unknown CAMEO event code '" + code + "'";
  return "";
}

// "032" or the paired "032/033" (the second: the target's event toward the source).
std::string LexiconBuilder::SplitEventCodes(const std::string& codes, std::string* code,
                                            std::string* paired) {
  size_t slash = codes.find('/');
  *code = codes.substr(0, slash);
  paired->clear();
  std::string err = CheckEventCode(*code);
  if (err.empty() && slash != std::string::npos) {
    *paired = codes.substr(slash + 1);
    err = CheckEventCode(*paired);
  }
  return err;
}

std::string LexiconBuilder::LoadVerb(const std::string& codes, std::string_view body,
                                     const std::string& origin) {
  std::string code, paired;
  std::string err = SplitEventCodes(codes, &code, &paired);
  if (!err.empty()) return err;
  for (const std::string& lemma_raw : Split(body, '|')) {
    std::string lemma = ToLowerAscii(lemma_raw);
    if (lemma.empty() || lemma.find(' ') != std::string::npos) {
      return "verb lemma '" + lemma_raw + "' must be one word (use a pattern for phrases)";
    }
    if (lemma.find('_') != std::string::npos) {
      err = LoadPattern(codes, lemma, origin);  // phrasal verb: a pattern with a particle
      if (!err.empty()) return err;
      continue;
    }
    VerbEntry& v = lex_->verbs_[lemma];
    v.lemma = lemma;
    if (!v.code.empty() && v.code != code) {
      Note(origin + ": verb '" + lemma + "' " + code + " replaces " + v.code + " of " +
           v.code_origin);
    }
    v.code = code;
    v.paired_code = paired;
    v.code_origin = origin;
    ++stats_->counts["verb"];
  }
  return "";
}

// "noun 195 : air strike | airstrike": event nouns, keyed by their last
// word in the singular and the plural ("talks", "sanctions": a last word
// ending in s is taken as written).
std::string LexiconBuilder::LoadNoun(const std::string& codes, std::string_view body,
                                     const std::string& origin) {
  std::string err = CheckEventCode(codes);
  if (!err.empty()) return err;
  for (const std::string& raw : Split(body, '|')) {
    std::vector<std::string> words = PhraseTokens(ToLowerAscii(raw));
    if (words.empty()) return "empty noun phrase between '|'";
    std::string head = words.back();
    words.pop_back();
    EventNoun::Variant variant{words, codes, origin};
    std::vector<std::string> forms = {head};
    if (head.back() != 's') forms.push_back(PluralOf(head));
    for (const std::string& f : forms) {
      auto& variants = lex_->nouns_[f].variants;
      auto same = std::find_if(variants.begin(), variants.end(),
                               [&](const EventNoun::Variant& x) { return x.before == words; });
      if (same != variants.end()) {
        if (same->code != codes) Note(origin + ": noun '" + raw + "' replaces " + same->origin);
        *same = variant;
      } else {
        variants.push_back(variant);
      }
    }
    ++stats_->counts["noun"];
  }
  return "";
}

std::string LexiconBuilder::LoadPattern(const std::string& codes, std::string_view body,
                                        const std::string& origin) {
  VerbPattern p;
  std::string err = SplitEventCodes(codes, &p.code, &p.paired_code);
  if (!err.empty()) return err;
  std::vector<std::string> chunks = Words(body);
  if (chunks.empty()) return "empty pattern";
  p.text = std::string(body);
  p.origin = origin;
  // The words in order, each with "joined by '_' to the one before". The
  // verb is the first word, or the one in brackets when words precede it
  // ("not [allow]", "recently_[allow]").
  std::vector<std::pair<std::string, bool>> parts;
  int verb_at = -1;
  for (const std::string& chunk : chunks) {
    std::vector<std::string> cp = Split(chunk, '_');
    for (size_t i = 1; i + 1 < cp.size(); ++i) {
      if (cp[i].find('|') == std::string::npos) continue;
      // "press_conference|briefing|news_conference" reads as "press",
      // then one of conference/briefing/news, then "conference": almost
      // always a list of phrases meant as alternatives.
      warning_ = "'" + chunk + "' reads as " + cp[i - 1] + " then one of " + cp[i] + " then " +
                 cp[i + 1] + " ('_' binds before '|'); write one pattern per phrase";
      break;
    }
    for (size_t i = 0; i < cp.size(); ++i) {
      std::string part = cp[i];
      if (!part.empty() && part[0] == '[') {
        if (verb_at >= 0) return "two verbs in brackets";
        verb_at = static_cast<int>(parts.size());
        part = part.substr(1);
      }
      if (!part.empty() && part.back() == ']') part.pop_back();
      if (part.empty()) return "empty element in '" + chunk + "'";
      parts.push_back({part, i > 0});
    }
  }
  if (verb_at < 0) verb_at = 0;
  std::string lemma = ToLowerAscii(parts[verb_at].first);
  if (lemma == "+" || lemma[0] == '&' || lemma.find('|') != std::string::npos) {
    return verb_at == 0 ? "a pattern starts with the verb lemma"
                        : "the word in brackets must be the verb lemma";
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (static_cast<int>(i) == verb_at) continue;
    const std::string& part = parts[i].first;
    PatternElement el;
    bool pre = static_cast<int>(i) < verb_at;
    el.adjacent = pre ? parts[i + 1].second : parts[i].second;
    if (part == "+" && pre) {
      p.subject_is_target = true;
      continue;
    }
    if (part == "%" && pre) {
      p.compound_subject = true;
      continue;
    }
    if (part == "^") {
      if (pre) return "'^' (skip a noun phrase) before the verb";
      el.skip_phrase = true;
    } else if (part.back() == '+' || part.back() == '$') {
      if (pre) return "a target or source slot '" + part + "' before the verb";
      el.target = true;  // matched as an actor slot
      el.source = part.back() == '$';
      el.prep = ToLowerAscii(part.substr(0, part.size() - 1));
    } else if (part[0] == '&') {
      auto it = synsets_.find(part);
      if (it == synsets_.end()) return "unknown synset '" + part + "' (define it first)";
      el.synset = true;
      for (const std::string& m : it->second) {
        if (m.find(' ') == std::string::npos) {
          el.words.push_back(m);
        } else {
          el.phrases.push_back(Words(m));
        }
      }
    } else {
      for (const std::string& alt : Split(part, '|')) {
        if (alt.empty()) return "empty alternative in '" + part + "'";
        std::string w = ToLowerAscii(alt);
        if (w.size() > 1 && w.back() == '*') {
          el.prefixes.push_back(w.substr(0, w.size() - 1));
          continue;
        }
        if (w.size() > 1 && w.back() == '=') {  // this form only, no plural
          el.words.push_back(w.substr(0, w.size() - 1));
          continue;
        }
        el.words.push_back(w);
        el.words.push_back(PluralOf(w));
      }
    }
    (pre ? p.before : p.elements).push_back(std::move(el));
  }
  VerbEntry& v = lex_->verbs_[lemma];
  v.lemma = lemma;
  v.patterns.push_back(std::move(p));
  ++stats_->counts["pattern"];
  return "";
}

std::string LexiconBuilder::LoadSynset(const std::string& name, std::string_view body) {
  if (name.size() < 2 || name[0] != '&') return "synset name must start with '&'";
  std::vector<std::string>& words = synsets_[name];
  for (const std::string& w : Split(body, '|')) {
    if (w.empty()) return "empty synset word";
    // A member of several tokens ("golden goblin galleons", "didn't") is a
    // phrase: its words must stand in a row; the last may be plural.
    std::vector<std::string> toks = PhraseTokens(w);
    if (toks.empty()) return "empty synset word";
    std::string phrase;
    for (const std::string& t : toks) phrase += (phrase.empty() ? "" : " ") + t;
    words.push_back(phrase);
    toks.back() = PluralOf(toks.back());
    std::string plural;
    for (const std::string& t : toks) plural += (plural.empty() ? "" : " ") + t;
    if (plural != phrase) words.push_back(plural);
  }
  ++stats_->counts["synset"];
  return "";
}

// compose RESULT : OUTER (S T INNER)
std::string LexiconBuilder::LoadCompose(const std::string& result, std::string_view body,
                                        const std::string& origin) {
  std::string b(body);
  for (char& ch : b) {
    if (ch == '(' || ch == ')') ch = ' ';
  }
  std::vector<std::string> w = Words(b);
  if (w.size() != 4) return "compose needs: RESULT : OUTER (SOURCE TARGET INNER)";
  ComposeRule r;
  r.result = result;
  r.outer = w[0];
  r.inner = w[3];
  if (w[1] != "a" && w[1] != "b" && w[1] != "_") return "a compose source is a, b or _";
  if (w[2] != "b" && w[2] != ".") return "a compose target is b or .";
  r.source = w[1][0];
  r.target = w[2][0];
  for (const std::string* c : {&r.result, &r.outer, &r.inner}) {
    if (*c == "*" && c != &r.outer) continue;
    std::string err = CheckEventCode(*c);
    if (!err.empty()) return err;
  }
  r.origin = origin;
  lex_->compose_rules_.push_back(std::move(r));
  ++stats_->counts["compose"];
  return "";
}

std::string LexiconBuilder::LoadIrregular(std::string_view body) {
  std::vector<std::string> w = Words(body);
  if (w.size() < 2) return "irregular needs: lemma past [participle]";
  for (auto& x : w) x = ToLowerAscii(x);
  auto& forms = irregular_[w[0]];
  for (size_t i = 1; i < w.size(); ++i) forms.push_back(w[i]);
  ++stats_->counts["irregular"];
  return "";
}
}  // namespace dyad
