#include "code/location.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "lexicon/word_map.h"
#include "parse/parser.h"

namespace dyad::code {

using parse::Tag;

namespace {

// Word lists, as bits of one table (a single look-up per word).
enum WordClass : uint8_t {
  kDivision = 1,   // "Niger state", "the Kursk region": a first-level division's own noun
  kFacility = 2,   // nouns a place name can modify and still be where ("the Dorohusk border
                   // crossing"); any other noun makes it part of a name ("the Dayton peace accords")
  kPart = 4,       // nouns after which "of X" still names where ("the town of Leh")
  kTopic = 8,      // what an act is about, not where ("a ceasefire in Gaza")
  kPreposition = 16,  // where a scan back from a name stops
  kVisit = 32,     // "a visit to Warsaw", "a trip to Moscow"
  kCalendar = 64,  // capitalised words that are no place (days, months, titles)
};

uint8_t ClassOf(std::string_view w) {
  static const FlatWordMap<uint8_t> kWords({
      {"about", 16}, {"across", 16}, {"after", 16}, {"against", 16}, {"aggression", 8},
      {"airbase", 2}, {"airport", 2}, {"allah", 64}, {"along", 16}, {"alongside", 16}, {"amid", 16},
      {"among", 16}, {"april", 64}, {"area", 6}, {"areas", 6}, {"around", 16}, {"as", 16},
      {"at", 16}, {"atrocities", 8}, {"august", 64}, {"base", 2}, {"before", 16}, {"behind", 16},
      {"between", 16}, {"beyond", 16}, {"bloodshed", 8}, {"border", 2}, {"by", 16}, {"camp", 2},
      {"capital", 4}, {"capt", 64}, {"cease-fire", 8}, {"ceasefire", 8}, {"center", 4},
      {"centre", 4}, {"checkpoint", 2}, {"christmas", 64}, {"cities", 4}, {"city", 6}, {"coast", 6},
      {"col", 64}, {"conflict", 8}, {"conflicts", 8}, {"countryside", 2}, {"county", 7},
      {"crisis", 8}, {"crossing", 2}, {"december", 64}, {"department", 7}, {"despite", 16},
      {"district", 6}, {"dr", 64}, {"during", 16}, {"east", 64}, {"easter", 64}, {"enclave", 4},
      {"famine", 8}, {"february", 64}, {"fighting", 8}, {"for", 16}, {"friday", 64}, {"from", 16},
      {"front", 2}, {"frontline", 2}, {"gen", 64}, {"general", 64}, {"genocide", 8}, {"god", 64},
      {"governorate", 7}, {"harbor", 2}, {"harbour", 2}, {"heart", 4}, {"hospital", 2},
      {"hostages", 8}, {"hostilities", 8}, {"in", 16}, {"including", 16}, {"inside", 16},
      {"into", 16}, {"invasion", 8}, {"islamic", 64}, {"island", 4}, {"islands", 4}, {"jail", 2},
      {"january", 64}, {"journey", 32}, {"july", 64}, {"june", 64}, {"killings", 8}, {"king", 64},
      {"krai", 1}, {"like", 16}, {"lt", 64}, {"march", 64}, {"market", 2}, {"may", 64},
      {"minister", 64}, {"monday", 64}, {"mr", 64}, {"mrs", 64}, {"ms", 64}, {"municipality", 6},
      {"near", 16}, {"neighborhood", 2}, {"neighborhoods", 4}, {"neighbourhood", 2},
      {"neighbourhoods", 4}, {"north", 64}, {"november", 64}, {"oblast", 7}, {"occupation", 8},
      {"october", 64}, {"off", 16}, {"on", 16}, {"onto", 16}, {"outside", 16}, {"outskirts", 6},
      {"over", 16}, {"part", 4}, {"parts", 4}, {"past", 16}, {"peace", 8}, {"pilgrimage", 32},
      {"plant", 2}, {"pope", 64}, {"port", 6}, {"prefecture", 5}, {"president", 64}, {"prime", 64},
      {"prince", 64}, {"prison", 2}, {"province", 7}, {"province's", 2}, {"provinces", 5},
      {"queen", 64}, {"ramadan", 64}, {"refinery", 2}, {"region", 7}, {"regions", 5},
      {"saturday", 64}, {"sector", 2}, {"september", 64}, {"sgt", 64}, {"sheikh", 64},
      {"since", 16}, {"situation", 8}, {"south", 64}, {"square", 2}, {"stadium", 2}, {"state", 7},
      {"states", 5}, {"station", 2}, {"street", 2}, {"streets", 6}, {"suburb", 6}, {"suburbs", 6},
      {"sunday", 64}, {"territory", 5}, {"than", 16}, {"through", 16}, {"throughout", 16},
      {"thursday", 64}, {"to", 16}, {"tour", 32}, {"toward", 16}, {"towards", 16}, {"town", 6},
      {"towns", 6}, {"travel", 32}, {"traveled", 32}, {"travelled", 32}, {"trip", 32},
      {"trip's", 32}, {"trips", 32}, {"truce", 8}, {"tuesday", 64}, {"under", 16}, {"until", 16},
      {"upon", 16}, {"via", 16}, {"village", 6}, {"villages", 6}, {"violence", 8}, {"visit", 32},
      {"visiting", 32}, {"visits", 32}, {"war", 8}, {"wars", 8}, {"wednesday", 64}, {"west", 64},
      {"with", 16}, {"within", 16}, {"without", 16}});
  const uint8_t* c = kWords.Find(w);
  return c ? *c : 0;
}

bool DivisionNoun(std::string_view w) { return ClassOf(w) & kDivision; }
bool FacilityNoun(std::string_view w) { return ClassOf(w) & kFacility; }
bool PartNoun(std::string_view w) { return ClassOf(w) & kPart; }

bool LocativePrep(std::string_view p) {
  return p == "in" || p == "at" || p == "near" || p == "outside" || p == "inside" ||
         p == "through" || p == "across" || p == "into" || p == "around" || p == "throughout" ||
         p == "within" || p == "along" || p == "amid";
}

bool Capitalized(const parse::Word& w) { return w.capitalized; }

// Words of time that may follow a place ("in Hodeidah late on Saturday").
bool TimeWord(std::string_view w) {
  return w == "late" || w == "early" || w == "overnight" || w == "last" || w == "this" ||
         w == "yesterday" || w == "today" || w == "tonight" || w == "earlier" || w == "later";
}

// Kinds of dictionary entries that name a place.
bool PlaceKind(EntryKind k) {
  return k == EntryKind::kCountry || k == EntryKind::kCapital || k == EntryKind::kPlace;
}

// Roots of acts done in the target's country when nothing else places
// them: aid sent (07), assaults, fights and mass violence (18, 19, 20).
bool TargetSideRoot(const std::string& root) {
  return root == "07" || root == "18" || root == "19" || root == "20";
}

bool ForceRoot(const std::string& root) { return root == "18" || root == "19" || root == "20"; }

}  // namespace

std::string_view LocationStage::WordsOf(const SentenceAnalysis& a, uint32_t b, uint32_t e) const {
  uint32_t from = WordBegin(env_, a, b), to = WordEnd(env_, a, e);
  return std::string_view(env_.doc.original).substr(from, to > from ? to - from : 0);
}

LocationStage::LocationStage(const StoryEnv& env) : env_(env), gz_(env.lex.gazetteer()) {}

EventLocation LocationStage::Make(const GeoPlace& p, const char* how) const {
  EventLocation l;
  l.name = std::string(p.name);
  l.country = std::string(p.country);
  l.admin1 = std::string(p.admin1);
  l.admin1_code = std::string(p.admin1_code);
  if (p.has_point) {
    l.lat = p.lat;
    l.lon = p.lon;
  }
  l.geonames_id = p.geonames_id;
  l.type = GeoTypeName(p.type);
  l.how = how;
  return l;
}

const GeoPlace* LocationStage::Resolve(const std::string& key, const std::string& country,
                                       bool division, std::string_view prefer) const {
  const GeoPlace* best = nullptr;
  double best_score = -1e9;
  for (uint32_t i : gz_.Find(key)) {
    const GeoPlace& p = gz_.place(i);
    if (!country.empty() && p.country != country) continue;
    if (division && p.type != GeoType::kAdmin1) continue;
    double s = std::log10(static_cast<double>(p.population) + 10.0);
    if (p.type == GeoType::kCountry) s += 4;
    if (p.type == GeoType::kAdmin1) s += 2;  // a division outranks a village of its name
    if (p.capital) s += 1;
    if (Named(p.country)) s += 5;  // the story's countries outweigh size
    if (!prefer.empty() && p.country == prefer) s += 2;  // the dictionary's reading
    if (!dateline_country_.empty() && p.country == dateline_country_) s += 2;
    if (s > best_score) {
      best_score = s;
      best = &p;
    }
  }
  return best;
}

bool LocationStage::Named(std::string_view country) const {
  if (std::find(countries_.begin(), countries_.end(), country) != countries_.end()) return true;
  for (const Named_& n : current_) {
    // Not the words being resolved: "Tripoli" says nothing of which Tripoli.
    if (n.country == country && (n.e <= resolving_b_ || n.b >= resolving_e_)) return true;
  }
  return false;
}

void LocationStage::NoteCountries(const SentenceAnalysis& a) {
  for (const Named_& n : current_) {
    if (std::find(countries_.begin(), countries_.end(), n.country) == countries_.end()) {
      countries_.push_back(n.country);
    }
  }
  current_.clear();
  for (const parse::Mention& m : a.parse.mentions) {
    if (m.kind == EntryKind::kDiscard || m.kind == EntryKind::kAgent) continue;
    const std::string& code = env_.lex.entry(m.entry).CodeOn(env_.date);
    if (code.size() < 3) continue;
    // Region codes (WST, AFR) are kept too: no place has them as its country.
    current_.push_back({code.substr(0, 3), m.b, m.e});
  }
}

void LocationStage::Dateline() {
  dateline_done_ = true;
  const Document& doc = env_.doc;
  if (doc.dateline_end <= doc.dateline_begin) return;
  std::string_view d(doc.original);
  d = d.substr(doc.dateline_begin, doc.dateline_end - doc.dateline_begin);
  // "KYIV, Feb 3 (Reuters)": the words before a comma or a parenthesis.
  size_t cut = d.find_first_of(",(");
  d = d.substr(0, cut);
  std::string key = Gazetteer::Key(d);
  while (!key.empty() && (key.back() == ' ' || key.back() == '-')) key.pop_back();
  if (key.empty()) return;
  const GeoPlace* best = nullptr;
  for (uint32_t i : gz_.Find(key)) {
    const GeoPlace& p = gz_.place(i);
    if (p.type == GeoType::kAdmin1) continue;
    // Datelines name capitals and big cities: the most populous, a capital first.
    if (!best || (p.capital && !best->capital) ||
        (p.capital == best->capital && p.population > best->population)) {
      best = &p;
    }
  }
  if (!best) return;
  dateline_ = Make(*best, "dateline");
  dateline_->span = Span{doc.dateline_begin, doc.dateline_begin + static_cast<uint32_t>(d.size())};
  while (dateline_->span->end > dateline_->span->begin &&
         (doc.original[dateline_->span->end - 1] == ' ')) {
    --dateline_->span->end;
  }
  dateline_country_ = std::string(best->country);
}

void LocationStage::FindCandidates(const SentenceAnalysis& a, const Clauses& clauses) {
  cands_.clear();
  const auto& w = a.parse.words;
  // Each word's WordClass bits, looked up once (-1: not yet).
  cls_.assign(w.size(), -1);
  auto cls = [&](size_t k) -> uint8_t {
    if (cls_[k] < 0) cls_[k] = ClassOf(w[k].lower);
    return static_cast<uint8_t>(cls_[k]);
  };
  const uint32_t n = std::min<uint32_t>(a.attribution, static_cast<uint32_t>(w.size()));
  std::string key;
  for (uint32_t k = 0; k < n;) {
    Candidate c;
    c.b = k;
    std::string country;
    const parse::Mention* m = w[k].mention >= 0 ? &a.parse.mentions[w[k].mention] : nullptr;
    // "the Amhara region", "Niger state": a division's name before its noun,
    // whatever else the dictionary says the name is.
    const bool division_after = m && m->b == k && m->e < w.size() && (cls(m->e) & kDivision);
    // "the Kenyan capital", "Kenya's capital", "the capital of Kenya": the
    // country's capital city.
    if (m && m->b == k && (m->kind == EntryKind::kDemonym || m->kind == EntryKind::kCountry)) {
      uint32_t after = m->e < n && w[m->e].lower == "'s" ? m->e + 1 : m->e;
      bool before = k >= 2 && w[k - 1].lower == "of" && w[k - 2].lower == "capital" &&
                    m->kind == EntryKind::kCountry;
      const std::string& code = env_.lex.entry(m->entry).CodeOn(env_.date);
      // Not "Kenya's capital markets", "the Iranian capital punishment law";
      // and "the Saudi capital Riyadh", "the Kenyan capital, Nairobi" name it.
      const uint32_t nx = before ? m->e : after + 1;
      const uint32_t nx2 = nx < w.size() && w[nx].tag == Tag::kComma ? nx + 1 : nx;
      const bool noun_after = nx < w.size() && w[nx].tag == Tag::kNoun &&
                              !(cls(nx) & (kFacility | kPart | kCalendar)) &&
                              !TimeWord(w[nx].lower);
      const bool named = nx2 < w.size() && Capitalized(w[nx2]) && !(cls(nx2) & kCalendar);
      if (code.size() >= 3 && !noun_after && !named &&
          ((after < n && w[after].lower == "capital") || before)) {
        if (const GeoPlace* cap = gz_.Capital(code.substr(0, 3))) {
          c.b = before ? k - 2 : k;
          c.e = before ? m->e : after + 1;
          c.place = cap;
          k = c.e;
          cands_.push_back(c);
          continue;
        }
      }
    }
    if (m && m->b == k && (PlaceKind(m->kind) || division_after)) {
      c.e = std::max(m->e, k + 1);
      resolving_b_ = c.b;
      resolving_e_ = c.e + 1;
      const std::string& code = env_.lex.entry(m->entry).CodeOn(env_.date);
      country = PlaceKind(m->kind) ? code.substr(0, 3) : "";
      key.clear();
      for (uint32_t j = c.b; j < c.e; ++j) {
        if (j > c.b) key += ' ';
        Gazetteer::AppendKey(w[j].lower, &key);
      }
      if (key.rfind("the ", 0) == 0) key.erase(0, 4);
      if (division_after) {
        // "Niger state" is Nigeria's, whatever the dictionary says "Niger" is.
        c.place = Resolve(key, "", true);
        if (c.place) ++c.e;
      } else if (c.e - c.b > 1 && (cls(c.e - 1) & kDivision)) {
        // The dictionary's own "Niger State", "Kursk Oblast".
        std::string bare = key.substr(0, key.rfind(' '));
        c.place = Resolve(bare, "", true);
        if (!c.place) c.place = Resolve(key, "", true);
      }
      if (!c.place && country.empty()) {
        k = std::max(m->e, k + 1);
        continue;
      }
      if (!c.place && m->kind == EntryKind::kCountry) c.place = gz_.Country(country);
      // The dictionary's country is a reading, not a rule ("Tripoli" is
      // Libya's there; with Lebanese troops it is Lebanon's).
      if (!c.place) c.place = Resolve(key, "", false, country);
      if (c.place && c.place->country != country && !Named(c.place->country)) c.place = nullptr;
      if (!c.place) c.place = Resolve(key, country, false);
      // A seat of government ("the White House", "the Kremlin") is in the capital.
      if (!c.place && m->kind == EntryKind::kCapital) c.place = gz_.Capital(country);
      if (!c.place) {
        // A place the dictionary knows and the gazetteer does not: its country.
        c.place = gz_.Country(country);
        c.fallback = true;
      }
    } else if (Capitalized(w[k]) && w[k].mention < 0 && !(cls(k) & kCalendar) &&
               (k > 0 || w[k].tag == Tag::kProper)) {
      // The longest run of capitalised words (at most four) the gazetteer knows.
      key.clear();
      Gazetteer::AppendKey(w[k].lower, &key);
      if (!gz_.MayStart(std::string_view(key).substr(0, key.find(' ')))) {
        ++k;
        continue;
      }
      uint32_t end = k;
      while (end < n && end < k + 4 && Capitalized(w[end]) && w[end].lower != "'s" &&
             (end == k || !(cls(end) & kCalendar)))
        ++end;
      resolving_b_ = k;
      resolving_e_ = end + 1;
      for (uint32_t e = end; e > k && !c.place; --e) {
        key.clear();
        for (uint32_t j = k; j < e; ++j) {
          if (j > k) key += ' ';
          Gazetteer::AppendKey(w[j].lower, &key);
        }
        bool division = e < w.size() && (cls(e) & kDivision);
        if (division) c.place = Resolve(key, "", true);
        if (!c.place) c.place = Resolve(key, "", false);
        if (c.place) c.e = e + (division && c.place->type == GeoType::kAdmin1 ? 1 : 0);
      }
    }
    if (!c.place) {
      k = m && m->b == k ? std::max(m->e, k + 1) : k + 1;
      continue;
    }
    k = c.e;
    cands_.push_back(c);
  }
  // Where each stands.
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    Candidate& c = cands_[ci];
    auto exclude = [&](const char* why) {
      c.excluded = true;
      c.why = why;
    };
    // Part of another name: "the Tehran Times", "the Sinaloa Cartel",
    // "Chicago-born", "the Dayton peace accords".
    if (c.e < w.size()) {
      const parse::Word& nx = w[c.e];
      bool next_cand = ci + 1 < cands_.size() && cands_[ci + 1].b == c.e;
      if (nx.lower == "-" || (Capitalized(nx) && !next_cand && !DivisionNoun(nx.lower) &&
                              !FacilityNoun(nx.lower) && nx.tag != Tag::kVerb)) {
        exclude("part of a name");
        continue;
      }
      // "the Dayton peace accords", "the Danube bridges": a name after an
      // article, before a noun that is not a place's.
      bool after_article = c.b > 0 && (w[c.b - 1].tag == Tag::kDet || w[c.b - 1].lower == "the");
      if (after_article && nx.tag == Tag::kNoun && !FacilityNoun(nx.lower) &&
          !DivisionNoun(nx.lower) && !PartNoun(nx.lower) && !TimeWord(nx.lower) &&
          c.place->type != GeoType::kCountry) {
        exclude("names a thing");
        continue;
      }
    }
    // "France's ambassador", "Moscow's defence ministry": the owner of an
    // actor, not a place ("Manila's airport" and "Beirut's Hamra district"
    // stay places).
    if (c.e + 1 < w.size() && w[c.e].lower == "'s" &&
        !(ci + 1 < cands_.size() && cands_[ci + 1].b <= c.e + 3)) {
      uint32_t q = c.e + 1;
      while (q < w.size() && q < c.e + 4 && w[q].tag == Tag::kNoun && !(cls(q) & kFacility) &&
             !(cls(q) & kPart) && q + 1 < w.size() && w[q + 1].tag == Tag::kNoun) {
        ++q;  // adjectives and modifiers before the noun
      }
      bool place_noun = q < w.size() && ((cls(q) & kFacility) || (cls(q) & kPart) ||
                                         (Capitalized(w[q]) && w[q].mention < 0));
      if (!place_noun) {
        exclude("owns what follows");
        continue;
      }
    }
    // "Sudan's Darfur region", "Nigeria's Plateau state": the country only
    // frames the place after it, and says which one it is.
    if (c.e + 1 < w.size() && w[c.e].lower == "'s" && ci + 1 < cands_.size() &&
        cands_[ci + 1].b <= c.e + 3) {
      Candidate& next = cands_[ci + 1];
      if (c.place->type == GeoType::kCountry && next.place->country != c.place->country) {
        std::string k2;
        for (uint32_t j = next.b; j < next.e; ++j) {
          if ((cls(j) & kDivision) && j > next.b) break;
          if (j > next.b) k2 += ' ';
          Gazetteer::AppendKey(w[j].lower, &k2);
        }
        if (const GeoPlace* p = Resolve(k2, std::string(c.place->country), false)) next.place = p;
      }
      if (c.place->type != GeoType::kCity) {
        exclude("frames the next place");
        continue;
      }
    }
    // "the Red Sea port of Hodeidah", "the Amazon city of Belém": the place
    // after "of" is the one meant.
    if (ci + 1 < cands_.size()) {
      const Candidate& next = cands_[ci + 1];
      bool of_between = false;
      for (uint32_t j = c.e; j < next.b && j < c.e + 4; ++j) {
        if (w[j].lower == "of" && j > c.e && (cls(j - 1) & kPart)) of_between = true;
      }
      if (of_between) {
        exclude("names the kind of the next place");
        continue;
      }
    }
    // Scan back to what governs the name.
    int j = static_cast<int>(c.b) - 1;
    int steps = 0;
    bool governed = false;
    for (; j >= 0 && steps < 10; --j, ++steps) {
      const parse::Word& x = w[j];
      if (a.VerbAt(j) >= 0) {
        // "visited Kyiv", "stormed Pokrovsk": a verb's object inside a
        // country; a country as an object ("attacked Ukraine") is an actor,
        // placed by the actor rule.
        if (c.place->type == GeoType::kCountry) {
          exclude("a country as a verb's object is an actor");
          break;
        }
        c.strength = 2;
        c.verb = a.VerbAt(j);
        governed = true;
        break;
      }
      if (x.lower == "of") {
        if (j > 0 && ((cls(j - 1) & kPart))) continue;
        if (j > 0 && (w[j - 1].lower == "north" || w[j - 1].lower == "south" ||
                      w[j - 1].lower == "east" || w[j - 1].lower == "west")) {
          exclude("only orients");
        } else {
          exclude("after 'of'");
        }
        break;
      }
      if (cls(j) & kPreposition) {
        std::string_view p = x.lower;
        bool loc = LocativePrep(p) || (p == "on" && c.place->type != GeoType::kCountry) ||
                   // "off the coast of Vladivostok", "off Sevastopol"; not
                   // "an incident off Borneo" (a country: the actor rule's).
                   (p == "off" && c.place->type != GeoType::kCountry && !c.fallback);
        bool visit = p == "to" && ((j > 0 && (cls(j - 1) & kVisit)) ||
                                   (j > 1 && (cls(j - 2) & kVisit)));  // "a visit Monday to"
        // "sent soldiers to Sinaloa state": a destination inside a country is
        // where the act takes effect; a country ("aid to Myanmar") is left
        // to the actors.
        bool destination = p == "to" && !visit && c.place->type != GeoType::kCountry;
        if (visit) loc = true;
        if (!loc && !destination) {
          exclude(p == "from" ? "where things came from" : "not where (preposition)");
          break;
        }
        if (j > 0 && (cls(j - 1) & kTopic)) {
          exclude("what the act is about");
          break;
        }
        c.strength = destination ? 2 : 3;
        governed = true;
        for (int v = j - 1; v >= 0; --v) {
          if (a.VerbAt(v) >= 0) {
            c.verb = a.VerbAt(v);
            break;
          }
          if (w[v].tag == Tag::kComma) break;
        }
        break;
      }
      bool np_word = x.tag == Tag::kDet || x.tag == Tag::kNoun || x.tag == Tag::kProper ||
                     x.tag == Tag::kPossPron || x.lower == "'s" || x.lower == "and" ||
                     x.lower == "or" || x.mention >= 0 ||
                     (!x.lower.empty() && x.lower[0] >= '0' && x.lower[0] <= '9');
      if (!np_word) break;
    }
    if (!c.excluded && !governed) exclude("not in a place's position");
    if (c.excluded) continue;
    // A planned meeting's venue: "at a summit in Paris next month".
    for (uint32_t q = c.b >= 6 ? c.b - 6 : 0; q < c.b; ++q) {
      std::string_view x = w[q].lower;
      if (x == "upcoming" || x == "planned" || x == "proposed" || x == "next") exclude("planned");
    }
    for (uint32_t q = c.e; q < w.size() && q < c.e + 4; ++q) {
      if (w[q].lower == "next" || w[q].lower == "later") exclude("planned");
    }
    if (c.verb >= 0) {
      const parse::VerbGroup& vg = a.parse.verbs[c.verb];
      if (vg.future || vg.modal) c.why = "future";
    }
  }
  (void)clauses;
}

