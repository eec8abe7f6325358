// dyad code: stories in, one event a line out.
#include <iostream>
#include <thread>
#include <vector>

#include "cli/common.h"
#include "dyad/coder.h"
#include "io/pipeline.h"
#include "io/story_reader.h"
#include "io/petrarch_xml.h"
#include "lexicon/compat.h"
#include "io/writer.h"

namespace dyad::cli {
namespace {

struct CodeArgs {
  std::string format = "jsonl";
  std::string date;
  std::vector<std::string> dict;
  std::string dict_format;  // tabari | petrarch: --dict names foreign files (lexicon/compat.h)
  std::string input_format = "auto";
  std::string semantics = "dyad";  // dyad | tabari | petrarch (CoderOptions::semantics)
  int threads = 0;
  bool trace = false;
  std::vector<std::string> files;
};

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
    lex = LoadLexiconOrComplain(DataDir(a.dict.empty() ? "" : a.dict[0]),
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
  if (!ParseSemantics(a.semantics, &opt.semantics)) {
    std::cerr << "dyad code: unknown --semantics '" << a.semantics << "' (dyad, tabari, petrarch)\n";
    return kExitUsage;
  }
  opt.tabari = cl.tabari;
  Coder coder(lex, opt);
  io::ReaderOptions ropt;
  ropt.default_date = a.date;
  if (a.input_format == "jsonl") ropt.format = io::InputFormat::kJsonl;
  else if (a.input_format == "text") ropt.format = io::InputFormat::kText;
  else if (a.input_format == "xml") ropt.format = io::InputFormat::kXml;
  io::ReadCounts counts;
  CodeStats stats;
  uint64_t errors = 0;

  // Stories are coded in batches on `threads` workers; each batch becomes a
  // block of output text, written in input order, so the output is the same
  // for any number of threads. Memory holds at most a few batches per thread.
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
  struct Batch {
    std::vector<Item> items;
    std::string out, trace;
    std::vector<std::string> messages;
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
    for (Item& it : b.items) {
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
      events.clear();
      coder.CodeStory(*s, &events, &b.stats, a.trace ? &b.trace : nullptr);
      for (Event& e : events) e.code = cl.dict.OriginalCode(e.code);  // foreign codes back
      for (const Event& e : events) w->Write(e);
    }
    b.items.clear();
    out_hint = b.out.size() + b.out.size() / 4;
    return b;
  };
  auto sink = [&](Batch& b) {
    std::cout.write(b.out.data(), static_cast<std::streamsize>(b.out.size()));
    for (const std::string& m : b.messages) std::cerr << m << "\n";
    errors += b.messages.size();
    if (!b.trace.empty()) std::cerr << b.trace;
    stats.Add(b.stats);
    counts.records += b.counts.records;
    counts.stories += b.counts.stories;
    counts.rejected += b.counts.rejected;
    counts.warnings += b.counts.warnings;
  };
  io::OrderedPipeline<Batch, Batch> pipeline(
      threads, static_cast<size_t>(threads) * 4, [&](Batch& b) { return std::move(code_batch(b)); },
      sink);
  constexpr size_t kBatchItems = 64;
  Batch pending;
  auto push = [&](Item&& it) {
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
  std::vector<std::string> files = a.files;
  if (files.empty()) files.push_back("-");
  for (const std::string& f : files) {
    bool xml = a.input_format == "xml" || (a.input_format == "auto" && f.size() > 4 &&
                                           f.compare(f.size() - 4, 4, ".xml") == 0);
    if (xml) io::ReadPetrarchStories(f, on_story, on_error, &counts);
    else io::ReadStories(f, ropt, on_story, on_error, &counts);
  }
  if (!pending.items.empty()) pipeline.Submit(std::move(pending));
  pipeline.Finish();
  writer->Finish();
  std::cerr << "dyad code: stories " << counts.records << " (coded " << counts.stories
            << ", rejected " << counts.rejected << "), sentences " << stats.sentences
            << ", events " << stats.events << ", sentences with events " << stats.sentences_coded
            << ", errors " << errors << "\n";
  // The process ends after this command: leave the dictionaries to the OS
  // instead of freeing them node by node (about 15 ms). Reachable from a
  // static, so leak checkers do not count it.
  static const auto* keep_lexicon = new std::shared_ptr<const Lexicon>(lex);
  (void)keep_lexicon;
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace

RunFn AddCodeCommand(CLI::App& app) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "code",
      "Code stories into events, one per line on stdout. Input: JSON Lines "
      "({\"id\",\"date\",\"text\",...}), or plain text (one story per file, id = file name, date "
      "= --date); stdin is JSON Lines if it starts with '{'. Run statistics go to stderr. Exit "
      "status 0 all good, 1 some input was bad (reported, the rest coded), 2 usage error.");
  cmd->add_option("--format", args->format, "Output format: jsonl or tsv")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  cmd->add_option("--date", args->date, "Date (YYYY-MM-DD) of plain-text stories");
  cmd->add_option("--dict", args->dict,
                  "Dictionary folder (default: $DYAD_DATA or the built-in data/); with "
                  "--dict-format, the foreign dictionary files (--dict A,B or --dict A --dict B)")
      ->allow_extra_args(false)
      ->delimiter(',');
  cmd->add_option("--dict-format", args->dict_format,
                  "Read --dict FILES as tabari or petrarch (Phoenix) dictionaries, instead of dyad's");
  cmd->add_option("--input-format", args->input_format, "auto, jsonl, text or xml")
      ->check(CLI::IsMember({"auto", "jsonl", "text", "xml"}));
  cmd->add_option("--semantics", args->semantics,
                  "dyad (default), or tabari/petrarch: code as those coders did (future, modal "
                  "and negated acts coded; paired codes)");
  cmd->add_option("--threads", args->threads, "Worker threads (0 = all cores; at most 256)")
      ->check(CLI::Range(0, kMaxThreads));
  cmd->add_flag("--trace", args->trace, "Explain on stderr why candidate events were dropped");
  cmd->add_option("files", args->files, "Input files (default: stdin)");
  return [args] { return RunCode(*args); };
}

}  // namespace dyad::cli
