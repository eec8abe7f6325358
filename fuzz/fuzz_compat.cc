// libFuzzer harness: the TABARI and PETRARCH dictionary translators (issue 17).
//
// The first byte picks the format (TABARI or PETRARCH) and the file's role
// (actors, agents, verbs, PETRARCH-2 verbs, discards, options, issues); the
// rest is the file. It is translated to dyad's format, and for TABARI also
// read as TABARI reads it for its own algorithm. Every problem must name the
// file and a line of it; every translated line must map back to a line of
// the input.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "lexicon/compat.h"
#include "lexicon/tabari_dict.h"

namespace {

void Check(bool ok, const std::string& what) {
  if (!ok) {
    fprintf(stderr, "fuzz_compat: %s\n", what.c_str());
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 16 * 1024) return 0;
  static const char* kNames[] = {"fuzz.actors.txt", "fuzz.agents.txt", "fuzz.verbs.txt",
                                 "fuzz.verbs.2.0.txt", "fuzz.discards.txt", "fuzz.options.txt",
                                 "fuzz.issues.txt"};
  const bool tabari = data[0] & 0x80;
  const std::string name = kNames[(data[0] & 0x7f) % 7];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  dyad::compat::CompatDict dict;
  dyad::compat::TranslateOptions opt;
  opt.expand_stems = tabari;
  dyad::compat::TranslateTexts(tabari ? dyad::compat::DictFormat::kTabari
                                      : dyad::compat::DictFormat::kPetrarch,
                               {{name, text}}, opt, &dict);
  for (const std::string& p : dict.problems) {
    Check(p.rfind(name + ":", 0) == 0, "a problem does not name the file: " + p);
  }
  Check(dict.sources.size() == dict.origins.size(), "sources and origins differ in number");
  for (size_t i = 0; i < dict.sources.size(); ++i) {
    size_t lines = 0;
    for (char c : dict.sources[i].text) lines += c == '\n';
    Check(dict.origins[i].size() >= lines, "a translated line has no origin");
    for (const std::string& o : dict.origins[i]) {
      Check(o.empty() || o.rfind(name + ":", 0) == 0, "an origin does not name the file: " + o);
    }
  }
  if (tabari) {
    dyad::tabari::Dictionary d;
    std::vector<std::string> problems;
    dyad::tabari::LoadDictionaryTexts({{name, text}}, &d, &problems);
    for (const std::string& p : problems) {
      Check(p.rfind(name + ":", 0) == 0, "a TABARI problem does not name the file: " + p);
    }
  }
  return 0;
}
