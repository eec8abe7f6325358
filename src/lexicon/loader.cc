// Loads .dict files and the CAMEO tables into a Lexicon.
//
// Phrases are tokenised with the same text stage as the news text, so a
// dictionary phrase and the words of a story always agree on where words
// begin and end ("U.S.", "al-Shabaab", "Côte d'Ivoire").
#include "lexicon/loader_internal.h"

#include <algorithm>
#include <cstdlib>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <istream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "dyad/gazetteer.h"
#include "dyad/lexicon.h"
#include "lexicon/word_map.h"
#include "text/strings.h"

namespace dyad {

std::string_view Trim(std::string_view s) { return text::TrimSpace(s); }

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  out.reserve(static_cast<size_t>(std::count(s.begin(), s.end(), sep)) + 1);
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

// The same string for every path of one file (symbolic links, "a/../b").
std::string FileKey(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::canonical(p, ec);
  return ec ? p.lexically_normal().string() : c.string();
}

namespace {

// The whole of `s` as a number (no sign of junk around it).
template <typename T>
bool ParseNumber(const std::string& s, T* out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end;
}

}  // namespace

Status LexiconBuilder::LoadTables(const fs::path& cameo_dir) {
  DYAD_RETURN_IF_ERROR(ReadTsv(cameo_dir / "event_codes.tsv", [&](const std::vector<std::string>& f) {
    if (f.size() < 7) return std::string();
    EventCodeInfo info;
    info.code = f[0];
    info.root = f[1];
    if (!f[2].empty()) {
      double g;
      if (!ParseNumber(f[2], &g)) return "goldstein '" + f[2] + "' is not a number";
      info.goldstein = g;
    }
    if (!ParseNumber(f[3], &info.quad_class)) return "quad_class '" + f[3] + "' is not a number";
    info.plover = f[4];
    info.plover_mode = f[5];
    info.label = f[6];
    lex_->event_codes_[info.code] = info;
    return std::string();
  }));
  DYAD_RETURN_IF_ERROR(ReadTsv(cameo_dir / "actor_types.tsv", [&](const std::vector<std::string>& f) {
    if (f.size() < 2) return std::string();
    const std::string& kind = f[1];
    if (kind == "known_group" || kind == "organization") lex_->group_codes_.insert(f[0]);
    if (kind.rfind("role_", 0) == 0 || kind == "party_modifier" || kind == "organization" ||
        kind == "international_generic") {
      if (kind != "organization") lex_->role_types_.insert(f[0]);
    }
    if (kind == "international_generic") lex_->generic_prefixes_.insert(f[0]);
    return std::string();
  }));
  // Religion codes and a few more pieces dictionaries use as roles.
  for (const char* r : {"REL", "PPL", "PKO"}) lex_->role_types_.insert(r);
  lex_->generic_prefixes_.insert("PKO");
  DYAD_RETURN_IF_ERROR(ReadTsv(cameo_dir / "countries.tsv", [&](const std::vector<std::string>& f) {
    if (f.size() < 4) return std::string();
    known_countries_.insert(f[0]);
    if (!f[2].empty()) known_countries_.insert(f[2]);
    lex_->country_names_.emplace(f[0], f[3]);
    if (!f[2].empty()) lex_->country_names_.emplace(f[2], f[3]);
    return std::string();
  }));
  return Status::Ok();
}

// data/lexicon/wordnet-verbs.tsv (generated from Debian's wordnet-base),
// then one word_info_ entry per form of its verbs, with the WordNet verb
// each inflects. Reads and writes nothing the .dict files touch, so it can
// run on a second thread while they load; BuildWordInfo() adds the
// dictionaries' words afterwards.
Status LexiconBuilder::LoadWordNet(const fs::path& p) {
  DYAD_RETURN_IF_ERROR(ReadTsv(p, [&](const std::vector<std::string>& f) {
    if (f.size() == 2 && !f[1].empty() && f[1][0] == '=') {
      lex_->wordnet_exc_[f[0]] = f[1].substr(1);
    } else if (f.size() >= 3) {
      int verb, noun;
      if (!ParseNumber(f[1], &verb)) return "verb count '" + f[1] + "' is not a number";
      if (!ParseNumber(f[2], &noun)) return "noun count '" + f[2] + "' is not a number";
      lex_->wordnet_[f[0]] = {verb, noun};
    }
    return std::string();
  }, /*header=*/false));
  Lexicon& L = *lex_;
  auto& W = L.word_info_;
  // Room for the dictionaries' words too, so that adding them rehashes nothing.
  W.reserve(L.wordnet_exc_.size() + 5 * L.wordnet_.size() + kDictionaryWords);
  auto add = [&](std::string&& form) {
    auto [it, fresh] = W.try_emplace(std::move(form));
    if (fresh) {
      WordInfo& info = it->second;
      L.WordNetVerb(it->first, &info.wordnet_lemma, &info.verb_count, &info.noun_count);
      info.form_is_lemma = it->first == info.wordnet_lemma;  // while both are at hand
    }
  };
  for (const auto& [w, lemma] : L.wordnet_exc_) add(std::string(w));
  for (const auto& [lemma, counts] : L.wordnet_) {
    if (counts.first < 0) continue;
    add(std::string(lemma));
    for (std::string& f : RegularVerbForms(lemma)) add(std::move(f));
  }
  return Status::Ok();
}

void LexiconBuilder::LoadFile(const fs::path& path, int depth) {
  loaded_.insert(FileKey(path));
  std::ifstream in(path, std::ios::binary);
  std::string fname = path.string();
  if (!in) {
    if (lane_ != Lane::kVerbs) Error(fname + ":0: cannot open file");
    return;
  }
  LoadStream(in, path, depth);
}

// Lines of dyad's format from any stream; `path` names it in messages
// and anchors its includes.
void LexiconBuilder::LoadStream(std::istream& in, const fs::path& path, int depth) {
  std::string fname = path.string();
  if (lane_ != Lane::kVerbs) stats_->files.push_back(fname);
  // Messages name the file as given; events carry only the file name,
  // so that output does not depend on where the dictionaries sit.
  const std::string origin_prefix = path.filename().string() + ":";
  std::string line, origin;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    ++line_seq_;
    if (lane_ != Lane::kVerbs) hash_ = hash_ * 1099511628211ull ^ std::hash<std::string>()(line);
    // Both lanes follow includes; the actor lane reports their errors.
    const std::string_view kind = LineKind(line);
    const bool verb_line = IsVerbKind(kind);
    if (lane_ == Lane::kActors && verb_line) continue;
    if (lane_ == Lane::kVerbs && !verb_line && kind != "include") continue;
    origin = origin_prefix;
    origin += std::to_string(lineno);
    std::string err = LoadLine(line, path, origin, depth);
    if (!err.empty() && !(lane_ == Lane::kVerbs && !verb_line)) {
      Error(fname + ":" + std::to_string(lineno) + ": " + err);
    }
    if (!warning_.empty()) {
      stats_->warnings.push_back(fname + ":" + std::to_string(lineno) + ": " + warning_);
      warning_at_.push_back(line_seq_);
      warning_.clear();
    }
  }
}

