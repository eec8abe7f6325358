// bench/dyad_bench.cc — micro-benchmarks, one family per pipeline stage.
//
//   build/bench/dyad_bench                                 all of them
//   build/bench/dyad_bench --benchmark_filter='Text|Code'  some
//   build/bench/dyad_bench --dyad_load_report              one Lexicon::Load, then
//                                                          its time and peak RSS
//
// Inputs are the project's own texts, read at run time from the source tree:
// examples/*.jsonl, examples/*.txt and tests/gold/dyad-gold.jsonl (never the
// ../shared files). Families, in pipeline order:
//
//   BM_ReadJsonStory   io::ParseJsonStory on each JSON Lines record
//   BM_Text*           src/text: CleanPrefixLength, RepairUtf8, Normalize,
//                      Tokenize, SplitSentences, and the whole AnalyzeText
//   BM_LexiconLoad     Lexicon::Load(DYAD_SOURCE_DATA_DIR); counters: VmHWM
//                      (peak RSS of the process above its RSS at start, MB)
//                      and the RSS a loaded Lexicon holds (MB). Registered first so that the peak is
//                      the lexicon's, not that of an earlier benchmark.
//   BM_LexiconMatch*   Lexicon::MatchPhrase at every token of every sentence,
//                      VerbLemmas on every token
//   BM_Code*           Coder::CodeStory per story and per sentence (each
//                      sentence its own story), per sentence against story
//                      length (1, 4, 16, 64 sentences), CodeDocument (parse +
//                      code on text already analysed)
//   BM_Write*          io::EventToJson and the tsv writer
//   BM_Pipeline        JSON record -> CodeStory -> EventToJson, as `dyad code`
//                      does minus the file I/O
//
// Throughput is reported as bytes/s (input text) and items/s (sentences,
// lookups or events, as the counter name says). Times are never asserted.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/story.h"
#include "io/story_reader.h"
#include "io/writer.h"
#include "text/normalize.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- inputs

// Peak and current resident set size of this process in kB, from
// /proc/self/status (0 when unavailable).
struct Memory {
  long hwm_kb = 0, rss_kb = 0;
};
Memory ReadMemory() {
  Memory m;
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) m.hwm_kb = std::atol(line.c_str() + 6);
    if (line.rfind("VmRSS:", 0) == 0) m.rss_kb = std::atol(line.c_str() + 6);
  }
  if (m.hwm_kb == 0) {
    rusage ru{};
    if (getrusage(RUSAGE_SELF, &ru) == 0) m.hwm_kb = ru.ru_maxrss;
  }
  return m;
}

struct Samples {
  std::vector<Story> stories;          // every example story and gold sentence
  std::vector<std::string> jsonl;      // the JSON Lines records among them
  std::vector<Story> sentence_stories; // one story per sentence of `stories`
  std::string all_text;                // every story text, blank-line separated
  size_t text_bytes = 0;
  size_t sentences = 0;
};

void ReadJsonlFile(const fs::path& path, Samples* s) {
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    Story story;
    std::string error;
    if (!io::ParseJsonStory(line, &story, &error)) {
      std::cerr << path.string() << ":" << n << ": " << error << "\n";
      continue;
    }
    s->jsonl.push_back(line);
    s->stories.push_back(std::move(story));
  }
}

const Samples& GetSamples() {
  static const Samples* samples = [] {
    auto* s = new Samples;
    const fs::path root = DYAD_SOURCE_DIR;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / "examples")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      if (p.extension() == ".jsonl") {
        ReadJsonlFile(p, s);
      } else if (p.extension() == ".txt") {
        std::ifstream in(p);
        std::stringstream ss;
        ss << in.rdbuf();
        s->stories.push_back(Story{p.stem().string(), "2025-03-14", ss.str(), "", "", p.string()});
      }
    }
    ReadJsonlFile(root / "tests" / "gold" / "dyad-gold.jsonl", s);
    Document doc;
    for (const Story& st : s->stories) {
      s->all_text += st.text;
      s->all_text += "\n\n";
      AnalyzeText(st.text, &doc);
      s->sentences += doc.sentences.size();
      for (const Sentence& sent : doc.sentences) {
        Story one = st;
        one.id = st.id + "#" + std::to_string(s->sentence_stories.size());
        one.text = std::string(doc.Original(sent.begin, sent.end));
        s->sentence_stories.push_back(std::move(one));
      }
    }
    s->text_bytes = s->all_text.size();
    if (s->stories.empty()) {
      std::cerr << "dyad_bench: no example stories under " << root.string() << "\n";
      std::exit(2);
    }
    return s;
  }();
  return *samples;
}

