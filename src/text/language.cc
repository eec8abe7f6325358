#include "text/language.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "lexicon/word_map.h"

namespace dyad::text {
namespace {

// Common English function words (articles, prepositions, pronouns,
// auxiliaries, conjunctions), lower case.
constexpr std::array<std::string_view, 88> kFunctionWords = {
    "a",     "about", "after", "against", "all",   "also",  "an",    "and",   "are",   "as",
    "at",    "be",    "been",  "before",  "being", "between", "but", "by",    "can",   "could",
    "did",   "do",    "does",  "during",  "for",   "from",  "had",   "has",   "have",  "he",
    "her",   "his",   "how",   "i",       "if",    "in",    "into",  "is",    "it",    "its",
    "may",   "more",  "most",  "must",    "no",    "not",   "of",    "on",    "or",    "other",
    "our",   "out",   "over",  "said",    "says",  "she",   "should", "since", "so",   "some",
    "than",  "that",  "the",   "their",   "them",  "there", "these", "they",  "this",  "those",
    "through", "to",  "under", "until",   "up",    "was",   "we",    "were",  "what",  "when",
    "where", "which", "while", "who",     "will",  "with",  "would", "you"};

// Function words of the other languages news comes in most often in Latin
// letters (French, Spanish, Italian, Portuguese, German, Dutch, Indonesian)
// that English text does not use: a text with more of these than of
// English ones is not English.
constexpr std::array<std::string_view, 95> kForeignFunctionWords = {
    "ao", "aos", "au", "auch", "auf", "aux", "avec", "che", "com", "con", "da", "dan", "dans",
    "dari", "das", "de", "del", "della", "delle", "dem", "dengan", "der", "des", "di", "die",
    "dos", "du", "e", "een", "ein", "eine", "el", "elle", "em", "en", "es", "est", "et",
    "für", "gli", "het", "il", "ils", "im", "ini", "ist", "itu", "la", "las", "le", "les",
    "lo", "los", "mit", "na", "nas", "nel", "nicht", "non", "nos", "não", "o", "ont", "os",
    "par", "para", "pas", "pela", "pelas", "pelo", "pelos", "por", "pour", "que", "qui", "se",
    "sich", "sono", "su", "sur", "sus", "uma", "un", "una", "und", "une", "untuk", "von", "y",
    "yang", "zu", "à", "às", "é", "été"};

// Both lists in one open-addressed table (lexicon/word_map.h), built once: a
// word costs one hash and one probe. Bit 1: English, bit 2: another language.
constexpr uint8_t kEnglishWord = 1, kForeignWord = 2;
const FlatWordMap<uint8_t>& FunctionWords() {
  static const FlatWordMap<uint8_t>* const map = [] {
    std::vector<std::pair<std::string_view, uint8_t>> items;
    for (std::string_view w : kFunctionWords) items.emplace_back(w, kEnglishWord);
    for (std::string_view w : kForeignFunctionWords) {
      auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.first == w; });
      if (it != items.end()) it->second |= kForeignWord;
      else items.emplace_back(w, kForeignWord);
    }
    auto* m = new FlatWordMap<uint8_t>;
    m->Build(items);
    return m;
  }();
  return *map;
}

// The code point at s[i] (advancing i); U+FFFD for a bad byte.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || *i + n > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  uint32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += n;
  return cp;
}

bool IsAsciiLetter(uint32_t cp) { return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'; }
// Latin-1 Supplement and Latin Extended-A/B letters (é, ñ, ß, ł …).
bool IsOtherLatinLetter(uint32_t cp) {
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}
// A letter of another script, roughly: any code point from Greek on that is
// not punctuation, a symbol or a space of the general blocks.
bool IsOtherScriptLetter(uint32_t cp) {
  if (cp < 0x370) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows …
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE6F) return false;  // variation selectors, small forms
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // fullwidth punctuation
  if (cp == 0xFFFD || cp >= 0x1F000) return false; // replacement, emoji
  return true;
}

}  // namespace

