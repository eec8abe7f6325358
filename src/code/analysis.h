// The data that flows through the coder's stages for one sentence.
//
// The coder reads a sentence in stages, each in its own file under src/code/:
//
//   parse (src/parse)  words, tags, dictionary mentions, verb groups
//   phrases.h          noun phrases and coordination      -> Analysis::phrases
//   places.h           where the sentence says things happen -> Analysis::locations
//   actors.h           phrase -> actors (asks the Discourse for pronouns)
//   clauses.h          each verb group's clause and whether its act is asserted
//   roles.h            source and target candidates of each verb
//   patterns.h         the verb's dictionary patterns matched in its window
//   events.h           verbs, statements and nouns -> Events (CAMEO conventions)
//
// A SentenceAnalysis is filled stage by stage; later stages read what earlier
// ones wrote and never the other way round. One analysis is reused for every
// sentence of a story (its vectors keep their capacity) and belongs to one
// thread. The story-level state that outlives a sentence is in discourse.h.
#ifndef DYAD_CODE_ANALYSIS_H_
#define DYAD_CODE_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "code/reading.h"
#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/lexicon.h"
#include "dyad/story.h"
#include "parse/parser.h"

namespace dyad::code {

class Explanation;

// An actor found in a noun phrase, before it becomes an output Actor.
struct ActorRef {
  std::string code;         // full CAMEO code, "" while the country is unknown
  std::string country;      // 3-letter country/region, "" if unknown
  std::string role;         // role pieces for agents without a country
  uint32_t b = 0, e = 0;    // token span that named it (b == e: named by no words)
  bool weak = false;        // only a demonym adjective on a non-actor noun
  bool place = false;       // a place: usable as a target's country, never a source
  bool pronoun = false;     // came from a pronoun
  bool located = false;     // the country came from a place in the sentence or the story
  bool people = false;        // a plural demonym for people ("young Algerians")
  int antecedent = -1;        // a pronoun's antecedent in the sentence (its first token)
  bool bare_demonym = false;  // a demonym adjective standing alone ("Turkish and Greek officials")
  bool subject = false;     // (discourse) was the subject of a verb
  bool weapon = false;      // named by a means of war ("Israeli shelling", "a drone")
  bool human = false;       // a person: a named person or a person noun ("the president")
  char gender = 0;          // 'm' or 'f' when a word says so ("spokesman", "Mrs"), else 0
  bool several = false;     // "the two governments", "both sides": more than one country
  std::string prefix;       // foreign "[NGO~]" agent still waiting for its country
  // For explanations: the dictionary entry that named the actor (-1: none)
  // and how its code was reached ("name", "country+role", "pronoun", …).
  int entry = -1;
  const char* how = "";
};

// A noun phrase: [b, e) in the sentence's words, with the actors it names.
struct Phrase {
  uint32_t b = 0, e = 0;
  std::vector<ActorRef> actors;
  int prep = -1;            // token index of the preposition governing the phrase
  bool no_det = false;      // "no troops", "none of"
  bool pronoun = false;
  // "the invasion of Ukraine": the word "of" that splits the phrase (-1 if
  // none) and the actors of what follows it, which `actors` may leave out.
  int of = -1;
  std::vector<ActorRef> of_actors;
};

// A place the sentence names in a locative phrase: its token and country.
using Location = std::pair<uint32_t, std::string>;

// The clause a verb group stands in.
struct Clause {
  parse::ClauseKind kind = parse::ClauseKind::kMain;
  int intro = -1;             // token that opened the clause
  std::string governor;       // lemma of the verb or noun that governs a complement
  int governor_vg = -1;
};

// What the stages decided about one verb group.
struct VerbState {
  int subject = -1;         // phrase index of its subject, -1 none
  bool coded = false;       // it gave an event
  // PETRARCH-2 composition: its code after its patterns ("" when none), the
  // range of the sentence's events it gave, and two flags of that reading.
  std::string code;
  std::pair<size_t, size_t> events{0, 0};
  bool reported = false;    // a reporting verb took it
  bool in_pp = false;       // a gerund in a prepositional phrase
};

// A statement ("X said …") waiting until the reported acts are coded.
struct PendingStatement {
  int v;
  std::vector<ActorRef> sources;
  std::string code, pattern, origin;
};

// What stays the same for a whole story.
struct StoryEnv {
  const Lexicon& lex;
  const CoderOptions& opt;
  const Reading& rd;
  const Story& story;
  const Document& doc;
  int date;        // yyyymmdd, 0 unknown
  std::string* trace;               // --trace lines, or null
  Explanation* explain;             // the analysis for `dyad explain`, or null
};

struct SentenceAnalysis {
  const Sentence* sentence = nullptr;
  int sno = 0;  // 0-based sentence number in the story
  parse::SentenceParse parse;
  std::vector<int> vg_of;                // verb group of each word, -1 outside
  std::vector<Phrase> phrases;           // noun phrases in text order
  std::vector<int> phrase_of;            // phrase of each word, -1 outside
  std::vector<Location> locations;       // places in locative phrases
  uint32_t attribution = 0;  // first word of a trailing "…, X said" (or the sentence's end)
  std::vector<VerbState> verbs;          // one per parse.verbs
  std::vector<PendingStatement> statements;
  size_t first_event = 0;  // this sentence's events start here in the output

  int VerbAt(uint32_t word) const { return word < vg_of.size() ? vg_of[word] : -1; }
  // The first verb group that begins after word k, or -1.
  int VerbAfter(uint32_t k) const {
    for (size_t g = 0; g < parse.verbs.size(); ++g) {
      if (parse.verbs[g].b > k) return static_cast<int>(g);
    }
    return -1;
  }
  // The phrase a prepositional phrase hangs on ("the city of X" -> itself).
  int HeadPhrase(int id) const {
    while (id >= 0 && phrases[id].prep >= 0) {
      int q = phrases[id].prep - 1;
      id = (q >= 0) ? phrase_of[q] : -1;
    }
    return id;
  }
  bool HasActor(int np) const {
    for (const ActorRef& a : phrases[np].actors) {
      if (!a.code.empty()) return true;
    }
    return false;
  }
};

// Tags that can stand in a noun phrase.
bool NpTag(parse::Tag t);
// in at near outside … (where things happen or pass).
bool IsLocativePrep(std::string_view p);
// "1962", "1990s" within 1900..2100.
bool IsYear(std::string_view w, int* year);
// A demonym on a noun that is no actor ("a Rwandan demand", "American
// bases") taken for its state, where the noun's act or owner is meant.
// The role piece of an actor code ("GOV" of "KENGOV"), or "" for a bare
// country or group.
inline std::string_view RoleOf(const ActorRef& x) {
  return x.code.size() >= 6 ? std::string_view(x.code).substr(3, 3) : std::string_view();
}

inline ActorRef AsState(ActorRef x) {
  if (x.weak) {
    x.weak = false;
    x.code = x.country;
  }
  return x;
}
// city town village capital province region … (a noun naming a place).
bool IsPlaceNoun(std::string_view w);

// Byte offsets in the story of word k of the sentence (k may be the end).
uint32_t WordBegin(const StoryEnv& env, const SentenceAnalysis& a, uint32_t k);
uint32_t WordEnd(const StoryEnv& env, const SentenceAnalysis& a, uint32_t k);

}  // namespace dyad::code

#endif  // DYAD_CODE_ANALYSIS_H_
