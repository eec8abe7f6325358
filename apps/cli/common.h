// Pieces the CLI commands share: finding and loading the dictionaries.
#ifndef DYAD_APPS_CLI_COMMON_H_
#define DYAD_APPS_CLI_COMMON_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/lexicon.h"
#include "io/story_reader.h"
#include "store/store.h"

namespace dyad::cli {

// Exit statuses of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// The dictionary folders a command loads, as layers (Lexicon::Load(dirs)):
// the built-in data folder (of the source tree this binary was built from),
// then each folder of $DYAD_DATA (':'-separated), then each --dict DIR in
// the order given. With --no-default-dict the built-in folder is left out.
// Empty when there is nothing to load (--no-default-dict and no folder).
std::vector<std::string> DictLayers(const std::vector<std::string>& dict_flags, bool no_default);

// The most --threads a command accepts: each thread holds a coder and a few
// batches, and a mistyped 100000 would exhaust memory or thread limits.
inline constexpr int kMaxThreads = 256;

// Registers --dict DIR (repeatable) and --no-default-dict on `cmd`.
void AddDictOptions(CLI::App* cmd, std::vector<std::string>* dicts, bool* no_default);

// Loads the dictionary layers; on failure prints why and returns nullptr.
// Bad lines are summarised on stderr (details: dyad check-dict).
// Registers --input-format auto|jsonl|text|xml on a command that reads
// stories (auto: by file name, or by the first byte of standard input).
void AddInputFormatOption(CLI::App* cmd, std::string* format);
// The reader's format for a value --input-format accepted.
io::InputFormat ParseInputFormat(const std::string& name);

std::shared_ptr<const Lexicon> LoadLexiconOrComplain(const std::vector<std::string>& layers,
                                                     int threads = 1);

std::string CoderVersion();

// What the commands that read a store check first: --from/--to are dates,
// --dedup-window is at least a day, and the store file exists and opens.
// On failure prints "dyad CMD: why" and returns nullptr (exit status 2).
std::unique_ptr<store::EventStore> OpenStoreForQuery(const char* cmd, const std::string& db,
                                                     const std::string& from,
                                                     const std::string& to, int window);

// A SOURCE or TARGET argument of timeline, alerts or export, as the key
// the store holds: "*" (any end); a group (NATO, EU, UN, AU, or CAMEO's
// NAT, EEC, UNO, AFU); a country or region by its ISO or CAMEO code or its
// name, in any case ("RUS", "rom", "Romania", "united states": data/cameo/
// countries.tsv); or any other dyad end the store holds. nullopt, after
// printing "dyad CMD: 'X' is no …" on stderr, when it is none of these.
std::optional<std::string> ResolveDyadEnd(const char* cmd, const std::string& arg,
                                          store::EventStore& store);

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
RunFn AddServeCommand(CLI::App& app);
RunFn AddUnknownActorsCommand(CLI::App& app);

}  // namespace dyad::cli

#endif  // DYAD_APPS_CLI_COMMON_H_
