// dyad check-dict: validate a dictionary folder and print what it holds.
#include <iostream>

#include "cli/common.h"
#include "lexicon/compat.h"

namespace dyad::cli {
namespace {

struct CheckArgs {
  std::string dir;
  bool notes = false;
  std::string dict_format;          // tabari | petrarch: check foreign files instead
  std::vector<std::string> dicts;
};

// Foreign dictionaries: every line translation or loading skipped, as file:line.
int RunCheckCompat(const CheckArgs& a) {
  compat::DictFormat df;
  if (!compat::ParseDictFormat(a.dict_format, &df)) {
    std::cerr << "dyad check-dict: unknown --dict-format '" << a.dict_format << "'\n";
    return kExitUsage;
  }
  std::vector<std::string> files = a.dicts;
  if (!a.dir.empty()) files.push_back(a.dir);
  compat::CompatLexicon cl;
  Status st = compat::LoadCompat(df, files, &cl);
  if (!st.ok()) {
    std::cerr << "dyad check-dict: " << st.message() << "\n";
    return kExitBadInput;
  }
  for (const std::string& e : cl.AllProblems()) std::cerr << e << "\n";
  for (const std::string& f : cl.dict.files) std::cout << "file " << f << "\n";
  for (const auto& [what, n] : cl.dict.counts) std::cout << what << " " << n << "\n";
  for (const auto& [kind, n] : cl.stats.counts) std::cout << "loaded " << kind << " " << n << "\n";
  std::cout << "errors " << cl.AllProblems().size() << "\n";
  return cl.AllProblems().empty() ? kExitOk : kExitBadInput;
}

int RunCheck(const CheckArgs& a) {
  if (!a.dict_format.empty()) return RunCheckCompat(a);
  std::string dir = DataDir(a.dir);
  DictStats stats;
  auto lex = Lexicon::Load(dir, &stats);
  if (!lex.ok()) {
    std::cerr << "dyad check-dict: " << lex.status().message() << "\n";
    return kExitBadInput;
  }
  for (const std::string& e : stats.errors) std::cerr << e << "\n";
  for (const std::string& w : stats.warnings) std::cerr << "warning: " << w << "\n";
  if (a.notes) {
    for (const std::string& n : stats.notes) std::cerr << "note: " << n << "\n";
  }
  std::cout << "dictionary " << (*lex)->fingerprint() << " from " << dir << "\n";
  std::cout << "files " << stats.files.size() << "\n";
  for (const auto& [kind, count] : stats.counts) std::cout << kind << " " << count << "\n";
  std::cout << "overrides " << stats.notes.size() << "\n";
  std::cout << "warnings " << stats.warnings.size() << "\n";
  std::cout << "errors " << stats.errors.size() << "\n";
  return stats.errors.empty() ? kExitOk : kExitBadInput;
}

}  // namespace

RunFn AddCheckDictCommand(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check-dict",
      "Validate the dictionaries of DIR (default: the built-in data/): every bad line is printed "
      "as file:line: what is wrong, and every line that loads but looks mistaken as a warning; "
      "then counts by kind. Exit 1 if any line is bad (warnings do not fail).");
  cmd->add_option("dir", args->dir, "Dictionary folder");
  cmd->add_option("--dict-format", args->dict_format,
                  "tabari or petrarch: check foreign dictionary files (DIR and --dict FILES)");
  cmd->add_option("--dict", args->dicts, "Foreign dictionary files (--dict A,B or repeated)")
      ->allow_extra_args(false)
      ->delimiter(',');
  cmd->add_flag("--notes", args->notes, "Also list entries that replace earlier ones");
  return [args] { return RunCheck(*args); };
}

}  // namespace dyad::cli