uint32_t LocationStage::TriggerWord(const SentenceAnalysis& a, const Event& e) const {
  uint32_t t = 0;
  for (uint32_t k = 0; k < a.parse.words.size(); ++k) {
    if (WordBegin(env_, a, k) <= e.trigger_span.begin) t = k;
    else break;
  }
  return t;
}

int LocationStage::VerbOf(const SentenceAnalysis& a, uint32_t t) {
  for (int k = static_cast<int>(t); k >= 0; --k) {
    if (a.VerbAt(k) >= 0) return a.VerbAt(k);
  }
  return -1;
}

bool LocationStage::Subordinate(const SentenceAnalysis& a, int v) const {
  if (v < 0 || static_cast<size_t>(v) >= clause_.size()) return false;
  const parse::VerbGroup& vg = a.parse.verbs[v];
  if (!vg.finite || vg.gerund || vg.participle || vg.infinitive) return false;
  parse::ClauseKind kind = clause_[v].kind;
  return kind == parse::ClauseKind::kRelative || kind == parse::ClauseKind::kTemporal ||
         kind == parse::ClauseKind::kCondition || kind == parse::ClauseKind::kReason;
}

// --trace only: `dyad explain` shows the location in each event's JSON.
void LocationStage::Trace(const SentenceAnalysis& a, const std::string& line) const {
  if (env_.opt.trace && env_.trace && env_.trace->size() < 4096 * 64) {
    *env_.trace += env_.story.id + "#" + std::to_string(a.sno) + ": " + line + "\n";
  }
}

