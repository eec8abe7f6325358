// src/text/sentence_splitter.h — groups tokens into sentences and paragraphs.
//
// SplitSentences() reads Document::tokens (and the white space between them
// in Document::normalized) and fills Document::sentences and the dateline.
//
// Paragraphs: separated by one or more blank (empty or white-space) lines. A
// paragraph boundary always ends a sentence.
//
// Sentence ends: after . ! ? ?! or ... (plus any closing " ' ) ] glued to it),
// when white space follows and the next token starts upper case, is a number,
// a symbol ($) or an opening quote or bracket:
//   He left. Then she came.          -> 2 sentences
//   He said "no." Then she came.     -> 2; the closing " stays in the first
//   "Go away," Sandu said.           -> 1 (a comma never ends a sentence)
//   "Will they attack?" she asked.   -> 1 (lower-case attribution continues)
//   "Leave now!" Sandu said.         -> 1 (name(s) + speech verb continues)
//   the app v2.0 is out.             -> 1
// Abbreviations (see AbbreviationKindOf):
//   Gen. Smith, Mr. Li               -> titles never end a sentence
//   Jan. 5, No. 10, St. Petersburg   -> no split before names and numbers...
//   in the U.S. The next day         -> ...but a split before a common
//                                       sentence-initial word (The, He, It...)
//   John F. Kennedy                  -> initials never split before a name
//   rice, beans etc. Russia said     -> etc. splits before any capital
// Headings: a line that starts a sentence, is ended by a newline, has at most
// 12 words and no final punctuation is a sentence of its own with heading =
// true, unless the next line of the same paragraph starts in lower case or
// the line ends with a function word (then it is a hard-wrapped line and the
// sentence continues):
//   "Talks stall\nRussia said..."    -> heading "Talks stall", then a sentence
//   "troops near the\nborder."        -> one sentence
// Datelines: at the start of the story (after any headings), one to four
// capitalised words, then optionally ", Country" or ", Mon DD[, YYYY]", then
// optionally "(Agency)", then a dash or a colon. Either every place word is
// ALL CAPS and one has at least 3 letters, or the agency part is present:
//   MOSCOW - ...              -> dateline "MOSCOW"
//   MOSCOW, Feb 10 - ...      -> "MOSCOW, Feb 10"
//   BEIRUT (Reuters) - ...    -> "BEIRUT (Reuters)"
//   KYIV, Ukraine (AP) - ...  -> "KYIV, Ukraine (AP)"
//   WASHINGTON: ...           -> "WASHINGTON"
//   Russia - the country ...  -> no dateline
// The dateline and its dash are left out of the first sentence; their tokens
// stay in Document::tokens.
#ifndef DYAD_TEXT_SENTENCE_SPLITTER_H_
#define DYAD_TEXT_SENTENCE_SPLITTER_H_

#include "dyad/document.h"

namespace dyad::text {

// Replaces doc->sentences, doc->dateline_begin and doc->dateline_end using
// doc->tokens, doc->normalized and doc->lower. Every token not in the
// dateline belongs to exactly one sentence; sentences are in text order.
void SplitSentences(Document* doc);

}  // namespace dyad::text

#endif  // DYAD_TEXT_SENTENCE_SPLITTER_H_
