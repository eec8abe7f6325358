// Tagging, dictionary mentions and verb groups. See parser.h.
#include "parse/parser.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "lexicon/word_map.h"
#include "parse/word_set.h"

namespace dyad::parse {
namespace {


const FlatWordMap<Tag>& ClosedClass() {
  static const auto* flat = [] {
    auto* t = new std::unordered_map<std::string_view, Tag>;
    auto add = [&](Tag tag, std::initializer_list<std::string_view> ws) {
      for (auto w : ws) (*t)[w] = tag;
    };
    add(Tag::kBe, {"is", "are", "was", "were", "be", "been", "being", "am", "'re", "'m"});
    add(Tag::kHave, {"has", "have", "had", "having", "'ve"});
    add(Tag::kDo, {"do", "does", "did"});
    add(Tag::kModal, {"can", "could", "may", "might", "must", "shall", "should", "would", "ought",
                      "'d", "ca", "wo"});
    add(Tag::kWill, {"will", "'ll"});
    add(Tag::kNeg, {"not", "n't", "never", "neither", "nor"});
    add(Tag::kDet, {"the", "a", "an", "this", "these", "those", "each", "every", "some", "any",
                    "all", "both", "several", "many", "few", "more", "most", "another", "other",
                    "such", "much", "various", "numerous", "either", "whose"});
    add(Tag::kNoDet, {"no", "none"});
    add(Tag::kPossPron, {"his", "her", "its", "their", "our", "my", "your"});
    add(Tag::kPron, {"he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "itself",
                     "themselves", "himself", "herself", "there"});
    add(Tag::kRel, {"who", "whom", "which"});
    add(Tag::kThat, {"that"});
    add(Tag::kSub, {"if", "unless", "whether", "because", "although", "though", "while",
                    "whereas", "when", "whenever", "after", "before", "until", "since", "as",
                    "once", "where", "lest"});
    add(Tag::kPrep, {"in", "on", "at", "by", "for", "with", "from", "into", "onto", "over",
                     "under", "against", "toward", "towards", "across", "through", "near",
                     "outside", "inside", "between", "among", "amid", "amidst", "about",
                     "during", "without", "within", "along", "around", "behind", "beyond",
                     "despite", "via", "upon", "off", "per", "like", "than", "including",
                     "regarding", "concerning", "throughout", "beside", "besides", "except",
                     "alongside", "following", "ahead", "close", "near", "past", "up", "down",
                     "out", "away", "back", "around", "underneath", "above", "below"});
    add(Tag::kOf, {"of"});
    add(Tag::kTo, {"to"});
    add(Tag::kCoord, {"and", "or", "but", "&"});
    add(Tag::kTime, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                     "sunday", "today", "yesterday", "tonight", "overnight", "tomorrow",
                     "weekend", "morning", "evening", "afternoon", "night"});
    add(Tag::kAdv, {"also", "already", "still", "now", "then", "again", "further", "later",
                    "earlier", "soon", "just", "only", "even", "yet", "so", "too", "very",
                    "reportedly", "allegedly", "jointly", "formally", "officially",
                    "recently", "repeatedly", "largely", "far", "however", "meanwhile",
                    "instead", "often", "always", "ever", "here", "together", "nearly",
                    "almost", "abroad", "sharply", "strongly", "firmly", "publicly",
                    "quickly"});
    add(Tag::kNum, {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                    "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
                    "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                    "billion", "billions", "dozen", "dozens", "tens", "scores", "half"});
    // A word listed twice keeps its last tag, as in the map built above.
    std::vector<std::pair<std::string_view, Tag>> items(t->begin(), t->end());
    delete t;
    auto* m = new FlatWordMap<Tag>;
    m->Build(items);
    return m;
  }();
  return *flat;
}


bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// `is_lemma`: w == the lemma.
VForm FormOf(std::string_view w, bool is_lemma) {
  if (is_lemma) return VForm::kBase;
  if (EndsWith(w, "ing")) return VForm::kIng;
  if (EndsWith(w, "s") && !EndsWith(w, "ss")) return VForm::kThird;
  return VForm::kPast;  // -ed or an irregular past / participle
}

// "spoke by telephone", "arrived by plane": "by" naming a means, not an agent.
bool ByMeans(std::string_view w) {
  static const char* kMeans[] = {"phone", "telephone", "video", "videoconference", "videolink",
                                 "letter", "email", "satellite", "radio", "land", "sea", "air",
                                 "road", "rail", "car", "plane", "helicopter", "boat", "bus",
                                 "train", "ship", "foot"};
  for (const char* m : kMeans) {
    if (w == m) return true;
  }
  return false;
}

bool Nominal(Tag t) {
  return t == Tag::kNoun || t == Tag::kProper || t == Tag::kPron || t == Tag::kNum;
}

// A word before which a noun/verb-ambiguous word must be a noun.
bool NounContext(Tag t) {
  switch (t) {
    case Tag::kDet: case Tag::kNoDet: case Tag::kPossPron: case Tag::kPoss: case Tag::kOf:
    case Tag::kPrep: case Tag::kNum:
      return true;
    default:
      return false;
  }
}

// "demanded that Georgetown halt": a bare form right after "that" + a
// name is a (subjunctive) verb, not part of a compound noun.
bool AfterThatSubject(const SentenceParse& p, uint32_t i) {
  uint32_t k = i;
  while (k > 0 && (p.words[k - 1].tag == Tag::kProper || p.words[k - 1].tag == Tag::kDet ||
                   (p.words[k - 1].tag == Tag::kNoun && p.words[k - 1].mention >= 0))) {
    --k;
  }
  return k < i && k > 0 && p.words[k - 1].lower == "that";
}

// "as protests erupted across the city": a past form after a noun phrase
// that a subordinator opens is that clause's verb, not a reduced relative.
bool AfterSubordinator(const SentenceParse& p, uint32_t i) {
  uint32_t k = i;
  while (k > 0 && (p.words[k - 1].tag == Tag::kNoun || p.words[k - 1].tag == Tag::kDet ||
                   p.words[k - 1].tag == Tag::kNum || p.words[k - 1].tag == Tag::kPossPron)) {
    --k;
  }
  return k < i && k > 0 && p.words[k - 1].tag == Tag::kSub;
}

// PETRARCH-2 looks its discard phrases up among the sentence's
// space-separated words, as written, and only sees a phrase once a word
// follows it: "three years ago, a senior officer said" ("ago," is not
// "ago") and a phrase ending the sentence discard nothing. True when
// tokens [b, e) of sentence `s` would match so.
bool Petrarch2DiscardMatches(const Document& doc, const Sentence& s, uint32_t b, uint32_t e) {
  uint32_t first = s.token_begin + b, last = s.token_begin + e - 1;
  if (first > s.token_begin && doc.tokens[first - 1].norm_end == doc.tokens[first].norm_begin) {
    return false;
  }
  return last + 1 < s.token_end && doc.tokens[last].norm_end < doc.tokens[last + 1].norm_begin;
}

}  // namespace

// "Taiwan put its forces on alert": a state, person or organisation named
// at the start of a clause before a bare form is its subject, not a compound.
bool NamedSubjectBefore(const SentenceParse& p, uint32_t i) {
  if (i == 0 || p.words[i - 1].mention < 0) return false;
  const Mention& m = p.mentions[p.words[i - 1].mention];
  if (m.e != i) return false;
  if (m.kind != EntryKind::kCountry && m.kind != EntryKind::kPerson && m.kind != EntryKind::kOrg &&
      m.kind != EntryKind::kGroup) {
    return false;
  }
  if (m.b == 0) return true;
  Tag before = p.words[m.b - 1].tag;  // the name opens a clause: "…, and Taiwan put"
  return before == Tag::kComma || before == Tag::kCoord || before == Tag::kSub ||
         before == Tag::kThat || before == Tag::kRel || before == Tag::kQuote;
}

bool IsTimeWord(std::string_view w) {
  const Tag* t = ClosedClass().Find(w);
  return t && *t == Tag::kTime;
}

void Parse(const Lexicon& lex, const Document& doc, const Sentence& s, int date,
           SentenceParse* out, bool dictionary_verbs) {
  (void)date;
  out->Clear();
  const uint32_t n = s.token_end - s.token_begin;
  thread_local std::vector<std::string_view> lower;  // per thread, reused
  thread_local std::vector<const WordInfo*> infos;
  lower.resize(n);
  infos.resize(n);
  for (uint32_t i = 0; i < n; ++i) lower[i] = doc.Lower(doc.tokens[s.token_begin + i]);
  lex.Infos(lower.data(), n, infos.data());
  out->words.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[s.token_begin + i];
    Word& w = out->words[i];
    w.lower = lower[i];
    w.info = infos[i];
    w.capitalized = (t.flags & kCapitalized) != 0;
    // "al-Qaeda", "el-Sisi", "ad-Dawla": a name after a lower-case particle.
    if (!w.capitalized && w.lower.size() > 3 && w.lower.find('-') != std::string_view::npos) {
      std::string_view raw = doc.Text(t);
      size_t dash = raw.find('-');
      w.capitalized = dash + 1 < raw.size() && dash <= 3 && raw[dash + 1] >= 'A' && raw[dash + 1] <= 'Z';
    }
    if (t.kind == TokenKind::kNumber) {
      w.tag = Tag::kNum;
    } else if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) {
      std::string_view x = lower[i];
      if (t.flags & kPossessive) w.tag = Tag::kPoss;
      else if (x == ",") w.tag = Tag::kComma;
      else if (x == "\"" || x == "'" || x == "``" || x == "''") w.tag = Tag::kQuote;
      else if (x == "." || x == "!" || x == "?") w.tag = Tag::kEnd;
      else w.tag = Tag::kPunct;
      if (x == "?") out->question = true;
    }
  }

