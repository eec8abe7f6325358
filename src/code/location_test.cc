#include "code/location.h"

#include <gtest/gtest.h>

#include "code/testing/stage_run.h"

namespace dyad::code {
namespace {

using testing::StageRun;

// "Name, CTY, type, how" of each event's location, joined by " | " ("none").
std::string Places(const std::string& text, const std::string& date = "2024-05-01") {
  StageRun r(text, date);
  std::string out;
  for (const Event& e : r.events()) {
    if (!out.empty()) out += " | ";
    out += e.location ? e.location->name + ", " + e.location->country + ", " + e.location->type +
                            ", " + e.location->how
                      : "none";
  }
  return out;
}

TEST(Location, ALocativePhraseOnTheActIsWhereItHappened) {
  EXPECT_EQ(Places("Russian drones struck a power plant in Kremenchuk overnight."),
            "Kremenchuk, UKR, city, sentence");
}

TEST(Location, TheSpanPointsAtThePlaceWords) {
  StageRun r("Russian drones struck a power plant in Kremenchuk overnight.");
  ASSERT_EQ(r.events().size(), 1u);
  ASSERT_TRUE(r.events()[0].location && r.events()[0].location->span);
  const Span& sp = *r.events()[0].location->span;
  EXPECT_EQ(std::string("Russian drones struck a power plant in Kremenchuk overnight.")
                .substr(sp.begin, sp.end - sp.begin),
            "Kremenchuk");
  EXPECT_TRUE(r.events()[0].location->lat && r.events()[0].location->lon);
  EXPECT_GT(r.events()[0].location->geonames_id, 0);
}

TEST(Location, APlaceInANameIsNotALocation) {
  // "Kabul Times": a newspaper; Herat is where the raid was.
  EXPECT_EQ(Places("Police raided the offices of the Kabul Times in Herat on Monday."),
            "Herāt, AFG, city, sentence");
}

TEST(Location, AnActOfForceNamingOnlyCountriesIsInTheTargetsCountry) {
  EXPECT_EQ(Places("Iran attacked Israel on Sunday."), "Israel, ISR, country, actor");
}

TEST(Location, ACapitalStandingForItsGovernmentIsNotAPlace) {
  EXPECT_EQ(Places("Moscow expelled two Estonian diplomats on Friday."),
            "Russia, RUS, country, actor");
}

TEST(Location, TheStorysCountriesSayWhichTripoli) {
  EXPECT_EQ(Places("Lebanese troops clashed with gunmen in Tripoli on Friday.").substr(0, 18),
            "Tripoli, LBN, city");
}

TEST(Location, ADivisionNounMakesItTheDivision) {
  EXPECT_EQ(Places("Bandits kidnapped twenty villagers in Niger state on Sunday."),
            "Niger, NGA, admin1, sentence");
}

TEST(Location, OffTheCoastOfAPlaceIsWhereANavalActHappened) {
  EXPECT_EQ(Places("Chinese and Russian warships held joint drills off the coast of Vladivostok on "
                   "Saturday."),
            "Vladivostok, RUS, city, sentence | Vladivostok, RUS, city, sentence");
}

TEST(Location, ACountrysCapitalIsItsCapitalCity) {
  EXPECT_EQ(Places("Kenyan police clashed with protesters in the Kenyan capital on Tuesday."),
            "Nairobi, KEN, city, sentence");
  EXPECT_EQ(Places("Kenyan police clashed with protesters in Kenya's capital on Tuesday."),
            "Nairobi, KEN, city, sentence");
  EXPECT_EQ(Places("Kenyan police clashed with protesters in the capital of Kenya on Tuesday."),
            "Nairobi, KEN, city, sentence");
  // "capital" before another noun is not the city.
  EXPECT_EQ(Places("Kenyan police clashed with protesters in Kenya's capital markets district on "
                   "Tuesday.")
                .find("Nairobi"),
            std::string::npos);
}

}  // namespace
}  // namespace dyad::code
