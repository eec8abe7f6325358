#include "store/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dyad/gazetteer.h"
#include "store/test_util.h"

namespace dyad::store {
namespace {

using testing::M;

std::vector<std::string> Fields(const std::string& row) {
  std::vector<std::string> f;
  size_t b = 0;
  while (true) {
    size_t e = row.find('\t', b);
    f.push_back(row.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return f;
}

TEST(Gdelt, SixtyOneColumnsInGdeltOrder) {
  const auto& c = GdeltColumns();
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[0], "GLOBALEVENTID");
  EXPECT_EQ(c[5], "Actor1Code");
  EXPECT_EQ(c[15], "Actor2Code");
  EXPECT_EQ(c[25], "IsRootEvent");
  EXPECT_EQ(c[34], "AvgTone");
  EXPECT_EQ(c[35], "Actor1Geo_Type");
  EXPECT_EQ(c[51], "ActionGeo_Type");
  EXPECT_EQ(c[58], "ActionGeo_FeatureID");
  EXPECT_EQ(c[59], "DATEADDED");
  EXPECT_EQ(c[60], "SOURCEURL");
}

TEST(Gdelt, FractionDateAndEventId) {
  EXPECT_EQ(GdeltFractionDate("2015-02-18"), "2015.1315");  // (30 + 18) / 365
  EXPECT_EQ(GdeltFractionDate("1979-01-01"), "1979.0027");
  // An id is below 2^53 and GLOBALEVENTID is its value.
  EXPECT_EQ(GdeltEventId("001fffffffffffff"), (uint64_t{1} << 53) - 1);
  EXPECT_EQ(GdeltEventId("0000000000000010"), 16u);
  // A 64-bit id of a store written before: its top 53 bits, still below 2^53.
  EXPECT_EQ(GdeltEventId("ffffffffffffffff"), (uint64_t{1} << 53) - 1);
  EXPECT_EQ(GdeltEventId("0020000000000000"), uint64_t{1} << 42);
}

TEST(Gdelt, RowOfADeduplicatedEvent) {
  std::vector<Mention> ms = {M("RUS", "UKR", "1312", "2022-02-10", -5.8, 3, "A", "s1", "RUSGOV"),
                             M("RUS", "UKR", "1312", "2022-02-10", -5.8, 3, "B", "s2", "RUSGOV")};
  ms[0].event.source.name = "the Kremlin";
  ms[0].event.source.types = {"GOV"};
  ms[0].added = "20220210120000";
  ms[0].url = "https://example.org/a";
  ms[1].is_root = true;
  auto evs = Deduplicate(ms, DedupOptions{});
  ASSERT_EQ(evs.size(), 1u);
  auto f = Fields(GdeltRow({&ms[0], &ms[1]}, evs[0]));
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[1], "20220210");
  EXPECT_EQ(f[2], "202202");
  EXPECT_EQ(f[3], "2022");
  EXPECT_EQ(f[5], "RUSGOV");
  EXPECT_EQ(f[6], "KREMLIN");
  EXPECT_EQ(f[7], "RUS");
  EXPECT_EQ(f[12], "GOV");
  EXPECT_EQ(f[15], "UKR");
  EXPECT_EQ(f[25], "1");  // IsRootEvent: one mention is from a lead paragraph
  EXPECT_EQ(f[26], "1312");
  EXPECT_EQ(f[27], "131");
  EXPECT_EQ(f[28], "13");
  EXPECT_EQ(f[29], "3");
  EXPECT_EQ(f[30], "-5.8");
  EXPECT_EQ(f[31], "2");  // NumMentions
  EXPECT_EQ(f[32], "2");  // NumSources
  EXPECT_EQ(f[33], "2");  // NumArticles
  EXPECT_EQ(f[34], "");   // AvgTone: not invented
  for (int i = 35; i < 59; ++i) EXPECT_EQ(f[i], "") << "geo column " << i;
  EXPECT_EQ(f[59], "20220210120000");
  EXPECT_EQ(f[60], "https://example.org/a");
}

TEST(Gdelt, TargetlessEventHasEmptyActor2) {
  Mention m = M("RUS", "", "190", "2022-02-24", -10, 4);
  DedupEvent ev;
  ev.mentions = {0};
  ev.num_mentions = ev.num_sources = ev.num_articles = 1;
  auto f = Fields(GdeltRow({&m}, ev));
  ASSERT_EQ(f.size(), 61u);
  for (int i = 15; i < 25; ++i) EXPECT_EQ(f[i], "");
}

EventLocation Kharkiv() {
  EventLocation l;
  l.name = "Kharkiv";
  l.country = "UKR";
  l.admin1 = "Kharkiv Oblast";
  l.admin1_code = "UA-63";
  l.lat = 49.98081;
  l.lon = 36.25272;
  l.geonames_id = 706483;
  l.type = "city";
  l.how = "sentence";
  l.span = Span{10, 17};
  return l;
}

TEST(Gdelt, GeoColumnsFromTheLocationAndTheActorsCountries) {
  Mention m = M("RUS", "UKR", "190", "2022-02-24", -10, 4, "A", "s1", "RUSMIL");
  m.event.location = Kharkiv();
  auto gz = Gazetteer::Parse(
      "\tcountry\tRussia\tRUS\t\t\t60\t100\t0\t\trussia\n"
      "\tcountry\tUkraine\tUKR\t\t\t49\t32\t0\t\tukraine\n",
      "test.tsv");
  ASSERT_TRUE(gz.ok());
  DedupEvent ev;
  ev.mentions = {0};
  ev.num_mentions = ev.num_sources = ev.num_articles = 1;
  auto f = Fields(GdeltRow({&m}, ev, nullptr, gz->get()));
  ASSERT_EQ(f.size(), 61u);
  // Actor1Geo_*: Russia at country level; Actor2Geo_*: Ukraine.
  EXPECT_EQ(f[35], "1");
  EXPECT_EQ(f[36], "Russia");
  EXPECT_EQ(f[37], "RUS");
  EXPECT_EQ(f[40], "60.0000");
  EXPECT_EQ(f[41], "100.0000");
  EXPECT_EQ(f[43], "1");
  EXPECT_EQ(f[45], "UKR");
  // ActionGeo_*: the city.
  EXPECT_EQ(f[51], "4");
  EXPECT_EQ(f[52], "Kharkiv, Kharkiv Oblast");
  EXPECT_EQ(f[53], "UKR");
  EXPECT_EQ(f[54], "UA-63");
  EXPECT_EQ(f[55], "");  // ADM2Code: not coded
  EXPECT_EQ(f[56], "49.9808");
  EXPECT_EQ(f[57], "36.2527");
  EXPECT_EQ(f[58], "706483");
  // Without a gazetteer the actors' blocks stay empty; the location is the event's own.
  auto g = Fields(GdeltRow({&m}, ev));
  for (int i = 35; i < 51; ++i) EXPECT_EQ(g[i], "") << "actor geo column " << i;
  EXPECT_EQ(g[52], "Kharkiv, Kharkiv Oblast");
}

TEST(Plover, LocationFields) {
  Mention m = M("RUS", "UKR", "190", "2022-02-24", -10, 4, "A", "s1", "RUSMIL");
  m.event.plover = "ASSAULT";
  m.event.location = Kharkiv();
  auto j = nlohmann::json::parse(*PloverJson(m));
  EXPECT_EQ(j["location"], "Kharkiv");
  EXPECT_EQ(j["country"], "UKR");
  EXPECT_EQ(j["geolocation"]["placename"], "Kharkiv");
  EXPECT_EQ(j["geolocation"]["geonameid"], 706483);
  EXPECT_EQ(j["geolocation"]["feature_code"], "city");
  EXPECT_DOUBLE_EQ(j["geolocation"]["lat"].get<double>(), 49.98081);
}

TEST(Plover, RecordFieldsAndSkippedCodes) {
  Mention m = M("RUS", "UKR", "190", "2022-02-24", -10, 4, "A", "s1", "RUSMIL");
  m.event.plover = "ASSAULT";
  m.event.source.types = {"MIL"};
  m.event.trigger = "attacked";
  m.coder = "dyad 0.1.0";
  m.dictionary = "dyad@12345678";
  m.added = "20220301101010";
  auto j = nlohmann::json::parse(*PloverJson(m));
  EXPECT_EQ(j["id"], m.event.id);
  EXPECT_EQ(j["date"], "2022-02-24");
  EXPECT_EQ(j["actor"][0]["code"], "RUSMIL");
  EXPECT_EQ(j["actor"][0]["sector"], "MIL");
  EXPECT_EQ(j["recipient"][0]["code"], "UKR");
  EXPECT_EQ(j["event"][0], "ASSAULT");
  EXPECT_EQ(j["quad_code"], 4);
  EXPECT_EQ(j["event_text"], "attacked");
  EXPECT_EQ(j["cite_info"]["publication"], "A");
  EXPECT_EQ(j["coder"], "dyad 0.1.0");
  EXPECT_EQ(j["coded_date"], "2022-03-01");
  Mention statement = M("RUS", "UKR", "010", "2022-02-24", 0, 1);
  EXPECT_FALSE(PloverJson(statement));  // CAMEO 01/02: no PLOVER type
  EXPECT_EQ(PloverQuad("SANCTION"), 4);
  EXPECT_EQ(PloverQuad("REQUEST"), 3);
  EXPECT_EQ(PloverQuad("AID"), 2);
  EXPECT_EQ(PloverQuad("CONSULT"), 1);
}

TEST(MentionJson, CarriesTheDeduplicatedEvent) {
  Mention m = M("RUS", "UKR", "190", "2022-02-24", -10, 4, "A", "s1");
  DedupEvent ev;
  ev.num_mentions = 3;
  ev.num_sources = 2;
  ev.num_articles = 2;
  auto j = nlohmann::json::parse(MentionJson(m, ev, "abc"));
  EXPECT_EQ(j["code"], "190");
  EXPECT_EQ(j["publisher"], "A");
  EXPECT_EQ(j["event_cluster"]["id"], "abc");
  EXPECT_EQ(j["event_cluster"]["num_mentions"], 3);
}

}  // namespace
}  // namespace dyad::store
