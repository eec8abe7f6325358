#include "cli/common.h"

#include <cstdlib>
#include <iostream>

namespace dyad::cli {

std::string DataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) return env;
  return DYAD_SOURCE_DATA_DIR;
}

std::shared_ptr<const Lexicon> LoadLexiconOrComplain(const std::string& dir) {
  DictStats stats;
  auto lex = Lexicon::Load(dir, &stats);
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

}  // namespace dyad::cli
