// Event assembly: noun phrases to actors, verb groups to events.
//
// For each sentence: parse (src/parse), chunk noun phrases and resolve the
// actors in them (countries, roles, pronouns, places), then for every verb
// group whose verb is in the dictionaries decide whether it reports a real,
// present act (not negated, modal, future, conditional, questioned, feared,
// denied or historical), find its source and target, match its patterns and
// emit one event per (source, target) pair.
#include "dyad/coder.h"
#include "code/tabari_coder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "code/petrarch_combine.h"
#include "parse/parser.h"

namespace dyad {
namespace {

using parse::SentenceParse;
using parse::Tag;
using parse::VerbGroup;
using parse::Word;

// An actor found in a noun phrase.
struct ActorX {
  std::string code;         // full CAMEO code, "" while the country is unknown
  std::string country;      // 3-letter country/region, "" if unknown
  std::string role;         // role pieces for agents without a country
  uint32_t b = 0, e = 0;    // token span that named it
  bool weak = false;        // only a demonym adjective on a non-actor noun
  bool place = false;       // a place: usable as a target's country, never a source
  bool pronoun = false;     // came from a pronoun
  bool located = false;     // the country came from a place in the sentence
  bool people = false;        // a plural demonym for people ("young Algerians")
  int antecedent = -1;        // a pronoun's antecedent in the sentence (its first token)
  bool bare_demonym = false;  // a demonym adjective standing alone ("Turkish and Greek officials")
  bool subject = false;     // (story context) was the subject of a verb
  bool weapon = false;      // named by a means of war ("Israeli shelling", "a drone")
  bool several = false;     // "the two governments", "both sides": more than one country
  std::string prefix;       // foreign "[NGO~]" agent still waiting for its country
};

struct NP {
  uint32_t b = 0, e = 0;
  std::vector<ActorX> actors;
  int prep = -1;            // token index of the preposition governing the NP
  bool no_det = false;      // "no troops", "none of"
  bool pronoun = false;
};

constexpr int kMaxTrace = 4096;

bool NpTag(Tag t) {
  switch (t) {
    case Tag::kDet: case Tag::kNoDet: case Tag::kPossPron: case Tag::kNoun: case Tag::kProper:
    case Tag::kNum: case Tag::kPoss: case Tag::kPron:
      return true;
    default:
      return false;
  }
}

std::string Hex64(uint64_t h) {  // "%016llx", without snprintf's cost
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = "0123456789abcdef"[h & 15];
  return out;
}

uint64_t Fnv(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool IsLocativePrep(std::string_view p) {
  return p == "in" || p == "at" || p == "near" || p == "outside" || p == "inside" ||
         p == "through" ||
         p == "across" || p == "from" || p == "into" || p == "along" || p == "around" ||
         p == "throughout" || p == "within" || p == "on" || p == "over" || p == "off";
}

bool IsYear(std::string_view w, int* year) {
  if (w.size() == 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int y = std::stoi(std::string(w));
    if (y >= 1900 && y <= 2100) {
      *year = y;
      return true;
    }
  }
  if (w.size() == 5 && w.back() == 's') return IsYear(w.substr(0, 4), year);  // 1990s
  return false;
}

// Everything the coder works out for one sentence.
class SentenceCoder {
 public:
  // One coder per story; Run() codes its sentences one after another,
  // reusing the scratch buffers.
  SentenceCoder(const Lexicon& lex, const CoderOptions& opt, const Story& story,
                const Document& doc, int date, std::vector<ActorX>* context,
                std::map<std::string, int>* salience, std::string* trace)
      : lex_(lex), opt_(opt), reference_(opt.semantics != Semantics::kDyad), story_(story),
        doc_(doc), date_(date), context_(context), salience_(salience), trace_(trace) {
    bool petrarch = opt.semantics == Semantics::kPetrarch;
    if (reference_ && opt.anonymous_agents.value_or(petrarch)) {
      anonymous_prefix_ = petrarch ? "---" : "~";
    }
  }

  // Codes sentence number `sentence_no`; returns the number of events
  // appended, or -1 when a discard phrase dropped the sentence.
  int Run(const Sentence& s, int sentence_no, std::vector<Event>* out) {
    s_ = &s;
    sno_ = sentence_no;
    nps_.clear();
    locations_.clear();
    statements_.clear();
    parse::Parse(lex_, doc_, *s_, date_, &p_, reference_);
    story_year_ = date_ / 10000;
    if (p_.discard) return -1;
    vg_of_.assign(p_.words.size(), -1);
    for (size_t v = 0; v < p_.verbs.size(); ++v) {
      for (uint32_t k = p_.verbs[v].b; k < p_.verbs[v].e; ++k) vg_of_[k] = static_cast<int>(v);
    }
    BuildNPs();
    FindLocations();
    ResolveNPs();
    tracing_ = opt_.trace && trace_ != nullptr;
    if (tracing_) TraceParse();
    size_t before = out->size();
    vg_subject_.assign(p_.verbs.size(), -1);
    vg_coded_.assign(p_.verbs.size(), false);
    vg_code_.assign(p_.verbs.size(), std::string());
    vg_events_.assign(p_.verbs.size(), {out->size(), out->size()});
    vg_reported_.assign(p_.verbs.size(), false);
    vg_in_pp_.assign(p_.verbs.size(), false);
    for (size_t v = 0; v < p_.verbs.size(); ++v) CodeVerb(static_cast<int>(v), out);
    if (Petrarch2()) UncodedClausesPetrarch(out);
    if (!reference_) CodeNounTriggers(out);  // the reference coders code verbs only
    for (const PendingStatement& st : statements_) {
      CodeStatement(st.v, st.sources, st.code, st.pattern, st.origin, out);
    }
    // Remember this sentence's actors for pronouns in the next ones.
    auto is_subject = [this](int np) {  // a handful of verbs: no set needed
      return std::find(vg_subject_.begin(), vg_subject_.end(), np) != vg_subject_.end();
    };
    for (size_t k = 0; k < nps_.size(); ++k) {
      for (const ActorX& a : nps_[k].actors) {
        if (!a.code.empty() && !a.place && !a.weak && !a.pronoun) {
          context_->push_back(a);
          context_->back().subject = is_subject(static_cast<int>(k));
          if (context_->size() > 16) context_->erase(context_->begin());
          // Salience counts who acted: the subjects of earlier sentences.
          if (context_->back().subject && !a.located && a.country.size() == 3) {
            ++(*salience_)[a.country];
          }
        }
      }
    }
    return static_cast<int>(out->size() - before);
  }

 private:
  // ---- noun phrases -------------------------------------------------------

  void BuildNPs() {
    const auto& w = p_.words;
    const uint32_t n = static_cast<uint32_t>(w.size());
    np_of_.assign(n, -1);
    for (uint32_t i = 0; i < n;) {
      if (!NpTag(w[i].tag) || (w[i].tag == Tag::kPoss && w[i].mention < 0 && i == 0)) {
        ++i;
        continue;
      }
      NP np;
      np.b = i;
      uint32_t j = i;
      while (j < n) {
        Tag t = w[j].tag;
        if (NpTag(t)) {
          if (t == Tag::kPron && j > np.b) break;  // "Kyiv it" is two phrases
          ++j;
          if (t == Tag::kPron) break;
          continue;
        }
        // "of" between nouns stays inside: "the presidents of Venezuela and Guyana".
        if (t == Tag::kOf && j + 1 < n && NpTag(w[j + 1].tag) && w[j + 1].tag != Tag::kPron) {
          ++j;
          continue;
        }
        // "The US, Russia, and Switzerland": the reference coders read the
        // serial comma as part of the list.
        if (reference_ && t == Tag::kComma && j + 2 < n && w[j + 1].tag == Tag::kCoord &&
            HasMentionBefore(np.b, j) && CoordinatedActorAhead(j + 2)) {
          j += 2;
          continue;
        }
        // Coordination joins two actor phrases: "Washington and NATO",
        // "Spain, Ireland and Norway", "Colombian and Ecuadorian police".
        if ((t == Tag::kCoord || t == Tag::kComma) && j + 1 < n && HasMentionBefore(np.b, j) &&
            CoordinatedActorAhead(j + 1) &&
            (t == Tag::kCoord || NamedListAround(j) || (reference_ && SerialListAhead(j)))) {
          ++j;
          continue;
        }
        break;
      }
      np.e = j;
      if (np.e == np.b) {
        ++i;
        continue;
      }
      if (np.b > 0) {
        Tag pt = w[np.b - 1].tag;
        if ((pt == Tag::kPrep || pt == Tag::kTo || pt == Tag::kOf) && !QuantityPrep(np.b - 1)) {
          np.prep = static_cast<int>(np.b - 1);
        }
      }
      np.no_det = w[np.b].tag == Tag::kNoDet;
      np.pronoun = (np.e - np.b == 1 && w[np.b].tag == Tag::kPron);
      int id = static_cast<int>(nps_.size());
      for (uint32_t k = np.b; k < np.e; ++k) np_of_[k] = id;
      nps_.push_back(np);
      i = j;
    }
  }

  // "up to 100 ethnic Albanians", "at least 20 people", "more than 300
  // soldiers": the preposition belongs to a number, the phrase is no
  // prepositional phrase.
  bool QuantityPrep(uint32_t k) const {
    const auto& w = p_.words;
    if (k + 1 >= w.size()) return false;
    std::string_view p = w[k].lower, next = w[k + 1].lower;
    std::string_view prev = k > 0 ? w[k - 1].lower : std::string_view();
    if (p == "to" && prev == "up") return true;
    if (p == "than" && (prev == "more" || prev == "fewer" || prev == "less")) return true;
    if (p == "at" && (next == "least" || next == "most")) return true;
    // "about 200 supporters", "over 1,000 troops", "nearly 50 people"
    if (w[k + 1].tag == Tag::kNum && (k == 0 || VgIndexAt(k - 1) < 0) &&  // not "handed over 32"
        (p == "about" || p == "around" || p == "over" || p == "under" || p == "nearly" ||
         p == "almost" || p == "approximately" || p == "roughly" || p == "some")) {
      return true;
    }
    return false;
  }

  // Reference semantics: "Evil Mordor, the awful Fornost, and good Gondor":
  // a comma list of actor phrases that ends in ", and"/"and" + an actor.
  bool SerialListAhead(uint32_t comma) const {
    const auto& w = p_.words;
    for (uint32_t k = comma + 1; k < w.size() && k < comma + 12; ++k) {
      if (w[k].tag == Tag::kCoord) return CoordinatedActorAhead(k + 1);
      if (w[k].tag == Tag::kComma) continue;
      if (!NpTag(w[k].tag)) return false;
    }
    return false;
  }

  bool HasMentionBefore(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k) {
      if (p_.words[k].mention >= 0 || p_.words[k].tag == Tag::kPossPron) return true;
    }
    return false;
  }

  // A comma joins a list of names ("Spain, Ireland and Norway"), not a
  // phrase and an attribution ("Tigray region, residents and aid workers said").
  bool NamedListAround(uint32_t comma) const {
    const auto& w = p_.words;
    // 0: no name; 1: a name (state, organisation, person…); 2: a demonym.
    auto named = [&](uint32_t k) {
      if (k >= w.size() || w[k].mention < 0) return 0;
      EntryKind kind = lex_.entry(p_.mentions[w[k].mention].entry).kind;
      if (kind == EntryKind::kAgent || kind == EntryKind::kPlace) return 0;
      return kind == EntryKind::kDemonym ? 2 : 1;
    };
    uint32_t after = comma + 1;
    while (after < w.size() && w[after].tag == Tag::kDet) ++after;
    // A list ends with "and"/"or" before its clause goes on; without one
    // the comma opens an attribution ("… against the United States, South
    // Korea's defence ministry said").
    bool closed = false;
    for (uint32_t k = comma + 1; k < w.size(); ++k) {
      Tag t = w[k].tag;
      if (t == Tag::kCoord) {
        closed = true;
        break;
      }
      if (t == Tag::kEnd || t == Tag::kRel || t == Tag::kThat || t == Tag::kSub ||
          (t == Tag::kPunct && (w[k].lower == ";" || w[k].lower == ":")) || VgIndexAt(k) >= 0) {
        break;
      }
    }
    if (!closed && !reference_) return false;
    // "Russian, Chinese and Iranian officials" or "Spain, Ireland and Norway",
    // but not "Ethiopia and Eritrea, a Qatari official said".
    return comma > 0 && named(comma - 1) != 0 && named(comma - 1) == named(after);
  }

  // After "and"/",": does an actor phrase follow (before any verb)?
  bool CoordinatedActorAhead(uint32_t i) const {
    const auto& w = p_.words;
    // "Washington and its allies": a possessive phrase is a conjunct too.
    if (i + 1 < w.size() && w[i].tag == Tag::kPossPron && w[i + 1].tag == Tag::kNoun) return true;
    for (uint32_t k = i; k < w.size() && k < i + 6; ++k) {
      if (w[k].mention >= 0) {
        const LexEntry& e = lex_.entry(p_.mentions[w[k].mention].entry);
        return e.kind != EntryKind::kPlace || k == i;
      }
      if (w[k].tag == Tag::kDet || w[k].tag == Tag::kNoun || w[k].tag == Tag::kNum ||
          w[k].tag == Tag::kPossPron)
        continue;
      if (reference_ && w[k].tag == Tag::kOf) continue;  // "Ithilen's sheep and goats of Gondor"
      return false;
    }
    return false;
  }

  // Actors of each noun phrase, before countries are inherited.
  void ResolveNPs() {
    for (NP& np : nps_) ResolveNP(&np);
    if (reference_ && opt_.new_actor_length > 0) {
      for (NP& np : nps_) NewActor(&np);
    }
    // Pronouns and role nouns without a country.
    for (size_t k = 0; k < nps_.size(); ++k) {
      if (reference_) CountriesFromPhrase(&nps_[k]);
      for (ActorX& a : nps_[k].actors) {
        if (a.pronoun && a.code.empty()) ResolvePronoun(&a, static_cast<int>(k));
        if (a.code.empty() && !a.role.empty()) InheritCountry(&a, nps_[k]);
        if (a.code.empty() && !a.prefix.empty()) {
          a.code = a.prefix + (a.role == "-" ? "" : a.role);  // "human rights activists": NGM
        }
        // The reference coders code a role with no country as "---ROLE" (TABARI: "~ROLE").
        if (a.code.empty() && !a.role.empty() && !anonymous_prefix_.empty() && !a.pronoun) {
          a.code = anonymous_prefix_ + a.role;
        }
      }
      if (Petrarch2()) ShareAgent(&nps_[k]);
    }
  }

  // PETRARCH-2 joins a noun phrase's agent to every actor in it: "US and
  // British activists" are USAOPP and GBROPP. A bare country named before
  // an actor with a role takes the role.
  void ShareAgent(NP* np) const {
    for (const ActorX& x : np->actors) {
      if (x.place || x.weak || x.pronoun || x.country.size() != 3 || x.code.size() <= 3 ||
          x.code.compare(0, 3, x.country) != 0) {
        continue;
      }
      std::string role = x.code.substr(3);
      for (ActorX& y : np->actors) {
        if (&y == &x || y.place || y.weak || y.pronoun || y.e > x.b) continue;
        if (!y.code.empty() && y.code == y.country) y.code += role;
      }
      return;
    }
  }

  void ResolveNP(NP* np) {
    const auto& w = p_.words;
    if (np->pronoun) {
      std::string_view l = w[np->b].lower;
      if (l == "it" || l == "they" || l == "he" || l == "she" || l == "them" || l == "him") {
        ActorX a;
        a.pronoun = true;
        a.b = np->b;
        a.e = np->e;
        np->actors.push_back(a);
      }
      return;
    }
    // Split at the first top-level "of".
    uint32_t of = np->e;
    for (uint32_t k = np->b; k < np->e; ++k) {
      if (w[k].tag == Tag::kOf) {
        of = k;
        break;
      }
    }
    std::vector<ActorX> head = Conjuncts(np->b, of, /*share_country=*/of == np->e);
    std::vector<ActorX> tail = of < np->e ? Conjuncts(of + 1, np->e) : std::vector<ActorX>();
    bool head_has_base = false, head_role_only = false;
    std::string head_role;
    for (const ActorX& a : head) {
      if (!a.code.empty() && !a.place) head_has_base = true;
      if (a.code.empty() && !a.role.empty()) {
        head_role_only = true;
        head_role = a.role;
      }
    }
    // "the Albanians of southern Serbia": a people of another state.
    if (!reference_ && head.size() == 1 && head[0].people) {
      for (const ActorX& t : tail) {
        if (t.country.size() == 3 && t.country != head[0].country) {
          head[0].country = t.country;
          head[0].code = t.country + "CVL";
          head[0].people = false;
          break;
        }
      }
    }
    if (head_has_base) {
      np->actors = head;
      // "Ithilen and the government of Gondor": the reference coders give the
      // last conjunct, a bare role, the country of the "of" phrase (GONGOV).
      // "Ithilen's sheep and goats of Gondor": a last conjunct that names no
      // actor takes the "of" phrase's (ITH and GON).
      if (reference_ && !tail.empty()) {
        uint32_t last = of;
        while (last > np->b && w[last - 1].tag != Tag::kCoord && w[last - 1].tag != Tag::kComma) {
          --last;
        }
        bool named = false;
        for (uint32_t k = last; k < of; ++k) named |= w[k].mention >= 0;
        if (last > np->b && !named) {
          for (const ActorX& t : tail) {
            if (!t.code.empty() && !t.weak) np->actors.push_back(t);
          }
        }
      }
      if (reference_ && !tail.empty() && np->actors.back().code.empty() &&
          !np->actors.back().role.empty()) {
        for (const ActorX& t : tail) {
          if (t.code.size() >= 3 && t.role.empty() && !t.weak) {
            ActorX& last = np->actors.back();
            last.country = t.code.substr(0, 3);
            last.code = last.country + (last.role == "-" ? "" : last.role);
            break;
          }
        }
      }
    } else if (head_role_only && !tail.empty()) {
      // "the presidents of Venezuela and Guyana" -> VENGOV, GUYGOV;
      // "residents of Adigrat" -> the place's country with the role.
      for (ActorX t : tail) {
        if (t.code.empty() && t.country.empty()) continue;
        if (t.role.empty()) {
          std::string country = !t.country.empty() ? t.country : t.code.substr(0, 3);
          t.code = country + (head_role == "-" ? "" : head_role);
          t.country = country;
          t.place = false;
          t.weak = false;
          t.b = std::min(t.b, head.front().b);
        }
        np->actors.push_back(t);
      }
      if (np->actors.empty()) np->actors = head;
    } else if (!head.empty() && tail.empty()) {
      np->actors = head;
    } else {
      // "hundreds of Bangladeshis", "the city of Kherson", "one of its soldiers".
      np->actors = tail;
      if (np->actors.empty()) np->actors = head;
    }
  }

  // PETRARCH's new actors: a capitalised phrase of known length that names no
  // actor is one, coded by its words ('"GRYFFINDOR HEAD MINERVA MCGONAGALL"').
  void NewActor(NP* np) {
    if (!np->actors.empty() || np->pronoun) return;
    const auto& w = p_.words;
    std::string words;
    int n = 0;
    bool capital = false;
    for (uint32_t k = np->b; k < np->e; ++k) {
      if (w[k].tag == Tag::kPoss) continue;
      if (w[k].tag == Tag::kCoord || w[k].tag == Tag::kComma || w[k].tag == Tag::kTime ||
          w[k].tag == Tag::kNum) {
        return;
      }
      capital |= w[k].capitalized && k > 0;
      std::string up(w[k].lower);
      for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      words += (words.empty() ? "" : " ") + up;
      ++n;
    }
    if (!capital || n == 0 || n > opt_.new_actor_length) return;
    ActorX a;
    a.code = "\"" + words + "\"";
    a.b = np->b;
    a.e = np->e;
    np->actors.push_back(a);
  }

  // Splits [b, e) at coordinators and builds one actor per conjunct.
  // share_country: a role-only conjunct may take its neighbour's country
  // (not when an "of" phrase follows that names its own: "the officials of Gondor").
  std::vector<ActorX> Conjuncts(uint32_t b, uint32_t e, bool share_country = true) {
    std::vector<ActorX> out;
    uint32_t start = b;
    for (uint32_t k = b; k <= e; ++k) {
      if (k == e || p_.words[k].tag == Tag::kCoord || p_.words[k].tag == Tag::kComma) {
        if (k > start) {
          ActorX a;
          if (ConjunctActor(start, k, &a)) out.push_back(a);
        }
        start = k + 1;
      }
    }
    // "Israeli helicopters and tanks": a role noun with no country of its
    // own takes the country of the conjunct before it.
    for (size_t k = 1; share_country && !reference_ && k < out.size(); ++k) {
      if (out[k].code.empty() && !out[k].role.empty() && !out[k].pronoun &&
          out[k - 1].country.size() == 3 && !out[k - 1].place && !out[k - 1].weak) {
        out[k].country = out[k - 1].country;
        out[k].code = out[k].country + out[k].role;
      }
    }
    // "Colombian and Ecuadorian police": the last conjunct's role is shared
    // by earlier demonym-only conjuncts.
    if (out.size() > 1) {
      const ActorX& last = out.back();
      std::string role;
      if (!last.code.empty() && last.code.size() > 3 && !last.weak) role = last.code.substr(3);
      if (!role.empty()) {
        for (size_t k = 0; k + 1 < out.size(); ++k) {
          if ((out[k].weak || out[k].bare_demonym) && out[k].code.size() == 3) {
            out[k].code += role;
            out[k].weak = false;
          }
        }
      }
    }
    return out;
  }

  bool ConjunctActor(uint32_t b, uint32_t e, ActorX* a) {
    const auto& w = p_.words;
    a->b = b;
    a->e = e;
    std::string base, country, role, place_country, prefix;
    bool demonym_adj = false, former = false, have_base_entity = false, possessive_pron = false;
    bool any_actor_word = false, base_is_person = false, ethnic = false;
    for (uint32_t k = b; k < e; ++k) {
      if (w[k].lower == "former" || w[k].lower == "ex") former = true;
      if (w[k].tag == Tag::kPossPron && (w[k].lower == "its" || w[k].lower == "their" ||
                                         w[k].lower == "his" || w[k].lower == "her")) {
        possessive_pron = true;
      }
      if (w[k].mention < 0) continue;
      const parse::Mention& m = p_.mentions[w[k].mention];
      if (m.b != k) continue;
      const LexEntry& ent = lex_.entry(m.entry);
      switch (ent.kind) {
        case EntryKind::kPerson:
        case EntryKind::kOrg:
        case EntryKind::kGroup:
        case EntryKind::kCapital:
          if (!have_base_entity) {
            base = ent.CodeOn(date_);
            have_base_entity = true;
            base_is_person = ent.kind == EntryKind::kPerson;
            any_actor_word = true;
            if (ent.kind == EntryKind::kPerson && former && base.size() >= 3) {
              base = base.substr(0, 3) + "ELI";
            }
          }
          break;
        case EntryKind::kCountry:
          if (country.empty()) country = ent.CodeOn(date_);
          any_actor_word = true;
          break;
        case EntryKind::kDemonym:
          if (country.empty()) {
            country = ent.CodeOn(date_);
            demonym_adj = (m.e < e);  // something follows the demonym in the phrase
            // "ethnic Albanians in Serbia": a people is coded to the state it
            // lives in, when the sentence places it in another one.
            if (!reference_ && k > b && w[k - 1].lower == "ethnic") {
              std::string home = NearestLocation(b, e);
              if (!home.empty() && home != country.substr(0, 3)) {
                country = home;
                ethnic = true;
              }
            }
          }
          any_actor_word = true;
          break;
        case EntryKind::kAgent: {
          const std::string& r = ent.CodeOn(date_);
          if (!r.empty() && r.back() == '~') {
            prefix = r.substr(0, r.size() - 1);  // "MSF Arnor": NGOARN
          } else if (r != "-" || role.empty()) {
            role = r;
          }
          any_actor_word = true;
          break;
        }
        case EntryKind::kPlace:
          if (place_country.empty()) place_country = ent.CodeOn(date_);
          break;
        case EntryKind::kDiscard:
          break;
      }
    }
    // "South African leader", "Palestinian leaders": a person noun with no
    // role of its own still names a person of that country.
    bool person_noun = role == "-";
    if (role == "-") role.clear();
    if (ethnic && role.empty()) role = "CVL";
    {
      uint32_t last_k = e - 1;
      if (w[last_k].tag == Tag::kPoss && last_k > b) --last_k;
      std::string_view head = w[last_k].lower;
      // "a suicide bomber" is a person, not a means of war.
      a->weapon = parse::IsAttackNoun(head) && head != "forces" && head != "bomber" &&
                  head != "bombers";
    }
    // A demonym adjective on a noun that is no actor ("Russian gas") is weak:
    // usable to place a target, never a source. Attack nouns make it military
    // ("Israeli shelling", "Israeli aircraft").
    bool weak = false;
    if (!have_base_entity && demonym_adj && role.empty() && !person_noun) {
      std::string_view last = w[e - 1].lower;
      uint32_t last_k = e - 1;
      if (w[last_k].tag == Tag::kPoss && last_k > b) last = w[last_k - 1].lower;
      if (parse::IsAttackNoun(last)) {
        role = "MIL";
      } else if (!reference_ && IsPlaceNoun(last)) {
        place_country = country;  // "the Caribbean island of St Vincent": where
        country.clear();
      } else {
        weak = true;
      }
    }
    // "Russian President Boris Yeltsin" where the dictionary knows another
    // person of that name: the country the phrase states wins over the person's.
    if (!reference_ && have_base_entity && !country.empty() && base.size() >= 3 && !role.empty() &&
        base_is_person &&
        base.substr(0, 3) != country.substr(0, 3) && lex_.SplitActorCode(base).country.size() == 3) {
      have_base_entity = false;
    }
    if (have_base_entity) {
      a->code = base;
      if (base.size() == 3 && !role.empty()) a->code += role;
      a->country = base.size() >= 3 ? base.substr(0, 3) : "";
      if (!lex_.SplitActorCode(a->code).country.empty()) a->country = a->code.substr(0, 3);
      else a->country.clear();
    } else if (!reference_ && !country.empty() && role.empty() && !demonym_adj && e - b > 1 &&
               IsPlaceNoun(w[e - 1].lower) && w[e - 1].mention < 0) {
      // "the Caribbean island (of St Vincent)", "the Ukraine border": where.
      a->code = a->country = country.substr(0, 3);
      a->place = true;
    } else if (!country.empty()) {
      a->country = country.substr(0, 3);
      a->code = country + role;
      a->weak = weak;
      a->people = role.empty() && w[e - 1].mention >= 0 && w[e - 1].lower.back() == 's' &&
                  lex_.entry(p_.mentions[w[e - 1].mention].entry).kind == EntryKind::kDemonym;
      a->bare_demonym = role.empty() && !demonym_adj && e - b == 1 && w[b].mention >= 0 &&
                        lex_.entry(p_.mentions[w[b].mention].entry).kind == EntryKind::kDemonym &&
                        w[b].lower.back() != 's';
    } else if (!role.empty()) {
      a->role = role;  // country to be inherited
      a->pronoun = possessive_pron;
      for (uint32_t k = b; k < e; ++k) {
        std::string_view l = w[k].lower;
        if (l == "both" || l == "two" || l == "three" || l == "various" || l == "several") {
          a->several = true;
        }
      }
    } else if (!place_country.empty()) {
      a->code = place_country;
      a->country = place_country;
      a->place = true;
    } else if (possessive_pron) {
      // "his resignation", "its airspace": the possessor, as a target only
      // unless the phrase names an actor ("its troops" has a role above).
      a->pronoun = true;
      a->weak = !any_actor_word;
    } else if (!prefix.empty()) {
      a->prefix = prefix;  // "MSF" alone: NGO, or NGOARN with a country found later
      return true;
    } else {
      return false;
    }
    (void)any_actor_word;
    // An agent written before the country in foreign dictionaries ([NGO~]).
    if (!prefix.empty() && !a->code.empty() && !a->place && !a->weak &&
        a->code.compare(0, prefix.size(), prefix) != 0) {
      a->code = prefix + a->code;
    }
    a->prefix = a->code.empty() ? prefix : "";
    return true;
  }

  void FindLocations() {
    const auto& w = p_.words;
    // "…, relief officials in Nairobi said": where the speaker is, not
    // where things happen. The trailing attribution starts at the last
    // comma whose following verbs are all verbs of saying.
    uint32_t attribution = static_cast<uint32_t>(w.size());
    for (uint32_t k = static_cast<uint32_t>(w.size()); k-- > 0;) {
      if (w[k].tag == Tag::kComma) {
        attribution = k;
        break;
      }
      int g = VgIndexAt(k);
      if (g >= 0 && !parse::IsSayVerb(w[p_.verbs[g].head].lemma)) break;
    }
    bool say_after = false;
    for (uint32_t k = attribution; k < w.size(); ++k) {
      int g = VgIndexAt(k);
      if (g >= 0 && parse::IsSayVerb(w[p_.verbs[g].head].lemma)) say_after = true;
    }
    if (!say_after || reference_) attribution = static_cast<uint32_t>(w.size());
    attribution_ = attribution;
    for (const NP& np : nps_) {
      if (np.b > attribution) continue;
      // Where things happen, not where they go ("fled into Bangladesh").
      bool outside_of = !reference_ && np.prep > 0 && w[np.prep].lower == "of" &&
                        IsLocativePrep(w[np.prep - 1].lower);  // "outside of Basra"
      if (np.prep < 0 || (!IsLocativePrep(w[np.prep].lower) && !outside_of)) continue;
      // "in the Iraqi city of Basra": a demonym before a place noun.
      bool found = false;
      for (uint32_t k = np.b; k + 1 < np.e && !found && !reference_; ++k) {
        if (w[k].mention < 0 || !IsPlaceNoun(w[k + 1].lower)) continue;
        const LexEntry& e = lex_.entry(p_.mentions[w[k].mention].entry);
        if (e.kind == EntryKind::kDemonym && p_.mentions[w[k].mention].e == k + 1) {
          locations_.push_back({k, e.CodeOn(date_).substr(0, 3)});
          found = true;
        }
      }
      if (found) continue;
      std::string_view pl = w[np.prep].lower;
      if (pl == "into" || pl == "from" || pl == "off") continue;
      for (uint32_t k = np.b; k < np.e; ++k) {
        if (w[k].mention < 0) continue;
        const LexEntry& e = lex_.entry(p_.mentions[w[k].mention].entry);
        if (e.kind == EntryKind::kPlace || e.kind == EntryKind::kCountry ||
            e.kind == EntryKind::kCapital) {
          std::string c = e.CodeOn(date_).substr(0, 3);
          locations_.push_back({k, c});
          break;
        }
      }
    }
  }

  // The country of the place nearest to [b, e), preferring one after it; "" if none.
  std::string NearestLocation(uint32_t b, uint32_t e) const {
    const std::string* best = nullptr;
    uint32_t best_dist = 1u << 30;
    for (const auto& [pos, country] : locations_) {
      uint32_t dist = pos >= e ? pos - e : (b > pos ? b - pos : 0) + 4;
      if (dist < best_dist) {
        best_dist = dist;
        best = &country;
      }
    }
    return best ? *best : std::string();
  }

  // it/they/its → the nearest earlier actor in the sentence, else the story.
  void ResolvePronoun(ActorX* a, int np_index) {
    std::string_view l = p_.words[a->b].lower;
    bool person = (l == "he" || l == "him" || l == "his" || l == "she" || l == "her");
    bool singular = (l == "it" || l == "its");
    for (int k = np_index - 1; k >= 0; --k) {
      for (auto it = nps_[k].actors.rbegin(); it != nps_[k].actors.rend(); ++it) {
        if (it->code.empty() || it->place || it->weak) continue;
        if (person && it->code.size() == 3) continue;
        // "its airspace" after "two Russian bombers": not the plural troops.
        if (singular && !reference_ && PluralRoleNoun(*it)) continue;
        CopyResolved(*it, a);
        a->antecedent = static_cast<int>(it->b);
        return;
      }
    }
    // Across sentences a pronoun usually continues the last subject
    // ("Turkey summoned the ambassador. It accused Stockholm …").
    for (int pass = 0; pass < 2; ++pass) {
      for (auto it = context_->rbegin(); it != context_->rend(); ++it) {
        if (person && it->code.size() == 3) continue;
        if (pass == 0 && !it->subject) continue;
        CopyResolved(*it, a);
        a->antecedent = -1;  // another sentence's words
        return;
      }
    }
  }

  // An actor named by a plural role noun ("bombers", "troops"), not by a name.
  bool PluralRoleNoun(const ActorX& x) const {
    if (x.e <= x.b || x.e > p_.words.size()) return false;
    const Word& last = p_.words[x.e - 1];
    if (last.lower.size() < 4 || last.lower.back() != 's') return false;
    if (last.mention < 0) return false;
    return lex_.entry(p_.mentions[last.mention].entry).kind == EntryKind::kAgent;
  }

  void CopyResolved(const ActorX& from, ActorX* a) {
    a->country = from.country;
    if (!a->role.empty() && from.code.size() >= 3) {
      a->code = from.code.substr(0, 3) + a->role;  // "its soldiers" -> LBNMIL
    } else {
      a->code = from.code;
    }
  }

  // A role noun with no country takes one from a possessive pronoun, a place
  // in the sentence, or the story.
  // "Soldiers from Gondor", "lawmakers in Fornost and Gondor": the reference
  // coders join a role noun to the actors of a from/of/in phrase right after
  // it (GONMIL; FORLEG and GONLEG).
  void CountriesFromPhrase(NP* np) {
    const auto& w = p_.words;
    if (np->e + 1 >= w.size()) return;
    std::string_view prep = w[np->e].lower;
    if (prep != "from" && prep != "of" && prep != "in") return;
    int next = np_of_[np->e + 1];
    if (next < 0) return;
    std::vector<std::string> countries;
    for (const ActorX& t : nps_[next].actors) {
      if (t.code.size() >= 3 && t.role.empty() && !t.weak && t.code[0] != '-' && t.code[0] != '~') {
        countries.push_back(t.code.substr(0, 3));
      }
    }
    if (countries.empty()) return;
    std::vector<ActorX> out;
    for (const ActorX& a : np->actors) {
      if (!a.code.empty() || (a.role.empty() && a.prefix.empty()) || a.pronoun) {
        out.push_back(a);
        continue;
      }
      for (const std::string& c : countries) {
        ActorX x = a;
        x.country = c;
        x.code = a.prefix + c + a.role;
        x.prefix.clear();
        out.push_back(x);
      }
    }
    np->actors = std::move(out);
  }

  void InheritCountry(ActorX* a, const NP& np) {
    if (a->several) return;  // "the two governments" are not one place's
    if (a->pronoun) {
      ActorX tmp = *a;
      ResolvePronoun(&tmp, static_cast<int>(&np - &nps_[0]));
      if (!tmp.code.empty()) {
        a->country = tmp.country;
        a->antecedent = tmp.antecedent;
        a->code = tmp.code.substr(0, 3) + a->role;
        return;
      }
    }
    // The nearest place, preferring one right after the phrase ("junta in Niger").
    if (std::string home = NearestLocation(np.b, np.e); !home.empty()) {
      a->country = home;
      a->code = a->country + a->role;
      a->located = true;
      return;
    }
    // "the president", "the government": the country the story is about so
    // far (the most recent state actor of earlier sentences).
    bool definite = a->b < p_.words.size() && p_.words[a->b].lower == "the";
    if (definite && (a->role == "GOV" || a->role == "LEG" || a->role == "JUD")) {
      for (auto it = context_->rbegin(); it != context_->rend(); ++it) {
        if (it->country.size() == 3 && !it->place) {
          a->country = it->country;
          a->code = a->country + a->role;
          a->located = true;
          return;
        }
      }
    }
    // "Egyptian police opened fire on demonstrators": in a sentence that
    // names one country only, a domestic role belongs to it.
    static const std::set<std::string_view> kDomestic = {"OPP", "CVL", "LAB", "EDU", "AGR",
                                                          "REB", "INS", "CRM", "REF", "UAF",
                                                          "COP", "JUD", "MED", "BUS", "HLH"};
    if (reference_ || !kDomestic.count(a->role)) return;
    std::string only;
    for (const NP& other : nps_) {
      if (other.b > attribution_) continue;  // "…, officials in Nairobi said"
      for (const ActorX& x : other.actors) {
        if (x.country.size() != 3 || x.place) continue;
        if (!only.empty() && only != x.country) return;
        only = x.country;
      }
    }
    if (!only.empty()) {
      a->country = only;
      a->code = only + a->role;
      a->located = true;
    }
  }

  // ---- verbs --------------------------------------------------------------

  struct Context {
    parse::ClauseKind kind = parse::ClauseKind::kMain;
    int intro = -1;             // token that opened the clause
    std::string governor;       // lemma of the verb or noun that governs a complement
    int governor_vg = -1;
  };

  int VgIndexAt(uint32_t token) const {
    return token < vg_of_.size() ? vg_of_[token] : -1;
  }

  Context ClauseOf(int v) const {
    const auto& w = p_.words;
    const VerbGroup& vg = p_.verbs[v];
    Context c;
    if (vg.infinitive) {
      c.kind = parse::ClauseKind::kInfinitive;
      if (vg.b > 0) c.governor_vg = VgIndexAt(vg.b - 1);
      if (c.governor_vg < 0 && vg.b > 1) c.governor_vg = VgIndexAt(vg.b - 2);
      // "refused to allow", "threatened to launch"; also "was willing to".
      for (int k = static_cast<int>(vg.b) - 1; k >= 0 && c.governor_vg < 0; --k) {
        int g = VgIndexAt(static_cast<uint32_t>(k));
        if (g >= 0) c.governor_vg = g;
        if (w[k].tag == Tag::kComma || w[k].tag == Tag::kSub || w[k].tag == Tag::kThat) break;
      }
      if (c.governor_vg >= 0) c.governor = std::string(w[p_.verbs[c.governor_vg].head].lemma);
      return c;
    }
    if (vg.gerund && vg.b > 0 && w[vg.b - 1].tag == Tag::kComma) {
      c.kind = parse::ClauseKind::kParticiple;
      return c;
    }
    for (int k = static_cast<int>(vg.b) - 1; k >= 0; --k) {
      Tag t = w[k].tag;
      int g = VgIndexAt(static_cast<uint32_t>(k));
      if (g >= 0 && g != v) {
        const VerbGroup& gv = p_.verbs[g];
        std::string_view gl = w[gv.head].lemma;
        if (!gv.copula && (parse::IsSayVerb(gl) || parse::IsDoubtVerb(gl))) {
          c.kind = parse::ClauseKind::kThat;  // "believe China will attack"
          c.governor = std::string(gl);
          c.governor_vg = g;
          c.intro = k;
        }
        return c;
      }
      switch (t) {
        case Tag::kSub: {
          std::string_view l = w[k].lower;
          c.intro = k;
          if (l == "if" || l == "unless" || l == "whether") c.kind = parse::ClauseKind::kCondition;
          else if (l == "because" || l == "although" || l == "though") c.kind = parse::ClauseKind::kReason;
          else c.kind = parse::ClauseKind::kTemporal;
          if (l == "as" && k + 1 < static_cast<int>(w.size()) && w[k + 1].lower == "part") continue;
          return c;
        }
        case Tag::kRel:
          c.kind = parse::ClauseKind::kRelative;
          c.intro = k;
          return c;
        case Tag::kThat: {
          c.intro = k;
          if (k > 0) {
            int gv = VgIndexAt(static_cast<uint32_t>(k - 1));
            // "demanded on Tuesday that": skip adverbials back to the verb.
            for (int j = k - 1; gv < 0 && j >= 0 && j >= k - 4; --j) {
              Tag tj = w[j].tag;
              if (tj == Tag::kTime || tj == Tag::kPrep || tj == Tag::kAdv || tj == Tag::kDet ||
                  tj == Tag::kNum)
                continue;
              gv = VgIndexAt(static_cast<uint32_t>(j));
              if (gv < 0 && (w[j].tag == Tag::kNoun || w[j].tag == Tag::kProper) && j < k - 1) {
                // "warned Finland that", "told reporters that"
                int g2 = j > 0 ? VgIndexAt(static_cast<uint32_t>(j - 1)) : -1;
                if (g2 >= 0) gv = g2;
              }
              break;
            }
            if (gv >= 0) {
              c.kind = parse::ClauseKind::kThat;
              c.governor_vg = gv;
              c.governor = std::string(w[p_.verbs[gv].head].lemma);
              if (c.governor.empty()) c.governor = std::string(w[p_.verbs[gv].head].lower);
            } else if (parse::IsHearsayNoun(w[k - 1].lower)) {
              c.kind = parse::ClauseKind::kThat;
              c.governor = std::string(w[k - 1].lower);
            } else if (w[k - 1].lower == "now" || w[k - 1].lower == "so") {
              c.kind = parse::ClauseKind::kTemporal;
            } else {
              c.kind = parse::ClauseKind::kRelative;
            }
          }
          return c;
        }
        case Tag::kEnd:
          return c;
        case Tag::kPunct:
          if (w[k].lower == ";" || w[k].lower == ":") return c;
          break;
        case Tag::kComma:
          // A comma closes a fronted clause: "If X, Y would…" — Y is main.
          return c;
        case Tag::kCoord:
          // "rejected the demand and accused X": a second verb of the same clause.
          if (k + 1 < static_cast<int>(vg.b) && np_of_[k + 1] >= 0) break;  // "and Y did"
          for (int g2 = v - 1; g2 >= 0; --g2) {
            if (p_.verbs[g2].b < static_cast<uint32_t>(k) && p_.verbs[g2].finite) return ClauseOf(g2);
          }
          return c;
        default:
          break;
      }
    }
    return c;
  }

  // "began a hunger strike to demand …", "blocked roads to protest …": an
  // act done to protest or demand voices the protest or demand by doing it.
  // Only a purpose clause (something stands between the act and "to"), never
  // the complement of a verb of wanting, planning or persuading ("urged X to
  // protest", "plans a rally to protest").
  bool PurposeOfProtest(int v, const Context& c) const {
    const auto& w = p_.words;
    const VerbGroup& vg = p_.verbs[v];
    if (reference_ || c.governor_vg < 0 || !parse::IsProtestVerb(w[vg.head].lemma)) return false;
    const VerbGroup& gov = p_.verbs[c.governor_vg];
    return !parse::IsControlVerb(w[gov.head].lemma) && gov.e + 1 < vg.b;
  }

  // Why a verb group cannot report a real act, or "" if it can.
  std::string Blocked(int v, const Context& c) const {
    const VerbGroup& vg = p_.verbs[v];
    const auto& w = p_.words;
    if (p_.question) return "question";
    if (vg.negated) return "negated";
    if (vg.modal) return "modal";
    if (vg.must) return "obligation";
    if (vg.future) return "future";
    if (vg.participle) return "reduced relative";
    if (c.kind == parse::ClauseKind::kCondition) return "conditional";
    if (c.kind == parse::ClauseKind::kInfinitive) {
      if (c.governor_vg >= 0 && parse::IsAspectVerb(c.governor)) {
        return Blocked(c.governor_vg, ClauseOf(c.governor_vg));
      }
      if (PurposeOfProtest(v, c)) return Blocked(c.governor_vg, ClauseOf(c.governor_vg));
      return "infinitive (intended, not done)";
    }
    if (vg.gerund && c.kind != parse::ClauseKind::kParticiple) {
      // "began withdrawing" is done; so is "by massing troops" (the means of
      // the main act) and "after shelling". "of harbouring", "from joining"
      // are not events.
      int g = vg.b > 0 ? VgIndexAt(vg.b - 1) : -1;
      if (g >= 0 && parse::IsAspectVerb(w[p_.verbs[g].head].lemma)) return Blocked(g, ClauseOf(g));
      if (MeansGerund(v)) {
        int m = MainVerbOf(v);
        if (m >= 0) return Blocked(m, ClauseOf(m));
      }
      return "gerund";
    }
    if (c.kind == parse::ClauseKind::kThat) {
      if (c.governor_vg >= 0) {
        std::string_view gl = c.governor;
        if (!parse::IsSayVerb(gl)) return "complement of '" + c.governor + "'";
        // "arguing that it threatens Russia": a present-tense claim is the
        // speaker's view, not a reported act.
        if (vg.b == vg.head && (w[vg.head].vform == parse::VForm::kThird ||
                                w[vg.head].vform == parse::VForm::kBase)) {
          return "present-tense claim in a statement";
        }
        std::string why = Blocked(c.governor_vg, ClauseOf(c.governor_vg));
        if (!why.empty()) return "inside a statement that is " + why;
      } else {
        return "complement of '" + c.governor + "'";
      }
    }
    if (c.kind == parse::ClauseKind::kParticiple) {
      // Shares the main clause's status ("Rwanda denied that …, accusing").
      int g = MainVerbBefore(v);
      if (g >= 0) return Blocked(g, ClauseOf(g));
    }
    // "When/once/the moment Russia starts a war, …": an act in the simple
    // present before a future or modal consequence is hypothetical.
    bool simple_present = vg.b == vg.head && (w[vg.head].vform == parse::VForm::kThird ||
                                              w[vg.head].vform == parse::VForm::kBase);
    if (simple_present && !parse::IsSayVerb(w[vg.head].lemma)) {
      if (c.kind == parse::ClauseKind::kTemporal) return "present tense in a time clause";
      bool comma = false;
      for (size_t g = v + 1; g < p_.verbs.size(); ++g) {
        for (uint32_t k = p_.verbs[g - 1].e; k < p_.verbs[g].b; ++k) {
          if (w[k].tag == Tag::kComma) comma = true;
        }
        if (comma && (p_.verbs[g].future || p_.verbs[g].modal)) {
          return "hypothetical (a future consequence follows)";
        }
      }
    }
    // A relative clause in the simple present describes what someone
    // habitually does ("firms that sell weapons"), not a reported act.
    if (c.kind == parse::ClauseKind::kRelative && vg.b == vg.head &&
        (w[vg.head].vform == parse::VForm::kThird || w[vg.head].vform == parse::VForm::kBase)) {
      return "habitual (present tense in a relative clause)";
    }
    // Historical: "in 1962", "since 2014", "In 2008," in the same clause.
    int from = c.intro >= 0 ? c.intro : 0;
    int to = static_cast<int>(w.size());
    for (size_t g = v + 1; g < p_.verbs.size(); ++g) {
      if (p_.verbs[g].finite && !p_.verbs[g].infinitive) {
        to = static_cast<int>(p_.verbs[g].b);
        break;
      }
    }
    for (int k = from; k + 1 < to; ++k) {
      int year = 0;
      Tag t = w[k].tag;
      if ((t == Tag::kPrep || t == Tag::kSub) && IsYear(w[k + 1].lower, &year) && story_year_ > 0 &&
          year < story_year_ && k + 1 != static_cast<int>(vg.head)) {
        return "historical (" + std::string(w[k + 1].lower) + ")";
      }
    }
    // "Rumours that … proved (to be) unfounded".
    for (uint32_t k = vg.e; k < w.size(); ++k) {
      std::string_view l = w[k].lower;
      if (l == "unfounded" || l == "baseless" || l == "untrue" || l == "false") return "refuted";
    }
    return "";
  }

  // "by massing", "after shelling": a gerund that tells how or after what
  // the main act was done.
  bool MeansGerund(int v) const {
    const VerbGroup& vg = p_.verbs[v];
    if (!vg.gerund || vg.b == 0) return false;
    std::string_view prev = p_.words[vg.b - 1].lower;
    return prev == "by" || prev == "after" || VoicingGerund(v);
  }

  // "demonstrated in Kirkuk calling for independence", "issued a declaration
  // demanding that …": a gerund of speech that follows a whole clause says
  // what its subject voiced while doing it. Never after a preposition or a
  // determiner ("of demanding", "the calling of").
  bool VoicingGerund(int v) const {
    const VerbGroup& vg = p_.verbs[v];
    const auto& w = p_.words;
    if (reference_ || !vg.gerund || vg.b == 0 || !parse::IsVoicingVerb(w[vg.head].lemma)) return false;
    Tag prev = w[vg.b - 1].tag;
    if (prev == Tag::kPrep || prev == Tag::kTo || prev == Tag::kOf || prev == Tag::kDet ||
        prev == Tag::kPossPron || prev == Tag::kPoss || prev == Tag::kComma || prev == Tag::kCoord) {
      return false;
    }
    int g = MainVerbBefore(v);
    return g >= 0 && p_.verbs[g].e < vg.b;
  }

  // The main-clause verb a means gerund belongs to: the one before it, or
  // for a fronted phrase ("By massing troops …, Putin has shown") the first after.
  int MainVerbOf(int v) const {
    int g = MainVerbBefore(v);
    if (g >= 0) return g;
    for (size_t k = v + 1; k < p_.verbs.size(); ++k) {
      if (p_.verbs[k].finite && ClauseOf(static_cast<int>(k)).kind == parse::ClauseKind::kMain) {
        return static_cast<int>(k);
      }
    }
    return -1;
  }

  // The actor that acted most often in earlier sentences (at least twice), for the
  // verbal responses of a standoff (intent, demand, rejection, threat);
  // never the source's own country or one of the source's partners in the
  // same phrase, never a generic agent or a place.
  bool StoryCounterpart(const std::string& root, const std::vector<ActorX>& sources,
                        ActorX* out) const {
    if (root != "03" && root != "10" && root != "12" && root != "13") return false;
    for (const ActorX& s : sources) {
      if (s.located || s.pronoun) return false;
    }
    int best = 1;
    std::string pick;
    for (const auto& [country, n] : *salience_) {
      bool own = false;
      for (const ActorX& s : sources) own |= (s.country == country);
      if (!own && n > best) {
        best = n;
        pick = country;
      }
    }
    if (pick.empty()) return false;
    *out = ActorX();
    out->code = out->country = pick;
    out->located = true;  // lower confidence, noted in the evidence
    return true;
  }

  // The rejection an announced refusal to cooperate or yield stands for
  // ("will not attend the talks" 125, "will not give in" 124); "" for acts
  // that are not cooperation (a refusal to attack is no event).
  static std::string RefusalCode(const std::string& root) {
    if (root == "04") return "125";
    if (root == "08") return "124";
    if (root == "03" || root == "05" || root == "06" || root == "07") return "120";
    return "";
  }

  bool UnlessAfter(int v) const {
    for (uint32_t k = p_.verbs[v].e; k < p_.words.size(); ++k) {
      if (p_.words[k].lower == "unless") return true;
    }
    return false;
  }

  // The intent (03x) or threat (13x) an announced future act stands for;
  // "" when there is none (statements, demands, rejections…).
  static std::string IntentCode(const std::string& code, const std::string& root) {
    if (root == "03" || root == "13") return code;
    if (root == "04") return "036";
    if (root == "05") return "032";
    if (root == "06") return code.rfind("062", 0) == 0 ? "0312" : "031";
    if (root == "07") {
      if (code.rfind("072", 0) == 0) return "0332";
      if (code.rfind("073", 0) == 0) return "0333";
      if (code.rfind("071", 0) == 0) return "0331";
      if (code.rfind("074", 0) == 0) return "0334";
      return "033";
    }
    if (root == "08") return code.rfind("085", 0) == 0 ? "0354" : "035";
    if (root == "12") return code.rfind("125", 0) == 0 ? "134" : "";
    if (root == "14") return "133";
    if (root == "16") return "131";
    if (root == "17") return "137";
    if (root == "15" || root == "18" || root == "19" || root == "20") return "138";
    return "";
  }

  // A future act counts as an announced intent when the actor itself says
  // it: in a main clause with no other speaker, or in what the same actor
  // says ("Hungary said it will support …"); never negated, questioned or
  // conditional.
  //
  // A speaker who names no actor ("officials said", "a statement said",
  // "diplomatic sources said") does not make the act someone else's
  // prediction; *unnamed is set so that the caller keeps such an act only as
  // an intent to cooperate, never as a threat.
  bool IntentAllowed(int v, const Context& c, bool* unnamed, bool refusal = false) {
    const VerbGroup& vg = p_.verbs[v];
    *unnamed = false;
    if (vg.negated != refusal || (vg.modal && !WouldInReport(v, c)) || vg.must || p_.question) {
      return false;
    }
    const auto& w = p_.words;
    int subj = Subject(v, c);
    std::vector<ActorX> me = Sources(subj);
    if (me.empty()) return false;
    auto speaker_of = [&](int g) {
      return Sources(vg_subject_[g] >= 0 ? vg_subject_[g] : Subject(g, ClauseOf(g)));
    };
    auto same_speaker = [&](int g) {
      for (const ActorX& s : speaker_of(g)) {
        for (const ActorX& m : me) {
          if (!s.country.empty() && s.country == m.country) return true;
          // "the United Nations will provide …, the World Food Programme said"
          if (s.country.empty() && m.country.empty() && !s.code.empty() && !m.code.empty() &&
              (s.code.rfind(m.code, 0) == 0 || m.code.rfind(s.code, 0) == 0)) {
            return true;
          }
        }
      }
      return false;
    };
    if (c.kind == parse::ClauseKind::kThat) {
      if (c.governor_vg < 0 || !parse::IsSayVerb(c.governor)) return false;
      if (!Blocked(c.governor_vg, ClauseOf(c.governor_vg)).empty()) return false;
      return same_speaker(c.governor_vg);
    }
    if (c.kind != parse::ClauseKind::kMain) return false;
    // "X will invade Y, a tabloid claimed": someone else's prediction.
    for (size_t g = v + 1; g < p_.verbs.size(); ++g) {
      if (!parse::IsSayVerb(w[p_.verbs[g].head].lemma) && !parse::IsDoubtVerb(w[p_.verbs[g].head].lemma)) continue;
      if (parse::IsSayVerb(w[p_.verbs[g].head].lemma) && speaker_of(static_cast<int>(g)).empty()) {
        *unnamed = true;
        continue;
      }
      if (!same_speaker(static_cast<int>(g))) return false;
    }
    return true;
  }

  // "Iraq said it would allow …": "would" in what a speaker says is the
  // future of the past, not a possibility.
  bool WouldInReport(int v, const Context& c) const {
    const VerbGroup& vg = p_.verbs[v];
    if (c.kind != parse::ClauseKind::kThat || c.governor_vg < 0 || !parse::IsSayVerb(c.governor)) {
      return false;
    }
    for (uint32_t k = vg.b; k < vg.head; ++k) {
      if (p_.words[k].lower == "would") return true;
    }
    return false;
  }

  // The nearest finite verb group before v that stands in a main clause.
  int MainVerbBefore(int v) const {
    int fallback = -1;
    for (int g = v - 1; g >= 0; --g) {
      if (!p_.verbs[g].finite) continue;
      if (fallback < 0) fallback = g;
      if (ClauseOf(g).kind == parse::ClauseKind::kMain) return g;
    }
    return fallback;
  }

  // Index of the noun phrase that is the subject of verb group v, or -1.
  int Subject(int v, const Context& c) {
    const auto& w = p_.words;
    const VerbGroup& vg = p_.verbs[v];
    // "demonstrators protesting election results": the people it follows.
    if (VoicingGerund(v) && np_of_[vg.b - 1] >= 0 && !Sources(HeadPhrase(np_of_[vg.b - 1])).empty()) {
      return HeadPhrase(np_of_[vg.b - 1]);
    }
    if (MeansGerund(v)) {
      int m = MainVerbOf(v);
      if (m < 0) return -1;
      if (m > v) return Subject(m, ClauseOf(m));  // fronted: not coded yet
      return vg_subject_[m];
    }
    if (c.kind == parse::ClauseKind::kParticiple || c.kind == parse::ClauseKind::kInfinitive ||
        (vg.gerund && vg.b > 0 && VgIndexAt(vg.b - 1) >= 0)) {
      int g = c.governor_vg >= 0 ? c.governor_vg : -1;
      if (g < 0) g = MainVerbBefore(v);
      if (g < 0 && vg.b > 0) g = VgIndexAt(vg.b - 1);
      return g >= 0 ? vg_subject_[g] : -1;
    }
    int k = static_cast<int>(vg.b) - 1;
    // Skip adverbials between subject and verb: "Washington on Wednesday eased".
    while (k >= 0) {
      Tag t = w[k].tag;
      if (t == Tag::kAdv || t == Tag::kTime) {
        --k;
        // "on Wednesday", "last week": the preposition or determiner goes too.
        while (k >= 0 && (w[k].tag == Tag::kPrep || w[k].tag == Tag::kDet) &&
               (w[k + 1].tag == Tag::kTime)) {
          --k;
        }
        continue;
      }
      if (np_of_[k] >= 0 && nps_[np_of_[k]].prep >= 0 && k > 0) {
        const NP& np = nps_[np_of_[k]];
        bool temporal = false;
        for (uint32_t j = np.b; j < np.e; ++j) {
          int y;
          if (w[j].tag == Tag::kTime || IsYear(w[j].lower, &y)) temporal = true;
        }
        if (temporal) {
          k = np.prep - 1;
          continue;
        }
      }
      break;
    }
    if (k < 0) return SubjectAfter(v);
    // "The Philippines and the European Union (EU) agree": the reference
    // coders look past a parenthesis before the verb.
    if (reference_ && w[k].lower == ")") {
      int j = k - 1;
      while (j >= 0 && w[j].lower != "(") --j;
      if (j > 0 && np_of_[j - 1] >= 0) return HeadPhrase(np_of_[j - 1]);
    }
    // ", which … ," between subject and verb.
    if (w[k].tag == Tag::kComma) {
      int j = k - 1;
      while (j >= 0 && w[j].tag != Tag::kComma && w[j].tag != Tag::kRel) --j;
      if (j >= 0 && w[j].tag == Tag::kRel && j > 0 && w[j - 1].tag == Tag::kComma) {
        k = j - 2;
      } else if (j >= 0 && w[j].tag == Tag::kComma && j + 1 < k && w[j + 1].tag == Tag::kRel) {
        k = j - 1;
      } else if (int a = reference_ && !Petrarch2() ? -1 : Appositive(j, k); a >= 0) {
        return a;
      } else {
        // VP coordination across a comma, or an attribution ("…, police said").
        if (parse::IsSayVerb(w[vg.head].lemma)) return SubjectAfter(v);
        return PreviousSubject(v);
      }
    }
    if (k < 0) return -1;
    if (w[k].tag == Tag::kQuote) return SubjectAfter(v);
    if (w[k].tag == Tag::kCoord) return PreviousSubject(v);
    if (w[k].tag == Tag::kRel || (w[k].tag == Tag::kThat && c.kind == parse::ClauseKind::kRelative)) {
      int j = k - 1;
      if (j >= 0 && w[j].tag == Tag::kComma) --j;
      return j >= 0 ? np_of_[j] : -1;
    }
    if (np_of_[k] >= 0) {
      // The subject is the phrase that ends here. A phrase inside a
      // prepositional phrase ("A fire at a warehouse in Mexico killed") is
      // not: walk back through the prepositional phrases to the head phrase.
      int id = np_of_[k];
      while (id >= 0 && nps_[id].prep >= 0) {
        int j = nps_[id].prep - 1;
        // "The Red Cross operating in Iraq said": past a reduced relative.
        if (j >= 0 && !reference_) {
          if (int follows = RelativeFollows(j, v); follows >= 0) j = follows;
        }
        // "Washington along with its allies demanded": the first partner.
        if (j > 0 && !reference_ && w[nps_[id].prep].lower == "with" &&
            (w[j].lower == "along" || w[j].lower == "together")) {
          --j;
        }
        id = (j >= 0) ? np_of_[j] : -1;
      }
      if (reference_) return id;
      if (id >= 0 && Sources(id).empty()) id = ParentheticSubject(id, k);
      // "Laurent Fabius and a group of deputies held talks": the named
      // conjunct speaks for an unnamed one.
      if (id >= 0 && Sources(id).empty() && nps_[id].b >= 2 &&
          w[nps_[id].b - 1].tag == Tag::kCoord && np_of_[nps_[id].b - 2] >= 0 &&
          !Sources(HeadPhrase(np_of_[nps_[id].b - 2])).empty()) {
        id = HeadPhrase(np_of_[nps_[id].b - 2]);
      }
      // "British aircraft using guided missiles killed …": the object of a
      // reduced relative; the subject is the phrase the relative follows.
      if (id >= 0 && Sources(id).empty() && nps_[id].b > 0) {
        int follows = RelativeFollows(static_cast<int>(nps_[id].b) - 1, v);
        if (follows >= 0 && !Sources(HeadPhrase(np_of_[follows])).empty()) {
          id = HeadPhrase(np_of_[follows]);
        }
      }
      return id;
    }
    if (!reference_ && w[k].lower == ")") return ParentheticSubject(-1, k);
    return -1;
  }

  // "A member of the Syrian parliament, Mohammed Mamoun, started …",
  // "Pakistan, a key U.S. ally in the war on terror, has refused …": the
  // phrase between commas j and k (with its prepositional phrases) names the
  // phrase before it. The subject is the first of the two that names an
  // actor. Only a sentence-initial phrase: a verb before it would make the
  // commas a list or a coordination.
  int Appositive(int j, int k) const {
    const auto& w = p_.words;
    if (j < 1 || j + 1 >= k || np_of_[j + 1] < 0) return -1;
    const NP& b = nps_[np_of_[j + 1]];
    if (b.b != static_cast<uint32_t>(j + 1) || b.prep >= 0) return -1;
    for (int m = static_cast<int>(b.e); m < k;) {
      // PETRARCH-2: "…, a UK-based group that tracks the war, said".
      if (Petrarch2() && (w[m].tag == Tag::kRel || w[m].tag == Tag::kThat)) break;
      // Only prepositional phrases may follow the apposition.
      if (w[m].tag != Tag::kPrep && w[m].tag != Tag::kOf && w[m].tag != Tag::kTo) return -1;
      if (m + 1 >= k || np_of_[m + 1] < 0) return -1;
      m = static_cast<int>(nps_[np_of_[m + 1]].e);
      if (m > k) return -1;
    }
    int id = HeadPhrase(np_of_[j - 1]);
    if (id < 0) return -1;
    for (uint32_t m = 0; m < nps_[id].b; ++m) {
      if (VgIndexAt(m) >= 0 || w[m].tag == Tag::kComma) return -1;
    }
    if (!Sources(id).empty()) return id;
    if (!Sources(np_of_[j + 1]).empty()) return np_of_[j + 1];
    return -1;
  }

  // When token k ends a reduced relative ("operating", "using missiles")
  // other than verb group v, the last token of the phrase it follows; else -1.
  int RelativeFollows(int k, int v) const {
    int g = VgIndexAt(static_cast<uint32_t>(k));
    if (g < 0 || g == v || !(p_.verbs[g].participle || p_.verbs[g].gerund)) return -1;
    if (p_.verbs[g].e != static_cast<uint32_t>(k + 1) || p_.verbs[g].b == 0) return -1;
    int before = static_cast<int>(p_.verbs[g].b) - 1;
    return np_of_[before] >= 0 ? before : -1;
  }

  // The phrase a prepositional phrase hangs on ("the city of X" -> itself).
  int HeadPhrase(int id) const {
    while (id >= 0 && nps_[id].prep >= 0) {
      int q = nps_[id].prep - 1;
      id = (q >= 0) ? np_of_[q] : -1;
    }
    return id;
  }

  // "The International Labour Office (ILO) reiterated", "the Asia-Pacific
  // Economic Cooperation (APEC) forum has agreed": a subject with no actor
  // next to a parenthesis takes the actor named in or before it.
  int ParentheticSubject(int id, int k) const {
    const auto& w = p_.words;
    int close = -1;
    if (w[k].lower == ")") close = k;
    else if (id >= 0 && nps_[id].b > 0 && w[nps_[id].b - 1].lower == ")") close = static_cast<int>(nps_[id].b) - 1;
    if (close < 2 || np_of_[close - 1] < 0) return id;
    int inside = np_of_[close - 1];
    int open = static_cast<int>(nps_[inside].b) - 1;
    if (open < 1 || w[open].lower != "(") return id;
    int before = np_of_[open - 1] >= 0 ? HeadPhrase(np_of_[open - 1]) : -1;
    if (before >= 0 && !Sources(before).empty()) return before;
    if (!Sources(inside).empty()) return inside;
    return id;
  }

  int SubjectAfter(int v) const {
    const VerbGroup& vg = p_.verbs[v];
    if (vg.e < p_.words.size() && np_of_[vg.e] >= 0 && nps_[np_of_[vg.e]].prep < 0) return np_of_[vg.e];
    return -1;
  }

  int PreviousSubject(int v) const {
    for (int g = v - 1; g >= 0; --g) {
      if (p_.verbs[g].finite && vg_subject_[g] >= 0) return vg_subject_[g];
    }
    return -1;
  }

  // The window after the verb in which objects and patterns are sought:
  // up to the next clause boundary, through "to + verb" complements.
  uint32_t WindowEnd(int v) const {
    const auto& w = p_.words;
    const VerbGroup& vg = p_.verbs[v];
    for (uint32_t k = vg.e; k < w.size(); ++k) {
      Tag t = w[k].tag;
      if (t == Tag::kEnd || t == Tag::kRel || t == Tag::kThat || t == Tag::kSub) return k;
      if (t == Tag::kPunct && (w[k].lower == ";" || w[k].lower == ":")) return k;
      if (t == Tag::kComma) return k;
      if (t == Tag::kQuote && k > vg.e) return k;
      int g = VgIndexAt(k);
      if (g >= 0 && g != v && !p_.verbs[g].infinitive && !p_.verbs[g].participle &&
          !(p_.verbs[g].gerund && k > 0 && w[k - 1].tag == Tag::kPrep)) {
        return k;
      }
    }
    return static_cast<uint32_t>(w.size());
  }

  struct PatternHit {
    const VerbPattern* pattern = nullptr;
    int target_np = -1;
    int source_np = -1;  // a '$' slot's phrase
    int score = -1;
  };

  static bool IdIn(uint32_t id, const std::vector<uint32_t>& ids) {
    return id != 0 && std::binary_search(ids.begin(), ids.end(), id);
  }
  // IdIn(id, el.ids), passing over words outside el.id_bits (a superset of
  // the ids' bits when it is not 0) without reading the ids.
  static bool IdInElement(uint32_t id, const PatternElement& el) {
    if (el.id_bits != 0 && (PatternElement::IdBit(id) & el.id_bits) == 0) return false;
    return IdIn(id, el.ids);
  }

  // Tries one pattern on the window (vg.e .. end). Elements match in order.
  bool MatchPattern(const VerbPattern& pat, const VerbGroup& vg, uint32_t end, PatternHit* hit) {
    // A word element none of whose words is in the window cannot match
    // (id_bits is 0 only for no words, or when a caller built the pattern
    // without it: then no shortcut).
    for (const PatternElement& el : pat.elements) {
      if (!el.target && el.id_bits != 0 && (el.id_bits & window_ids_) == 0) return false;
    }
    const auto& w = p_.words;
    if (pat.compound_subject && Sources(match_subject_).size() < 2) return false;
    uint32_t pos = vg.e;
    int target_np = -1, source_np = -1;
    int exact = 0;  // word elements matched as written (not by a plural)
    for (size_t i = 0; i < pat.elements.size(); ++i) {
      const PatternElement& el = pat.elements[i];
      uint32_t limit = el.adjacent ? std::min<uint32_t>(pos + 1, end) : std::min<uint32_t>(pos + 9, end);
      bool found = false;
      for (uint32_t k = pos; k < limit; ++k) {
        if (el.skip_phrase) {
          if (np_of_[k] < 0) continue;
          pos = nps_[np_of_[k]].e;
          found = true;
          break;
        }
        if (el.target) {
          // The first target slot names the target; later ones only
          // require an actor there ("welcome + to+": the guest, not the city).
          int np = -1;
          if (!el.prep.empty()) {
            if (w[k].lower != el.prep) continue;
            if (k + 1 >= end || np_of_[k + 1] < 0 || !HasActor(np_of_[k + 1])) continue;
            np = np_of_[k + 1];
          } else {
            if (np_of_[k] < 0 || !HasActor(np_of_[k])) continue;
            np = np_of_[k];
          }
          if (el.source) {
            if (source_np < 0) source_np = np;
          } else if (target_np < 0) {
            target_np = np;
          }
          pos = nps_[np].e;
          found = true;
          break;
        }
        if (IdInElement(w[k].id, el) || IdInElement(w[k].lemma_id, el) || PrefixAt(el, k)) {
          if (!el.synset && !el.words.empty() && w[k].lower == el.words[0]) ++exact;
          pos = k + 1;
          found = true;
          break;
        }
        uint32_t len = PhraseAt(el, k, end);
        if (len) {
          pos = k + len;
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    // Words before the verb ("not [allow]"), matched backwards from the head.
    uint32_t at = vg.head;
    for (size_t i = pat.before.size(); i-- > 0;) {
      const PatternElement& el = pat.before[i];
      uint32_t lo = el.adjacent ? (at >= 1 ? at - 1 : 0) : (at >= 9 ? at - 9 : 0);
      bool found = false;
      for (uint32_t k = at; k-- > lo;) {
        if (IdIn(w[k].id, el.ids) || IdIn(w[k].lemma_id, el.ids) || PrefixAt(el, k)) {
          at = k;
          found = true;
          break;
        }
        // A phrase that ends at k ("wo n't" before "clash").
        for (const auto& ph : el.phrase_ids) {
          uint32_t n = static_cast<uint32_t>(ph.size());
          if (k + 1 >= n && PhraseAt(el, k + 1 - n, at) == n) {
            at = k + 1 - n;
            found = true;
            break;
          }
        }
        if (found) break;
      }
      if (!found) return false;
    }
    hit->pattern = &pat;
    hit->target_np = target_np;
    hit->source_np = source_np;
    // More elements win; between equals, more words (fewer open slots) win.
    int literals = static_cast<int>(pat.before.size());
    for (const PatternElement& el : pat.elements) literals += el.target || el.skip_phrase ? 0 : 1;
    // TABARI and PETRARCH prefer a written word to a synset ("* DOLLAR" over
    // "* &CURRENCY").
    if (reference_) {
      for (const auto* els : {&pat.before, &pat.elements}) {
        for (const PatternElement& el : *els) {
          literals += !el.target && !el.synset && !el.skip_phrase ? 1 : 0;
        }
      }
    }
    // PETRARCH-2 looks a noun up as written: "* SANCTIONS" before "* SANCTION".
    if (Petrarch2()) literals += exact;
    hit->score = static_cast<int>(pat.elements.size() + pat.before.size()) * 16 + literals;
    return true;
  }

  bool PrefixAt(const PatternElement& el, uint32_t k) const {
    std::string_view l = p_.words[k].lower;
    for (const std::string& pre : el.prefixes) {
      if (l.size() >= pre.size() && l.compare(0, pre.size(), pre) == 0) return true;
    }
    return false;
  }

  // Length of the first of el's phrases that stands at k (ending before
  // `end`), or 0.
  uint32_t PhraseAt(const PatternElement& el, uint32_t k, uint32_t end) const {
    const auto& w = p_.words;
    for (const auto& ph : el.phrase_ids) {
      if (k + ph.size() > end) continue;
      bool ok = true;
      for (size_t i = 0; i < ph.size() && ok; ++i) {
        ok = w[k + i].id == ph[i] || w[k + i].lemma_id == ph[i];
      }
      if (ok) return static_cast<uint32_t>(ph.size());
    }
    return 0;
  }

  bool HasActor(int np) const {
    for (const ActorX& a : nps_[np].actors) {
      if (!a.code.empty()) return true;
    }
    return false;
  }

  // Actors of phrase np usable as a source (not places, not weak demonyms).
  std::vector<ActorX> Sources(int np) const {
    std::vector<ActorX> out;
    if (np < 0 || nps_[np].no_det) return out;
    for (const ActorX& a : nps_[np].actors) {
      if (!a.code.empty() && !a.place && !a.weak) out.push_back(a);
    }
    if (out.empty() && !reference_ && nps_[np].actors.empty()) {
      // "A car bomb near Samarra killed …": an attack nobody is named for is
      // coded, as CAMEO does, to an unidentified armed force of the country
      // where it happened.
      const NP& n = nps_[np];
      uint32_t last = n.e - 1;
      if (p_.words[last].tag == Tag::kPoss && last > n.b) --last;
      if (parse::IsAnonymousMeans(p_.words[last].lower)) {
        std::string where = NearestLocation(n.b, n.e);
        if (!where.empty()) {
          ActorX a;
          a.country = where;
          a.code = where + "UAF";
          a.located = true;
          a.b = n.b;
          a.e = n.e;
          out.push_back(a);
        }
      }
    }
    return out;
  }

  std::vector<ActorX> Targets(int np) const {
    std::vector<ActorX> out;
    if (np < 0) return out;
    for (const ActorX& a : nps_[np].actors) {
      if (!a.code.empty()) out.push_back(a);
    }
    return out;
  }

  // One line per sentence: verb groups [..] and noun phrases {..=CODES}.
  void TraceParse() {
    const auto& w = p_.words;
    std::string line = "parse:";
    for (uint32_t k = 0; k < w.size(); ++k) {
      int g = VgIndexAt(k);
      if (g >= 0 && p_.verbs[g].b == k) line += " [";
      if (np_of_[k] >= 0 && nps_[np_of_[k]].b == k) line += " {";
      line += " " + std::string(w[k].lower);
      if (np_of_[k] >= 0 && nps_[np_of_[k]].e == k + 1) {
        std::string codes;
        for (const ActorX& a : nps_[np_of_[k]].actors) {
          codes += (codes.empty() ? "" : ",") + (a.code.empty() ? "?" + a.role : a.code) +
                   (a.place ? "@" : "") + (a.weak ? "~" : "");
        }
        line += codes.empty() ? " }" : " =" + codes + " }";
      }
      if (g >= 0 && p_.verbs[g].e == k + 1) line += " ]";
    }
    Trace(line);
  }

  // Callers test tracing_ first, so no message is built when not tracing.
  void Trace(const std::string& line) {
    if (trace_->size() < kMaxTrace * 64) {
      *trace_ += story_.id + "#" + std::to_string(sno_) + ": " + line + "\n";
    }
  }

  // Finds the default target after the verb: object, prepositional phrase,
  // "that"-clause subject, then (for violent or coercive acts) the place.
  std::vector<ActorX> DefaultTargets(int v, uint32_t end, const std::string& code,
                                     const std::string& root, const std::vector<ActorX>& sources,
                                     std::string* how) {
    const bool domestic_measure = DomesticMeasure(code);
    const auto& w = p_.words;
    const VerbGroup& vg = p_.verbs[v];
    uint32_t k = vg.e;
    while (k < end && (w[k].tag == Tag::kAdv || w[k].tag == Tag::kTime)) ++k;
    auto usable = [&](const std::vector<ActorX>& ts) {
      std::vector<ActorX> out;
      for (const ActorX& t : ts) {
        if (!SameActor(sources, t)) out.push_back(t);
      }
      return out;
    };
    // A particle is part of the verb: "handed over 32 prisoners", "rounded up".
    if (k + 1 < end && np_of_[k + 1] >= 0 && nps_[np_of_[k + 1]].prep == static_cast<int>(k)) {
      std::string_view p = w[k].lower;
      if (p == "over" || p == "up" || p == "out" || p == "off" || p == "down" || p == "back" ||
          p == "away") {
        auto ts = usable(Targets(np_of_[k + 1]));
        if (!ts.empty()) {
          *how = "object";
          return ts;
        }
      }
    }
    if (k < end && np_of_[k] >= 0 && nps_[np_of_[k]].prep < 0) {
      auto ts = usable(Targets(np_of_[k]));
      // "scrambled fighter jets", "deployed troops": forces that are
      // mobilised are the source's own, not a target.
      if (root == "15") {
        ts.erase(std::remove_if(ts.begin(), ts.end(), [](const ActorX& t) { return t.located; }),
                 ts.end());
      }
      if (!ts.empty()) {
        *how = "object";
        return ts;
      }
    }
    // "by" last: "rejected calls by Kofi Annan" (a passive has its own path).
    static const char* kPreps[] = {"to", "with", "against", "on", "at", "toward", "towards",
                                   "into", "outside", "between", "for", "from", "over", "by"};
    for (const char* prep : kPreps) {
      for (uint32_t j = vg.e; j < end; ++j) {
        if (w[j].lower != prep || j + 1 >= w.size() || np_of_[j + 1] < 0) continue;
        const NP& np = nps_[np_of_[j + 1]];
        auto ts = usable(Targets(np_of_[j + 1]));
        // Places in "in/at/on" phrases are where, not whom — except for acts of force.
        std::vector<ActorX> keep;
        bool where = IsLocativePrep(prep) && std::string_view(prep) != "from";
        // "met on the island of Aruba", "talks at the UN": a meeting's venue
        // or topic, not the other side.
        if (root == "04" && where) continue;
        for (const ActorX& t : ts) {
          if ((t.place || (t.weak && where)) && !ViolentRoot(root) && !domestic_measure) continue;
          keep.push_back(t);
        }
        (void)np;
        if (!keep.empty()) {
          *how = std::string("'") + prep + "' phrase";
          return keep;
        }
      }
    }
    // "refused to allow UN investigators": the object of a "to" complement.
    for (uint32_t m = vg.e; m < end; ++m) {
      int g = VgIndexAt(m);
      if (g < 0 || !p_.verbs[g].infinitive) continue;
      uint32_t o = p_.verbs[g].e;
      if (o < end && np_of_[o] >= 0 && nps_[np_of_[o]].prep < 0) {
        auto ts = usable(Targets(np_of_[o]));
        std::vector<ActorX> keep;
        for (const ActorX& t : ts) {
          // "threatened to shell Iraqi towns": what a threat is aimed at.
          if (!t.place && (!t.weak || root == "13")) keep.push_back(t);
        }
        if (!keep.empty()) {
          *how = "object of 'to' complement";
          return keep;
        }
      }
      m = p_.verbs[g].e - 1;
    }
    // "appealed for a ceasefire in Sudan": a state named in a place phrase is
    // what the words are about — but never the venue of a meeting.
    if (root != "04" && root != "06") {
      for (uint32_t m = vg.e; m < end; ++m) {
        if (w[m].mention < 0 || np_of_[m] < 0 || nps_[np_of_[m]].prep < 0) continue;
        const LexEntry& ent = lex_.entry(p_.mentions[w[m].mention].entry);
        if (ent.kind != EntryKind::kCountry && !(domestic_measure && ent.kind == EntryKind::kCapital)) {
          continue;
        }
        for (const ActorX& t : domestic_measure ? Targets(np_of_[m]) : usable(Targets(np_of_[m]))) {
          if (!t.weak) {
            *how = "state in a place phrase";
            ActorX where = t;
            where.place = where.place || domestic_measure;  // a curfew at home covers a place
            return {where};
          }
        }
      }
    }
    // "demanded (on Tuesday) that Armenia remove …": the first other actor of the clause.
    uint32_t j = end;
    if (j < w.size() && w[j].tag == Tag::kThat) {
      // Named actors first; a role noun whose country only came from a place
      // ("drones … in Ukraine") is a last resort.
      for (int pass = 0; pass < 2; ++pass) {
        for (uint32_t m = j + 1; m < w.size() && w[m].tag != Tag::kEnd; ++m) {
          if (np_of_[m] < 0) continue;
          auto ts = usable(Targets(np_of_[m]));
          std::vector<ActorX> keep;
          for (const ActorX& t : ts) {
            if (!t.place && (pass == 1 || !t.located)) keep.push_back(t);
          }
          if (!keep.empty()) {
            *how = "'that' clause";
            return keep;
          }
          m = nps_[np_of_[m]].e - 1;
        }
      }
    }
    // "threatened to strike unless Israel withdraws": the one who must act
    // for the threat to lapse.
    if (root == "13") {
      for (uint32_t m = vg.e; m + 1 < w.size() && w[m].tag != Tag::kEnd; ++m) {
        if (w[m].lower != "unless" && w[m].lower != "if") continue;
        if (np_of_[m + 1] < 0) break;
        auto ts = usable(Sources(np_of_[m + 1]));
        if (!ts.empty()) {
          *how = "'" + std::string(w[m].lower) + "' clause";
          return ts;
        }
        break;
      }
    }
    if (ViolentRoot(root) || domestic_measure || root == "13") {
      // A place in the source's own country is a target only for acts that
      // are domestic by nature (protest, repression, violence, inquiries):
      // troops put on alert at home have no target.
      auto fits = [&](const std::string& country) {
        if (root != "15" && root != "07") return true;
        for (const ActorX& s : sources) {
          if (s.country == country) return false;
        }
        return true;
      };
      for (uint32_t m = vg.e; m < end; ++m) {
        if (np_of_[m] < 0) continue;
        for (const ActorX& t : nps_[np_of_[m]].actors) {
          if (t.place && fits(t.country)) {
            *how = "place";
            return {t};
          }
        }
      }
      for (const auto& loc : locations_) {
        if (!fits(loc.second) || root == "13") continue;
        ActorX t;
        t.code = t.country = loc.second;
        t.place = true;
        t.b = loc.first;
        t.e = loc.first + 1;
        *how = "sentence location";
        return {t};
      }
    }
    // "Algerian landowners began a hunger strike": a protest that names no
    // target and no place is against the protesters' own state; so is a
    // curfew a government lifts.
    // A rebel, opposition or labour group that promises or concedes with no
    // one named deals with its own state ("the opposition agreed to postpone
    // the rally", "the rebels said they will free the hostages").
    auto domestic_party = [&](const ActorX& a) {
      static const std::set<std::string_view> kRoles = {"OPP", "REB", "INS", "SEP", "LAB",
                                                         "EDU", "AGR", "CVL"};
      return a.code.size() == 6 && kRoles.count(std::string_view(a.code).substr(3, 3)) > 0;
    };
    bool concession = (root == "03" || root == "08") &&
                      std::all_of(sources.begin(), sources.end(), domestic_party);
    if (root == "14" || domestic_measure || concession) {
      for (const ActorX& s : sources) {
        if (s.country.empty() || (s.code.size() <= 3 && !s.people && root == "14")) continue;
        ActorX t;
        t.code = t.country = s.country;
        t.place = true;  // the state as the setting, never the source itself
        t.b = s.b;
        t.e = s.e;
        *how = "own state (protest with no target named)";
        return {t};
      }
    }
    return {};
  }

  // Curfews, states of emergency, bans and their easing: measures a state
  // takes at home, whose target is the place they cover or the country.
  static bool DomesticMeasure(const std::string& code) {
    // 132: the threat of such a measure ("threatened to impose a curfew").
    return code.rfind("081", 0) == 0 || code.rfind("172", 0) == 0 || code.rfind("132", 0) == 0;
  }

  static bool IsPlaceNoun(std::string_view w) {
    static const std::set<std::string_view> kPlaceNouns = {
        "city", "town", "village", "capital", "province", "region", "district", "port", "border",
        "enclave", "area", "camp", "state", "island", "coast", "countryside", "outskirts"};
    return kPlaceNouns.count(w) > 0;
  }

  // The first noun phrase in (verb, end) with an actor other than `not_these`.
  int FirstActorAfter(int v, uint32_t end, const std::vector<ActorX>& not_these) const {
    for (uint32_t k = p_.verbs[v].e; k < end; ++k) {
      int np = np_of_[k];
      if (np < 0) continue;
      for (const ActorX& a : nps_[np].actors) {
        if (!a.code.empty() && !a.weak && !OwnActor(not_these, a)) return np;
      }
      k = nps_[np].e - 1;
    }
    return -1;
  }

  static bool ViolentRoot(const std::string& root) {
    return root == "14" || root == "15" || root == "17" || root == "18" || root == "19" ||
           root == "20" || root == "07" || root == "09";
  }

  // A target that is the source itself: the same code, its own bare
  // country, or a pronoun that refers back to it ("its troops").
  // SameActor for dyad; the reference coders only drop a target whose code
  // is the source's own (USAGOV>USA is an event for them).
  bool OwnActor(const std::vector<ActorX>& sources, const ActorX& t) const {
    if (!reference_) return SameActor(sources, t);
    for (const ActorX& s : sources) {
      if (s.code == t.code) return true;
    }
    return false;
  }

  bool SameActor(const std::vector<ActorX>& sources, const ActorX& t) const {
    // "his ruling party" after "Rwandan rebels demanded the removal of
    // President X and …": a personal pronoun points to a person, not back to
    // a group; only "its"/"their" phrases are the source's own.
    bool personal = false;
    if (t.pronoun && t.b < p_.words.size()) {
      std::string_view l = p_.words[t.b].lower;
      personal = l == "his" || l == "her" || l == "him" || l == "he" || l == "she";
    }
    for (const ActorX& s : sources) {
      if (s.code == t.code) return true;
      if (t.place || s.country.empty() || s.country != t.country) continue;
      // "its troops" after "Russia": the source's own; but in "soldiers were
      // killed when their convoy was ambushed by X" "their" is not X's.
      bool own = t.pronoun && !personal &&
                 (t.antecedent < 0 || std::any_of(sources.begin(), sources.end(), [&](const ActorX& x) {
                    return static_cast<int>(x.b) <= t.antecedent && t.antecedent < static_cast<int>(x.e);
                  }));
      if (own || t.code.size() <= 3) return true;
    }
    return false;
  }

  void CodeVerb(int v, std::vector<Event>* out) {
    const VerbGroup& vg = p_.verbs[v];
    const Word& hw = p_.words[vg.head];
    Context c = ClauseOf(v);
    // The reference coders give "Arnor is about to restore" the subject of "is".
    int subj = vg.copula && !reference_ ? -1 : Subject(v, c);
    vg_subject_[v] = subj;
    if (vg.copula || !hw.event_verb) return;
    const VerbEntry* ve = lex_.Verb(hw.lemma, hw.info);
    if (!ve) return;
    std::string why = Blocked(v, c);
    // "wants to attack": PETRARCH-2 folds the infinitive's code into its
    // governing verb's (ComposedGovernor decides when it does).
    int object_np = -1;
    int compose_with = Petrarch2() ? ComposedGovernor(v, c, &object_np) : -1;
    if (compose_with < 0 && opt_.semantics == Semantics::kPetrarch &&
        c.kind == parse::ClauseKind::kInfinitive && c.governor_vg >= 0 &&
        vg_coded_[c.governor_vg]) {
      // "urged Bree to help": PETRARCH codes the verb phrase once, by its
      // first coded verb (TABARI's suite expects both under CODE ALL).
      if (tracing_) Trace("'" + std::string(hw.lower) + "' not coded: its governing verb was");
      return;
    }
    if (Petrarch2() && compose_with < 0 && !PetrarchCodes(v, c)) return;
    if (Petrarch2() && vg.gerund && vg.b > 0 && compose_with < 0) {
      // "especially by promoting biofuels": PETRARCH-2 reads no event in a
      // prepositional phrase.
      uint32_t k = vg.b;
      while (k > 0 && p_.words[k - 1].tag == Tag::kAdv) --k;
      if (k > 0 && p_.words[k - 1].tag == Tag::kPrep) {
        if (tracing_)
          Trace("'" + std::string(hw.lower) + "' not coded: a gerund in a prepositional phrase");
        vg_in_pp_[v] = true;
        return;
      }
    }
    if (reference_ && !why.empty() && (why != "gerund" || opt_.semantics == Semantics::kTabari)) {
      // TABARI and PETRARCH code the act whatever its tense, mood or polarity.
      if (tracing_) Trace("'" + std::string(hw.lower) + "' coded as the reference coders do (dyad: " + why + ")");
      why.clear();
    }
    // "X will send troops", "X said it will support Y": an act the actor
    // itself announces for the future is an intent (03) to cooperate or a
    // threat (13) — never the act.
    std::string intent_root;
    bool unnamed_speaker = false;
    if ((why == "future" || (why == "modal" && WouldInReport(v, c))) &&
        IntentAllowed(v, c, &unnamed_speaker)) {
      why.clear();
      intent_root = "intent";
    }
    // "The U.S. said it would not meet the hostage-takers' demands": an
    // actor announcing it will not cooperate or yield rejects (12).
    if (why == "negated" && (vg.future || WouldInReport(v, c)) &&
        IntentAllowed(v, c, &unnamed_speaker, /*refusal=*/true) && !unnamed_speaker) {
      why.clear();
      intent_root = "refusal";
    }
    // "X is willing / ready / prepared to resume talks": declared readiness
    // is an intent too, when the readiness itself is plainly stated.
    if (!reference_ && c.kind == parse::ClauseKind::kInfinitive && vg.b > 0 &&
        c.governor_vg >= 0 && !p_.verbs[c.governor_vg].negated) {
      std::string_view adj = p_.words[vg.b - 1].lower;
      if ((adj == "willing" || adj == "ready" || adj == "prepared" || adj == "eager" ||
           adj == "keen" || adj == "determined") &&
          Blocked(c.governor_vg, ClauseOf(c.governor_vg)).empty()) {
        why.clear();
        intent_root = "intent";
      }
    }
    if (!why.empty()) {
      if (tracing_) Trace("'" + std::string(hw.lower) + "' not coded: " + why);
      return;
    }
    // TABARI and PETRARCH look for a pattern's words to the end of the
    // sentence, past clause boundaries.
    uint32_t end = reference_ ? static_cast<uint32_t>(p_.words.size()) : WindowEnd(v);
    // PETRARCH-2 looks for patterns and targets in the verb's own phrase:
    // not inside a clause it governs ("said he would not provide support").
    if (Petrarch2()) end = ComplementStart(v);
    const uint32_t target_end =
        Petrarch2() ? std::min(end, PhraseEnd(v)) : static_cast<uint32_t>(p_.words.size());
    // Patterns: the one with the most elements wins. Only patterns whose
    // first word stands in the reach of the first element are tried, in the
    // order they were written (ties go to the first).
    const bool filtered = ve->filters.size() == ve->patterns.size();
    candidates_.assign(ve->first_is_target.begin(), ve->first_is_target.end());
    for (uint32_t k = vg.e; k < end && k < vg.e + 9; ++k) {
      for (uint32_t id : {p_.words[k].id, p_.words[k].lemma_id}) {
        if (id == 0) continue;
        if (filtered) {
          if ((PatternElement::IdBit(id) & ve->first_word_bits) == 0) continue;
          auto at = std::lower_bound(ve->first_words.begin(), ve->first_words.end(),
                                     std::make_pair(id, uint32_t{0}));
          for (; at != ve->first_words.end() && at->first == id; ++at) candidates_.push_back(at->second);
          continue;
        }
        auto it = ve->by_first_word.find(id);
        if (it != ve->by_first_word.end()) {
          candidates_.insert(candidates_.end(), it->second.begin(), it->second.end());
        }
      }
    }
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
    window_ids_ = 0;  // for MatchPattern's quick test
    for (uint32_t k = vg.e; k < end; ++k) {
      window_ids_ |= PatternElement::IdBit(p_.words[k].id) | PatternElement::IdBit(p_.words[k].lemma_id);
    }
    // Target and source slots match only an actor's phrase in the window.
    bool window_actor = false;
    for (uint32_t k = vg.e; k < end && !window_actor; ++k) {
      window_actor = np_of_[k] >= 0 && HasActor(np_of_[k]);
    }
    PatternHit best;
    match_subject_ = subj;
    for (uint32_t pi : candidates_) {
      // The filter makes MatchPattern's first tests without touching the pattern.
      if (filtered && (!ve->filters[pi].MayMatch(window_ids_) ||
                       (ve->filters[pi].needs_actor && !window_actor))) {
        continue;
      }
      PatternHit hit;
      if (!MatchPattern(ve->patterns[pi], vg, end, &hit)) continue;
      // PETRARCH-2 keeps its patterns in a tree where a pattern written
      // again replaces the earlier one: the later of two equals wins.
      if (hit.score > best.score || (Petrarch2() && hit.score == best.score && best.pattern &&
                                     SamePatternWords(*hit.pattern, *best.pattern))) {
        best = hit;
      }
    }
    const bool passive_p2 = Petrarch2() && (vg.passive || vg.participle ||
                                            ExistentialParticiple(v) || ReducedRelativePetrarch(v));
    if (passive_p2) {
      best = PassivePatternPetrarch(*ve, v, subj);
    }
    std::string code, pattern_text, origin, paired;
    if (best.pattern) {
      code = best.pattern->code;
      paired = best.pattern->paired_code;
      pattern_text = best.pattern->text;
      origin = best.pattern->origin;
    } else if (!ve->code.empty()) {
      code = ve->code;
      paired = ve->paired_code;
      pattern_text = ve->lemma;
      origin = ve->code_origin;
    } else {
      if (tracing_) Trace("'" + std::string(hw.lower) + "': no pattern of '" + ve->lemma + "' matched");
      return;
    }
    if (Petrarch2()) {
      // A pattern with words before the verb ("not [allow]") codes the
      // negation itself.
      bool negation_in_pattern = best.pattern && !best.pattern->before.empty();
      if (!ComposePetrarch(v, compose_with, negation_in_pattern, &code, &pattern_text, out)) return;
      if (compose_with >= 0) paired.clear();  // the pair named the verb's own act
    }
    const EventCodeInfo* info = lex_.EventCode(code);
    if (!info) return;
    if (!intent_root.empty()) {
      // An announced act stands for an intent, a threat or a refusal.
      std::string as = intent_root == "refusal" ? RefusalCode(info->root) : IntentCode(code, info->root);
      // "will withdraw its force unless …": a conditional intent is a threat.
      if (intent_root == "intent" && as.rfind("03", 0) == 0 && UnlessAfter(v)) as = "130";
      const char* why_not = as.empty() ? (intent_root == "refusal" ? "negated" : "future, no intent code")
                            : (unnamed_speaker && as.rfind("13", 0) == 0)
                                ? "a threat told by an unnamed speaker"
                                : nullptr;
      if (why_not) {
        if (tracing_) Trace("'" + std::string(hw.lower) + "' not coded: " + why_not);
        return;
      }
      code = as;
      pattern_text += " (announced: " + intent_root + ")";
      info = lex_.EventCode(code);
      if (!info) return;
    }
    std::vector<ActorX> sources, targets;
    std::string how;
    // "Israel is opposed to French mediation": a state, not a passive.
    bool stative = vg.passive && vg.e < p_.words.size() && p_.words[vg.e].lower == "to" &&
                   (hw.lemma == "oppose" || hw.lemma == "commit" || hw.lemma == "dedicate");
    if (passive_p2 && !stative) {
      PassivePetrarch(v, subj, &sources, &targets);
      how = "passive";
    } else if (vg.passive && !stative) {
      // "was attacked by X": X is the source, the subject the target.
      for (uint32_t k = vg.e; k + 1 < end + 1 && k + 1 < p_.words.size(); ++k) {
        if (p_.words[k].lower == "by" && np_of_[k + 1] >= 0) {
          sources = Sources(np_of_[k + 1]);
          break;
        }
      }
      targets = Targets(subj);
      // "A camp for Congolese refugees was attacked", "a missionary from
      // Calgary was arrested": the people it is for, or where they are from.
      if (!reference_ && targets.empty() && subj >= 0 && nps_[subj].e + 1 < p_.words.size() &&
          (p_.words[nps_[subj].e].lower == "for" || p_.words[nps_[subj].e].lower == "from") &&
          np_of_[nps_[subj].e + 1] >= 0) {
        for (ActorX t : Targets(np_of_[nps_[subj].e + 1])) {
          if (t.place) {
            t.place = false;
            t.code = t.country + "CVL";
          }
          targets.push_back(t);
        }
      }
      bool agent_named = false;
      for (uint32_t k = vg.e; k < end; ++k) agent_named = agent_named || p_.words[k].lower == "by";
      // "A missionary was arrested in Lebanon": arrests and inquiries with no
      // agent named are the authorities' of the place where they happen.
      // "Putin was welcomed in Ulaanbaatar": so are visits hosted (043).
      bool hosted = code.rfind("043", 0) == 0;
      if (!reference_ && sources.empty() && !agent_named &&
          (info->root == "17" || info->root == "09" || hosted) && !targets.empty()) {
        std::string where = NearestLocation(vg.b, static_cast<uint32_t>(p_.words.size()));
        if (!where.empty() && std::none_of(targets.begin(), targets.end(), [&](const ActorX& t) {
              return t.country == where;
            })) {
          ActorX a;
          a.country = where;
          a.code = where + (info->root == "17" ? "COP" : "GOV");
          a.located = true;
          a.b = a.e = vg.head;  // no words name it
          sources.push_back(a);
        }
      }
      how = "passive";
      if (sources.empty() && opt_.semantics == Semantics::kTabari) {
        // "An Eriadorian was shot dead in Osgiliath": with no "by", TABARI
        // takes the first actor after the verb as the source.
        int np = FirstActorAfter(v, end, targets);
        if (np >= 0) sources = Sources(np);
      } else if (sources.empty() && opt_.semantics == Semantics::kPetrarch) {
        // PETRARCH reads a passive with no "by" as active: "The Philippines
        // was criticized over its dispute with Eriador" is PHL>ERI.
        sources = Sources(subj);
        int np = FirstActorAfter(v, end, sources);
        targets = np >= 0 ? Targets(np) : std::vector<ActorX>();
      }
    } else if (best.pattern && (best.source_np >= 0 || best.pattern->subject_is_target)) {
      // "+ [receive] money from$": the pattern names who is who.
      sources = best.source_np >= 0 ? Sources(best.source_np) : std::vector<ActorX>();
      targets = best.pattern->subject_is_target ? Targets(subj)
                                                : Targets(best.target_np);
      if (Petrarch2() && sources.empty() && best.pattern->subject_is_target) {
        // PETRARCH-2's passive meaning ("received assurances from X"): the
        // source as for a passive, after "by", "from" or "in".
        std::vector<ActorX> subject_targets;
        PassivePetrarch(v, subj, &sources, &subject_targets);
      }
      if (!best.pattern->subject_is_target && best.target_np < 0) {
        int np = FirstActorAfter(v, target_end, sources);
        if (np >= 0 && np != best.source_np) targets = Targets(np);
      }
      how = "pattern";
    } else {
      sources = Petrarch2() ? SubjectActorsPetrarch(v) : Sources(subj);
      if (best.target_np >= 0) {
        targets = Targets(best.target_np);
        how = "pattern";
      } else if (reference_) {
        // TABARI and PETRARCH: the first actor after the verb, whatever
        // preposition governs it.
        int np = FirstActorAfter(v, target_end, sources);
        if (np >= 0) targets = Targets(np);
        how = "first actor after the verb";
      }
      // "sent troops to its border with Belarus": a pattern slot that holds
      // only the source's own gives way to the other phrases.
      if (!reference_ &&
          (best.target_np < 0 || std::all_of(targets.begin(), targets.end(), [&](const ActorX& t) {
             return SameActor(sources, t) && !t.place;
           }))) {
        targets = DefaultTargets(v, end, code, info->root, sources, &how);
      }
    }
    if (compose_with >= 0 && object_np >= 0) {
      // "Congress is asking Obama to help Iran": the asker acts on the one asked.
      sources = Sources(vg_subject_[compose_with]);
      targets = Targets(object_np);
      how = "composed with its governing verb";
    }
    if (Petrarch2() && ReportedPetrarch(v, c, sources, targets, code, pattern_text, origin, out)) {
      return;
    }
    if (sources.empty()) {
      if (tracing_) Trace("'" + std::string(hw.lower) + "' (" + code + "): no source actor");
      return;
    }
    if (!reference_ && DomesticMeasure(code)) {
      // "imposed a curfew in southeastern Turkey": the own country as the place.
      for (ActorX& t : targets) {
        if (SameActor(sources, t)) t.place = true;
      }
    }
    if (targets.empty() && (!vg.passive || stative)) {
      // "Washington and NATO reject these demands": in a story about a
      // standoff, a response with no named target answers the story's
      // main counterpart.
      ActorX t;
      if (StoryCounterpart(info->root, sources, &t)) {
        targets.push_back(t);
        how = "story counterpart";
      }
    }
    // Violence done with the means of war (shelling, air strikes, drones,
    // artillery) is conventional military force (19), whatever the verb.
    if (info->root == "18" && !sources.empty() &&
        std::all_of(sources.begin(), sources.end(), [](const ActorX& a) { return a.weapon; })) {
      code = "190";
      info = lex_.EventCode(code);
      pattern_text += " (by military means)";
    }
    bool say = parse::IsSayVerb(ve->lemma) && info->root == "01";
    if (say) {
      // Decided once every reported act of the sentence has been coded.
      statements_.push_back({v, sources, code, pattern_text, origin});
      return;
    }
    std::vector<std::pair<ActorX, ActorX>> pairs;
    bool reciprocal = false;
    std::vector<ActorX> real_targets;
    for (const ActorX& t : targets) {
      if (!OwnActor(sources, t) || t.place) real_targets.push_back(t);
    }
    // "Israel and Lebanon renewed negotiations on an Israeli troop pullback":
    // a target of a partner's own country is the topic, not the other side.
    bool only_where = std::all_of(real_targets.begin(), real_targets.end(), [&](const ActorX& t) {
      if (t.place || t.weak) return true;
      return !reference_ && sources.size() >= 2 &&
             std::any_of(sources.begin(), sources.end(), [&](const ActorX& s) {
               return !s.country.empty() && s.country == t.country;
             });
    });
    // Talks, meetings and signed agreements are mutual whatever the verb.
    auto mutual_code = [&] {
      for (const char* prefix : {"040", "041", "044", "046", "057"}) {
        if (code.rfind(prefix, 0) == 0) return true;
      }
      return false;
    };
    // "Colombian and Ecuadorian police jointly dismantled a network".
    bool jointly = false;
    for (uint32_t k = vg.b > 0 ? vg.b - 1 : 0; k < end && k <= vg.e; ++k) {
      std::string_view l = p_.words[k].lower;
      if (l == "jointly" || l == "together") jointly = true;
    }
    // The reference coders make a compound subject with no target act on
    // itself: "Gondor and Osgiliath renewed ties" gives GON>OSG and OSG>GON.
    bool compound_alone = (reference_ && real_targets.empty()) ||
                          (best.pattern && best.pattern->compound_subject);
    if (Petrarch2() && !(best.pattern && best.pattern->compound_subject)) {
      // PETRARCH-2 does so for cooperation only (03-06), and never for a
      // passive (its subject is the target).
      bool cooperation =
          info->root == "03" || info->root == "04" || info->root == "05" || info->root == "06";
      if (!cooperation || how == "passive") compound_alone = false;
    }
    if ((only_where || (best.pattern && best.pattern->compound_subject)) && sources.size() >= 2 &&
        (parse::IsReciprocalVerb(ve->lemma) || compound_alone ||
         (!reference_ && (mutual_code() || (jointly && real_targets.empty()))))) {
      reciprocal = true;
      for (const ActorX& a : sources) {
        for (const ActorX& b : sources) {
          if (&a != &b && a.code != b.code) pairs.push_back({a, b});
        }
      }
    } else {
      for (const ActorX& s : sources) {
        for (const ActorX& t : real_targets) {
          if (s.code == t.code && !t.place) continue;
          pairs.push_back({s, t});
        }
      }
    }
    if (pairs.empty()) {
      if (!opt_.require_target && targets.empty()) {
        for (const ActorX& s : sources) pairs.push_back({s, ActorX()});
      } else {
        if (tracing_) Trace("'" + std::string(hw.lower) + "' (" + code + "): no target actor");
        return;
      }
    }
    size_t before_emit = out->size();
    Emit(v, pairs, code, pattern_text, origin, reciprocal ? "reciprocal" : how, out);
    if (out->size() > before_emit) vg_coded_[v] = true;
    if (reference_ && !paired.empty()) {
      // "A visited B" [032:033]: B's event toward A from the same words.
      std::vector<std::pair<ActorX, ActorX>> back;
      for (const auto& [s, t] : pairs) {
        if (!t.code.empty()) back.push_back({t, s});
      }
      Emit(v, back, paired, pattern_text, origin, "paired code", out);
    }
    vg_events_[v] = {before_emit, out->size()};
  }

  // ---- PETRARCH-2 composition of nested verbs -------------------------------

  // True when two patterns ask for the same words in the same slots.
  static bool SamePatternWords(const VerbPattern& a, const VerbPattern& b) {
    auto same = [](const std::vector<PatternElement>& x, const std::vector<PatternElement>& y) {
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].words != y[i].words || x[i].phrases != y[i].phrases ||
            x[i].target != y[i].target || x[i].source != y[i].source || x[i].prep != y[i].prep ||
            x[i].adjacent != y[i].adjacent || x[i].skip_phrase != y[i].skip_phrase) {
          return false;
        }
      }
      return true;
    };
    return same(a.elements, b.elements) && same(a.before, b.before) &&
           a.subject_is_target == b.subject_is_target && a.compound_subject == b.compound_subject;
  }

  // PETRARCH-2's reading of the sentence as a tree of verb phrases: codes
  // composed across nested verbs, patterns and targets kept inside a verb's
  // own phrase. It goes with the CAMEO 2.0 verb dictionary, the one that
  // carries the transformations (`compose` rules); the PETRARCH unit-test
  // dictionaries were written for patterns that reach past clauses.
  bool Petrarch2() const {
    return opt_.semantics == Semantics::kPetrarch && !lex_.compose_rules().empty();
  }

  // True when the verb group says "not" (PETRARCH-2 negates only on the word
  // "not": "didn't" and "never" leave the act as it is).
  bool SaysNot(int v) const {
    const VerbGroup& vg = p_.verbs[v];
    for (uint32_t k = vg.b; k < vg.e; ++k) {
      if (p_.words[k].lower == "not") return true;
    }
    return false;
  }

  // The verb group whose code PETRARCH-2 folds the infinitive `v` into, or
  // -1. The infinitive must follow its coded governor directly ("wants to
  // attack", "is scheduled to attend"; adverbs may come between) or after
  // one noun phrase naming an actor, the one the governor acts on ("asking
  // Obama to help": *object_np). An infinitive after any other words
  // ("held talks with X to discuss", "efforts to counter") belongs to a
  // noun or an adjunct, which PETRARCH-2 does not compose.
  int ComposedGovernor(int v, const Context& c, int* object_np) const {
    *object_np = -1;
    if (c.kind != parse::ClauseKind::kInfinitive || c.governor_vg < 0) return -1;
    int g = c.governor_vg;
    if (g >= v || vg_code_[g].empty()) return -1;
    return InfinitiveOf(v, g, object_np) ? g : -1;
  }

  // True when the infinitive `v` follows verb `g` directly or after one
  // actor's noun phrase (*object_np), adverbs aside.
  bool InfinitiveOf(int v, int g, int* object_np) const {
    *object_np = -1;
    uint32_t k = p_.verbs[g].e, b = p_.verbs[v].b;
    while (k < b && p_.words[k].tag == Tag::kAdv) ++k;
    if (k < b && np_of_[k] >= 0) {
      const NP& np = nps_[np_of_[k]];
      bool actor = std::any_of(np.actors.begin(), np.actors.end(),
                               [](const ActorX& a) { return !a.code.empty() && !a.place; });
      if (!actor || np.prep >= 0) return false;
      *object_np = np_of_[k];
      k = np.e;
    }
    while (k < b && p_.words[k].tag == Tag::kAdv) ++k;
    return k == b;
  }

  // Gives verb `v`'s code as PETRARCH-2 would have it: negated when the
  // group says "not" (and the pattern does not), composed with governor `g` (when g >= 0; its
  // events give way to the composed one). False when the result has no CAMEO code (PETRARCH-2 then
  // codes nothing): the verb is not coded.
  bool ComposePetrarch(int v, int g, bool negation_in_pattern, std::string* code,
                       std::string* pattern_text, std::vector<Event>* out) {
    const std::string word(p_.words[p_.verbs[v].head].lower);
    std::string result = *code;
    // A code outside CAMEO (a WEIS-era "904") has no place in the ontology.
    if (!petrarch::ToOntology(result)) return true;
    if (SaysNot(v) && !negation_in_pattern) result = petrarch::NegateCameo(result);
    if (g >= 0 && !result.empty()) {
      int object_np = -1;
      ComposedGovernor(v, ClauseOf(v), &object_np);
      std::optional<int> lower = petrarch::ToOntology(result);
      const ComposeRule* rule =
          object_np >= 0 ? petrarch::FindRule(lex_.compose_rules(), vg_code_[g], result, 'b')
                         : nullptr;
      if (rule) {
        // "wants Putin to attack": the dictionary's transformation (021).
        result = rule->result == "*" ? result : rule->result;
      } else if (object_np >= 0 && lower && petrarch::IsHighLevel(*lower)) {
        result.clear();  // "wants Putin to meet Ukraine": no code for Obama
      } else {
        result = petrarch::CombineCameo(vg_code_[g], result);
      }
      if (!result.empty() && SaysNot(g)) result = petrarch::NegateCameo(result);
      DropEvents(g, out);
      const std::string gword(p_.words[p_.verbs[g].head].lower);
      if (tracing_) {
        Trace("'" + word + "' (" + *code + ") composed with '" + gword + "' (" + vg_code_[g] +
              "): " + (result.empty() ? "no CAMEO code" : result));
      }
      *pattern_text += " (composed with '" + gword + "')";
    } else if (result != *code && tracing_) {
      Trace("'" + word + "' (" + *code +
            ") negated: " + (result.empty() ? "no CAMEO code" : result));
    }
    if (result.empty()) return false;
    *code = result;
    vg_code_[v] = result;
    return true;
  }

  // Where verb `v`'s phrase ends for PETRARCH-2's targets: at the subject
  // of the next verb that has one of its own after `v` ("…, US Deputy
  // Secretary Kupfer said"), else the end of the sentence.
  uint32_t PhraseEnd(int v) const {
    const VerbGroup& vg = p_.verbs[v];
    for (size_t u = static_cast<size_t>(v) + 1; u < p_.verbs.size(); ++u) {
      const VerbGroup& ug = p_.verbs[u];
      if (ug.infinitive || ug.gerund || ug.participle) continue;
      uint32_t k = ug.b;
      if (k > vg.e && np_of_[k - 1] >= 0 && nps_[np_of_[k - 1]].prep < 0 &&
          nps_[np_of_[k - 1]].b >= vg.e) {
        return nps_[np_of_[k - 1]].b;
      }
    }
    return static_cast<uint32_t>(p_.words.size());
  }

  // "There were 10 Russian soldiers killed in Ukraine": a past form after
  // an existential's noun phrase is a participle (PETRARCH-2 reads the
  // sentence as "10 Russian soldiers were killed in Ukraine").
  bool ExistentialParticiple(int v) const {
    const VerbGroup& vg = p_.verbs[v];
    if (v == 0 || vg.b != vg.head || p_.words[vg.head].vform != parse::VForm::kPast) return false;
    if (vg.b == 0 || np_of_[vg.b - 1] < 0) return false;
    const NP& np = nps_[np_of_[vg.b - 1]];
    const VerbGroup& be = p_.verbs[v - 1];
    return be.copula && be.e == np.b && be.b > 0 && p_.words[be.b - 1].lower == "there";
  }

  // "The civilians imprisoned for acting against Moscow were released": a
  // bare past form after a noun phrase that a later verb takes as its
  // subject is a participle in that phrase (PETRARCH-2's parser makes it
  // one), so a passive.
  bool ReducedRelativePetrarch(int v) const {
    const VerbGroup& vg = p_.verbs[v];
    if (vg.b != vg.head || vg.b == 0 || p_.words[vg.head].vform != parse::VForm::kPast)
      return false;
    int np = np_of_[vg.b - 1];
    if (np < 0 || nps_[np].prep >= 0 || vg.e >= p_.words.size() ||
        p_.words[vg.e].tag != Tag::kPrep) {
      return false;
    }
    for (size_t u = static_cast<size_t>(v) + 1; u < p_.verbs.size(); ++u) {
      const VerbGroup& ug = p_.verbs[u];
      if (!ug.finite || ug.b == ug.head) continue;  // a later verb with its auxiliary
      return SubjectBackPetrarch(static_cast<int>(u)) == np;
    }
    return false;
  }

  // A passive as PETRARCH-2 read it ("were killed in Ukraine by X", also a
  // participle after a noun, "soldiers killed in Ukraine"): the sources are
  // the actors after "by", "from" or "in" in the verb's phrase; the target
  // is the subject, else the first actor after "at", "against", "into" or
  // "towards". A passive with no source has no event of its own (a verb
  // that reports it may still code it).
  void PassivePetrarch(int v, int subj, std::vector<ActorX>* sources,
                       std::vector<ActorX>* targets) const {
    const VerbGroup& vg = p_.verbs[v];
    uint32_t end = ComplementStart(v);
    sources->clear();
    targets->clear();
    if (subj < 0) subj = SubjectBackPetrarch(v);
    *targets = Targets(subj);
    // "Evidence against Russia was presented": a phrase naming no actor
    // stands for the actor of its prepositional phrase.
    for (uint32_t k = subj >= 0 ? nps_[subj].e : vg.b; targets->empty() && k + 1 < vg.b; ++k) {
      if (VgIndexAt(k) >= 0 || p_.words[k].tag != Tag::kPrep || np_of_[k + 1] < 0) break;
      *targets = Targets(np_of_[k + 1]);
      k = nps_[np_of_[k + 1]].e - 1;
    }
    for (uint32_t k = vg.e; k + 1 < end; ++k) {
      if (VgIndexAt(k) >= 0) break;  // the next verb's phrase
      int np = np_of_[k + 1];
      if (np < 0 || np_of_[k] == np) continue;
      std::string_view prep = p_.words[k].lower;
      bool by = prep == "by" || prep == "from" || prep == "in";
      bool at = prep == "at" || prep == "against" || prep == "into" || prep == "towards";
      for (ActorX a : nps_[np].actors) {
        if (a.code.empty() || a.weak) continue;
        a.place = false;
        if (by) sources->push_back(a);
        if (at && targets->empty()) targets->push_back(a);
      }
    }
  }

  // False (with a trace) for a verb PETRARCH-2 reads no event of its own
  // in: a participle clause after a verb that was coded ("bombarded
  // Aleppo, killing eight people": the phrase already has its event) and an
  // infinitive after a noun ("to discuss efforts to counter IS": part of
  // the noun phrase).
  bool PetrarchCodes(int v, const Context& c) {
    const VerbGroup& vg = p_.verbs[v];
    const std::string word(p_.words[vg.head].lower);
    if (c.kind == parse::ClauseKind::kParticiple) {
      int m = MainVerbBefore(v);
      if (m >= 0 && vg_coded_[m]) {
        if (tracing_) Trace("'" + word + "' not coded: a participle clause after a coded verb");
        return false;
      }
    }
    // "for helping young militants join a group": the gerund's object and
    // its verb are inside the prepositional phrase too.
    int subj = vg_subject_[v];
    if (subj >= 0 && nps_[subj].b > 0 && nps_[subj].b < vg.b) {
      int u = VgIndexAt(nps_[subj].b - 1);
      if (u >= 0 && u < v && vg_in_pp_[u]) {
        if (tracing_) Trace("'" + word + "' not coded: inside a gerund's prepositional phrase");
        return false;
      }
    }
    if (c.kind == parse::ClauseKind::kInfinitive && vg.b > 0 && np_of_[vg.b - 1] >= 0 &&
        p_.words[vg.b - 1].tag == Tag::kNoun && Sources(np_of_[vg.b - 1]).empty()) {
      if (tracing_) Trace("'" + word + "' not coded: an infinitive after a noun");
      return false;
    }
    return true;
  }

  // The subject of verb `v` found back over prepositional phrases, gerunds
  // and participles ("The civilians imprisoned for acting against Moscow
  // were released": the civilians), or -1.
  int SubjectBackPetrarch(int v) const {
    uint32_t k = p_.verbs[v].b;
    while (k > 0) {
      uint32_t t = k - 1;
      if (np_of_[t] >= 0) {
        const NP& np = nps_[np_of_[t]];
        if (np.prep < 0) return np_of_[t];
        k = static_cast<uint32_t>(np.prep);
        continue;
      }
      int g = VgIndexAt(t);
      if (g >= 0) {
        const VerbGroup& gv = p_.verbs[g];
        if (!(gv.gerund || (gv.b == gv.head && p_.words[gv.head].vform == parse::VForm::kPast)))
          break;
        k = gv.b;
        continue;
      }
      Tag tag = p_.words[t].tag;
      if (tag != Tag::kPrep && tag != Tag::kAdv && tag != Tag::kTime) break;
      k = t;
    }
    return -1;
  }

  // PETRARCH-2 matches a passive verb's patterns the other way round: the
  // words after the verb in the pattern are sought in the subject ("Evidence
  // against Russia was presented": `* EVIDENCE` [1124]), the words before it
  // after "by" ("was demolished by a protestor": `PROTESTOR *` [145]).
  // Patterns with target or source slots are not tried.
  PatternHit PassivePatternPetrarch(const VerbEntry& ve, int v, int subj) {
    const VerbGroup& vg = p_.verbs[v];
    PatternHit best;
    if (subj < 0) subj = SubjectBackPetrarch(v);
    // The subject's words (with its prepositional phrases) up to the verb.
    VerbGroup window = vg;
    uint32_t end = vg.b;
    window.e = subj >= 0 ? nps_[subj].b : vg.b;
    // The by-phrase: its words end where the "before" words are sought from.
    window.head = vg.e;
    for (uint32_t k = vg.e; k + 1 < p_.words.size(); ++k) {
      if (VgIndexAt(k) >= 0) break;
      if (p_.words[k].lower == "by" && np_of_[k + 1] >= 0) {
        window.head = nps_[np_of_[k + 1]].e;
        break;
      }
    }
    window_ids_ = 0;
    for (uint32_t k = window.e; k < end; ++k) {
      window_ids_ |=
          PatternElement::IdBit(p_.words[k].id) | PatternElement::IdBit(p_.words[k].lemma_id);
    }
    for (const VerbPattern& pat : ve.patterns) {
      bool slots = pat.subject_is_target || pat.compound_subject;
      for (const PatternElement& el : pat.elements)
        slots = slots || el.target || el.source || el.skip_phrase;
      if (slots || (pat.before.empty() && window.e >= end) ||
          (!pat.before.empty() && window.head == vg.e)) {
        continue;
      }
      PatternHit hit;
      if (!MatchPattern(pat, window, end, &hit)) continue;
      if (hit.score > best.score || (hit.score == best.score && best.pattern &&
                                     SamePatternWords(*hit.pattern, *best.pattern))) {
        best = hit;
      }
    }
    return best;
  }

  // The first token of a clause or infinitive verb `v` governs ("said
  // (that) he would …", "agreed to lift …"), or the end of the sentence.
  uint32_t ComplementStart(int v) const {
    for (size_t u = static_cast<size_t>(v) + 1; u < p_.verbs.size(); ++u) {
      Context c = ClauseOf(static_cast<int>(u));
      int object_np = -1;
      if (c.kind == parse::ClauseKind::kInfinitive && c.governor_vg == v &&
          InfinitiveOf(static_cast<int>(u), v, &object_np)) {
        // "agreed to lift sanctions": the infinitive's words are its own;
        // "asking Obama to help": the one asked stays the verb's.
        return p_.verbs[u].b;
      }
      if (c.kind != parse::ClauseKind::kThat || c.governor_vg != v) continue;
      uint32_t b = p_.verbs[u].b;
      if (c.intro >= 0) return std::min<uint32_t>(b, static_cast<uint32_t>(c.intro));
      // "said he would": the clause begins with its subject.
      if (b > p_.verbs[v].e && np_of_[b - 1] >= 0 && nps_[np_of_[b - 1]].prep < 0) {
        return nps_[np_of_[b - 1]].b;
      }
      return b;
    }
    return static_cast<uint32_t>(p_.words.size());
  }

  // A verb in a clause that a coded verb governs ("The US claimed that ISIL
  // had attacked Iraq"): PETRARCH-2 codes the reporting verb's subject A
  // toward the nested event: by the dictionary's transformations (`compose`
  // rules: "A said that B attacked" is A>B 112), else by folding the two
  // codes (A>B when the nested act has a source B, A>its target when not),
  // which gives nothing CAMEO can say for most pairs. The nested event is
  // never coded on its own, nor the reporting verb's. Returns true when it
  // took the verb (whatever it emitted).
  bool ReportedPetrarch(int v, const Context& c, const std::vector<ActorX>& inner_sources,
                        const std::vector<ActorX>& inner_targets, const std::string& code,
                        const std::string& pattern_text, const std::string& origin,
                        std::vector<Event>* out) {
    int g = -1;
    if (c.kind == parse::ClauseKind::kThat && c.governor_vg >= 0 && c.governor_vg < v &&
        !vg_code_[c.governor_vg].empty()) {
      g = c.governor_vg;
    } else if (c.kind == parse::ClauseKind::kTemporal || c.kind == parse::ClauseKind::kReason ||
               c.kind == parse::ClauseKind::kCondition) {
      // "comes a day before Sarkozy heads to Beijing": a clause after the
      // main verb belongs to its phrase; coded only when the main verb gave
      // nothing, and then through it.
      int m = MainVerbBefore(v);
      if (m >= 0 && c.intro >= 0 && p_.verbs[m].e <= static_cast<uint32_t>(c.intro)) {
        if (vg_events_[m].second > vg_events_[m].first) {
          if (tracing_) {
            Trace("'" + std::string(p_.words[p_.verbs[v].head].lower) +
                  "' not coded: its clause belongs to a coded verb");
          }
          return true;
        }
        if (!SubjectActorsPetrarch(m).empty()) g = m;
      }
    }
    if (g < 0) return false;
    const std::string outer = vg_code_[g].empty() ? "---" : vg_code_[g];
    const std::string word(p_.words[p_.verbs[v].head].lower);
    const std::string gword(p_.words[p_.verbs[g].head].lower);
    DropEvents(g, out);
    std::vector<ActorX> reporters = SubjectActorsPetrarch(g);
    vg_reported_[v] = true;
    std::vector<ActorX> targets;
    for (const ActorX& t : inner_targets) {
      if (!t.place) targets.push_back(t);
    }
    char source = inner_sources.empty() ? '_' : 'b';
    for (const ActorX& s : inner_sources) {
      for (const ActorX& r : reporters) {
        if (s.code == r.code) source = 'a';
      }
    }
    const ComposeRule* rule = petrarch::FindRule(lex_.compose_rules(), outer, code, source);
    std::string result;
    const std::vector<ActorX>* others = &targets;
    std::string how;
    if (rule) {
      result = rule->result == "*" ? code : rule->result;
      if (rule->source == 'b' && source != '_') others = &inner_sources;
      how = "transformation " + rule->origin;
    } else if (source == '_') {
      result = petrarch::CombineCameo(outer, code);
      how = "composed with '" + gword + "'";
    } else {
      std::optional<int> q = petrarch::ToOntology(code);
      if (q && !petrarch::IsHighLevel(*q)) result = petrarch::CombineCameo(outer, code);
      others = &inner_sources;
      how = "composed with '" + gword + "'";
    }
    if (tracing_) {
      Trace("'" + word + "' (" + code + ") reported by '" + gword + "' (" + outer + "): " +
            (result.empty() ? "no CAMEO code" : result) + (rule ? " by " + rule->origin : ""));
    }
    if (result.empty() || reporters.empty()) return true;
    std::vector<std::pair<ActorX, ActorX>> pairs;
    for (const ActorX& r : reporters) {
      for (const ActorX& t : *others) {
        if (r.code != t.code) pairs.push_back({r, t});
      }
    }
    size_t before = out->size();
    Emit(g, pairs, result, pattern_text + " (reported by '" + gword + "')", origin, how, out);
    vg_events_[v] = {before, out->size()};
    if (out->size() > before) vg_coded_[v] = true;
    return true;
  }

  // The actors of verb `v`'s subject; for a subject that names none,
  // PETRARCH-2's reading of a noun phrase with a participle in it: "A
  // 500-page report released Tuesday in the Rwandan capital alleged" takes
  // the participle's source (the Rwandan capital: RWA).
  std::vector<ActorX> SubjectActorsPetrarch(int v) const {
    int subj = vg_subject_[v];
    std::vector<ActorX> a = Sources(subj);
    if (!a.empty()) return a;
    // Back over time words and prepositional phrases to a bare past form
    // that follows a noun phrase naming no actor.
    uint32_t k = p_.verbs[v].b;
    while (k > 0 && VgIndexAt(k - 1) < 0) {
      Tag t = p_.words[k - 1].tag;
      int np = np_of_[k - 1];
      if (np >= 0 && nps_[np].prep >= 0)
        k = nps_[np].prep;
      else if (np < 0 && (t == Tag::kTime || t == Tag::kAdv))
        --k;
      else
        break;
    }
    int p = k > 0 ? VgIndexAt(k - 1) : -1;
    if (p < 0 || p >= v) return a;
    const VerbGroup& pg = p_.verbs[p];
    if (pg.b != pg.head || pg.b == 0 || p_.words[pg.head].vform != parse::VForm::kPast) return a;
    int np = np_of_[pg.b - 1];
    if (np < 0 || !Sources(np).empty()) return a;
    std::vector<ActorX> targets;
    PassivePetrarch(p, np, &a, &targets);
    return a;
  }

  // "A report alleged that France was aware of …": a clause whose verb
  // codes nothing still names an actor, and PETRARCH-2 codes the reporting
  // verb toward it (RWA>FRA 110). Only the first verb of each clause a coded
  // verb governs, when no verb came before it in the clause.
  void UncodedClausesPetrarch(std::vector<Event>* out) {
    std::vector<bool> dropped(p_.verbs.size(), false);
    for (size_t u = 0; u < p_.verbs.size(); ++u) {
      int v = static_cast<int>(u);
      if (vg_reported_[u] || !vg_code_[u].empty()) continue;
      Context c = ClauseOf(v);
      if (c.kind != parse::ClauseKind::kThat || c.governor_vg < 0 || c.governor_vg >= v) continue;
      int g = c.governor_vg;
      if (vg_code_[g].empty()) continue;
      uint32_t from = c.intro >= 0 ? static_cast<uint32_t>(c.intro) : p_.verbs[g].e;
      bool first = true;
      for (uint32_t k = from; k < p_.verbs[u].b; ++k) first = first && VgIndexAt(k) < 0;
      if (!first) continue;
      std::vector<ActorX> reporters = SubjectActorsPetrarch(g);
      std::vector<ActorX> named = Sources(Subject(v, c));
      std::vector<std::pair<ActorX, ActorX>> pairs;
      for (const ActorX& r : reporters) {
        for (const ActorX& t : named) {
          if (r.code != t.code) pairs.push_back({r, t});
        }
      }
      if (pairs.empty()) continue;
      const std::string gword(p_.words[p_.verbs[g].head].lower);
      if (tracing_) {
        Trace("'" + gword + "' (" + vg_code_[g] + ") coded toward the subject of '" +
              std::string(p_.words[p_.verbs[u].head].lower) + "'");
      }
      // The governing verb's own events give way, once: a second clause of
      // the same verb adds its event to the first's.
      if (!dropped[g]) DropEvents(g, out);
      dropped[g] = true;
      size_t before = out->size();
      Emit(g, pairs, vg_code_[g], gword + " (toward a clause's subject)", "", "clause subject",
           out);
      vg_events_[v] = {before, out->size()};
    }
  }

  // Takes back the events verb group `g` gave.
  void DropEvents(int g, std::vector<Event>* out) {
    auto [b, e] = vg_events_[g];
    if (e <= b || e > out->size()) return;
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(b),
               out->begin() + static_cast<std::ptrdiff_t>(e));
    size_t n = e - b;
    for (auto& [rb, re] : vg_events_) {
      if (rb >= e) {
        rb -= n;
        re -= n;
      }
    }
    vg_events_[g] = {b, b};
    vg_coded_[g] = false;
  }

