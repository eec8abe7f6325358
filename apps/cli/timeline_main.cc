// dyad timeline: the dyad-period series of one directed dyad (and with
// --both its reverse) from an event store, as TSV or JSON, optionally drawn
// as an SVG chart.
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "report/charts.h"
#include "report/svg.h"
#include "store/alerts.h"
#include "store/series.h"
#include "store/views.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct TimelineArgs {
  std::string db, source, target;
  std::string by = "week";
  bool both = false;
  std::string format = "tsv";
  std::string plot;
  std::string from, to;
  std::string basis = "events";
  bool one_a_day = false;
  int window = 1;
  std::string dedup_key = "dyad";
};

std::string Fmt(double v) { return report::Num(v, 3); }

int RunTimeline(const TimelineArgs& a) {
  auto store = OpenStoreForQuery("timeline", a.db, a.from, a.to, a.window);
  if (!store) return kExitUsage;
  auto src_key = ResolveDyadEnd("timeline", a.source, *store);
  auto tgt_key = src_key ? ResolveDyadEnd("timeline", a.target, *store) : std::nullopt;
  if (!src_key || !tgt_key) return kExitBadInput;
  const std::string &src = *src_key, &tgt = *tgt_key;
  store::SeriesOptions so;
  so.by = *store::ParsePeriod(a.by);
  so.basis = a.basis == "mentions" ? store::Basis::kMentions : store::Basis::kEvents;
  so.one_a_day = a.one_a_day;
  so.dedup.window_days = a.window;
  so.dedup.key = a.dedup_key == "actor" ? store::DedupOptions::Key::kActor
                                        : store::DedupOptions::Key::kDyad;
  // All of the dyad's history: alerts need the baseline before --from.
  // Counted and ranged in SQL, then streamed: no mention is held.
  store::MentionQuery all_q{"", "", src, tgt, a.both, "", /*light=*/true};
  auto all = store->MentionExtent(all_q);
  auto daily = store->DailyDenominators();
  if (!all.ok() || !daily.ok()) {
    std::cerr << "dyad timeline: " << (!all.ok() ? all.status() : daily.status()).message()
              << "\n";
    return kExitBadInput;
  }
  if (all->mentions == 0) {
    std::cerr << "dyad timeline: no events for " << src << " -> " << tgt
              << (a.both ? " or back" : "") << " in " << a.db << " (at any date)\n";
    return kExitBadInput;
  }
  // Both directions share one period range: the days of the mentions
  // between --from and --to.
  store::MentionQuery in_q = all_q;
  in_q.from = a.from;
  in_q.to = a.to;
  auto in_range = store->MentionExtent(in_q);
  if (!in_range.ok()) {
    std::cerr << "dyad timeline: " << in_range.status().message() << "\n";
    return kExitBadInput;
  }
  std::optional<std::pair<int, int>> range;
  if (in_range->mentions > 0) {
    range = std::make_pair(store::ParseDay(in_range->first).value_or(0),
                           store::ParseDay(in_range->last).value_or(0));
  }
  if (!a.from.empty()) so.from = store::ParseDay(a.from);
  else if (range) so.from = range->first;
  if (!a.to.empty()) so.to = store::ParseDay(a.to);
  else if (range) so.to = range->second;
  if (!range && (a.from.empty() || a.to.empty())) {
    std::cerr << "dyad timeline: no events for " << src << " -> " << tgt
              << (a.both ? " or back" : "") << " in " << a.db << "\n";
  }

  std::vector<std::pair<std::string, std::string>> dirs = {{src, tgt}};
  if (a.both && src != tgt) dirs.push_back({tgt, src});
  // The same series and alerts as GET /api/timeline (store/views.h), streamed.
  auto streamed = store::StreamDirections(*store, dirs, *daily, so);
  if (!streamed.ok()) {
    std::cerr << "dyad timeline: " << streamed.status().message() << "\n";
    return kExitBadInput;
  }
  std::vector<store::DirectionSeries> directions = std::move(*streamed);
  std::vector<report::TimelinePanel> panels;
  for (const store::DirectionSeries& d : directions) {
    report::TimelinePanel p;
    p.label = d.source + " → " + d.target;
    p.rows = d.rows;
    p.alerts = d.alerts;
    panels.push_back(std::move(p));
  }
  auto alert_at = [](const report::TimelinePanel& p, int start) -> const store::Alert* {
    for (const auto& al : p.alerts) {
      if (al.start == start) return &al;
    }
    return nullptr;
  };

  if (a.format == "json") {
    nlohmann::ordered_json j;
    j["source"] = src;
    j["target"] = tgt;
    j["by"] = a.by;
    j["basis"] = a.basis;
    j["one_a_day"] = a.one_a_day;
    j["dedup"] = {{"key", a.dedup_key}, {"window_days", a.window}};
    j["series"] = nlohmann::ordered_json::array();
    for (const store::DirectionSeries& d : directions) {
      j["series"].push_back(store::DirectionJson(d, so.by));
    }
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "source\ttarget\tperiod\tperiod_start\tmentions\tevents\tgoldstein_sum\t"
                 "goldstein_mean\tverbal_coop\tmaterial_coop\tverbal_conflict\tmaterial_conflict\t"
                 "stories\tsentences\tevents_per_100_stories\talert_z\n";
    for (size_t k = 0; k < panels.size(); ++k) {
      for (const auto& r : panels[k].rows) {
        auto mean = r.goldstein_mean();
        const store::Alert* al = alert_at(panels[k], r.start);
        std::cout << dirs[k].first << '\t' << dirs[k].second << '\t'
                  << store::PeriodLabel(r.start, so.by) << '\t' << store::FormatDay(r.start) << '\t'
                  << r.mentions << '\t' << r.events << '\t' << Fmt(r.goldstein_sum) << '\t'
                  << (mean ? Fmt(*mean) : "") << '\t' << r.quad[0] << '\t' << r.quad[1] << '\t'
                  << r.quad[2] << '\t' << r.quad[3] << '\t' << r.stories << '\t' << r.sentences
                  << '\t'
                  << (r.stories ? Fmt(100.0 * static_cast<double>(r.events) / r.stories) : "")
                  << '\t' << (al ? Fmt(al->score.z) : "") << '\n';
      }
    }
  }
  if (!a.plot.empty()) {
    report::TimelineOptions to;
    to.title = src + (a.both ? " ⇄ " : " → ") + tgt + ": " + store::PeriodAdjective(so.by) + " events";
    to.basis = so.basis == store::Basis::kEvents ? "deduplicated events" : "mentions";
    std::ofstream out(a.plot);
    out << report::TimelineSvg(panels, so.by, to) << "\n";
    if (!out) {
      std::cerr << "dyad timeline: cannot write " << a.plot << "\n";
      return kExitBadInput;
    }
  }
  return kExitOk;
}

}  // namespace

