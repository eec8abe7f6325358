// dyad report: one self-contained HTML page (charts as inline SVG, no
// scripts, no external resources) about an event store.
#include <ctime>
#include <fstream>
#include <iostream>

#include "cli/common.h"
#include "report/charts.h"
#include "report/report.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct ReportArgs {
  std::string db, out, network, title = "dyad report";
  std::vector<std::string> dict;
  bool no_default_dict = false;
  std::string by = "auto";
  std::string from, to;
  report::ReportOptions opt;
  int window = 1;
  std::string dedup_key = "dyad";
};

std::string BaseName(const std::string& p) {
  size_t s = p.find_last_of('/');
  return s == std::string::npos ? p : p.substr(s + 1);
}

int RunReport(ReportArgs a) {
  auto store = OpenStoreForQuery("report", a.db, a.from, a.to, a.window);
  if (!store) return kExitUsage;
  report::ReportOptions& o = a.opt;
  if (a.by == "auto") {
    // From the data: the range asked for, else the stored stories' and
    // events' dates.
    auto summary = (*store).Summary();
    if (!summary.ok()) {
      std::cerr << "dyad report: " << summary.status().message() << "\n";
      return kExitBadInput;
    }
    std::optional<int> first, last;
    for (const std::string& day : {summary->first_day, summary->first_event_day}) {
      if (auto d = store::ParseDay(day)) first = first ? std::min(*first, *d) : *d;
    }
    for (const std::string& day : {summary->last_day, summary->last_event_day}) {
      if (auto d = store::ParseDay(day)) last = last ? std::max(*last, *d) : *d;
    }
    if (!a.from.empty()) first = store::ParseDay(a.from);
    if (!a.to.empty()) last = store::ParseDay(a.to);
    o.by = first && last ? report::AutoPeriod(*first, *last) : store::Period::kWeek;
  } else {
    o.by = *store::ParsePeriod(a.by);
  }
  if (!a.from.empty()) o.from = store::ParseDay(a.from);
  if (!a.to.empty()) o.to = store::ParseDay(a.to);
  o.dedup.window_days = a.window;
  o.dedup.key = a.dedup_key == "actor" ? store::DedupOptions::Key::kActor
                                       : store::DedupOptions::Key::kDyad;
  o.title = a.title;
  o.db_name = BaseName(a.db);
  {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    o.generated = buf;
  }
  // Names for codes are a nicety: without dictionaries the report still works.
  std::vector<std::string> layers = DictLayers(a.dict, a.no_default_dict);
  auto lex = Lexicon::Load(layers);
  if (lex.ok()) {
    std::shared_ptr<const Lexicon> l = *lex;
    o.event_label = [l](const std::string& code) {
      const EventCodeInfo* info = l->EventCode(code);
      return info ? info->label : std::string();
    };
    o.actor_label = [l](const std::string& key) { return l->CountryName(key); };
  }
  report::ReportData data;
  auto html = report::BuildHtmlReport(*store, o, &data);
  if (!html.ok()) {
    std::cerr << "dyad report: " << html.status().message() << "\n";
    return kExitBadInput;
  }
  std::ofstream out(a.out);
  out << *html;
  out.close();
  if (!out) {
    std::cerr << "dyad report: cannot write " << a.out << "\n";
    return kExitUsage;
  }
  if (!a.network.empty()) {
    report::NetworkOptions no;
    no.title = "Actor network" + (a.from.empty() && a.to.empty()
                                      ? std::string()
                                      : ", " + (a.from.empty() ? "…" : a.from) + " to " +
                                            (a.to.empty() ? "…" : a.to));
    std::ofstream net(a.network);
    net << report::NetworkSvg(data.edges, no) << "\n";
    if (!net) {
      std::cerr << "dyad report: cannot write " << a.network << "\n";
      return kExitUsage;
    }
  }
  std::cerr << "dyad report: " << data.mentions << " mentions, " << data.events
            << " events, " << data.edges.size() << " dyads, " << data.alerts.size()
            << " alerts -> " << a.out << " (" << html->size() / 1024 << " KiB)\n";
  return kExitOk;
}

}  // namespace

RunFn AddReportCommand(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write one self-contained HTML page about an event store: summary and coverage "
      "(denominators), an overview timeline, alerts, timelines of the busiest dyads, the actor "
      "network, the top dyads and the top events with their evidence sentences highlighted.");
  cmd->add_option("--db", args->db, "Event store file")->required();
  cmd->add_option("--out", args->out, "HTML file to write")->required();
  cmd->add_option("--network", args->network, "Also write the actor network as an SVG file");
  cmd->add_option("--by", args->by,
                  "Period: day, week, month, or auto (default: from the data's range, days up to "
                  "three months, weeks up to three years, then months)")
      ->check(CLI::IsMember({"auto", "day", "week", "month"}));
  cmd->add_option("--from", args->from, "First event date (YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Last event date (YYYY-MM-DD)");
  cmd->add_option("--title", args->title, "Page title");
  AddDictOptions(cmd, &args->dict, &args->no_default_dict);
  cmd->add_option("--top-dyads", args->opt.top_dyads, "Rows in the top-dyads table (12)");
  cmd->add_option("--timelines", args->opt.timelines, "Timeline charts of the busiest dyads (4)");
  cmd->add_option("--top-events", args->opt.top_events, "Top events shown with evidence (12)");
  cmd->add_option("--z", args->opt.alerts.z, "Alert z-score threshold (3)");
  cmd->add_option("--baseline", args->opt.alerts.baseline, "Alert baseline periods (8)");
  cmd->add_option("--min-baseline", args->opt.alerts.min_baseline,
                  "No alert with fewer observed baseline periods (4)");
  cmd->add_option("--min-level", args->opt.alerts.min_level, "Smallest alerting level (10)");
  cmd->add_option("--dedup-window", args->window, "Dedup window in days (1)");
  cmd->add_option("--dedup-key", args->dedup_key, "Dedup key: dyad or actor")
      ->check(CLI::IsMember({"dyad", "actor"}));
  return [args] { return RunReport(*args); };
}

}  // namespace dyad::cli
