// Dyad-period series: per period (day, ISO week, month) of one directed
// dyad, the mention count, the deduplicated event count, Goldstein sum and
// mean, the four quad-class counts and the denominators (stories and
// sentences processed in the period, all publishers).
//
// Goldstein and quad counts are computed over the `basis`: deduplicated
// events (the default, one Goldstein score per event, as in GDELT's event
// table) or raw mentions. The one-a-day filter, when set, is applied to the
// mentions before anything else.
#ifndef DYAD_STORE_SERIES_H_
#define DYAD_STORE_SERIES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/dates.h"
#include "store/dedup.h"
#include "store/mention.h"
#include "store/store.h"

namespace dyad::store {

enum class Basis { kEvents, kMentions };

struct SeriesOptions {
  Period by = Period::kWeek;
  Basis basis = Basis::kEvents;
  bool one_a_day = false;
  DedupOptions dedup;
  // Days; when absent the series runs from the first to the last period
  // with a matching mention.
  std::optional<int> from, to;
};

struct SeriesRow {
  std::string source, target;
  int start = 0;          // first day of the period
  int64_t mentions = 0;   // after the one-a-day filter when it is on
  int64_t events = 0;     // deduplicated
  double goldstein_sum = 0;
  int64_t goldstein_n = 0;  // basis items that have a Goldstein score
  int64_t quad[4] = {0, 0, 0, 0};  // verbal coop, material coop, verbal conflict, material conflict
  double conflict = 0;    // sum of max(0, -Goldstein) over the basis (the alert level)
  int64_t stories = 0, sentences = 0;
  std::optional<double> goldstein_mean() const {
    if (goldstein_n == 0) return std::nullopt;
    return goldstein_sum / static_cast<double>(goldstein_n);
  }
};

// First and last day of the mentions matching the dyad (nullopt if none).
std::optional<std::pair<int, int>> DayRange(const std::vector<Mention>& mentions);

// The dense series of `source` -> `target` ("*" = any) over `mentions`
// (which may hold other dyads: they are ignored). Periods with nothing in
// them are present with zeros.
std::vector<SeriesRow> BuildSeries(const std::vector<Mention>& mentions, const std::string& source,
                                   const std::string& target,
                                   const std::map<int, Denominator>& daily,
                                   const SeriesOptions& o);

// The rows of one series built from mentions and deduplicated events given
// one at a time (the mentions of the dyad, after the one-a-day filter when
// it is on; the events Deduplicate() makes of them, in its order), so that
// a series can be streamed from the store. Dense over [from, to].
class SeriesBuilder {
 public:
  SeriesBuilder(const std::string& source, const std::string& target,
                const std::map<int, Denominator>& daily, const SeriesOptions& o, int from,
                int to);
  void AddMention(const Mention& m);
  void AddEvent(const DedupEvent& ev, const Mention& rep);
  std::vector<SeriesRow> Rows() && { return std::move(rows_); }

 private:
  SeriesRow* Row(int day);
  void Add(SeriesRow* r, const Event& e);
  SeriesOptions o_;
  std::vector<SeriesRow> rows_;
  std::map<int, size_t> row_of_;  // period start -> rows_ index
};

// Stories and sentences processed in [start, NextPeriod(start)).
Denominator PeriodDenominator(const std::map<int, Denominator>& daily, int start, Period by);

}  // namespace dyad::store

#endif  // DYAD_STORE_SERIES_H_
