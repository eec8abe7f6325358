// dyad/story.h — one input story.
//
// A story is what a reader yields: an id, a publication date, the text, and
// optional provenance. Paragraphs in `text` are separated by blank lines.
#ifndef DYAD_STORY_H_
#define DYAD_STORY_H_

#include <string>

namespace dyad {

struct Story {
  std::string id;
  std::string date;    // YYYY-MM-DD, the story (publication) date
  std::string text;    // as read; may hold invalid UTF-8, the text stage repairs it
  std::string source;  // publisher, optional
  std::string url;     // optional
  // Where the story came from, for messages: "file:line".
  std::string origin;
};

// The years a story date may have. Outside them a date is a typo or junk
// (year 0000 or 9999 would make a daily timeline millions of rows long).
inline constexpr int kMinYear = 1800;
inline constexpr int kMaxYear = 2200;

// True if `s` is a valid calendar date written YYYY-MM-DD with a year in
// [kMinYear, kMaxYear].
bool IsValidDate(const std::string& s);

}  // namespace dyad

#endif  // DYAD_STORY_H_
