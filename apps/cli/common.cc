#include "cli/common.h"

#include <cstdlib>
#include <iostream>

#include "dyad/story.h"

namespace dyad::cli {

std::string DataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) return env;
  return DYAD_SOURCE_DATA_DIR;
}

std::shared_ptr<const Lexicon> LoadLexiconOrComplain(const std::string& dir, int threads) {
  DictStats stats;
  auto lex = Lexicon::Load(dir, &stats, threads);
  if (!lex.ok()) {
    std::cerr << "dyad: " << lex.status().message() << "\n";
    return nullptr;
  }
  if (!stats.errors.empty()) {
    std::cerr << "dyad: " << stats.errors.size()
              << " bad dictionary lines were skipped (run: dyad check-dict " << dir << ")\n";
  }
  return *lex;
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
