#include "code/places.h"

#include <string_view>

namespace dyad::code {

using parse::Tag;

void FindLocations(const StoryEnv& env, SentenceAnalysis* out) {
  SentenceAnalysis& a = *out;
  a.locations.clear();
  const auto& w = a.parse.words;
  // "…, relief officials in Nairobi said": where the speaker is, not
  // where things happen. The trailing attribution starts at the last
  // comma whose following verbs are all verbs of saying.
  uint32_t attribution = static_cast<uint32_t>(w.size());
  for (uint32_t k = static_cast<uint32_t>(w.size()); k-- > 0;) {
    if (w[k].tag == Tag::kComma) {
      attribution = k;
      break;
    }
    int g = a.VerbAt(k);
    if (g >= 0 && !parse::IsSayVerb(w[a.parse.verbs[g].head].lemma)) break;
  }
  bool say_after = false;
  for (uint32_t k = attribution; k < w.size(); ++k) {
    int g = a.VerbAt(k);
    if (g >= 0 && parse::IsSayVerb(w[a.parse.verbs[g].head].lemma)) say_after = true;
  }
  if (!say_after || !env.rd.attribution_places) attribution = static_cast<uint32_t>(w.size());
  a.attribution = attribution;
  for (const Phrase& np : a.phrases) {
    if (np.b > attribution) continue;
    // Where things happen, not where they go ("fled into Bangladesh").
    bool outside_of = env.rd.place_phrases && np.prep > 0 && w[np.prep].lower == "of" &&
                      IsLocativePrep(w[np.prep - 1].lower);  // "outside of Basra"
    if (np.prep < 0 || (!IsLocativePrep(w[np.prep].lower) && !outside_of)) continue;
    // "in the Iraqi city of Basra": a demonym before a place noun.
    bool found = false;
    for (uint32_t k = np.b; k + 1 < np.e && !found && env.rd.place_phrases; ++k) {
      if (w[k].mention < 0 || !IsPlaceNoun(w[k + 1].lower)) continue;
      const LexEntry& e = env.lex.entry(a.parse.mentions[w[k].mention].entry);
      if (e.kind == EntryKind::kDemonym && a.parse.mentions[w[k].mention].e == k + 1) {
        a.locations.push_back({k, e.CodeOn(env.date).substr(0, 3)});
        found = true;
      }
    }
    if (found) continue;
    std::string_view pl = w[np.prep].lower;
    if (pl == "into" || pl == "from" || pl == "off") continue;
    for (uint32_t k = np.b; k < np.e; ++k) {
      if (w[k].mention < 0) continue;
      const LexEntry& e = env.lex.entry(a.parse.mentions[w[k].mention].entry);
      if (e.kind == EntryKind::kPlace || e.kind == EntryKind::kCountry ||
          e.kind == EntryKind::kCapital) {
        std::string c = e.CodeOn(env.date).substr(0, 3);
        a.locations.push_back({k, c});
        break;
      }
    }
  }
}

// The country of the place nearest to [b, e), preferring one after it; "" if none.
std::string NearestLocation(const SentenceAnalysis& a, uint32_t b, uint32_t e) {
  const std::string* best = nullptr;
  uint32_t best_dist = 1u << 30;
  for (const auto& [pos, country] : a.locations) {
    uint32_t dist = pos >= e ? pos - e : (b > pos ? b - pos : 0) + 4;
    if (dist < best_dist) {
      best_dist = dist;
      best = &country;
    }
  }
  return best ? *best : std::string();
}


}  // namespace dyad::code
