// Loads .dict files and the CAMEO tables into a Lexicon.
//
// Phrases are tokenised with the same text stage as the news text, so a
// dictionary phrase and the words of a story always agree on where words
// begin and end ("U.S.", "al-Shabaab", "Côte d'Ivoire").
#include <algorithm>
#include <cstdlib>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <istream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "dyad/gazetteer.h"
#include "dyad/lexicon.h"
#include "lexicon/word_map.h"
#include "text/strings.h"

namespace dyad {
namespace fs = std::filesystem;

namespace {

std::string_view Trim(std::string_view s) { return text::TrimSpace(s); }

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  out.reserve(static_cast<size_t>(std::count(s.begin(), s.end(), sep)) + 1);
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  for (size_t i = 0; i < s.size();) {
    if (blank(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !blank(s[j])) ++j;
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsUpperCode(std::string_view s) {
  if (s.empty() || s.size() % 3 != 0) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Event codes are 2-4 digits.
bool IsEventCodeShape(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ParseKind(std::string_view w, EntryKind* k) {
  static const std::pair<const char*, EntryKind> kKinds[] = {
      {"person", EntryKind::kPerson},   {"org", EntryKind::kOrg},
      {"group", EntryKind::kGroup},     {"capital", EntryKind::kCapital},
      {"country", EntryKind::kCountry}, {"demonym", EntryKind::kDemonym},
      {"agent", EntryKind::kAgent},     {"place", EntryKind::kPlace},
      {"discard", EntryKind::kDiscard}};
  for (const auto& [name, kind] : kKinds) {
    if (w == name) {
      *k = kind;
      return true;
    }
  }
  return false;
}

// Lower-cased tokens of a phrase, as the text stage would produce them.
std::vector<std::string> PhraseTokensSlow(const std::string& phrase) {
  thread_local Document doc;  // reused: one Document's buffers for every phrase
  AnalyzeText(phrase, &doc);
  std::vector<std::string> out;
  out.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) out.emplace_back(doc.Lower(t));
  return out;
}

// The same for the common phrase of ASCII letters and spaces, whose tokens
// are its words: nothing in such a phrase splits, joins or changes a word
// but case. (Checked against PhraseTokensSlow on every phrase of dyad's,
// TABARI's, PETRARCH's and Phoenix's dictionaries.)
std::vector<std::string> PhraseTokens(const std::string& phrase) {
  for (char c : phrase) {
    if (c != ' ' && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return PhraseTokensSlow(phrase);
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < phrase.size();) {
    if (phrase[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    std::string& w = out.emplace_back(phrase, i, j - i);
    for (char& c : w) c = static_cast<char>(c | 0x20);
    i = j;
  }
  return out;
}

// The same string for every path of one file (symbolic links, "a/../b").
std::string FileKey(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::canonical(p, ec);
  return ec ? p.lexically_normal().string() : c.string();
}

// The whole of `s` as a number (no sign of junk around it).
template <typename T>
bool ParseNumber(const std::string& s, T* out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end;
}

std::string ToLowerAscii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

class LexiconBuilder {
 public:
  // A guess at how many words the .dict files add to WordNet's forms.
  static constexpr size_t kDictionaryWords = 40000;

  // With threads > 1, Finish() uses a second thread.
  explicit LexiconBuilder(DictStats* stats, int threads = 1) : stats_(stats), threads_(threads) {
    lex_ = std::make_shared<Lexicon>();
  }

  Status LoadTables(const fs::path& cameo_dir) {
    DYAD_RETURN_IF_ERROR(ReadTsv(cameo_dir / "event_codes.tsv", [&](const std::vector<std::string>& f) {
      if (f.size() < 7) return std::string();
      EventCodeInfo info;
      info.code = f[0];
      info.root = f[1];
      if (!f[2].empty()) {
        double g;
        if (!ParseNumber(f[2], &g)) return "goldstein '" + f[2] + "' is not a number";
        info.goldstein = g;
      }
      if (!ParseNumber(f[3], &info.quad_class)) return "quad_class '" + f[3] + "' is not a number";
      info.plover = f[4];
      info.plover_mode = f[5];
      info.label = f[6];
      lex_->event_codes_[info.code] = info;
      return std::string();
    }));
    DYAD_RETURN_IF_ERROR(ReadTsv(cameo_dir / "actor_types.tsv", [&](const std::vector<std::string>& f) {
      if (f.size() < 2) return std::string();
      const std::string& kind = f[1];
      if (kind == "known_group" || kind == "organization") lex_->group_codes_.insert(f[0]);
      if (kind.rfind("role_", 0) == 0 || kind == "party_modifier" || kind == "organization" ||
          kind == "international_generic") {
        if (kind != "organization") lex_->role_types_.insert(f[0]);
      }
      if (kind == "international_generic") lex_->generic_prefixes_.insert(f[0]);
      return std::string();
    }));
    // Religion codes and a few more pieces dictionaries use as roles.
    for (const char* r : {"REL", "PPL", "PKO"}) lex_->role_types_.insert(r);
    lex_->generic_prefixes_.insert("PKO");
    DYAD_RETURN_IF_ERROR(ReadTsv(cameo_dir / "countries.tsv", [&](const std::vector<std::string>& f) {
      if (f.size() < 4) return std::string();
      known_countries_.insert(f[0]);
      if (!f[2].empty()) known_countries_.insert(f[2]);
      lex_->country_names_.emplace(f[0], f[3]);
      if (!f[2].empty()) lex_->country_names_.emplace(f[2], f[3]);
      return std::string();
    }));
    return Status::Ok();
  }

  // data/lexicon/wordnet-verbs.tsv (generated from Debian's wordnet-base),
  // then one word_info_ entry per form of its verbs, with the WordNet verb
  // each inflects. Reads and writes nothing the .dict files touch, so it can
  // run on a second thread while they load; BuildWordInfo() adds the
  // dictionaries' words afterwards.
  Status LoadWordNet(const fs::path& p) {
    DYAD_RETURN_IF_ERROR(ReadTsv(p, [&](const std::vector<std::string>& f) {
      if (f.size() == 2 && !f[1].empty() && f[1][0] == '=') {
        lex_->wordnet_exc_[f[0]] = f[1].substr(1);
      } else if (f.size() >= 3) {
        int verb, noun;
        if (!ParseNumber(f[1], &verb)) return "verb count '" + f[1] + "' is not a number";
        if (!ParseNumber(f[2], &noun)) return "noun count '" + f[2] + "' is not a number";
        lex_->wordnet_[f[0]] = {verb, noun};
      }
      return std::string();
    }, /*header=*/false));
    Lexicon& L = *lex_;
    auto& W = L.word_info_;
    // Room for the dictionaries' words too, so that adding them rehashes nothing.
    W.reserve(L.wordnet_exc_.size() + 5 * L.wordnet_.size() + kDictionaryWords);
    auto add = [&](std::string&& form) {
      auto [it, fresh] = W.try_emplace(std::move(form));
      if (fresh) {
        WordInfo& info = it->second;
        L.WordNetVerb(it->first, &info.wordnet_lemma, &info.verb_count, &info.noun_count);
        info.form_is_lemma = it->first == info.wordnet_lemma;  // while both are at hand
      }
    };
    for (const auto& [w, lemma] : L.wordnet_exc_) add(std::string(w));
    for (const auto& [lemma, counts] : L.wordnet_) {
      if (counts.first < 0) continue;
      add(std::string(lemma));
      for (std::string& f : RegularVerbForms(lemma)) add(std::move(f));
    }
    return Status::Ok();
  }

  void LoadFile(const fs::path& path, int depth) {
    loaded_.insert(FileKey(path));
    std::ifstream in(path, std::ios::binary);
    std::string fname = path.string();
    if (!in) {
      if (lane_ != Lane::kVerbs) Error(fname + ":0: cannot open file");
      return;
    }
    LoadStream(in, path, depth);
  }

  // Lines of dyad's format from any stream; `path` names it in messages
  // and anchors its includes.
  void LoadStream(std::istream& in, const fs::path& path, int depth) {
    std::string fname = path.string();
    if (lane_ != Lane::kVerbs) stats_->files.push_back(fname);
    // Messages name the file as given; events carry only the file name,
    // so that output does not depend on where the dictionaries sit.
    const std::string origin_prefix = path.filename().string() + ":";
    std::string line, origin;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      ++line_seq_;
      if (lane_ != Lane::kVerbs) hash_ = hash_ * 1099511628211ull ^ std::hash<std::string>()(line);
      // Both lanes follow includes; the actor lane reports their errors.
      const std::string_view kind = LineKind(line);
      const bool verb_line = IsVerbKind(kind);
      if (lane_ == Lane::kActors && verb_line) continue;
      if (lane_ == Lane::kVerbs && !verb_line && kind != "include") continue;
      origin = origin_prefix;
      origin += std::to_string(lineno);
      std::string err = LoadLine(line, path, origin, depth);
      if (!err.empty() && !(lane_ == Lane::kVerbs && !verb_line)) {
        Error(fname + ":" + std::to_string(lineno) + ": " + err);
      }
      if (!warning_.empty()) {
        stats_->warnings.push_back(fname + ":" + std::to_string(lineno) + ": " + warning_);
        warning_at_.push_back(line_seq_);
        warning_.clear();
      }
    }
  }

  void SetGazetteer(std::shared_ptr<const Gazetteer> gz) { lex_->gazetteer_ = std::move(gz); }

  Result<std::shared_ptr<const Lexicon>> Finish() {
    if (lane_ == Lane::kAll) {
      OrderPhrases();
      IndexVerbs();
    }  // else LoadInLanes() did both
    BuildWordInfo();
    BuildCodePieces();
    char buf[32];
    snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(hash_ & 0xffffffffull));
    lex_->fingerprint_ = std::string("dyad@") + buf;
    std::shared_ptr<const Lexicon> out = lex_;
    return out;
  }

  // The actor-code tables as one flat map from a piece ("GOV", "NAT",
  // "RUS") to what it is, for Lexicon::SplitActorCode().
  void BuildCodePieces() {
    Lexicon& L = *lex_;
    std::unordered_map<std::string_view, uint8_t> bits;
    for (const std::string& k : L.role_types_) bits[k] |= Lexicon::kRolePiece;
    for (const std::string& k : L.group_codes_) bits[k] |= Lexicon::kGroupPiece;
    for (const std::string& k : L.generic_prefixes_) bits[k] |= Lexicon::kGenericPiece;
    for (const auto& [k, name] : L.country_names_) bits[k] |= Lexicon::kCountryPiece;
    auto flat = std::make_shared<FlatWordMap<uint8_t>>();
    flat->Build(std::vector<std::pair<std::string_view, uint8_t>>(bits.begin(), bits.end()));
    L.code_pieces_ = std::move(flat);
  }

  // Touches by_first_word_, phrases_, phrase_keys_ and seen_ only.
  void OrderPhrases() {
    // Phrases: index by first word, longest first, then by kind priority.
    for (auto& [first, ids] : lex_->by_first_word_) {
      std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
        const auto& pa = lex_->phrases_[a];
        const auto& pb = lex_->phrases_[b];
        if (pa.words.size() != pb.words.size()) return pa.words.size() > pb.words.size();
        return lex_->entries_[pa.entry].kind < lex_->entries_[pb.entry].kind;
      });
    }
    // Renumber the phrases so that each first word's candidates lie side by
    // side, in the order they are tried (matching reads them one after
    // another; the order within each list is unchanged).
    {
      // Every phrase is in exactly one list, that of its first word.
      std::vector<uint32_t> new_id(lex_->phrases_.size(), 0);
      std::vector<Lexicon::Phrase> ordered;
      ordered.reserve(lex_->phrases_.size());
      for (auto& [first, ids] : lex_->by_first_word_) {
        for (uint32_t& id : ids) {
          new_id[id] = static_cast<uint32_t>(ordered.size());
          ordered.push_back(std::move(lex_->phrases_[id]));
          id = new_id[id];
        }
      }
      lex_->phrases_ = std::move(ordered);
      for (auto& [key, pid] : seen_) pid = new_id[pid];
    }
    lex_->phrase_keys_.resize(lex_->phrases_.size());
    for (size_t i = 0; i < lex_->phrases_.size(); ++i) {
      const std::vector<std::string>& words = lex_->phrases_[i].words;
      Lexicon::PhraseKey& k = lex_->phrase_keys_[i];
      k.length = static_cast<uint16_t>(words.size());
      k.entry = lex_->phrases_[i].entry;
      k.kind = lex_->entries_[k.entry].kind;
      k.second = words.size() >= 2 ? HashWord(words[1]) : 0;
    }
  }

  // Verb forms and pattern word ids: touches verbs_, verb_forms_ and word_ids_ only.
  void IndexVerbs() {
    // Verb forms: lemma itself, regular inflections, irregular forms.
    // A verb with irregular forms keeps its regular past as well (chided
    // beside chid, hanged beside hung, bided): many such verbs have both, and
    // a regular past that is no word (goed) is never read. It is left out only
    // where the spelling belongs to something else: a form or lemma of
    // another verb, an irregular verb's lemma, or an -eed word (see -> seed,
    // flee -> fleed: seed, feed, need are words of their own). Added after
    // every other form, so that those are known.
    std::vector<std::pair<std::string, const std::string*>> regular_pasts;
    for (auto& [lemma, v] : lex_->verbs_) {
      AddForm(lemma, lemma);
      auto irr = irregular_.find(lemma);
      if (irr != irregular_.end()) {
        for (const std::string& f : irr->second) AddForm(f, lemma);
        for (std::string& f : RegularVerbForms(lemma)) {
          if (f.size() > 2 && f.compare(f.size() - 2, 2, "ed") == 0) {
            regular_pasts.emplace_back(std::move(f), &lemma);
          } else {
            AddForm(f, lemma);
          }
        }
      } else {
        for (const std::string& f : RegularVerbForms(lemma)) AddForm(f, lemma);
      }
    }
    for (const auto& [form, lemma] : regular_pasts) {
      auto taken = lex_->verb_forms_.find(form);
      if (taken != lex_->verb_forms_.end() &&
          std::find(taken->second.begin(), taken->second.end(), *lemma) == taken->second.end()) {
        continue;
      }
      if (irregular_.count(form) ||
          (form.size() > 3 && form.compare(form.size() - 3, 3, "eed") == 0)) {
        continue;
      }
      AddForm(form, *lemma);
    }
    // Intern every pattern word (and every verb lemma, for noun uses).
    auto intern = [&](const std::string& word) {
      auto [it, fresh] = lex_->word_ids_.try_emplace(word, 0);
      if (fresh) it->second = static_cast<uint32_t>(lex_->word_ids_.size());
      return it->second;
    };
    for (auto& [lemma, v] : lex_->verbs_) {
      intern(lemma);
      v.by_first_word.clear();
      v.first_is_target.clear();
      v.filters.assign(v.patterns.size(), PatternFilter());
      v.first_word_bits = 0;
      for (uint32_t pi = 0; pi < v.patterns.size(); ++pi) {
        VerbPattern& p = v.patterns[pi];
        for (auto* els : {&p.elements, &p.before}) {
          for (PatternElement& el : *els) {
            el.ids.clear();
            for (const std::string& word : el.words) el.ids.push_back(intern(word));
            std::sort(el.ids.begin(), el.ids.end());
            el.ids.erase(std::unique(el.ids.begin(), el.ids.end()), el.ids.end());
            el.phrase_ids.clear();
            for (const auto& phrase : el.phrases) {
              el.phrase_ids.emplace_back();
              for (const std::string& word : phrase) el.phrase_ids.back().push_back(intern(word));
            }
            // The mask of words one of which must be in the window: a phrase
            // counts by its first word; a stem (`word*`) matches words
            // outside any mask, so it turns the shortcut off.
            el.id_bits = 0;
            for (uint32_t id : el.ids) el.id_bits |= PatternElement::IdBit(id);
            for (const auto& ph : el.phrase_ids) {
              if (!ph.empty()) el.id_bits |= PatternElement::IdBit(ph[0]);
            }
            if (!el.prefixes.empty()) el.id_bits = 0;
          }
        }
        if (p.elements.empty() || p.elements[0].target || p.elements[0].skip_phrase ||
            !p.elements[0].prefixes.empty()) {
          v.first_is_target.push_back(pi);
        } else {
          for (uint32_t id : p.elements[0].ids) v.by_first_word[id].push_back(pi);
          for (const auto& ph : p.elements[0].phrase_ids) v.by_first_word[ph[0]].push_back(pi);
        }
      }
      v.first_words.clear();
      for (const auto& [id, patterns] : v.by_first_word) {
        v.first_word_bits |= PatternElement::IdBit(id);
        for (uint32_t pi : patterns) v.first_words.emplace_back(id, pi);
      }
      std::sort(v.first_words.begin(), v.first_words.end());
    }
    // The filters, once every word has its id: the masks MatchPattern tests
    // first, then the prepositions of 'prep+' slots (one of whose words must
    // be that preposition, and so carry its id).
    for (auto& entry : lex_->verbs_) {
      auto& v = entry.second;  // not a structured binding: clang 14 cannot capture one
      for (uint32_t pi = 0; pi < v.patterns.size(); ++pi) {
        int masks = 0;
        auto add = [&](uint64_t m) {
          if (m != 0 && masks < PatternFilter::kMasks) v.filters[pi].masks[masks++] = m;
        };
        for (const PatternElement& el : v.patterns[pi].elements) {
          if (!el.target) add(el.id_bits);
          if (el.target) v.filters[pi].needs_actor = true;
        }
        for (const PatternElement& el : v.patterns[pi].elements) {
          if (el.target && !el.prep.empty()) add(PatternElement::IdBit(lex_->WordId(el.prep)));
        }
      }
    }
  }

  size_t entry_count() const { return lex_->entries_.size(); }

  // Loads `files` as LoadFile does, with a second thread: the verb lines
  // (verb, pattern, synset, irregular), which touch only the verb tables, go
  // to a builder of their own on that thread, which also indexes them; this
  // one loads the other lines and orders the phrases meanwhile, then takes
  // the verb tables over. The lexicon, its fingerprint, the counts and the
  // messages (in line order) are those of a one-thread load.
  Status LoadInLanes(const std::vector<fs::path>& files, const fs::path& cameo_dir) {
    DictStats verb_stats;
    LexiconBuilder verbs(&verb_stats);
    verbs.lane_ = Lane::kVerbs;
    lane_ = Lane::kActors;
    DYAD_RETURN_IF_ERROR(verbs.LoadTables(cameo_dir));  // the event codes patterns name
    std::thread verb_thread([&] {
      for (const fs::path& f : files) verbs.LoadFile(f, 0);
      verbs.IndexVerbs();
    });
    for (const fs::path& f : files) LoadFile(f, 0);
    OrderPhrases();
    verb_thread.join();
    Lexicon& from = *verbs.lex_;
    lex_->verbs_ = std::move(from.verbs_);
    lex_->verb_forms_ = std::move(from.verb_forms_);
    lex_->nouns_ = std::move(from.nouns_);
    lex_->word_ids_ = std::move(from.word_ids_);
    irregular_ = std::move(verbs.irregular_);
    synsets_ = std::move(verbs.synsets_);
    for (const auto& [kind, n] : verb_stats.counts) stats_->counts[kind] += n;
    MergeMessages(&stats_->errors, &error_at_, verb_stats.errors, verbs.error_at_);
    MergeMessages(&stats_->notes, &note_at_, verb_stats.notes, verbs.note_at_);
    MergeMessages(&stats_->warnings, &warning_at_, verb_stats.warnings, verbs.warning_at_);
    return Status::Ok();
  }

  // One WordInfo per word form any table knows: phrase starts, dictionary
  // verb forms, pattern words, and (already there, from LoadWordNet) every
  // inflection of WordNet's verbs.
  void BuildWordInfo() {
    Lexicon& L = *lex_;
    auto& W = L.word_info_;
    // Words WordNet's forms do not cover: which verb they inflect is still to
    // be worked out.
    std::vector<std::pair<const std::string*, WordInfo*>> fresh;
    auto entry = [&](const std::string& w) -> WordInfo& {
      auto [it, added] = W.try_emplace(w);
      if (added) fresh.emplace_back(&it->first, &it->second);
      return it->second;
    };
    for (const auto& [w, ids] : L.by_first_word_) {
      WordInfo& info = entry(w);
      info.phrases = &ids;
      // OrderPhrases() numbered each word's candidates side by side.
      bool side_by_side = !ids.empty();
      for (size_t i = 0; i < ids.size() && side_by_side; ++i) side_by_side = ids[i] == ids[0] + i;
      if (side_by_side) {
        info.phrase_begin = ids[0];
        info.phrase_count = static_cast<uint32_t>(ids.size());
      }
    }
    for (const auto& [w, lemmas] : L.verb_forms_) entry(w).verb_lemmas = &lemmas;
    for (auto& [w, noun] : L.nouns_) {
      std::stable_sort(noun.variants.begin(), noun.variants.end(),
                       [](const EventNoun::Variant& a, const EventNoun::Variant& b) {
                         return a.before.size() > b.before.size();
                       });
      entry(w).noun = &noun;
    }
    for (const auto& [w, id] : L.word_ids_) entry(w).id = id;
    for (auto& [f, info] : fresh) {
      L.WordNetVerb(*f, &info->wordnet_lemma, &info->verb_count, &info->noun_count);
      info->form_is_lemma = *f == info->wordnet_lemma;
    }
    // The flat index holds only the entries' addresses, so a second thread
    // can build it while their contents are filled in.
    auto flat = std::make_shared<FlatWordMap<const WordInfo*>>();
    auto build_index = [&L, &flat] {
      std::vector<std::pair<std::string_view, const WordInfo*>> index;
      index.reserve(L.word_info_.size());
      for (const auto& [w, info] : L.word_info_) index.emplace_back(w, &info);
      flat->Build(index);
    };
    std::thread index_thread;
    if (threads_ > 1) {
      index_thread = std::thread(build_index);
    } else {
      build_index();
    }
    // The verb a form inflects: the dictionaries' first, else WordNet's.
    for (auto& [f, info] : W) {
      if (info.verb_lemmas) {
        auto c = L.WordNetCounts((*info.verb_lemmas)[0]);
        info.wordnet_lemma = {};
        info.verb_count = c.first;
        info.noun_count = c.second;
        info.lemma_id = L.WordId((*info.verb_lemmas)[0]);
        info.lemma = (*info.verb_lemmas)[0];
        info.form_is_lemma = f == info.lemma;
        info.verb = L.Verb(info.lemma);
      } else if (!info.wordnet_lemma.empty()) {
        info.lemma_id = L.WordId(info.wordnet_lemma);
        info.lemma = info.wordnet_lemma;  // form_is_lemma was set with it
      }
    }
    if (index_thread.joinable()) index_thread.join();
    L.info_index_ = std::move(flat);
  }

 private:
  // Calls fn on the fields of each data row of a generated table; fn returns
  // "" or what is wrong with the row. Fails naming every bad row
  // ("file:line: what", one per line of the message).
  Status ReadTsv(const fs::path& p,
                 const std::function<std::string(const std::vector<std::string>&)>& fn,
                 bool header = true) {
    std::ifstream in(p);
    if (!in) return Status::NotFound(p.string() + ": cannot open data table");
    std::string line, problems;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty() || line[0] == '#') continue;
      if (header) {
        header = false;
        continue;
      }
      std::string err = fn(Split(line, '\t'));
      if (!err.empty()) {
        if (!problems.empty()) problems += '\n';
        problems += p.string() + ":" + std::to_string(lineno) + ": " + err;
      }
    }
    if (!problems.empty()) return Status::InvalidArgument(problems);
    return Status::Ok();
  }

  void AddForm(const std::string& form, const std::string& lemma) {
    auto& v = lex_->verb_forms_[form];
    if (std::find(v.begin(), v.end(), lemma) == v.end()) v.push_back(lemma);
  }

  // Returns "" when the line is fine, else what is wrong with it.
  std::string LoadLine(const std::string& raw, const fs::path& path, const std::string& origin,
                       int depth) {
    std::string_view line = raw;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) return "";
    size_t sp = line.find_first_of(" \t");
    std::string kind(line.substr(0, sp));
    std::string_view rest = sp == std::string_view::npos ? "" : Trim(line.substr(sp));
    if (kind == "include") {
      if (rest.empty()) return "include needs a file name";
      if (depth > 8) return "includes nested too deeply";
      const fs::path target = path.parent_path() / std::string(rest);
      std::error_code ec;
      const fs::file_status st = fs::status(target, ec);
      // A device would read forever (/dev/zero), a FIFO block, a folder fail.
      if (fs::exists(st) && !fs::is_regular_file(st)) {
        return "include " + std::string(rest) + ": not a regular file; not loaded";
      }
      // Named at the include line (it was "missing.dict:0: cannot open file").
      if (!fs::exists(st)) return "include " + std::string(rest) + ": no such file; not loaded";
      if (!std::ifstream(target, std::ios::binary)) {
        return "include " + std::string(rest) + ": cannot be read; not loaded";
      }
      // Each file once: a file including itself, or one already loaded,
      // would multiply the load (ten self-includes nested eight deep are
      // 10^8 loads).
      if (fs::exists(st) && loaded_.count(FileKey(target))) {
        return "include " + std::string(rest) + ": already loaded; not loaded again";
      }
      LoadFile(target, depth + 1);
      return "";
    }
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return "missing ':' between codes and phrases";
    std::string codes(Trim(rest.substr(0, colon)));
    std::string_view body = Trim(rest.substr(colon + 1));
    if (body.empty()) return "no phrases after ':'";
    if (kind == "verb") return LoadVerb(codes, body, origin);
    if (kind == "noun") return LoadNoun(codes, body, origin);
    if (kind == "pattern") return LoadPattern(codes, body, origin);
    if (kind == "synset") return LoadSynset(codes, body);
    if (kind == "irregular") return LoadIrregular(body);
    if (kind == "compose") return LoadCompose(codes, body, origin);
    if (kind == "role") {
      // Declares a role type beyond data/cameo/actor_types.tsv (foreign dictionaries).
      if (codes.size() != 3 || !IsUpperCode(codes)) return "a role code is three letters";
      lex_->role_types_.insert(codes);
      ++stats_->counts["role"];
      return "";
    }
    EntryKind ek;
    if (!ParseKind(kind, &ek)) return "unknown kind '" + kind + "'";
    LexEntry e;
    e.kind = ek;
    e.origin = origin;
    std::string err = ParseCodes(ek, codes, &e.codes);
    if (!err.empty()) return err;
    std::vector<std::string> phrases = Split(body, '|');
    for (const std::string& p : phrases) {
      if (p.empty()) return "empty phrase between '|'";
    }
    e.name = phrases[0];
    uint32_t id = static_cast<uint32_t>(lex_->entries_.size());
    lex_->entries_.push_back(std::move(e));
    ++stats_->counts[kind];
    for (const std::string& p : phrases) {
      AddPhrase(p, id, ek);
      // Generated plurals for role nouns and demonyms ("soldier" -> "soldiers").
      if (ek == EntryKind::kAgent || ek == EntryKind::kDemonym) {
        std::vector<std::string> w = Words(p);
        if (!w.empty()) {
          w.back() = PluralOf(w.back());
          std::string pl;
          for (size_t i = 0; i < w.size(); ++i) pl += (i ? " " : "") + w[i];
          AddPhrase(pl, id, ek);
        }
      }
    }
    return "";
  }

