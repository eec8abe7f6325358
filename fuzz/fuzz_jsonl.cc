// libFuzzer harness: the JSON Lines reader (issue 17).
//
// The input is read as a JSON Lines stream with a small record limit (so
// the over-long path is reached), every story handed on must have an id
// and a valid date, every message must name "fuzz.jsonl:LINE", and for every
// line the fast record scanner must agree with the nlohmann::json reference.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "dyad/story.h"
#include "io/story_reader.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "fuzz_jsonl: %s\n", what);
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  dyad::io::ReaderOptions opt;
  opt.format = dyad::io::InputFormat::kJsonl;
  opt.max_record_bytes = 512;
  dyad::io::ReadCounts counts;
  std::istringstream in(input);
  uint64_t handed = 0;
  dyad::io::ReadStoriesFrom(
      in, "fuzz.jsonl", dyad::io::InputFormat::kJsonl, opt,
      [&](dyad::Story&& s) {
        ++handed;
        Check(!s.id.empty(), "a story without an id was handed on");
        Check(dyad::IsValidDate(s.date), "a story with an invalid date was handed on");
      },
      [&](const std::string& m) {
        Check(m.rfind("fuzz.jsonl:", 0) == 0, "a message does not name fuzz.jsonl:LINE");
        for (char c : m) Check(static_cast<unsigned char>(c) >= 0x20 || c == '\t',
                               "a message holds a control character");
      },
      &counts);
  Check(handed == counts.stories, "stories handed on differ from the count");
  Check(counts.records >= counts.stories, "more stories than records");

  // The fast scanner and the reference agree, line by line.
  size_t b = 0;
  while (b <= input.size()) {
    size_t e = input.find('\n', b);
    if (e == std::string::npos) e = input.size();
    const std::string line = input.substr(b, e - b);
    dyad::Story fast, ref;
    std::string fast_err, ref_err;
    const bool f = dyad::io::ParseJsonStory(line, &fast, &fast_err);
    const bool r = dyad::io::ParseJsonStoryReference(line, &ref, &ref_err);
    Check(f == r, "fast and reference JSON parsers disagree on whether a record is good");
    if (f) {
      Check(fast.id == ref.id && fast.date == ref.date && fast.text == ref.text &&
                fast.source == ref.source && fast.url == ref.url,
            "fast and reference JSON parsers read different fields");
    }
    b = e + 1;
  }
  return 0;
}
