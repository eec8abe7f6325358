// libFuzzer harness: the PETRARCH XML reader (issue 17).
//
// The input is parsed whole, and streamed through a window that grows a
// few bytes at a time (the chunk size from the first byte): both must give
// the same records and messages, every message must name "fuzz.xml:LINE",
// and every record kept must have a valid date.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/story.h"
#include "io/petrarch_xml.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "fuzz_xml: %s\n", what);
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk = 1 + data[0] % 32;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  dyad::io::PetrarchFile whole, streamed;
  std::vector<std::string> whole_msgs, streamed_msgs;
  dyad::io::ParsePetrarchXml(text, "fuzz.xml", &whole,
                             [&](const std::string& m) { whole_msgs.push_back(m); });
  std::istringstream in(text);
  dyad::io::ReadPetrarchXmlFrom(in, "fuzz.xml", &streamed,
                                [&](const std::string& m) { streamed_msgs.push_back(m); }, chunk);
  for (const std::string& m : whole_msgs) {
    Check(m.rfind("fuzz.xml:", 0) == 0, "a message does not name fuzz.xml:LINE");
    for (char c : m) {
      Check(static_cast<unsigned char>(c) >= 0x20 || c == '\t', "a message holds a control character");
    }
  }
  Check(whole_msgs == streamed_msgs, "streamed and whole reads give different messages");
  Check(whole.records.size() == streamed.records.size(), "streamed and whole reads differ in records");
  for (size_t i = 0; i < whole.records.size(); ++i) {
    const auto& a = whole.records[i];
    const auto& b = streamed.records[i];
    Check(a.story.id == b.story.id && a.story.text == b.story.text && a.story.date == b.story.date &&
              a.story.origin == b.story.origin && a.category == b.category &&
              a.expected.size() == b.expected.size() && a.noevents == b.noevents &&
              a.error == b.error && a.config == b.config && a.evaluate == b.evaluate &&
              a.has_expectation == b.has_expectation,
          "streamed and whole reads give different records");
    Check(dyad::IsValidDate(a.story.date), "a record with an invalid date was kept");
  }
  Check(whole.skipped == streamed.skipped && whole.warnings == streamed.warnings &&
            whole.stopped == streamed.stopped && whole.environment == streamed.environment &&
            whole.include == streamed.include && whole.env_config == streamed.env_config,
        "streamed and whole reads differ in their totals");
  return 0;
}