  std::string ParseCodes(EntryKind kind, const std::string& codes, std::vector<DatedCode>* out) {
    if (kind == EntryKind::kDiscard) {
      if (!codes.empty()) return "discard takes no code";
      return "";
    }
    if (codes.empty()) return "missing code";
    for (const std::string& c : Split(codes, ',')) {
      DatedCode dc;
      size_t at = c.find('@');
      dc.code = c.substr(0, at);
      if (at != std::string::npos) {
        if (kind != EntryKind::kPerson) return "only person codes take dates";
        std::string range = c.substr(at + 1);
        size_t dots = range.find("..");
        if (dots == std::string::npos) return "date range '" + range + "' needs FROM..TO";
        std::string from = range.substr(0, dots), to = range.substr(dots + 2);
        dc.dated = true;
        if (!from.empty() && !(dc.from = DateToInt(from))) return "bad date '" + from + "'";
        if (!to.empty() && !(dc.to = DateToInt(to))) return "bad date '" + to + "'";
        if (dc.from && dc.to && dc.from > dc.to) return "date range ends before it starts";
      }
      if (kind == EntryKind::kAgent) {
        if (dc.code != "-") {
          // "NGO~": a prefix written before the country ("MSF Arnor": NGOARN).
          std::string pieces = dc.code;
          if (!pieces.empty() && pieces.back() == '~') pieces.pop_back();
          if (!IsUpperCode(pieces)) return "bad role code '" + dc.code + "'";
          for (size_t i = 0; i < pieces.size(); i += 3) {
            if (!lex_->role_types_.count(pieces.substr(i, 3))) {
              return "unknown role type '" + pieces.substr(i, 3) + "'";
            }
          }
        }
      } else {
        if (!IsUpperCode(dc.code)) return "bad actor code '" + dc.code + "'";
        std::string first = dc.code.substr(0, 3);
        if (kind == EntryKind::kCountry || kind == EntryKind::kDemonym ||
            kind == EntryKind::kCapital || kind == EntryKind::kPlace) {
          defined_countries_.insert(first);
        } else if (!lex_->generic_prefixes_.count(first) && !known_countries_.count(first) &&
                   !defined_countries_.count(first)) {
          return "unknown country or prefix '" + first + "' in '" + dc.code + "'";
        }
      }
      out->push_back(dc);
    }
    return "";
  }

