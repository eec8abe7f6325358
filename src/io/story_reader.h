// Story readers: JSON Lines, plain text and PETRARCH XML, chosen by
// InputFormat, else by file name (.jsonl/.ndjson, .xml, anything else one
// plain-text story) or by the first byte of standard input ('{', '<',
// anything else). Every command that reads stories reads them here.
//
// A reader never stops at a bad record: each problem is reported through
// `on_error` as "file:line: what is wrong", and reading goes on. Every record
// seen is counted, so stories in = stories yielded + stories reported.
#ifndef DYAD_IO_STORY_READER_H_
#define DYAD_IO_STORY_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "dyad/story.h"

namespace dyad::io {

enum class InputFormat { kAuto, kJsonl, kText, kXml };

using RawLineFn = std::function<void(std::string&& line, std::string&& where)>;

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // When set, JSON Lines records are handed over unparsed (with their
  // "file:line"); the caller runs ParseRecord on them, on any thread.
  RawLineFn on_raw_line;
  std::string default_date;                  // for plain-text stories (--date)
  size_t max_record_bytes = 4u << 20;        // longer records are reported and skipped
};

struct ReadCounts {
  uint64_t records = 0;   // stories seen (good or bad)
  uint64_t stories = 0;   // stories handed on
  uint64_t rejected = 0;  // stories reported and skipped
  uint64_t warnings = 0;  // stories handed on with a warning (e.g. invalid UTF-8)
};

using StoryFn = std::function<void(Story&&)>;
using ErrorFn = std::function<void(const std::string&)>;

// Whether `path` can be read as a file of stories: Ok for a regular file, a
// pipe or a socket (and for a path that does not exist: opening it says
// so); "PATH: is a directory" or "PATH: is a device" otherwise (/dev/null
// would read as an empty file, /dev/zero as one endless line).
Status CheckInputPath(const std::string& path);

// Reads `path` ("-" = standard input). Returns false only when the input
// cannot be opened at all (reported through on_error too).
bool ReadStories(const std::string& path, const ReaderOptions& opt, const StoryFn& on_story,
                 const ErrorFn& on_error, ReadCounts* counts);

// The same on an open stream; `name` is used in messages and as the id of a
// plain-text story.
void ReadStoriesFrom(std::istream& in, const std::string& name, InputFormat format,
                     const ReaderOptions& opt, const StoryFn& on_story, const ErrorFn& on_error,
                     ReadCounts* counts);

// The number of bytes of `s` that are not part of well-formed UTF-8 (the
// text stage replaces them later; readers report them).
size_t InvalidUtf8Bytes(std::string_view s);

// Parses one JSON Lines record. On failure returns false and sets *error.
// A flat record of string (and number, true, false, null) values is read by
// a fast scanner; anything else by nlohmann::json. Both give the same result.
bool ParseJsonStory(const std::string& line, Story* story, std::string* error);
// The same with nlohmann::json only: the reference the fast path is tested
// against.
bool ParseJsonStoryReference(const std::string& line, Story* story, std::string* error);

// Does for one JSON Lines record what the reader does: the size limit,
// UTF-8 repair, JSON and field checks. Counts into *counts; appends the
// messages to report ("file:line: …"); returns true when *story is good.
bool ParseRecord(std::string line, const std::string& where, const ReaderOptions& opt,
                 Story* story, std::vector<std::string>* messages, ReadCounts* counts);

}  // namespace dyad::io

#endif  // DYAD_IO_STORY_READER_H_
