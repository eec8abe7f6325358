// The translator's verbs files (TABARI and PETRARCH): verb blocks with
// their codes, synsets, and the verb patterns rewritten as dyad patterns.
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

const std::unordered_set<std::string>& Translator::Preps() {
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
std::vector<std::string> Translator::SynsetWords(const std::string& raw) {
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

std::string Translator::SynsetWord(const std::string& raw) {
  std::string p = PhraseWords(raw);
  if (p.empty() || p.find('&') != std::string::npos) return "";
  return p;  // a phrase member stays a phrase (dyad matches its words in a row)
}

void Translator::FlushSynset(std::string& name, std::vector<std::string>& words,
                             const std::string& origin, Out* o) {
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

std::string Translator::SynsetName(const std::string& raw) {
  std::string n = Lower(Trim(raw));
  while (!n.empty() && (n.back() == '_' || n.back() == ' ')) n.pop_back();
  return n;
}

void Translator::Verbs(const std::string& name, const std::string& text, bool v2, Out* o) {
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
void Translator::Transform(const std::string& line, const std::string& where,
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
std::vector<std::string> Translator::SplitAlternatives(const std::string& line) {
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

void Translator::FlushBlock(const VerbBlock& block, bool v2, Out* o) {
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
std::string Translator::TranslatePattern(const std::string& line, bool v2, std::string* code,
                                         std::string* pre, std::string* why,
                                         const std::string& where) {
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

}  // namespace dyad::compat
