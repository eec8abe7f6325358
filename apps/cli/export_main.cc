// dyad export: the stored events as GDELT 2.0 event rows, PLOVER JSON Lines
// or dyad's own JSON Lines (formats in store/export.h and docs/STORE.md).
// Streams: memory holds only the events whose dedup window is open.
#include <fstream>
#include <iostream>
#include <optional>
#include <unordered_map>

#include "cli/common.h"
#include "dyad/gazetteer.h"
#include "store/country_codes.h"
#include "store/dedup.h"
#include "store/export.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::string format = "jsonl";
  std::string out;
  std::string from, to, source, target;
  bool raw = false;
  bool iso = false;  // gdelt: ISO country codes instead of CAMEO's
  bool no_header = false;
  int window = 1;
  std::string dedup_key = "dyad";
};

int RunExport(const ExportArgs& a) {
  auto store = OpenStoreForQuery("export", a.db, a.from, a.to, a.window);
  if (!store) return kExitUsage;
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!a.out.empty() && a.out != "-") {
    file.open(a.out);
    if (!file) {
      std::cerr << "dyad export: cannot write " << a.out << "\n";
      return kExitUsage;
    }
    out = &file;
  }
  store::DedupOptions dopt;
  dopt.window_days = a.window;
  dopt.key = a.dedup_key == "actor" ? store::DedupOptions::Key::kActor
                                    : store::DedupOptions::Key::kDyad;
  std::optional<std::string> src = "", tgt = "";
  if (!a.source.empty()) src = ResolveDyadEnd("export", a.source, *store);
  if (src && !a.target.empty()) tgt = ResolveDyadEnd("export", a.target, *store);
  if (!src || !tgt) return kExitBadInput;
  std::optional<store::CountryCodes> cameo;
  if (a.format == "gdelt" && !a.iso) {
    auto cc = store::CountryCodes::Load(store::CountryCodes::DefaultPath());
    if (!cc.ok()) {
      std::cerr << "dyad export: " << cc.status().message() << " (--iso writes ISO codes)\n";
      return kExitUsage;
    }
    cameo = std::move(cc).value();
  }
  const store::CountryCodes* codes = cameo ? &*cameo : nullptr;
  // The actors' country points for Actor1Geo/Actor2Geo (ActionGeo is the
  // stored location): the built-in gazetteer, when there is one.
  std::shared_ptr<const Gazetteer> gazetteer;
  if (a.format == "gdelt") {
    auto gz = Gazetteer::Load(Lexicon::DefaultDataDir() + "/geo/gazetteer.tsv");
    if (gz.ok()) gazetteer = *gz;
  }
  const Gazetteer* gzp = gazetteer.get();
  store::MentionQuery q{a.from, a.to, *src, *tgt, false, ""};
  // GDELT's rows carry no sentence: it is not read (nor inflated).
  q.sentence = a.format != "gdelt" && a.format != "gdelt-mentions";
  uint64_t mentions = 0, records = 0, skipped = 0;
  Status st;
  if (a.format == "plover") {
    st = store->ForEachMention(q, [&](store::Mention&& m) {
      ++mentions;
      auto j = store::PloverJson(m);
      if (!j) {
        ++skipped;
        return true;
      }
      *out << *j << '\n';
      ++records;
      return true;
    });
  } else {
    if ((a.format == "gdelt" || a.format == "gdelt-mentions") && !a.no_header) {
      const auto& cols =
          a.format == "gdelt" ? store::GdeltColumns() : store::GdeltMentionColumns();
      for (size_t i = 0; i < cols.size(); ++i) *out << (i ? "\t" : "") << cols[i];
      *out << '\n';
    }
    std::unordered_map<size_t, store::Mention> pending;
    auto emit = [&](store::DedupEvent&& ev) {
      std::vector<const store::Mention*> ms;
      for (size_t i : ev.mentions) ms.push_back(&pending.at(i));
      if (a.format == "gdelt") {
        *out << store::GdeltRow(ms, ev, codes, gzp) << '\n';
        ++records;
      } else if (a.format == "gdelt-mentions") {
        for (const store::Mention* m : ms) {
          *out << store::GdeltMentionRow(*m, ms[0]->event.id) << '\n';
          ++records;
        }
      } else {
        for (const store::Mention* m : ms) {
          *out << store::MentionJson(*m, ev, ms[0]->event.id) << '\n';
          ++records;
        }
      }
      for (size_t i : ev.mentions) pending.erase(i);
    };
    store::Deduplicator dedup(dopt, emit);
    size_t index = 0;
    st = store->ForEachMention(q, [&](store::Mention&& m) {
      ++mentions;
      if (a.format == "gdelt" && a.raw) {
        store::DedupEvent ev;
        ev.mentions = {0};
        ev.first_day = ev.last_day = m.day;
        ev.num_mentions = ev.num_sources = ev.num_articles = 1;
        ev.is_root = m.is_root;
        *out << store::GdeltRow({&m}, ev, codes, gzp) << '\n';
        ++records;
        return true;
      }
      size_t i = index++;
      auto [it, ok] = pending.emplace(i, std::move(m));
      dedup.Add(i, it->second);
      return true;
    });
    dedup.Finish();
  }
  out->flush();
  if (!st.ok()) {
    std::cerr << "dyad export: " << st.message() << "\n";
    return kExitBadInput;
  }
  if (!*out) {
    std::cerr << "dyad export: write error\n";
    return kExitBadInput;
  }
  std::cerr << "dyad export: " << mentions << " mentions -> " << records << " "
            << (a.format == "gdelt" ? (a.raw ? "GDELT rows (one per mention)"
                                             : "GDELT rows (deduplicated events)")
                : a.format == "gdelt-mentions" ? "GDELT Mentions rows"
                : a.format == "plover" ? "PLOVER records"
                                       : "JSON lines");
  if (a.format == "plover") {
    std::cerr << "; " << skipped << " skipped (CAMEO 01/02 have no PLOVER type)";
  }
  std::cerr << "\n";
  return kExitOk;
}

}  // namespace

