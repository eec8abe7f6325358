#include "cli/common.h"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "dyad/story.h"
#include "store/country_codes.h"

namespace dyad::cli {

std::vector<std::string> DictLayers(const std::vector<std::string>& dict_flags, bool no_default) {
  return Lexicon::Layers(dict_flags, no_default);
}

void AddDictOptions(CLI::App* cmd, std::vector<std::string>* dicts, bool* no_default) {
  cmd->add_option("--dict", *dicts,
                  "A dictionary folder to add after the built-in data/ (and $DYAD_DATA); "
                  "repeat it to add several, in order: for the same phrase, a later entry "
                  "overrides an earlier one")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-dict", *no_default,
                "Leave out the built-in dictionaries: load only $DYAD_DATA and --dict folders");
}

void AddInputFormatOption(CLI::App* cmd, std::string* format) {
  cmd->add_option("--input-format", *format,
                  "Input: auto (default: .jsonl/.ndjson JSON Lines, .xml PETRARCH XML, any other "
                  "file one plain-text story; stdin by its first character), jsonl, text or xml")
      ->check(CLI::IsMember({"auto", "jsonl", "text", "xml"}));
}

io::InputFormat ParseInputFormat(const std::string& name) {
  if (name == "jsonl") return io::InputFormat::kJsonl;
  if (name == "text") return io::InputFormat::kText;
  if (name == "xml") return io::InputFormat::kXml;
  return io::InputFormat::kAuto;
}

std::shared_ptr<const Lexicon> LoadLexiconOrComplain(const std::vector<std::string>& layers,
                                                     int threads) {
  if (layers.empty()) {
    std::cerr << "dyad: no dictionaries: --no-default-dict needs --dict DIR (or $DYAD_DATA)\n";
    return nullptr;
  }
  DictStats stats;
  auto lex = Lexicon::Load(layers, &stats, threads);
  if (!lex.ok()) {
    std::cerr << "dyad: " << lex.status().message() << "\n";
    return nullptr;
  }
  if (!stats.errors.empty()) {
    std::string dirs = layers[0] == Lexicon::DefaultDataDir() ? "" : " --no-default-dict";
    for (const std::string& d : layers) {
      if (d != Lexicon::DefaultDataDir()) dirs += " --dict " + d;
    }
    std::cerr << "dyad: " << stats.errors.size()
              << " bad dictionary lines were skipped (run: dyad check-dict" << dirs << ")\n";
  }
  return *lex;
}

std::optional<std::string> ResolveDyadEnd(const char* cmd, const std::string& arg,
                                          store::EventStore& store) {
  if (arg == "*") return arg;
  static const auto* codes = [] {
    auto cc = store::CountryCodes::Load(store::CountryCodes::DefaultPath());
    return cc.ok() ? new store::CountryCodes(std::move(cc).value()) : new store::CountryCodes();
  }();
  std::string norm = store::NormalizeDyadArg(arg);
  auto keys = store.DyadKeys();
  if (!keys.ok()) {
    std::cerr << "dyad " << cmd << ": " << keys.status().message() << "\n";
    return std::nullopt;
  }
  if (keys->count(norm)) return norm;
  if (std::string key = codes->KeyOf(arg); !key.empty()) return key;
  if (norm == "NATO" || norm == "EU" || norm == "UN" || norm == "AU") return norm;
  std::cerr << "dyad " << cmd << ": '" << arg
            << "' is no country or region code, country name or group (e.g. RUS, ROM, russia, "
               "NATO), nor a dyad end the store holds\n";
  return std::nullopt;
}

std::string CoderVersion() { return std::string("dyad ") + DYAD_VERSION; }

std::unique_ptr<store::EventStore> OpenStoreForQuery(const char* cmd, const std::string& db,
                                                     const std::string& from,
                                                     const std::string& to, int window) {
  for (const std::string* d : {&from, &to}) {
    if (!d->empty() && !IsValidDate(*d)) {
      std::cerr << "dyad " << cmd << ": '" << *d << "' is not a YYYY-MM-DD date\n";
      return nullptr;
    }
  }
  if (window < 1) {
    std::cerr << "dyad " << cmd << ": --dedup-window must be at least 1 day\n";
    return nullptr;
  }
  auto store = store::EventStore::Open(db, store::EventStore::Mode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "dyad " << cmd << ": " << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace dyad::cli
