#include "cli/progress.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace dyad::cli {
namespace {

std::string Thousands(uint64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

}  // namespace

Progress::Progress(const char* command, bool enabled, const std::vector<std::string>& files)
    : command_(command), enabled_(enabled) {
  start_ = std::chrono::steady_clock::now();
  // The first update draws at once (a short run still shows its line once).
  last_ = start_ - std::chrono::seconds(1);
  if (!enabled_) return;
  for (const std::string& f : files) {
    struct stat st;
    if (f == "-" || stat(f.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      total_bytes_ = 0;
      return;
    }
    total_bytes_ += static_cast<uint64_t>(st.st_size);
  }
}

bool Progress::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

std::string Progress::Line(uint64_t stories, uint64_t sentences, uint64_t events,
                           double elapsed) const {
  std::string line = command_ + ": " + Thousands(stories) + " stories, " + Thousands(sentences) +
                     " sentences";
  if (elapsed > 0) {
    line += " (" + Thousands(static_cast<uint64_t>(static_cast<double>(sentences) / elapsed)) + "/s)";
  }
  line += ", " + Thousands(events) + " events";
  if (total_bytes_ > 0 && bytes_ > 0) {
    double done = std::min(1.0, static_cast<double>(bytes_) / static_cast<double>(total_bytes_));
    char buf[64];
    snprintf(buf, sizeof buf, ", %d%%", static_cast<int>(done * 100));
    line += buf;
    if (done > 0.01 && elapsed > 0) {
      auto left = static_cast<uint64_t>(elapsed * (1 - done) / done + 0.5);
      snprintf(buf, sizeof buf, ", ETA %llu:%02llu", static_cast<unsigned long long>(left / 60),
               static_cast<unsigned long long>(left % 60));
      line += buf;
    }
  }
  return line;
}

void Progress::Update(uint64_t stories, uint64_t sentences, uint64_t events) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  // \r back to the start of the line, \033[K erases what a longer line left.
  std::cerr << "\r" << Line(stories, sentences, events, elapsed) << "\033[K" << std::flush;
  drawn_ = true;
}

void Progress::Done() {
  if (drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace dyad::cli
