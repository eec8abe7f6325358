// Shallow parser: from a tokenised sentence to words with parts of speech,
// dictionary mentions, verb groups and clause boundaries.
//
// No external parser: tags come from closed-class word lists, the verb
// dictionaries, WordNet's counts (data/lexicon/wordnet-verbs.tsv) and context
// rules. Example:
//
//   "Russia's army has not attacked Kyiv, officials said."
//   mentions:  Russia(country) army(agent) Kyiv(capital) officials(agent)
//   verbs:     [has not attacked] (negated, perfect)   [said] (finite)
//   clauses:   main "Russia's army has not attacked Kyiv" ; ", officials said" (comma)
//
// Thread-safety: Parse() only reads the Lexicon; a SentenceParse belongs to
// one thread.
#ifndef DYAD_PARSE_PARSER_H_
#define DYAD_PARSE_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/lexicon.h"

namespace dyad::parse {

enum class Tag : uint8_t {
  kOther,
  kNoun,      // common noun or adjective (the chunker treats both alike)
  kProper,    // capitalised word not known otherwise
  kVerb,      // main verb
  kBe, kHave, kDo,
  kModal,     // can could may might must shall should would ought
  kWill,      // will 'll
  kNeg,       // not n't never
  kDet,       // the a an this these those each every some any all both several
  kNoDet,     // no none neither
  kPossPron,  // his her its their our
  kPron,      // he she it they we
  kRel,       // who whom whose which
  kThat,      // that (complementiser, relative or determiner: the parser decides use)
  kSub,       // if unless whether because although while when after before until since as
  kPrep,
  kOf,
  kTo,
  kCoord,     // and or but nor
  kAdv,
  kTime,      // monday … sunday, today, yesterday, overnight, tonight
  kNum,
  kPoss,      // 's '
  kComma,
  kQuote,
  kEnd,       // . ! ?
  kPunct,     // ; : ( ) - and others
};

enum class VForm : uint8_t { kNone, kBase, kThird, kPast, kIng };

struct Word {
  std::string_view lower;
  Tag tag = Tag::kOther;
  int mention = -1;           // index into SentenceParse::mentions
  std::string_view lemma;     // verb lemma (owned by the Lexicon) when tag == kVerb, or a noun use
  const WordInfo* info = nullptr;  // what the dictionaries know of the word
  uint32_t id = 0;            // Lexicon::WordId of the word
  uint32_t lemma_id = 0;      // Lexicon::WordId of the lemma
  bool event_verb = false;    // lemma is in the verb dictionaries
  bool noun_use = false;      // a dictionary verb used as a noun ("the attack")
  VForm vform = VForm::kNone;
  bool capitalized = false;
};

struct Mention {
  uint32_t b = 0, e = 0;  // token range [b, e) within the sentence
  uint32_t entry = 0;     // Lexicon entry
  EntryKind kind = EntryKind::kAgent;
};

struct VerbGroup {
  uint32_t b = 0, e = 0;  // [b, e): auxiliaries, negation, adverbs and the head
  uint32_t head = 0;      // the main verb
  bool negated = false;
  bool modal = false;     // could would may might should can
  bool must = false;      // must / should (obligation)
  bool future = false;    // will / shall / going to
  bool passive = false;
  bool perfect = false;
  bool infinitive = false;  // to + verb
  bool gerund = false;      // -ing with no auxiliary (after a preposition or a comma)
  bool participle = false;  // -ed with no auxiliary after a noun ("jets promised by")
  bool finite = true;
  bool copula = false;      // a form of "be"/"have" with no main verb after it
};

enum class ClauseKind : uint8_t {
  kMain,
  kThat,         // complement introduced by "that" (or none) after a verb or noun
  kRelative,     // who / which / that after a noun
  kCondition,    // if unless whether
  kTemporal,     // when after before until as while since once
  kReason,       // because although though
  kParticiple,   // ", accusing …", ", killing …"
  kInfinitive,   // to + verb
  kQuote,        // inside quotation marks
};

struct SentenceParse {
  std::vector<Word> words;
  std::vector<Mention> mentions;
  std::vector<VerbGroup> verbs;
  bool question = false;   // ends in '?'
  bool discard = false;    // a discard phrase matched
  int story_year = 0;

  void Clear() {
    words.clear();
    mentions.clear();
    verbs.clear();
    question = discard = false;
  }
};

// Parses sentence `s` of `doc`. `date` (yyyymmdd, 0 unknown) selects dated codes.
// `dictionary_verbs` (the TABARI/PETRARCH semantics): a dictionary verb form
// right after an actor's name is a verb, as those coders find verbs by
// dictionary lookup ("Chile act on a motion"); dyad's default reads
// such a word as part of a compound noun.
void Parse(const Lexicon& lex, const Document& doc, const Sentence& s, int date,
           SentenceParse* out, bool dictionary_verbs = false);

// Word classes the coder asks about (all lower-case).
bool IsSayVerb(std::string_view lemma);       // say tell announce …
bool IsDoubtVerb(std::string_view lemma);     // fear doubt believe expect deny claim …
bool IsHearsayNoun(std::string_view word);    // rumours reports claims fears …
bool IsReciprocalVerb(std::string_view lemma);// meet clash fight sign exchange …
bool IsAspectVerb(std::string_view lemma);    // begin start continue resume
bool IsAnonymousMeans(std::string_view word); // bomb explosion blast mine … (no one named)
bool IsVoicingVerb(std::string_view lemma);   // call demand urge accuse … (a gerund voicing a claim)
bool IsSpeechActVerb(std::string_view lemma); // a speaker's own act: say verbs, voicing verbs, threaten vow ask offer thank …
bool IsProtestVerb(std::string_view lemma);   // protest demand denounce … (an act's purpose)
bool IsControlVerb(std::string_view lemma);   // want plan urge persuade … ("to" complement not done)
bool IsNotYetWord(std::string_view word);     // planned proposed upcoming cancelled …
bool IsUnmakingVerb(std::string_view lemma);  // cancel postpone delay plan …
bool IsJudgingAdjective(std::string_view word);  // unacceptable illegal baseless …
bool IsAttackNoun(std::string_view word);     // shelling strike airstrike …
bool IsTimeWord(std::string_view word);

}  // namespace dyad::parse

#endif  // DYAD_PARSE_PARSER_H_
