// dyad/lexicon.h — the compiled dictionaries.
//
// A Lexicon is loaded once from a folder of `.dict` files (format in
// docs/DICTIONARY_FORMAT.md) plus the CAMEO tables in data/cameo, then never
// changes: it is safe to share one `std::shared_ptr<const Lexicon>` between
// any number of threads.
//
//   auto lex = Lexicon::Load("data");   // data/dict/*.dict + data/cameo/*.tsv
//   if (!lex.ok()) { ... lex.status().message() lists every bad line ... }
#ifndef DYAD_LEXICON_H_
#define DYAD_LEXICON_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/code_string.h"
#include "dyad/status.h"

namespace dyad {

template <typename V>
class FlatWordMap;  // src/lexicon/word_map.h
class Gazetteer;    // dyad/gazetteer.h

// Order is the priority between entries of equal length (lower wins).
enum class EntryKind : uint8_t {
  kPerson, kOrg, kGroup, kCapital, kCountry, kDemonym, kAgent, kPlace, kDiscard
};
const char* EntryKindName(EntryKind k);

// Dates are integers yyyymmdd; 0 means "no date".
int DateToInt(std::string_view yyyy_mm_dd);

struct DatedCode {
  std::string code;
  int from = 0, to = 0;  // inclusive; 0 = open
  bool dated = false;
};

struct LexEntry {
  EntryKind kind;
  std::vector<DatedCode> codes;  // one undated code except for persons
  std::string name;              // the first phrase as written
  std::string origin;            // file:line
  // The code in force on `date` (yyyymmdd, 0 = unknown): the first dated
  // code whose range holds, else the undated default, else the last range.
  const std::string& CodeOn(int date) const;
};

struct PatternElement {
  std::vector<std::string> words;  // alternatives, lower-case, plurals included
  std::vector<uint32_t> ids;       // the same words as Lexicon::WordId()s, sorted
  // Multi-word alternatives from synsets ("golden goblin galleons", "did n't"):
  // the words in order, and their WordId()s.
  std::vector<std::vector<std::string>> phrases;
  // Stems written `word*`: any word that begins with them (TABARI's matching).
  std::vector<std::string> prefixes;
  std::vector<std::vector<uint32_t>> phrase_ids;
  bool target = false;             // a target slot ('+', or 'prep+')
  bool source = false;             // a source slot ('$', or 'prep$'): the source is there
  std::string prep;                // for 'prep+': the preposition
  bool adjacent = false;           // must follow the previous element (or the verb) at once
  bool synset = false;             // written as a &synset
  bool skip_phrase = false;        // '^': one noun phrase, whatever it holds
  // IdBit() of each of `ids`: when none of a window's words has a bit in
  // common, the element cannot match there.
  uint64_t id_bits = 0;
  static uint64_t IdBit(uint32_t id) { return id == 0 ? 0 : uint64_t{1} << (id & 63); }
};

struct VerbPattern {
  std::string code;
  // The target's event toward the source that the same words report ("A
  // visited B": A>B 032 and B>A 033), written `032/033`; "" for none. Only the
  // reference semantics emit it (CoderOptions::semantics).
  std::string paired_code;
  std::vector<PatternElement> elements;
  // Elements before the verb, in text order ("not [allow]"): matched
  // backwards from the verb; `adjacent` here means "right before the next
  // element (or the verb)".
  std::vector<PatternElement> before;
  // Written with a '+' before the verb ("+ [receive] money from$"): the
  // verb's subject is the target (and a '$' slot names the source).
  bool subject_is_target = false;
  // Written with a '%' before the verb ("% [agree]"): only a compound subject
  // matches, and the event is coded among its members ("X and Y agreed").
  bool compound_subject = false;
  std::string text;    // as written in the file
  std::string origin;  // file:line
};

// A PETRARCH-2 transformation (`compose` line): a verb coded `outer` whose
// subject A reports a nested event coded `inner` gives A>B `result`
// instead. `source` is the nested event's source: 'a' (A itself), 'b'
// (another actor, then B) or '_' (none); `target` is 'b' (B) or '.' (any).
// `inner` and `result` may be "*": any code, and the nested code itself.
// Codes match as PETRARCH-2 matched them (a code stands for those under it).
struct ComposeRule {
  std::string result, outer, inner;
  char source = 'a', target = 'b';
  std::string origin;  // file:line
};

// A pattern's word elements as masks (their PatternElement::id_bits), side
// by side for all of a verb's patterns, so that matching can pass over a
// pattern without touching it.
struct PatternFilter {
  static constexpr int kMasks = 3;
  // The first word elements' id_bits, then IdBit()s of 'prep+' slots'
  // prepositions; 0 = none.
  uint64_t masks[kMasks] = {};
  bool needs_actor = false;  // has a target or source slot, which takes an actor's phrase
  // False when a word element has none of its words in the window, whose
  // words' IdBit()s are `window` (the pattern cannot match there).
  bool MayMatch(uint64_t window) const {
    for (uint64_t m : masks) {
      if (m != 0 && (m & window) == 0) return false;
    }
    return true;
  }
};

struct VerbEntry {
  std::string lemma;
  std::string code;         // bare-verb code, "" when only patterns code
  std::string paired_code;  // as VerbPattern::paired_code, for the bare verb
  std::string code_origin;  // file:line of the `verb` line
  std::vector<VerbPattern> patterns;
  // Index for matching: patterns by the word ids of their first element;
  // patterns whose first element is a target slot are listed apart.
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_first_word;
  std::vector<uint32_t> first_is_target;
  // Filled with the index (empty when a caller built the patterns alone):
  // one filter per pattern, and the IdBit()s of by_first_word's keys.
  std::vector<PatternFilter> filters;
  uint64_t first_word_bits = 0;
  // by_first_word as (word id, pattern) pairs sorted by id, side by side.
  std::vector<std::pair<uint32_t, uint32_t>> first_words;
};

// An event noun: "strike", "talks", "accusation", "air strike". Keyed by
// its last word (singular and plural); each variant names the words that
// must come right before it ("air" strike) and its CAMEO code. The noun
// stage (src/code/nouns.h) codes it with its own source and target.
struct EventNoun {
  struct Variant {
    std::vector<std::string> before;  // lower-case words right before the noun
    std::string code;
    std::string origin;  // file:line
  };
  std::vector<Variant> variants;  // longest `before` first
};

struct EventCodeInfo {
  CodeString code, root;  // compared with literals throughout the coder
  std::string plover, plover_mode, label;
  std::optional<double> goldstein;
  int quad_class = 0;
};

// What an actor code means: CAMEO code split into its pieces.
struct ActorCodeParts {
  std::string country, group;
  std::vector<std::string> types;
};

struct PhraseMatch {
  uint32_t entry = 0;  // index into Lexicon::entries()
  uint32_t length = 0; // tokens covered
  EntryKind kind = EntryKind::kAgent;  // entry(entry).kind
};

// Everything the dictionaries know about one word form, gathered at load so
// that the parser makes one look-up per token.
struct WordInfo {
  const std::vector<uint32_t>* phrases = nullptr;      // dictionary phrases it starts
  const std::vector<std::string>* verb_lemmas = nullptr;  // dictionary verbs it inflects
  std::string_view wordnet_lemma;  // the WordNet verb it inflects, if any
  int verb_count = -1, noun_count = -1;  // WordNet's tagged senses of that lemma
  uint32_t id = 0;        // WordId of the form
  uint32_t lemma_id = 0;  // WordId of its (first) verb lemma
  // The verb it inflects: (*verb_lemmas)[0], else wordnet_lemma (a view of
  // the Lexicon's bytes), so that the parser need not follow the pointers.
  std::string_view lemma;
  bool form_is_lemma = false;  // the word form is `lemma` itself
  // Lexicon::Verb(lemma) when verb_lemmas is set.
  const VerbEntry* verb = nullptr;
  // Lexicon::Noun(form): the event noun the form is the last word of.
  const EventNoun* noun = nullptr;
  // *phrases as a range of phrase numbers (they lie side by side), for
  // Lexicon::MatchPhraseAt(); phrase_count is 0 when phrases is null.
  uint32_t phrase_begin = 0, phrase_count = 0;
};

struct DictStats {
  std::map<std::string, int> counts;  // by kind name, plus "pattern", "synset", "irregular"
  std::vector<std::string> notes;     // overrides and other non-fatal remarks
  std::vector<std::string> warnings;  // "file:line: why" for lines that load but look mistaken
  std::vector<std::string> errors;    // "file:line: why" for every line skipped
  std::vector<std::string> files;     // the .dict files read, in load order
};

// A dictionary already in memory, in dyad's format (e.g. translated from
// another coder's format). `name` is used in messages ("name:line: why").
struct DictSource {
  std::string name;
  std::string text;
};

class Lexicon {
 public:
  // Loads DIR/dict/*.dict (or DIR itself when it holds .dict files) and
  // DIR/cameo/*.tsv (falling back to the built-in data folder for the
  // tables). A bad line is skipped and reported in `stats->errors` as
  // "file:line: why"; the load fails only when nothing usable is found or a
  // file cannot be read.
  // With threads > 1, independent parts of the load run on a second thread
  // (the result is the same).
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& dir,
                                                      DictStats* stats = nullptr, int threads = 1);

