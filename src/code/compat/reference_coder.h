// The sentence coder for `--semantics tabari|petrarch` on dyad's lexicon:
// dyad's stages with the reference reading, and ReferenceEvents for events.
#ifndef DYAD_CODE_COMPAT_REFERENCE_CODER_H_
#define DYAD_CODE_COMPAT_REFERENCE_CODER_H_

#include "code/compat/reference_events.h"
#include "code/sentence_coder.h"

namespace dyad::code::compat {

class ReferenceSentenceCoder : public SentenceCoder {
 public:
  ReferenceSentenceCoder(const StoryEnv& env, Discourse* discourse);

 protected:
  void CodeEvents(std::vector<Event>* out) override;

 private:
  ReferenceEvents reference_;
};

}  // namespace dyad::code::compat

#endif  // DYAD_CODE_COMPAT_REFERENCE_CODER_H_