std::shared_ptr<const Lexicon> GetLexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
    if (!r.ok()) {
      std::cerr << "dyad_bench: cannot load " << DYAD_SOURCE_DATA_DIR << ": "
                << r.status().message() << "\n";
      std::exit(2);
    }
    return *r;
  }();
  return lex;
}

// Events to write: those the coder finds in the samples, or, while the
// dictionaries code nothing, a fixed realistic event.
const std::vector<Event>& GetEvents() {
  static const std::vector<Event>* events = [] {
    auto* v = new std::vector<Event>;
    Coder coder(GetLexicon());
    CodeStats stats;
    for (const Story& s : GetSamples().stories) coder.CodeStory(s, v, &stats);
    if (v->empty()) {
      Event e;
      e.id = "9f3a51c2e07d4b18";
      e.story_id = "ex-003";
      e.sentence = 0;
      e.date = e.pub_date = "2025-03-16";
      e.source = Actor{"VENMIL", "Venezuelan troops", "VEN", "", {"MIL"}, {0, 17}};
      e.target = Actor{"GUYMIL", "a Guyanese border post", "GUY", "", {"MIL"}, {26, 48}};
      e.code = "195";
      e.root = "19";
      e.goldstein = -10.0;
      e.quad_class = 4;
      e.plover = "ASSAULT";
      e.plover_mode = "aerial";
      e.text = "Venezuelan troops shelled a Guyanese border post overnight, Guyana's defence "
               "ministry said.";
      e.trigger = "shelled";
      e.trigger_span = {18, 25};
      e.pattern = "shell";
      e.pattern_origin = "30-verbs.dict:123";
      e.confidence = 0.9;
      e.notes = {"object"};
      v->assign(8, e);
    }
    return v;
  }();
  return *events;
}

// ---------------------------------------------------------------- lexicon load

// RSS of the process before anything was loaded (set in main).
long baseline_rss_kb = 0;
// RSS growth while the first Lexicon of the process is alive. Later loads reuse
// memory the allocator kept, so only the first one is measured.
long first_held_kb = -1;