std::optional<EventLocation> LocationStage::ForEvent(const SentenceAnalysis& a,
                                                     const Event& e) const {
  placed_ = nullptr;
  const auto& w = a.parse.words;
  const uint32_t t = TriggerWord(a, e);
  const int tv = VerbOf(a, t);
  // "Avdiivka, where Russian forces launched an assault": the place the
  // relative "where" hangs on.
  if (tv >= 0 && static_cast<size_t>(tv) < clause_.size() && clause_[tv].intro > 0 &&
      w[clause_[tv].intro].lower == "where") {
    const Candidate* before = nullptr;
    for (const Candidate& c : cands_) {
      if (!c.excluded && c.e <= static_cast<uint32_t>(clause_[tv].intro) &&
          c.e + 6 >= static_cast<uint32_t>(clause_[tv].intro)) {
        before = &c;
      }
    }
    if (before) {
      placed_ = before->place;
      EventLocation l = Make(*before->place, "sentence");
      l.span = Span{WordBegin(env_, a, before->b), WordEnd(env_, a, before->e)};
      return l;
    }
  }
  // For force against another country, the source's own country is where
  // it came from ("Pakistan struck … inside Iran, days after Tehran's
  // attacks"), not where it landed.
  const bool foreign_force = ForceRoot(e.root) && !e.source.country.empty() && e.target &&
                             !e.target->country.empty() &&
                             e.source.country.substr(0, 3) != e.target->country.substr(0, 3);
  std::string src = e.source.country.size() >= 3 ? e.source.country.substr(0, 3) : "";
  std::string tgt = e.target && e.target->country.size() >= 3 ? e.target->country.substr(0, 3) : "";
  auto eligible = [&](const Candidate& c) {
    if (c.excluded) return false;
    if (c.verb >= 0 && c.verb != tv) {
      const parse::VerbGroup& vg = a.parse.verbs[c.verb];
      // A place in another act's finite subordinate clause, or a future act's.
      if (vg.future || vg.modal) return false;
      if (Subordinate(a, c.verb)) return false;
    }
    return !(foreign_force && c.place->type == GeoType::kCountry &&
             c.place->country == e.source.country.substr(0, 3));
  };
  const Candidate* best = nullptr;
  long best_rank = 1L << 30;
  for (const Candidate& c : cands_) {
    if (!eligible(c)) continue;
    long dist = c.b >= t ? static_cast<long>(c.b - t) : static_cast<long>(t - c.e) + 2;
    bool party = (!src.empty() && c.place->country == src) || (!tgt.empty() && c.place->country == tgt);
    long rank = dist * 4 + (party ? 0 : 1000) + (3 - c.strength);
    if (rank < best_rank) {
      best_rank = rank;
      best = &c;
    }
  }
  if (best) {
    const Candidate* pick = best;
    // A country or division named near a place inside it: the place ("a
    // visit to Iraq … in Baghdad").
    if (best->place->type != GeoType::kCity) {
      long near = 1L << 30;
      for (const Candidate& c : cands_) {
        if (!eligible(c) || c.place->country != best->place->country) continue;
        if (c.place->type == GeoType::kCity ||
            (c.place->type == GeoType::kAdmin1 && best->place->type == GeoType::kCountry)) {
          long d = c.b > best->b ? c.b - best->b : best->b - c.b;
          if (best->place->type == GeoType::kAdmin1 && d > 8) continue;
          if (d < near) {
            near = d;
            pick = &c;
          }
        }
      }
    }
    placed_ = pick->place;
    EventLocation l = Make(*pick->place, "sentence");
    l.span = Span{WordBegin(env_, a, pick->b), WordEnd(env_, a, pick->e)};
    return l;
  }
  // The dateline, unless an act of force between two other countries.
  if (dateline_) {
    bool elsewhere = ForceRoot(e.root) && !tgt.empty() && tgt != dateline_->country &&
                     src != dateline_->country;
    if (!elsewhere) return dateline_;
  }
  // A place an earlier sentence gave an event of the same country.
  for (auto it = story_.rbegin(); it != story_.rend(); ++it) {
    std::string_view c = it->first->country;
    if ((!src.empty() && c == src && (tgt.empty() || tgt == src)) ||
        (!tgt.empty() && c == tgt && TargetSideRoot(e.root))) {
      EventLocation l = Make(*it->first, "story");
      l.span = it->second;
      return l;
    }
  }
  // The country the act was done in: a visit (042) is made in the host's.
  bool target_side = TargetSideRoot(e.root) || e.code.rfind("042", 0) == 0;
  const std::string& side = (target_side && !tgt.empty()) ? tgt : src;
  if (const GeoPlace* p = side.empty() ? nullptr : gz_.Country(side)) return Make(*p, "actor");
  return std::nullopt;
}

