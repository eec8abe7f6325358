#include "code/actors.h"

#include <unordered_set>

#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "code/places.h"
#include "parse/word_set.h"

namespace dyad::code {

using parse::Tag;
using parse::Word;

namespace {

// Head nouns that name a person, not an institution: "the president", "its
// spokeswoman", "the envoy" (for "he" and "she").
bool IsPersonNoun(std::string_view l) {
  static const parse::Set kPeople = {
      "president",  "minister",   "premier",     "chancellor", "leader",      "spokesman",
      "spokeswoman", "spokesperson", "envoy",    "ambassador", "diplomat",    "official",
      "general",    "commander",  "chief",       "secretary",  "king",        "queen",
      "prince",     "princess",   "emperor",     "sultan",     "emir",        "monarch",
      "governor",   "mayor",      "senator",     "lawmaker",   "legislator",  "prosecutor",
      "judge",      "activist",   "candidate",   "lawyer",     "dissident",   "journalist",
      "negotiator", "mediator",   "adviser",     "advisor",    "speaker",     "chairman",
      "chairwoman", "chairperson", "director",   "head",
      "politician", "strongman",  "dictator",    "ruler",      "colonel",     "captain",
      "vice-president", "deputy", "counterpart", "pope",  "cleric",
      "imam",       "rabbi",      "bishop",      "patriarch",  "founder",     "owner",
      "businessman", "businesswoman", "tycoon",  "billionaire", "soldier",    "officer",
      "man",        "woman",      "boy",         "girl",       "father",      "mother",
      "son",        "daughter",   "widow",       "husband",    "wife",        "brother",
      "sister",     "rapporteur", "commissioner", "inspector", "representative", "successor",
      "predecessor", "incumbent", "nominee",    "laureate",   "nationalist",  "populist"};
  return parse::Contains(kPeople, l);
}

// 'm' or 'f' for a word that says a person's sex ("spokesman", "queen",
// "Mrs"), else 0.
char GenderOf(std::string_view l) {
  static const parse::Set kMale = {
      "spokesman", "chairman", "businessman", "king", "prince", "emperor", "sultan", "emir",
      "man", "boy", "father", "son", "husband", "brother", "mr", "mr.", "sir", "lord", "pope"};
  static const parse::Set kFemale = {
      "spokeswoman", "chairwoman", "businesswoman", "queen", "princess", "empress", "woman",
      "girl", "mother", "daughter", "wife", "sister", "widow", "mrs", "mrs.", "ms", "ms.",
      "madam", "lady", "dame"};
  if (parse::Contains(kMale, l)) return 'm';
  if (parse::Contains(kFemale, l)) return 'f';
  return 0;
}

void CopyResolved(const ActorRef& from, ActorRef* a) {
  a->country = from.country;
  if (!a->role.empty() && from.code.size() >= 3) {
    a->code = from.code.substr(0, 3) + a->role;  // "its soldiers" -> LBNMIL
  } else {
    a->code = from.code;
  }
}

}  // namespace

void ActorStage::Run() {
  for (Phrase& np : a_.phrases) ResolvePhrase(&np);
  if (env_.rd.new_actor_length > 0) {
    for (Phrase& np : a_.phrases) NewActor(&np);
  }
  // Pronouns and role nouns without a country.
  for (size_t k = 0; k < a_.phrases.size(); ++k) {
    if (env_.rd.role_from_next_phrase) CountriesFromPhrase(&a_.phrases[k]);
    if (env_.rd.speaker_for_phrase) SpeakerFor(&a_.phrases[k]);
    if (env_.rd.two_parties) TwoParties(&a_.phrases[k], static_cast<int>(k));
    if (env_.rd.bloc_reference) TheBloc(&a_.phrases[k], static_cast<int>(k));
    plural_from_ = -1;
    for (ActorRef& a : a_.phrases[k].actors) {
      if (a.pronoun && a.code.empty()) ResolvePronoun(&a, static_cast<int>(k));
      if (a.code.empty() && !a.role.empty()) InheritCountry(&a, a_.phrases[k]);
      if (a.code.empty() && !a.prefix.empty()) {
        a.code = a.prefix + (a.role == "-" ? "" : a.role);  // "human rights activists": NGM
        a.how = "agent with no country";
      }
      // The reference coders code a role with no country as "---ROLE" (TABARI: "~ROLE").
      if (a.code.empty() && !a.role.empty() && !env_.rd.anonymous_prefix.empty() && !a.pronoun) {
        a.code = env_.rd.anonymous_prefix + a.role;
        a.how = "role with no country (reference coders)";
      }
    }
    // "Mali, Burkina Faso and Niger said they were leaving": "they" is all
    // of them.
    if (env_.rd.plural_pronoun_all && plural_from_ >= 0 && a_.phrases[k].actors.size() == 1) {
      const ActorRef first = a_.phrases[k].actors[0];
      for (const ActorRef& x : a_.phrases[plural_from_].actors) {
        if (x.code.empty() || x.place || x.pronoun || x.code == first.code) continue;
        ActorRef more = first;
        CopyResolved(x, &more);
        more.antecedent = static_cast<int>(x.b);
        a_.phrases[k].actors.push_back(more);
      }
    }
    if (env_.rd.share_agent) ShareAgent(&a_.phrases[k]);
  }
}

// PETRARCH-2 joins a noun phrase's agent to every actor in it: "US and
// British activists" are USAOPP and GBROPP. A bare country named before
// an actor with a role takes the role.
void ActorStage::ShareAgent(Phrase* np) const {
  for (const ActorRef& x : np->actors) {
    if (x.place || x.weak || x.pronoun || x.country.size() != 3 || x.code.size() <= 3 ||
        x.code.compare(0, 3, x.country) != 0) {
      continue;
    }
    std::string role = x.code.substr(3);
    for (ActorRef& y : np->actors) {
      if (&y == &x || y.place || y.weak || y.pronoun || y.e > x.b) continue;
      if (!y.code.empty() && y.code == y.country) y.code += role;
    }
    return;
  }
}

void ActorStage::ResolvePhrase(Phrase* np) {
  const auto& w = a_.parse.words;
  if (np->pronoun) {
    std::string_view l = w[np->b].lower;
    if (l == "it" || l == "they" || l == "he" || l == "she" || l == "them" || l == "him") {
      ActorRef a;
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
  std::vector<ActorRef> head = Conjuncts(np->b, of, /*share_country=*/of == np->e);
  std::vector<ActorRef> tail = of < np->e ? Conjuncts(of + 1, np->e) : std::vector<ActorRef>();
  if (of < np->e) {
    np->of = static_cast<int>(of);
    np->of_actors = tail;
  }
  bool head_has_base = false, head_role_only = false;
  std::string head_role;
  for (const ActorRef& a : head) {
    if (!a.code.empty() && !a.place) head_has_base = true;
    if (a.code.empty() && !a.role.empty()) {
      head_role_only = true;
      head_role = a.role;
    }
  }
  // "the Uzbeks of southern Kyrgyzstan": a people of another state.
  if (env_.rd.people_of_state && head.size() == 1 && head[0].people) {
    for (const ActorRef& t : tail) {
      if (t.country.size() == 3 && t.country != head[0].country) {
        head[0].country = t.country;
        head[0].code = t.country + "CVL";
        head[0].how = "people + the state of its 'of' phrase";
        head[0].people = false;
        break;
      }
    }
  }
  if (head_has_base) {
    np->actors = std::move(head);
    // "Peru and the army of Chile": the reference coders give the
    // last conjunct, a bare role, the country of the "of" phrase (CHLGOV).
    // "Peru's farmers and herders of Chile": a last conjunct that names no
    // actor takes the "of" phrase's (PER and CHL).
    if (env_.rd.of_phrase_conjuncts && !tail.empty()) {
      uint32_t last = of;
      while (last > np->b && w[last - 1].tag != Tag::kCoord && w[last - 1].tag != Tag::kComma) {
        --last;
      }
      bool named = false;
      for (uint32_t k = last; k < of; ++k) named |= w[k].mention >= 0;
      if (last > np->b && !named) {
        for (const ActorRef& t : tail) {
          if (!t.code.empty() && !t.weak) np->actors.push_back(t);
        }
      }
    }
    if (env_.rd.of_phrase_conjuncts && !tail.empty() && np->actors.back().code.empty() &&
        !np->actors.back().role.empty()) {
      for (const ActorRef& t : tail) {
        if (t.code.size() >= 3 && t.role.empty() && !t.weak) {
          ActorRef& last = np->actors.back();
          last.country = t.code.substr(0, 3);
          last.code = last.country + (last.role == "-" ? "" : last.role);
          break;
        }
      }
    }
  } else if (head_role_only && !tail.empty()) {
    // "the presidents of Venezuela and Guyana" -> VENGOV, GUYGOV;
    // "residents of Adigrat" -> the place's country with the role.
    for (ActorRef t : tail) {
      if (t.code.empty() && t.country.empty()) continue;
      if (t.role.empty()) {
        std::string country = !t.country.empty() ? t.country : t.code.substr(0, 3);
        t.code = country + (head_role == "-" ? "" : head_role);
        t.how = "role noun + its 'of' phrase";
        t.country = country;
        t.place = false;
        t.weak = false;
        t.b = std::min(t.b, head.front().b);
      }
      np->actors.push_back(std::move(t));
    }
    if (np->actors.empty()) np->actors = std::move(head);
  } else if (!head.empty() && tail.empty()) {
    np->actors = std::move(head);
  } else {
    // "hundreds of Bangladeshis", "the city of Kherson", "one of its soldiers".
    np->actors = std::move(tail);
    if (np->actors.empty()) np->actors = std::move(head);
  }
}

// PETRARCH's new actors: a capitalised phrase of known length that names no
// actor is one, coded by its words ('"LAKE DISTRICT WATER BOARD"').
void ActorStage::NewActor(Phrase* np) {
  if (!np->actors.empty() || np->pronoun) return;
  const auto& w = a_.parse.words;
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
  if (!capital || n == 0 || n > env_.opt.new_actor_length) return;
  ActorRef a;
  a.code = "\"" + words + "\"";
  a.how = "new actor: a capitalised phrase (reference coders)";
  a.b = np->b;
  a.e = np->e;
  np->actors.push_back(a);
}

// Splits [b, e) at coordinators and builds one actor per conjunct.
// share_country: a role-only conjunct may take its neighbour's country
// (not when an "of" phrase follows that names its own: "the officials of Chile").
std::vector<ActorRef> ActorStage::Conjuncts(uint32_t b, uint32_t e, bool share_country) {
  std::vector<ActorRef> out;
  uint32_t start = b;
  for (uint32_t k = b; k <= e; ++k) {
    if (k == e || a_.parse.words[k].tag == Tag::kCoord || a_.parse.words[k].tag == Tag::kComma) {
      if (k > start) {
        ActorRef a;
        if (ConjunctActor(start, k, &a)) out.push_back(std::move(a));
      }
      start = k + 1;
    }
  }
  // "Turkish drones and tanks": a role noun with no country of its
  // own takes the country of the conjunct before it.
  for (size_t k = 1; share_country && env_.rd.conjunct_country && k < out.size(); ++k) {
    if (out[k].code.empty() && !out[k].role.empty() && !out[k].pronoun &&
        out[k - 1].country.size() == 3 && !out[k - 1].place && !out[k - 1].weak) {
      out[k].country = out[k - 1].country;
      out[k].code = out[k].country + out[k].role;
    }
  }
  // "Colombian and Ecuadorian police": the last conjunct's role is shared
  // by earlier demonym-only conjuncts.
  if (out.size() > 1) {
    const ActorRef& last = out.back();
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

bool ActorStage::ConjunctActor(uint32_t b, uint32_t e, ActorRef* a) {
  const auto& w = a_.parse.words;
  a->b = b;
  a->e = e;
  std::string base, country, role, place_country, prefix;
  bool demonym_adj = false, former = false, have_base_entity = false, possessive_pron = false;
  bool any_actor_word = false, base_is_person = false, ethnic = false;
  // The entries that gave the base, the country, the role and the place.
  int base_entry = -1, country_entry = -1, role_entry = -1, place_entry = -1;
  for (uint32_t k = b; k < e; ++k) {
    if (w[k].lower == "former" || w[k].lower == "ex") former = true;
    if (w[k].tag == Tag::kPossPron && (w[k].lower == "its" || w[k].lower == "their" ||
                                       w[k].lower == "his" || w[k].lower == "her")) {
      possessive_pron = true;
    }
    if (w[k].mention < 0) continue;
    const parse::Mention& m = a_.parse.mentions[w[k].mention];
    if (m.b != k) continue;
    const LexEntry& ent = env_.lex.entry(m.entry);
    switch (ent.kind) {
      case EntryKind::kPerson:
      case EntryKind::kOrg:
      case EntryKind::kGroup:
      case EntryKind::kCapital:
        if (!have_base_entity) {
          base = ent.CodeOn(env_.date);
          base_entry = static_cast<int>(m.entry);
          have_base_entity = true;
          base_is_person = ent.kind == EntryKind::kPerson;
          any_actor_word = true;
          if (ent.kind == EntryKind::kPerson && former && base.size() >= 3) {
            base = base.substr(0, 3) + "ELI";
          }
        }
        break;
      case EntryKind::kCountry:
        if (country.empty()) {
          country = ent.CodeOn(env_.date);
          country_entry = static_cast<int>(m.entry);
        }
        any_actor_word = true;
        break;
      case EntryKind::kDemonym:
        if (country.empty()) {
          country = ent.CodeOn(env_.date);
          country_entry = static_cast<int>(m.entry);
          demonym_adj = (m.e < e);  // something follows the demonym in the phrase
          // "ethnic Albanians in Serbia": a people is coded to the state it
          // lives in, when the sentence places it in another one.
          if (env_.rd.ethnic_home && k > b && w[k - 1].lower == "ethnic") {
            std::string home = NearestLocation(a_, b, e);
            if (!home.empty() && home != country.substr(0, 3)) {
              country = home;
              ethnic = true;
            }
          }
        }
        any_actor_word = true;
        break;
      case EntryKind::kAgent: {
        const std::string& r = ent.CodeOn(env_.date);
        if (!r.empty() && r.back() == '~') {
          prefix = r.substr(0, r.size() - 1);  // "MSF Peru": NGOPER
        } else if (r != "-" || role.empty()) {
          role = r;
          role_entry = static_cast<int>(m.entry);
        }
        any_actor_word = true;
        break;
      }
      case EntryKind::kPlace:
        if (place_country.empty()) {
          place_country = ent.CodeOn(env_.date);
          place_entry = static_cast<int>(m.entry);
        }
        break;
      case EntryKind::kDiscard:
        break;
    }
  }
  // "South African leader", "Palestinian leaders": a person noun with no
  // role of its own still names a person of that country.
  bool person_noun = role == "-";
  // The phrase's head word, before a possessive "'s".
  uint32_t head_k = e - 1;
  if (w[head_k].tag == Tag::kPoss && head_k > b) --head_k;
  {
    a->human = (have_base_entity && base_is_person) || person_noun || IsPersonNoun(w[head_k].lower);
    // "former president Hissene Habre": a name after a person noun.
    if (!a->human && (w[head_k].tag == Tag::kProper || w[head_k].capitalized)) {
      for (uint32_t k = b; k < head_k && !a->human; ++k) a->human = IsPersonNoun(w[k].lower);
    }
    for (uint32_t k = b; k <= head_k && a->human && a->gender == 0; ++k) a->gender = GenderOf(w[k].lower);
  }
  if (role == "-") role.clear();
  if (ethnic && role.empty()) role = "CVL";
  {
    std::string_view head = w[head_k].lower;
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
    } else if (env_.rd.place_phrases && IsPlaceNoun(last)) {
      place_country = country;  // "the Caribbean island of St Vincent": where
      place_entry = country_entry;
      country.clear();
    } else {
      weak = true;
    }
  }
  // "Ghanaian President John Mahama" where the dictionary knows another
  // person of that name: the country the phrase states wins over the person's.
  if (env_.rd.stated_country_wins && have_base_entity && !country.empty() && base.size() >= 3 && !role.empty() &&
      base_is_person &&
      base.substr(0, 3) != country.substr(0, 3) && env_.lex.SplitActorCode(base).country.size() == 3) {
    have_base_entity = false;
  }
  if (have_base_entity) {
    a->code = base;
    if (base.size() == 3 && !role.empty()) a->code += role;
    a->country = base.size() >= 3 ? base.substr(0, 3) : "";
    if (!env_.lex.SplitActorCode(a->code).country.empty()) a->country = a->code.substr(0, 3);
    else a->country.clear();
    a->entry = base_entry;
    a->how = base.size() == 3 && !role.empty() ? "name + role noun" : "name";
  } else if (env_.rd.place_phrases && !country.empty() && role.empty() && !demonym_adj && e - b > 1 &&
             IsPlaceNoun(w[e - 1].lower) && w[e - 1].mention < 0) {
    // "the Caribbean island (of St Vincent)", "the Ukraine border": where.
    a->code = a->country = country.substr(0, 3);
    a->place = true;
    a->entry = country_entry;
    a->how = "place noun of a country";
  } else if (!country.empty()) {
    a->country = country.substr(0, 3);
    a->code = country + role;
    a->weak = weak;
    a->people = role.empty() && w[e - 1].mention >= 0 && w[e - 1].lower.back() == 's' &&
                env_.lex.entry(a_.parse.mentions[w[e - 1].mention].entry).kind == EntryKind::kDemonym;
    a->bare_demonym = role.empty() && !demonym_adj && e - b == 1 && w[b].mention >= 0 &&
                      env_.lex.entry(a_.parse.mentions[w[b].mention].entry).kind == EntryKind::kDemonym &&
                      w[b].lower.back() != 's';
    a->entry = country_entry;
    a->how = weak ? "demonym on a noun that is no actor" : ethnic ? "ethnic group: the state it lives in"
             : !role.empty() ? "country or demonym + role noun" : "country or demonym";
  } else if (!role.empty()) {
    a->role = role;  // country to be inherited
    a->entry = role_entry;
    a->how = "role noun";
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
    a->entry = place_entry;
    a->how = "place";
  } else if (possessive_pron) {
    // "his resignation", "its airspace": the possessor, as a target only
    // unless the phrase names an actor ("its troops" has a role above).
    a->pronoun = true;
    a->weak = !any_actor_word;
    a->how = "possessive pronoun";
  } else if (!prefix.empty()) {
    a->prefix = prefix;  // "MSF" alone: NGO, or NGOPER with a country found later
    a->entry = role_entry;
    a->how = "agent";
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

// it/they/its -> the nearest earlier actor in the sentence, else the story.
void ActorStage::ResolvePronoun(ActorRef* a, int np_index) {
  std::string_view l = a_.parse.words[a->b].lower;
  bool person = (l == "he" || l == "him" || l == "his" || l == "she" || l == "her");
  // The sex a word of a person says, which the pronoun must not contradict.
  const char other_sex = !env_.rd.pronoun_persons ? 0
                         : (l == "he" || l == "him" || l == "his") ? 'f'
                         : (l == "she" || l == "her")              ? 'm'
                                                                   : 0;
  bool singular = (l == "it" || l == "its");
  bool plural = (l == "they" || l == "them" || l == "their" || l == "theirs");
  const auto& words = a_.parse.words;
  // "Germany, which has troops in Lithuania, said it …": a relative clause
  // opened and closed by commas before the pronoun holds no antecedent.
  auto in_closed_aside = [&](const Phrase& ph) {
    if (!env_.rd.asides_hold_no_antecedent) return false;
    int k = static_cast<int>(ph.b) - 1;
    while (k >= 0 && words[k].tag != Tag::kComma) --k;
    if (k < 0 || words[k + 1].tag != Tag::kRel) return false;
    for (uint32_t j = ph.e; j < a->b; ++j) {
      if (words[j].tag == Tag::kComma) return true;
    }
    return false;
  };
  // "they", "them": the nearest plural phrase before it, an actor's or not
  // ("described the Western proposals as … and rejected them"); a single
  // state is "it", never "they".
  if (plural && env_.rd.pronoun_number) {
    const auto& w = a_.parse.words;
    for (int k = np_index - 1; k >= 0; --k) {
      const Phrase& p = a_.phrases[k];
      int named = 0;
      for (const ActorRef& x : p.actors) named += (!x.code.empty() && !x.place) ? 1 : 0;
      const Word& head = w[p.e - 1];
      bool plural_head = head.tag == Tag::kNoun && head.lower.size() > 3 && head.lower.back() == 's' &&
                         head.lower[head.lower.size() - 2] != 's';
      if (named < 2 && !plural_head) continue;
      if (in_closed_aside(p)) continue;
      for (const ActorRef& x : p.actors) {
        if (x.code.empty() || x.place || x.pronoun) continue;
        CopyResolved(x, a);
        a->antecedent = static_cast<int>(x.b);
        a->how = "pronoun: the nearest plural phrase";
        plural_from_ = k;
        return;
      }
      return;  // a plural thing, not an actor: no guess
    }
  }
  // "he", "she": a person of the sentence when it names one; an
  // institution ("the tribunal") is never "she".
  bool person_before = false;
  if (person && env_.rd.pronoun_persons) {
    for (int k = np_index - 1; k >= 0 && !person_before; --k) {
      for (const ActorRef& x : a_.phrases[k].actors) {
        person_before = person_before ||
                        (x.human && x.gender != other_sex && !x.code.empty() && !x.place && !x.weak);
      }
    }
  }
  for (int k = np_index - 1; k >= 0; --k) {
    if (in_closed_aside(a_.phrases[k])) continue;
    for (auto it = a_.phrases[k].actors.rbegin(); it != a_.phrases[k].actors.rend(); ++it) {
      if (it->code.empty() || it->place || it->weak) continue;
      if (person && it->code.size() == 3) continue;
      if (person_before && (!it->human || it->gender == other_sex)) continue;
      // "its airspace" after "two Russian bombers": not the plural troops.
      if (singular && env_.rd.pronoun_number && PluralRoleNoun(*it)) continue;
      // "they" is not one named state or person.
      if (plural && env_.rd.pronoun_number && a_.phrases[k].actors.size() == 1 && !PluralRoleNoun(*it)) {
        continue;
      }
      CopyResolved(*it, a);
      a->antecedent = static_cast<int>(it->b);
      a->how = "pronoun: an earlier actor of the sentence";
      return;
    }
  }
  // Across sentences a pronoun usually continues the last subject
  // ("Turkey summoned the ambassador. It accused Stockholm …").
  if (const ActorRef* x = discourse_.PronounAntecedent(person, env_.rd.pronoun_persons, other_sex)) {
    CopyResolved(*x, a);
    a->antecedent = -1;  // another sentence's words
    a->how = x->subject ? "pronoun: the latest subject of the story"
                        : "pronoun: the latest actor of the story";
  }
}

// An actor named by a plural role noun ("bombers", "troops"), not by a name.
bool ActorStage::PluralRoleNoun(const ActorRef& x) const {
  if (x.e <= x.b || x.e > a_.parse.words.size()) return false;
  const Word& last = a_.parse.words[x.e - 1];
  if (last.lower.size() < 4 || last.lower.back() != 's') return false;
  if (last.mention < 0) return false;
  return env_.lex.entry(a_.parse.mentions[last.mention].entry).kind == EntryKind::kAgent;
}

// "Soldiers from Chile", "deputies in Peru and Chile": the reference
// coders join a role noun to the actors of a from/of/in phrase right after
// it (CHLMIL; PERLEG and CHLLEG).
void ActorStage::CountriesFromPhrase(Phrase* np) {
  const auto& w = a_.parse.words;
  if (np->e + 1 >= w.size()) return;
  std::string_view prep = w[np->e].lower;
  if (prep != "from" && prep != "of" && prep != "in") return;
  int next = a_.phrase_of[np->e + 1];
  if (next < 0) return;
  std::vector<std::string> countries;
  for (const ActorRef& t : a_.phrases[next].actors) {
    if (t.code.size() >= 3 && t.role.empty() && !t.weak && t.code[0] != '-' && t.code[0] != '~') {
      countries.push_back(t.code.substr(0, 3));
    }
  }
  if (countries.empty()) return;
  std::vector<ActorRef> out;
  for (const ActorRef& a : np->actors) {
    if (!a.code.empty() || (a.role.empty() && a.prefix.empty()) || a.pronoun) {
      out.push_back(a);
      continue;
    }
    for (const std::string& c : countries) {
      ActorRef x = a;
      x.country = c;
      x.code = a.prefix + c + a.role;
      x.how = "role noun + the phrase after it (reference coders)";
      x.prefix.clear();
      out.push_back(x);
    }
  }
  np->actors = std::move(out);
}

// "the two sides", "both countries", "the two leaders": the two parties
// named before in the sentence, else the story's two latest; none when
// there are more than two in the sentence (no guess).
void ActorStage::TwoParties(Phrase* np, int index) {
  const auto& w = a_.parse.words;
  for (const ActorRef& a : np->actors) {
    if (!a.code.empty()) return;
  }
  uint32_t b = np->b, e = np->e;
  if (e - b < 2 || e - b > 3) return;
  std::string_view first = w[b].lower, head = w[e - 1].lower;
  bool two = (first == "both" && e - b == 2) ||
             (first == "the" && (e - b == 2 ? head == "sides" : w[b + 1].lower == "two"));
  static constexpr std::string_view kHeads[] = {"sides", "parties", "countries", "neighbours", "neighbors",
                                                "leaders", "governments", "nations", "states", "presidents"};
  bool head_ok = false;
  for (std::string_view h : kHeads) head_ok = head_ok || head == h;
  if (!two || !head_ok) return;
  std::vector<ActorRef> parties;
  for (int k = 0; k < index; ++k) {
    for (const ActorRef& x : a_.phrases[k].actors) {
      // An actor whose country only a place suggested ("the minister") is
      // no party of its own.
      if (x.code.empty() || x.place || x.weak || x.country.size() != 3 || x.located) continue;
      bool seen = false;
      for (const ActorRef& y : parties) seen = seen || y.country == x.country;
      if (!seen) parties.push_back(x);
    }
  }
  if (parties.size() > 2) return;
  if (parties.size() < 2 && !discourse_.TwoParties(&parties)) return;
  std::vector<ActorRef> out;
  for (ActorRef x : parties) {
    x.b = b;
    x.e = e;
    x.pronoun = false;
    x.several = true;
    x.how = "the two parties named before";
    out.push_back(x);
  }
  np->actors = std::move(out);
}

// "the bloc", "the 27-nation bloc", "the alliance": the international
// organisation named last, in this sentence or before it ("the alliance" is
// NATO's word).
void ActorStage::TheBloc(Phrase* np, int index) {
  const auto& w = a_.parse.words;
  for (const ActorRef& a : np->actors) {
    if (!a.code.empty()) return;
  }
  if (np->e - np->b < 2 || np->e - np->b > 3 || w[np->b].lower != "the") return;
  std::string_view head = w[np->e - 1].lower;
  if (head != "bloc" && head != "alliance") return;
  const std::string_view part = head == "alliance" ? "NAT" : "";
  const ActorRef* found = nullptr;
  for (int k = index - 1; k >= 0 && !found; --k) {
    for (const ActorRef& x : a_.phrases[k].actors) {
      if (x.code.rfind("IGO", 0) == 0 && x.code.find(part) != std::string::npos) found = &x;
    }
  }
  if (!found) found = discourse_.LatestGroup(part);
  if (!found) return;
  ActorRef x = *found;
  x.b = np->b;
  x.e = np->e;
  x.pronoun = false;
  x.how = "the organisation named before";
  np->actors = {x};
}

// "a spokeswoman for the Dutch foreign ministry", "an official of the
// Kremlin": who speaks for an actor stands for it.
void ActorStage::SpeakerFor(Phrase* np) {
  const auto& w = a_.parse.words;
  for (const ActorRef& a : np->actors) {
    if (!a.code.empty()) return;
  }
  if (np->e + 1 >= w.size() || np->e == 0) return;
  std::string_view head = w[np->e - 1].lower;
  static const std::unordered_set<std::string_view> kSpeakers = {
      "spokesman", "spokeswoman", "spokesperson",   "spokesmen", "official", "officials", "representative",
      "representatives", "source", "sources", "adviser", "advisor", "aide"};
  const bool speaker = kSpeakers.count(head) > 0;
  std::string_view prep = w[np->e].lower;
  if (!speaker || (prep != "for" && prep != "of" && prep != "at")) return;
  int next = a_.phrase_of[np->e + 1];
  if (next < 0) return;
  std::vector<ActorRef> out;
  for (ActorRef x : a_.phrases[next].actors) {
    if (x.code.empty() || x.place || x.weak || x.pronoun) continue;
    x.how = "speaker for the phrase after it";
    x.b = np->b;
    x.e = np->e;
    out.push_back(x);
  }
  if (!out.empty()) np->actors = std::move(out);
}

// A role noun with no country takes one from a possessive pronoun, a place
// in the sentence, or the story.
void ActorStage::InheritCountry(ActorRef* a, const Phrase& np) {
  if (a->several) return;  // "the two governments" are not one place's
  if (a->pronoun) {
    ActorRef tmp = *a;
    ResolvePronoun(&tmp, static_cast<int>(&np - &a_.phrases[0]));
    if (!tmp.code.empty()) {
      a->country = tmp.country;
      a->antecedent = tmp.antecedent;
      a->code = tmp.code.substr(0, 3) + a->role;
      a->how = "role noun + its possessive pronoun's antecedent";
      return;
    }
  }
  // The nearest place, preferring one right after the phrase ("junta in Niger").
  if (std::string home = NearestLocation(a_, np.b, np.e); !home.empty()) {
    a->country = home;
    a->code = a->country + a->role;
    a->located = true;
    a->how = "role noun + a place in the sentence";
    return;
  }
  // "the president", "the government": the country the story is about so
  // far (the most recent state actor of earlier sentences).
  bool definite = a->b < a_.parse.words.size() && a_.parse.words[a->b].lower == "the";
  if (definite && (a->role == "GOV" || a->role == "LEG" || a->role == "JUD")) {
    if (const ActorRef* x = discourse_.LatestStateActor()) {
      a->country = x->country;
      a->code = a->country + a->role;
      a->located = true;
      a->how = "role noun + the story's latest state actor";
      return;
    }
  }
  // "Kenyan police fired on marchers": in a sentence that
  // names one country only, a domestic role belongs to it.
  static const std::set<std::string_view> kDomestic = {"OPP", "CVL", "LAB", "EDU", "AGR",
                                                        "REB", "INS", "CRM", "REF", "UAF",
                                                        "COP", "JUD", "MED", "BUS", "HLH"};
  if (!env_.rd.domestic_roles || !kDomestic.count(a->role)) return;
  std::string only;
  for (const Phrase& other : a_.phrases) {
    if (other.b > a_.attribution) continue;  // "…, officials in Nairobi said"
    for (const ActorRef& x : other.actors) {
      if (x.country.size() != 3 || x.place) continue;
      if (!only.empty() && only != x.country) return;
      only = x.country;
    }
  }
  if (!only.empty()) {
    a->country = only;
    a->code = only + a->role;
    a->located = true;
    a->how = "domestic role noun + the sentence's one country";
  }
}


}  // namespace dyad::code
