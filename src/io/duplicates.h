// Repeated story ids in one run: found, reported, and kept apart.
//
// Two stories with the same id are two stories to `dyad code`: both are
// coded, the repeat is reported ("file:line: duplicate story id 'X' (first
// at file:line)"), and the repeat's events get ids of their own, made from
// the occurrence, so no two events of a run share an id:
//
//   StoryIdSet seen;
//   std::string first;
//   int n = seen.See(story.id, story.origin, &first);   // 1, 2, …
//   if (n > 1) MakeIdsOccurrenceSpecific(n, &events);
#ifndef DYAD_IO_DUPLICATES_H_
#define DYAD_IO_DUPLICATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/event.h"

namespace dyad::io {

// The story ids seen so far, each as a 64-bit hash with where it was first
// seen and how often: about 40 bytes a story whatever the id's length (a
// 64-bit hash collision, which would report two different ids as one, is
// about 1 in 10^8 for a run of 100 million stories). Not thread-safe: call
// it in input order.
class StoryIdSet {
 public:
  // Counts one more occurrence of `id` (origin: "file:line") and returns
  // how many there have been, this one included: 1 the first time. On a
  // repeat, *first is where the id was first seen.
  int See(std::string_view id, std::string_view origin, std::string* first);

 private:
  struct Seen {
    uint32_t file = 0;   // index into files_
    uint32_t count = 0;
    uint64_t line = 0;   // 0: origin_ holds the whole origin
  };
  std::unordered_map<uint64_t, Seen> seen_;
  std::vector<std::string> files_;  // origins' file parts, the last one last
  std::unordered_map<uint64_t, std::string> odd_origins_;  // origins without ":line"
};

// Gives the events of the n-th occurrence of a story id (n > 1) ids of their
// own: each id and parent_id is hashed again with n (the same format, 16 hex
// digits, below 2^53: dyad/event.h). n <= 1 leaves them as they are, so a story seen once keeps the ids
// it always had.
void MakeIdsOccurrenceSpecific(int occurrence, std::vector<Event>* events);

}  // namespace dyad::io

#endif  // DYAD_IO_DUPLICATES_H_
