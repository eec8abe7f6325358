#include "store/views.h"

namespace dyad::store {

using nlohmann::ordered_json;

std::vector<DirectionSeries> BuildDirections(
    const std::vector<Mention>& mentions, const std::vector<std::pair<std::string, std::string>>& dirs,
    const std::map<int, Denominator>& daily, const SeriesOptions& so) {
  AlertOptions ao;
  ao.by = so.by;
  ao.dedup = so.dedup;
  std::vector<DirectionSeries> out;
  for (const auto& [s, t] : dirs) {
    DirectionSeries d;
    d.source = s;
    d.target = t;
    if (so.from && so.to) d.rows = BuildSeries(mentions, s, t, daily, so);
    // The direction's own mentions (all of them for "*" -> "*": not copied).
    std::vector<Mention> dyad;
    const bool any = s == "*" && t == "*";
    if (!any) {
      for (const auto& m : mentions) {
        if ((s == "*" || m.source_key == s) && (t == "*" || m.target_key == t)) dyad.push_back(m);
      }
    }
    const std::vector<Mention>& own = any ? mentions : dyad;
    auto events = Deduplicate(own, ao.dedup);
    d.alerts = DetectAlerts(own, events, daily, ao);
    out.push_back(std::move(d));
  }
  return out;
}

ordered_json DirectionJson(const DirectionSeries& d, Period by) {
  ordered_json sj;
  sj["source"] = d.source;
  sj["target"] = d.target;
  sj["rows"] = ordered_json::array();
  for (const auto& r : d.rows) {
    ordered_json rj;
    rj["period"] = PeriodLabel(r.start, by);
    rj["period_start"] = FormatDay(r.start);
    rj["mentions"] = r.mentions;
    rj["events"] = r.events;
    rj["goldstein_sum"] = r.goldstein_sum;
    auto mean = r.goldstein_mean();
    rj["goldstein_mean"] = mean ? ordered_json(*mean) : ordered_json();
    rj["verbal_coop"] = r.quad[0];
    rj["material_coop"] = r.quad[1];
    rj["verbal_conflict"] = r.quad[2];
    rj["material_conflict"] = r.quad[3];
    rj["stories"] = r.stories;
    rj["sentences"] = r.sentences;
    rj["alert"] = nullptr;
    for (const auto& al : d.alerts) {
      if (al.start == r.start) {
        rj["alert"] = {{"level", al.level},
                       {"baseline_mean", al.score.mean},
                       {"baseline_sd", al.score.sd},
                       {"z", al.score.z}};
      }
    }
    sj["rows"].push_back(std::move(rj));
  }
  return sj;
}

Status FillDrivers(EventStore& store, const std::vector<Alert>& alerts,
                   const std::vector<DedupEvent>& events, std::vector<Mention>* mentions,
                   size_t max_drivers) {
  for (const Alert& al : alerts) {
    for (size_t k = 0; k < al.drivers.size() && k < max_drivers; ++k) {
      DYAD_RETURN_IF_ERROR(store.FillText(&(*mentions)[events[al.drivers[k]].mentions[0]]));
    }
  }
  return Status::Ok();
}

ordered_json AlertsJson(const std::vector<Alert>& alerts, const std::vector<DedupEvent>& events,
                        const std::vector<Mention>& mentions, const AlertOptions& o,
                        size_t max_drivers) {
  ordered_json j;
  j["method"] = {{"by", PeriodName(o.by)},
                 {"baseline_periods", o.baseline},
                 {"min_baseline", o.min_baseline},
                 {"z", o.z},
                 {"sd_floor", o.sd_floor},
                 {"min_level", o.min_level},
                 {"per_100_stories", o.per_100_stories},
                 {"level", "sum over deduplicated events of max(0, -Goldstein)"}};
  j["alerts"] = ordered_json::array();
  for (const auto& al : alerts) {
    ordered_json aj;
    aj["source"] = al.source;
    aj["target"] = al.target;
    aj["period"] = PeriodLabel(al.start, o.by);
    aj["period_start"] = FormatDay(al.start);
    aj["level"] = al.level;
    aj["baseline_mean"] = al.score.mean;
    aj["baseline_sd"] = al.score.sd;
    aj["baseline_periods"] = al.score.n;
    aj["z"] = al.score.z;
    aj["events"] = al.events;
    aj["conflict_events"] = al.conflict_events;
    aj["mentions"] = al.mentions;
    aj["goldstein_sum"] = al.goldstein_sum;
    aj["stories"] = al.stories;
    aj["drivers"] = ordered_json::array();
    for (size_t k = 0; k < al.drivers.size() && k < max_drivers; ++k) {
      const auto& ev = events[al.drivers[k]];
      const auto& m = mentions[ev.mentions[0]];
      aj["drivers"].push_back({{"event_id", m.event.id},
                               {"date", m.event.date},
                               {"code", m.event.code},
                               {"goldstein", m.event.goldstein.value_or(0.0)},
                               {"num_mentions", ev.num_mentions},
                               {"num_sources", ev.num_sources},
                               {"num_articles", ev.num_articles},
                               {"story_id", m.event.story_id},
                               {"source", m.event.source.name},
                               {"target", m.event.target ? m.event.target->name : ""},
                               {"text", m.event.text}});
    }
    j["alerts"].push_back(std::move(aj));
  }
  return j;
}

}  // namespace dyad::store