  // 1. Dictionary phrases, longest match first, left to right.
  for (uint32_t i = 0; i < n;) {
    const Word& w = out->words[i];
    if (w.tag == Tag::kPunct || w.tag == Tag::kComma || w.tag == Tag::kEnd ||
        w.tag == Tag::kPoss) {
      ++i;
      continue;
    }
    const WordInfo* info = w.info;
    std::optional<PhraseMatch> m;
    if (info && info->phrases) m = lex.MatchPhraseAt(*info, lower, i);
    if (!m && (doc.tokens[s.token_begin + i].flags & kHyphenated)) {
      // "Greek-owned ship", "Saudi-led coalition", "Russian-flagged tanker":
      // the first part names the actor; "-backed", "-based" do not.
      std::string_view tok = lower[i];
      size_t dash = tok.find('-');
      std::string_view suffix = tok.substr(dash + 1);
      static const std::unordered_set<std::string_view> kOwner = {
          "owned", "flagged", "registered", "operated", "led", "run", "controlled",
          "made", "built", "supplied", "donated"};
      if (kOwner.count(suffix)) {
        std::vector<std::string_view> part = {tok.substr(0, dash)};
        auto pm = lex.MatchPhrase(part, 0);
        if (pm && pm->length == 1) {
          EntryKind k = lex.entry(pm->entry).kind;
          if (k == EntryKind::kDemonym || k == EntryKind::kCountry || k == EntryKind::kCapital) {
            int idx = static_cast<int>(out->mentions.size());
            out->mentions.push_back({i, i + 1, pm->entry, EntryKind::kDemonym});
            out->words[i].mention = idx;
            out->words[i].tag = Tag::kProper;
          }
        }
      }
      ++i;
      continue;
    }
    if (!m) {
      ++i;
      continue;
    }
    const EntryKind kind = m->kind;  // lex.entry(m->entry).kind, without touching the entry
    // A lower-case match of a name is usually a common word ("chad", "turkey"
    // as food, "china" the porcelain); accept it only for agents, demonyms
    // and all-lower phrases written so in the dictionary.
    bool any_cap = false;
    for (uint32_t k = i; k < i + m->length; ++k) {
      any_cap |= out->words[k].capitalized;
      // The reference coders read text upper-cased: "iSrael" is Israel.
      if (dictionary_verbs && !any_cap) {
        std::string_view raw = doc.Text(doc.tokens[s.token_begin + k]);
        any_cap = std::any_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      }
    }
    bool needs_cap = kind == EntryKind::kCountry || kind == EntryKind::kCapital ||
                     kind == EntryKind::kDemonym ||
                     kind == EntryKind::kPlace || kind == EntryKind::kPerson ||
                     kind == EntryKind::kGroup || kind == EntryKind::kOrg;
    if (needs_cap && !any_cap) {
      // "the nato", "u.s." — all-caps acronyms written in lower case are kept.
      bool acronym = m->length == 1 && lower[i].size() <= 5 && i > 0 && lower[i - 1] == "the" &&
                     (kind == EntryKind::kOrg || kind == EntryKind::kCountry ||
                      kind == EntryKind::kGroup);
      if (!acronym) {
        ++i;
        continue;
      }
    }
    if (kind == EntryKind::kDiscard) {
      if (!dictionary_verbs || lex.compose_rules().empty() ||
          Petrarch2DiscardMatches(doc, s, i, i + m->length)) {
        out->discard = true;
      }
      i += m->length;
      continue;
    }
    int idx = static_cast<int>(out->mentions.size());
    out->mentions.push_back({i, i + m->length, m->entry, kind});
    for (uint32_t k = i; k < i + m->length; ++k) {
      out->words[k].mention = idx;
      out->words[k].tag = (kind == EntryKind::kAgent) ? Tag::kNoun : Tag::kProper;
    }
    i += m->length;
  }

