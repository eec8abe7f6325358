// Escalation alerts: dyad-periods whose conflict level departs from the
// dyad's own trailing baseline (method and formula in docs/STORE.md).
//
// For a directed dyad (source key -> target key) and a period t:
//   level L_t = sum over the deduplicated events of t of max(0, -Goldstein)
//               (cooperation adds nothing; an attack adds 10, a threat ~5),
//               or, with per_100_stories, that sum * 100 / stories processed in t;
//   baseline  = the `baseline` most recent *observed* periods before t (a
//               period is observed when the store processed at least one
//               story dated in it; collection gaps are not calm), with the
//               dyad's level in each (0 when it had no events);
//   mean m and population standard deviation s of the baseline levels;
//   z_t = (L_t - m) / max(s, sd_floor).
// The dyad-period is an alert when the baseline has at least min_baseline
// periods, z_t >= z and L_t >= min_level. The floor keeps a quiet dyad
// (s = 0) from alerting on one minor event; min_level sets the smallest
// escalation worth a look (default 10: one attack, or two threats).
#ifndef DYAD_STORE_ALERTS_H_
#define DYAD_STORE_ALERTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/dates.h"
#include "store/dedup.h"
#include "store/mention.h"
#include "store/store.h"

namespace dyad::store {

struct AlertOptions {
  Period by = Period::kWeek;
  int baseline = 8;
  int min_baseline = 4;
  double z = 3.0;
  double sd_floor = 2.0;
  double min_level = 10.0;
  bool per_100_stories = false;
  DedupOptions dedup;
  std::optional<int> since;  // report only periods that start on or after this day
};

struct ZScore {
  int n = 0;  // baseline periods
  double mean = 0, sd = 0, z = 0;
};

// The z-score of `level` against `baseline` (population sd, floored).
ZScore TrailingZ(const std::vector<double>& baseline, double level, double sd_floor);

// A dyad's conflict contribution of one event: max(0, -Goldstein).
double ConflictWeight(const Event& e);

struct Alert {
  std::string source, target;
  int start = 0;  // first day of the period
  double level = 0;
  ZScore score;
  int64_t events = 0;           // deduplicated events of the dyad in the period
  int64_t conflict_events = 0;  // of which add to the level
  int64_t mentions = 0;
  double goldstein_sum = 0;     // over the deduplicated events
  int64_t stories = 0;          // processed in the period
  // Indexes into the DedupEvent vector given to DetectAlerts: the events
  // that add to the level, biggest contribution first.
  std::vector<size_t> drivers;
};

// A driver of an alert: an event that adds to its level (seq: its index in
// the event order), sorted biggest weight first, then most mentions, then
// in event order.
struct Driver {
  size_t seq = 0;
  double weight = 0;
  int num_mentions = 0;
};
void SortDrivers(std::vector<Driver>* drivers);

// DetectAlerts over events given one at a time, in Deduplicate()'s order
// (seq = 0, 1, 2 …), so that alerts can be streamed from the store: memory
// holds one cell per dyad and period. Without keep_drivers the alerts come
// out with no drivers (FillAlertDrivers in store/views.h reads them).
class AlertBuilder {
 public:
  AlertBuilder(const AlertOptions& o, bool keep_drivers);
  void AddEvent(size_t seq, const DedupEvent& ev, const Mention& rep);
  std::vector<Alert> Finish(const std::map<int, Denominator>& daily);

 private:
  struct Cell {
    double level = 0, goldstein_sum = 0;
    int64_t events = 0, conflict_events = 0, mentions = 0;
    std::vector<Driver> drivers;
  };
  AlertOptions o_;
  bool keep_drivers_;
  std::map<std::pair<std::string, std::string>, std::map<int, Cell>> cells_;
};

// Alerts over every directed dyad with a target, ordered by period start,
// then z (highest first). `events` must be Deduplicate(mentions, o.dedup).
std::vector<Alert> DetectAlerts(const std::vector<Mention>& mentions,
                                const std::vector<DedupEvent>& events,
                                const std::map<int, Denominator>& daily, const AlertOptions& o);

}  // namespace dyad::store

#endif  // DYAD_STORE_ALERTS_H_