  // "X said (that) S": reported events in S are coded on their own; if S
  // holds none, X's statement is an event toward the first other actor of S
  // (a demand when S says someone must act).
  void CodeStatement(int v, const std::vector<ActorX>& sources, const std::string& code,
                     const std::string& pattern_text, const std::string& origin,
                     std::vector<Event>* out) {
    const auto& w = p_.words;
    const VerbGroup& vg = p_.verbs[v];
    uint32_t b = vg.e, e = static_cast<uint32_t>(w.size());
    if (Petrarch2()) e = PhraseEnd(v);  // "…, X said, two weeks after rebels kidnapped"
    if (Petrarch2() && ComplementStart(v) < w.size()) {
      // PETRARCH-2: a statement with a clause is coded through the clause's
      // events (ReportedPetrarch), or not at all.
      if (tracing_)
        Trace("statement '" + std::string(w[vg.head].lower) + "': coded by its clause, if at all");
      return;
    }
    // "…, X said." or '"…," X said': the complement is what came before.
    bool after_all = true;
    for (uint32_t k = vg.e; k < w.size(); ++k) {
      if (w[k].tag != Tag::kEnd && w[k].tag != Tag::kTime && w[k].tag != Tag::kPrep &&
          w[k].tag != Tag::kAdv && np_of_[k] < 0 && w[k].tag != Tag::kQuote) {
        after_all = false;
        break;
      }
    }
    // A quotation before the speaker ('"…," X said') is the speaker's own
    // statement; an attribution after a report ("…, officials said") only
    // says where the news came from.
    int sub = vg_subject_[v];
    uint32_t first = sub >= 0 ? std::min<uint32_t>(nps_[sub].b, vg.b) : vg.b;
    uint32_t q = first;
    while (q > 0 && (w[q - 1].tag == Tag::kComma || w[q - 1].tag == Tag::kAdv)) --q;
    if (q > 0 && w[q - 1].tag == Tag::kQuote) {
      b = 0;
      e = first;
    } else if (after_all || (vg.b > 0 && (w[vg.b - 1].tag == Tag::kComma ||
                                          w[vg.b - 1].tag == Tag::kQuote))) {
      if (tracing_) Trace("attribution '" + std::string(w[vg.head].lower) + "' is not a statement event");
      return;
    }
    for (const ActorX& s : sources) {
      if (s.located || s.pronoun) {
        if (tracing_) Trace("statement by an unnamed speaker is not an event");
        return;
      }
    }
    // Any event verb coded (or codable) inside the complement wins.
    bool must = false;
    int must_np = -1;
    for (size_t g = 0; g < p_.verbs.size(); ++g) {
      const VerbGroup& gv = p_.verbs[g];
      if (static_cast<int>(g) == v || gv.b < b || gv.b >= e) continue;
      if (gv.must && !gv.negated) {
        must = true;
        int sj = vg_subject_[g];
        if (sj < 0) sj = Subject(static_cast<int>(g), ClauseOf(static_cast<int>(g)));
        must_np = sj;
      }
    }
    for (const Event& ev : *out) {
      if (ev.sentence == sno_ && ev.trigger_span.begin >= TokenBegin(b) &&
          ev.trigger_span.end <= TokenEnd(e)) {
        return;  // the statement only carries a reported event
      }
    }
    std::vector<ActorX> targets;
    if (must && must_np >= 0) {
      targets = Sources(must_np);
    }
    if (targets.empty()) {
      must = false;
      for (uint32_t k = b; k < e; ++k) {
        if (np_of_[k] < 0) continue;
        for (const ActorX& t : nps_[np_of_[k]].actors) {
          if (t.code.empty() || t.place || SameActor(sources, t)) continue;
          targets.push_back(t);
          break;
        }
        if (!targets.empty()) break;
        k = nps_[np_of_[k]].e - 1;
      }
    }
    if (targets.empty()) {
      if (tracing_) Trace("statement '" + std::string(w[vg.head].lower) + "': no other actor in what was said");
      return;
    }
    std::vector<std::pair<ActorX, ActorX>> pairs;
    for (const ActorX& s : sources) {
      for (const ActorX& t : targets) {
        if (s.code != t.code) pairs.push_back({s, t});
      }
    }
    if (must) {
      Emit(v, pairs, "100", "say + must", origin, "statement with 'must'", out);
    } else {
      Emit(v, pairs, code, pattern_text, origin, "statement", out);
    }
  }

