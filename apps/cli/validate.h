// Pieces of `dyad validate` shared by its two ways of coding a suite: dyad's
// Coder (PETRARCH XML, or a TABARI project under --semantics dyad|petrarch)
// and TABARI's own algorithm (a TABARI project under the TABARI semantics).
#ifndef DYAD_APPS_CLI_VALIDATE_H_
#define DYAD_APPS_CLI_VALIDATE_H_

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace dyad::cli {

using Triple = std::tuple<std::string, std::string, std::string>;  // source, target, code

// One scored record: what the suite expects and what was coded.
struct ValidateOutcome {
  std::string id, category;
  std::string text;
  std::set<Triple> want, got;
  std::string error;  // the expectation is an error kind ("discard"): no events
  // TABARI's validation: a record may also pass with no events when its
  // expectations carry a ---, ### or +++ marker beside the events; and the
  // events listed before a "-{...}" block are all that is checked (none: the
  // record is not checked).
  bool none_ok = false;
  bool partial = false;
  std::string trace;  // --trace: why
};

struct TabariRunOptions {
  std::vector<std::string> dict_dirs;  // where to look for the files the project names
  std::vector<std::string> dicts;      // files to use instead of the project's
  bool trace = false;
};

// Codes a TABARI validation project (.project) with TABARI's algorithm
// (src/code/tabari_coder) and its own dictionaries read as TABARI reads them:
// records "YYMMDD ID" (8-digit dates under SET: YYYY), their text up to a
// blank line, { S / T / C } expectations in the /* ... */ comment, and the
// OPTION: commands records carry, applied to the records that follow (such
// command records are coded but not scored). Stops at "This is the end of
// the standard validation records". False when the project cannot be read.
bool CodeTabariProject(const std::string& project, const TabariRunOptions& opt,
                       std::vector<ValidateOutcome>* out, std::vector<std::string>* files,
                       std::vector<std::string>* problems, std::vector<std::string>* errors);

}  // namespace dyad::cli

#endif  // DYAD_APPS_CLI_VALIDATE_H_
