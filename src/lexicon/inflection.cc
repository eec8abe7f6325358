// English inflection rules for generated plurals and verb forms.
#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"

namespace dyad {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool EndsWith(std::string_view s, std::string_view suf) {
  if (s.size() < suf.size()) return false;
  const char* tail = s.data() + s.size() - suf.size();
  for (size_t i = 0; i < suf.size(); ++i) {  // short suffixes: no call to memcmp
    if (tail[i] != suf[i]) return false;
  }
  return true;
}

}  // namespace

// soldier -> soldiers, militia -> militias, policeman -> policemen,
// ally -> allies, embassy -> embassies, bus -> buses, chief -> chiefs.
// Only the last word of a phrase changes: "border guard" -> "border guards".
std::string PluralOf(std::string_view s) {
  // Built in place: `keep` bytes of the noun, then a suffix.
  auto make = [&](size_t keep, std::string_view suffix) {
    std::string out;
    out.reserve(keep + suffix.size());
    out.append(s.data(), keep);
    out.append(suffix);
    return out;
  };
  if (s.empty()) return std::string();
  if (EndsWith(s, "man") && !EndsWith(s, "human") && !EndsWith(s, "german") &&
      !EndsWith(s, "roman") && !EndsWith(s, "omman")) {
    return make(s.size() - 3, "men");
  }
  if (EndsWith(s, "person")) return make(s.size() - 6, "people");
  if (EndsWith(s, "child")) return make(s.size(), "ren");
  char last = s.back();
  if (last == 'y' && s.size() > 1 && !IsVowel(s[s.size() - 2])) {
    return make(s.size() - 1, "ies");
  }
  if (last == 's' || last == 'x' || last == 'z' || EndsWith(s, "ch") || EndsWith(s, "sh")) {
    return make(s.size(), "es");
  }
  return make(s.size(), "s");
}

// attack -> attacks attacked attacking; ally -> allies allied allying;
// ban -> bans banned banning; seize -> seizes seized seizing; visit -> visited.
std::vector<std::string> RegularVerbForms(std::string_view lemma) {
  std::string s(lemma);
  std::vector<std::string> out;
  if (s.empty()) return out;
  char last = s.back();
  size_t n = s.size();
  // Third person singular.
  if (last == 'y' && n > 1 && !IsVowel(s[n - 2])) {
    out.push_back(s.substr(0, n - 1) + "ies");
  } else if (last == 's' || last == 'x' || last == 'z' || EndsWith(s, "ch") ||
             EndsWith(s, "sh") || (last == 'o' && n > 1 && !IsVowel(s[n - 2]))) {
    out.push_back(s + "es");
  } else {
    out.push_back(s + "s");
  }
  // Past / participle and -ing.
  bool cvc = n >= 3 && !IsVowel(s[n - 1]) && IsVowel(s[n - 2]) && !IsVowel(s[n - 3]) &&
             last != 'w' && last != 'x' && last != 'y';
  // Double the final consonant of short stressed verbs (ban, plan, stop, drop,
  // ship, bar); longer verbs (visit, target, offer) are not doubled, save a
  // few common -l/-r/-t endings (expel, compel, patrol, control, commit, omit).
  bool dbl = cvc && (n <= 4 || EndsWith(s, "pel") || EndsWith(s, "trol") ||
                     EndsWith(s, "mit") || EndsWith(s, "fer") || EndsWith(s, "cur") ||
                     EndsWith(s, "gret") || EndsWith(s, "bed") || EndsWith(s, "ped") ||
                     EndsWith(s, "bid"));  // forbid, outbid: forbidding
  if (EndsWith(s, "fer") && s != "refer" && s != "confer" && s != "transfer" &&
      s != "defer" && s != "prefer" && s != "infer") {
    dbl = false;  // offer, suffer
  }
  if (last == 'e') {
    out.push_back(s + "d");
    if (EndsWith(s, "ee") || EndsWith(s, "ye") || EndsWith(s, "oe")) {
      out.push_back(s + "ing");
    } else if (EndsWith(s, "ie")) {
      out.push_back(s.substr(0, n - 2) + "ying");
    } else {
      out.push_back(s.substr(0, n - 1) + "ing");
    }
  } else if (last == 'y' && n > 1 && !IsVowel(s[n - 2])) {
    out.push_back(s.substr(0, n - 1) + "ied");
    out.push_back(s + "ing");
  } else if (dbl) {
    out.push_back(s + last + "ed");
    out.push_back(s + last + "ing");
    // The undoubled spelling too where it is a spelling (patroled beside
    // patrolled) or where the stress may be on the first of two syllables
    // (open, edit: opened; omit, emit: omitted): elsewhere it is another
    // verb's form (hop -> hoped is hope's, scar -> scared is scare's,
    // bid -> biding is bide's) or no word (baned).
    if (last == 'l' || (n == 4 && IsVowel(s[0]))) {
      out.push_back(s + "ed");
      out.push_back(s + "ing");
    }
  } else {
    out.push_back(s + "ed");
    out.push_back(s + "ing");
    if (last == 'l' && n > 2 && IsVowel(s[n - 2])) {  // travel -> travelled
      out.push_back(s + "led");
      out.push_back(s + "ling");
    }
    // British spellings of the longer verbs that end in -p, -m or -g after
    // one vowel: kidnapped, worshipped, programmed beside kidnaped …
    if (cvc && (last == 'p' || last == 'm' || last == 'g')) {
      out.push_back(s + last + "ed");
      out.push_back(s + last + "ing");
    }
  }
  if (last == 'c') {  // panic -> panicked
    out.push_back(s + "ked");
    out.push_back(s + "king");
  }
  return out;
}

}  // namespace dyad
