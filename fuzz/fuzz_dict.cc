// libFuzzer harness: the dyad dictionary loader (issue 17).
//
// The input is one .dict file, loaded with the built-in CAMEO tables. The
// load must succeed or fail with a status (never crash, hang or abort), and
// every problem it reports must name "fuzz.dict:LINE" or one of the tables.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "dyad/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;
  dyad::DictStats stats;
  dyad::DictSource src{"fuzz.dict", std::string(reinterpret_cast<const char*>(data), size)};
  auto lex = dyad::Lexicon::LoadSources({src}, &stats);
  for (const std::string& e : stats.errors) {
    if (e.rfind("fuzz.dict:", 0) != 0) {
      fprintf(stderr, "fuzz_dict: a problem does not name fuzz.dict:LINE: %s\n", e.c_str());
      abort();
    }
  }
  if (lex.ok()) {
    // A loaded lexicon answers look-ups of its own words.
    (void)(*lex)->Info("attack");
  }
  return 0;
}