  // 2. Closed classes.
  const auto& closed = ClosedClass();
  for (uint32_t i = 0; i < n; ++i) {
    Word& w = out->words[i];
    if (w.mention >= 0 || w.tag != Tag::kOther) continue;
    if (const Tag* t = closed.Find(w.lower)) w.tag = *t;
  }
  // "that" right after a noun-like word and before a verb is a relative;
  // decided later by the coder. "as well as" is a coordinator.
  for (uint32_t i = 0; i + 2 < n; ++i) {
    if (lower[i] == "as" && lower[i + 1] == "well" && lower[i + 2] == "as") {
      out->words[i].tag = out->words[i + 1].tag = Tag::kCoord;
      out->words[i + 2].tag = Tag::kCoord;
    }
  }
  // dyad: "once again", "once more" are adverbs, and so is "outright"
  // between an auxiliary and its verb ("has once again outright rejected").
  if (!dictionary_verbs) {
    for (uint32_t i = 0; i + 1 < n; ++i) {
      if (lower[i] == "once" && (lower[i + 1] == "again" || lower[i + 1] == "more")) {
        out->words[i].tag = Tag::kAdv;
      }
      Tag before = i > 0 ? out->words[i - 1].tag : Tag::kPunct;
      if (lower[i] == "outright" && (before == Tag::kAdv || before == Tag::kHave || before == Tag::kBe ||
                                     before == Tag::kModal || before == Tag::kWill)) {
        out->words[i].tag = Tag::kAdv;
      }
      // "said about 10,000 soldiers had been sent": before a number, "about"
      // and "around" say how many, they open no phrase of their own.
      if ((lower[i] == "about" || lower[i] == "around") && out->words[i + 1].tag == Tag::kNum) {
        out->words[i].tag = Tag::kAdv;
      }
      // "Colombia will back Venezuela's return", "pledged to back Kyiv": after
      // an auxiliary or "to", "back" is the verb, not the particle.
      if (lower[i] == "back" && (before == Tag::kWill || before == Tag::kModal || before == Tag::kTo ||
                                 before == Tag::kDo || before == Tag::kNeg)) {
        out->words[i].tag = Tag::kOther;
      }
      // "Caracas and Bogota both praised …", "they all agreed": a quantifier
      // floated after a named subject or a pronoun, before an inflected verb,
      // is an adverb of the clause, not the determiner of a noun phrase.
      if ((lower[i] == "both" || lower[i] == "all" || lower[i] == "each") && i > 0 &&
          (out->words[i - 1].mention >= 0 || before == Tag::kPron) &&
          out->words[i + 1].tag == Tag::kOther && !out->words[i + 1].capitalized &&
          out->words[i + 1].info &&
          (out->words[i + 1].info->verb_lemmas || !out->words[i + 1].info->wordnet_lemma.empty())) {
        const VForm f = FormOf(lower[i + 1], out->words[i + 1].info->form_is_lemma);
        if (f == VForm::kPast || f == VForm::kThird) out->words[i].tag = Tag::kAdv;
      }
    }
  }

