// dyad/story.h — one input story.
//
// A story is what a reader yields: an id, a publication date, the text, and
// optional provenance. Paragraphs in `text` are separated by blank lines.
#ifndef DYAD_STORY_H_
#define DYAD_STORY_H_

#include <string>
#include <string_view>

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

// Reads a date the way news feeds write one and gives it as YYYY-MM-DD:
//   2024-02-18                       (returned as is)
//   2024-02-18T10:30:00Z, 2024-02-18T10:30+02:00, 2024-02-18 10:30:00.5-0500
//                                    (ISO 8601 date-times, any zone)
//   20240218                         (YYYYMMDD, as in PETRARCH and GDELT)
//   Sun, 18 Feb 2024 10:30:00 +0000, 18 Feb 2024 10:30 GMT
//                                    (RFC 2822, as in RSS)
// The date is the calendar day as written, in the writer's own zone (a
// story stamped 23:30-05:00 keeps its day; it is not moved to UTC). False,
// with *out untouched, for anything else or a day that does not exist.
bool NormalizeDate(std::string_view in, std::string* out);

// What NormalizeDate accepts, for messages: "date 'X' is not " + this.
inline constexpr const char* kDateFormats =
    "YYYY-MM-DD, an ISO 8601 date-time, YYYYMMDD or an RFC 2822 date";

}  // namespace dyad

#endif  // DYAD_STORY_H_
