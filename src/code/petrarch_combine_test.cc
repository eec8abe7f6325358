#include "code/petrarch_combine.h"

#include <gtest/gtest.h>

namespace dyad::petrarch {
namespace {

TEST(PetrarchCombine, OntologyRoundTrip) {
  EXPECT_EQ(ToOntology("190"), 0x00A0);
  EXPECT_EQ(ToOntology("0841"), 0x020C);
  EXPECT_EQ(ToOntology("---"), 0);
  EXPECT_EQ(ToOntology("1999"), 0x00A0);  // unknown code: its root
  EXPECT_FALSE(ToOntology("904").has_value());
  EXPECT_EQ(FromOntology(0x30A0), "138");
  EXPECT_EQ(FromOntology(0x1070), "");  // means nothing in CAMEO
}

TEST(PetrarchCombine, CombinesAsPetrarch2) {
  EXPECT_EQ(CombineCameo("030", "190"), "138");    // want to attack
  EXPECT_EQ(CombineCameo("050", "085"), "085");    // agree to lift sanctions
  EXPECT_EQ(CombineCameo("020", "070"), "023");    // ask to help
  EXPECT_EQ(CombineCameo("030", "042"), "042");    // prepare to attend: the lower wins
  EXPECT_EQ(CombineCameo("010", "020"), "020");    // two statement-level codes: the lower
  EXPECT_EQ(CombineCameo("050", "0841"), "0841");  // kept as written
  EXPECT_EQ(NegateCameo("060"), "121");
  EXPECT_EQ(NegateCameo("080"), "124");
  EXPECT_EQ(NegateCameo("190"), "");
  EXPECT_EQ(NegateCameo("015"), "016");
}

TEST(PetrarchCombine, FindsTransformations) {
  std::vector<ComposeRule> rules(3);
  rules[0] = {"015", "010", "190", 'a', 'b', "x:1"};
  rules[1] = {"112", "010", "190", 'b', '.', "x:2"};
  rules[2] = {"*", "010", "*", 'a', 'b', "x:3"};
  EXPECT_EQ(FindRule(rules, "010", "195", 'a'), &rules[0]);  // 195 is under 190
  EXPECT_EQ(FindRule(rules, "013", "190", 'b'), &rules[1]);  // 013 is under 010
  EXPECT_EQ(FindRule(rules, "010", "042", 'a'), &rules[2]);
  EXPECT_EQ(FindRule(rules, "010", "042", 'b'), nullptr);
  EXPECT_EQ(FindRule(rules, "110", "190", 'a'), nullptr);
}

}  // namespace
}  // namespace dyad::petrarch
