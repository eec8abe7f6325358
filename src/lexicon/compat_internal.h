// Internals of the foreign-dictionary translator shared by compat.cc (the
// driver, tables and event codes), compat_actors.cc (actors, agents and
// discards files) and compat_verbs.cc (verbs files: verbs, synsets and
// patterns). Not part of the library's interface.
#ifndef DYAD_LEXICON_COMPAT_INTERNAL_H_
#define DYAD_LEXICON_COMPAT_INTERNAL_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lexicon/compat.h"

namespace dyad::compat {

// ---- compat.cc ----

std::string Trim(std::string_view s);
std::string Lower(std::string s);
std::string Upper(std::string s);
bool StartsWith(std::string_view s, std::string_view p);
std::vector<std::string> SplitWs(std::string_view s);
std::vector<std::string> SplitOn(std::string_view s, char sep);
// Strips a trailing comment: '#' (PETRARCH) or ';' (TABARI).
std::string StripComment(const std::string& line, std::string* comment = nullptr);
// One phrase of a foreign file as dyad words (see compat.cc).
std::string PhraseWords(const std::string& raw, bool* exact = nullptr);

// Tables from data/cameo: event codes, role types, known countries.
struct Tables {
  std::set<std::string> event_codes;
  std::unordered_set<std::string> roles, countries, generic;
  Tables();
  std::set<std::string> verbs;  // sorted: stems are looked up as prefixes
};

const Tables& T();

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

// The translator: compat.cc runs it and translates event codes,
// compat_actors.cc the actors, agents and discards files, compat_verbs.cc the
// verbs files.
class Translator {
 public:
  Translator(DictFormat format, const TranslateOptions& opt, CompatDict* out)
      : format_(format), opt_(opt), out_(out) {}

  void Run(const std::vector<std::pair<std::string, std::string>>& files);

 private:
  void Problem(const std::string& msg) { out_->problems.push_back(msg); }
  static std::string Where(const std::string& name, int line);

  // ---- event codes ----------------------------------------------------

  void ScanCodes(const std::string& text);
  std::string EventCode(std::string code, const std::string& where);
  std::string OneEventCode(std::string code, const std::string& where);

  // ---- actors ---------------------------------------------------------

  struct Code {
    std::string code, from, to;  // dates "YYYY-MM-DD" or ""
    bool dated = false;
  };

  bool ParseCodeBlock(const std::string& inside, Code* c, std::string* err);
  static bool IsActorCode(const std::string& c);
  void ScanCountries(const std::string& text);
  struct ActorEntry {
    std::vector<std::string> phrases;  // dyad words
    std::vector<bool> exact;
    std::vector<Code> codes;
    std::string origin;
    bool discard = false;
    bool open = false;
  };

  void FlushActor(ActorEntry& a, Out* countries, Out* o);
  void EnsurePrefix(const std::vector<Code>& codes, Out* countries, const std::string& origin);
  void Actors(const std::string& name, const std::string& text, Out* countries, Out* o);
  void ParseCodes(const std::string& s, ActorEntry* a, const std::string& where);

  // ---- agents ---------------------------------------------------------

  void Agents(const std::string& name, const std::string& text, Out* o);

  // ---- discards -------------------------------------------------------

  void Discards(const std::string& name, const std::string& text, Out* o);

  // ---- verbs ----------------------------------------------------------

  struct VerbBlock {
    std::vector<std::pair<std::string, std::string>> verbs;  // lemma (with _particles), origin
    std::string code;                                         // block code (PETRARCH ---)
    std::vector<std::pair<std::string, std::string>> patterns;  // raw line, origin
  };

  static const std::unordered_set<std::string>& Preps();
  std::vector<std::string> SynsetWords(const std::string& raw);
  std::string SynsetWord(const std::string& raw);
  void FlushSynset(std::string& name, std::vector<std::string>& words, const std::string& origin,
                   Out* o);
  static std::string SynsetName(const std::string& raw);
  void Verbs(const std::string& name, const std::string& text, bool v2, Out* o);
  void Transform(const std::string& line, const std::string& where,
                 const std::unordered_map<std::string, std::string>& verb_codes, Out* o);
  static std::vector<std::string> SplitAlternatives(const std::string& line);
  void FlushBlock(const VerbBlock& block, bool v2, Out* o);
  std::string TranslatePattern(const std::string& line, bool v2, std::string* code,
                               std::string* pre, std::string* why, const std::string& where);

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

}  // namespace dyad::compat

#endif  // DYAD_LEXICON_COMPAT_INTERNAL_H_