RunFn AddExportCommand(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the stored events: 'gdelt' = GDELT 2.0 event table (61 tab-separated columns, one "
      "row per deduplicated event with NumMentions/NumSources/NumArticles; --raw: one per "
      "mention; a header row unless --no-header; CAMEO's country codes, as GDELT's, unless "
      "--iso), 'gdelt-mentions' = GDELT 2.0 Mentions table (16 columns, one row per mention, "
      "joined to the event table by GLOBALEVENTID), 'plover' = PLOVER JSON Lines (events whose "
      "CAMEO code has a PLOVER type), 'jsonl' = dyad's event JSON per mention with its "
      "deduplicated event. See docs/STORE.md.");
  cmd->add_option("--db", args->db, "Event store file")->required();
  cmd->add_option("--format", args->format, "gdelt, gdelt-mentions, plover or jsonl")
      ->check(CLI::IsMember({"gdelt", "gdelt-mentions", "plover", "jsonl"}));
  cmd->add_option("-o,--out", args->out, "Output file (default: stdout)");
  cmd->add_option("--from", args->from, "First event date (YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Last event date (YYYY-MM-DD)");
  cmd->add_option("--source", args->source,
                  "Only events of this source: country or group, by code or name (RUS, russia, NATO)");
  cmd->add_option("--target", args->target, "Only events of this target (as --source)");
  cmd->add_flag("--iso", args->iso,
                "gdelt: ISO 3166 country codes (ROU, MNE, TLS), as dyad's own output, instead of "
                "CAMEO's (ROM, MTN, TMP), which GDELT uses");
  cmd->add_flag("--raw", args->raw, "gdelt: one row per mention instead of per event");
  cmd->add_flag("--no-header", args->no_header,
                "gdelt, gdelt-mentions: no header row (as GDELT's own files)");
  cmd->add_option("--dedup-window", args->window, "Dedup window in days (1)");
  cmd->add_option("--dedup-key", args->dedup_key, "Dedup key: dyad or actor")
      ->check(CLI::IsMember({"dyad", "actor"}));
  return [args] { return RunExport(*args); };
}

}  // namespace dyad::cli