  void AddPhrase(const std::string& phrase, uint32_t entry, EntryKind kind) {
    std::vector<std::string> words = PhraseTokens(phrase);
    if (!words.empty() && words[0] == "the" && words.size() > 1) words.erase(words.begin());
    if (words.empty()) return;
    std::string key;
    for (const auto& w : words) {
      key += w;
      key += ' ';
    }
    key += static_cast<char>('0' + static_cast<int>(kind));  // after the last ' '
    auto [it, fresh] = seen_.emplace(std::move(key), 0);
    if (!fresh) {
      // Same phrase and kind: the later line replaces the earlier one.
      uint32_t pid = it->second;
      const LexEntry& old = lex_->entries_[lex_->phrases_[pid].entry];
      const LexEntry& neu = lex_->entries_[entry];
      if (old.codes.empty() || neu.codes.empty() || old.codes[0].code != neu.codes[0].code) {
        Note(neu.origin + ": '" + phrase + "' replaces " + old.origin);
      }
      lex_->phrases_[pid].entry = entry;
      return;
    }
    uint32_t pid = static_cast<uint32_t>(lex_->phrases_.size());
    it->second = pid;
    lex_->by_first_word_[words[0]].push_back(pid);
    lex_->phrases_.push_back({std::move(words), entry});
  }