  // 3. Open classes: verbs (dictionary, then WordNet), nouns, adverbs.
  for (uint32_t i = 0; i < n; ++i) {
    Word& w = out->words[i];
    if (w.mention >= 0 || w.tag != Tag::kOther) continue;
    Tag prev = i > 0 ? out->words[i - 1].tag : Tag::kPunct;
    std::string_view prev_lower = i > 0 ? lower[i - 1] : std::string_view();
    const WordInfo* info = w.info;
    std::string_view lemma;
    int vcount = -1, ncount = -1;
    bool is_verb = false;
    if (info && info->verb_lemmas) {
      lemma = info->lemma;
      vcount = info->verb_count;
      ncount = info->noun_count;
      is_verb = true;
      w.event_verb = true;
    } else if (info && !info->wordnet_lemma.empty()) {
      lemma = info->wordnet_lemma;
      vcount = info->verb_count;
      ncount = info->noun_count;
      is_verb = true;
    }
    if (!is_verb) {
      if (EndsWith(w.lower, "ly") && w.lower.size() > 4) {
        w.tag = Tag::kAdv;
      } else {
        w.tag = w.capitalized && i > 0 ? Tag::kProper : Tag::kNoun;
      }
      continue;
    }
    VForm form = FormOf(w.lower, info->form_is_lemma);
    // "Ousted Syrian President Bashar al-Assad …": a past form opening the
    // sentence right before a name or a demonym is its adjective.
    if (!dictionary_verbs && i == 0 && form == VForm::kPast && i + 1 < n &&
        (out->words[i + 1].mention >= 0 || out->words[i + 1].capitalized)) {
      w.tag = Tag::kNoun;
      w.lemma = std::string_view();
      continue;
    }
    // A capitalised word inside the sentence is a name, not a verb.
    if (w.capitalized && i > 0 && prev != Tag::kQuote) {
      w.tag = Tag::kProper;
      continue;
    }
    bool noun = false;
    bool could_be_noun = ncount >= 0 || form == VForm::kIng;
    if (dictionary_verbs && w.event_verb && i > 0 && out->words[i - 1].mention >= 0 &&
        out->mentions[out->words[i - 1].mention].e == i &&
        out->mentions[out->words[i - 1].mention].kind != EntryKind::kAgent &&
        form != VForm::kIng) {
      w.tag = Tag::kVerb;
      w.lemma = lemma;
      w.vform = form;
      continue;
    }
    if (i > 0 && out->words[i - 1].mention >= 0 &&
        out->mentions[out->words[i - 1].mention].kind == EntryKind::kDemonym &&
        out->mentions[out->words[i - 1].mention].e == i &&
        out->words[i - 1].lower.back() != 's') {  // not "Georgians rallied"
      // "Israeli shelling", "Russian attacks": a demonym modifies a noun.
      w.tag = Tag::kNoun;
      w.noun_use = w.event_verb;
      w.lemma = w.event_verb ? lemma : std::string_view();
      continue;
    }
    if (prev == Tag::kVerb && form != VForm::kIng &&
        !(form == VForm::kPast && i > 0 && IsAspectVerb(out->words[i - 1].lemma))) {
      // "eased sanctions", "fired tear gas": the word after a verb is its object.
      w.tag = Tag::kNoun;
      w.noun_use = w.event_verb;
      w.lemma = w.event_verb ? lemma : std::string_view();
      continue;
    }
    if (!dictionary_verbs && (prev == Tag::kAdv || prev == Tag::kTime) && i >= 2 && ncount >= 0 &&
        (form == VForm::kBase || form == VForm::kThird) &&
        (out->words[i - 2].tag == Tag::kDet || out->words[i - 2].tag == Tag::kPrep ||
         out->words[i - 2].tag == Tag::kOf)) {
      // "after weeks of costly raids", "an overnight strike": an -ly or
      // time word between a determiner or a preposition and a bare or -s
      // form is an adjective of the noun that follows it.
      noun = true;
      if (prev == Tag::kTime) out->words[i - 1].tag = Tag::kNoun;  // inside the phrase
    } else if (NounContext(prev) && prev != Tag::kPrep) {
      // "the attack", "its demands", "two attacks"; but "-ed" after a
      // determiner is an adjective ("the disputed region").
      noun = could_be_noun || form == VForm::kPast;
    } else if (prev == Tag::kPrep && form != VForm::kIng) {
      noun = could_be_noun || form == VForm::kPast;
    } else if (prev == Tag::kModal || prev == Tag::kWill || prev == Tag::kTo ||
               prev == Tag::kDo || prev == Tag::kNeg || prev == Tag::kBe ||
               prev == Tag::kHave || prev == Tag::kPron || prev == Tag::kRel ||
               prev == Tag::kAdv) {
      noun = false;
      if (prev == Tag::kTo && form != VForm::kBase) noun = true;  // "to talks"
    } else if (prev == Tag::kNoun && i > 0 && out->words[i - 1].mention < 0 &&
               form == VForm::kThird && ncount >= 0) {
      noun = true;  // "security demands", "peace talks"
    } else if (prev == Tag::kNoun && i > 0 && out->words[i - 1].mention < 0 &&
               form == VForm::kBase && ncount > vcount) {
      noun = true;  // "a ground offensive attack" style compounds
    } else if (form == VForm::kBase && ncount > 0 && i + 1 < n &&
               (out->words[i + 1].tag == Tag::kOf)) {
      noun = true;  // "demand of", "call for" stays verb-able; "attack of"
    } else if (form == VForm::kBase && ncount >= 0 && (prev == Tag::kProper || prev == Tag::kNoun) &&
               !(prev_lower.size() > 3 && prev_lower.back() == 's' &&
                 prev_lower[prev_lower.size() - 2] != 's') &&
               !AfterThatSubject(*out, i) && !NamedSubjectBefore(*out, i)) {
      // "border forces", "a ground offensive": a bare form after a singular
      // noun is a compound; after a plural ("observers hope") it is a verb.
      noun = true;
    } else if (i == 0 && ncount > vcount) {
      noun = true;
    } else if (form == VForm::kThird && (prev == Tag::kAdv || prev == Tag::kComma) &&
               ncount > vcount * 2) {
      noun = true;
    }
    if (!noun && prev_lower == "the") noun = true;
    if (!dictionary_verbs && !noun && form == VForm::kThird) {
      // "Reports that …", "Talks ended", "jets bombed the port": a
      // third-person form opening the sentence, or followed by a past
      // form, has no subject of its own: it is a plural noun.
      bool subjectless = i == 0 || (prev == Tag::kQuote && i == 1);
      bool past_follows = false;
      if (i + 1 < n && !out->words[i + 1].capitalized && out->words[i + 1].mention < 0 &&
          out->words[i + 1].tag == Tag::kOther && out->words[i + 1].info) {
        const WordInfo* next = out->words[i + 1].info;
        past_follows = (next->verb_lemmas || !next->wordnet_lemma.empty()) &&
                       FormOf(out->words[i + 1].lower, next->form_is_lemma) == VForm::kPast;
      }
      bool verb_context = prev == Tag::kPron || prev == Tag::kModal || prev == Tag::kWill ||
                          prev == Tag::kTo || prev == Tag::kDo || prev == Tag::kNeg ||
                          prev == Tag::kRel;
      if (subjectless || (past_follows && !verb_context)) noun = true;
      // "Manila and Washington launched their largest joint military
      // exercises": after a noun, in a clause whose verb has already come
      // (no comma, conjunction or clause word between), it is a plural noun.
      if (!noun && !verb_context && (prev == Tag::kNoun || prev == Tag::kProper)) {
        for (uint32_t j = i; j-- > 0;) {
          Tag tj = out->words[j].tag;
          if (tj == Tag::kComma || tj == Tag::kCoord || tj == Tag::kThat || tj == Tag::kRel ||
              tj == Tag::kSub || tj == Tag::kQuote || tj == Tag::kPunct || tj == Tag::kEnd) {
            break;
          }
          if (tj == Tag::kVerb) {
            // "saying Russia bears the blame": a saying verb opens a clause.
            noun = !IsSayVerb(out->words[j].lemma);
            break;
          }
        }
      }
    }
    // "RSF shelling killed ten civilians": an attack word in -ing after a
    // name, before a past form, is the noun the name's act is named by.
    if (!noun && !dictionary_verbs && form == VForm::kIng && prev == Tag::kProper && i + 1 < n &&
        IsAttackNoun(w.lower) && out->words[i + 1].tag == Tag::kOther && out->words[i + 1].info &&
        (out->words[i + 1].info->verb_lemmas || !out->words[i + 1].info->wordnet_lemma.empty()) &&
        FormOf(lower[i + 1], out->words[i + 1].info->form_is_lemma) == VForm::kPast) {
      noun = true;
    }
    // "a warm welcome", "an early meeting": a base form after "a" is no verb.
    if (!noun && form == VForm::kBase && (prev_lower == "a" || prev_lower == "an")) noun = true;
    // "a roadside bombing near Samarra": an -ing word closing a phrase that a
    // determiner opened is a noun.
    if (!noun && form == VForm::kIng && prev == Tag::kNoun && i >= 2 && i + 1 < n &&
        out->words[i - 1].mention < 0 &&
        (out->words[i - 2].tag == Tag::kDet || out->words[i - 2].tag == Tag::kNum ||
         out->words[i - 2].tag == Tag::kPossPron) &&
        (out->words[i + 1].tag == Tag::kPrep || out->words[i + 1].tag == Tag::kOf ||
         out->words[i + 1].tag == Tag::kComma || out->words[i + 1].tag == Tag::kEnd)) {
      noun = true;
    }
    // "from neighbouring Lebanon", "in outlying Kachin": an -ing word that
    // names no event, between a preposition and a name, is an adjective.
    if (!noun && !w.event_verb && form == VForm::kIng && prev == Tag::kPrep && i + 1 < n &&
        (out->words[i + 1].mention >= 0 || out->words[i + 1].capitalized)) {
      noun = true;
    }
    // Inside a noun phrase: "a new ground offensive", "its armed forces";
    // but "the port proved false": a past form before a word no tag has
    // claimed yet is the phrase's verb.
    if (!noun && prev == Tag::kNoun && i >= 2 && out->words[i - 1].mention < 0 &&
        out->words[i - 1].lower.back() != 's' &&
        (out->words[i - 2].tag == Tag::kDet || out->words[i - 2].tag == Tag::kNum) && i + 1 < n &&
        (out->words[i + 1].tag == Tag::kNoun ||
         (out->words[i + 1].tag == Tag::kOther &&
          (dictionary_verbs || form != VForm::kPast || ncount >= 0)))) {
      noun = true;
    }
    // "an arms deal", "a fisheries accord": after "a" an -s word can only be
    // a modifier, so the word after it is the phrase's noun.
    if (!noun && !dictionary_verbs && prev == Tag::kNoun && i >= 2 && ncount >= 0 &&
        out->words[i - 1].mention < 0 && (lower[i - 2] == "a" || lower[i - 2] == "an") &&
        lower[i - 1].size() > 3 && lower[i - 1].back() == 's' && form == VForm::kBase) {
      noun = true;
    }
    // "a nighttime raid on the port": "a" promises a singular noun, and a
    // singular noun takes no bare verb form, so a bare form right after
    // "a"/"an" and one singular word is the phrase's noun.
    if (!noun && !dictionary_verbs && prev == Tag::kNoun && i >= 2 && ncount >= 0 &&
        out->words[i - 1].mention < 0 && (lower[i - 2] == "a" || lower[i - 2] == "an") &&
        form == VForm::kBase && lower[i - 1].back() != 's') {
      noun = true;
    }
    // "an air strike hit the hospital", "a missile hit Kyiv": a verb whose
    // past is its base form, between a phrase and what opens another, is
    // that past.
    static const Set kSameFormPast = {"hit", "cut", "put", "set", "shut", "spread", "hurt",
                                      "cost", "let", "quit", "burst", "cast", "split", "shed",
                                      "upset", "thrust", "broadcast", "beat"};
    bool same_form_past = false;
    if (!dictionary_verbs && noun && form == VForm::kBase && Contains(kSameFormPast, w.lower) &&
        (prev == Tag::kNoun || prev == Tag::kProper) && i + 1 < n &&
        (out->words[i + 1].tag == Tag::kDet || out->words[i + 1].tag == Tag::kNum ||
         out->words[i + 1].tag == Tag::kPossPron || out->words[i + 1].mention >= 0 ||
         (out->words[i + 1].tag == Tag::kOther &&
          (out->words[i + 1].capitalized || !out->words[i + 1].info ||
           (!out->words[i + 1].info->verb_lemmas &&
            out->words[i + 1].info->wordnet_lemma.empty()) ||
           FormOf(out->words[i + 1].lower, out->words[i + 1].info->form_is_lemma) ==
               VForm::kThird)))) {
      noun = false;
      same_form_past = true;
    }
    // A word only WordNet knows as a verb ("bloody", "brief", "plateau") is
    // taken as one only with verbal evidence: an inflection, or a base form
    // right after a modal, "to", "do", a negation or a pronoun.
    if (!noun && !w.event_verb) {
      bool plural_subject = (prev == Tag::kNoun || prev == Tag::kProper) &&
                            prev_lower.size() > 3 && prev_lower.back() == 's' &&
                            prev_lower[prev_lower.size() - 2] != 's';
      bool verbal_context = prev == Tag::kModal || prev == Tag::kWill || prev == Tag::kTo ||
                            prev == Tag::kDo || prev == Tag::kNeg || prev == Tag::kPron ||
                            prev == Tag::kRel || plural_subject;  // "observers hope
      if (form == VForm::kBase && !verbal_context) noun = true;
      if (form == VForm::kThird && !(prev == Tag::kProper || prev == Tag::kPron ||
                                     prev == Tag::kNoun || prev == Tag::kAdv ||
                                     prev == Tag::kRel || prev == Tag::kThat)) {
        noun = true;
      }
    }
    if (noun) {
      w.tag = Tag::kNoun;
      w.noun_use = w.event_verb;
      w.lemma = w.event_verb ? lemma : std::string_view();
      continue;
    }
    w.tag = Tag::kVerb;
    w.lemma = lemma;
    w.vform = same_form_past ? VForm::kPast : form;
  }

