// The stages run in order over one sentence, with the story's Discourse.
//
//   SentenceCoder sc(env, &discourse);
//   for each sentence s (in order): sc.Run(s, number, &events);
//
// Run() parses the sentence, builds its phrases, places and actors, then
// codes its events (CodeEvents: dyad's EventStage here; the reference
// coders' in compat::ReferenceSentenceCoder) and tells the Discourse what
// the sentence named. One SentenceCoder per story; not thread-safe.
#ifndef DYAD_CODE_SENTENCE_CODER_H_
#define DYAD_CODE_SENTENCE_CODER_H_

#include <vector>

#include "code/analysis.h"
#include "code/clauses.h"
#include "code/discourse.h"
#include "code/events.h"
#include "code/location.h"
#include "code/patterns.h"
#include "code/roles.h"

namespace dyad::code {

class SentenceCoder {
 public:
  SentenceCoder(const StoryEnv& env, Discourse* discourse);
  virtual ~SentenceCoder() = default;

  // Codes sentence number `sno`, appending its events to `out`; returns how
  // many, or -1 when a discard phrase dropped the sentence.
  int Run(const Sentence& s, int sno, std::vector<Event>* out);

  // The analysis of the last sentence Run() was given.
  const SentenceAnalysis& analysis() const { return a_; }

 protected:
  // Codes the analysed sentence's events: verbs in order, then noun
  // triggers, then statements.
  virtual void CodeEvents(std::vector<Event>* out);

  const StoryEnv& env_;
  Discourse& discourse_;
  SentenceAnalysis a_;
  Clauses clauses_;
  Roles roles_;
  Patterns patterns_;
  Emitter emitter_;
  EventStage events_;
  LocationStage location_;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_SENTENCE_CODER_H_
