// dyad unknown-actors: the noun phrases that stand where an actor would
// (the subject of a dictionary verb, its object, the object of a
// preposition right after it) but resolved to no actor, most frequent
// first, each with an example sentence, written as dictionary lines to be
// completed and pasted (docs/DICTIONARIES.md).
//
// It reads the coder's own analysis of each sentence, the one `dyad
// explain --format json` prints (docs/EXPLAIN.md), so what it calls "no
// actor" is exactly what the coder saw; it codes nothing differently.
#include <algorithm>
#include <iostream>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "dyad/coder.h"
#include "io/pipeline.h"
#include "io/story_reader.h"

namespace dyad::cli {
namespace {

using nlohmann::json;

struct UnknownArgs {
  std::string format = "dict";
  std::string input_format = "auto";
  std::string date;
  std::vector<std::string> dict;
  bool no_default_dict = false;
  bool all = false;
  int top = 100;
  int min_count = 1;
  int threads = 0;
  std::vector<std::string> files;
};

// One phrase, counted case-insensitively; the first occurrence is kept as
// the example.
struct Tally {
  std::string phrase;  // as first written, without a leading determiner
  uint64_t subject = 0, object = 0;
  std::string story_id;
  int sentence = 0;
  std::string example;
  uint64_t first_seen = 0;  // order of first sight, for stable ties
};

struct Found {
  std::string key, phrase, position, story_id, example;
  int sentence;
};

bool IsDeterminerWord(const std::string& lower) {
  static const char* kDets[] = {"the", "a", "an", "this", "that", "these", "those", "its",
                                "their", "his", "her", "our", "some", "several", "two", "three"};
  for (const char* d : kDets) {
    if (lower == d) return true;
  }
  return false;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool HasFlag(const json& actor, const char* flag) {
  for (const json& f : actor["flags"]) {
    if (f == flag) return true;
  }
  return false;
}

// The phrases of one story's analysis (a `dyad explain` JSON document)
// that stand in an actor position and name no actor. Without `all`, only
// phrases holding a name no dictionary knows (a word the parser tagged
// `proper` that is part of no dictionary phrase): "the Desert Hawks
// Brigade" is listed even though "brigade" is a role noun; common nouns
// there are mostly things ("the talks", "the border"), not actors.
void FindUnknown(const json& doc, bool all, std::vector<Found>* out) {
  const std::string story_id = doc.value("story_id", "");
  for (const json& s : doc["sentences"]) {
    if (s.contains("skipped")) continue;
    const json& words = s["words"];
    const json& phrases = s["phrases"];
    // Words inside a dictionary phrase: a mention starts at a word and its
    // text runs as many bytes as its "words".
    std::vector<bool> known(words.size(), false);
    for (size_t k = 0; k < words.size(); ++k) {
      if (!words[k].contains("mention")) continue;
      const uint32_t b = words[k]["span"][0].get<uint32_t>();
      const size_t len = words[k]["mention"]["words"].get<std::string>().size();
      for (size_t j = k; j < words.size() && words[j]["span"][1].get<uint32_t>() <= b + len; ++j) {
        known[j] = true;
      }
    }
    auto consider = [&](int np, const char* position) {
      if (np < 0 || np >= static_cast<int>(phrases.size())) return;
      const json& p = phrases[np];
      // A phrase that names an actor (or a place) is known; a demonym alone
      // on a thing names none. An actor made only of a role noun and a
      // country found around it ("the Desert Hawks Brigade" -> the army of
      // the place named) is listed when the phrase holds an unknown name.
      bool by_role = false;
      for (const json& x : p["actors"]) {
        if (x["code"].is_null() || HasFlag(x, "weak")) continue;
        if (x.value("how", "").find("role noun") == std::string::npos) return;
        by_role = true;
      }
      int b = p["words"][0].get<int>(), e = p["words"][1].get<int>();
      // Words of the phrase, a leading determiner and a trailing 's left out.
      while (b < e && IsDeterminerWord(Lower(words[b]["text"].get<std::string>()))) ++b;
      while (e > b && words[e - 1]["text"].get<std::string>() == "'s") --e;
      if (b >= e) return;
      bool named = false, content = false;
      for (int k = b; k < e; ++k) {
        const std::string tag = words[k]["tag"].get<std::string>();
        if (tag == "proper" && !known[static_cast<size_t>(k)]) named = true;
        if (tag == "proper" || tag == "noun") content = true;
      }
      if (!content || ((!all || by_role) && !named)) return;
      // The phrase as written: from its first word's start to its last's end.
      const std::string text = s["text"].get<std::string>();
      const uint32_t s0 = words[0]["span"][0].get<uint32_t>();
      const uint32_t pb = words[b]["span"][0].get<uint32_t>() - s0;
      const uint32_t pe = words[e - 1]["span"][1].get<uint32_t>() - s0;
      if (pe > text.size() || pb >= pe) return;
      std::string phrase = text.substr(pb, pe - pb);
      for (char& c : phrase) {
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
      }
      out->push_back({Lower(phrase), phrase, position, story_id, text, s["sentence"].get<int>()});
    };
    for (const json& v : s["verbs"]) {
      if (!v.value("dictionary_verb", false)) continue;
      bool copula = false;
      for (const json& f : v["flags"]) copula = copula || f == "copula";
      if (copula) continue;
      if (!v["subject"].is_null()) consider(v["subject"].get<int>(), "subject");
      const int ve = v["words"][1].get<int>();
      for (size_t i = 0; i < phrases.size(); ++i) {
        const int pb = phrases[i]["words"][0].get<int>();
        // Its object, or the object of a preposition right after it
        // ("clashed with X", "was attacked by X").
        if (pb == ve || (pb == ve + 1 && phrases[i].contains("prep"))) {
          consider(static_cast<int>(i), "object");
          break;
        }
      }
    }
  }
}

std::string Quote(std::string s, size_t max = 160) {
  if (s.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return "\"" + s + "\"";
}

struct Job {
  std::vector<Story> stories;
  std::vector<Found> found;
  uint64_t sentences = 0;
};

int RunUnknownActors(const UnknownArgs& a) {
  if (!a.date.empty() && !IsValidDate(a.date)) {
    std::cerr << "dyad unknown-actors: --date '" << a.date << "' is not YYYY-MM-DD\n";
    return kExitUsage;
  }
  if (a.threads < 0 || a.threads > kMaxThreads) {
    std::cerr << "dyad unknown-actors: --threads must be 0.." << kMaxThreads << "\n";
    return kExitUsage;
  }
  std::shared_ptr<const Lexicon> lex = LoadLexiconOrComplain(DictLayers(a.dict, a.no_default_dict));
  if (!lex) return kExitUsage;
  Coder coder(lex);
  const int threads =
      a.threads > 0 ? a.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  std::map<std::string, Tally> tally;
  uint64_t order = 0, sentences = 0, errors = 0;
  auto work = [&](Job& job) -> Job {
    std::vector<Event> events;
    for (const Story& s : job.stories) {
      events.clear();
      json doc = json::parse(coder.ExplainJson(s, &events, -1));
      job.sentences += doc["sentences"].size();
      FindUnknown(doc, a.all, &job.found);
    }
    job.stories.clear();
    return std::move(job);
  };
  auto collect = [&](Job& job) {
    sentences += job.sentences;
    for (Found& f : job.found) {
      auto [it, fresh] = tally.try_emplace(f.key);
      Tally& t = it->second;
      if (fresh) {
        t.phrase = f.phrase;
        t.story_id = f.story_id;
        t.sentence = f.sentence;
        t.example = f.example;
        t.first_seen = order++;
      }
      (f.position == std::string("subject") ? t.subject : t.object)++;
    }
  };
  io::OrderedPipeline<Job, Job> pipeline(threads, static_cast<size_t>(threads) * 2, work, collect);
  Job pending;
  auto on_story = [&](Story&& s) {
    pending.stories.push_back(std::move(s));
    if (pending.stories.size() >= 16) pipeline.Submit(std::exchange(pending, Job{}));
  };
  auto on_error = [&](const std::string& msg) {
    std::cerr << msg << "\n";
    ++errors;
  };
  io::ReaderOptions ropt;
  ropt.default_date = a.date;
  ropt.format = ParseInputFormat(a.input_format);
  io::ReadCounts counts;
  std::vector<std::string> files = a.files;
  if (files.empty()) files.push_back("-");
  for (const std::string& f : files) io::ReadStories(f, ropt, on_story, on_error, &counts);
  if (!pending.stories.empty()) pipeline.Submit(std::move(pending));
  pipeline.Finish();

  std::vector<const Tally*> ranked;
  for (const auto& [key, t] : tally) {
    if (t.subject + t.object >= static_cast<uint64_t>(a.min_count)) ranked.push_back(&t);
  }
  std::sort(ranked.begin(), ranked.end(), [](const Tally* x, const Tally* y) {
    uint64_t nx = x->subject + x->object, ny = y->subject + y->object;
    return nx != ny ? nx > ny : x->first_seen < y->first_seen;
  });
  if (a.top > 0 && ranked.size() > static_cast<size_t>(a.top)) ranked.resize(static_cast<size_t>(a.top));

  if (a.format == "tsv") {
    std::cout << "count\tsubject\tobject\tphrase\tstory_id\tsentence\texample\n";
    for (const Tally* t : ranked) {
      std::string ex = t->example;
      for (char& c : ex) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
      std::cout << t->subject + t->object << "\t" << t->subject << "\t" << t->object << "\t"
                << t->phrase << "\t" << t->story_id << "\t" << t->sentence << "\t" << ex << "\n";
    }
  } else {
    std::cout << "# dyad unknown-actors: " << tally.size()
              << " phrases in actor positions named no actor (" << counts.stories << " stories, "
              << sentences << " sentences); the " << ranked.size() << " shown, most frequent first.\n"
              << "# Before pasting, replace ??? with a CAMEO code and `group` with the right kind\n"
              << "# (person, org, group, agent, ...: docs/DICTIONARY_FORMAT.md); delete the rest.\n";
    for (const Tally* t : ranked) {
      std::cout << "group ??? : " << t->phrase << "    # " << t->subject + t->object << "x ("
                << t->subject << " subject, " << t->object << " object), e.g. " << t->story_id
                << "#" << t->sentence << ": " << Quote(t->example) << "\n";
    }
  }
  std::cerr << "dyad unknown-actors: stories " << counts.records << " (read " << counts.stories
            << ", rejected " << counts.rejected << "), sentences " << sentences << ", phrases "
            << tally.size() << ", errors " << errors << "\n";
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace

RunFn AddUnknownActorsCommand(CLI::App& app) {
  auto args = std::make_shared<UnknownArgs>();
  CLI::App* cmd = app.add_subcommand(
      "unknown-actors",
      "List the noun phrases that stand where an actor would (the subject of a dictionary verb, "
      "its object, the object of a preposition right after it) but named no actor, most "
      "frequent first, each with an example sentence, as dictionary lines to complete and paste "
      "(docs/DICTIONARIES.md). Input as for `dyad code`.");
  cmd->add_option("--format", args->format,
                  "dict (default: `group ??? : PHRASE  # count, example` lines) or tsv")
      ->check(CLI::IsMember({"dict", "tsv"}));
  AddInputFormatOption(cmd, &args->input_format);
  cmd->add_option("--date", args->date, "Date (YYYY-MM-DD) of plain-text stories");
  AddDictOptions(cmd, &args->dict, &args->no_default_dict);
  cmd->add_flag("--all", args->all,
                "Also phrases without an unknown name in them (common nouns: 'the gunmen', 'the "
                "talks'; role nouns that found no country)");
  cmd->add_option("--top", args->top, "Show at most N phrases (default 100; 0: all)");
  cmd->add_option("--min-count", args->min_count, "Show only phrases seen at least N times");
  cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  cmd->add_option("files", args->files, "Input files (default: stdin)");
  return [args] { return RunUnknownActors(*args); };
}

}  // namespace dyad::cli
