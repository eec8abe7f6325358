// A progress line on stderr for long runs (code, ingest), shown only when
// stderr is a terminal and not --quiet:
//
//   dyad code: 12,000 stories, 96,300 sentences (31,200/s), 21,870 events, 41%, ETA 0:07
//
// The share done and the ETA are given when the input's size is known (all
// inputs regular files): the bytes of the records handed on so far over
// the files' total size. The line is redrawn at most four times a second
// and erased at the end, so the statistics line that follows stands alone.
// Not thread-safe: call it from the one thread that writes output.
#ifndef DYAD_APPS_CLI_PROGRESS_H_
#define DYAD_APPS_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace dyad::cli {

class Progress {
 public:
  // `enabled` is usually !quiet && StderrIsTerminal(); `files` the inputs
  // ("-" = stdin, whose size is unknown).
  Progress(const char* command, bool enabled, const std::vector<std::string>& files);
  ~Progress() { Done(); }

  static bool StderrIsTerminal();

  // Input bytes handed on for coding (a record's length).
  void AddBytes(uint64_t n) { bytes_ += n; }
  // Redraws the line if a quarter second has passed since the last time.
  void Update(uint64_t stories, uint64_t sentences, uint64_t events);
  // Erases the line (idempotent).
  void Done();

  // The line for these figures (for tests): `elapsed` seconds since start.
  std::string Line(uint64_t stories, uint64_t sentences, uint64_t events, double elapsed) const;

 private:
  std::string command_;
  bool enabled_;
  bool drawn_ = false;
  uint64_t total_bytes_ = 0;  // 0: unknown
  uint64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace dyad::cli

#endif  // DYAD_APPS_CLI_PROGRESS_H_
