// dyad/coder.h — the coding engine's facade: stories in, events out.
//
//   auto lex = Lexicon::Load("data");
//   Coder coder(*lex);
//   std::vector<Event> events;
//   CodeStats stats;
//   coder.CodeStory(story, &events, &stats);
//
// A Coder is immutable after construction: CodeStory() is const and may be
// called from many threads at once (each call uses its own scratch state).
#ifndef DYAD_CODER_H_
#define DYAD_CODER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/story.h"

namespace dyad {

namespace tabari {
class Dictionary;  // src/lexicon/tabari_dict.h
}
namespace code {
struct Reading;      // src/code/reading.h
class Explanation;   // src/code/explain.h
}

// What counts as an event.
//   kDyad     (default) only real, present acts: a negated, modal, future,
//             conditional, intended ("is about to restore") or historical act
//             gives no event; an act the actor announces for itself becomes an
//             intent (03x) or threat (13x).
//   kTabari   the reference coders' behaviour, which their validation suites
//   kPetrarch expect: a verb codes its pattern whatever its tense, mood or
//             polarity (their dictionaries code negation and modality with
//             their own patterns, e.g. TABARI's &NEGATVAUXVRB), a verb under
//             "to" or "-ing" codes with its governing verb's subject, and a
//             "visit"/"host" pattern gives the paired 032/033 events. The two
//             differ only where TABARI and PETRARCH did (see COMPATIBILITY.md).
enum class Semantics { kDyad, kTabari, kPetrarch };

// Parses "dyad", "tabari" or "petrarch"; false for anything else.
bool ParseSemantics(const std::string& name, Semantics* out);

struct CoderOptions {
  Semantics semantics = Semantics::kDyad;
  // Reference semantics only: a role noun with no country ("a senior
  // official") is an actor coded "---GOV" (PETRARCH) or "~GOV" (TABARI's
  // CONVERT AGENT option). Unset: PETRARCH yes, TABARI no.
  std::optional<bool> anonymous_agents;
  // Reference semantics only (PETRARCH's new_actor_length): a capitalised noun
  // phrase of at most this many words that names no known actor is coded by
  // its own words, '"THE MINISTRY OF MAGIC"'. 0: off.
  int new_actor_length = 0;
  // Emit an event only when it has a target. Target-less events are rarely
  // useful in dyadic data and are the main source of noise.
  bool require_target = true;
  // A compound of many actors (a summit of twenty states) gives at most this
  // many (source, target) pairs for one mention.
  int max_pairs = 12;
  // Write why each candidate was dropped (negated, modal …) to `trace`.
  bool trace = false;
  // Semantics::kTabari with TABARI's own dictionaries (compat::LoadCompat
  // reads them for this too): the story is coded with TABARI's algorithm
  // (src/code/tabari_coder.h), each sentence as a TABARI record, instead of
  // dyad's rules on the translated lexicon.
  std::shared_ptr<const tabari::Dictionary> tabari;
};

struct CodeStats {
  uint64_t stories = 0;
  uint64_t sentences = 0;
  uint64_t sentences_coded = 0;   // sentences that gave at least one event
  uint64_t sentences_discarded = 0;
  uint64_t events = 0;
  uint64_t invalid_bytes = 0;
  void Add(const CodeStats& o) {
    stories += o.stories;
    sentences += o.sentences;
    sentences_coded += o.sentences_coded;
    sentences_discarded += o.sentences_discarded;
    events += o.events;
    invalid_bytes += o.invalid_bytes;
  }
};

class Coder {
 public:
  explicit Coder(std::shared_ptr<const Lexicon> lex, CoderOptions options = {});

  // Runs the text stage on `story.text` and codes every sentence. Events are
  // appended to `events` in sentence order. `trace`, when not null and
  // options.trace is set, receives one line per dropped candidate.
  void CodeStory(const Story& story, std::vector<Event>* events, CodeStats* stats,
                 std::string* trace = nullptr) const;
  // The same on text already analysed into `doc`.
  void CodeDocument(const Story& story, const Document& doc, std::vector<Event>* events,
                    CodeStats* stats, std::string* trace = nullptr) const;

  // Codes `story` as CodeStory() does (the same events) and returns the
  // analysis behind them, sentence by sentence: words and tags, phrases and
  // the actors they resolved to (with the dictionary entry and the rule),
  // verb groups with their clause and whether their act is asserted, the
  // patterns tried, and every event emitted or candidate dropped with its
  // reason. ExplainJson() gives a JSON document (docs/EXPLAIN.md), indented
  // by `indent` spaces (-1: one line); ExplainText() readable text. Under
  // TABARI's own algorithm (CoderOptions::tabari) only the events are listed.
  std::string ExplainJson(const Story& story, std::vector<Event>* events, int indent = 2) const;
  std::string ExplainText(const Story& story, std::vector<Event>* events) const;

  const Lexicon& lexicon() const { return *lex_; }
  const CoderOptions& options() const { return options_; }

 private:
  void Code(const Story& story, const Document& doc, std::vector<Event>* events, CodeStats* stats,
            std::string* trace, code::Explanation* explain) const;
  void Explain(const Story& story, std::vector<Event>* events, code::Explanation* out) const;

  std::shared_ptr<const Lexicon> lex_;
  CoderOptions options_;
  std::shared_ptr<const code::Reading> reading_;
};

}  // namespace dyad

#endif  // DYAD_CODER_H_