  std::string CheckEventCode(const std::string& code) {
    if (!IsEventCodeShape(code)) return "bad event code '" + code + "'";
    if (!lex_->event_codes_.count(code)) return "unknown CAMEO event code '" + code + "'";
    return "";
  }

  // "032" or the paired "032/033" (the second: the target's event toward the source).
  std::string SplitEventCodes(const std::string& codes, std::string* code, std::string* paired) {
    size_t slash = codes.find('/');
    *code = codes.substr(0, slash);
    paired->clear();
    std::string err = CheckEventCode(*code);
    if (err.empty() && slash != std::string::npos) {
      *paired = codes.substr(slash + 1);
      err = CheckEventCode(*paired);
    }
    return err;
  }

  std::string LoadVerb(const std::string& codes, std::string_view body,
                       const std::string& origin) {
    std::string code, paired;
    std::string err = SplitEventCodes(codes, &code, &paired);
    if (!err.empty()) return err;
    for (const std::string& lemma_raw : Split(body, '|')) {
      std::string lemma = ToLowerAscii(lemma_raw);
      if (lemma.empty() || lemma.find(' ') != std::string::npos) {
        return "verb lemma '" + lemma_raw + "' must be one word (use a pattern for phrases)";
      }
      if (lemma.find('_') != std::string::npos) {
        err = LoadPattern(codes, lemma, origin);  // phrasal verb: a pattern with a particle
        if (!err.empty()) return err;
        continue;
      }
      VerbEntry& v = lex_->verbs_[lemma];
      v.lemma = lemma;
      if (!v.code.empty() && v.code != code) {
        Note(origin + ": verb '" + lemma + "' " + code + " replaces " + v.code + " of " +
             v.code_origin);
      }
      v.code = code;
      v.paired_code = paired;
      v.code_origin = origin;
      ++stats_->counts["verb"];
    }
    return "";
  }