  // "during a visit to Washington": a visit noun with a 'to' target, made by
  // the subject of the clause's verb.
  void CodeNounTriggers(std::vector<Event>* out) {
    const auto& w = p_.words;
    for (uint32_t k = 0; k + 2 < w.size(); ++k) {
      std::string_view l = w[k].lower;
      if (!(l == "visit" || l == "trip" || l == "tour")) continue;
      if (w[k].tag != Tag::kNoun) continue;
      if (w[k + 1].lower != "to" || np_of_[k + 2] < 0) continue;
      const VerbEntry* ve = lex_.Verb("visit");
      if (!ve || ve->code.empty()) return;
      // The clause's verb: the nearest finite verb group before the noun.
      int g = -1;
      for (int v = static_cast<int>(p_.verbs.size()) - 1; v >= 0; --v) {
        if (p_.verbs[v].b < k && !p_.verbs[v].infinitive) {
          g = v;
          break;
        }
      }
      if (g < 0) continue;
      // "cancelled a planned visit to Haiti": a visit not made.
      if ((k > 0 && parse::IsNotYetWord(w[k - 1].lower)) ||
          (k > 1 && parse::IsNotYetWord(w[k - 2].lower)) ||
          parse::IsUnmakingVerb(w[p_.verbs[g].head].lemma)) {
        continue;
      }
      Context c = ClauseOf(g);
      std::string why = Blocked(g, c);
      if (!why.empty() && why != "gerund") continue;
      int subj = vg_subject_[g];
      std::vector<ActorX> sources = Sources(subj);
      if (p_.verbs[g].passive) sources = Sources(subj);
      std::vector<ActorX> targets = Targets(np_of_[k + 2]);
      std::vector<std::pair<ActorX, ActorX>> pairs;
      for (const ActorX& s : sources) {
        for (const ActorX& t : targets) {
          if (!SameActor(sources, t)) pairs.push_back({s, t});
        }
      }
      if (pairs.empty()) continue;
      bool dup = false;
      for (const Event& ev : *out) {
        if (ev.sentence == sno_ && ev.root == "04") dup = true;
      }
      if (dup) continue;
      Emit(-1, pairs, ve->code, "visit (noun) to+", ve->code_origin, "noun 'visit to'", out,
           static_cast<int>(k));
    }
  }

