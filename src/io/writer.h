// Event writers, chosen by name: "jsonl" (the output contract in
// docs/OUTPUT_FORMAT.md) and "tsv" (a header row, then one event a line;
// tabs, newlines and backslashes inside fields are escaped as \t \n \\).
#ifndef DYAD_IO_WRITER_H_
#define DYAD_IO_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "dyad/event.h"

namespace dyad::io {

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  // Called once before the first event of an output (the TSV header row).
  virtual void WriteHeader() {}
  virtual void Write(const Event& e) = 0;
  virtual void Finish() {}
};

struct WriterInfo {
  std::string coder;       // "dyad 0.1.0"
  std::string dictionary;  // "dyad@1a2b3c4d"
};

// nullptr for an unknown name.
std::unique_ptr<EventWriter> MakeWriter(std::string_view name, std::ostream* out,
                                        const WriterInfo& info);
// The same, appending the output to *out (which must outlive the writer):
// the same bytes, without a stream.
std::unique_ptr<EventWriter> MakeWriter(std::string_view name, std::string* out,
                                        const WriterInfo& info);

// The JSON object of one event (one line, no newline), as the jsonl writer prints it.
std::string EventToJson(const Event& e, const WriterInfo& info);
// The same, appended to *out (no allocation beyond its growth).
void AppendEventJson(const Event& e, const WriterInfo& info, std::string* out);

// The JSON object of an event's location (as in the event's "location").
std::string LocationToJson(const EventLocation& l);

// Escapes a TSV field: \ -> \\, tab -> \t, newline -> \n, CR -> \r.
std::string TsvEscape(std::string_view s);

// Writes v as std::to_chars(double) writes it (the shortest text that reads
// back as v, fixed or scientific, whichever is shorter) at out, which has
// room for 32 bytes; returns the end. A value in [0.001, 100000) with at
// most four decimals (7.4, 29.106, -58.357: goldstein scores, coordinates)
// is written directly, anything else by std::to_chars.
char* DoubleChars(double v, char* out);

}  // namespace dyad::io

#endif  // DYAD_IO_WRITER_H_
