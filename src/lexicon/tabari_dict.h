// tabari_dict.h — TABARI dictionaries and options as TABARI itself reads them.
//
// The TABARI reference coder (src/code/tabari_coder.h) reproduces TABARI's
// own algorithm, whose behaviour hangs on details dyad's dictionary format
// does not carry: every word of a phrase is a *literal* matched as a prefix
// of a text word, and the character after it (space, '_', '_ ', '~_', '=')
// says whether the match may be partial and whether words may be skipped
// before the next element. So for that coder the files are read here as
// TABARI reads them — roots (actors, agents, verbs, verb forms, <NOUN> and
// <ADJECTIVE> words, <TIME> phrases, &synsets) with their phrases, codes
// and verb patterns — rather than through the dyad translation of
// src/lexicon/compat (which serves dyad's own coder).
//
//   tabari::Dictionary dict;
//   std::vector<std::string> problems;
//   tabari::LoadDictionary({"TABARI.Demo.actors", "TABARI.Demo.verbs", "Validate.options",
//                           "Validate.agents"}, &dict, &problems);
//
// What a file is, is told from its name as compat::GuessRole does (actors,
// agents, verbs, options). Lines TABARI would reject are reported as
// "file:line: why" and skipped.
#ifndef DYAD_LEXICON_TABARI_DICT_H_
#define DYAD_LEXICON_TABARI_DICT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad::tabari {

// Word types of TABARI's parse (a root gives its type to the words it covers).
enum class WordType : uint8_t {
  kNull, kActor, kAgent, kVerb, kTime, kAttrib, kDeterm, kNoun, kAdjctv, kAuxil, kByword,
  kComma, kPronoun, kConj, kPrep, kNumber, kSynset,
  // segment tags and a cancelled type
  kClause, kCompound, kSubord, kCancelled, kHalt
};
const char* WordTypeName(WordType t);

// The connector after a phrase element, with TABARI's bit values so that the
// two tests the matchers make read the same way: bit kConnA is "partial
// match allowed" for pattern words but "words may be skipped" for root
// phrases, bit kConnB the reverse.
inline constexpr uint16_t kConnA = 0x4000;
inline constexpr uint16_t kConnB = 0x0400;
inline constexpr uint16_t kConnFullNext = 0x0000;   // WORD_WORD
inline constexpr uint16_t kConnPartNext = 0x4000;   // WORD~_
inline constexpr uint16_t kConnFullSkip = 0x0400;   // WORD_ (then a space)
inline constexpr uint16_t kConnPartSkip = 0x4400;   // WORD (space, or last word)
inline constexpr uint16_t kConnEqual = 0x0010;      // WORD= : no regular endings

// Literal ids: the pattern symbols come first, then words.
enum Lit : int32_t {
  kLitNone = 0, kLitComma = 1, kLitNumber = 2, kLitVerb = 3, kLitSource = 4, kLitTarget = 5,
  kLitAttrib = 6, kLitCompound = 7, kLitSkip = 8, kLitOpen = 9, kLitOr = 10, kLitClose = 11,
  kFirstWordLit = 16
};

struct Element {
  int32_t lit = 0;       // literal id; for a synset, the synset's root index
  uint16_t conn = 0;     // connector after the element
  bool synset = false;
};
using Phrase = std::vector<Element>;

// An event code: "---" null, "###" discard, "+++" complex; "?" marks a
// subordinate code, "!" a dominant one; "A:B" pairs the target's event.
struct EventCode {
  std::string code;
  bool sub = false, dom = false;
  std::string pair;
  bool pair_sub = false, pair_dom = false;
  bool empty() const { return code.empty(); }
};

// Actor codes: date blocks in file order, each a compound list of
// actor[:agent] codes ("FRO/BIL/SAM").
struct ActorMember {
  std::string actor, agent;
};
struct ActorBlock {
  enum Kind : uint8_t { kDefault, kBefore, kAfter, kRange } kind = kDefault;
  int from = 0, to = 0;  // yyyymmdd
  std::vector<ActorMember> members;
};
struct ActorCode {
  std::vector<ActorBlock> blocks;
  // The members in force on `date` (yyyymmdd); nullptr when no block holds.
  const std::vector<ActorMember>* On(int date) const;
};

// <TIME> codes: a shift in days, or a special code ("---", "###", "+++").
struct TimeCode {
  int shift = 0;
  std::string special;
};

struct Pattern {
  Phrase phrase;
  EventCode code;   // verbs
  TimeCode time;    // <TIME> patterns
  int length = 0;   // TABARI's evaluation order: longer first
  int maxalt = 0;   // longest alternative inside { | }
  std::string text;    // as written
  std::string origin;  // file:line
};

