// dyad — political event coding from news text.
//
//   dyad code [--format jsonl|tsv] [--date D] [--dict DIR]... [--no-default-dict] [FILE...]
//   dyad tokenize [FILE...]
//   dyad check-dict [--dict DIR]... [DIR]
//   dyad eval GOLD.jsonl [--verbose]
//   dyad explain [--format text|json] [--text SENTENCE] [FILE...]
//   dyad unknown-actors [--format dict|tsv] [--all] [FILE...]
//   dyad serve [--db FILE] [--host H] [--port P] [--dict DIR]... [--threads N]
//
// Exit status: 0 all good, 1 some input was bad (reported on stderr, the
// rest processed), 2 usage error.
#include <iostream>
#include <map>

#include "cli/common.h"

int main(int argc, char** argv) {
  using namespace dyad::cli;
  CLI::App app{"dyad: codes news text into political events (CAMEO, PLOVER)", "dyad"};
  app.set_version_flag("--version", CoderVersion());
  app.require_subcommand(1);
  std::map<CLI::App*, RunFn> commands;
  auto add = [&](RunFn (*fn)(CLI::App&)) {
    size_t before = app.get_subcommands({}).size();
    RunFn run = fn(app);
    auto subs = app.get_subcommands({});
    commands[subs[before]] = run;
  };
  add(AddCodeCommand);
  add(AddTokenizeCommand);
  add(AddCheckDictCommand);
  add(AddEvalCommand);
  add(AddIngestCommand);
  add(AddTimelineCommand);
  add(AddAlertsCommand);
  add(AddExportCommand);
  add(AddReportCommand);
  add(AddValidateCommand);
  add(AddExplainCommand);
  add(AddServeCommand);
  add(AddUnknownActorsCommand);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  for (auto& [sub, run] : commands) {
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        std::cerr << "dyad: " << e.what() << "\n";
        return kExitUsage;
      }
    }
  }
  return kExitUsage;
}