RunFn AddTimelineCommand(CLI::App& app) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand(
      "timeline",
      "Print the dyad-period series of SOURCE -> TARGET from an event store: per period the "
      "mentions, deduplicated events, Goldstein sum and mean, the four quad-class counts, the "
      "stories and sentences processed (denominators) and the alert z-score where the period "
      "alerts. SOURCE/TARGET are countries or groups by ISO or CAMEO code or name (RUS, ROM or "
      "ROU, russia, 'united states', NATO, EU, UN, AU; * = any). Exit 1 when an end is unknown "
      "or the store has no event of the dyad.");
  cmd->add_option("--db", args->db, "Event store file")->required();
  cmd->add_option("source", args->source, "Source: country or group, by code or name")->required();
  cmd->add_option("target", args->target, "Target: country or group, by code or name")->required();
  cmd->add_option("--by", args->by, "Period: day, week (ISO, Monday) or month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  cmd->add_flag("--both", args->both, "Add the reverse direction TARGET -> SOURCE");
  cmd->add_option("--format", args->format, "tsv or json")->check(CLI::IsMember({"tsv", "json"}));
  cmd->add_option("--plot", args->plot, "Also draw the series as an SVG chart in this file");
  cmd->add_option("--from", args->from, "First event date (YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Last event date (YYYY-MM-DD)");
  cmd->add_option("--basis", args->basis,
                  "Goldstein and quad counts over deduplicated 'events' (default) or raw 'mentions'")
      ->check(CLI::IsMember({"events", "mentions"}));
  cmd->add_flag("--one-a-day", args->one_a_day,
                "Phoenix one-a-day filter: one mention per date, source, target and code");
  cmd->add_option("--dedup-window", args->window, "Dedup window in days (default 1)");
  cmd->add_option("--dedup-key", args->dedup_key,
                  "Dedup key: 'dyad' (country/group keys + code) or 'actor' (full actor codes + code)")
      ->check(CLI::IsMember({"dyad", "actor"}));
  return [args] { return RunTimeline(*args); };
}

}  // namespace dyad::cli