  // "EU sanctions on Iran were lifted", "Israeli strikes on Gaza have
  // killed …": a third-person form whose prepositional phrase runs straight
  // into an auxiliary or a past form has no clause of its own; it is a
  // plural noun, the subject of what follows.
  for (uint32_t i = 0; !dictionary_verbs && i + 3 < n; ++i) {
    Word& w = out->words[i];
    if (w.tag != Tag::kVerb || w.vform != VForm::kThird || !w.info || w.info->noun_count < 0) continue;
    if (out->words[i + 1].tag != Tag::kPrep) continue;
    uint32_t j = i + 2;
    while (j < n && (out->words[j].tag == Tag::kDet || out->words[j].tag == Tag::kNum ||
                     out->words[j].tag == Tag::kPossPron || out->words[j].tag == Tag::kProper ||
                     out->words[j].tag == Tag::kNoun || out->words[j].tag == Tag::kPoss)) {
      ++j;
    }
    if (j == i + 2 || j >= n) continue;
    const Word& next = out->words[j];
    if (next.tag == Tag::kBe || next.tag == Tag::kHave || next.tag == Tag::kModal ||
        next.tag == Tag::kWill || (next.tag == Tag::kVerb && next.vform == VForm::kPast)) {
      w.tag = Tag::kNoun;
      w.noun_use = w.event_verb;
      if (!w.event_verb) w.lemma = std::string_view();
    }
  }

