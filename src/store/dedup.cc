#include "store/dedup.h"

#include <algorithm>
#include <numeric>

namespace dyad::store {

std::string DedupKey(const Mention& m, const DedupOptions& o) {
  const Event& e = m.event;
  if (o.key == DedupOptions::Key::kActor) {
    return e.source.code + '\x1f' + (e.target ? e.target->code : std::string()) + '\x1f' + e.code;
  }
  return m.source_key + '\x1f' + m.target_key + '\x1f' + e.code;
}

Deduplicator::Deduplicator(DedupOptions o, std::function<void(DedupEvent&&)> emit)
    : o_(o), emit_(std::move(emit)) {
  if (o_.window_days < 1) o_.window_days = 1;
}

void Deduplicator::Close() {
  std::unique_ptr<Open> open = std::move(queue_.front());
  queue_.pop_front();
  auto it = by_key_.find(open->key);
  if (it != by_key_.end() && it->second == open.get()) by_key_.erase(it);
  DedupEvent ev = std::move(open->ev);
  ev.num_mentions = static_cast<int>(ev.mentions.size());
  ev.num_sources = static_cast<int>(open->publishers.size());
  ev.num_articles = static_cast<int>(open->stories.size());
  emit_(std::move(ev));
}

void Deduplicator::Add(size_t index, const Mention& m) {
  // Windows open in day order, so the expired ones are a prefix of the queue.
  while (!queue_.empty() && queue_.front()->ev.first_day + o_.window_days <= m.day) Close();
  std::string key = DedupKey(m, o_);
  auto it = by_key_.find(key);
  Open* open;
  if (it != by_key_.end()) {
    open = it->second;
  } else {
    queue_.push_back(std::make_unique<Open>());
    open = queue_.back().get();
    open->key = key;
    open->ev.first_day = m.day;
    by_key_[key] = open;
  }
  open->ev.mentions.push_back(index);
  open->ev.last_day = std::max(open->ev.last_day, m.day);
  open->ev.is_root |= m.is_root;
  open->publishers.insert(m.publisher);
  open->stories.insert(m.event.story_id);
}

void Deduplicator::Finish() {
  while (!queue_.empty()) Close();
}

std::vector<DedupEvent> Deduplicate(const std::vector<Mention>& mentions, const DedupOptions& o) {
  std::vector<size_t> order(mentions.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return mentions[a].day < mentions[b].day; });
  std::vector<DedupEvent> out;
  Deduplicator d(o, [&](DedupEvent&& ev) { out.push_back(std::move(ev)); });
  for (size_t i : order) d.Add(i, mentions[i]);
  d.Finish();
  return out;
}

std::vector<size_t> OneADay(const std::vector<Mention>& mentions) {
  DedupOptions o;
  o.key = DedupOptions::Key::kActor;
  o.window_days = 1;
  std::vector<size_t> keep;
  for (const DedupEvent& ev : Deduplicate(mentions, o)) keep.push_back(ev.mentions[0]);
  std::sort(keep.begin(), keep.end());
  return keep;
}

}  // namespace dyad::store