Result<std::shared_ptr<const Lexicon>> LexiconBuilder::Finish() {
  if (lane_ == Lane::kAll) {
    OrderPhrases();
    IndexVerbs();
  }  // else LoadInLanes() did both
  BuildWordInfo();
  BuildCodePieces();
  char buf[32];
  snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(hash_ & 0xffffffffull));
  lex_->fingerprint_ = std::string("dyad@") + buf;
  std::shared_ptr<const Lexicon> out = lex_;
  return out;
}

// Loads `files` as LoadFile does, with a second thread: the verb lines
// (verb, pattern, synset, irregular), which touch only the verb tables, go
// to a builder of their own on that thread, which also indexes them; this
// one loads the other lines and orders the phrases meanwhile, then takes
// the verb tables over. The lexicon, its fingerprint, the counts and the
// messages (in line order) are those of a one-thread load.
Status LexiconBuilder::LoadInLanes(const std::vector<fs::path>& files, const fs::path& cameo_dir) {
  DictStats verb_stats;
  LexiconBuilder verbs(&verb_stats);
  verbs.lane_ = Lane::kVerbs;
  lane_ = Lane::kActors;
  DYAD_RETURN_IF_ERROR(verbs.LoadTables(cameo_dir));  // the event codes patterns name
  std::thread verb_thread([&] {
    for (const fs::path& f : files) verbs.LoadFile(f, 0);
    verbs.IndexVerbs();
  });
  for (const fs::path& f : files) LoadFile(f, 0);
  OrderPhrases();
  verb_thread.join();
  Lexicon& from = *verbs.lex_;
  lex_->verbs_ = std::move(from.verbs_);
  lex_->verb_forms_ = std::move(from.verb_forms_);
  lex_->nouns_ = std::move(from.nouns_);
  lex_->word_ids_ = std::move(from.word_ids_);
  irregular_ = std::move(verbs.irregular_);
  synsets_ = std::move(verbs.synsets_);
  for (const auto& [kind, n] : verb_stats.counts) stats_->counts[kind] += n;
  MergeMessages(&stats_->errors, &error_at_, verb_stats.errors, verbs.error_at_);
  MergeMessages(&stats_->notes, &note_at_, verb_stats.notes, verbs.note_at_);
  MergeMessages(&stats_->warnings, &warning_at_, verb_stats.warnings, verbs.warning_at_);
  return Status::Ok();
}

