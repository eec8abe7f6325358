#include "serve/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dyad/lexicon.h"
#include "report/map.h"
#include "report/svg.h"
#include "serve/web_assets.h"

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
  EXPECT_EQ(TestApi().Places({}).status, 404);
  EXPECT_EQ(TestApi().Places({{"source", "RUS"}, {"target", "UKR"}}).status, 404);
  EXPECT_EQ(TestApi().Places({{"from", "2024-13-01"}}).status, 400);
  EXPECT_EQ(TestApi().Places({{"root", "1x"}}).status, 400);
  EXPECT_EQ(TestApi().Places({{"to", "yesterday"}}).status, 400);
}

// GET /api/map is the report's map as data: its land path, its band and the
// quad colours, so that the page draws what the report draws.
TEST(ServeApi, MapIsTheReportsMap) {
  Reply r = TestApi().Map();
  ASSERT_EQ(r.status, 200);
  json j = json::parse(r.body);
  EXPECT_EQ(j["land"].get<std::string>(), std::string(report::WorldLandPath()));
  EXPECT_GT(j["land"].get<std::string>().size(), 10000u);
  // The report's SVG draws the same path in the same band.
  std::string svg = report::WorldMapSvg({});
  EXPECT_NE(svg.find(j["land"].get<std::string>()), std::string::npos);
  ASSERT_EQ(j["view_box"].size(), 4u);
  EXPECT_NE(svg.find("viewBox=\"0 " + report::Num(j["view_box"][1].get<double>()) + " 360 " +
                     report::Num(j["view_box"][3].get<double>()) + "\""),
            std::string::npos);
  EXPECT_EQ(j["x"], "lon + 180");
  EXPECT_EQ(j["y"], "90 - lat");
  ASSERT_EQ(j["quad_classes"].size(), 4u);
  for (int q = 0; q < 4; ++q) {
    EXPECT_EQ(j["quad_classes"][q]["quad_class"], q + 1);
    EXPECT_EQ(j["quad_classes"][q]["color"], report::kQuadColors[q]);
    EXPECT_EQ(j["quad_classes"][q]["label"], report::kQuadLabels[q]);
  }
  // A point of the busiest place has the largest radius the report draws.
  EXPECT_DOUBLE_EQ(j["radius"]["min"].get<double>() + j["radius"]["scale"].get<double>(),
                   report::PointRadius(7, 7));
}

// The page is sent with a Content-Security-Policy that allows no inline
// script, nothing from another origin and no framing; its script puts
// server text in with textContent and links only http(s) story urls.
TEST(ServePage, HeadersAndScriptAreSafe) {
  std::map<std::string, std::string> h;
  for (const Header& x : PageHeaders()) h[std::string(x.name)] = std::string(x.value);
  const std::string& csp = h["Content-Security-Policy"];
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(csp.find("http"), std::string::npos);  // no other origin
  EXPECT_EQ(h["X-Frame-Options"], "DENY");
  std::string js, html;
  for (const Asset& a : WebAssets()) {
    if (a.path == "/app.js") js = a.body;
    if (a.path == "/") html = a.body;
  }
  ASSERT_FALSE(js.empty());
  for (const char* bad :
       {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("}) {
    EXPECT_EQ(js.find(bad), std::string::npos) << bad;
  }
  // Story urls become links only through webUrl(), which takes http(s) only.
  EXPECT_NE(js.find("/^https?:\\/\\/"), std::string::npos);
  EXPECT_NE(js.find("if (webUrl(s.url))"), std::string::npos);
  size_t hrefs = 0;
  for (size_t at = js.find(".href ="); at != std::string::npos; at = js.find(".href =", at + 1)) {
    ++hrefs;
  }
  EXPECT_EQ(hrefs, 1u);  // the one after webUrl()
  EXPECT_EQ(js.find("'href'"), std::string::npos);
  EXPECT_EQ(js.find("href:"), std::string::npos);
  // No inline script or style in the page (the CSP would block it).
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("style="), std::string::npos);
  EXPECT_EQ(html.find("onclick"), std::string::npos);
  // Every id is used once.
  std::map<std::string, int> ids;
  for (size_t at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
    size_t b = at + 5, e = html.find('"', b);
    ++ids[html.substr(b, e - b)];
  }
  for (const auto& [id, n] : ids) EXPECT_EQ(n, 1) << id;
  EXPECT_EQ(ids.count("map"), 1u);
  EXPECT_EQ(ids.count("store-map"), 1u);
}

}  // namespace
}  // namespace dyad::serve
