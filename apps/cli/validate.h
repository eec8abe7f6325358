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
  // Why the record cannot pass whatever the coder gives ("no <Text>"), or "".
  std::string problem;
  // The record has no expectation at all (no <EventCoding>, no {…}):
  // reported on stderr, neither passed nor failed.
  bool unchecked = false;
};

// Where a suite's dictionary or text file `name` is: as given when absolute,
// beside the suite (`base`), or in one of `dirs`; "" when nowhere.
std::string FindSuiteFile(const std::string& name, const std::string& base,
                          const std::vector<std::string>& dirs);

// A TABARI validation project, read as TABARI's validation mode reads it;
// both ways of coding a project (TABARI's algorithm, dyad's Coder) use it.
struct TabariProject {
  std::vector<std::string> dicts;  // the <actorsfile>, <verbsfile>, ... found
  std::string text_file;           // the <textfile>
  std::vector<std::string> lines;  // its lines
};
// False (with the reasons in `errors`) when the project or its text cannot be read.
bool ReadTabariProject(const std::string& project, const std::vector<std::string>& dict_dirs,
                       TabariProject* p, std::vector<std::string>* errors);

// One record: a line that begins with a digit holds the date (YYMMDD, or
// YYYYMMDD under SET: YYYY) and the id; the text runs to the next empty line.
struct TabariRecord {
  std::string origin;     // text file:line of the first line
  std::string date_text;  // as written
  int date = 0;           // yyyymmdd; 0 when the date is bad
  std::string id_field;   // the first line after the date
  std::string id;         // id_field trimmed
  std::string category;   // the id's prefix ("DEMO" of "DEMO-02")
  std::string text;       // the record's lines joined, its /* comment */ included
  std::string sentence;   // the text before the comment
};
// Reads the record at or after line *i into `r` and moves *i past it; false
// at the end of the text or at "This is the end of the standard validation
// records".
bool NextTabariRecord(const TabariProject& p, bool yyyy, size_t* i, TabariRecord* r);

// A record's expectations and OPTION: commands: from the first '{' after
// "/*" to the end of the record (blocks after the closing "*/" count too).
struct TabariExpectation {
  bool has = false;       // any { } block
  bool noevents = false;  // {}, {---} or {+++}
  bool partial = false;   // a -{...} block: what follows it is not checked
  std::string error;      // "discard" for {###}
  std::vector<Triple> events;
  std::vector<std::string> options;  // OPTION: commands (a command record)
  std::vector<std::string> bad;      // blocks that are not { S / T / C }
};
TabariExpectation ReadTabariExpectation(const std::string& record_text);

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
