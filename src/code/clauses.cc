#include "code/clauses.h"

#include <cctype>
#include <cstdlib>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dyad::code {

int PastYearAfterPrep(const parse::SentenceParse& p, int k, int story_year) {
  const auto& w = p.words;
  // "in 2003", "in June 2023", "in the year 2003", "in early 1990", "in the summer of 2014".
  static const std::unordered_set<std::string_view> kFill = {
      "the", "year", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "of",
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december"};
  // Most prepositions have no year after them: look for one first.
  bool any_year = false;
  for (size_t j = static_cast<size_t>(k) + 1; j < w.size() && j <= static_cast<size_t>(k) + 4; ++j) {
    const std::string_view l = w[j].lower;
    any_year = any_year || (l.size() >= 4 && l.size() <= 5 && l[0] >= '1' && l[0] <= '2');
  }
  if (!any_year) return -1;
  for (size_t j = static_cast<size_t>(k) + 1; j < w.size() && j <= static_cast<size_t>(k) + 4; ++j) {
    int year = 0;
    if (IsYear(w[j].lower, &year)) {
      // "in the 2006 bombing": a year before a noun only names that noun.
      if (j + 1 < w.size() && (w[j + 1].tag == parse::Tag::kNoun || w[j + 1].tag == parse::Tag::kProper)) {
        return -1;
      }
      return year < story_year ? static_cast<int>(j) : -1;
    }
    if (kFill.count(w[j].lower) == 0) return -1;
  }
  return -1;
}

bool IsLongSpan(std::string_view w) {
  return w == "years" || w == "year" || w == "decades" || w == "decade" || w == "months" || w == "month";
}

int PastDateAfter(const parse::SentenceParse& p, int k, int story_date) {
  const auto& w = p.words;
  if (story_date <= 0 || k < 0 || static_cast<size_t>(k) + 1 >= w.size()) return -1;
  static const std::unordered_map<std::string_view, int> kMonths = {
      {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},       {"june", 6},
      {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}};
  const int sy = story_date / 10000, sm = story_date / 100 % 100, sd = story_date % 100;
  std::string_view a = w[k].lower, b = w[k + 1].lower;
  // "last year", "last month"; "two years ago", "months ago".
  // ("since last month's revolution" dates the revolution, not the act.)
  if (static_cast<size_t>(k) + 2 < w.size() && w[k + 2].tag == parse::Tag::kPoss) return -1;
  if (a == "last" && (b == "year" || b == "month" || b == "summer" || b == "spring" || b == "autumn" ||
                      b == "winter" || b == "decade")) {
    return k + 1;
  }
  if ((a == "years" || a == "months" || a == "decades") && b == "ago") return k + 1;
  if (a != "in" && a != "on" && a != "since" && a != "until") return -1;
  auto month = kMonths.find(b);
  const int m = month == kMonths.end() ? 0 : month->second;
  // "may" is a month only after "in"/"on" and before a day or nothing nominal.
  if (m == 0) return -1;
  int day = 0;
  if (static_cast<size_t>(k) + 2 < w.size()) {
    std::string_view d = w[k + 2].lower;
    int year = 0;
    if (IsYear(d, &year)) return -1;  // PastYearAfter's case
    if (!d.empty() && d.size() <= 2 && std::isdigit(static_cast<unsigned char>(d[0]))) day = std::atoi(std::string(d).c_str());
  }
  // The latest such date not after the story; more than a week before it is history.
  int y = (m > sm || (m == sm && day > sd)) ? sy - 1 : sy;
  if (day == 0) return (y < sy || m < sm) ? k + 1 : -1;
  auto days = [](int yy, int mm, int dd) { return yy * 372 + mm * 31 + dd; };  // monotone, close enough
  return days(sy, sm, sd) - days(y, m, day) > 7 ? k + 1 : -1;
}

using parse::Tag;
using parse::VerbGroup;

Clause Clauses::Of(int v) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  Clause c;
  if (vg.infinitive) {
    c.kind = parse::ClauseKind::kInfinitive;
    if (vg.b > 0) c.governor_vg = a_.VerbAt(vg.b - 1);
    if (c.governor_vg < 0 && vg.b > 1) c.governor_vg = a_.VerbAt(vg.b - 2);
    // "refused to allow", "threatened to launch"; also "was willing to".
    for (int k = static_cast<int>(vg.b) - 1; k >= 0 && c.governor_vg < 0; --k) {
      int g = a_.VerbAt(static_cast<uint32_t>(k));
      if (g >= 0) c.governor_vg = g;
      if (w[k].tag == Tag::kComma || w[k].tag == Tag::kSub || w[k].tag == Tag::kThat) break;
    }
    if (c.governor_vg >= 0) c.governor = std::string(w[a_.parse.verbs[c.governor_vg].head].lemma);
    return c;
  }
  if (vg.gerund && vg.b > 0 && w[vg.b - 1].tag == Tag::kComma) {
    c.kind = parse::ClauseKind::kParticiple;
    return c;
  }
  // ", demanding an end to the violence and urging the junta to …": a
  // gerund after "and" continues the participle clause before it.
  if (env_.rd.coordinated_participles && vg.gerund && vg.b > 1 && w[vg.b - 1].tag == Tag::kCoord) {
    for (int g = v - 1; g >= 0; --g) {
      const VerbGroup& gv = a_.parse.verbs[g];
      if (!gv.gerund) break;
      if (gv.b > 0 && w[gv.b - 1].tag == Tag::kComma) {
        bool clean = true;  // no clause boundary between the two
        for (uint32_t k = gv.e; k + 1 < vg.b && clean; ++k) {
          clean = w[k].tag != Tag::kComma && w[k].tag != Tag::kSub && w[k].tag != Tag::kThat &&
                  w[k].tag != Tag::kRel;
        }
        if (clean) {
          c.kind = parse::ClauseKind::kParticiple;
          return c;
        }
      }
      break;
    }
  }
  for (int k = static_cast<int>(vg.b) - 1; k >= 0; --k) {
    Tag t = w[k].tag;
    int g = a_.VerbAt(static_cast<uint32_t>(k));
    if (g >= 0 && g != v) {
      const VerbGroup& gv = a_.parse.verbs[g];
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
        // "said in Beirut on Thursday that …", "told reporters in Kyiv that …":
        // back over place and time phrases to a saying verb.
        if (env_.rd.that_after_phrases && k > 1) {
          int j = k - 1;
          bool phrase = false;
          while (j >= 0 && j >= k - 12) {
            const Tag tj = w[j].tag;
            const int np = a_.phrase_of[j];
            if (np >= 0 && a_.phrases[np].prep >= 0) {
              j = a_.phrases[np].prep - 1;
              phrase = true;
            } else if (tj == Tag::kTime || tj == Tag::kAdv || tj == Tag::kNum || tj == Tag::kPrep) {
              --j;
            } else {
              break;
            }
          }
          int gv = j >= 0 ? a_.VerbAt(static_cast<uint32_t>(j)) : -1;
          // "told reporters in Kyiv that": past the saying verb's object.
          if (gv < 0 && j > 0 && a_.phrase_of[j] >= 0 && a_.phrases[a_.phrase_of[j]].prep < 0 &&
              a_.phrases[a_.phrase_of[j]].b > 0) {
            gv = a_.VerbAt(a_.phrases[a_.phrase_of[j]].b - 1);
          }
          if (phrase && gv >= 0 && !a_.parse.verbs[gv].copula &&
              parse::IsSayVerb(w[a_.parse.verbs[gv].head].lemma)) {
            c.kind = parse::ClauseKind::kThat;
            c.governor_vg = gv;
            c.governor = std::string(w[a_.parse.verbs[gv].head].lemma);
            return c;
          }
        }
        if (k > 0) {
          int gv = a_.VerbAt(static_cast<uint32_t>(k - 1));
          // "demanded on Tuesday that": skip adverbials back to the verb.
          for (int j = k - 1; gv < 0 && j >= 0 && j >= k - 4; --j) {
            Tag tj = w[j].tag;
            if (tj == Tag::kTime || tj == Tag::kPrep || tj == Tag::kAdv || tj == Tag::kDet ||
                tj == Tag::kNum)
              continue;
            gv = a_.VerbAt(static_cast<uint32_t>(j));
            if (gv < 0 && (w[j].tag == Tag::kNoun || w[j].tag == Tag::kProper) && j < k - 1) {
              // "warned Finland that", "told reporters that"
              int g2 = j > 0 ? a_.VerbAt(static_cast<uint32_t>(j - 1)) : -1;
              if (g2 >= 0) gv = g2;
            }
            break;
          }
          if (gv >= 0) {
            c.kind = parse::ClauseKind::kThat;
            c.governor_vg = gv;
            c.governor = std::string(w[a_.parse.verbs[gv].head].lemma);
            if (c.governor.empty()) c.governor = std::string(w[a_.parse.verbs[gv].head].lower);
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
        if (k + 1 < static_cast<int>(vg.b) && a_.phrase_of[k + 1] >= 0) break;  // "and Y did"
        if (const int m = SpeakerCoordinated(v); m >= 0) return Of(m);
        if (const int m = MainAfterSubordinate(v); m >= 0) return Of(m);
        for (int g2 = v - 1; g2 >= 0; --g2) {
          if (a_.parse.verbs[g2].b < static_cast<uint32_t>(k) && a_.parse.verbs[g2].finite) return Of(g2);
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
bool Clauses::PurposeOfProtest(int v, const Clause& c) const {
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  if (!env_.rd.voiced_purposes || c.governor_vg < 0 || !parse::IsProtestVerb(w[vg.head].lemma)) return false;
  const VerbGroup& gov = a_.parse.verbs[c.governor_vg];
  return !parse::IsControlVerb(w[gov.head].lemma) && gov.e + 1 < vg.b;
}

// Why a verb group cannot report a real act, or "" if it can.
std::string Clauses::Blocked(int v, const Clause& c) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  const auto& w = a_.parse.words;
  if (a_.parse.question) return "question";
  if (vg.negated) return "negated";
  if (vg.modal) return "modal";
  if (vg.must) return "obligation";
  if (vg.future) return "future";
  if (vg.participle) return "reduced relative";
  // "fought no war", "made no concessions": an object with "no" denies the act.
  // ("offered no comment", "saw no prospect of talks": the "no" is the
  // words' meaning, a refusal or a bleak view, and the act stands.)
  auto idiom = [&] {
    if (!env_.rd.no_idioms || vg.e + 1 >= w.size()) return false;
    std::string_view n = w[vg.e + 1].lower;
    return n == "comment" || n == "prospect" || n == "prospects" || n == "chance" || n == "hope" ||
           n == "possibility" || n == "alternative" || n == "choice" || n == "option";
  };
  if (env_.rd.no_object_negates && vg.e < w.size() && w[vg.e].tag == Tag::kNoDet &&
      a_.phrase_of[vg.e] >= 0 && !idiom()) {
    return "negated (an object with 'no')";
  }
  // "to help him oust the general", "let them leave": a bare infinitive
  // after help, let or make and its object shares that verb's fate.
  if (env_.rd.bare_infinitive_complements && vg.b == vg.head && w[vg.head].vform == parse::VForm::kBase &&
      vg.b > 0 && a_.phrase_of[vg.b - 1] >= 0) {
    uint32_t pb = a_.phrases[a_.phrase_of[vg.b - 1]].b;
    int gv = pb > 0 ? a_.VerbAt(pb - 1) : -1;
    if (gv >= 0 && gv != v) {
      std::string_view gl = w[a_.parse.verbs[gv].head].lemma;
      if (gl == "help" || gl == "let" || gl == "make") {
        std::string why = Blocked(gv, Of(gv));
        if (!why.empty()) return "complement of '" + std::string(gl) + "' (" + why + ")";
      }
    }
  }
  if (c.kind == parse::ClauseKind::kCondition) return "conditional";
  if (c.kind == parse::ClauseKind::kInfinitive) {
    if (c.governor_vg >= 0 && parse::IsAspectVerb(c.governor)) {
      return Blocked(c.governor_vg, Of(c.governor_vg));
    }
    if (PurposeOfProtest(v, c)) return Blocked(c.governor_vg, Of(c.governor_vg));
    return "infinitive (intended, not done)";
  }
  if (vg.gerund && c.kind != parse::ClauseKind::kParticiple) {
    // "began withdrawing" is done; so is "by massing troops" (the means of
    // the main act) and "after shelling". "of harbouring", "from joining"
    // are not events.
    int g = vg.b > 0 ? a_.VerbAt(vg.b - 1) : -1;
    if (g >= 0 && parse::IsAspectVerb(w[a_.parse.verbs[g].head].lemma)) return Blocked(g, Of(g));
    if (MeansGerund(v)) {
      int m = MainVerbOf(v);
      if (m >= 0) return Blocked(m, Of(m));
    }
    // "…, with Ukraine's air force saying …": an absolute phrase after
    // "with" tells something that happens alongside the main clause.
    if (env_.rd.absolute_with && vg.b > 0 && a_.phrase_of[vg.b - 1] >= 0) {
      const int np = a_.phrase_of[vg.b - 1];
      const int prep = a_.phrases[np].prep;
      if (prep >= 0 && w[prep].lower == "with" && a_.HasActor(np)) {
        // Fronted ("With the West rejecting its demands, …") it sets the
        // scene: a circumstance already known, not news.
        const int m = MainVerbBefore(v);
        if (m < 0) return "gerund (a fronted circumstance)";
        std::string main_why = Blocked(m, Of(m));
        return main_why == "gerund" ? "" : main_why;
      }
    }
    return "gerund";
  }
  if (c.kind == parse::ClauseKind::kThat) {
    if (c.governor_vg >= 0) {
      std::string_view gl = c.governor;
      if (!parse::IsSayVerb(gl)) return "complement of '" + c.governor + "'";
      // "arguing that it threatens Russia": a present-tense claim is the
      // speaker's view, not a reported act. The speaker's view is the
      // act when it lays blame ("saying Russia bears the blame").
      if (vg.b == vg.head && (w[vg.head].vform == parse::VForm::kThird ||
                              w[vg.head].vform == parse::VForm::kBase) &&
          !(env_.rd.blame_is_accusation && w[vg.head].lemma == "bear") && !SharesPast(v)) {
        return "present-tense claim in a statement";
      }
      std::string why = Blocked(c.governor_vg, Of(c.governor_vg));
      if (!why.empty()) return "inside a statement that is " + why;
    } else {
      return "complement of '" + c.governor + "'";
    }
  }
  if (c.kind == parse::ClauseKind::kParticiple) {
    // Shares the main clause's status ("Rwanda denied that …, accusing").
    int g = MainVerbBefore(v);
    if (g >= 0) return Blocked(g, Of(g));
  }
  // "When/once/the moment Russia starts a war, …": an act in the simple
  // present before a future or modal consequence is hypothetical.
  bool simple_present = vg.b == vg.head && (w[vg.head].vform == parse::VForm::kThird ||
                                            w[vg.head].vform == parse::VForm::kBase);
  if (simple_present && !parse::IsSayVerb(w[vg.head].lemma)) {
    if (c.kind == parse::ClauseKind::kTemporal) return "present tense in a time clause";
    bool comma = false;
    for (size_t g = v + 1; g < a_.parse.verbs.size(); ++g) {
      for (uint32_t k = a_.parse.verbs[g - 1].e; k < a_.parse.verbs[g].b; ++k) {
        if (w[k].tag == Tag::kComma) comma = true;
      }
      if (comma && (a_.parse.verbs[g].future || a_.parse.verbs[g].modal)) {
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
  const int story_year = env_.date / 10000;
  int from = c.intro >= 0 ? c.intro : 0;
  int to = static_cast<int>(w.size());
  for (size_t g = v + 1; g < a_.parse.verbs.size(); ++g) {
    if (a_.parse.verbs[g].finite && !a_.parse.verbs[g].infinitive) {
      to = static_cast<int>(a_.parse.verbs[g].b);
      break;
    }
  }
  for (int k = from; k + 1 < to; ++k) {
    int at = PastYearAfter(a_.parse, k, story_year);
    if (at >= 0 && at != static_cast<int>(vg.head)) {
      return "historical (" + std::string(w[at].lower) + ")";
    }
  }
  // "agreed in January", "on August 5", "last year", "two years ago": an
  // act in the past tense dated weeks or more before the story.
  // The simple past only: a present perfect ("has been put under
  // investigation") is news now; a day named in the clause ("on Tuesday")
  // dates the act itself.
  const bool past = w[vg.head].vform == parse::VForm::kPast && !vg.perfect && !vg.passive;
  bool recent_day = false;
  for (int k = from; k < to; ++k) recent_day = recent_day || w[k].tag == Tag::kTime;
  if (env_.rd.story_time && past && !recent_day && !vg.future && !vg.modal) {
    for (int k = from; k + 1 < to; ++k) {
      int at = PastDateAfter(a_.parse, k, env_.date);
      if (at >= 0) return "historical (" + std::string(w[at].lower) + ")";
    }
  }
  // "… broke off relations in 2019 after Bogota recognised …", "erupted in
  // January when Ethiopia signed …": a time clause under a historical
  // clause is history too.
  if (env_.rd.story_time && c.kind == parse::ClauseKind::kTemporal && c.intro >= 0 && !vg.future) {
    // "…, seven years after protesters stormed the embassy": a time clause
    // measured in months or years before the act it hangs on is history.
    if (c.intro >= 1 && w[c.intro].lower == "after") {
      std::string_view span = w[c.intro - 1].lower;
      if (IsLongSpan(span)) {
        return "historical (" + std::string(span) + " after)";
      }
    }
    // "… no relations since 1980, after students seized …": a past year
    // in the clause it hangs on.
    for (int k = 0; k + 1 < c.intro; ++k) {
      int at = PastYearAfter(a_.parse, k, story_year);
      if (at >= 0) return "historical (" + std::string(w[at].lower) + ")";
    }
    int m = MainVerbBefore(v);
    if (m >= 0 && m != v) {
      std::string why = Blocked(m, Of(m));
      if (why.rfind("historical", 0) == 0) return why;
    }
  }
  // "since US troops landed": a time clause opened by "since" tells what
  // came before the story.
  if (c.kind == parse::ClauseKind::kTemporal && c.intro >= 0 && w[c.intro].lower == "since" &&
      !vg.future && !vg.modal) {
    return "historical (since)";
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
bool Clauses::MeansGerund(int v) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  if (!vg.gerund || vg.b == 0) return false;
  std::string_view prev = a_.parse.words[vg.b - 1].lower;
  return prev == "by" || prev == "after" || VoicingGerund(v);
}

// "rallied in Erbil demanding autonomy", "issued a declaration
// demanding that …": a gerund of speech that follows a whole clause says
// what its subject voiced while doing it. Never after a preposition or a
// determiner ("of demanding", "the calling of").
bool Clauses::VoicingGerund(int v) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  const auto& w = a_.parse.words;
  if (!env_.rd.voiced_purposes || !vg.gerund || vg.b == 0 || !parse::IsVoicingVerb(w[vg.head].lemma)) return false;
  Tag prev = w[vg.b - 1].tag;
  if (prev == Tag::kPrep || prev == Tag::kTo || prev == Tag::kOf || prev == Tag::kDet ||
      prev == Tag::kPossPron || prev == Tag::kPoss || prev == Tag::kComma || prev == Tag::kCoord) {
    return false;
  }
  int g = MainVerbBefore(v);
  return g >= 0 && a_.parse.verbs[g].e < vg.b;
}

// The main-clause verb a means gerund belongs to: the one before it, or
// for a fronted phrase ("By massing troops …, Putin has shown") the first after.
int Clauses::MainVerbOf(int v) const {
  int g = MainVerbBefore(v);
  if (g >= 0) return g;
  for (size_t k = v + 1; k < a_.parse.verbs.size(); ++k) {
    if (a_.parse.verbs[k].finite && Of(static_cast<int>(k)).kind == parse::ClauseKind::kMain) {
      return static_cast<int>(k);
    }
  }
  return -1;
}

bool Clauses::UnlessAfter(int v) const {
  for (uint32_t k = a_.parse.verbs[v].e; k < a_.parse.words.size(); ++k) {
    if (a_.parse.words[k].lower == "unless") return true;
  }
  return false;
}

// "Iraq said it would allow …": "would" in what a speaker says is the
// future of the past, not a possibility.
bool Clauses::WouldInReport(int v, const Clause& c) const {
  const VerbGroup& vg = a_.parse.verbs[v];
  if (c.kind != parse::ClauseKind::kThat || c.governor_vg < 0 || !parse::IsSayVerb(c.governor)) {
    return false;
  }
  for (uint32_t k = vg.b; k < vg.head; ++k) {
    if (a_.parse.words[k].lower == "would") return true;
  }
  return false;
}

// The nearest finite verb group before v that stands in a main clause.
int Clauses::MainVerbBefore(int v) const {
  int fallback = -1;
  for (int g = v - 1; g >= 0; --g) {
    if (!a_.parse.verbs[g].finite) continue;
    if (fallback < 0) fallback = g;
    if (Of(g).kind == parse::ClauseKind::kMain) return g;
  }
  return fallback;
}

int Clauses::FiniteBefore(int v) const {
  for (int g = v - 1; g >= 0; --g) {
    if (a_.parse.verbs[g].finite) return g;
  }
  return -1;
}

int Clauses::SpeakerCoordinated(int v) const {
  if (!env_.rd.speaker_coordinates) return -1;
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  if (vg.b == 0 || w[vg.b - 1].tag != Tag::kCoord) return -1;
  // One inflected word: "and warned", not "and would consider", "and had".
  // (Infinitives, gerunds and participles are never finite.)
  if (vg.b != vg.head || !vg.finite || vg.passive || vg.modal || vg.future || vg.perfect || vg.negated ||
      vg.copula) {
    return -1;
  }
  if (!parse::IsSpeechActVerb(w[vg.head].lemma)) return -1;
  // The verb the coordination would continue.
  const int g = FiniteBefore(v);
  if (g < 0) return -1;
  // "said Moscow denied the charge and dismissed …": a speech act after a
  // speech act continues what was said.
  if (parse::IsSpeechActVerb(w[a_.parse.verbs[g].head].lemma)) return -1;
  const Clause cg = Of(g);
  if (cg.kind != parse::ClauseKind::kThat || cg.governor_vg < 0 || cg.governor_vg >= g) return -1;
  const int m = cg.governor_vg;
  const VerbGroup& mv = a_.parse.verbs[m];
  if (mv.copula || !parse::IsSayVerb(w[mv.head].lemma)) return -1;
  // In the saying verb's tense: "said … and warned", "says … and warns".
  if (w[mv.head].vform != w[vg.head].vform) return -1;
  return m;
}

int Clauses::MainAfterSubordinate(int v) const {
  if (!env_.rd.comma_and_to_main) return -1;
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  // ", and" right before a verb with no subject of its own.
  if (vg.b < 2 || w[vg.b - 1].tag != Tag::kCoord || w[vg.b - 2].tag != Tag::kComma) return -1;
  if (!vg.finite) return -1;
  const int g = FiniteBefore(v);
  if (g < 0) return -1;
  const parse::ClauseKind k = Of(g).kind;
  if (k != parse::ClauseKind::kTemporal && k != parse::ClauseKind::kReason &&
      k != parse::ClauseKind::kRelative && k != parse::ClauseKind::kCondition) {
    return -1;
  }
  // The main clause the subordinate one hangs on, before it.
  const int m = MainVerbBefore(g);
  return m >= 0 && Of(m).kind == parse::ClauseKind::kMain ? m : -1;
}

bool Clauses::SharesPast(int v) const {
  if (!env_.rd.coordinated_past) return false;
  const auto& w = a_.parse.words;
  const VerbGroup& vg = a_.parse.verbs[v];
  if (vg.b == 0 || w[vg.b - 1].tag != Tag::kCoord || w[vg.head].vform != parse::VForm::kBase) return false;
  const int g = FiniteBefore(v);
  return g >= 0 && (a_.parse.verbs[g].perfect || w[a_.parse.verbs[g].head].vform == parse::VForm::kPast);
}

}  // namespace dyad::code
