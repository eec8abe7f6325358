// compat.h — TABARI, PETRARCH and Phoenix dictionaries, translated to dyad's format.
//
// The public CAMEO dictionaries are loaded as they are: each file is
// translated into lines of dyad's own format (docs/DICTIONARY_FORMAT.md) and
// compiled by Lexicon::LoadSources. The engine never sees the foreign syntax.
//
//   compat::CompatLexicon cl;
//   Status st = compat::LoadCompat(compat::DictFormat::kPetrarch,
//                                  {"PETR.Validate.actors.txt", "PETR.Validate.verbs.txt"}, &cl);
//   Coder coder(cl.lex);
//   ... cl.dict.OriginalCode(event.code) gives the code the source file wrote.
//
// Translation never stops at a bad line: each line that cannot be expressed
// (or is one of the public files' known glitches) is reported in
// `problems` as "file:line: why" and skipped. What maps and what does not is
// documented in docs/COMPATIBILITY.md.
//
// Event codes outside dyad's CAMEO table (the validation suites use WEIS-era
// codes such as 903 or 1717) are carried by an unused CAMEO code of the same
// root where one exists (else of a root the coder treats neutrally); the
// `carried` map gives the original back for output and scoring.
#ifndef DYAD_LEXICON_COMPAT_H_
#define DYAD_LEXICON_COMPAT_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad::tabari {
class Dictionary;  // lexicon/tabari_dict.h
}

namespace dyad::compat {

enum class DictFormat { kTabari, kPetrarch };

// Parses "tabari" / "petrarch" (also "phoenix", a PETRARCH dialect).
bool ParseDictFormat(const std::string& name, DictFormat* out);

// What a source file holds, from its name (and for ambiguous names its text).
enum class FileRole { kActors, kAgents, kVerbs, kVerbs2, kDiscards, kOptions, kIssues, kUnknown };
FileRole GuessRole(const std::string& path, const std::string& text);
const char* FileRoleName(FileRole r);

// Translated dictionaries, ready for Lexicon::LoadSources.
struct CompatDict {
  std::vector<DictSource> sources;
  // For each source (same index), the "file:line" of the foreign line each
  // dyad line came from (index = dyad line - 1).
  std::vector<std::vector<std::string>> origins;
  std::vector<std::string> problems;           // "file:line: why", in file order
  std::map<std::string, std::string> carried;  // dyad carrier code -> original code
  std::map<std::string, int> counts;           // what was translated, by kind
  std::vector<std::string> files;              // inputs and the role each was read as

  // The code the foreign dictionary wrote for a dyad event code.
  std::string OriginalCode(const std::string& dyad_code) const;
  // Rewrites a loader message "source:LINE: why" to the foreign file:line.
  std::string MapMessage(const std::string& msg) const;
};

struct TranslateOptions {
  // TABARI matches an actor word not ending in '_' as a stem (ARGENTIN
  // matches Argentina, Argentine). dyad matches whole words, so stems are
  // expanded with common endings. On by default for TABARI only.
  bool expand_stems = false;
};

// Reads and translates `files`. Fails only when a file cannot be read; every
// bad line is in out->problems.
Status TranslateFiles(DictFormat format, const std::vector<std::string>& files,
                      const TranslateOptions& opt, CompatDict* out);

// Translates in-memory files (name, text): for tests.
void TranslateTexts(DictFormat format, const std::vector<std::pair<std::string, std::string>>& files,
                    const TranslateOptions& opt, CompatDict* out);

struct CompatLexicon {
  std::shared_ptr<const Lexicon> lex;
  CompatDict dict;
  // TABARI files also as TABARI reads them, for its own algorithm
  // (CoderOptions::tabari); null for PETRARCH files.
  std::shared_ptr<const tabari::Dictionary> tabari;
  DictStats stats;  // loader's view; errors already mapped to foreign file:line
  // Every problem of translation and loading, foreign file:line first.
  std::vector<std::string> AllProblems() const;
};

// Translates and loads. The loaded lexicon replaces dyad's defaults (it holds
// only what the files hold, plus the CAMEO tables).
Status LoadCompat(DictFormat format, const std::vector<std::string>& files, CompatLexicon* out,
                  const TranslateOptions* opt = nullptr);

}  // namespace dyad::compat

#endif  // DYAD_LEXICON_COMPAT_H_
