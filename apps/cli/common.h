// Pieces the CLI commands share: finding and loading the dictionaries.
#ifndef DYAD_APPS_CLI_COMMON_H_
#define DYAD_APPS_CLI_COMMON_H_

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "dyad/lexicon.h"
#include "store/store.h"

namespace dyad::cli {

// Exit statuses of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// The most --threads a command accepts: each thread holds a coder and a few
// batches, and a mistyped 100000 would exhaust memory or thread limits.
inline constexpr int kMaxThreads = 256;

// --dict DIR if given, else $DYAD_DATA, else the data folder of the source
// tree this binary was built from.
std::string DataDir(const std::string& flag);

// Loads the dictionaries; on failure prints why and returns nullptr. Bad
// lines are summarised on stderr (details: dyad check-dict).
std::shared_ptr<const Lexicon> LoadLexiconOrComplain(const std::string& dir, int threads = 1);

std::string CoderVersion();

// What the commands that read a store check first: --from/--to are dates,
// --dedup-window is at least a day, and the store file exists and opens.
// On failure prints "dyad CMD: why" and returns nullptr (exit status 2).
std::unique_ptr<store::EventStore> OpenStoreForQuery(const char* cmd, const std::string& db,
                                                     const std::string& from,
                                                     const std::string& to, int window);

// Each command registers its subcommand and returns the function that runs it.
using RunFn = std::function<int()>;
RunFn AddCodeCommand(CLI::App& app);
RunFn AddTokenizeCommand(CLI::App& app);
RunFn AddCheckDictCommand(CLI::App& app);
RunFn AddEvalCommand(CLI::App& app);
RunFn AddIngestCommand(CLI::App& app);
RunFn AddTimelineCommand(CLI::App& app);
RunFn AddAlertsCommand(CLI::App& app);
RunFn AddExportCommand(CLI::App& app);
RunFn AddReportCommand(CLI::App& app);
RunFn AddValidateCommand(CLI::App& app);
RunFn AddExplainCommand(CLI::App& app);

}  // namespace dyad::cli

#endif  // DYAD_APPS_CLI_COMMON_H_