void LocationStage::Run(const SentenceAnalysis& a, const Clauses& clauses, std::vector<Event>* out,
                        size_t first) {
  if (gz_.size() == 0) return;
  if (!dateline_done_) Dateline();
  NoteCountries(a);
  if (first >= out->size()) return;
  FindCandidates(a, clauses);
  // The clauses of the verbs places and triggers depend on (only those:
  // Of() is not free).
  clause_.assign(a.parse.verbs.size(), Clause{});
  std::vector<bool> known(a.parse.verbs.size(), false);
  auto need = [&](int v) {
    if (v >= 0 && !known[v]) {
      clause_[v] = clauses.Of(v);
      known[v] = true;
    }
  };
  for (const Candidate& c : cands_) {
    if (!c.excluded) need(c.verb);
  }
  // A trigger's clause matters only for "…, where" (ForEvent).
  bool where = false;
  for (const parse::Word& x : a.parse.words) where |= x.lower == "where";
  if (where && !cands_.empty()) {
    for (size_t i = first; i < out->size(); ++i) need(VerbOf(a, TriggerWord(a, (*out)[i])));
  }
  const bool tracing = env_.opt.trace && env_.trace != nullptr;
  if (tracing) {
    for (const Candidate& c : cands_) {
      std::string line = "place '" + std::string(WordsOf(a, c.b, c.e)) + "': " +
                         std::string(c.place->name) + " (" + std::string(c.place->country) + ", " +
                         GeoTypeName(c.place->type) + ")";
      if (c.excluded) line += std::string(", not a location: ") + c.why;
      Trace(a, line);
    }
  }
  for (size_t i = first; i < out->size(); ++i) {
    Event& e = (*out)[i];
    e.location = ForEvent(a, e);
    if (tracing) {
      Trace(a, "location of '" + e.trigger + "': " +
                   (e.location ? e.location->name + " (" + e.location->country + ", " +
                                     e.location->type + ", " + e.location->how + ")"
                               : std::string("none")));
    }
    if (placed_ && e.location->how == std::string_view("sentence")) {
      story_.emplace_back(placed_, *e.location->span);
    }
  }
  if (story_.size() > 16) story_.erase(story_.begin(), story_.end() - 16);
}

}  // namespace dyad::code
