// Stage 3: the clause each verb group stands in, and whether its act is
// asserted as real and present.
//
//   "Russia denied that its troops had attacked Kyiv."
//   [denied]   main clause                  asserted
//   [attacked] 'that' clause of 'deny'      blocked: complement of 'deny'
//
//   "If Israel strikes, Iran will respond."
//   [strikes]  condition                    blocked: conditional
//   [respond]  main, future                 blocked: future
//
// Blocked() names the reason an act is not an event (negated, modal,
// obligation, future, conditional, questioned, reported in a blocked
// statement, feared or doubted, infinitive (intended, not done), gerund,
// habitual, hypothetical, historical, refuted), or "" when it is one.
#ifndef DYAD_CODE_CLAUSES_H_
#define DYAD_CODE_CLAUSES_H_

#include <string>

#include "code/analysis.h"

namespace dyad::code {

// When word k is a preposition or conjunction followed by a year before
// story_year ("in 2003", "in June 2023", "in the year 2003"): the year's
// word index; else -1. (Inline: Blocked asks it of every word of a clause,
// and most words are neither; PastYearAfterPrep does the rest.)
int PastYearAfterPrep(const parse::SentenceParse& p, int k, int story_year);
inline int PastYearAfter(const parse::SentenceParse& p, int k, int story_year) {
  if (story_year <= 0 || k < 0 || static_cast<size_t>(k) >= p.words.size()) return -1;
  const parse::Tag t = p.words[static_cast<size_t>(k)].tag;
  if (t != parse::Tag::kPrep && t != parse::Tag::kSub) return -1;
  return PastYearAfterPrep(p, k, story_year);
}

// "years", "a decade", "months": a span long enough that what came that long
// before an act ("seven years after …") is history.
bool IsLongSpan(std::string_view word);

// When words k, k+1 date an act weeks or more before story_date (YYYYMMDD):
// "in January" (another month of the story's year or the year before), "on
// August 5", "last year", "two years ago". The index of the dating word, else -1.
int PastDateAfter(const parse::SentenceParse& p, int k, int story_date);

class Clauses {
 public:
  Clauses(const StoryEnv& env, const SentenceAnalysis& a) : env_(env), a_(a) {}

  // The clause verb group v stands in: its kind, what opened it and the
  // verb (or hearsay noun) that governs it.
  Clause Of(int v) const;
  // Why verb group v cannot report a real, present act, or "".
  std::string Blocked(int v, const Clause& c) const;

  // "by massing", "after shelling": a gerund that tells how or after what
  // the main act was done (or a voicing gerund).
  bool MeansGerund(int v) const;
  // "rallied demanding autonomy": a gerund of speech after a
  // whole clause, saying what its subject voiced while doing it.
  bool VoicingGerund(int v) const;
  // "marched to protest …": an act done to protest voices the protest.
  bool PurposeOfProtest(int v, const Clause& c) const;
  // The main-clause verb a means gerund belongs to, or -1.
  int MainVerbOf(int v) const;
  // The nearest finite verb group before v that stands in a main clause
  // (else the nearest finite one), or -1.
  int MainVerbBefore(int v) const;
  // The nearest finite verb group before v (infinitives, gerunds and
  // participles are not finite), or -1.
  int FiniteBefore(int v) const;
  // "Iraq said it would allow …": "would" in reported speech is a future.
  bool WouldInReport(int v, const Clause& c) const;
  // "unless" after verb group v.
  bool UnlessAfter(int v) const;
  // "X said the Kremlin bore responsibility and warned that …": when verb
  // group v is a speech act joined by "and" to the complement of a saying
  // verb, that saying verb (v is its subject's own act); else -1.
  int SpeakerCoordinated(int v) const;
  // "Orban defended Netanyahu after the court issued a warrant, and invited
  // him to Budapest": a verb after ", and" that follows a subordinate
  // clause continues the main clause; that main verb, else -1.
  int MainAfterSubordinate(int v) const;
  // "had intercepted three rockets and hit dozens of targets": a bare form
  // after "and" that shares a past or perfect verb before it is past.
  bool SharesPast(int v) const;

 private:
  const StoryEnv& env_;
  const SentenceAnalysis& a_;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_CLAUSES_H_
