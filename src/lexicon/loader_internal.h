// Internals of the .dict loader shared by loader.cc (tables, files and
// layers), loader_lines.cc (one parser per kind of line) and loader_index.cc
// (the indexes built once everything is loaded). Not part of the library's
// interface.
#ifndef DYAD_LEXICON_LOADER_INTERNAL_H_
#define DYAD_LEXICON_LOADER_INTERNAL_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/gazetteer.h"
#include "dyad/lexicon.h"

namespace dyad {
namespace fs = std::filesystem;

// ---- loader.cc ----

std::string_view Trim(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
// The same string for every path of one file (symbolic links, "a/../b").
std::string FileKey(const fs::path& p);

// The builder: loader.cc reads the tables and files and walks the layers,
// loader_lines.cc parses each kind of line, loader_index.cc builds the
// indexes.
class LexiconBuilder {
 public:
  // A guess at how many words the .dict files add to WordNet's forms.
  static constexpr size_t kDictionaryWords = 40000;

  // With threads > 1, Finish() uses a second thread.
  explicit LexiconBuilder(DictStats* stats, int threads = 1) : stats_(stats), threads_(threads) {
    lex_ = std::make_shared<Lexicon>();
  }

  Status LoadTables(const fs::path& cameo_dir);
  Status LoadWordNet(const fs::path& p);
  void LoadFile(const fs::path& path, int depth);
  void LoadStream(std::istream& in, const fs::path& path, int depth);
  void SetGazetteer(std::shared_ptr<const Gazetteer> gz) { lex_->gazetteer_ = std::move(gz); }

  Result<std::shared_ptr<const Lexicon>> Finish();
  void BuildCodePieces();
  void OrderPhrases();
  void IndexVerbs();
  size_t entry_count() const { return lex_->entries_.size(); }

  Status LoadInLanes(const std::vector<fs::path>& files, const fs::path& cameo_dir);
  void BuildWordInfo();

 private:
  Status ReadTsv(const fs::path& p,
                 const std::function<std::string(const std::vector<std::string>&)>& fn,
                 bool header = true);
  void AddForm(const std::string& form, const std::string& lemma);
  std::string LoadLine(const std::string& raw, const fs::path& path, const std::string& origin,
                       int depth);
  std::string ParseCodes(EntryKind kind, const std::string& codes, std::vector<DatedCode>* out);
  void AddPhrase(const std::string& phrase, uint32_t entry, EntryKind kind);
  std::string CheckEventCode(const std::string& code);
  std::string SplitEventCodes(const std::string& codes, std::string* code, std::string* paired);
  std::string LoadVerb(const std::string& codes, std::string_view body,
                       const std::string& origin);
  std::string LoadNoun(const std::string& codes, std::string_view body, const std::string& origin);
  std::string LoadPattern(const std::string& codes, std::string_view body,
                          const std::string& origin);
  std::string LoadSynset(const std::string& name, std::string_view body);
  std::string LoadCompose(const std::string& result, std::string_view body,
                          const std::string& origin);
  std::string LoadIrregular(std::string_view body);

  // Which lines a builder loads: all of them, or (two builders side by side,
  // see LoadInLanes) the verb lines or all the others.
  enum class Lane { kAll, kActors, kVerbs };

  // The first word of a line ("" for a blank or comment line).
  static std::string_view LineKind(std::string_view line) {
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string_view::npos || line[b] == '#') return {};
    line.remove_prefix(b);
    return line.substr(0, line.find_first_of(" \t#"));
  }
  static bool IsVerbKind(std::string_view kind) {
    return kind == "verb" || kind == "pattern" || kind == "synset" || kind == "irregular" ||
           kind == "noun";
  }

  static void MergeMessages(std::vector<std::string>* to, std::vector<uint64_t>* to_at,
                            std::vector<std::string>& from, const std::vector<uint64_t>& from_at);

  // Messages, each with the number of the line it is about in the order all
  // lines are read, so that two lanes' messages merge into the one-lane order.
  void Error(std::string m) {
    stats_->errors.push_back(std::move(m));
    error_at_.push_back(line_seq_);
  }
  void Note(std::string m) {
    stats_->notes.push_back(std::move(m));
    note_at_.push_back(line_seq_);
  }

  DictStats* stats_;
  Lane lane_ = Lane::kAll;
  uint64_t line_seq_ = 0;
  std::vector<uint64_t> error_at_, note_at_, warning_at_;
  std::string warning_;  // about the line being loaded (LoadStream files it)
  int threads_ = 1;
  std::shared_ptr<Lexicon> lex_;
  std::unordered_map<std::string, uint32_t> seen_;  // phrase tokens + kind -> phrases_ index
  std::unordered_map<std::string, std::vector<std::string>> synsets_;
  std::unordered_map<std::string, std::vector<std::string>> irregular_;
  std::set<std::string> known_countries_, defined_countries_;
  std::set<std::string> loaded_;  // FileKey of every file loaded (for include)
  unsigned long long hash_ = 1469598103934665603ull;
};

}  // namespace dyad

#endif  // DYAD_LEXICON_LOADER_INTERNAL_H_
