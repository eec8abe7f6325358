#include "store/stream.h"

#include <utility>

namespace dyad::store {

EventStream::EventStream(const DedupOptions& o, Fn on_event)
    : fn_(std::move(on_event)), dedup_(o, [this](DedupEvent&& ev) { Emit(std::move(ev)); }) {}

void EventStream::Emit(DedupEvent&& ev) {
  MentionSpan ms;
  ms.reserve(ev.mentions.size());
  for (size_t i : ev.mentions) ms.push_back(&held_.at(i));
  ++events_;
  fn_(ev, ms);
  for (size_t i : ev.mentions) held_.erase(i);
}

void EventStream::Add(Mention&& m) {
  const size_t index = next_++;
  // Deduplicator::Add first closes the windows this mention's day ends
  // (emitting their events), then files the mention: it is held from here.
  auto [it, fresh] = held_.emplace(index, std::move(m));
  dedup_.Add(index, it->second);
}

void EventStream::Finish() { dedup_.Finish(); }

OneADayStream::OneADayStream(std::function<void(Mention&&)> keep)
    : keep_(std::move(keep)),
      stream_(DedupOptions{DedupOptions::Key::kActor, 1},
              [this](const DedupEvent&, const MentionSpan& ms) {
                // With a one-day window every event of a day is emitted when
                // the day ends, in the order of its first mention: the kept
                // mentions come out in input order, as OneADay() sorts them.
                keep_(Mention(*ms[0]));
              }) {}

}  // namespace dyad::store
