// Deduplication: mentions (one per coded event in a sentence) grouped into
// events, in GDELT's sense of an event with NumMentions, NumSources and
// NumArticles.
//
// Rule (docs/STORE.md): mentions with the same key — the dyad (source and
// target keys, see DyadKey) and the full CAMEO code, or with Key::kActor the
// full source and target actor codes and the CAMEO code — belong to one
// event when their dates fall in the window [d0, d0 + window_days) opened by
// the first such mention d0. A mention after the window opens a new event.
// Windows are anchored, not chained, so an event never spans more than
// window_days days however long a story runs.
//
//   window 1 (the default): one event per key and calendar day.
//
// The one-a-day filter (Phoenix, OEDA) keeps the first mention of each
// (date, source actor code, target actor code, event code): it is the set
// of representatives of Key::kActor with window 1.
#ifndef DYAD_STORE_DEDUP_H_
#define DYAD_STORE_DEDUP_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/mention.h"

namespace dyad::store {

struct DedupOptions {
  enum class Key { kDyad, kActor };
  Key key = Key::kDyad;
  int window_days = 1;  // >= 1
};

struct DedupEvent {
  // Indexes of its mentions by day (ties in input order); mentions[0] is the
  // first one (the representative: its id is the event's id, its date the
  // event's date).
  std::vector<size_t> mentions;
  int first_day = 0, last_day = 0;
  int num_mentions = 0;  // mentions
  int num_sources = 0;   // distinct publishers ("" counts as one)
  int num_articles = 0;  // distinct stories
  bool is_root = false;  // any mention from a story's lead paragraph
};

std::string DedupKey(const Mention& m, const DedupOptions& o);

// Groups mentions into events. Input in any order: mentions are taken by
// day (stable, so ties keep input order). Events come out by first day,
// then by the input position of their first mention.
std::vector<DedupEvent> Deduplicate(const std::vector<Mention>& mentions, const DedupOptions& o);

// Indexes (ascending) of the mentions the one-a-day filter keeps.
std::vector<size_t> OneADay(const std::vector<Mention>& mentions);

// The same grouping over a stream: Add() mentions in non-decreasing day
// order; each event is passed to `emit` as soon as its window has closed
// (and all at Finish()), in the order Deduplicate() gives. Memory holds only
// the events whose window is open.
class Deduplicator {
 public:
  Deduplicator(DedupOptions o, std::function<void(DedupEvent&&)> emit);
  void Add(size_t index, const Mention& m);
  void Finish();

 private:
  struct Open {
    DedupEvent ev;
    std::string key;
    std::set<std::string> publishers, stories;
  };
  void Close();

  DedupOptions o_;
  std::function<void(DedupEvent&&)> emit_;
  std::deque<std::unique_ptr<Open>> queue_;  // by first day
  std::unordered_map<std::string, Open*> by_key_;
};

}  // namespace dyad::store

#endif  // DYAD_STORE_DEDUP_H_
