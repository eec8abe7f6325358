#include "store/alerts.h"

#include <algorithm>
#include <cmath>

#include "store/series.h"

namespace dyad::store {

ZScore TrailingZ(const std::vector<double>& baseline, double level, double sd_floor) {
  ZScore s;
  s.n = static_cast<int>(baseline.size());
  if (s.n > 0) {
    double sum = 0;
    for (double v : baseline) sum += v;
    s.mean = sum / s.n;
    double ss = 0;
    for (double v : baseline) ss += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(ss / s.n);
  }
  double denom = std::max(s.sd, sd_floor);
  s.z = denom > 0 ? (level - s.mean) / denom : 0;
  return s;
}

double ConflictWeight(const Event& e) { return e.goldstein ? std::max(0.0, -*e.goldstein) : 0.0; }

std::vector<Alert> DetectAlerts(const std::vector<Mention>& mentions,
                                const std::vector<DedupEvent>& events,
                                const std::map<int, Denominator>& daily, const AlertOptions& o) {
  // Observed periods, in order, with their story counts.
  std::vector<int> observed;
  std::map<int, int64_t> stories_in;
  for (const auto& [day, d] : daily) {
    if (d.stories <= 0) continue;
    int p = PeriodStart(day, o.by);
    if (observed.empty() || observed.back() != p) observed.push_back(p);
    stories_in[p] += d.stories;
  }
  // Per dyad and period: the accumulating alert row.
  std::map<std::pair<std::string, std::string>, std::map<int, Alert>> cells;
  for (size_t i = 0; i < events.size(); ++i) {
    const DedupEvent& ev = events[i];
    const Mention& rep = mentions[ev.mentions[0]];
    if (rep.target_key.empty()) continue;
    int p = PeriodStart(ev.first_day, o.by);
    Alert& a = cells[{rep.source_key, rep.target_key}][p];
    a.source = rep.source_key;
    a.target = rep.target_key;
    a.start = p;
    ++a.events;
    a.mentions += ev.num_mentions;
    if (rep.event.goldstein) a.goldstein_sum += *rep.event.goldstein;
    double w = ConflictWeight(rep.event);
    if (w > 0) {
      ++a.conflict_events;
      a.level += w;
      a.drivers.push_back(i);
    }
  }
  auto normalise = [&](double raw, int period) {
    if (!o.per_100_stories) return raw;
    auto it = stories_in.find(period);
    return it == stories_in.end() || it->second == 0 ? 0.0 : raw * 100.0 / it->second;
  };
  std::vector<Alert> out;
  for (auto& [dyad, periods] : cells) {
    for (auto& [p, a] : periods) {
      if (a.level <= 0) continue;
      if (o.since && p < PeriodStart(*o.since, o.by)) continue;
      auto pos = std::lower_bound(observed.begin(), observed.end(), p);
      std::vector<double> base;
      for (auto it = pos; it != observed.begin() && static_cast<int>(base.size()) < o.baseline;) {
        --it;
        auto cell = periods.find(*it);
        base.push_back(normalise(cell == periods.end() ? 0.0 : cell->second.level, *it));
      }
      double level = normalise(a.level, p);
      if (static_cast<int>(base.size()) < o.min_baseline) continue;
      ZScore z = TrailingZ(base, level, o.sd_floor);
      if (z.z < o.z || level < o.min_level) continue;
      Alert out_a = a;
      out_a.level = level;
      out_a.score = z;
      auto st = stories_in.find(p);
      out_a.stories = st == stories_in.end() ? 0 : st->second;
      std::stable_sort(out_a.drivers.begin(), out_a.drivers.end(), [&](size_t x, size_t y) {
        double wx = ConflictWeight(mentions[events[x].mentions[0]].event);
        double wy = ConflictWeight(mentions[events[y].mentions[0]].event);
        if (wx != wy) return wx > wy;
        return events[x].num_mentions > events[y].num_mentions;
      });
      out.push_back(std::move(out_a));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Alert& x, const Alert& y) {
    if (x.start != y.start) return x.start < y.start;
    return x.score.z > y.score.z;
  });
  return out;
}

}  // namespace dyad::store
