#include "dyad/gazetteer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {
namespace {

constexpr const char* kSmall =
    "# id\ttype\tname\tcountry\tadmin1_code\tadmin1\tlat\tlon\tpopulation\tfeature\tkeys\n"
    "\tcountry\tLebanon\tLBN\t\t\t33.83\t35.83\t0\t\tlebanon\n"
    "\tadmin1\tNorth Kivu\tCOD\tCD-NK\tNorth Kivu\t\t\t0\t\tnord kivu|north kivu\n"
    "2210247\tcity\tTripoli\tLBY\t\t\t32.8874\t13.1873\t1150989\tPPLC\ttripoli\n"
    "266826\tcity\tTripoli\tLBN\t\t\t34.4335\t35.8442\t229398\tPPLA\ttripoli\n";

TEST(Gazetteer, KeysFoldCaseAccentsApostrophesAndHyphens) {
  EXPECT_EQ(Gazetteer::Key("Tibú"), "tibu");
  EXPECT_EQ(Gazetteer::Key("Ivano-Frankivsk"), "ivano frankivsk");
  EXPECT_EQ(Gazetteer::Key("Sana'a"), "sanaa");
  EXPECT_EQ(Gazetteer::Key("São  Paulo"), "sao paulo");
  EXPECT_EQ(Gazetteer::Key("Łódź"), "lodz");
}

TEST(Gazetteer, FindsEveryPlaceOfAKeyMostPopulousFirst) {
  auto gz = Gazetteer::Parse(kSmall, "small.tsv");
  ASSERT_TRUE(gz.ok()) << gz.status().message();
  auto tripoli = (*gz)->Find("tripoli");
  ASSERT_EQ(tripoli.size(), 2u);
  EXPECT_EQ((*gz)->place(tripoli[0]).country, "LBY");
  EXPECT_EQ((*gz)->place(tripoli[1]).country, "LBN");
  EXPECT_TRUE((*gz)->place(tripoli[0]).capital);
  EXPECT_EQ((*gz)->place(tripoli[1]).geonames_id, 266826);
  auto kivu = (*gz)->Find("nord kivu");
  ASSERT_EQ(kivu.size(), 1u);
  const GeoPlace& nk = (*gz)->place(kivu[0]);
  EXPECT_EQ(nk.type, GeoType::kAdmin1);
  EXPECT_FALSE(nk.has_point);  // no seat's point: placed by name only
  EXPECT_TRUE((*gz)->Find("goma").empty());
  ASSERT_NE((*gz)->Country("LBN"), nullptr);
  EXPECT_EQ((*gz)->Country("LBN")->name, "Lebanon");
  EXPECT_EQ((*gz)->Capital("LBY")->name, "Tripoli");
  EXPECT_EQ((*gz)->Capital("LBN"), nullptr);
}

TEST(Gazetteer, BadLinesNameFileAndLine) {
  auto bad = Gazetteer::Parse("\tcity\tX\tXXXX\t\t\t1\t2\t0\t\tx\n", "g.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("g.tsv:1:"), std::string::npos);
  auto lat = Gazetteer::Parse("# c\n\tcity\tX\tXXX\t\t\t95\t2\t0\t\tx\n", "g.tsv");
  ASSERT_FALSE(lat.ok());
  EXPECT_NE(lat.status().message().find("g.tsv:2:"), std::string::npos);
  auto fields = Gazetteer::Parse("\tcity\tX\n", "g.tsv");
  EXPECT_FALSE(fields.ok());
}

TEST(Gazetteer, NumbersReadAsFromCharsReadsThem) {
  // Plain digits take a short cut; exponents, long digit strings and a
  // bare point go to std::from_chars: the same doubles either way.
  auto gz = Gazetteer::Parse(
      "7\tcity\tA\tAAA\t\t\t-69.9667\t0.1\t12\t\ta\n"
      "\tcity\tB\tBBB\t\t\t1.5e1\t12.\t0\t\tb\n"
      "\tcity\tC\tCCC\t\t\t-0\t10.123456789012345678\t4294967295\t\tc\n"
      "\tcity\tD\tDDD\t\t\t.5\t33\t0\t\td",  // no newline at the end
      "n.tsv");
  ASSERT_TRUE(gz.ok()) << gz.status().message();
  ASSERT_EQ((*gz)->size(), 4u);
  const GeoPlace& a = (*gz)->place(0);
  EXPECT_EQ(a.lat, -69.9667);
  EXPECT_EQ(a.lon, 0.1);
  EXPECT_EQ(a.population, 12u);
  EXPECT_EQ(a.geonames_id, 7);
  EXPECT_EQ((*gz)->place(1).lat, 15.0);
  EXPECT_EQ((*gz)->place(1).lon, 12.0);
  EXPECT_TRUE(std::signbit((*gz)->place(2).lat));
  EXPECT_EQ((*gz)->place(2).lon, 10.123456789012345678);
  EXPECT_EQ((*gz)->place(2).population, 4294967295u);
  EXPECT_EQ((*gz)->place(3).lat, 0.5);
  EXPECT_EQ((*gz)->Find("d").size(), 1u);
  auto big = Gazetteer::Parse("\tcity\tX\tXXX\t\t\t1\t2\t4294967296\t\tx\n", "g.tsv");
  EXPECT_FALSE(big.ok());  // past uint32: "population must be a number"
}

TEST(Gazetteer, TheBuiltInGazetteerLoadsWithTheLexiconData) {
  auto gz = Gazetteer::Load(std::string(DYAD_SOURCE_DATA_DIR) + "/geo/gazetteer.tsv");
  ASSERT_TRUE(gz.ok()) << gz.status().message();
  EXPECT_GT((*gz)->size(), 100000u);
  ASSERT_NE((*gz)->Capital("UKR"), nullptr);
  EXPECT_EQ((*gz)->Capital("UKR")->name, "Kyiv");
}

TEST(Gazetteer, EveryBuiltInNumberReadsAsFromCharsReadsIt) {
  // The loader's short cuts for plain numbers against std::from_chars,
  // field by field, on every line of the built-in gazetteer.
  const std::string path = std::string(DYAD_SOURCE_DATA_DIR) + "/geo/gazetteer.tsv";
  auto gz = Gazetteer::Load(path);
  ASSERT_TRUE(gz.ok()) << gz.status().message();
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in);
  std::string line;
  size_t i = 0, points = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f;
    std::string_view rest(line);
    for (size_t tab; (tab = rest.find('\t')) != std::string_view::npos; rest.remove_prefix(tab + 1)) {
      f.push_back(rest.substr(0, tab));
    }
    f.push_back(rest);
    ASSERT_EQ(f.size(), 11u) << "line of place " << i;
    ASSERT_LT(i, (*gz)->size());
    const GeoPlace& p = (*gz)->place(i);
    if (!f[6].empty()) {
      double lat = 0, lon = 0;
      std::from_chars(f[6].data(), f[6].data() + f[6].size(), lat);
      std::from_chars(f[7].data(), f[7].data() + f[7].size(), lon);
      ASSERT_EQ(p.lat, lat) << f[6];
      ASSERT_EQ(p.lon, lon) << f[7];
      ++points;
    }
    uint32_t population = 0;
    std::from_chars(f[8].data(), f[8].data() + f[8].size(), population);
    ASSERT_EQ(p.population, population) << f[8];
    int64_t id = 0;
    if (!f[0].empty()) std::from_chars(f[0].data(), f[0].data() + f[0].size(), id);
    ASSERT_EQ(p.geonames_id, id) << f[0];
    ++i;
  }
  EXPECT_EQ(i, (*gz)->size());
  EXPECT_GT(points, 100000u);
}

}  // namespace
}  // namespace dyad
