// dyad/event.h — one coded event, as the writers and the store see it.
//
// Field meanings follow the output contract in docs/OUTPUT_FORMAT.md. An
// event is only ever made from a pattern that matched: there is no default
// code, so every Event has a non-empty `code` from the CAMEO table.
#ifndef DYAD_EVENT_H_
#define DYAD_EVENT_H_

#include <optional>
#include <string>
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

struct Event {
  std::string id;         // stable hash of story id + sentence + ordinal
  std::string parent_id;  // shared by the events one compound-actor mention made; "" if single
  std::string story_id;
  int sentence = 0;  // 0-based sentence number in the story
  std::string date;  // event date (YYYY-MM-DD); the story date unless the text says otherwise
  std::string pub_date;
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
};

}  // namespace dyad

#endif  // DYAD_EVENT_H_
