// A mention: one coded event in one sentence of one story, as the store
// holds it. Deduplication groups mentions into events (GDELT's sense), and
// every series is computed from mentions.
#ifndef DYAD_STORE_MENTION_H_
#define DYAD_STORE_MENTION_H_

#include <string>
#include <string_view>

#include "dyad/event.h"

namespace dyad::store {

struct Mention {
  Event event;            // as the coder made it (event.id is the mention id)
  std::string publisher;  // Story::source, "" when the input gave none
  std::string url;
  std::string source_key;  // dyad ends: DyadKey() of source and target ("" = no target)
  std::string target_key;
  int day = 0;                 // event.date as days since 1970-01-01
  bool is_root = false;        // from the story's lead paragraph (GDELT IsRootEvent)
  int64_t sentence_begin = -1;  // byte offset of event.text in the story text; -1 unknown
  std::string added;           // UTC time the story was stored, YYYYMMDDHHMMSS
  std::string coder, dictionary;
  bool text_stored = true;     // false: the store keeps no text of this story (--no-text)
};

// The dyad end an actor stands for, as `dyad eval` matches them: the known
// groups NAT, EEC, UNO, AFU become NATO, EU, UN, AU; otherwise the country
// (region) code; otherwise the group code; otherwise the actor code.
std::string DyadKey(const Actor& a);

// A SOURCE/TARGET argument as typed ("rus", "NAT", "nato") -> the key that
// DyadKey gives ("RUS", "NATO", "NATO"). "*" stays "*" (any).
std::string NormalizeDyadArg(std::string_view arg);

}  // namespace dyad::store

#endif  // DYAD_STORE_MENTION_H_
