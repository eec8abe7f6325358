// The HTML report: one self-contained page (inline CSS and SVG, no scripts,
// no external resources) with the store's summary and coverage, an overview
// timeline, the alerts, timelines of the busiest dyads, a world map of where
// the events happened (report/map.h), the actor network,
// the top dyads, and the top events with their evidence sentences
// highlighted (source, target, trigger).
#ifndef DYAD_REPORT_REPORT_H_
#define DYAD_REPORT_REPORT_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "report/charts.h"
#include "store/alerts.h"
#include "store/dates.h"
#include "store/dedup.h"
#include "store/store.h"

namespace dyad::report {

struct ReportOptions {
  store::Period by = store::Period::kWeek;
  std::optional<int> from, to;  // event days; open when absent
  int top_dyads = 12;
  int timelines = 4;    // timeline charts for the busiest dyads
  int top_events = 12;
  int max_alerts = 30;
  store::DedupOptions dedup;
  store::AlertOptions alerts;  // `by` and `dedup` are taken from above
  std::string title = "dyad report";
  std::string db_name;      // shown in the header
  std::string generated;    // "2025-03-21 10:00 UTC", shown in the footer
  // Optional names: CAMEO code -> label, dyad key -> country name ("" = unknown).
  std::function<std::string(const std::string&)> event_label;
  std::function<std::string(const std::string&)> actor_label;
};

// What the report counted, for the caller's summary and the network SVG.
// Nothing here holds the store's mentions: the report streams them.
struct ReportData {
  int64_t mentions = 0;                   // in the report's range
  int64_t events = 0;                     // deduplicated, in the range
  std::vector<store::Alert> alerts;       // in range (baselines use all history);
                                          // drivers index driver_events
  std::vector<store::DedupEvent> driver_events;  // mentions[0] indexes driver_mentions
  std::vector<store::Mention> driver_mentions;
  std::vector<NetworkEdge> edges;
};

// The period a report of days [first, last] (days since 1970-01-01) reads
// best in: days up to three months, weeks up to three years, then months,
// so that a long sparse range is not a thousand one-pixel bars.
store::Period AutoPeriod(int first, int last);

// Reads what the report needs from the store and renders the page.
Result<std::string> BuildHtmlReport(store::EventStore& store, const ReportOptions& o,
                                    ReportData* data = nullptr);

// The evidence sentence of a mention as HTML, with the source, target and
// trigger spans marked (<mark class="src|tgt|trg">); everything escaped.
std::string HighlightEvidence(const store::Mention& m);

// True when `url` is an http:// or https:// URL (any case): the only story
// URLs the report makes links of ("javascript:", "data:" … would run or load
// something on a click). Nothing may come before the scheme, not even the
// spaces a browser would strip before reading it.
bool IsWebUrl(std::string_view url);

// Network edges built one deduplicated event at a time (its representative).
class EdgeBuilder {
 public:
  void Add(const store::Mention& rep);
  std::vector<NetworkEdge> Edges() const;

 private:
  std::map<std::pair<std::string, std::string>, NetworkEdge> edges_;
};

// Network edges (directed dyads with a target) over deduplicated events.
std::vector<NetworkEdge> BuildEdges(const std::vector<store::Mention>& mentions,
                                    const std::vector<store::DedupEvent>& events);

}  // namespace dyad::report

#endif  // DYAD_REPORT_REPORT_H_