void BM_LexiconLoad(benchmark::State& state) {
  size_t entries = 0;
  for (auto _ : state) {
    auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
    if (!lex.ok()) {
      state.SkipWithError(lex.status().message().c_str());
      return;
    }
    entries = (*lex)->entry_count();
    if (first_held_kb < 0) {
      state.PauseTiming();
      first_held_kb = ReadMemory().rss_kb - baseline_rss_kb;
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(lex);
  }
  state.counters["VmHWM_MB"] = (ReadMemory().hwm_kb - baseline_rss_kb) / 1024.0;
  state.counters["held_MB"] = first_held_kb / 1024.0;
  state.counters["entries"] = static_cast<double>(entries);
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// ---------------------------------------------------------------- io: read

void BM_ReadJsonStory(benchmark::State& state) {
  const Samples& s = GetSamples();
  size_t bytes = 0;
  for (const std::string& l : s.jsonl) bytes += l.size();
  Story story;
  std::string error;
  for (auto _ : state) {
    for (const std::string& l : s.jsonl) {
      bool ok = io::ParseJsonStory(l, &story, &error);
      benchmark::DoNotOptimize(ok);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * s.jsonl.size()));
}
BENCHMARK(BM_ReadJsonStory);

// ---------------------------------------------------------------- text stage

void BM_TextCleanPrefix(benchmark::State& state) {
  const std::string& t = GetSamples().all_text;
  for (auto _ : state) benchmark::DoNotOptimize(text::CleanPrefixLength(t));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_TextCleanPrefix);

void BM_TextRepairUtf8(benchmark::State& state) {
  // One invalid byte every ~200 bytes, as in a badly transcoded feed.
  std::string t = GetSamples().all_text;
  for (size_t i = 100; i < t.size(); i += 200) t[i] = '\xFF';
  std::string out;
  std::vector<uint32_t> map;
  for (auto _ : state) benchmark::DoNotOptimize(text::RepairUtf8(t, &out, &map));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_TextRepairUtf8);

void BM_TextNormalize(benchmark::State& state) {
  const std::string& t = GetSamples().all_text;
  std::string out;
  std::vector<uint32_t> map;
  for (auto _ : state) {
    text::Normalize(t, &out, &map);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_TextNormalize);

void BM_TextNormalizeAscii(benchmark::State& state) {
  // The fast path: pure ASCII text is copied with an identity map.
  std::string t = GetSamples().all_text;
  for (char& c : t) {
    if (static_cast<unsigned char>(c) >= 0x80) c = ' ';
  }
  std::string out;
  std::vector<uint32_t> map;
  for (auto _ : state) {
    text::Normalize(t, &out, &map);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_TextNormalizeAscii);

// A Document holding the samples normalised, as Tokenize expects it.
Document NormalizedDoc() {
  Document doc;
  doc.original = GetSamples().all_text;
  text::Normalize(doc.original, &doc.normalized, &doc.to_original);
  return doc;
}

void BM_TextTokenize(benchmark::State& state) {
  Document doc = NormalizedDoc();
  const auto end = static_cast<uint32_t>(doc.normalized.size());
  for (auto _ : state) {
    doc.tokens.clear();
    doc.lower.clear();
    text::Tokenize(0, end, &doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.normalized.size()));
  state.counters["tokens"] = static_cast<double>(doc.tokens.size());
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * doc.tokens.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TextTokenize);

void BM_TextSplitSentences(benchmark::State& state) {
  Document doc = NormalizedDoc();
  text::Tokenize(0, static_cast<uint32_t>(doc.normalized.size()), &doc);
  for (auto _ : state) {
    text::SplitSentences(&doc);
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.normalized.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * doc.sentences.size()));
}
BENCHMARK(BM_TextSplitSentences);

void BM_TextAnalyze(benchmark::State& state) {
  const Samples& s = GetSamples();
  Document doc;
  for (auto _ : state) {
    for (const Story& st : s.stories) {
      AnalyzeText(st.text, &doc);
      benchmark::DoNotOptimize(doc.sentences.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.text_bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * s.sentences));
}
BENCHMARK(BM_TextAnalyze);

// ---------------------------------------------------------------- lexicon lookups

// Lower-cased words of every sentence of the samples, as the parser sees them.
struct SentenceWords {
  std::vector<Document> docs;
  std::vector<std::vector<std::string_view>> words;  // views into docs[*].lower
  size_t tokens = 0;
};
const SentenceWords& GetSentenceWords() {
  static const SentenceWords* sw = [] {
    auto* w = new SentenceWords;
    const Samples& s = GetSamples();
    w->docs.resize(s.stories.size());
    for (size_t i = 0; i < s.stories.size(); ++i) {
      Document& doc = w->docs[i];
      AnalyzeText(s.stories[i].text, &doc);
      for (const Sentence& sent : doc.sentences) {
        std::vector<std::string_view> v;
        for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
          v.push_back(doc.Lower(doc.tokens[t]));
        }
        w->tokens += v.size();
        w->words.push_back(std::move(v));
      }
    }
    return w;
  }();
  return *sw;
}

void BM_LexiconMatchPhrase(benchmark::State& state) {
  auto lex = GetLexicon();
  const SentenceWords& sw = GetSentenceWords();
  size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const auto& words : sw.words) {
      for (size_t i = 0; i < words.size(); ++i) {
        auto m = lex->MatchPhrase(words, i);
        matches += m.has_value();
      }
    }
    benchmark::DoNotOptimize(matches);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sw.tokens));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_LexiconMatchPhrase);

void BM_LexiconVerbLemmas(benchmark::State& state) {
  auto lex = GetLexicon();
  const SentenceWords& sw = GetSentenceWords();
  for (auto _ : state) {
    size_t known = 0;
    for (const auto& words : sw.words) {
      for (std::string_view w : words) known += lex->VerbLemmas(w) != nullptr;
    }
    benchmark::DoNotOptimize(known);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sw.tokens));
}
BENCHMARK(BM_LexiconVerbLemmas);

// ---------------------------------------------------------------- parse + code

void CodeAll(benchmark::State& state, const std::vector<Story>& stories) {
  Coder coder(GetLexicon());
  std::vector<Event> events;
  CodeStats stats;
  size_t bytes = 0;
  for (const Story& s : stories) bytes += s.text.size();
  for (auto _ : state) {
    stats = CodeStats();
    for (const Story& s : stories) {
      events.clear();
      coder.CodeStory(s, &events, &stats);
    }
    benchmark::DoNotOptimize(events.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * stats.sentences));
  state.counters["sentences"] = static_cast<double>(stats.sentences);
  state.counters["events"] = static_cast<double>(stats.events);
}

void BM_CodeStory(benchmark::State& state) { CodeAll(state, GetSamples().stories); }
BENCHMARK(BM_CodeStory);

void BM_CodeSentence(benchmark::State& state) { CodeAll(state, GetSamples().sentence_stories); }
BENCHMARK(BM_CodeSentence);

