// libFuzzer harness: the plain-text pipeline, every semantics (issue 17).
//
// The input is one story's text. It is coded with the default dictionaries
// under dyad's, PETRARCH's and TABARI's semantics; every span an event
// gives (trigger, source, target) must lie inside the text, and the trigger
// and the named actors must be the text's own bytes there.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/lexicon.h"
#include "dyad/story.h"
#include "io/story_reader.h"

namespace {

void Check(bool ok, const char* what, const dyad::Event& e) {
  if (!ok) {
    fprintf(stderr, "fuzz_text: %s (event %s, code %s, trigger '%s')\n", what, e.id.c_str(),
            e.code.c_str(), e.trigger.c_str());
    abort();
  }
}

void CheckSpan(const std::string& text, const dyad::Span& s, const std::string& shown,
               bool must_match, const char* what, const dyad::Event& e) {
  Check(s.begin <= s.end && s.end <= text.size(), what, e);
  if (must_match) Check(text.compare(s.begin, s.end - s.begin, shown) == 0, what, e);
}

std::vector<std::unique_ptr<dyad::Coder>>* Coders() {
  static auto* coders = [] {
    auto lex = dyad::Lexicon::Load(DYAD_SOURCE_DATA_DIR);
    if (!lex.ok()) {
      fprintf(stderr, "fuzz_text: %s\n", lex.status().message().c_str());
      abort();
    }
    auto* v = new std::vector<std::unique_ptr<dyad::Coder>>();
    for (auto sem : {dyad::Semantics::kDyad, dyad::Semantics::kPetrarch, dyad::Semantics::kTabari}) {
      dyad::CoderOptions o;
      o.semantics = sem;
      v->push_back(std::make_unique<dyad::Coder>(*lex, o));
    }
    return v;
  }();
  return coders;
}

}  // namespace

// The dictionaries load once, before the first input (and before
// -timeout counts).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Coders();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;  // the pipeline's cost, not its bounds, past this
  dyad::Story story;
  story.id = "fuzz";
  story.date = "2024-01-01";
  story.text.assign(reinterpret_cast<const char*>(data), size);
  const bool valid_utf8 = dyad::io::InvalidUtf8Bytes(story.text) == 0;
  for (const auto& coder : *Coders()) {
    std::vector<dyad::Event> events;
    dyad::CodeStats stats;
    coder->CodeStory(story, &events, &stats);
    for (const dyad::Event& e : events) {
      CheckSpan(story.text, e.trigger_span, e.trigger, valid_utf8, "trigger span outside the text", e);
      if (e.source.span.end > e.source.span.begin) {
        CheckSpan(story.text, e.source.span, e.source.name, valid_utf8,
                  "source span outside the text", e);
      }
      if (e.target && e.target->span.end > e.target->span.begin) {
        CheckSpan(story.text, e.target->span, e.target->name, valid_utf8,
                  "target span outside the text", e);
      }
      Check(e.story_id == story.id, "event of another story", e);
    }
  }
  return 0;
}
