#include "text/language.h"

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

TEST(GuessEnglish, EnglishNewsIsEnglish) {
  EnglishGuess g = GuessEnglish(
      "Russian forces shelled the outskirts of Kharkiv on Tuesday, the regional governor said, "
      "a day after Moscow rejected a proposal for talks with Kyiv on a ceasefire.");
  EXPECT_TRUE(g.english);
  EXPECT_GE(g.words, kMinWordsToJudge);
  EXPECT_GT(g.function_words, 5);
}

// A headline, or a story of a few terse sentences, has too few words to judge.
TEST(GuessEnglish, ShortHeadlinesAreNotJudged) {
  EXPECT_TRUE(GuessEnglish("Russia attacked Ukraine.").english);
  EXPECT_TRUE(GuessEnglish("Venezuela Masses Troops Near Guyana Border Amid Essequibo Row").english);
  // Short foreign text is not judged either (it codes nothing, as before).
  EXPECT_TRUE(GuessEnglish("Le Kremlin dément toute attaque.").english);
}

TEST(GuessEnglish, LatinScriptLanguagesAreNotEnglish) {
  const char* kTexts[] = {
      "Le président russe a annoncé lundi que les troupes quitteraient la frontière avec "
      "l'Ukraine dans les prochains jours, selon un communiqué publié par le Kremlin après une "
      "réunion du conseil de sécurité.",
      "El gobierno de Venezuela acusó el martes a Guyana de violar los acuerdos sobre la región "
      "del Esequibo y anunció que enviará una delegación a Caracas para negociar.",
      "Der Bundestag hat am Montag mit großer Mehrheit neue Sanktionen gegen Russland "
      "beschlossen, nachdem die Regierung in Berlin die Angriffe auf die Ukraine scharf "
      "verurteilt hatte.",
      "Il governo italiano ha condannato in una nota l'attacco contro la missione delle Nazioni "
      "Unite in Libano e ha chiesto a Israele di garantire la sicurezza dei soldati italiani.",
      "O presidente do Brasil criticou nesta terça-feira as sanções impostas pelos Estados "
      "Unidos contra a Venezuela e pediu um diálogo entre os dois países para evitar uma crise.",
  };
  for (const char* t : kTexts) {
    EnglishGuess g = GuessEnglish(t);
    EXPECT_FALSE(g.english) << t;
    EXPECT_STREQ(g.reason, "function words") << t;
  }
}

TEST(GuessEnglish, OtherScriptsAreNotEnglish) {
  EnglishGuess ru = GuessEnglish(
      "Министерство обороны России заявило во вторник, что войска нанесли удар по объектам "
      "инфраструктуры на востоке Украины.");
  EXPECT_FALSE(ru.english);
  EXPECT_STREQ(ru.reason, "script");
  // No spaces between words: judged on its letters, not its word count.
  EnglishGuess zh = GuessEnglish("外交部发言人周二表示，中方坚决反对美国对台湾地区的军售，并敦促美方停止向台湾出售武器。");
  EXPECT_FALSE(zh.english);
  EXPECT_EQ(WhyNotEnglish(zh).find(" letters Latin") != std::string::npos, true);
}

// English text quoting a few foreign words or names stays English.
TEST(GuessEnglish, EnglishWithForeignNamesIsEnglish) {
  EXPECT_TRUE(GuessEnglish("Fighters of al-Shabaab attacked a base of the African Union near "
                           "the town of El Baraf, and the mayor of La Paz condemned the "
                           "attack in a statement on Monday.")
                  .english);
}

}  // namespace
}  // namespace dyad::text
