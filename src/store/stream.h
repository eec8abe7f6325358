// Deduplicated events over a stream of mentions, for aggregates that must
// not hold every mention of a large store in memory (report, alerts,
// timeline: issue 18 item 9).
//
//   EventStream events(o.dedup, [&](const DedupEvent& ev, const MentionSpan& ms) {
//     ... ms[0] is the representative, ms[k] the mention ev.mentions[k]
//   });
//   store.ForEachMention(q, [&](Mention&& m) { events.Add(std::move(m)); return true; });
//   events.Finish();
//
// Mentions must come in non-decreasing day order (ForEachMention's order).
// Events come out in the order Deduplicate() gives for the same mentions,
// each with its mentions; DedupEvent::mentions index the mentions in the
// order they were added (as Deduplicate's index its input vector). Only the
// mentions of events whose window is still open are held.
#ifndef DYAD_STORE_STREAM_H_
#define DYAD_STORE_STREAM_H_

#include <cstddef>
#include <functional>
#include <unordered_map>
#include <vector>

#include "store/dedup.h"
#include "store/mention.h"

namespace dyad::store {

// The mentions of one event, in DedupEvent::mentions order.
using MentionSpan = std::vector<const Mention*>;

class EventStream {
 public:
  using Fn = std::function<void(const DedupEvent& ev, const MentionSpan& mentions)>;
  EventStream(const DedupOptions& o, Fn on_event);
  void Add(Mention&& m);
  void Finish();
  size_t mentions() const { return next_; }  // added so far
  size_t events() const { return events_; }   // emitted so far

 private:
  void Emit(DedupEvent&& ev);

  Fn fn_;
  std::unordered_map<size_t, Mention> held_;
  size_t next_ = 0, events_ = 0;
  Deduplicator dedup_;
};

// The one-a-day filter over a stream (OneADay()): passes on, in input
// order, the first mention of each (date, source actor code, target actor
// code, event code).
class OneADayStream {
 public:
  explicit OneADayStream(std::function<void(Mention&&)> keep);
  void Add(Mention&& m) { stream_.Add(std::move(m)); }
  void Finish() { stream_.Finish(); }

 private:
  std::function<void(Mention&&)> keep_;
  EventStream stream_;
};

}  // namespace dyad::store

#endif  // DYAD_STORE_STREAM_H_