EnglishGuess GuessEnglish(std::string_view text) {
  EnglishGuess g;
  const FlatWordMap<uint8_t>& function_words = FunctionWords();
  // The lower-cased word so far; a word of more than 7 bytes is no function
  // word, so only its first 8 bytes are kept.
  char word[8];
  size_t word_len = 0;
  bool in_word = false, word_has_other = false;
  auto end_word = [&] {
    if (!in_word) return;
    ++g.words;
    if (!word_has_other && word_len <= 7) {
      if (const uint8_t* bits = function_words.Find(std::string_view(word, word_len))) {
        if (*bits & kEnglishWord) ++g.function_words;
        if (*bits & kForeignWord) ++g.foreign_function_words;
      }
    }
    word_len = 0;
    in_word = false;
    word_has_other = false;
  };
  auto push = [&](char c) {
    if (word_len < sizeof word) word[word_len] = c;
    ++word_len;
  };
  for (size_t i = 0; i < text.size() && g.words < kMaxWords;) {
    if constexpr (std::endian::native == std::endian::little) {
      // A run of ASCII letters, up to eight at a time (it ends no word, so
      // the word count is not passed): counted, and the word's first eight
      // bytes kept lower-cased, as the byte loop below does one by one.
      if (i + 8 <= text.size()) {
        constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
        uint64_t x;
        std::memcpy(&x, text.data() + i, 8);
        if ((x & kHigh) == 0) {
          const uint64_t y = x | (kOnes * 0x20);
          // High bit of each byte of y in 'a'..'z' (bytes below 0x80: no carries).
          const uint64_t letters = ((y + kOnes * (0x80 - 'a')) ^ (y + kOnes * (0x80 - ('z' + 1)))) & kHigh;
          const uint64_t stop = ~letters & kHigh;
          const size_t run = stop ? static_cast<size_t>(std::countr_zero(stop)) >> 3 : 8;
          if (run > 0) {
            g.letters += static_cast<int>(run);
            g.latin_letters += static_cast<int>(run);
            in_word = true;
            if (word_len < sizeof word) {
              std::memcpy(word + word_len, &y, std::min(run, sizeof word - word_len));
            }
            word_len += run;
            i += run;
            continue;
          }
        }
      }
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // ASCII: no decoding
      ++i;
      if (IsAsciiLetter(byte)) {
        ++g.letters;
        ++g.latin_letters;
        in_word = true;
        push(static_cast<char>(byte | 0x20));
      } else if (byte == '\'' && in_word) {
        word_has_other = true;  // "don't", "Russia's": not a function word
      } else {
        end_word();
      }
      continue;
    }
    uint32_t cp = NextCodePoint(text, &i);
    bool latin = IsOtherLatinLetter(cp);
    bool other = !latin && IsOtherScriptLetter(cp);
    if (latin || other) {
      ++g.letters;
      if (latin) ++g.latin_letters;
      in_word = true;
      if (latin && cp < 0x800) {  // é, ã, ü: kept, as UTF-8 (lower case)
        uint32_t lower = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 0x20 : cp;
        push(static_cast<char>(0xC0 | lower >> 6));
        push(static_cast<char>(0x80 | (lower & 0x3F)));
      } else {
        word_has_other = true;
      }
    } else {
      end_word();
    }
  }
  end_word();
  if (g.letters >= kMinLettersToJudge &&
      g.latin_letters < kMinLatinShare * static_cast<double>(g.letters)) {
    g.english = false;
    g.reason = "script";
  } else if (g.words >= kMinWordsToJudge &&
             (g.function_words < kMinFunctionWordShare * static_cast<double>(g.words) ||
              g.foreign_function_words > g.function_words)) {
    g.english = false;
    g.reason = "function words";
  }
  return g;
}

std::string WhyNotEnglish(const EnglishGuess& g) {
  if (std::string_view(g.reason) == "script") {
    return std::to_string(g.latin_letters) + " of " + std::to_string(g.letters) + " letters Latin";
  }
  return std::to_string(g.function_words) + " English and " +
         std::to_string(g.foreign_function_words) + " other function words in " +
         std::to_string(g.words) + " words";
}

}  // namespace dyad::text