  // "noun 195 : air strike | airstrike": event nouns, keyed by their last
  // word in the singular and the plural ("talks", "sanctions": a last word
  // ending in s is taken as written).
  std::string LoadNoun(const std::string& codes, std::string_view body, const std::string& origin) {
    std::string err = CheckEventCode(codes);
    if (!err.empty()) return err;
    for (const std::string& raw : Split(body, '|')) {
      std::vector<std::string> words = PhraseTokens(ToLowerAscii(raw));
      if (words.empty()) return "empty noun phrase between '|'";
      std::string head = words.back();
      words.pop_back();
      EventNoun::Variant variant{words, codes, origin};
      std::vector<std::string> forms = {head};
      if (head.back() != 's') forms.push_back(PluralOf(head));
      for (const std::string& f : forms) {
        auto& variants = lex_->nouns_[f].variants;
        auto same = std::find_if(variants.begin(), variants.end(),
                                 [&](const EventNoun::Variant& x) { return x.before == words; });
        if (same != variants.end()) {
          if (same->code != codes) Note(origin + ": noun '" + raw + "' replaces " + same->origin);
          *same = variant;
        } else {
          variants.push_back(variant);
        }
      }
      ++stats_->counts["noun"];
    }
    return "";
  }

  std::string LoadPattern(const std::string& codes, std::string_view body,
                          const std::string& origin) {
    VerbPattern p;
    std::string err = SplitEventCodes(codes, &p.code, &p.paired_code);
    if (!err.empty()) return err;
    std::vector<std::string> chunks = Words(body);
    if (chunks.empty()) return "empty pattern";
    p.text = std::string(body);
    p.origin = origin;
    // The words in order, each with "joined by '_' to the one before". The
    // verb is the first word, or the one in brackets when words precede it
    // ("not [allow]", "recently_[allow]").
    std::vector<std::pair<std::string, bool>> parts;
    int verb_at = -1;
    for (const std::string& chunk : chunks) {
      std::vector<std::string> cp = Split(chunk, '_');
      for (size_t i = 1; i + 1 < cp.size(); ++i) {
        if (cp[i].find('|') == std::string::npos) continue;
        // "press_conference|briefing|news_conference" reads as "press",
        // then one of conference/briefing/news, then "conference": almost
        // always a list of phrases meant as alternatives.
        warning_ = "'" + chunk + "' reads as " + cp[i - 1] + " then one of " + cp[i] + " then " +
                   cp[i + 1] + " ('_' binds before '|'); write one pattern per phrase";
        break;
      }
      for (size_t i = 0; i < cp.size(); ++i) {
        std::string part = cp[i];
        if (!part.empty() && part[0] == '[') {
          if (verb_at >= 0) return "two verbs in brackets";
          verb_at = static_cast<int>(parts.size());
          part = part.substr(1);
        }
        if (!part.empty() && part.back() == ']') part.pop_back();
        if (part.empty()) return "empty element in '" + chunk + "'";
        parts.push_back({part, i > 0});
      }
    }
    if (verb_at < 0) verb_at = 0;
    std::string lemma = ToLowerAscii(parts[verb_at].first);
    if (lemma == "+" || lemma[0] == '&' || lemma.find('|') != std::string::npos) {
      return verb_at == 0 ? "a pattern starts with the verb lemma"
                          : "the word in brackets must be the verb lemma";
    }
    for (size_t i = 0; i < parts.size(); ++i) {
      if (static_cast<int>(i) == verb_at) continue;
      const std::string& part = parts[i].first;
      PatternElement el;
      bool pre = static_cast<int>(i) < verb_at;
      el.adjacent = pre ? parts[i + 1].second : parts[i].second;
      if (part == "+" && pre) {
        p.subject_is_target = true;
        continue;
      }
      if (part == "%" && pre) {
        p.compound_subject = true;
        continue;
      }
      if (part == "^") {
        if (pre) return "'^' (skip a noun phrase) before the verb";
        el.skip_phrase = true;
      } else if (part.back() == '+' || part.back() == '$') {
        if (pre) return "a target or source slot '" + part + "' before the verb";
        el.target = true;  // matched as an actor slot
        el.source = part.back() == '$';
        el.prep = ToLowerAscii(part.substr(0, part.size() - 1));
      } else if (part[0] == '&') {
        auto it = synsets_.find(part);
        if (it == synsets_.end()) return "unknown synset '" + part + "' (define it first)";
        el.synset = true;
        for (const std::string& m : it->second) {
          if (m.find(' ') == std::string::npos) {
            el.words.push_back(m);
          } else {
            el.phrases.push_back(Words(m));
          }
        }
      } else {
        for (const std::string& alt : Split(part, '|')) {
          if (alt.empty()) return "empty alternative in '" + part + "'";
          std::string w = ToLowerAscii(alt);
          if (w.size() > 1 && w.back() == '*') {
            el.prefixes.push_back(w.substr(0, w.size() - 1));
            continue;
          }
          if (w.size() > 1 && w.back() == '=') {  // this form only, no plural
            el.words.push_back(w.substr(0, w.size() - 1));
            continue;
          }
          el.words.push_back(w);
          el.words.push_back(PluralOf(w));
        }
      }
      (pre ? p.before : p.elements).push_back(std::move(el));
    }
    VerbEntry& v = lex_->verbs_[lemma];
    v.lemma = lemma;
    v.patterns.push_back(std::move(p));
    ++stats_->counts["pattern"];
    return "";
  }

