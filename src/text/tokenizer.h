// src/text/tokenizer.h — splits normalised text into tokens.
//
// Tokenize() cuts a span of Document::normalized into dyad::Tokens, each with
// its byte span in the normalised text, in the original text and in
// Document::lower (its lower-cased form). Examples (input -> tokens):
//
//   Moscow's demands      -> Moscow | 's (kPunct, kPossessive) | demands
//   the allies' plan      -> the | allies | ' (kPunct, kPossessive) | plan
//   it's                  -> it | 's (kWord: a verb, not a possessive)
//   don't, can't, won't   -> do n't | ca n't | wo n't   (Penn Treebank style, as
//                            the CoreNLP-based PETRARCH dictionaries expect;
//                            "n't" is a kWord so negation is visible)
//   they're, I'm, we'll   -> they 're | I 'm | we 'll
//   O'Brien, d'Ivoire     -> one token each (inner apostrophe, not a suffix)
//   Russian-backed, F-16  -> one kWord each, flag kHyphenated
//   U.S.-led              -> one kWord, kHyphenated
//   a - b                 -> a | - (kPunct) | b
//   100,000 3.5 2015 1-0  -> kNumber each; 15th and 1990s are kNumber too
//   10:30, 9/11           -> kNumber
//   $2 billion            -> $ (kSymbol) | 2 (kNumber) | billion
//   50%                   -> 50 | % (kSymbol)
//   U.S. U.N. e.g. a.m.   -> one kWord each, period kept
//   Gen. Mr. Jan. No. St. -> one kWord each, period kept (see AbbreviationKindOf)
//   John F. Kennedy       -> John | F. | Kennedy   (initials keep their period)
//   He left.              -> He | left | .
//   wait... what?!        -> wait | ... | what | ?!
//   "Finlandization"      -> " | Finlandization | "
//   AT&T, reuters.com     -> one token each
//
// Flags: kCapitalized (first character upper case), kAllCaps (two or more
// cased letters, none lower case: NATO, UN, U.S.), kPossessive, kHyphenated.
// Letters of any script are word characters; other punctuation is kPunct,
// everything else (currency, %, U+FFFD, emoji) is a one-character kSymbol.
#ifndef DYAD_TEXT_TOKENIZER_H_
#define DYAD_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>

#include "dyad/document.h"

namespace dyad::text {

// Appends the tokens of doc->normalized[begin, end) to doc->tokens and their
// lower-cased forms to doc->lower. Requires doc->original, doc->normalized
// and doc->to_original as Normalize() leaves them, and begin <= end <=
// normalized.size(). Token::begin/end are original offsets; the end is
// trimmed of removed zero-width characters.
void Tokenize(uint32_t begin, uint32_t end, Document* doc);

// How a word ending in a period may end a sentence (used by the splitter).
enum class AbbreviationKind {
  kNone,   // not an abbreviation (or no final period)
  kTitle,  // Mr. Dr. Gen. Sen. ...: never ends a sentence
  kEtc,    // etc.: ends a sentence when a capitalised word follows
  kOther,  // U.S., F., Jan., No., St., Inc. ...: ends a sentence only
           // before a common sentence-initial word ("The", "He", ...)
};

// Classifies a token text such as "Gen.", "U.S.", "F." or "etc.".
AbbreviationKind AbbreviationKindOf(std::string_view token_text);

}  // namespace dyad::text

#endif  // DYAD_TEXT_TOKENIZER_H_
