#include "serve/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dyad/lexicon.h"

namespace dyad::serve {
namespace {

using nlohmann::json;

const Api& TestApi() {
  static const Api* api = [] {
    auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
    std::shared_ptr<const Lexicon> l = lex.ok() ? *lex : nullptr;
    return new Api(std::make_shared<const Coder>(l), {"dyad test", l ? l->fingerprint() : ""}, {});
  }();
  return *api;
}

// The events of one story are the Coder's, written as the jsonl writer writes them.
TEST(ServeApi, CodeGivesTheCodersEventsAsJsonLines) {
  Story s{"s1", "2024-01-01", "Russia attacked Ukraine on Monday.", "", "", ""};
  auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
  ASSERT_TRUE(lex.ok());
  Coder coder(*lex);
  std::vector<Event> events;
  CodeStats stats;
  coder.CodeStory(s, &events, &stats);
  ASSERT_FALSE(events.empty());

  Reply r = TestApi().Code(R"({"id":"s1","date":"2024-01-01","text":"Russia attacked Ukraine on Monday."})",
                           false);
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  ASSERT_EQ(j["events"].size(), events.size());
  io::WriterInfo info{"dyad test", (*lex)->fingerprint()};
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(j["events"][i], json::parse(io::EventToJson(events[i], info)));
  }
  EXPECT_EQ(j["stats"]["stories"], 1);
  EXPECT_EQ(j["stats"]["events"], events.size());
  EXPECT_FALSE(j["labels"][events[0].code].get<std::string>().empty());
  EXPECT_TRUE(j["errors"].empty());
}

TEST(ServeApi, BadBodiesAreBadRequests) {
  for (const char* body : {"", "{", "[1,", "\"text\"", "42", "null"}) {
    Reply r = TestApi().Code(body, false);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_TRUE(json::parse(r.body)["error"].is_string()) << body;
  }
  // One story that cannot be coded is a bad request…
  EXPECT_EQ(TestApi().Code(R"({"id":"x","date":"2024-01-01"})", false).status, 400);
  EXPECT_EQ(TestApi().Code(R"({"id":"x","date":"2024-1-1","text":"Russia attacked Ukraine."})", false)
                .status,
            400);
  // … in an array it is reported and the others are coded.
  Reply r = TestApi().Code(
      R"([{"id":"x","date":"2024-01-01"},{"id":"y","date":"2024-01-01","text":"Russia attacked Ukraine."}])",
      false);
  ASSERT_EQ(r.status, 200);
  json j = json::parse(r.body);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0].get<std::string>().rfind("stories[0]:", 0), 0u);
  ASSERT_FALSE(j["events"].empty());
  EXPECT_EQ(j["events"][0]["story_id"], "y");
  EXPECT_EQ(j["stats"]["rejected"], 1);
}

// Stories left when the time limit is reached are reported, not coded; the
// first story is always coded.
TEST(ServeApi, TimeLimitStopsBetweenStories) {
  auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
  ASSERT_TRUE(lex.ok());
  ApiOptions opt;
  opt.time_limit = std::chrono::milliseconds(0);
  Api api(std::make_shared<const Coder>(*lex), {"dyad test", (*lex)->fingerprint()}, opt);
  Reply r = api.Code(
      R"([{"id":"a","date":"2024-01-01","text":"Russia attacked Ukraine."},
          {"id":"b","date":"2024-01-01","text":"Russia attacked Ukraine."},
          {"id":"c","date":"2024-01-01","text":"Russia attacked Ukraine."}])",
      false);
  ASSERT_EQ(r.status, 200);
  json j = json::parse(r.body);
  ASSERT_FALSE(j["events"].empty());
  for (const auto& e : j["events"]) EXPECT_EQ(e["story_id"], "a");
  EXPECT_EQ(j["stats"]["timed_out"], 2);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_NE(j["errors"][0].get<std::string>().find("stories[1]..stories[2]: not coded"),
            std::string::npos);
  // With the default limit all three are coded.
  json all = json::parse(TestApi().Code(R"([{"id":"a","date":"2024-01-01","text":"Russia attacked Ukraine."},
          {"id":"b","date":"2024-01-01","text":"Russia attacked Ukraine."}])", false).body);
  EXPECT_EQ(all["stats"]["timed_out"], 0);
  EXPECT_EQ(all["stats"]["coded"], 2);
}

TEST(ServeApi, ExplainChecksItsInput) {
  EXPECT_EQ(TestApi().Explain(R"({"text":"Russia attacked Ukraine."})").status, 400);
  EXPECT_EQ(TestApi().Explain(R"({"date":"2024-01-01"})").status, 400);
  EXPECT_EQ(TestApi().Explain(R"({"text":"Russia attacked Ukraine.","date":"01/01/2024"})").status,
            400);
  Reply r = TestApi().Explain(R"({"text":"Russia attacked Ukraine.","date":"2024-01-01"})");
  ASSERT_EQ(r.status, 200);
  json j = json::parse(r.body);
  ASSERT_EQ(j["sentences"].size(), 1u);
  EXPECT_EQ(j["sentences"][0]["events"][0]["code"].get<std::string>().substr(0, 2), "19");
}

TEST(ServeApi, StoreRoutesWithoutAStoreAre404) {
  EXPECT_FALSE(TestApi().has_store());
  EXPECT_EQ(TestApi().Events({}).status, 404);
  EXPECT_EQ(TestApi().Alerts({}).status, 404);
  EXPECT_EQ(TestApi().Dyads({}).status, 404);
  EXPECT_EQ(TestApi().Timeline({{"source", "RUS"}, {"target", "UKR"}}).status, 404);
  // Parameters are checked before the store is looked for.
  EXPECT_EQ(TestApi().Events({{"limit", "x"}}).status, 400);
  EXPECT_EQ(TestApi().Events({{"from", "2024-02-30"}}).status, 400);
  EXPECT_EQ(TestApi().Timeline({{"source", "RUS"}, {"target", "UKR"}, {"by", "year"}}).status, 400);
  EXPECT_EQ(json::parse(TestApi().Health().body)["store"], false);
}

}  // namespace
}  // namespace dyad::serve
