// dyad check-dict: validate a dictionary folder and print what it holds.
#include <iostream>

#include "cli/common.h"

namespace dyad::cli {
namespace {

struct CheckArgs {
  std::string dir;
  bool notes = false;
};

int RunCheck(const CheckArgs& a) {
  std::string dir = DataDir(a.dir);
  DictStats stats;
  auto lex = Lexicon::Load(dir, &stats);
  if (!lex.ok()) {
    std::cerr << "dyad check-dict: " << lex.status().message() << "\n";
    return kExitBadInput;
  }
  for (const std::string& e : stats.errors) std::cerr << e << "\n";
  if (a.notes) {
    for (const std::string& n : stats.notes) std::cerr << "note: " << n << "\n";
  }
  std::cout << "dictionary " << (*lex)->fingerprint() << " from " << dir << "\n";
  std::cout << "files " << stats.files.size() << "\n";
  for (const auto& [kind, count] : stats.counts) std::cout << kind << " " << count << "\n";
  std::cout << "overrides " << stats.notes.size() << "\n";
  std::cout << "errors " << stats.errors.size() << "\n";
  return stats.errors.empty() ? kExitOk : kExitBadInput;
}

}  // namespace

RunFn AddCheckDictCommand(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check-dict",
      "Validate the dictionaries of DIR (default: the built-in data/): every bad line is printed "
      "as file:line: what is wrong; then counts by kind. Exit 1 if any line is bad.");
  cmd->add_option("dir", args->dir, "Dictionary folder");
  cmd->add_flag("--notes", args->notes, "Also list entries that replace earlier ones");
  return [args] { return RunCheck(*args); };
}

}  // namespace dyad::cli
