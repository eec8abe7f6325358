#include "io/duplicates.h"

#include <charconv>

namespace dyad::io {
namespace {

uint64_t Fnv(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string Rehash(const std::string& id, int occurrence) {
  return EventIdFromHash(Fnv("\x1f#" + std::to_string(occurrence), Fnv(id)));
}

}  // namespace

int StoryIdSet::See(std::string_view id, std::string_view origin, std::string* first) {
  uint64_t key = Fnv(id);
  auto [it, fresh] = seen_.try_emplace(key);
  Seen& s = it->second;
  if (fresh) {
    size_t colon = origin.rfind(':');
    uint64_t line = 0;
    if (colon != std::string_view::npos) {
      const char* b = origin.data() + colon + 1;
      const char* e = origin.data() + origin.size();
      auto [p, ec] = std::from_chars(b, e, line);
      if (ec != std::errc() || p != e) line = 0;
    }
    if (line == 0) {
      odd_origins_[key] = std::string(origin);
    } else {
      std::string_view file = origin.substr(0, colon);
      if (files_.empty() || files_.back() != file) files_.emplace_back(file);
      s.file = static_cast<uint32_t>(files_.size() - 1);
      s.line = line;
    }
  } else if (first) {
    *first = s.line ? files_[s.file] + ":" + std::to_string(s.line) : odd_origins_[key];
  }
  return static_cast<int>(++s.count);
}

void MakeIdsOccurrenceSpecific(int occurrence, std::vector<Event>* events) {
  if (occurrence <= 1) return;
  for (Event& e : *events) {
    e.id = Rehash(e.id, occurrence);
    if (!e.parent_id.empty()) e.parent_id = Rehash(e.parent_id, occurrence);
  }
}

}  // namespace dyad::io
