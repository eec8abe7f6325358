// dyad explain: the analysis behind each story's events, sentence by sentence.
#include <iostream>

#include "cli/common.h"
#include "dyad/coder.h"
#include "io/story_reader.h"

namespace dyad::cli {
namespace {

struct ExplainArgs {
  std::string format = "text";
  std::string date;
  std::vector<std::string> dict;
  bool no_default_dict = false;
  std::string semantics = "dyad";
  std::string text;
  std::string input_format = "auto";
  int indent = -1;
  std::vector<std::string> files;
};

int RunExplain(const ExplainArgs& a) {
  if (!a.date.empty() && !IsValidDate(a.date)) {
    std::cerr << "dyad explain: --date '" << a.date << "' is not YYYY-MM-DD\n";
    return kExitUsage;
  }
  CoderOptions opt;
  if (!ParseSemantics(a.semantics, &opt.semantics)) {
    std::cerr << "dyad explain: unknown --semantics '" << a.semantics << "' (dyad, tabari, petrarch)\n";
    return kExitUsage;
  }
  std::shared_ptr<const Lexicon> lex = LoadLexiconOrComplain(DictLayers(a.dict, a.no_default_dict));
  if (!lex) return kExitUsage;
  Coder coder(lex, opt);
  uint64_t errors = 0;
  std::vector<Event> events;
  auto explain = [&](Story&& s) {
    events.clear();
    if (a.format == "json") {
      std::cout << coder.ExplainJson(s, &events, a.indent) << "\n";
    } else {
      std::cout << coder.ExplainText(s, &events);
    }
  };
  auto on_error = [&](const std::string& msg) {
    std::cerr << msg << "\n";
    ++errors;
  };
  if (!a.text.empty()) {
    Story s;
    s.id = "text";
    s.date = a.date;
    s.text = a.text;
    explain(std::move(s));
    return kExitOk;
  }
  io::ReaderOptions ropt;
  ropt.default_date = a.date;
  ropt.format = ParseInputFormat(a.input_format);
  io::ReadCounts counts;
  std::vector<std::string> files = a.files;
  if (files.empty()) files.push_back("-");
  for (const std::string& f : files) io::ReadStories(f, ropt, explain, on_error, &counts);
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace

RunFn AddExplainCommand(CLI::App& app) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "Show why each story codes as it does: per sentence, the words and their tags, the noun "
      "phrases and the actors they resolved to (with the dictionary entry and the rule), each "
      "verb group's clause and whether its act is asserted, the patterns tried, and every "
      "event emitted or candidate dropped with its reason. Input as for `dyad code`, or one "
      "sentence with --text.");
  cmd->add_option("--format", args->format, "text (default) or json (one object per story and line)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--indent", args->indent, "With --format json: indent by N spaces (default: one line)");
  cmd->add_option("--date", args->date, "Date (YYYY-MM-DD) of plain-text stories and --text");
  AddInputFormatOption(cmd, &args->input_format);
  AddDictOptions(cmd, &args->dict, &args->no_default_dict);
  cmd->add_option("--semantics", args->semantics, "dyad (default), tabari or petrarch");
  cmd->add_option("--text", args->text, "Explain this text instead of reading stories");
  cmd->add_option("files", args->files, "Input files (default: stdin)");
  return [args] { return RunExplain(*args); };
}

}  // namespace dyad::cli
