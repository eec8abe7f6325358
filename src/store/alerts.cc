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

AlertBuilder::AlertBuilder(const AlertOptions& o, bool keep_drivers)
    : o_(o), keep_drivers_(keep_drivers) {}

void AlertBuilder::AddEvent(size_t seq, const DedupEvent& ev, const Mention& rep) {
  if (rep.target_key.empty()) return;
  int p = PeriodStart(ev.first_day, o_.by);
  Cell& a = cells_[{rep.source_key, rep.target_key}][p];
  ++a.events;
  a.mentions += ev.num_mentions;
  if (rep.event.goldstein) a.goldstein_sum += *rep.event.goldstein;
  double w = ConflictWeight(rep.event);
  if (w > 0) {
    ++a.conflict_events;
    a.level += w;
    if (keep_drivers_) a.drivers.push_back({seq, w, ev.num_mentions});
  }
}

void SortDrivers(std::vector<Driver>* drivers) {
  std::stable_sort(drivers->begin(), drivers->end(), [](const Driver& x, const Driver& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.num_mentions > y.num_mentions;
  });
}

std::vector<Alert> AlertBuilder::Finish(const std::map<int, Denominator>& daily) {
  const AlertOptions& o = o_;
  // Observed periods, in order, with their story counts.
  std::vector<int> observed;
  std::map<int, int64_t> stories_in;
  for (const auto& [day, d] : daily) {
    if (d.stories <= 0) continue;
    int p = PeriodStart(day, o.by);
    if (observed.empty() || observed.back() != p) observed.push_back(p);
    stories_in[p] += d.stories;
  }
  auto normalise = [&](double raw, int period) {
    if (!o.per_100_stories) return raw;
    auto it = stories_in.find(period);
    return it == stories_in.end() || it->second == 0 ? 0.0 : raw * 100.0 / it->second;
  };
  std::vector<Alert> out;
  for (auto& [dyad, periods] : cells_) {
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
      Alert out_a;
      out_a.source = dyad.first;
      out_a.target = dyad.second;
      out_a.start = p;
      out_a.events = a.events;
      out_a.conflict_events = a.conflict_events;
      out_a.mentions = a.mentions;
      out_a.goldstein_sum = a.goldstein_sum;
      out_a.level = level;
      out_a.score = z;
      auto st = stories_in.find(p);
      out_a.stories = st == stories_in.end() ? 0 : st->second;
      SortDrivers(&a.drivers);
      for (const Driver& d : a.drivers) out_a.drivers.push_back(d.seq);
      out.push_back(std::move(out_a));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Alert& x, const Alert& y) {
    if (x.start != y.start) return x.start < y.start;
    return x.score.z > y.score.z;
  });
  return out;
}

std::vector<Alert> DetectAlerts(const std::vector<Mention>& mentions,
                                const std::vector<DedupEvent>& events,
                                const std::map<int, Denominator>& daily, const AlertOptions& o) {
  AlertBuilder b(o, /*keep_drivers=*/true);
  for (size_t i = 0; i < events.size(); ++i) b.AddEvent(i, events[i], mentions[events[i].mentions[0]]);
  return b.Finish(daily);
}

}  // namespace dyad::store
