// Is a story in English? A cheap test, run before coding: English text is
// full of a few short function words ("the", "of", "and", "to", "in" …),
// other languages written in Latin letters use few of them and many of
// their own ("de", "la", "der", "und", "che" …), and text mostly in other
// scripts (Cyrillic, Arabic, Chinese …) is not English whatever its words. dyad's dictionaries and parser are English only, so a story that
// is not English would give no events; it is skipped and reported instead.
//
//   EnglishGuess g = GuessEnglish("Der Bundestag hat am Montag ...");
//   g.english  // false: 30 words, 1 English function word, 7 German ones
//
// Short texts are never judged on their words (a headline like "Russia
// attacks Ukraine" has none): below kMinWordsToJudge words a Latin-script
// text counts as English.
#ifndef DYAD_TEXT_LANGUAGE_H_
#define DYAD_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace dyad::text {

// Words a text needs before its share of function words is judged.
inline constexpr int kMinWordsToJudge = 20;
// A text of kMinWordsToJudge words or more is not English when under this
// share of its words are English function words, or when it has more
// function words of other languages than English ones. English news
// sentences run at 0.14–0.50 (the lowest of the project's and ../shared's
// 532 gold texts of 20 words or more: 0.136), with at most one foreign
// function word; French, Spanish, German, Italian, Portuguese, Dutch and
// Indonesian news prose at 0.00–0.09 (the few they share: "a", "in", "is"),
// with 5–16 of their own function words in 30 words.
inline constexpr double kMinFunctionWordShare = 0.08;
// Letters counted before the script is judged, and the share of them that
// must be Latin (ASCII or Latin-1/Extended) for a text to be English.
inline constexpr int kMinLettersToJudge = 40;
inline constexpr double kMinLatinShare = 0.5;

struct EnglishGuess {
  bool english = true;
  int words = 0;           // words examined (the first kMaxWords)
  int function_words = 0;  // of which English function words
  int foreign_function_words = 0;  // and function words of other languages
  int letters = 0;         // letters (code points) examined
  int latin_letters = 0;   // of which Latin
  const char* reason = ""; // why not English: "script" or "function words"
};

// Examines at most the first kMaxWords words (and their letters).
inline constexpr int kMaxWords = 60;
EnglishGuess GuessEnglish(std::string_view text);

// Why a guess is "not English", for messages: "2 English and 9 other
// function words in 31 words" or "3 of 120 letters Latin".
std::string WhyNotEnglish(const EnglishGuess& g);

}  // namespace dyad::text

#endif  // DYAD_TEXT_LANGUAGE_H_
