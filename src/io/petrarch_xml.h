// PETRARCH XML: story input and validation records.
//
//   <Sentences>
//     <Sentence date="20150102" id="AFP-01" category="DEMO" sentence="true">
//       <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>
//       <Text> Arnor restored ties with Gondor. </Text>
//       <Parse> ... </Parse>          (ignored: dyad parses the text itself)
//     </Sentence>
//   </Sentences>
//
// Validation files add <Environment> (dictionary file names, <Include>
// categories, <Config>), <Config option= value=> records between sentences,
// expectations (<EventCoding noevents="True"/>, error="...") and <Stop>.
//
// The reader is a small tolerant scanner, not a general XML parser: it knows
// these elements, decodes the five predefined entities and numeric
// references, skips comments, and reports each malformed record as
// "file:line: why" and goes on. A tag, comment or element that is never
// closed ends the open record (reported and skipped) and the file, with an
// error naming where it opened: reading never loops and never drops the
// rest of a file without saying so.
#ifndef DYAD_IO_PETRARCH_XML_H_
#define DYAD_IO_PETRARCH_XML_H_

#include <istream>
#include <map>
#include <string>
#include <vector>

#include "dyad/status.h"
#include "dyad/story.h"
#include "io/story_reader.h"

namespace dyad::io {

struct ExpectedEvent {
  std::string source, target, code;
};

struct PetrarchRecord {
  Story story;           // id, date (YYYY-MM-DD), text, origin "file:line"
  std::string category;  // category= attribute ("" if none)
  std::vector<ExpectedEvent> expected;
  bool noevents = false;        // <EventCoding noevents="True">
  std::string error;            // <EventCoding error="..."> ("" if none)
  bool has_expectation = false;  // any <EventCoding> at all
  bool evaluate = true;          // evaluate="false" records are not scored
  // <Config option= value=> seen since the previous record, in order.
  std::vector<std::pair<std::string, std::string>> config;
};

struct PetrarchFile {
  // <Environment> children by element name (Verbfile, Actorfile, ...), in
  // file order; several Actorfile elements or a comma list both give several.
  std::map<std::string, std::vector<std::string>> environment;
  std::vector<std::pair<std::string, std::string>> env_config;
  std::vector<std::string> include;  // <Include> categories ("" = all)
  std::vector<PetrarchRecord> records;
  bool stopped = false;  // a <Stop> record ended the file early
  size_t skipped = 0;    // records reported and left out of `records`
  size_t warnings = 0;   // records kept with a warning (invalid UTF-8)
};

// The longest tag or element content (<Text>, an <Environment> entry) the
// reader holds: a longer one is reported by file:line, its record skipped,
// and the reader goes on after it without holding it (a long comment or
// <Parse> is skipped silently). Files are read through a window of one
// record, so memory does not follow file size.
inline constexpr size_t kMaxXmlElementBytes = 4u << 20;

// Parses a PETRARCH XML file (story input or validation records). Bad
// records are reported through on_error and skipped. Fails only when the
// file cannot be read.
Status ReadPetrarchXml(const std::string& path, PetrarchFile* out, const ErrorFn& on_error);
void ParsePetrarchXml(const std::string& text, const std::string& name, PetrarchFile* out,
                      const ErrorFn& on_error);
// The same on an open stream, read `chunk` bytes at a time (64 KiB; tests
// and the fuzz harness use small chunks to cut steps at every byte).
void ReadPetrarchXmlFrom(std::istream& in, const std::string& name, PetrarchFile* out,
                         const ErrorFn& on_error, size_t chunk = 64u << 10);

// Story input: each <Sentence> read from `in` becomes one story, handed to
// on_story as soon as its record ends (memory holds one record); records
// counted into *counts. The story readers (story_reader.h: ReadStories with
// InputFormat::kXml, or a .xml file, or standard input that starts with
// '<') call this.
void ReadPetrarchStoriesFrom(std::istream& in, const std::string& name, const StoryFn& on_story,
                             const ErrorFn& on_error, ReadCounts* counts);

}  // namespace dyad::io

#endif  // DYAD_IO_PETRARCH_XML_H_