  std::string LoadSynset(const std::string& name, std::string_view body) {
    if (name.size() < 2 || name[0] != '&') return "synset name must start with '&'";
    std::vector<std::string>& words = synsets_[name];
    for (const std::string& w : Split(body, '|')) {
      if (w.empty()) return "empty synset word";
      // A member of several tokens ("golden goblin galleons", "didn't") is a
      // phrase: its words must stand in a row; the last may be plural.
      std::vector<std::string> toks = PhraseTokens(w);
      if (toks.empty()) return "empty synset word";
      std::string phrase;
      for (const std::string& t : toks) phrase += (phrase.empty() ? "" : " ") + t;
      words.push_back(phrase);
      toks.back() = PluralOf(toks.back());
      std::string plural;
      for (const std::string& t : toks) plural += (plural.empty() ? "" : " ") + t;
      if (plural != phrase) words.push_back(plural);
    }
    ++stats_->counts["synset"];
    return "";
  }

  // compose RESULT : OUTER (S T INNER)
  std::string LoadCompose(const std::string& result, std::string_view body,
                          const std::string& origin) {
    std::string b(body);
    for (char& ch : b) {
      if (ch == '(' || ch == ')') ch = ' ';
    }
    std::vector<std::string> w = Words(b);
    if (w.size() != 4) return "compose needs: RESULT : OUTER (SOURCE TARGET INNER)";
    ComposeRule r;
    r.result = result;
    r.outer = w[0];
    r.inner = w[3];
    if (w[1] != "a" && w[1] != "b" && w[1] != "_") return "a compose source is a, b or _";
    if (w[2] != "b" && w[2] != ".") return "a compose target is b or .";
    r.source = w[1][0];
    r.target = w[2][0];
    for (const std::string* c : {&r.result, &r.outer, &r.inner}) {
      if (*c == "*" && c != &r.outer) continue;
      std::string err = CheckEventCode(*c);
      if (!err.empty()) return err;
    }
    r.origin = origin;
    lex_->compose_rules_.push_back(std::move(r));
    ++stats_->counts["compose"];
    return "";
  }