// Cost per sentence against story length: one story of N sentences (the
// sample sentences in order, cycled, two per paragraph). A flat items/s means
// the story context costs nothing per sentence; a falling one, that it grows.
void BM_CodeStoryLength(benchmark::State& state) {
  const auto& pool = GetSamples().sentence_stories;
  Story story = pool[0];
  story.id = "length";
  story.text.clear();
  for (int64_t i = 0; i < state.range(0); ++i) {
    if (i > 0) story.text += i % 2 ? " " : "\n\n";
    story.text += pool[static_cast<size_t>(i) % pool.size()].text;
  }
  CodeAll(state, {story});
}
BENCHMARK(BM_CodeStoryLength)->Arg(1)->Arg(4)->Arg(16)->Arg(64);

void BM_CodeDocument(benchmark::State& state) {
  // Parse + code only: the text stage has already run.
  const Samples& s = GetSamples();
  Coder coder(GetLexicon());
  std::vector<Document> docs(s.stories.size());
  for (size_t i = 0; i < docs.size(); ++i) AnalyzeText(s.stories[i].text, &docs[i]);
  std::vector<Event> events;
  CodeStats stats;
  for (auto _ : state) {
    stats = CodeStats();
    for (size_t i = 0; i < docs.size(); ++i) {
      events.clear();
      coder.CodeDocument(s.stories[i], docs[i], &events, &stats);
    }
    benchmark::DoNotOptimize(events.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * stats.sentences));
}
BENCHMARK(BM_CodeDocument);

// ---------------------------------------------------------------- io: write

void BM_WriteEventToJson(benchmark::State& state) {
  const std::vector<Event>& events = GetEvents();
  const io::WriterInfo info{"dyad bench", GetLexicon()->fingerprint()};
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const Event& e : events) {
      std::string j = io::EventToJson(e, info);
      bytes += j.size() + 1;
      benchmark::DoNotOptimize(j.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events.size()));
}
BENCHMARK(BM_WriteEventToJson);

void BM_WriteTsv(benchmark::State& state) {
  const std::vector<Event>& events = GetEvents();
  std::ostringstream out;
  auto writer = io::MakeWriter("tsv", &out, {"dyad bench", GetLexicon()->fingerprint()});
  for (auto _ : state) {
    out.str(std::string());
    for (const Event& e : events) writer->Write(e);
    benchmark::DoNotOptimize(out.tellp());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events.size()));
}
BENCHMARK(BM_WriteTsv);

// ---------------------------------------------------------------- all together

void BM_Pipeline(benchmark::State& state) {
  const Samples& s = GetSamples();
  Coder coder(GetLexicon());
  const io::WriterInfo info{"dyad bench", GetLexicon()->fingerprint()};
  std::vector<Event> events;
  CodeStats stats;
  Story story;
  std::string error, out;
  size_t bytes = 0;
  for (const std::string& l : s.jsonl) bytes += l.size() + 1;
  for (auto _ : state) {
    stats = CodeStats();
    out.clear();
    for (const std::string& l : s.jsonl) {
      if (!io::ParseJsonStory(l, &story, &error)) continue;
      events.clear();
      coder.CodeStory(story, &events, &stats);
      for (const Event& e : events) {
        out += io::EventToJson(e, info);
        out += '\n';
      }
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * stats.sentences));
}
BENCHMARK(BM_Pipeline);

// `--dyad_load_report`: one load in a fresh process, for scripts.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int LoadReport() {
  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = CpuSeconds();
  DictStats stats;
  auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR, &stats);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = CpuSeconds() - cpu0;
  if (!lex.ok()) {
    std::cerr << "dyad_bench: " << lex.status().message() << "\n";
    return 2;
  }
  const Memory m = ReadMemory();
  std::printf(
      "lexicon load %.3f s wall, %.3f s CPU, entries %zu, errors %zu, peak RSS (VmHWM) %.1f MB, "
      "RSS %.1f MB\n",
      secs, cpu, (*lex)->entry_count(), stats.errors.size(), m.hwm_kb / 1024.0, m.rss_kb / 1024.0);
  return 0;
}

}  // namespace
}  // namespace dyad

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--dyad_load_report") == 0) return dyad::LoadReport();
  }
  dyad::baseline_rss_kb = dyad::ReadMemory().rss_kb;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("inputs", "examples/*.jsonl, examples/*.txt, tests/gold/dyad-gold.jsonl");
  benchmark::AddCustomContext("data", DYAD_SOURCE_DATA_DIR);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
