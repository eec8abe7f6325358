// PETRARCH-2's composition of nested verb codes (private to src/code).
//
// PETRARCH-2 does not keep CAMEO codes while it codes a sentence: each code
// is turned into a number of its own ontology, in which a verb that governs
// another ("wants to attack", "agreed to lift", "would not provide") adds
// its number to the number of the verb it governs. Only the sum that maps
// back onto a CAMEO code gives an event:
//
//   want [030] + attack [190]          -> 138   (threaten with force)
//   agree [050] + lift sanctions [085] -> 085   (the lower act wins)
//   ask [020] + help [070]             -> 023   (appeal for aid)
//   not + provide support [060]        -> 121   (reject cooperation)
//   not + attack [190]                 -> none
//
// Thread-safety: the functions only read constant tables.
#ifndef DYAD_SRC_CODE_PETRARCH_COMBINE_H_
#define DYAD_SRC_CODE_PETRARCH_COMBINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"

namespace dyad::petrarch {

// The ontology number of a CAMEO code ("0841", "190"). A code missing from
// the table is read by its root ("19x" as "190"); nullopt when the root is
// unknown too. "---" (no code) is 0.
std::optional<int> ToOntology(std::string_view cameo);

// The CAMEO code of an ontology number, or "" when none has it (the
// composition means nothing CAMEO can say: PETRARCH-2 drops the event).
std::string FromOntology(int value);

// The number of a verb `upper` governing a verb or phrase coded `lower`:
// a negated lower code is added; of two statement-level codes (01x-04x,
// 09x-15x) the lower one wins; a lower code at least as high as the upper
// one wins; else the two are added.
int Combine(int upper, int lower);

// The number of a negated act ("would not provide"): the act's number
// made negative.
int Negate(int value);

// True when `value` is a "high-level" number (statements, appeals,
// intents, demands, threats, protests, consults, investigations,
// disapproval, postures, coercion): such a lower act is not folded into an
// upper one that names someone else as its subject.
bool IsHighLevel(int value);

// Combines two CAMEO codes as a governing and a governed verb; "" when
// the composition has no CAMEO code. When the result is one of the two
// inputs, that input is returned as written (so "0841" stays "0841"
// although the ontology does not tell it from "082").
std::string CombineCameo(std::string_view upper, std::string_view lower);

// The CAMEO code of a negated act, or "".
std::string NegateCameo(std::string_view code);

// The transformation for a verb coded `outer` reporting a nested event coded
// `inner` whose source is `source` ('a': the outer subject, 'b': another
// actor, '_': none), as PETRARCH-2 looked it up: the outer code's most
// specific class that has rules, then the inner code's (or a rule for any
// code), then the source. nullptr when none applies.
const ComposeRule* FindRule(const std::vector<ComposeRule>& rules, std::string_view outer,
                            std::string_view inner, char source);

}  // namespace dyad::petrarch

#endif  // DYAD_SRC_CODE_PETRARCH_COMBINE_H_
