#include "store/series.h"

#include <algorithm>

namespace dyad::store {
namespace {

bool KeyMatches(const std::string& want, const std::string& have) {
  return want.empty() || want == "*" || want == have;
}

}  // namespace

std::optional<std::pair<int, int>> DayRange(const std::vector<Mention>& mentions) {
  if (mentions.empty()) return std::nullopt;
  int lo = mentions[0].day, hi = mentions[0].day;
  for (const Mention& m : mentions) {
    lo = std::min(lo, m.day);
    hi = std::max(hi, m.day);
  }
  return std::make_pair(lo, hi);
}

Denominator PeriodDenominator(const std::map<int, Denominator>& daily, int start, Period by) {
  Denominator d;
  int end = NextPeriod(start, by);
  for (auto it = daily.lower_bound(start); it != daily.end() && it->first < end; ++it) {
    d.stories += it->second.stories;
    d.sentences += it->second.sentences;
  }
  return d;
}

SeriesBuilder::SeriesBuilder(const std::string& source, const std::string& target,
                             const std::map<int, Denominator>& daily, const SeriesOptions& o,
                             int from, int to)
    : o_(o) {
  for (int p = PeriodStart(from, o.by); p <= to; p = NextPeriod(p, o.by)) {
    SeriesRow r;
    r.source = source;
    r.target = target;
    r.start = p;
    Denominator d = PeriodDenominator(daily, p, o.by);
    r.stories = d.stories;
    r.sentences = d.sentences;
    row_of_[p] = rows_.size();
    rows_.push_back(std::move(r));
  }
}

SeriesRow* SeriesBuilder::Row(int day) {
  auto it = row_of_.find(PeriodStart(day, o_.by));
  return it == row_of_.end() ? nullptr : &rows_[it->second];
}

void SeriesBuilder::Add(SeriesRow* r, const Event& e) {
  if (e.goldstein) {
    r->goldstein_sum += *e.goldstein;
    ++r->goldstein_n;
    r->conflict += std::max(0.0, -*e.goldstein);
  }
  if (e.quad_class >= 1 && e.quad_class <= 4) ++r->quad[e.quad_class - 1];
}

void SeriesBuilder::AddMention(const Mention& m) {
  SeriesRow* r = Row(m.day);
  if (!r) return;
  ++r->mentions;
  if (o_.basis == Basis::kMentions) Add(r, m.event);
}

void SeriesBuilder::AddEvent(const DedupEvent& ev, const Mention& rep) {
  SeriesRow* r = Row(ev.first_day);
  if (!r) return;
  ++r->events;
  if (o_.basis == Basis::kEvents) Add(r, rep.event);
}

std::vector<SeriesRow> BuildSeries(const std::vector<Mention>& all, const std::string& source,
                                   const std::string& target,
                                   const std::map<int, Denominator>& daily,
                                   const SeriesOptions& o) {
  // The dyad's mentions; for "*" -> "*" every mention, read in place (a
  // copy of millions of mentions doubled the memory of a whole-store series).
  std::vector<Mention> own;
  const bool every = (source.empty() || source == "*") && (target.empty() || target == "*");
  if (!every) {
    for (const Mention& m : all) {
      if (KeyMatches(source, m.source_key) && KeyMatches(target, m.target_key)) own.push_back(m);
    }
  }
  if (o.one_a_day) {
    const std::vector<Mention>& from_ = every ? all : own;
    std::vector<Mention> kept;
    for (size_t i : OneADay(from_)) kept.push_back(from_[i]);
    own = std::move(kept);
  }
  const std::vector<Mention>& mentions = every && !o.one_a_day ? all : own;
  auto range = DayRange(mentions);
  int from, to;
  if (o.from && o.to) {
    from = *o.from;
    to = *o.to;
  } else if (range) {
    from = o.from.value_or(range->first);
    to = o.to.value_or(range->second);
  } else {
    return {};
  }
  if (to < from) return {};
  // The same builder as a series streamed from the store (store/stream.h).
  SeriesBuilder b(source, target, daily, o, from, to);
  for (const Mention& m : mentions) b.AddMention(m);
  for (const DedupEvent& ev : Deduplicate(mentions, o.dedup)) {
    b.AddEvent(ev, mentions[ev.mentions[0]]);
  }
  return std::move(b).Rows();
}

}  // namespace dyad::store