// Calls fn on the fields of each data row of a generated table; fn returns
// "" or what is wrong with the row. Fails naming every bad row
// ("file:line: what", one per line of the message).
Status LexiconBuilder::ReadTsv(
    const fs::path& p, const std::function<std::string(const std::vector<std::string>&)>& fn,
    bool header) {
  std::ifstream in(p);
  if (!in) return Status::NotFound(p.string() + ": cannot open data table");
  std::string line, problems;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::string err = fn(Split(line, '\t'));
    if (!err.empty()) {
      if (!problems.empty()) problems += '\n';
      problems += p.string() + ":" + std::to_string(lineno) + ": " + err;
    }
  }
  if (!problems.empty()) return Status::InvalidArgument(problems);
  return Status::Ok();
}

// Appends `from` (each message with its line number in `from_at`) to
// `to`/`to_at`, both in line order, keeping line order.
void LexiconBuilder::MergeMessages(std::vector<std::string>* to, std::vector<uint64_t>* to_at,
                                   std::vector<std::string>& from,
                                   const std::vector<uint64_t>& from_at) {
  std::vector<std::string> out;
  std::vector<uint64_t> out_at;
  size_t i = 0, j = 0;
  while (i < to->size() || j < from.size()) {
    if (j == from.size() || (i < to->size() && (*to_at)[i] <= from_at[j])) {
      out.push_back(std::move((*to)[i]));
      out_at.push_back((*to_at)[i++]);
    } else {
      out.push_back(std::move(from[j]));
      out_at.push_back(from_at[j++]);
    }
  }
  *to = std::move(out);
  *to_at = std::move(out_at);
}

const std::string& Lexicon::DefaultDataDir() {
  static const std::string dir = [] {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      fs::path installed = exe.parent_path().parent_path() / "share" / "dyad" / "data";
      if (fs::is_directory(installed / "dict", ec)) return installed.string();
    }
    return std::string(DYAD_SOURCE_DATA_DIR);
  }();
  return dir;
}

