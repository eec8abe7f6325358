#include "store/country_codes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/export.h"
#include "store/test_util.h"

namespace dyad::store {
namespace {

// The differences come from the generated table, not from a list in code.
TEST(CountryCodes, DifferencesComeFromTheCameoTable) {
  auto cc = CountryCodes::Load(CountryCodes::DefaultPath());
  ASSERT_TRUE(cc.ok()) << cc.status().message();
  EXPECT_EQ(cc->ToCameo("ROU"), "ROM");
  EXPECT_EQ(cc->ToCameo("MNE"), "MTN");
  EXPECT_EQ(cc->ToCameo("TLS"), "TMP");
  EXPECT_EQ(cc->ToCameo("RUS"), "RUS");
  EXPECT_EQ(cc->ToCameo("WSB"), "WSB");  // a region: CAMEO's own code already
  EXPECT_EQ(cc->ToCameo(""), "");
  EXPECT_EQ(cc->differences(), 3u);
  EXPECT_EQ(cc->ActorToCameo("ROUGOV", "ROU"), "ROMGOV");
  EXPECT_EQ(cc->ActorToCameo("ROU", "ROU"), "ROM");
  EXPECT_EQ(cc->ActorToCameo("IGOUNO", ""), "IGOUNO");
}

TEST(CountryCodes, KeysFromCodesAndNames) {
  auto cc = CountryCodes::Load(CountryCodes::DefaultPath());
  ASSERT_TRUE(cc.ok());
  EXPECT_EQ(cc->KeyOf("russia"), "RUS");
  EXPECT_EQ(cc->KeyOf("RUS"), "RUS");
  EXPECT_EQ(cc->KeyOf("rus"), "RUS");
  EXPECT_EQ(cc->KeyOf("ROM"), "ROU");
  EXPECT_EQ(cc->KeyOf("ROU"), "ROU");
  EXPECT_EQ(cc->KeyOf("Romania"), "ROU");
  EXPECT_EQ(cc->KeyOf("united states"), "USA");
  EXPECT_EQ(cc->KeyOf("East Timor"), "TLS");
  EXPECT_EQ(cc->KeyOf("Narnia"), "");
  EXPECT_EQ(cc->Name("ROU"), "Romania");
}

TEST(CountryCodes, BadTableNamesFileAndLine) {
  namespace fs = std::filesystem;
  fs::path p = fs::temp_directory_path() / "dyad_country_codes_test.tsv";
  std::ofstream(p) << "# comment\ncode\tkind\tiso3\tlabel\nROM\tcountry\tROU\tRomania\nbroken line\n";
  auto cc = CountryCodes::Load(p.string());
  ASSERT_FALSE(cc.ok());
  EXPECT_NE(cc.status().message().find("dyad_country_codes_test.tsv:4:"), std::string::npos)
      << cc.status().message();
  fs::remove(p);
}

TEST(Gdelt, RowWithCameoOrIsoCountryCodes) {
  auto cc = CountryCodes::Load(CountryCodes::DefaultPath());
  ASSERT_TRUE(cc.ok());
  Mention m = testing::M("ROU", "MNE", "036", "2024-05-02", 4, 1, "A", "s1", "ROUGOV");
  DedupEvent ev;
  ev.mentions = {0};
  ev.num_mentions = ev.num_sources = ev.num_articles = 1;
  std::string cameo = GdeltRow({&m}, ev, &*cc), iso = GdeltRow({&m}, ev);
  auto field = [](const std::string& row, int i) {
    size_t b = 0;
    for (int k = 0; k < i; ++k) b = row.find('\t', b) + 1;
    return row.substr(b, row.find('\t', b) - b);
  };
  EXPECT_EQ(field(cameo, 5), "ROMGOV");  // Actor1Code
  EXPECT_EQ(field(cameo, 7), "ROM");     // Actor1CountryCode
  EXPECT_EQ(field(cameo, 15), "MTN");    // Actor2Code
  EXPECT_EQ(field(cameo, 17), "MTN");    // Actor2CountryCode
  EXPECT_EQ(field(iso, 5), "ROUGOV");
  EXPECT_EQ(field(iso, 7), "ROU");
  EXPECT_EQ(field(iso, 17), "MNE");
}

}  // namespace
}  // namespace dyad::store
