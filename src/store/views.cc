#include "store/views.h"

#include <optional>

namespace dyad::store {

using nlohmann::ordered_json;

namespace {

// A direction's alerts are counted in the series' periods, over the
// series' deduplication (BuildDirections and StreamDirections alike).
AlertOptions DirectionAlertOptions(const SeriesOptions& so) {
  AlertOptions ao;
  ao.by = so.by;
  ao.dedup = so.dedup;
  return ao;
}

}  // namespace

std::vector<DirectionSeries> BuildDirections(
    const std::vector<Mention>& mentions, const std::vector<std::pair<std::string, std::string>>& dirs,
    const std::map<int, Denominator>& daily, const SeriesOptions& so) {
  const AlertOptions ao = DirectionAlertOptions(so);
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

Result<std::vector<DirectionSeries>> StreamDirections(
    EventStore& store, const std::vector<std::pair<std::string, std::string>>& dirs,
    const std::map<int, Denominator>& daily, const SeriesOptions& so, std::vector<size_t>* counts) {
  const AlertOptions ao = DirectionAlertOptions(so);
  std::vector<DirectionSeries> out;
  for (const auto& [s, t] : dirs) {
    DirectionSeries d;
    d.source = s;
    d.target = t;
    std::optional<SeriesBuilder> series;
    if (so.from && so.to && *so.from <= *so.to) series.emplace(s, t, daily, so, *so.from, *so.to);
    AlertBuilder alerts(ao, /*keep_drivers=*/false);
    // The alerts deduplicate the direction's mentions, the series those
    // that pass the one-a-day filter when it is on (as BuildDirections).
    EventStream alert_events(ao.dedup, [&](const DedupEvent& ev, const MentionSpan& ms) {
      alerts.AddEvent(alert_events.events() - 1, ev, *ms[0]);
      if (series && !so.one_a_day) series->AddEvent(ev, *ms[0]);
    });
    std::optional<EventStream> series_events;
    std::optional<OneADayStream> one_a_day;
    if (series && so.one_a_day) {
      series_events.emplace(so.dedup, [&](const DedupEvent& ev, const MentionSpan& ms) {
        series->AddEvent(ev, *ms[0]);
      });
      one_a_day.emplace([&](Mention&& m) {
        series->AddMention(m);
        series_events->Add(std::move(m));
      });
    }
    MentionQuery q;
    q.source = s;
    q.target = t;
    q.light = true;
    Status st = store.ForEachMention(q, [&](Mention&& m) {
      if (one_a_day) {
        one_a_day->Add(Mention(m));
      } else if (series) {
        series->AddMention(m);
      }
      alert_events.Add(std::move(m));
      return true;
    });
    if (!st.ok()) return st;
    alert_events.Finish();
    if (one_a_day) {
      one_a_day->Finish();
      series_events->Finish();
    }
    if (counts) counts->push_back(alert_events.mentions());
    if (series) {
      std::vector<SeriesRow> rows = std::move(*series).Rows();
      // As BuildSeries: a range that ends before it starts has no rows.
      d.rows = std::move(rows);
    }
    d.alerts = alerts.Finish(daily);
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<Alert>> StreamAlerts(EventStore& store, const std::string& source,
                                        const std::string& target,
                                        const std::map<int, Denominator>& daily,
                                        const AlertOptions& o, size_t* count) {
  AlertBuilder alerts(o, /*keep_drivers=*/false);
  EventStream events(o.dedup, [&](const DedupEvent& ev, const MentionSpan& ms) {
    alerts.AddEvent(events.events() - 1, ev, *ms[0]);
  });
  MentionQuery q;
  q.source = source;
  q.target = target;
  q.light = true;
  Status st = store.ForEachMention(q, [&](Mention&& m) {
    events.Add(std::move(m));
    return true;
  });
  if (!st.ok()) return st;
  events.Finish();
  if (count) *count = events.mentions();
  return alerts.Finish(daily);
}

Status FillAlertDrivers(EventStore& store, const AlertOptions& o, std::vector<Alert>* alerts,
                        std::vector<DedupEvent>* events, std::vector<Mention>* mentions) {
  // Alerts by dyad, then by period.
  std::map<std::pair<std::string, std::string>, std::map<int, std::vector<size_t>>> by_dyad;
  for (size_t i = 0; i < alerts->size(); ++i) {
    const Alert& a = (*alerts)[i];
    by_dyad[{a.source, a.target}][a.start].push_back(i);
  }
  for (const auto& entry : by_dyad) {
    // Named references, not structured bindings: clang 14 cannot capture
    // those in the lambdas below.
    const std::pair<std::string, std::string>& dyad = entry.first;
    const std::map<int, std::vector<size_t>>& periods = entry.second;
    // The dyad's events alone are the events the whole stream gives for it
    // (the dedup key holds the dyad), in the same relative order.
    struct Candidate {
      DedupEvent ev;
      Mention rep;
    };
    std::vector<Candidate> found;
    std::map<int, std::vector<Driver>> drivers;  // period -> drivers (seq = index in found)
    EventStream stream(o.dedup, [&](const DedupEvent& ev, const MentionSpan& ms) {
      int p = PeriodStart(ev.first_day, o.by);
      if (!periods.count(p)) return;
      double w = ConflictWeight(ms[0]->event);
      if (w <= 0) return;
      drivers[p].push_back({found.size(), w, ev.num_mentions});
      Candidate c{ev, *ms[0]};
      c.ev.mentions.clear();
      found.push_back(std::move(c));
    });
    MentionQuery q;
    q.source = dyad.first;
    q.target = dyad.second;
    q.light = true;
    DYAD_RETURN_IF_ERROR(store.ForEachMention(q, [&](Mention&& m) {
      // Only the dyad itself: "" in a query means any.
      if (m.source_key == dyad.first && m.target_key == dyad.second) stream.Add(std::move(m));
      return true;
    }));
    stream.Finish();
    for (auto& [p, list] : drivers) {
      SortDrivers(&list);
      for (size_t ai : periods.at(p)) {
        Alert& a = (*alerts)[ai];
        a.drivers.clear();
        for (const Driver& d : list) {
          Candidate& c = found[d.seq];
          DedupEvent ev = c.ev;
          ev.mentions = {mentions->size()};
          mentions->push_back(c.rep);
          a.drivers.push_back(events->size());
          events->push_back(std::move(ev));
        }
      }
    }
  }
  return Status::Ok();
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
