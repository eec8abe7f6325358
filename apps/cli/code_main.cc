// dyad code: stories in, one event a line out.
#include <iostream>
#include <thread>
#include <vector>

#include "cli/common.h"
#include "cli/progress.h"
#include "dyad/coder.h"
#include "io/duplicates.h"
#include "io/pipeline.h"
#include "io/story_reader.h"
#include "lexicon/compat.h"
#include "io/writer.h"
#include "text/language.h"

// clang reports AddressSanitizer through __has_feature, gcc through
// __SANITIZE_ADDRESS__.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DYAD_HAS_ASAN_FEATURE 1
#endif
#endif
#ifndef DYAD_HAS_ASAN_FEATURE
#define DYAD_HAS_ASAN_FEATURE 0
#endif

namespace dyad::cli {
namespace {

struct CodeArgs {
  std::string format = "jsonl";
  std::string date;
  std::vector<std::string> dict;
  bool no_default_dict = false;
  std::string dict_format;  // tabari | petrarch: --dict names foreign files (lexicon/compat.h)
  std::string input_format = "auto";
  std::string semantics = "dyad";  // dyad | tabari | petrarch (CoderOptions::semantics)
  int threads = 0;
  bool trace = false;
  bool any_language = false;  // code every story, English or not
  bool allow_no_target = false;  // CoderOptions::require_target = false
  bool quiet = false;  // no progress line, no statistics line
  std::vector<std::string> files;
};

// "file:line: story 'ID' skipped: not English (why)", or "" for an English story.
std::string NotEnglish(const Story& s) {
  text::EnglishGuess g = text::GuessEnglish(s.text);
  if (g.english) return "";
  return s.origin + ": story '" + s.id + "' skipped: not English (" + text::WhyNotEnglish(g) + ")";
}

int RunCode(const CodeArgs& a) {
  std::shared_ptr<const Lexicon> lex;
  compat::CompatLexicon cl;
  if (!a.dict_format.empty()) {
    compat::DictFormat df;
    Status st = compat::ParseDictFormat(a.dict_format, &df) ? compat::LoadCompat(df, a.dict, &cl)
                : Status::InvalidArgument("unknown --dict-format '" + a.dict_format + "'");
    if (!st.ok() || a.dict.empty()) {
      std::cerr << "dyad code: " << (st.ok() ? "--dict-format needs --dict FILES" : st.message()) << "\n";
      return kExitUsage;
    }
    if (!cl.AllProblems().empty()) std::cerr << "dyad: " << cl.AllProblems().size() << " dictionary lines skipped (run: dyad check-dict --dict-format)\n";
    lex = cl.lex;
  } else {
    // With more than one thread, the load uses a second one too.
    lex = LoadLexiconOrComplain(DictLayers(a.dict, a.no_default_dict),
                                a.threads > 0 ? a.threads
                                              : static_cast<int>(std::thread::hardware_concurrency()));
  }
  if (!lex) return kExitUsage;
  io::WriterInfo info{CoderVersion(), lex->fingerprint()};
  auto writer = io::MakeWriter(a.format, &std::cout, info);
  if (!writer) {
    std::cerr << "dyad code: unknown --format '" << a.format << "' (jsonl, tsv)\n";
    return kExitUsage;
  }
  if (!a.date.empty() && !IsValidDate(a.date)) {
    std::cerr << "dyad code: --date '" << a.date << "' is not YYYY-MM-DD\n";
    return kExitUsage;
  }
  CoderOptions opt;
  opt.trace = a.trace;
  opt.require_target = !a.allow_no_target;
  if (!ParseSemantics(a.semantics, &opt.semantics)) {
    std::cerr << "dyad code: unknown --semantics '" << a.semantics << "' (dyad, tabari, petrarch)\n";
    return kExitUsage;
  }
  opt.tabari = cl.tabari;
  Coder coder(lex, opt);
  io::ReaderOptions ropt;
  ropt.default_date = a.date;
  ropt.format = ParseInputFormat(a.input_format);
  io::ReadCounts counts;
  CodeStats stats;
  uint64_t errors = 0;

  // Stories are coded in batches on `threads` workers; each batch becomes a
  // block of output text and a list of messages, written in input order, so
  // stdout and stderr are the same for any number of threads. JSON Lines
  // records are parsed on the workers too. Memory holds at most a few
  // batches per thread.
  struct Item {
    Story story;            // a story read by the main thread, or
    std::string raw, where; // a JSON Lines record to parse, or
    std::string message;    // a message to report at this point
    int kind = 0;           // 0 story, 1 raw, 2 message
  };
  // Where a coded story's events lie in its batch's text. Repeated ids are
  // found in input order, when the batch is written: a repeat is coded
  // again there, its events with ids of their own (io/duplicates.h), and
  // its text replaced.
  struct Coded {
    size_t item = 0;             // index into items, whose story it now holds
    size_t out_begin = 0, out_end = 0;
  };
  struct Batch {
    std::vector<Item> items;
    std::vector<Coded> coded;
    std::string out, trace;
    std::vector<std::string> messages;
    std::vector<std::string> skipped;  // stories not in English, reported by id
    CodeStats stats;
    io::ReadCounts counts;
  };
  int threads = a.threads > 0 ? a.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  auto code_batch = [&](Batch& b) -> Batch& {
    auto w = io::MakeWriter(a.format, &b.out, info);
    // Per worker and reused from batch to batch: their buffers keep their capacity.
    thread_local std::vector<Event> events;
    thread_local Story parsed;
    // Room for about what the last batch wrote, so the text is not regrown
    // (and recopied) a dozen times per batch.
    thread_local size_t out_hint = 0;
    b.out.reserve(out_hint);
    for (size_t i = 0; i < b.items.size(); ++i) {
      Item& it = b.items[i];
      const Story* s = &it.story;
      if (it.kind == 2) {
        b.messages.push_back(std::move(it.message));
        continue;
      }
      if (it.kind == 1) {
        if (!io::ParseRecord(std::move(it.raw), it.where, ropt, &parsed, &b.messages, &b.counts)) {
          continue;
        }
        s = &parsed;
      }
      if (!a.any_language) {
        std::string why = NotEnglish(*s);
        if (!why.empty()) {
          b.skipped.push_back(std::move(why));
          continue;
        }
      }
      events.clear();
      size_t begin = b.out.size();
      coder.CodeStory(*s, &events, &b.stats, a.trace ? &b.trace : nullptr);
      for (Event& e : events) e.code = cl.dict.OriginalCode(e.code);  // foreign codes back
      for (const Event& e : events) w->Write(e);
      if (it.kind == 1) it.story = std::move(parsed);
      b.coded.push_back({i, begin, b.out.size()});
    }
    out_hint = b.out.size() + b.out.size() / 4;
    return b;
  };
  io::StoryIdSet seen_ids;
  uint64_t duplicates = 0, not_english = 0;
  std::vector<std::string> files = a.files;
  if (files.empty()) files.push_back("-");
  Progress progress("dyad code", !a.quiet && Progress::StderrIsTerminal(), files);
  auto sink = [&](Batch& b) {
    size_t written = 0;
    std::vector<std::string> repeats;
    for (const Coded& c : b.coded) {
      const Story& s = b.items[c.item].story;
      std::string first;
      int n = seen_ids.See(s.id, s.origin, &first);
      if (n == 1) continue;
      ++duplicates;
      repeats.push_back(s.origin + ": duplicate story id '" + s.id + "' (first at " + first +
                        "): coded again, its events with ids of their own");
      std::vector<Event> again;
      CodeStats ignored;
      coder.CodeStory(s, &again, &ignored, nullptr);
      io::MakeIdsOccurrenceSpecific(n, &again);
      std::string text;
      auto w = io::MakeWriter(a.format, &text, info);
      for (Event& e : again) {
        e.code = cl.dict.OriginalCode(e.code);
        w->Write(e);
      }
      std::cout.write(b.out.data() + written, static_cast<std::streamsize>(c.out_begin - written));
      std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
      written = c.out_end;
    }
    std::cout.write(b.out.data() + written, static_cast<std::streamsize>(b.out.size() - written));
    if (!b.messages.empty() || !repeats.empty() || !b.skipped.empty() || !b.trace.empty()) {
      progress.Done();  // messages start on a line of their own
    }
    for (const std::string& m : b.messages) std::cerr << m << "\n";
    errors += b.messages.size();
    for (const std::string& m : repeats) std::cerr << m << "\n";
    for (const std::string& m : b.skipped) std::cerr << m << "\n";
    not_english += b.skipped.size();
    if (!b.trace.empty()) std::cerr << b.trace;
    stats.Add(b.stats);
    counts.records += b.counts.records;
    counts.stories += b.counts.stories;
    counts.rejected += b.counts.rejected;
    counts.warnings += b.counts.warnings;
    progress.Update(counts.stories, stats.sentences, stats.events);
  };
  io::OrderedPipeline<Batch, Batch> pipeline(
      threads, static_cast<size_t>(threads) * 4, [&](Batch& b) { return std::move(code_batch(b)); },
      sink);
  constexpr size_t kBatchItems = 64;
  Batch pending;
  auto push = [&](Item&& it) {
    progress.AddBytes(it.raw.size() + it.story.text.size() + 1);
    pending.items.push_back(std::move(it));
    if (pending.items.size() >= kBatchItems) {
      pipeline.Submit(std::move(pending));
      pending = Batch();
    }
  };
  auto on_story = [&](Story&& s) {
    Item it;
    it.story = std::move(s);
    push(std::move(it));
  };
  auto on_error = [&](const std::string& msg) {
    Item it;
    it.kind = 2;
    it.message = msg;
    push(std::move(it));
  };
  ropt.on_raw_line = [&](std::string&& line, std::string&& where) {
    Item it;
    it.kind = 1;
    it.raw = std::move(line);
    it.where = std::move(where);
    push(std::move(it));
  };
  writer->WriteHeader();
  for (const std::string& f : files) io::ReadStories(f, ropt, on_story, on_error, &counts);
  if (!pending.items.empty()) pipeline.Submit(std::move(pending));
  pipeline.Finish();
  writer->Finish();
  progress.Done();
  if (!a.quiet) std::cerr << "dyad code: stories " << counts.records << " (coded "
            << counts.stories - not_english << ", rejected " << counts.rejected
            << "), sentences " << stats.sentences
            << ", events " << stats.events << ", sentences with events " << stats.sentences_coded
            << ", not English " << not_english << ", duplicate ids " << duplicates << ", errors "
            << errors << "\n";
  // The process ends after this command: leave the dictionaries to the OS
  // instead of freeing them node by node (about 15 ms). Not in a sanitizer
  // build: LeakSanitizer counted the kept lexicon as a leak (at -O2 the
  // static holding it was optimised away), so there it is freed as usual.
#if !defined(__SANITIZE_ADDRESS__) && !DYAD_HAS_ASAN_FEATURE
  static const auto* keep_lexicon = new std::shared_ptr<const Lexicon>(lex);
  (void)keep_lexicon;
#endif
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace

RunFn AddCodeCommand(CLI::App& app) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "code",
      "Code stories into events, one per line on stdout. Input: JSON Lines "
      "({\"id\",\"date\",\"text\",...}; the date YYYY-MM-DD, an ISO 8601 date-time, YYYYMMDD "
      "or RFC 2822), PETRARCH XML (.xml), or plain text (one story per file, id = file name, date "
      "= --date); stdin is JSON Lines if it starts with '{', XML if with '<'. Run statistics go to stderr. A story "
      "id seen before is reported (file:line, and where it was first) and coded again, its "
      "events with ids of their own. A story that is not in English (few English function "
      "words, or mostly another script; judged on 20 words or more) is skipped, reported by id "
      "and counted (--any-language codes it). Exit status 0 all good, 1 some input was bad (reported, "
      "the rest coded), 2 usage error.");
  cmd->add_option("--format", args->format, "Output format: jsonl or tsv")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  cmd->add_option("--date", args->date, "Date (YYYY-MM-DD) of plain-text stories");
  cmd->add_option("--dict", args->dict,
                  "A dictionary folder to add after the built-in data/ (and $DYAD_DATA); "
                  "repeat it to add several, in order (for the same phrase a later entry "
                  "overrides an earlier one). With --dict-format, the foreign dictionary files "
                  "instead, which replace dyad's (--dict A,B or --dict A --dict B)")
      ->allow_extra_args(false)
      ->delimiter(',');
  cmd->add_flag("--no-default-dict", args->no_default_dict,
                "Leave out the built-in dictionaries: load only $DYAD_DATA and --dict folders");
  cmd->add_option("--dict-format", args->dict_format,
                  "Read --dict FILES as tabari or petrarch (Phoenix) dictionaries, instead of dyad's");
  AddInputFormatOption(cmd, &args->input_format);
  cmd->add_option("--semantics", args->semantics,
                  "dyad (default), or tabari/petrarch: code as those coders did (future, modal "
                  "and negated acts coded; paired codes)");
  cmd->add_option("--threads", args->threads, "Worker threads (0 = all cores; at most 256)")
      ->check(CLI::Range(0, kMaxThreads));
  cmd->add_flag("--trace", args->trace, "Explain on stderr why candidate events were dropped");
  cmd->add_flag("--allow-no-target", args->allow_no_target,
                "Also emit events whose verb names no target (\"Russia mobilized\"), as PLOVER "
                "codes them: target null in JSON, empty in TSV. Event nouns still need one");
  cmd->add_flag("--any-language", args->any_language,
                "Code every story: do not skip those that are not in English");
  cmd->add_flag("-q,--quiet", args->quiet,
                 "No progress line (shown when stderr is a terminal) and no statistics line; "
                 "problems are still reported");
  cmd->add_option("files", args->files, "Input files (default: stdin)");
  return [args] { return RunCode(*args); };
}

}  // namespace dyad::cli