  // "called the arrest unacceptable": a judging adjective right after a
  // noun, before no other noun, is predicated of the phrase, not part of it.
  for (uint32_t i = 1; !dictionary_verbs && i < n; ++i) {
    Word& w = out->words[i];
    // "the attack was appalling": after "be", a judging word is no verb.
    // (The word lists are probed last: the tags rule most words out.)
    if (w.tag == Tag::kVerb &&
        (out->words[i - 1].tag == Tag::kBe ||
         (i >= 2 && out->words[i - 1].tag == Tag::kAdv && out->words[i - 2].tag == Tag::kBe)) &&
        IsJudgingAdjective(w.lower)) {
      w.tag = Tag::kNoun;
      w.noun_use = false;
      w.lemma = std::string_view();
      continue;
    }
    if (w.tag != Tag::kNoun) continue;
    Tag before = out->words[i - 1].tag;
    if (before != Tag::kNoun && before != Tag::kProper) continue;
    if (!IsJudgingAdjective(w.lower)) continue;
    if (i + 1 < n && (out->words[i + 1].tag == Tag::kNoun || out->words[i + 1].tag == Tag::kProper)) continue;
    w.tag = Tag::kAdv;
  }

  // Word ids for pattern matching.
  for (Word& w : out->words) {
    w.id = w.info ? w.info->id : 0;
    w.lemma_id = (w.lemma.empty() || !w.info) ? 0 : w.info->lemma_id;
  }

