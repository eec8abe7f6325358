#include "code/phrases.h"

#include <string_view>

namespace dyad::code {

using parse::Tag;

void PhraseStage::Run() {
  a_.phrases.clear();
  const auto& w = a_.parse.words;
  const uint32_t n = static_cast<uint32_t>(w.size());
  a_.phrase_of.assign(n, -1);
  for (uint32_t i = 0; i < n;) {
    if (!NpTag(w[i].tag) || (w[i].tag == Tag::kPoss && w[i].mention < 0 && i == 0)) {
      ++i;
      continue;
    }
    Phrase np;
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
      // "Brazil, India, and Kenya": the reference coders read the
      // serial comma as part of the list.
      if (env_.rd.serial_lists && t == Tag::kComma && j + 2 < n && w[j + 1].tag == Tag::kCoord &&
          HasMentionBefore(np.b, j) && CoordinatedActorAhead(j + 2)) {
        j += 2;
        continue;
      }
      // Coordination joins two actor phrases: "Washington and NATO",
      // "Spain, Ireland and Norway", "Colombian and Ecuadorian police".
      if ((t == Tag::kCoord || t == Tag::kComma) && j + 1 < n && HasMentionBefore(np.b, j) &&
          CoordinatedActorAhead(j + 1) &&
          (t == Tag::kCoord || NamedListAround(j) || (env_.rd.serial_lists && SerialListAhead(j)))) {
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
    int id = static_cast<int>(a_.phrases.size());
    for (uint32_t k = np.b; k < np.e; ++k) a_.phrase_of[k] = id;
    a_.phrases.push_back(np);
    i = j;
  }
}

// "up to 80 ethnic Serbs", "at least 20 people", "more than 300
// soldiers": the preposition belongs to a number, the phrase is no
// prepositional phrase.
bool PhraseStage::QuantityPrep(uint32_t k) const {
  const auto& w = a_.parse.words;
  if (k + 1 >= w.size()) return false;
  std::string_view p = w[k].lower, next = w[k + 1].lower;
  std::string_view prev = k > 0 ? w[k - 1].lower : std::string_view();
  if (p == "to" && prev == "up") return true;
  if (p == "than" && (prev == "more" || prev == "fewer" || prev == "less")) return true;
  if (p == "at" && (next == "least" || next == "most")) return true;
  // "about 200 supporters", "over 1,000 troops", "nearly 50 people"
  if (w[k + 1].tag == Tag::kNum && (k == 0 || a_.VerbAt(k - 1) < 0) &&  // not "handed over 32"
      (p == "about" || p == "around" || p == "over" || p == "under" || p == "nearly" ||
       p == "almost" || p == "approximately" || p == "roughly" || p == "some")) {
    return true;
  }
  return false;
}

// Reference semantics: "Peru, the small Bolivia, and Chile":
// a comma list of actor phrases that ends in ", and"/"and" + an actor.
bool PhraseStage::SerialListAhead(uint32_t comma) const {
  const auto& w = a_.parse.words;
  for (uint32_t k = comma + 1; k < w.size() && k < comma + 12; ++k) {
    if (w[k].tag == Tag::kCoord) return CoordinatedActorAhead(k + 1);
    if (w[k].tag == Tag::kComma) continue;
    if (!NpTag(w[k].tag)) return false;
  }
  return false;
}

bool PhraseStage::HasMentionBefore(uint32_t b, uint32_t e) const {
  for (uint32_t k = b; k < e; ++k) {
    if (a_.parse.words[k].mention >= 0 || a_.parse.words[k].tag == Tag::kPossPron) return true;
  }
  return false;
}

// A comma joins a list of names ("Spain, Ireland and Norway"), not a
// phrase and an attribution ("Darfur province, doctors and local officials said").
bool PhraseStage::NamedListAround(uint32_t comma) const {
  const auto& w = a_.parse.words;
  // 0: no name; 1: a name (state, organisation, person…); 2: a demonym.
  auto named = [&](uint32_t k) {
    if (k >= w.size() || w[k].mention < 0) return 0;
    EntryKind kind = env_.lex.entry(a_.parse.mentions[w[k].mention].entry).kind;
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
        (t == Tag::kPunct && (w[k].lower == ";" || w[k].lower == ":")) || a_.VerbAt(k) >= 0) {
      break;
    }
  }
  if (!closed && !env_.rd.serial_lists) return false;
  // "Russian, Chinese and Iranian officials" or "Spain, Ireland and Norway",
  // but not "Ethiopia and Eritrea, a Qatari official said".
  return comma > 0 && named(comma - 1) != 0 && named(comma - 1) == named(after);
}

// After "and"/",": does an actor phrase follow (before any verb)?
bool PhraseStage::CoordinatedActorAhead(uint32_t i) const {
  const auto& w = a_.parse.words;
  // "Washington and its allies": a possessive phrase is a conjunct too.
  if (i + 1 < w.size() && w[i].tag == Tag::kPossPron && w[i + 1].tag == Tag::kNoun) return true;
  for (uint32_t k = i; k < w.size() && k < i + 6; ++k) {
    if (w[k].mention >= 0) {
      const LexEntry& e = env_.lex.entry(a_.parse.mentions[w[k].mention].entry);
      return e.kind != EntryKind::kPlace || k == i;
    }
    if (w[k].tag == Tag::kDet || w[k].tag == Tag::kNoun || w[k].tag == Tag::kNum ||
        w[k].tag == Tag::kPossPron)
      continue;
    if (env_.rd.serial_lists && w[k].tag == Tag::kOf) continue;  // "Peru's farmers and herders of Chile"
    return false;
  }
  return false;
}


}  // namespace dyad::code
