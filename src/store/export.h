// Export formats of stored events (docs/STORE.md):
//   gdelt  — GDELT 2.0 event table: 61 tab-separated columns in GDELT's
//            order, one row per deduplicated event (NumMentions, NumSources,
//            NumArticles from the dedup), or per mention with --raw. Fields
//            dyad does not have (ethnic and religion codes, AvgTone, ADM2)
//            are left empty, never guessed. ActionGeo_* is the event's
//            location; Actor1Geo/Actor2Geo the actors' countries. Country codes are CAMEO's
//            (ROM, MTN, TMP), as in GDELT's files, unless asked for ISO.
//   plover — PLOVER JSON Lines (actor/recipient/event/mode/quad_code …), one
//            record per mention whose CAMEO code has a PLOVER type; CAMEO 01
//            and 02 have none and are skipped (and counted).
//   jsonl  — dyad's own event JSON (docs/OUTPUT_FORMAT.md) per mention, plus
//            publisher, url, is_root and the deduplicated event it belongs to.
#ifndef DYAD_STORE_EXPORT_H_
#define DYAD_STORE_EXPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dyad/event.h"
#include "store/country_codes.h"
#include "store/dedup.h"
#include "store/mention.h"

namespace dyad {
class Gazetteer;
}

namespace dyad::store {

inline constexpr int kGdeltColumnCount = 61;

// The 61 column names, GLOBALEVENTID … SOURCEURL.
const std::vector<std::string>& GdeltColumns();

// GLOBALEVENTID of an event id: the id's value, below 2^53 (dyad/event.h),
// so the same number as the id and exact as a double. An id of a store
// written before ids were kept below 2^53 (a full 64-bit value) gives its
// top 53 bits.
uint64_t GdeltEventId(const std::string& hex_id);

// GDELT's FractionDate: YEAR + ((MONTH - 1) * 30 + DAY) / 365, 4 decimals.
std::string GdeltFractionDate(const std::string& yyyy_mm_dd);

// One GDELT 2.0 row (no newline) for the event made of `mentions` (its
// first mention is the representative) with the given counts. With
// `cameo`, the actors' codes and country codes are written as CAMEO writes
// them (Actor1Code ROMGOV, Actor1CountryCode ROM); without, as dyad stores
// them (ISO: ROUGOV, ROU). The ActionGeo_* columns are the event's
// location (empty when it has none); with `gz`, Actor1Geo_*/Actor2Geo_*
// are the actors' countries (type 1, the gazetteer's country point).
std::string GdeltRow(const std::vector<const Mention*>& mentions, const DedupEvent& ev,
                     const CountryCodes* cameo = nullptr, const Gazetteer* gz = nullptr);

// A country's location (type "country", how "actor") from the gazetteer;
// nullopt for a code it does not know (regions, IGOs) or without one.
std::optional<EventLocation> CountryLocation(const std::string& country, const Gazetteer* gz);

// GDELT 2.0 Mentions table: its 16 column names, GLOBALEVENTID … Extras.
const std::vector<std::string>& GdeltMentionColumns();

// One Mentions row (no newline) of mention `m` of the deduplicated event
// whose representative's id is `event_id`: GLOBALEVENTID (that event's, so
// rows join the event table), EventTimeDate (the event's day) and
// MentionTimeDate (its story's publication day) as YYYYMMDD000000,
// MentionType 1 (web), MentionSourceName (publisher), MentionIdentifier
// (url, else the story id), SentenceID (1-based), the actors' and the
// trigger's offsets (bytes into the story, -1 for no target), InRawText 1,
// Confidence (0-100). MentionDocLen, MentionDocTone,
// MentionDocTranslationInfo and Extras are left empty.
std::string GdeltMentionRow(const Mention& m, const std::string& event_id);

// PLOVER quad category (1..4) of a PLOVER event type, 0 if unknown.
int PloverQuad(const std::string& type);

// The PLOVER JSON record of a mention; nullopt when its code has no
// PLOVER type.
std::optional<std::string> PloverJson(const Mention& m);

// dyad's event JSON of a mention with its store fields and the
// deduplicated event it belongs to (`event_id`: that event's id).
std::string MentionJson(const Mention& m, const DedupEvent& ev, const std::string& event_id);

}  // namespace dyad::store

#endif  // DYAD_STORE_EXPORT_H_