// What roots share: verb forms share their verb's codes and patterns, actor
// synonyms their parent's codes (TABARI's "ppat").
struct Entry {
  EventCode event;          // verbs
  ActorCode actor;          // actors
  std::string agent;        // agents ("~GOV", "NGO~")
  TimeCode time;            // <TIME>
  bool has_code = false;
  std::vector<int> patterns;  // indexes into Dictionary::patterns, longest first
  std::string origin;
};

struct Root {
  Phrase phrase;
  WordType type = WordType::kNull;
  int entry = -1;           // index into Dictionary::entries (-1: a built-in word)
  std::string text;         // as written
  std::string origin;
};

// Options of the .options file and of OPTION: commands.
struct Options {
  // COMPLEX:
  bool check_complex = false;
  int cplx_verbs = 0, cplx_actors = 0, cplx_pronouns = 0, cplx_conj = 0, cplx_comma = 0,
      cplx_late_verb = 0;
  bool cplx_pre_act = false, cplx_post_act = false, cplx_no_source = false, cplx_no_verb = false,
       cplx_no_target = false, cplx_no_event = false;
  // COMMA: sizes of comma-delimited clauses that are dropped
  int min_sub = 2, max_sub = 10, min_beg = 128, max_beg = 0, min_end = 2, max_end = 10;
  // DEFAULT:
  bool has_default_source = false, has_default_target = false;
  bool default_prior = false, default_after = false;
  std::string default_source, default_target;
  // FORWARD:
  bool use_forward = false;
  int id_loc = -1, id_len = 0, story_loc = 0, story_len = 0, sent_loc = 0, sent_len = 0;
  // SET:
  int code_mode = 0;          // 0 by clause, 1 by sentence, 2 all verbs
  bool yyyy = false;          // 8-digit record dates
  bool time_list = false;     // <TIME> phrases are used
  bool convert_agents = false;
  int min_lex = 7;            // a record needs more than this many words (MINIMUM WORDS - 1)
  bool same_actors = false;
  bool ignore_conj = false;
};

// Applies one option command ("SET: CODE BY SENTENCE", "COMMA: OFF", ...).
// Unknown commands set *error and change nothing.
bool ApplyOption(std::string_view command, Options* opt, std::string* error);

class Dictionary {
 public:
  Dictionary();

  std::vector<Root> roots;
  std::vector<Entry> entries;
  std::vector<Pattern> patterns;
  Options options;  // as the .options file set them

  // Literal table.
  int32_t Intern(std::string_view lit);
  int32_t Find(std::string_view lit) const;
  const std::string& LitText(int32_t id) const { return lits_[id]; }
  // Roots whose phrase begins with literal `lit`, in dictionary order.
  const std::vector<int>* Starting(int32_t lit) const;
  size_t lit_count() const { return lits_.size(); }

  // Built-in words TABARI knows without dictionaries.
  int32_t lit_and = 0, lit_nor = 0, lit_the = 0, lit_he = 0, lit_it = 0;
  int root_former = -1;

  // A phrase as TABARI prints it ("BURN DOWN ", "LEFT_").
  std::string PhraseText(const Phrase& p) const;

  // Loader internals, public for the loader functions in the .cc.
  int AddRoot(Root r);
  bool HasRoot(const Phrase& p) const;  // the same phrase is already a root

 private:
  std::vector<std::string> lits_;
  std::unordered_map<std::string, int32_t> lit_ids_;
  std::unordered_map<int32_t, std::vector<int>> starting_;
};

// Parses a phrase as TABARI stores it: words separated by ' ', '_', '~_'
// or '=', &synsets resolved to their roots. `synset_root` (the <SYNSETS>
// designator itself) keeps a last "&NAME" as a plain literal. False (and
// *why) when a synset is not declared.
bool ParsePhrase(Dictionary* d, std::string_view text, bool synset_root, Phrase* out,
                 std::string* why);

// Reads the files (actors, agents, verbs, options; their role from the
// name). Returns false only when a file cannot be read.
bool LoadDictionary(const std::vector<std::string>& files, Dictionary* d,
                    std::vector<std::string>* problems);

// Reads already-loaded texts (name, text), for tests.
void LoadDictionaryTexts(const std::vector<std::pair<std::string, std::string>>& files,
                         Dictionary* d, std::vector<std::string>* problems);

// A TABARI date "YYMMDD" or "YYYYMMDD" as yyyymmdd; 0 when malformed.
int TabariDate(std::string_view s);

}  // namespace dyad::tabari

#endif  // DYAD_LEXICON_TABARI_DICT_H_
