// dyad alerts: dyad-periods whose conflict level departs from the dyad's
// own trailing baseline (trailing z-score; method in store/alerts.h and
// docs/STORE.md), each with the events that drove it.
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "report/svg.h"
#include "store/alerts.h"
#include "store/store.h"
#include "store/views.h"

namespace dyad::cli {
namespace {

struct AlertsArgs {
  std::string db, since;
  std::string source, target;  // only this dyad's alerts ("" = any)
  std::string by = "week";
  std::string format = "text";
  store::AlertOptions opt;
  int drivers = 5;
  int window = 1;
  std::string dedup_key = "dyad";
};

std::string F(double v, int d = 2) { return report::Num(v, d); }

std::string Clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "…";
}

int RunAlerts(AlertsArgs a) {
  if (!a.since.empty() && !IsValidDate(a.since)) {
    std::cerr << "dyad alerts: --since '" << a.since << "' is not YYYY-MM-DD\n";
    return kExitUsage;
  }
  if (a.opt.baseline < 1 || a.opt.min_baseline < 0 || a.window < 1) {
    std::cerr << "dyad alerts: --baseline and --dedup-window must be at least 1\n";
    return kExitUsage;
  }
  auto store = store::EventStore::Open(a.db, store::EventStore::Mode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "dyad alerts: " << store.status().message() << "\n";
    return kExitUsage;
  }
  a.opt.by = *store::ParsePeriod(a.by);
  if (!a.since.empty()) a.opt.since = store::ParseDay(a.since);
  a.opt.dedup.window_days = a.window;
  a.opt.dedup.key = a.dedup_key == "actor" ? store::DedupOptions::Key::kActor
                                           : store::DedupOptions::Key::kDyad;
  std::optional<std::string> src = "", tgt = "";
  if (!a.source.empty()) src = ResolveDyadEnd("alerts", a.source, **store);
  if (src && !a.target.empty()) tgt = ResolveDyadEnd("alerts", a.target, **store);
  if (!src || !tgt) return kExitBadInput;
  // Alerts are per dyad, each against its own baseline: the dyad's mentions
  // alone give its alerts. Streamed (light): no mention is held; then the
  // alerting dyads are read again for their drivers, and only the drivers
  // shown are read back whole.
  auto daily = (*store)->DailyDenominators();
  if (!daily.ok()) {
    std::cerr << "dyad alerts: " << daily.status().message() << "\n";
    return kExitBadInput;
  }
  size_t read = 0;
  auto streamed = store::StreamAlerts(**store, *src, *tgt, *daily, a.opt, &read);
  if (!streamed.ok()) {
    std::cerr << "dyad alerts: " << streamed.status().message() << "\n";
    return kExitBadInput;
  }
  if ((!src->empty() || !tgt->empty()) && read == 0) {
    std::cerr << "dyad alerts: no events for " << (src->empty() ? "*" : *src) << " -> "
              << (tgt->empty() ? "*" : *tgt) << " in " << a.db << "\n";
    return kExitBadInput;
  }
  std::vector<store::Alert> alerts = std::move(*streamed);
  std::vector<store::DedupEvent> events;
  std::vector<store::Mention> ms;
  if (Status s = store::FillAlertDrivers(**store, a.opt, &alerts, &events, &ms); !s.ok()) {
    std::cerr << "dyad alerts: " << s.message() << "\n";
    return kExitBadInput;
  }
  auto rep = [&](size_t ev) -> const store::Mention& { return ms[events[ev].mentions[0]]; };
  size_t nd = static_cast<size_t>(std::max(0, a.drivers));
  if (Status s = store::FillDrivers(**store, alerts, events, &ms, nd); !s.ok()) {
    std::cerr << "dyad alerts: " << s.message() << "\n";
    return kExitBadInput;
  }

  if (a.format == "json") {
    // The same JSON as GET /api/alerts (store/views.h).
    nlohmann::ordered_json j = store::AlertsJson(alerts, events, ms, a.opt, nd);
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (a.format == "tsv") {
    std::cout << "source\ttarget\tperiod\tperiod_start\tlevel\tbaseline_mean\tbaseline_sd\t"
                 "baseline_periods\tz\tevents\tconflict_events\tmentions\tgoldstein_sum\tstories\t"
                 "driver_event_ids\n";
    for (const auto& al : alerts) {
      std::string ids;
      for (size_t k = 0; k < al.drivers.size() && k < nd; ++k) {
        ids += (k ? "," : "") + rep(al.drivers[k]).event.id;
      }
      std::cout << al.source << '\t' << al.target << '\t' << store::PeriodLabel(al.start, a.opt.by)
                << '\t' << store::FormatDay(al.start) << '\t' << F(al.level) << '\t'
                << F(al.score.mean) << '\t' << F(al.score.sd) << '\t' << al.score.n << '\t'
                << F(al.score.z) << '\t' << al.events << '\t' << al.conflict_events << '\t'
                << al.mentions << '\t' << F(al.goldstein_sum) << '\t' << al.stories << '\t' << ids
                << '\n';
    }
  } else {
    for (const auto& al : alerts) {
      std::cout << store::PeriodLabel(al.start, a.opt.by) << "  " << al.source << " -> "
                << al.target << "  conflict level " << F(al.level, 1) << " vs baseline "
                << F(al.score.mean, 1) << " ± " << F(al.score.sd, 1) << " over " << al.score.n
                << " " << a.by << "s, z = " << F(al.score.z, 1) << "  (" << al.events
                << " events, " << al.conflict_events << " conflictual, " << al.stories
                << " stories processed)\n";
      for (size_t k = 0; k < al.drivers.size() && k < nd; ++k) {
        const auto& ev = events[al.drivers[k]];
        const auto& m = rep(al.drivers[k]);
        std::cout << "    " << m.event.date << "  " << m.event.code << "  "
                  << F(m.event.goldstein.value_or(0), 1) << "  x" << ev.num_mentions
                  << " mentions, " << ev.num_articles << " articles, " << ev.num_sources
                  << " sources  [" << m.event.story_id << "#" << m.event.sentence << "] "
                  << Clip(m.event.text, 140) << "\n";
      }
      if (al.drivers.size() > nd) {
        std::cout << "    … and " << al.drivers.size() - nd << " more\n";
      }
    }
    std::cerr << "dyad alerts: " << alerts.size() << " alert" << (alerts.size() == 1 ? "" : "s")
              << " (" << store::PeriodAdjective(a.opt.by) << ", trailing " << a.opt.baseline << ", z >= " << F(a.opt.z, 1)
              << ", level >= " << F(a.opt.min_level, 1) << ")\n";
  }
  return kExitOk;
}

}  // namespace

RunFn AddAlertsCommand(CLI::App& app) {
  auto args = std::make_shared<AlertsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "alerts",
      "List dyad-periods whose conflict level (sum over deduplicated events of max(0, "
      "-Goldstein)) departs from the dyad's trailing baseline: z = (level - mean) / max(sd, "
      "floor) over the previous --baseline observed periods; an alert needs z >= --z and level "
      ">= --min-level. Each alert lists the events that drove it. See docs/STORE.md.");
  cmd->add_option("--db", args->db, "Event store file")->required();
  cmd->add_option("--since", args->since, "Only alerts in periods from this date (YYYY-MM-DD)");
  cmd->add_option("--source", args->source,
                  "Only alerts of this source: country or group, by code or name (RUS, ROM, "
                  "russia, NATO); exit 1 if unknown or without events");
  cmd->add_option("--target", args->target, "Only alerts of this target (as --source)");
  cmd->add_option("--by", args->by, "Period: day, week or month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  cmd->add_option("--format", args->format, "text, tsv or json")
      ->check(CLI::IsMember({"text", "tsv", "json"}));
  cmd->add_option("--baseline", args->opt.baseline, "Trailing observed periods in the baseline (8)");
  cmd->add_option("--min-baseline", args->opt.min_baseline,
                  "No alert with fewer observed baseline periods (4)");
  cmd->add_option("--z", args->opt.z, "z-score threshold (3)");
  cmd->add_option("--sd-floor", args->opt.sd_floor, "Floor of the baseline sd (2)");
  cmd->add_option("--min-level", args->opt.min_level, "Smallest conflict level that alerts (10)");
  cmd->add_flag("--per-100-stories", args->opt.per_100_stories,
                "Level per 100 stories processed in the period (corrects for volume)");
  cmd->add_option("--drivers", args->drivers, "Driving events shown per alert (5)");
  cmd->add_option("--dedup-window", args->window, "Dedup window in days (1)");
  cmd->add_option("--dedup-key", args->dedup_key, "Dedup key: dyad or actor")
      ->check(CLI::IsMember({"dyad", "actor"}));
  return [args] { return RunAlerts(*args); };
}

}  // namespace dyad::cli
