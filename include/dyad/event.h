// dyad/event.h — one coded event, as the writers and the store see it.
//
// Field meanings follow the output contract in docs/OUTPUT_FORMAT.md. An
// event is only ever made from a pattern that matched: there is no default
// code, so every Event has a non-empty `code` from the CAMEO table.
#ifndef DYAD_EVENT_H_
#define DYAD_EVENT_H_

#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// Byte span [begin, end) in the story's original text.
struct Span {
  uint32_t begin = 0, end = 0;
};

struct Actor {
  std::string code;                // CAMEO actor code: RUSGOV, IGOWSTNAT, SDNREB
  std::string name;                // the words that named it: "Vladimir Putin"
  std::string country;             // ISO alpha-3 / CAMEO region code, "" for IGOs
  std::string group;               // CAMEO known-group code (NAT, EEC, UNO), or ""
  std::vector<std::string> types;  // role codes: GOV, MIL, IGO …
  Span span;                       // where `name` stands in the story
};

// Where an event happened (docs/OUTPUT_FORMAT.md, "location"): a city, a
// first-level division or a country of the gazetteer (data/geo/), and how it
// was found. `type` is the precision: a country's point is never given as a city.
struct EventLocation {
  std::string name;         // "Kharkiv", "Donetsk Oblast", "Ukraine"
  std::string country;      // ISO alpha-3
  std::string admin1;       // first-level division's name, "" if unknown
  std::string admin1_code;  // its ISO 3166-2 code ("UA-14"), "" if unknown
  std::optional<double> lat, lon;  // none for a division the gazetteer has no point for
  int64_t geonames_id = 0;  // GeoNames id of a city, 0 otherwise
  std::string type;         // "city", "admin1" or "country"
  std::string how;          // "sentence", "dateline", "story" or "actor"
  std::optional<Span> span; // the words that named it in the story (none for "actor")
};

struct Event {
  std::string id;         // stable hash of story id + sentence + ordinal, below 2^53 (EventId)
  std::string parent_id;  // shared by the events one compound-actor mention made; "" if single
  std::string story_id;
  int sentence = 0;  // 0-based sentence number in the story
  std::string date;  // event date (YYYY-MM-DD); the story date unless the text says otherwise
  std::string pub_date;
  // Which rule set `date` (src/code/event_dates.h): "pub_date" (the story
  // date), "yesterday", "last night", "today", "weekday", "last week",
  // "days ago" or "month day".
  std::string date_rule = "pub_date";
  Actor source;
  std::optional<Actor> target;
  std::string code;  // CAMEO event code, leading zeros kept: "0256"
  std::string root;  // its two-digit root: "02"
  std::optional<double> goldstein;
  int quad_class = 0;        // GDELT QuadClass 1..4
  std::string plover;        // PLOVER event type, "" for CAMEO 01/02
  std::string plover_mode;   // PLOVER mode where the crosswalk gives one
  std::string text;          // the sentence
  std::string trigger;       // the word(s) that carried the event: "threaten"
  Span trigger_span;
  std::string pattern;       // the dictionary pattern that matched, as written
  std::string pattern_origin;  // "file:line" of that pattern
  double confidence = 0;     // 0..1
  std::vector<std::string> notes;  // how the actors were found (e.g. "passive", "location")
  std::optional<EventLocation> location;  // where it happened; none when nothing places it
};

// Event ids are 16 hex digits whose value is below 2^53: a hash of the
// story id, the sentence number and the event's ordinal in the sentence,
// kept to its top 53 bits so that the number is exact as a double (R,
// Excel, JavaScript, pandas' float columns) and can be GDELT's integer
// GLOBALEVENTID, the same number. Stable: the same story gives the same ids.
inline constexpr uint64_t kEventIdLimit = uint64_t{1} << 53;

// The id of a 64-bit hash: its top 53 bits, as 16 lower-case hex digits
// ("000d9a1f0c3b2e47").
inline std::string EventIdFromHash(uint64_t hash) {
  uint64_t v = hash >> 11;
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = "0123456789abcdef"[v & 15];
  return out;
}

// The value of a hex id (at most its first 16 digits; other characters
// count as 0).
inline uint64_t EventIdValue(std::string_view hex_id) {
  uint64_t v = 0;
  for (char c : hex_id.substr(0, 16)) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                 : c >= 'A' && c <= 'F'           ? c - 'A' + 10
                                                                  : 0;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v;
}

}  // namespace dyad

#endif  // DYAD_EVENT_H_
