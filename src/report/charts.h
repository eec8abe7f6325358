// Charts as self-contained SVG strings (no scripts, no external fonts or
// styles), for files (`dyad timeline --plot`) and for inline use in the
// HTML report. Hovering a bar, point or edge shows its numbers (<title>).
#ifndef DYAD_REPORT_CHARTS_H_
#define DYAD_REPORT_CHARTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "store/alerts.h"
#include "store/dates.h"
#include "store/series.h"

namespace dyad::report {

struct TimelinePanel {
  std::string label;                    // "RUS → UKR"
  std::vector<store::SeriesRow> rows;   // dense, one per period
  std::vector<store::Alert> alerts;     // of this dyad; those inside the rows' range are marked
};

struct TimelineOptions {
  int width = 960;
  int panel_height = 300;
  std::string title;     // above the legend; "" for none
  std::string basis = "deduplicated events";  // what the bars count
  // A narrow chart for grids: no legend (the page has one), short labels.
  bool compact = false;
};

// Stacked quad-class bars per period, the mean Goldstein line on a fixed
// -10..+10 right axis, alerts marked (band and ▲ with z). One panel per
// entry, sharing the x axis layout.
std::string TimelineSvg(const std::vector<TimelinePanel>& panels, store::Period by,
                        const TimelineOptions& o);

struct NetworkEdge {
  std::string source, target;
  int64_t events = 0;
  double goldstein_sum = 0;
  int64_t goldstein_n = 0;
  int64_t conflict = 0, cooperation = 0;  // events in quads 3-4 and 1-2
};

struct NetworkOptions {
  int width = 720, height = 560;
  int max_nodes = 24;  // the busiest actors; edges to others are dropped
  std::string title;
};

// A directed actor network: nodes on a circle (sized by events in and out),
// curved edges (so A→B and B→A stay apart) whose width grows with events
// and whose colour is the mean Goldstein score (red conflict … green
// cooperation).
std::string NetworkSvg(const std::vector<NetworkEdge>& edges, const NetworkOptions& o);

// A tiny horizontal stacked bar of four quad counts (for tables).
std::string QuadBarSvg(const int64_t quad[4], int64_t scale_max, int width = 160, int height = 12);

// Bars of stories processed per period (the denominator).
std::string CoverageSvg(const std::vector<std::pair<int, int64_t>>& per_period, store::Period by,
                        int width = 960, int height = 120);

}  // namespace dyad::report

#endif  // DYAD_REPORT_CHARTS_H_
