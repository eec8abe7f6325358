// src/text/normalize.h — Unicode normalisation of a story's text.
//
// Normalize() puts valid UTF-8 in the form the tokenizer and the dictionaries
// expect, and records where every output byte came from:
//
//   "Kiev’s"           -> "Kiev's"          curly quotes become ASCII ' and "
//   "«Nyet»", "„x“"     -> "\"Nyet\"", "\"x\""
//   "1 – 0", "1–0", "−5" -> "1 - 0", "1-0", "-5"    dashes and minus become '-'
//   "talks—which"       -> "talks - which"   an em dash (or U+2015) also gets
//                                            spaces, as it is never a hyphen
//   "10\u00A0km"        -> "10 km"           no-break, thin, ideographic spaces become ' '
//   "wa\u200Br"         -> "war"             zero-width and bidi marks are removed
//   "wait…"             -> "wait..."
//   "e\u0301"           -> "\u00E9"          NFC (via utf8proc)
//   U+2028 / U+0085     -> "\n"; U+2029 -> "\n\n" (a paragraph break)
//
// '\r' is kept as is (the tokenizer treats it as white space) so pure-ASCII
// text is copied unchanged with an identity offset map.
#ifndef DYAD_TEXT_NORMALIZE_H_
#define DYAD_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::text {

// Normalises `in`, which must be valid UTF-8 (see RepairUtf8; invalid bytes
// are passed through as U+FFFD rather than crashing). Overwrites `*out` and
// `*to_in`: to_in->size() == out->size() + 1, (*to_in)[i] is the byte of `in`
// that output byte i came from, the map is non-decreasing, and the last entry
// is in.size(). Bytes produced by one replacement (or one NFC composition)
// all map to the first byte of their source.
void Normalize(std::string_view in, std::string* out, std::vector<uint32_t>* to_in);

// If original[begin, end) ends with characters that Normalize removes
// (zero-width spaces and joiners, BOM, soft hyphen, bidi marks), returns the
// end with them trimmed off (never below `begin`); otherwise returns `end`.
// Used to give tokens and sentences tight original spans.
uint32_t TrimRemovedSuffix(std::string_view original, uint32_t begin, uint32_t end);

}  // namespace dyad::text

#endif  // DYAD_TEXT_NORMALIZE_H_
