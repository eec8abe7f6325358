// libFuzzer harness: the dyad dictionary loader (issue 17).
//
// The input is one .dict file. It is written into a dictionary folder of
// the harness's own (made once, in LLVMFuzzerInitialize) and loaded from
// there with Lexicon::Load, the CLI's path, so that each input costs the
// loader's work on that file and little else (loading from memory with the
// built-in data, 30 minutes ran 391 inputs): the folder's cameo/ is a link
// to the built-in tables; its lexicon/wordnet-verbs.tsv holds WordNet's
// common verbs only (counted 5 times or more as verbs, with their irregular
// forms; the full table's 10,000 lemmas and their forms were most of a
// load); and it has no geo/, so no gazetteer is read (8.5 MB, which no
// .dict line touches). Includes resolve beside the file, as for a user's
// dictionary.
//
// The load must succeed or fail with a status (never crash, hang or abort),
// and every problem it reports must name "FILE:LINE: why" with LINE >= 1;
// when FILE is the input, LINE must be one of its lines.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "dyad/lexicon.h"

namespace fs = std::filesystem;

namespace {

fs::path& Folder() {
  static fs::path folder;
  return folder;
}

void Fail(const char* what, const std::string& detail) {
  fprintf(stderr, "fuzz_dict: %s: %s\n", what, detail.c_str());
  abort();
}

// "FILE:LINE: why": returns LINE (0 when the message has no such form) and
// sets *file.
long LineOf(const std::string& m, std::string* file) {
  // FILE is a path without ":DIGITS: " in it: the first such run ends it.
  for (size_t colon = m.find(':'); colon != std::string::npos; colon = m.find(':', colon + 1)) {
    size_t d = colon + 1, e = d;
    while (e < m.size() && m[e] >= '0' && m[e] <= '9') ++e;
    if (e > d && e + 1 < m.size() && m[e] == ':' && m[e + 1] == ' ') {
      *file = m.substr(0, colon);
      return e - d > 9 ? -1 : std::stol(m.substr(d, e - d));
    }
  }
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* tmp = getenv("TMPDIR");
  std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/fuzz_dict.XXXXXX";
  if (!mkdtemp(templ.data())) Fail("cannot make a folder", templ);
  const fs::path folder(templ);
  const fs::path data(DYAD_SOURCE_DATA_DIR);
  fs::create_directory(folder / "dict");
  fs::create_directory_symlink(data / "cameo", folder / "cameo");
  fs::create_directory(folder / "lexicon");
  {
    std::ifstream in(data / "lexicon" / "wordnet-verbs.tsv");
    std::ofstream out(folder / "lexicon" / "wordnet-verbs.tsv");
    std::string line;
    std::vector<std::string> irregular;
    std::set<std::string> kept;
    size_t rows = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      if (line.compare(tab + 1, 1, "=") == 0) {
        irregular.push_back(line);
      } else if (atoi(line.c_str() + tab + 1) >= 5) {
        out << line << '\n';
        kept.insert(line.substr(0, tab));
        ++rows;
      }
    }
    for (const std::string& l : irregular) {
      if (kept.count(l.substr(l.find('\t') + 2))) out << l << '\n';
    }
    if (rows < 100 || !out) Fail("cannot write the WordNet table", (folder / "lexicon").string());
  }
  Folder() = folder;
  // The folder goes when the run ends (libFuzzer exits through exit()).
  atexit([] {
    std::error_code ec;
    fs::remove_all(Folder(), ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const fs::path file = Folder() / "dict" / "fuzz.dict";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) Fail("cannot write", file.string());
  }
  long lines = 0;
  for (char c : text) lines += c == '\n';
  if (!text.empty() && text.back() != '\n') ++lines;

  dyad::DictStats stats;
  auto lex = dyad::Lexicon::Load(Folder().string(), &stats, 1);
  static const bool show = getenv("FUZZ_DICT_SHOW") != nullptr;  // to read a crash's input
  for (const std::string& e : stats.errors) {
    if (show) fprintf(stderr, "fuzz_dict: %s\n", e.c_str());
    std::string named;
    const long line = LineOf(e, &named);
    if (line < 1) Fail("a problem does not name FILE:LINE", e);
    if (named == file.string() && line > lines) Fail("a problem names a line past the end", e);
  }
  if (lex.ok()) {
    // A loaded lexicon answers look-ups of its own words.
    (void)(*lex)->Info("attack");
  }
  return 0;
}
