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
  std::vector<std::string> dicts;  // without --dict-format: folders added as layers
  bool no_default_dict = false;
};

// What makes a dictionary set able to code anything: words for acts, and
// names for actors. A set that lacks either codes no event at all.
std::vector<std::string> SetWarnings(const DictStats& stats) {
  auto total = [&](std::initializer_list<const char*> kinds) {
    int n = 0;
    for (const char* k : kinds) {
      auto it = stats.counts.find(k);
      if (it != stats.counts.end()) n += it->second;
    }
    return n;
  };
  std::vector<std::string> out;
  if (total({"verb", "pattern", "noun"}) == 0) {
    out.push_back("the dictionary set has no verbs (no verb, pattern or noun line): it codes "
                  "no event (drop --no-default-dict to add it to the defaults)");
  }
  if (total({"person", "org", "group", "capital", "country", "demonym", "agent"}) == 0) {
    out.push_back("the dictionary set has no actors (no person, org, group, capital, country, "
                  "demonym or agent line): it codes no event (drop --no-default-dict to add it "
                  "to the defaults)");
  }
  return out;
}

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
  std::vector<std::string> dirs = a.dicts;
  if (!a.dir.empty()) dirs.push_back(a.dir);
  std::vector<std::string> layers = DictLayers(dirs, a.no_default_dict);
  DictStats stats;
  auto lex = Lexicon::Load(layers, &stats);
  if (!lex.ok()) {
    std::cerr << "dyad check-dict: " << lex.status().message() << "\n";
    return kExitBadInput;
  }
  for (const std::string& e : stats.errors) std::cerr << e << "\n";
  for (const std::string& w : SetWarnings(stats)) stats.warnings.push_back(w);
  for (const std::string& w : stats.warnings) std::cerr << "warning: " << w << "\n";
  if (a.notes) {
    for (const std::string& n : stats.notes) std::cerr << "note: " << n << "\n";
  }
  std::cout << "dictionary " << (*lex)->fingerprint() << " from";
  for (const std::string& d : layers) std::cout << " " << d;
  std::cout << "\n";
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
      "Validate the dictionary set a command would load: the built-in data/, then $DYAD_DATA, "
      "then each --dict DIR and DIR, as layers (--no-default-dict: without data/). Every bad "
      "line is printed as file:line: what is wrong, and every line that loads but looks "
      "mistaken as a warning, as is a set with no verbs or no actors; then counts by kind. "
      "Exit 1 if any line is bad (warnings do not fail).");
  cmd->add_option("dir", args->dir, "A dictionary folder to add last (as a last --dict)");
  cmd->add_option("--dict-format", args->dict_format,
                  "tabari or petrarch: check foreign dictionary files (DIR and --dict FILES)");
  cmd->add_option("--dict", args->dicts,
                  "A dictionary folder to add (repeatable, in order); with --dict-format, "
                  "foreign dictionary files (--dict A,B or repeated)")
      ->allow_extra_args(false)
      ->delimiter(',');
  cmd->add_flag("--no-default-dict", args->no_default_dict,
                "Leave out the built-in dictionaries: check only $DYAD_DATA and the folders given");
  cmd->add_flag("--notes", args->notes, "Also list entries that replace earlier ones");
  return [args] { return RunCheck(*args); };
}

}  // namespace dyad::cli
