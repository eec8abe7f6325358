// What `dyad timeline` / `dyad alerts` and `dyad serve`'s /api/timeline and
// /api/alerts show, computed and written to JSON in one place, so that the
// CLI and the server cannot drift apart.
//
//   auto dirs = store::BuildDirections(mentions, {{"RUS", "UKR"}}, daily, so);
//   nlohmann::ordered_json j = store::DirectionJson(dirs[0], so.by);
#ifndef DYAD_STORE_VIEWS_H_
#define DYAD_STORE_VIEWS_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/alerts.h"
#include "store/dedup.h"
#include "store/series.h"
#include "store/store.h"
#include "store/stream.h"

namespace dyad::store {

// One direction of a dyad timeline: its dense series and its alerts.
struct DirectionSeries {
  std::string source, target;
  std::vector<SeriesRow> rows;
  std::vector<Alert> alerts;
};

// For each (source, target) of `dirs` ("*" = any): BuildSeries over
// [so.from, so.to] (no rows when either is unset) and the alerts of that
// direction's own mentions (DetectAlerts with so's period and dedup and the
// default method otherwise).
std::vector<DirectionSeries> BuildDirections(
    const std::vector<Mention>& mentions, const std::vector<std::pair<std::string, std::string>>& dirs,
    const std::map<int, Denominator>& daily, const SeriesOptions& so);

// BuildDirections streamed from the store: each direction's mentions are
// read (light) in day order and folded as they come, so memory holds the
// series, the alert cells and the mentions of the open dedup windows only,
// never the dyad's mentions. `mentions`, when given, receives how many
// mentions each direction has (at any date). The alerts have no drivers.
Result<std::vector<DirectionSeries>> StreamDirections(
    EventStore& store, const std::vector<std::pair<std::string, std::string>>& dirs,
    const std::map<int, Denominator>& daily, const SeriesOptions& so,
    std::vector<size_t>* mentions = nullptr);

// DetectAlerts streamed from the store over the mentions of source ->
// target ("" = any), without drivers. `mentions`, when given, receives how
// many mentions were read.
Result<std::vector<Alert>> StreamAlerts(EventStore& store, const std::string& source,
                                        const std::string& target,
                                        const std::map<int, Denominator>& daily,
                                        const AlertOptions& o, size_t* mentions = nullptr);

// Fills the drivers of alerts made without them: each alerting dyad's
// mentions are read again (light) and deduplicated alone, and the events
// that drive its alerts are appended to `events`, their representatives to
// `mentions` (each event's `mentions` then holds the one index of its
// representative); Alert::drivers index `events`, in DetectAlerts' order.
Status FillAlertDrivers(EventStore& store, const AlertOptions& o, std::vector<Alert>* alerts,
                        std::vector<DedupEvent>* events, std::vector<Mention>* mentions);

// {"source","target","rows":[{"period","period_start","mentions","events",
// "goldstein_sum","goldstein_mean","verbal_coop","material_coop",
// "verbal_conflict","material_conflict","stories","sentences","alert"}]}
// (docs/STORE.md); "alert" is null or {"level","baseline_mean","baseline_sd","z"}.
nlohmann::ordered_json DirectionJson(const DirectionSeries& d, Period by);

// Reads back whole (EventStore::FillText) the representative mention of the
// first `max_drivers` drivers of each alert, for mentions read light.
Status FillDrivers(EventStore& store, const std::vector<Alert>& alerts,
                   const std::vector<DedupEvent>& events, std::vector<Mention>* mentions,
                   size_t max_drivers);

// {"method":{…},"alerts":[{…,"drivers":[…]}]} as `dyad alerts --format json`
// prints it: `events` = Deduplicate(mentions, o.dedup), `alerts` their
// DetectAlerts; at most `max_drivers` drivers per alert.
nlohmann::ordered_json AlertsJson(const std::vector<Alert>& alerts,
                                  const std::vector<DedupEvent>& events,
                                  const std::vector<Mention>& mentions, const AlertOptions& o,
                                  size_t max_drivers);

}  // namespace dyad::store

#endif  // DYAD_STORE_VIEWS_H_
