// For the stages' unit tests: codes a short text with the default
// dictionaries and keeps the analysis of its last sentence, so that a test
// can look at what one stage made of it.
//
//   StageRun r("Kenyan police fired on marchers in Nairobi.");
//   int np = r.Phrase("Kenyan police");
//   EXPECT_EQ(r.Codes(np), "KENCOP");
#ifndef DYAD_CODE_TESTING_STAGE_RUN_H_
#define DYAD_CODE_TESTING_STAGE_RUN_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "code/analysis.h"
#include "code/discourse.h"
#include "code/reading.h"
#include "code/sentence_coder.h"

namespace dyad::code::testing {

// The default dictionaries (data/), loaded once for all tests.
std::shared_ptr<const Lexicon> DefaultLexicon();

class StageRun {
 public:
  explicit StageRun(const std::string& text, const std::string& date = "2024-03-01",
                    Semantics semantics = Semantics::kDyad);

  const SentenceAnalysis& a() const { return coder_->analysis(); }
  const StoryEnv& env() const { return *env_; }
  const std::vector<Event>& events() const { return events_; }
  const Discourse& discourse() const { return discourse_; }

  // The phrase whose words are exactly `words` (case as written), or -1.
  int Phrase(std::string_view words) const;
  // The phrase's actor codes joined by ',' ("?ROLE" for one with no code).
  std::string Codes(int np) const;
  // The verb group whose head word is `head` (as written), or -1.
  int Verb(std::string_view head) const;
  // The words [b, e) of the last sentence as written.
  std::string Words(uint32_t b, uint32_t e) const;
  // The events as "SRC>TGT:CODE" joined by spaces ("---" for no target);
  // with countries_only, each actor cut to its first three letters.
  std::string Coded(bool countries_only = false) const;

 private:
  std::shared_ptr<const Lexicon> lex_;
  CoderOptions opt_;
  Reading rd_;
  Story story_;
  Document doc_;
  Discourse discourse_;
  std::unique_ptr<StoryEnv> env_;
  std::unique_ptr<SentenceCoder> coder_;
  std::vector<Event> events_;
};

}  // namespace dyad::code::testing

#endif  // DYAD_CODE_TESTING_STAGE_RUN_H_
