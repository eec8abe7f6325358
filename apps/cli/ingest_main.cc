// dyad ingest: code stories and store them, their sentences' statistics and
// their events in an SQLite event store (docs/STORE.md).
//
// Stories are read in batches of --batch; each batch is coded (on --threads
// workers) and then written in one transaction, so a killed ingest leaves
// whole batches only, and running it again completes the store. A story
// already stored with the same text, date, publisher, url, coder version and
// dictionary is skipped ("unchanged"); any other stored story with the same
// id is replaced with its new events. So when one run reads an id twice, the
// copy read last is the one kept; each repeat is reported with where the id
// was first read.
#include <chrono>
#include <iostream>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cli/common.h"
#include "cli/progress.h"
#include "dyad/coder.h"
#include "dyad/document.h"
#include "io/duplicates.h"
#include "io/pipeline.h"
#include "io/story_reader.h"
#include "store/store.h"
#include "text/language.h"

namespace dyad::cli {
namespace {

struct IngestArgs {
  std::string db;
  std::string input_format = "auto";
  std::string old_format;
  std::string date;
  std::vector<std::string> dict;
  bool no_default_dict = false;
  int batch = 500;
  int threads = 0;
  bool force = false;
  bool quiet = false;
  bool any_language = false;
  bool no_text = false;
  std::vector<std::string> files;
};

void CodeOne(const Coder& coder, store::CodedStory* cs, Document* doc) {
  AnalyzeText(cs->story.text, doc);
  coder.CodeDocument(cs->story, *doc, &cs->events, &cs->stats);
  cs->sentences.clear();
  for (const Sentence& s : doc->sentences) {
    cs->sentences.push_back(
        store::SentenceInfo{s.begin, s.end, s.paragraph, s.token_end - s.token_begin, s.heading});
  }
}

struct Batch {
  std::vector<store::CodedStory> stories;
};

int RunIngest(const IngestArgs& a) {
  if (!a.old_format.empty()) {
    std::cerr << "dyad ingest: --format is not an option of ingest; the input's format is "
                 "--input-format "
              << a.old_format << "\n";
    return kExitUsage;
  }
  if (!a.date.empty() && !IsValidDate(a.date)) {
    std::cerr << "dyad ingest: --date '" << a.date << "' is not YYYY-MM-DD\n";
    return kExitUsage;
  }
  if (a.batch < 1) {
    std::cerr << "dyad ingest: --batch must be at least 1\n";
    return kExitUsage;
  }
  auto lex = LoadLexiconOrComplain(DictLayers(a.dict, a.no_default_dict));
  if (!lex) return kExitUsage;
  auto store = store::EventStore::Open(a.db, store::EventStore::Mode::kCreate);
  if (!store.ok()) {
    std::cerr << "dyad ingest: " << store.status().message() << "\n";
    return kExitUsage;
  }
  // A new store is loaded without the readers' indexes, built at the end.
  if (Status bulk = (*store)->BeginBulkLoad(); !bulk.ok()) {
    std::cerr << "dyad ingest: " << bulk.message() << "\n";
    return kExitBadInput;
  }
  Coder coder(lex);
  store::IngestInfo info{CoderVersion(), lex->fingerprint(), !a.no_text};
  int threads = a.threads > 0 ? a.threads
                              : std::max(1u, std::thread::hardware_concurrency());

  io::ReaderOptions ropt;
  ropt.default_date = a.date;
  ropt.format = ParseInputFormat(a.input_format);

  auto t0 = std::chrono::steady_clock::now();
  io::ReadCounts counts;
  store::WriteCounts written;
  CodeStats stats;
  uint64_t unchanged = 0, errors = 0, batches = 0;
  Status fatal;
  std::vector<std::string> files = a.files;
  if (files.empty()) files.push_back("-");
  Progress progress("dyad ingest", !a.quiet && Progress::StderrIsTerminal(), files);
  auto on_error = [&](const std::string& msg) {
    ++errors;
    progress.Done();  // messages start on a line of their own
    std::cerr << msg << "\n";
  };
  // Batches are coded on the workers and written here, in input order, by
  // the thread that submits them (the only one that touches the store).
  // Ids of stories submitted but not yet written: such a story is never
  // skipped as unchanged, so the last copy of a repeated id always wins.
  std::unordered_map<std::string, int> in_flight;
  auto code = [&](Batch& b) -> Batch {
    Document doc;
    for (auto& cs : b.stories) {
      CodeOne(coder, &cs, &doc);
      // Compressed here, on the coding threads, not by the writer.
      if (!a.no_text) cs.packed_text = sqlite::PackText(cs.story.text);
    }
    return std::move(b);
  };
  auto write = [&](Batch& b) {
    for (const auto& cs : b.stories) {
      stats.Add(cs.stats);
      if (--in_flight[cs.story.id] == 0) in_flight.erase(cs.story.id);
    }
    if (!fatal.ok()) return;
    fatal = (*store)->WriteBatch(b.stories, info, &written, on_error);
    ++batches;
    progress.Update(counts.stories, stats.sentences, written.events);
  };
  io::OrderedPipeline<Batch, Batch> pipeline(threads, static_cast<size_t>(threads) * 2, code,
                                             write);
  Batch pending;
  io::StoryIdSet seen_ids;
  uint64_t duplicates = 0, not_english = 0;
  auto on_story = [&](Story&& s) {
    progress.AddBytes(s.text.size() + 1);
    if (!fatal.ok()) return;
    if (!a.any_language) {
      text::EnglishGuess g = text::GuessEnglish(s.text);
      if (!g.english) {
        ++not_english;
        progress.Done();
        std::cerr << s.origin << ": story '" << s.id << "' skipped: not English ("
                  << text::WhyNotEnglish(g) << ")\n";
        return;
      }
    }
    std::string first;
    if (seen_ids.See(s.id, s.origin, &first) > 1) {
      ++duplicates;
      std::cerr << s.origin << ": duplicate story id '" << s.id << "' (first at " << first
                << "): the copy read last is kept, this one replaces the earlier\n";
    }
    store::CodedStory cs;
    cs.fingerprint = store::StoryFingerprint(s, info.coder, info.dictionary);
    // A story stored without its text is not "unchanged" for a run that
    // keeps text (nor the other way round).
    if (a.no_text) cs.fingerprint += " no-text";
    if (!a.force && !in_flight.count(s.id)) {
      auto stored = (*store)->StoredFingerprint(s.id);
      if (!stored.ok()) {
        fatal = stored.status();
        return;
      }
      if (*stored == cs.fingerprint) {
        ++unchanged;
        return;
      }
    }
    ++in_flight[s.id];
    cs.story = std::move(s);
    pending.stories.push_back(std::move(cs));
    if (static_cast<int>(pending.stories.size()) >= a.batch) {
      pipeline.Submit(std::move(pending));
      pending = Batch();
    }
  };
  for (const std::string& f : files) {
    io::ReadStories(f, ropt, on_story, on_error, &counts);
    if (!fatal.ok()) break;
  }
  if (!pending.stories.empty()) pipeline.Submit(std::move(pending));
  pipeline.Finish();
  progress.Done();
  if (Status built = (*store)->EndBulkLoad(&written, on_error); !built.ok() && fatal.ok()) {
    fatal = built;
  }
  if (!fatal.ok()) {
    std::cerr << "dyad ingest: " << fatal.message()
              << " (the batches committed before this are stored; run again to complete)\n";
    return kExitBadInput;
  }
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!a.quiet) {
    char rate[64];
    snprintf(rate, sizeof rate, "%.2f s, %.0f stories/s", secs,
             secs > 0 ? static_cast<double>(counts.stories) / secs : 0.0);
    std::cerr << "dyad ingest: stories " << counts.records << " (stored " << written.stories
              << ", replaced " << written.replaced << ", unchanged " << unchanged
              << ", rejected " << counts.rejected + written.failed << "), not English "
              << not_english << ", duplicate ids " << duplicates << ", sentences "
              << stats.sentences << ", events " << written.events << ", batches " << batches
              << ", " << rate << " -> " << a.db << "\n";
  }
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace

RunFn AddIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Code stories and store stories, sentence statistics and events in an SQLite event store "
      "(WAL, one transaction per batch). A story whose id is already stored is replaced (or "
      "skipped when nothing changed), so ingest can be re-run after a crash; when the input "
      "repeats an id, the copy read last is kept and each repeat is reported (file:line, and "
      "where the id was first read). A story not in English is skipped and reported by id, as "
      "by `dyad code`. Input as for `dyad code`. Exit 0 all good, 1 some input was bad (reported, the rest stored), 2 usage error.");
  cmd->add_option("--db", args->db, "Event store file (created if missing)")->required();
  AddInputFormatOption(cmd, &args->input_format);
  // --format once named the input here; every command now names input with
  // --input-format (and --format is output), so the old spelling is refused.
  cmd->add_option("--format", args->old_format)->group("");
  cmd->add_option("--date", args->date, "Date (YYYY-MM-DD) of plain-text stories");
  AddDictOptions(cmd, &args->dict, &args->no_default_dict);
  cmd->add_option("--batch", args->batch, "Stories per transaction (default 500)");
  cmd->add_option("--threads", args->threads, "Coding threads (0 = all cores; at most 256)")
      ->check(CLI::Range(0, kMaxThreads));
  cmd->add_flag("--force", args->force, "Re-code and replace stories even when unchanged");
  cmd->add_flag("-q,--quiet", args->quiet,
                "No progress line (shown when stderr is a terminal) and no statistics line");
  cmd->add_flag("--any-language", args->any_language,
                "Store every story: do not skip those that are not in English");
  cmd->add_flag("--no-text", args->no_text,
                "Keep no story text: the stories' text and the events' sentences are not "
                "stored (the report's evidence and `dyad serve` then say so); everything else is");
  cmd->add_option("files", args->files, "Input files (default: stdin)");
  return [args] { return RunIngest(*args); };
}

}  // namespace dyad::cli
