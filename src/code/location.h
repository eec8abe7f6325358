// Stage 7: where each event happened — after the sentence's events are
// emitted, each gets the place it happened at (Event::location), from the
// gazetteer (dyad/gazetteer.h), in this order:
//
//   1. sentence  a place the sentence names where the act stands: after a
//                locative preposition ("in Kharkiv", "near Rafah", "at the
//                port of Hodeidah", "in Sudan's Darfur region", "off the
//                coast of Vladivostok"), a visit's venue ("a visit to
//                Warsaw"), or a verb's object ("visited Kyiv", "defending
//                Avdiivka") — the nearest to the trigger; "the Kenyan
//                capital", "Kenya's capital" and "the capital of Kenya" are
//                the country's capital city;
//   2. dateline  the story's dateline ("ABUJA —", "KYIV, Feb 3 (Reuters) -");
//   3. story     a place an earlier sentence gave an event of the same country;
//   4. actor     the country the act was done in: the target's for force,
//                coercion and aid to another state, else the source's.
//
// Not where an act happened: a place in a name ("the Dayton peace accords",
// "the Tehran Times", "the Sinaloa Cartel"), a capital standing for its
// government ("Moscow said"), a place where things came from ("flew in from
// Hong Kong"), a place in a finite clause of another act ("weeks after the
// group seized El Fasher", "brigades that held out in Bakhmut"), the place
// of a topic ("appealed for a ceasefire in Gaza"), a planned meeting's venue
// ("at a summit in Paris next month"), the speaker's place in a trailing
// attribution (", officials in Geneva said").
//
// Names are resolved by the lexicon first (its countries, capitals and
// places say which country), then by the countries the story names, the
// dateline's country and population (Tripoli in a story about Lebanon is
// Lebanon's). "Niger state" and "the Kursk region" are first-level divisions.
#ifndef DYAD_CODE_LOCATION_H_
#define DYAD_CODE_LOCATION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "code/analysis.h"
#include "code/clauses.h"
#include "dyad/event.h"
#include "dyad/gazetteer.h"

namespace dyad::code {

class LocationStage {
 public:
  explicit LocationStage(const StoryEnv& env);

  // Fills `location` on events [first, out->size()), the events of sentence
  // `a`, and remembers what the sentence names for the sentences after it.
  void Run(const SentenceAnalysis& a, const Clauses& clauses, std::vector<Event>* out,
           size_t first);

  // A place the sentence names, as the stage found it (for tests).
  struct Candidate {
    uint32_t b = 0, e = 0;     // words
    const GeoPlace* place = nullptr;
    int strength = 0;          // 3: after a locative preposition or a visit's "to"; 2: a verb's object
    int verb = -1;             // the verb group it depends on, -1 none
    bool excluded = false;
    bool fallback = false;     // a place the gazetteer lacks, given as its country
    const char* why = "";      // why excluded
  };
  const std::vector<Candidate>& candidates() const { return cands_; }

 private:
  void NoteCountries(const SentenceAnalysis& a);
  void FindCandidates(const SentenceAnalysis& a, const Clauses& clauses);
  // The place a key stands for; `country` ("" any) limits it, `division`
  // takes only a first-level division.
  // `prefer` ("" none) is a country to favour.
  const GeoPlace* Resolve(const std::string& key, const std::string& country, bool division,
                          std::string_view prefer = {}) const;
  void Dateline();
  std::optional<EventLocation> ForEvent(const SentenceAnalysis& a, const Event& e) const;
  // The word of an event's trigger, and the verb group it stands in (a
  // noun's: the nearest verb before it), -1 none.
  uint32_t TriggerWord(const SentenceAnalysis& a, const Event& e) const;
  static int VerbOf(const SentenceAnalysis& a, uint32_t t);
  // A finite verb of a relative, temporal, conditional or reason clause.
  bool Subordinate(const SentenceAnalysis& a, int v) const;
  void Trace(const SentenceAnalysis& a, const std::string& line) const;
  std::string_view WordsOf(const SentenceAnalysis& a, uint32_t b, uint32_t e) const;
  EventLocation Make(const GeoPlace& p, const char* how) const;

  const StoryEnv& env_;
  const Gazetteer& gz_;
  // Countries the story named before this sentence, and in it (with their
  // words): what tells which Tripoli is meant.
  bool Named(std::string_view country) const;
  struct Named_ {
    std::string country;
    uint32_t b = 0, e = 0;
  };
  std::vector<std::string> countries_;
  std::vector<Named_> current_;
  uint32_t resolving_b_ = 0, resolving_e_ = 0;  // the words Resolve() is placing
  std::vector<Candidate> cands_;
  std::vector<int16_t> cls_;   // FindCandidates' word classes
  std::vector<Clause> clause_;  // the clause of each verb group a place or a trigger depends on
  std::optional<EventLocation> dateline_;
  std::string dateline_country_;
  // Places earlier sentences gave events, latest last (at most 16).
  std::vector<std::pair<const GeoPlace*, Span>> story_;
  bool dateline_done_ = false;
  mutable const GeoPlace* placed_ = nullptr;  // ForEvent's pick when how is "sentence"
};

}  // namespace dyad::code

#endif  // DYAD_CODE_LOCATION_H_