  std::string LoadIrregular(std::string_view body) {
    std::vector<std::string> w = Words(body);
    if (w.size() < 2) return "irregular needs: lemma past [participle]";
    for (auto& x : w) x = ToLowerAscii(x);
    auto& forms = irregular_[w[0]];
    for (size_t i = 1; i < w.size(); ++i) forms.push_back(w[i]);
    ++stats_->counts["irregular"];
    return "";
  }

  // Which lines a builder loads: all of them, or (two builders side by side,
  // see LoadInLanes) the verb lines or all the others.
  enum class Lane { kAll, kActors, kVerbs };

  // The first word of a line ("" for a blank or comment line).
  static std::string_view LineKind(std::string_view line) {
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string_view::npos || line[b] == '#') return {};
    line.remove_prefix(b);
    return line.substr(0, line.find_first_of(" \t#"));
  }
  static bool IsVerbKind(std::string_view kind) {
    return kind == "verb" || kind == "pattern" || kind == "synset" || kind == "irregular" ||
           kind == "noun";
  }

  // Appends `from` (each message with its line number in `from_at`) to
  // `to`/`to_at`, both in line order, keeping line order.
  static void MergeMessages(std::vector<std::string>* to, std::vector<uint64_t>* to_at,
                            std::vector<std::string>& from, const std::vector<uint64_t>& from_at) {
    std::vector<std::string> out;
    std::vector<uint64_t> out_at;
    size_t i = 0, j = 0;
    while (i < to->size() || j < from.size()) {
      if (j == from.size() || (i < to->size() && (*to_at)[i] <= from_at[j])) {
        out.push_back(std::move((*to)[i]));
        out_at.push_back((*to_at)[i++]);
      } else {
        out.push_back(std::move(from[j]));
        out_at.push_back(from_at[j++]);
      }
    }
    *to = std::move(out);
    *to_at = std::move(out_at);
  }

  // Messages, each with the number of the line it is about in the order all
  // lines are read, so that two lanes' messages merge into the one-lane order.
  void Error(std::string m) {
    stats_->errors.push_back(std::move(m));
    error_at_.push_back(line_seq_);
  }
  void Note(std::string m) {
    stats_->notes.push_back(std::move(m));
    note_at_.push_back(line_seq_);
  }