  uint32_t TokenBegin(uint32_t k) const {
    if (k >= p_.words.size()) return s_->end;
    return doc_.tokens[s_->token_begin + k].begin;
  }
  uint32_t TokenEnd(uint32_t k) const {
    if (k == 0) return s_->begin;
    if (k > p_.words.size()) k = static_cast<uint32_t>(p_.words.size());
    return doc_.tokens[s_->token_begin + k - 1].end;
  }

  Actor MakeActor(const ActorX& a) const {
    Actor out;
    out.code = a.code;
    ActorCodeParts parts = lex_.SplitActorCode(a.code);
    out.country = parts.country;
    out.group = parts.group;
    out.types = parts.types;
    if (a.e <= a.b) {  // an actor from the story, not from these words
      out.name = lex_.CountryName(a.code.substr(0, 3));
      return out;
    }
    out.span = {TokenBegin(a.b), TokenEnd(a.e)};
    out.name = std::string(doc_.Original(out.span.begin, out.span.end));
    return out;
  }

  void Emit(int v, const std::vector<std::pair<ActorX, ActorX>>& pairs_in, const std::string& code,
            const std::string& pattern_text, const std::string& origin, const std::string& how,
            std::vector<Event>* out, int trigger_token = -1) {
    const EventCodeInfo* info = lex_.EventCode(code);
    if (!info) return;
    size_t n_pairs = pairs_in.size();
    if (static_cast<int>(n_pairs) > opt_.max_pairs) n_pairs = static_cast<size_t>(opt_.max_pairs);
    std::span<const std::pair<ActorX, ActorX>> pairs(pairs_in.data(), n_pairs);  // no copy
    uint32_t tb = trigger_token >= 0 ? static_cast<uint32_t>(trigger_token) : p_.verbs[v].head;
    std::string parent;
    if (pairs.size() > 1) {
      parent = Hex64(Fnv(story_.id + "\x1f" + std::to_string(sno_) + "\x1fp" + std::to_string(tb)));
    }
    const Context clause = v >= 0 ? ClauseOf(v) : Context();
    bool participle = v >= 0 && clause.kind == parse::ClauseKind::kParticiple;
    // "marched to protest …", "staged demonstrations demanding …": what a
    // protest voices adds nothing to the protest already coded.
    bool purpose = v >= 0 && ((clause.kind == parse::ClauseKind::kInfinitive &&
                               PurposeOfProtest(v, clause)) ||
                              VoicingGerund(v));
    for (const auto& [s, t] : pairs) {
      // One event per dyad and code in a sentence; a participle adjunct adds
      // nothing to a dyad its main clause already coded.
      // A participle that only describes the main act's consequence
      // ("shelled Kherson, killing two civilians") is the same act: same
      // countries, same quad class.
      bool dup = false;
      for (const Event& ev : *out) {
        if (ev.sentence != sno_ || ev.story_id != story_.id) continue;
        bool same_dyad = ev.source.code == s.code && ev.target && ev.target->code == t.code;
        bool same_countries = ev.source.code.substr(0, 3) == s.code.substr(0, 3) && ev.target &&
                              ev.target->code.substr(0, 3) == t.code.substr(0, 3);
        if (same_dyad && ev.code == code) dup = true;
        if (participle && same_countries && ev.quad_class == info->quad_class) dup = true;
        if (purpose && ev.source.code == s.code && (ev.root == info->root || ev.root == "14")) {
          dup = true;
        }
      }
      if (dup) continue;
      Event ev;
      ev.story_id = story_.id;
      ev.sentence = sno_;
      ev.date = story_.date;
      ev.pub_date = story_.date;
      ev.source = MakeActor(s);
      if (!t.code.empty()) ev.target = MakeActor(t);
      ev.code = code;
      ev.root = info->root;
      ev.goldstein = info->goldstein;
      ev.quad_class = info->quad_class;
      ev.plover = info->plover;
      ev.plover_mode = info->plover_mode;
      ev.text = std::string(doc_.Original(s_->begin, s_->end));
      ev.trigger_span = {TokenBegin(tb), TokenEnd(tb + 1)};
      ev.trigger = std::string(doc_.Original(ev.trigger_span.begin, ev.trigger_span.end));
      ev.pattern = pattern_text;
      ev.pattern_origin = origin;
      ev.parent_id = parent;
      double conf = how == "pattern" ? 0.9 : how == "object" || how == "passive" ? 0.85 : 0.75;
      if (how == "statement" || how == "sentence location" || how == "place") conf = 0.65;
      if (s.located || t.located) conf -= 0.1;
      if (s.pronoun || t.pronoun) conf -= 0.1;
      ev.confidence = conf;
      ev.notes.push_back(how);
      if (s.located) ev.notes.push_back("source country from a place");
      if (t.located) ev.notes.push_back("target country from a place");
      if (s.pronoun) ev.notes.push_back("source from a pronoun");
      if (t.pronoun) ev.notes.push_back("target from a pronoun");
      // Stable id: story id, sentence number and the event's ordinal in the sentence.
      int ordinal = 0;
      for (const Event& prev : *out) {
        if (prev.sentence == sno_ && prev.story_id == story_.id) ++ordinal;
      }
      uint64_t h = Fnv(story_.id);
      h = Fnv("\x1f" + std::to_string(sno_) + "\x1f" + std::to_string(ordinal), h);
      ev.id = Hex64(h);
      out->push_back(std::move(ev));
    }
  }

