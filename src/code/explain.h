// The analysis of a story as the stages saw it, for `dyad explain`: each
// sentence's words with their tags, its noun phrases and the actors they
// resolved to (and why), its verb groups with their clause and whether their
// act is asserted, the patterns tried, and every event emitted or candidate
// dropped with the rule that decided it.
//
//   Coder coder(lex);
//   std::string json = coder.ExplainJson(story, &events);   // docs/EXPLAIN.md
//
// An Explanation belongs to one story being coded; the stages write to it
// only when StoryEnv::explain points at it, so coding without it costs
// nothing.
#ifndef DYAD_CODE_EXPLAIN_H_
#define DYAD_CODE_EXPLAIN_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "code/analysis.h"
#include "dyad/event.h"

namespace dyad::code {

class Explanation {
 public:
  // A line of the coder's reasoning about sentence `sno` (what --trace
  // prints); `v` is the verb group it concerns, or -1.
  void Note(int sno, const std::string& line, int v = -1);
  // A pattern of verb group v that passed the quick filter, and whether it
  // matched (with its score).
  void PatternTried(int sno, int v, const VerbPattern& p, bool matched, int score);
  // Records sentence `a` once its events are coded: `events` holds them
  // from a.first_event on.
  void AddSentence(const StoryEnv& env, const SentenceAnalysis& a, const std::vector<Event>& events);
  // A sentence given no analysis (a heading, or dropped by a discard phrase).
  void SkipSentence(const StoryEnv& env, const Sentence& s, int sno, const std::string& why);

  // {"story_id", "date", "sentences": [...]}, fields in docs/EXPLAIN.md.
  const nlohmann::json& doc() const { return doc_; }
  void Begin(const Story& story);
  // The same as readable text.
  std::string ToText() const;

 private:
  struct Pending {
    int v;
    std::string line;
  };
  struct Tried {
    int v;
    std::string pattern, origin;
    bool matched;
    int score;
  };
  nlohmann::json doc_;
  std::vector<Pending> notes_;  // of the sentence being coded
  std::vector<Tried> tried_;
};

// Writes the --trace line of the sentence's parse: verb groups [..] and
// noun phrases {.. =CODES}.
void TraceParse(const StoryEnv& env, const SentenceAnalysis& a);

// "main", "that", "relative", … (parse::ClauseKind).
const char* ClauseKindName(parse::ClauseKind k);
// "noun", "verb", "prep", … (parse::Tag).
const char* TagName(parse::Tag t);

}  // namespace dyad::code

#endif  // DYAD_CODE_EXPLAIN_H_
