// tabari_coder.h — TABARI's coding algorithm, for Semantics::kTabari with
// TABARI dictionaries.
//
// TABARI codes a record in two passes over its words. The parse marks each
// word with the dictionary root that covers it (the longest match of
// literal prefixes), turns capitalised or determiner-led verbs and
// null-coded actors into nouns, finds compound actors ("A, B and C"), drops
// short comma-delimited clauses, splits the sentence into clauses at
// conjunctions and resolves pronouns. The coder then takes each clause in
// turn and each verb in it: the first of the verb's patterns that matches
// (longest first) gives the code and may name the source ($), target (+)
// or a compound (%); otherwise the source is the clause's first actor and
// the target the first actor after the verb (else the nearest before it).
// A clause stops at its first event that is not subordinate (code "?");
// "!" codes dominate; paired codes give the target's event toward the
// source; compounds give one event per member. The options (COMPLEX, COMMA,
// DEFAULT, FORWARD, SET: CODE BY, MINIMUM WORDS, CONVERT AGENT, TIME SHIFT)
// change these steps as in TABARI.
//
//   auto dict = std::make_shared<tabari::Dictionary>();
//   tabari::LoadDictionary(files, dict.get(), &problems);
//   tabari::Session s(dict);
//   tabari::RecordResult r;
//   s.Code("Arnor attacked Gondor on Friday after talks failed.", 19950101, "", false, &r);
//   // r.events: {ARN, GON, 223}
//
// A Session carries the options (OPTION: commands change them for the
// records that follow) and, for FORWARD, the previous record's first actor.
#ifndef DYAD_CODE_TABARI_CODER_H_
#define DYAD_CODE_TABARI_CODER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/story.h"
#include "lexicon/tabari_dict.h"

namespace dyad::tabari {

struct CodedEvent {
  std::string source, target, code;  // as TABARI writes them (actor + agent codes)
  int verb = -1;                      // word index of the verb
  std::string verb_word;              // the verb as it stands in the text (upper case)
  std::string verb_text;              // the verb's root as written
  std::string pattern;                // the matched pattern ("" for the verb's own code)
  std::string origin;                 // file:line of the pattern or verb
};

struct RecordResult {
  std::vector<CodedEvent> events;
  std::string problem;  // why there are no events ("" when there are)
  std::string trace;    // the parse and the coder's choices, when asked for
};

// One word of TABARI's parse (its syntArray cell).
struct Cell {
  struct Tag {
    WordType type;
    int index;
  };
  std::string text;                          // upper case, as filtered
  std::vector<std::pair<int32_t, bool>> lits;  // literals the word begins with (exact?)
  bool comma = false, number = false;
  bool mid_cap = false;
  int root = -1;  // the root that begins here
  WordType type = WordType::kNull;
  std::vector<Tag> head, tail;
  bool compound = false;  // inside a compound actor
  int ref = -1;           // a resolved pronoun: the word it refers to
};

class Session {
 public:
  explicit Session(std::shared_ptr<const Dictionary> dict);

  Options& options() { return opt_; }
  const Dictionary& dictionary() const { return *dict_; }

  // Codes one record. `date` is yyyymmdd; `id_field` the record line after
  // the date (TABARI's FORWARD reads the story and sentence numbers there).
  void Code(std::string_view text, int date, std::string_view id_field, bool trace,
            RecordResult* out);
  // Codes one sentence of a story; `follows`: it is the story's next sentence
  // after the one coded last (so FORWARD may use that one's actors).
  void CodeSentence(std::string_view text, int date, bool follows, bool trace, RecordResult* out);

 private:
  void CodeRecord(std::string_view text, int date, bool can_forward, bool trace, RecordResult* out);

  std::shared_ptr<const Dictionary> dict_;
  Options opt_;
  // FORWARD: the previous record's words, its id and sentence number.
  std::vector<Cell> last_cells_;
  std::string last_id_;
  int last_seq_ = -1;
};

// Codes a story under Semantics::kTabari with TABARI's dictionaries
// (CoderOptions::tabari): each sentence a TABARI record, in order, with the
// options of the dictionary's .options file. Events carry the codes TABARI
// writes; `lex` gives the actors' countries and the codes' roots and scores
// where it knows them.
void CodeDocument(const Dictionary& dict, const Lexicon& lex, const Story& story,
                  const Document& doc, std::vector<Event>* events, CodeStats* stats,
                  std::string* trace);

}  // namespace dyad::tabari

#endif  // DYAD_CODE_TABARI_CODER_H_
