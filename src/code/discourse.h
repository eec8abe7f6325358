// The story-level state passed from sentence to sentence: the actors
// mentioned so far (for pronouns and role nouns that name no one), who has
// acted most (for responses that name no target), and the events coded so
// far.
//
//   "Turkey summoned Sweden's ambassador. It accused Stockholm of …"
//   sentence 0 remembers Turkey (a subject) and Sweden; "It" in sentence 1
//   resolves to the latest subject, Turkey.
//
// Contract: one Discourse per story, private to it; sentences are given to
// it in order; nothing is shared across stories, so coding stays
// deterministic and thread-safe (each thread codes its own stories).
#ifndef DYAD_CODE_DISCOURSE_H_
#define DYAD_CODE_DISCOURSE_H_

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "code/analysis.h"

namespace dyad::code {

class Discourse {
 public:
  // How many earlier actors are kept (the oldest is forgotten first).
  static constexpr int kMemory = 16;

  // Remembers the named actors of a coded sentence, in text order; those
  // that were the subject of a verb count toward salience.
  void RememberSentence(const SentenceAnalysis& a);

  // The actor a pronoun in a later sentence continues: the latest subject,
  // else the latest actor. A personal pronoun ("he", "his") skips bare
  // countries, and with `people_first` takes a person ("the president",
  // a named leader) over an institution whenever memory holds one, never
  // one whose words say the sex `other_sex` ('m', 'f'; 0: any). Null
  // when the story has named no one yet.
  const ActorRef* PronounAntecedent(bool person, bool people_first = false, char other_sex = 0) const;

  // The latest actor with a country that is not a place: "the president",
  // "the government" of the story so far. Null if none.
  const ActorRef* LatestStateActor() const;

  // The latest international organisation whose code holds `part` ("NAT"
  // for "the alliance"; "" for any): "the bloc" of the story so far.
  const ActorRef* LatestGroup(std::string_view part) const;

  // The actor that acted most often in earlier sentences (at least twice),
  // for the verbal responses of a standoff (intent 03, demand 10, rejection
  // 12, threat 13) that name no target; never a country of `sources`. False
  // when there is none, or a source's own country came from a place or a
  // pronoun.
  bool StoryCounterpart(const std::string& root, const std::vector<ActorRef>& sources,
                        ActorRef* out) const;

  // "the two sides", "both countries": the two states the story has made
  // subjects most often (recency breaks ties). False unless two stand out.
  bool TwoParties(std::vector<ActorRef>* out) const;

  size_t size() const { return count_; }

 private:
  // The i-th newest remembered actor (0 = newest).
  const ActorRef& Newest(size_t i) const { return ring_[(head_ + kMemory - 1 - i) % kMemory]; }
  void Push(const ActorRef& a);

  std::array<ActorRef, kMemory> ring_;
  size_t head_ = 0;   // where the next actor goes
  size_t count_ = 0;  // how many are held (<= kMemory)
  std::map<std::string, int> salience_;  // subjects of earlier sentences, by country
};

}  // namespace dyad::code

#endif  // DYAD_CODE_DISCOURSE_H_
