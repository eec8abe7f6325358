// Where a sentence says things happen: the places named in its locative
// phrases, for actors that name no country and acts of force that name no
// target.
//
//   "Police fired tear gas at protesters in Nairobi, officials in Geneva said."
//   locations: Nairobi (KEN)       -- "in Geneva" is where the speaker is
//
// A place in a phrase after "into", "from" or "off" is where things went or
// came from, not where they happened; "the Iraqi city of Basra" is in Iraq.
#ifndef DYAD_CODE_PLACES_H_
#define DYAD_CODE_PLACES_H_

#include <string>

#include "code/analysis.h"

namespace dyad::code {

// Fills a->locations and a->attribution (needs a->phrases).
void FindLocations(const StoryEnv& env, SentenceAnalysis* a);

// The country of the location nearest to words [b, e), preferring one after
// them; "" if the sentence has none.
std::string NearestLocation(const SentenceAnalysis& a, uint32_t b, uint32_t e);

}  // namespace dyad::code

#endif  // DYAD_CODE_PLACES_H_