std::vector<std::string> Lexicon::Layers(const std::vector<std::string>& extra, bool no_default) {
  std::vector<std::string> layers;
  if (!no_default) layers.push_back(DefaultDataDir());
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) {
    std::string_view rest(env);
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) layers.emplace_back(dir);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  layers.insert(layers.end(), extra.begin(), extra.end());
  return layers;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& dir, DictStats* stats,
                                                     int threads) {
  return Load(std::vector<std::string>{dir}, stats, threads);
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::vector<std::string>& dirs,
                                                     DictStats* stats, int threads) {
  DictStats local;
  if (!stats) stats = &local;
  if (dirs.empty()) return Status::NotFound("no dictionary folder given");
  std::error_code ec;
  // The layers' .dict files, each folder's in name order, folder after
  // folder; a folder named twice (the same path) is read once, where it
  // first comes.
  std::vector<fs::path> files;
  std::set<fs::path> seen_dirs;
  for (const std::string& dir : dirs) {
    fs::path root(dir);
    if (!fs::is_directory(root, ec)) return Status::NotFound(dir + ": no such dictionary folder");
    fs::path dict_dir = fs::is_directory(root / "dict", ec) ? root / "dict" : root;
    fs::path canonical = fs::weakly_canonical(dict_dir, ec);
    if (!seen_dirs.insert(ec ? dict_dir : canonical).second) continue;
    std::vector<fs::path> layer;
    for (const auto& de : fs::directory_iterator(dict_dir, ec)) {
      if (de.is_regular_file() && de.path().extension() == ".dict") layer.push_back(de.path());
    }
    std::sort(layer.begin(), layer.end());
    if (layer.empty()) return Status::NotFound(dict_dir.string() + ": no .dict files");
    files.insert(files.end(), layer.begin(), layer.end());
  }
  // The tables come from the first folder (the defaults, unless replaced).
  fs::path root(dirs[0]);
  fs::path cameo_dir = fs::is_directory(root / "cameo", ec)
                           ? root / "cameo"
                           : fs::path(DefaultDataDir()) / "cameo";
  if (!fs::is_directory(cameo_dir, ec)) {
    cameo_dir = root.parent_path() / "cameo";
  }
  LexiconBuilder b(stats, threads);
  DYAD_RETURN_IF_ERROR(b.LoadTables(cameo_dir));
  // WordNet's table and forms fill only wordnet_, wordnet_exc_ and
  // word_info_, which the .dict files never touch: with a second thread they
  // load alongside them.
  const fs::path wordnet = cameo_dir.parent_path() / "lexicon" / "wordnet-verbs.tsv";
  // The gazetteer (data/geo/) beside the tables; none is an empty one. It
  // loads on the WordNet thread, after WordNet.
  const fs::path geo = cameo_dir.parent_path() / "geo" / "gazetteer.tsv";
  std::shared_ptr<const Gazetteer> gazetteer;
  auto load_geo = [&]() -> Status {
    if (!fs::exists(geo, ec)) return Status::Ok();
    auto gz = Gazetteer::Load(geo.string());
    if (!gz.ok()) return gz.status();
    gazetteer = *gz;
    return Status::Ok();
  };
  if (threads > 1) {
    Status wordnet_status = Status::Ok(), geo_status = Status::Ok();
    std::thread wordnet_thread([&] {
      wordnet_status = b.LoadWordNet(wordnet);
      geo_status = load_geo();
    });
    Status lanes = b.LoadInLanes(files, cameo_dir);
    wordnet_thread.join();
    DYAD_RETURN_IF_ERROR(wordnet_status);
    DYAD_RETURN_IF_ERROR(geo_status);
    DYAD_RETURN_IF_ERROR(lanes);
  } else {
    DYAD_RETURN_IF_ERROR(b.LoadWordNet(wordnet));
    DYAD_RETURN_IF_ERROR(load_geo());
    for (const fs::path& f : files) b.LoadFile(f, 0);
  }
  b.SetGazetteer(std::move(gazetteer));
  return b.Finish();
}

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadSources(const std::vector<DictSource>& sources,
                                                            DictStats* stats) {
  DictStats local;
  if (!stats) stats = &local;
  fs::path cameo_dir = fs::path(DefaultDataDir()) / "cameo";
  LexiconBuilder b(stats);
  DYAD_RETURN_IF_ERROR(b.LoadTables(cameo_dir));
  DYAD_RETURN_IF_ERROR(b.LoadWordNet(cameo_dir.parent_path() / "lexicon" / "wordnet-verbs.tsv"));
  const fs::path geo = cameo_dir.parent_path() / "geo" / "gazetteer.tsv";
  std::error_code ec;
  if (fs::exists(geo, ec)) {
    auto gz = Gazetteer::Load(geo.string());
    if (!gz.ok()) return gz.status();
    b.SetGazetteer(*gz);
  }
  if (sources.empty()) return Status::NotFound("no dictionaries given");
  for (const DictSource& src : sources) {
    std::istringstream in(src.text);
    b.LoadStream(in, src.name, 0);
  }
  return b.Finish();
}

}  // namespace dyad