  // 4. Verb groups: (aux | modal | neg | adverb)* head.
  for (uint32_t i = 0; i < n; ++i) {
    Tag t = out->words[i].tag;
    bool starts = t == Tag::kVerb || t == Tag::kBe || t == Tag::kHave || t == Tag::kDo ||
                  t == Tag::kModal || t == Tag::kWill ||
                  (t == Tag::kTo && i + 1 < n && out->words[i + 1].tag == Tag::kVerb);
    if (!starts) continue;
    VerbGroup vg;
    vg.b = i;
    bool saw_be = false, saw_have = false, saw_aux = false;
    uint32_t j = i;
    int head = -1;
    for (; j < n; ++j) {
      const Word& w = out->words[j];
      if (w.tag == Tag::kTo && j == i) {
        vg.infinitive = true;
        continue;
      }
      if (w.tag == Tag::kModal) {
        saw_aux = true;
        if (w.lower == "must" || w.lower == "should" || w.lower == "ought") vg.must = true;
        else vg.modal = true;
        continue;
      }
      if (w.tag == Tag::kWill) {
        saw_aux = vg.future = true;
        continue;
      }
      if (w.tag == Tag::kNeg) {
        vg.negated = true;
        continue;
      }
      if (w.tag == Tag::kAdv && j > i &&
          (head < 0 || out->words[head].tag != Tag::kVerb)) {
        continue;  // "was sharply criticised", "has already sent"
      }
      if (!dictionary_verbs && w.tag == Tag::kCoord && j > i && j + 1 < n &&
          out->words[j - 1].tag == Tag::kAdv && out->words[j + 1].tag == Tag::kAdv &&
          (head < 0 || out->words[head].tag != Tag::kVerb)) {
        continue;  // "must immediately and unconditionally release"
      }
      if (w.tag == Tag::kBe) {
        saw_be = saw_aux = true;
        head = static_cast<int>(j);
        continue;
      }
      if (w.tag == Tag::kHave) {
        saw_have = saw_aux = true;
        head = static_cast<int>(j);
        continue;
      }
      if (w.tag == Tag::kDo) {
        saw_aux = true;
        head = static_cast<int>(j);
        continue;
      }
      if (w.tag == Tag::kTo && saw_aux && j + 1 < n && out->words[j + 1].tag == Tag::kVerb) {
        // "is going to attack", "has to leave", "were to strike"
        if (j > i && (out->words[j - 1].lower == "going" || saw_be)) vg.future = true;
        continue;
      }
      if (w.tag == Tag::kVerb) {
        if (w.lower == "going" && j + 1 < n && out->words[j + 1].tag == Tag::kTo) {
          vg.future = true;
          continue;
        }
        head = static_cast<int>(j);
        ++j;
        break;
      }
      break;
    }
    if (head < 0) continue;
    vg.head = static_cast<uint32_t>(head);
    vg.e = std::max<uint32_t>(j, vg.head + 1);
    const Word& hw = out->words[vg.head];
    if (hw.tag != Tag::kVerb) {
      vg.copula = true;
    } else {
      // "was put", "were hit", "has been cut": after "be" a base form can
      // only be a participle that looks like it.
      if (saw_be && (hw.vform == VForm::kPast || (hw.vform == VForm::kBase && !dictionary_verbs))) {
        vg.passive = true;
      }
      if (saw_have) vg.perfect = true;
      if (!saw_aux && !vg.infinitive) {
        if (hw.vform == VForm::kIng) {
          vg.gerund = true;
          vg.finite = false;
        } else if (hw.vform == VForm::kPast && i > 0 && Nominal(out->words[i - 1].tag) &&
                   i + 1 < n && out->words[i + 1].tag == Tag::kPrep &&
                   out->words[i + 1].lower == "by" &&
                   !(!dictionary_verbs && i + 2 < n && ByMeans(out->words[i + 2].lower))) {
          vg.participle = true;  // "jets promised by Norway"
          vg.finite = false;
          vg.passive = true;
        } else if (hw.vform == VForm::kPast && i > 0 && out->words[i - 1].tag == Tag::kNoun &&
                   i + 1 < n &&
                   ((out->words[i - 1].mention < 0 &&
                     (out->words[i + 1].tag == Tag::kPrep || out->words[i + 1].tag == Tag::kOf)) ||
                    (out->words[i + 1].lower == "with" && !hw.event_verb)) &&
                   !(!dictionary_verbs && AfterSubordinator(*out, i))) {
          vg.participle = true;  // "barrel bombs filled with chlorine"
          vg.finite = false;
        }
      }
    }
    if (vg.infinitive) vg.finite = false;
    out->verbs.push_back(vg);
    i = vg.e - 1;
  }
  // "A roadside mine went off near an army post, killing four": a "reduced
  // relative" with no finite verb before or after it in its sentence (a
  // trailing "…, police said" aside) is the main verb after all.
  for (size_t g = 0; g < out->verbs.size(); ++g) {
    VerbGroup& vg = out->verbs[g];
    if (!vg.participle || out->words[vg.e - 1].lower == "by" ||
        (vg.e < n && out->words[vg.e].lower == "by")) {
      continue;
    }
    bool main_after = false;
    for (size_t h = 0; h < g; ++h) {
      if (out->verbs[h].finite) main_after = true;  // "dropped bombs filled with …"
    }
    for (size_t h = g + 1; h < out->verbs.size() && !main_after; ++h) {
      const VerbGroup& later = out->verbs[h];
      if (!later.finite) continue;
      bool attribution = IsSayVerb(out->words[later.head].lemma) && later.b > 0;
      if (attribution) {
        // Only "…, NP said" at the end counts as an attribution.
        uint32_t k = later.b;
        while (k > vg.e && out->words[k - 1].tag != Tag::kComma) --k;
        attribution = k > vg.e;
      }
      if (!attribution) main_after = true;
    }
    if (!main_after) {
      vg.participle = false;
      vg.finite = true;
    }
  }
}

}  // namespace dyad::parse