  const Lexicon& lex_;
  const CoderOptions& opt_;
  const bool reference_;  // TABARI/PETRARCH semantics (CoderOptions::semantics)
  std::string anonymous_prefix_;  // "---" or "~" for countryless roles; "" = not actors
  const Story& story_;
  const Document& doc_;
  const Sentence* s_ = nullptr;
  int sno_ = 0;
  int date_;
  int story_year_ = 0;
  bool tracing_ = false;
  std::vector<ActorX>* context_;
  std::map<std::string, int>* salience_;  // story mentions by country, earlier sentences
  std::string* trace_;
  SentenceParse p_;
  std::vector<NP> nps_;
  std::vector<int> np_of_;
  std::vector<int> vg_of_;  // verb group of each token, -1 outside
  std::vector<uint32_t> candidates_;  // patterns worth trying for one verb
  uint64_t window_ids_ = 0;  // PatternElement::IdBit of the words in the verb's window
  std::vector<std::pair<uint32_t, std::string>> locations_;
  uint32_t attribution_ = 0;  // first token of a trailing "…, X said" (or the sentence's end)
  std::vector<int> vg_subject_;
  std::vector<bool> vg_coded_;  // the verb group gave an event
  // PETRARCH-2 composition: each verb group's code (after its patterns; ""
  // when it has none) and the range of `out` its events took.
  std::vector<std::string> vg_code_;
  std::vector<std::pair<size_t, size_t>> vg_events_;
  std::vector<bool> vg_reported_;  // ReportedPetrarch took the verb group
  std::vector<bool> vg_in_pp_;     // a gerund in a prepositional phrase (PETRARCH-2)
  int match_subject_ = -1;       // subject phrase of the verb whose patterns are tried
  struct PendingStatement {
    int v;
    std::vector<ActorX> sources;
    std::string code, pattern, origin;
  };
  std::vector<PendingStatement> statements_;
};

}  // namespace