  // Loads several dictionary folders as layers, in order: each folder's
  // .dict files (DIR/dict/ or DIR itself, in name order) after those of the
  // folders before it, as if they were one folder. A later line overrides an
  // earlier one as within a folder: the same phrase of the same kind takes
  // the later entry, a verb lemma the later code, an event noun the later
  // code; patterns, synsets and entries of other kinds add up. The CAMEO
  // tables come from the first folder (as for Load(dir)). A folder named
  // twice is read once. Fails if `dirs` is empty or a folder is missing or
  // holds no .dict file.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::vector<std::string>& dirs,
                                                      DictStats* stats = nullptr, int threads = 1);

  // The folders a user's dictionaries mean, in load order: the built-in
  // data folder (unless no_default), then each folder of $DYAD_DATA
  // (':'-separated), then `extra` in the order given. The CLI's --dict and
  // the Python module's dict_dir both go through it.
  static std::vector<std::string> Layers(const std::vector<std::string>& extra, bool no_default);

  // The built-in data folder (dict/, cameo/, lexicon/): DIR/../share/dyad/data
  // beside the running program (an installed dyad, `cmake --install`) when
  // it holds dict/, else the source tree's data/ the library was built from.
  static const std::string& DefaultDataDir();

  // Loads dictionaries given as text, with the built-in CAMEO tables and
  // WordNet counts. Bad lines are reported in stats->errors as for Load().
  static Result<std::shared_ptr<const Lexicon>> LoadSources(const std::vector<DictSource>& sources,
                                                             DictStats* stats = nullptr);

  // What the dictionaries know of a lower-case word form; nullptr if nothing.
  const WordInfo* Info(std::string_view word) const;
  // Info() of words[0..n) into out[0..n), the look-ups made side by side
  // (a sentence's words wait for memory together, not one after another).
  void Infos(const std::string_view* words, size_t n, const WordInfo** out) const;
  // MatchPhrase for a word whose Info() is known (saves the look-up).
  // MatchPhraseAt reads the candidates from info.phrase_begin/phrase_count,
  // side by side in memory; MatchPhraseFrom takes them as a list.
  std::optional<PhraseMatch> MatchPhraseAt(const WordInfo& info,
                                           const std::vector<std::string_view>& words,
                                           size_t start) const;
  std::optional<PhraseMatch> MatchPhraseFrom(const std::vector<uint32_t>& candidates,
                                             const std::vector<std::string_view>& words,
                                             size_t start) const;

  // Longest dictionary phrase starting at words[0] (lower-case tokens);
  // nullopt when none. Equal lengths are broken by EntryKind order.
  std::optional<PhraseMatch> MatchPhrase(const std::vector<std::string_view>& words,
                                         size_t start) const;
  const LexEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t entry_count() const { return entries_.size(); }

  // Lemmas of a verb form ("struck" -> {"strike"}); empty if not a known verb.
  const std::vector<std::string>* VerbLemmas(std::string_view form) const;
  const VerbEntry* Verb(std::string_view lemma) const;
  // The same, without the look-up when `lemma` is the lemma `info` holds.
  const VerbEntry* Verb(std::string_view lemma, const WordInfo* info) const {
    if (info && info->verb && lemma.data() == info->lemma.data() && lemma.size() == info->lemma.size())
      return info->verb;
    return Verb(lemma);
  }
  // Any inflected form of `lemma`, for tests and messages.
  bool IsVerbForm(std::string_view form) const { return VerbLemmas(form) != nullptr; }

  // WordNet's view of a word that is not in the verb dictionaries: true if
  // `form` is an inflection of a WordNet verb; sets the lemma and how often
  // the lemma was tagged as a verb and as a noun (-1: never a noun).
  // `*lemma` views a string owned by the Lexicon.
  bool WordNetVerb(std::string_view form, std::string_view* lemma, int* verb_count,
                   int* noun_count) const;
  // How often WordNet tagged `lemma` as verb / noun (-1 when unknown).
  std::pair<int, int> WordNetCounts(std::string_view lemma) const;

  // A small integer for each word patterns mention (0 for any other word),
  // so that matching compares integers, not strings.
  uint32_t WordId(std::string_view word) const {
    auto it = word_ids_.find(word);
    return it == word_ids_.end() ? 0 : it->second;
  }

  // The event noun whose last word is `form` (singular or plural, lower
  // case); nullptr if none.
  const EventNoun* Noun(std::string_view form) const;

  const EventCodeInfo* EventCode(std::string_view code) const;
  // The `compose` lines, in file order.
  const std::vector<ComposeRule>& compose_rules() const { return compose_rules_; }
  ActorCodeParts SplitActorCode(std::string_view code) const;
  bool IsRoleType(std::string_view three) const { return PieceBits(three) & kRolePiece; }
  bool IsGroupCode(std::string_view three) const { return PieceBits(three) & kGroupPiece; }
  // Name of a country or region code ("RUS" -> "Russia"), "" if unknown.
  std::string CountryName(std::string_view code) const;

  // The places events are located at (data/geo/gazetteer.tsv); empty when
  // the data folder has none.
  const Gazetteer& gazetteer() const;

  // A stable fingerprint of everything loaded: "dyad@1a2b3c4d".
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  friend class LexiconBuilder;
  // Transparent hashing: look up string_views without building strings.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  std::vector<LexEntry> entries_;
  struct Phrase {
    std::vector<std::string> words;
    uint32_t entry;
  };
  std::vector<Phrase> phrases_;
  // Per phrase, for MatchPhraseFrom to pass over most candidates without
  // touching their words: the length and HashWord() of the second word
  // (and the entry, so that a one-word phrase is decided here).
  struct PhraseKey {
    uint32_t entry = 0;
    uint16_t length = 0;
    EntryKind kind = EntryKind::kAgent;  // entries_[entry].kind
    uint64_t second = 0;
  };
  std::vector<PhraseKey> phrase_keys_;
  std::unordered_map<std::string, std::vector<uint32_t>, WordHash, std::equal_to<>>
      by_first_word_;  // -> phrases_, longest first
  std::unordered_map<std::string, VerbEntry, WordHash, std::equal_to<>> verbs_;
  std::unordered_map<std::string, std::vector<std::string>, WordHash, std::equal_to<>> verb_forms_;
  std::unordered_map<std::string, EventCodeInfo> event_codes_;
  std::unordered_map<std::string, EventNoun, WordHash, std::equal_to<>> nouns_;
  std::vector<ComposeRule> compose_rules_;
  std::unordered_set<std::string> role_types_, group_codes_, generic_prefixes_;
  std::unordered_map<std::string, std::string> country_names_;
  // The four tables above as bits of each piece (keys view their strings),
  // so that SplitActorCode() builds no string to look a piece up.
  enum : uint8_t { kRolePiece = 1, kGroupPiece = 2, kGenericPiece = 4, kCountryPiece = 8 };
  std::shared_ptr<const FlatWordMap<uint8_t>> code_pieces_;
  uint8_t PieceBits(std::string_view piece) const;
  std::unordered_map<std::string, std::pair<int, int>, WordHash, std::equal_to<>>
      wordnet_;  // lemma -> verb, noun counts
  std::unordered_map<std::string, std::string, WordHash, std::equal_to<>>
      wordnet_exc_;  // irregular form -> lemma
  std::unordered_map<std::string, uint32_t, WordHash, std::equal_to<>> word_ids_;
  std::unordered_map<std::string, WordInfo, WordHash, std::equal_to<>> word_info_;
  // word_info_ again, as a flat table for the parser's per-token Info().
  std::shared_ptr<const FlatWordMap<const WordInfo*>> info_index_;
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::string fingerprint_;
};

// English inflection helpers used by the loader (exposed for tests).
std::string PluralOf(std::string_view noun);
std::vector<std::string> RegularVerbForms(std::string_view lemma);  // 3sg, past, ing

}  // namespace dyad

#endif  // DYAD_LEXICON_H_