  DictStats* stats_;
  Lane lane_ = Lane::kAll;
  uint64_t line_seq_ = 0;
  std::vector<uint64_t> error_at_, note_at_, warning_at_;
  std::string warning_;  // about the line being loaded (LoadStream files it)
  int threads_ = 1;
  std::shared_ptr<Lexicon> lex_;
  std::unordered_map<std::string, uint32_t> seen_;  // phrase tokens + kind -> phrases_ index
  std::unordered_map<std::string, std::vector<std::string>> synsets_;
  std::unordered_map<std::string, std::vector<std::string>> irregular_;
  std::set<std::string> known_countries_, defined_countries_;
  std::set<std::string> loaded_;  // FileKey of every file loaded (for include)
  unsigned long long hash_ = 1469598103934665603ull;
};

const std::string& Lexicon::DefaultDataDir() {
  static const std::string dir = [] {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      fs::path installed = exe.parent_path().parent_path() / "share" / "dyad" / "data";
      if (fs::is_directory(installed / "dict", ec)) return installed.string();
    }
    return std::string(DYAD_SOURCE_DATA_DIR);
  }();
  return dir;
}

std::vector<std::string> Lexicon::Layers(const std::vector<std::string>& extra, bool no_default) {
  std::vector<std::string> layers;
  if (!no_default) layers.push_back(DefaultDataDir());
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) {
    std::string_view rest(env);
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) layers.emplace_back(dir);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  layers.insert(layers.end(), extra.begin(), extra.end());
  return layers;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& dir, DictStats* stats,
                                                     int threads) {
  return Load(std::vector<std::string>{dir}, stats, threads);
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::vector<std::string>& dirs,
                                                     DictStats* stats, int threads) {
  DictStats local;
  if (!stats) stats = &local;
  if (dirs.empty()) return Status::NotFound("no dictionary folder given");
  std::error_code ec;
  // The layers' .dict files, each folder's in name order, folder after
  // folder; a folder named twice (the same path) is read once, where it
  // first comes.
  std::vector<fs::path> files;
  std::set<fs::path> seen_dirs;
  for (const std::string& dir : dirs) {
    fs::path root(dir);
    if (!fs::is_directory(root, ec)) return Status::NotFound(dir + ": no such dictionary folder");
    fs::path dict_dir = fs::is_directory(root / "dict", ec) ? root / "dict" : root;
    fs::path canonical = fs::weakly_canonical(dict_dir, ec);
    if (!seen_dirs.insert(ec ? dict_dir : canonical).second) continue;
    std::vector<fs::path> layer;
    for (const auto& de : fs::directory_iterator(dict_dir, ec)) {
      if (de.is_regular_file() && de.path().extension() == ".dict") layer.push_back(de.path());
    }
    std::sort(layer.begin(), layer.end());
    if (layer.empty()) return Status::NotFound(dict_dir.string() + ": no .dict files");
    files.insert(files.end(), layer.begin(), layer.end());
  }
  // The tables come from the first folder (the defaults, unless replaced).
  fs::path root(dirs[0]);
  fs::path cameo_dir = fs::is_directory(root / "cameo", ec)
                           ? root / "cameo"
                           : fs::path(DefaultDataDir()) / "cameo";
  if (!fs::is_directory(cameo_dir, ec)) {
    cameo_dir = root.parent_path() / "cameo";
  }
  LexiconBuilder b(stats, threads);
  DYAD_RETURN_IF_ERROR(b.LoadTables(cameo_dir));
  // WordNet's table and forms fill only wordnet_, wordnet_exc_ and
  // word_info_, which the .dict files never touch: with a second thread they
  // load alongside them.
  const fs::path wordnet = cameo_dir.parent_path() / "lexicon" / "wordnet-verbs.tsv";
  // The gazetteer (data/geo/) beside the tables; none is an empty one. It
  // loads on the WordNet thread, after WordNet.
  const fs::path geo = cameo_dir.parent_path() / "geo" / "gazetteer.tsv";
  std::shared_ptr<const Gazetteer> gazetteer;
  auto load_geo = [&]() -> Status {
    if (!fs::exists(geo, ec)) return Status::Ok();
    auto gz = Gazetteer::Load(geo.string());
    if (!gz.ok()) return gz.status();
    gazetteer = *gz;
    return Status::Ok();
  };
  if (threads > 1) {
    Status wordnet_status = Status::Ok(), geo_status = Status::Ok();
    std::thread wordnet_thread([&] {
      wordnet_status = b.LoadWordNet(wordnet);
      geo_status = load_geo();
    });
    Status lanes = b.LoadInLanes(files, cameo_dir);
    wordnet_thread.join();
    DYAD_RETURN_IF_ERROR(wordnet_status);
    DYAD_RETURN_IF_ERROR(geo_status);
    DYAD_RETURN_IF_ERROR(lanes);
  } else {
    DYAD_RETURN_IF_ERROR(b.LoadWordNet(wordnet));
    DYAD_RETURN_IF_ERROR(load_geo());
    for (const fs::path& f : files) b.LoadFile(f, 0);
  }
  b.SetGazetteer(std::move(gazetteer));
  return b.Finish();
}

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadSources(const std::vector<DictSource>& sources,
                                                            DictStats* stats) {
  DictStats local;
  if (!stats) stats = &local;
  fs::path cameo_dir = fs::path(DefaultDataDir()) / "cameo";
  LexiconBuilder b(stats);
  DYAD_RETURN_IF_ERROR(b.LoadTables(cameo_dir));
  DYAD_RETURN_IF_ERROR(b.LoadWordNet(cameo_dir.parent_path() / "lexicon" / "wordnet-verbs.tsv"));
  const fs::path geo = cameo_dir.parent_path() / "geo" / "gazetteer.tsv";
  std::error_code ec;
  if (fs::exists(geo, ec)) {
    auto gz = Gazetteer::Load(geo.string());
    if (!gz.ok()) return gz.status();
    b.SetGazetteer(*gz);
  }
  if (sources.empty()) return Status::NotFound("no dictionaries given");
  for (const DictSource& src : sources) {
    std::istringstream in(src.text);
    b.LoadStream(in, src.name, 0);
  }
  return b.Finish();
}

}  // namespace dyad