bool ParseSemantics(const std::string& name, Semantics* out) {
  if (name == "dyad") *out = Semantics::kDyad;
  else if (name == "tabari") *out = Semantics::kTabari;
  else if (name == "petrarch") *out = Semantics::kPetrarch;
  else return false;
  return true;
}

Coder::Coder(std::shared_ptr<const Lexicon> lex, CoderOptions options)
    : lex_(std::move(lex)), options_(options) {}

void Coder::CodeStory(const Story& story, std::vector<Event>* events, CodeStats* stats,
                      std::string* trace) const {
  // One Document per thread, reused: its buffers keep their capacity.
  thread_local Document doc;
  AnalyzeText(story.text, &doc);
  CodeDocument(story, doc, events, stats, trace);
}

void Coder::CodeDocument(const Story& story, const Document& doc, std::vector<Event>* events,
                         CodeStats* stats, std::string* trace) const {
  if (options_.semantics == Semantics::kTabari && options_.tabari) {
    tabari::CodeDocument(*options_.tabari, *lex_, story, doc, events, stats,
                         options_.trace ? trace : nullptr);
    return;
  }
  CodeStats local;
  local.stories = 1;
  local.invalid_bytes = doc.invalid_bytes;
  int date = DateToInt(story.date);
  std::vector<ActorX> context;
  context.reserve(17);  // Run() keeps the last 16 actors (pushes a 17th, then drops the first)
  std::map<std::string, int> salience;
  size_t first = events->size();
  SentenceCoder sc(*lex_, options_, story, doc, date, &context, &salience, trace);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    ++local.sentences;
    if (s.heading) continue;
    int n = sc.Run(s, static_cast<int>(i), events);
    if (n < 0) ++local.sentences_discarded;
    if (n > 0) ++local.sentences_coded;
  }
  local.events = events->size() - first;
  if (stats) stats->Add(local);
}

}  // namespace dyad
