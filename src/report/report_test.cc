#include "report/report.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace dyad::report {
namespace {

TEST(IsWebUrl, OnlyHttpAndHttps) {
  EXPECT_TRUE(IsWebUrl("http://example.org/a"));
  EXPECT_TRUE(IsWebUrl("HTTPS://example.org/a?b=c"));
  EXPECT_FALSE(IsWebUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsWebUrl("JavaScript:alert(1)"));
  EXPECT_FALSE(IsWebUrl(" javascript:alert(1)"));
  EXPECT_FALSE(IsWebUrl("\x01javascript:alert(1)"));
  EXPECT_FALSE(IsWebUrl("data:text/html,<script>alert(1)</script>"));
  EXPECT_FALSE(IsWebUrl(" http://example.org"));
  EXPECT_FALSE(IsWebUrl("ht\ttp://example.org"));
  EXPECT_FALSE(IsWebUrl("//example.org"));
  EXPECT_FALSE(IsWebUrl("http://"));
  EXPECT_FALSE(IsWebUrl(""));
}

store::CodedStory StoryWithUrl(const std::string& id, const std::string& url) {
  store::CodedStory cs;
  cs.story.id = id;
  cs.story.date = "2025-03-14";
  cs.story.source = "wire";
  cs.story.url = url;
  cs.story.text = "The Kremlin threatened NATO.";
  cs.sentences = {{0, 28, 0, 5, false}};
  cs.stats.sentences = cs.stats.sentences_coded = 1;
  Event e;
  e.id = id + "-0-0";
  e.story_id = id;
  e.date = e.pub_date = cs.story.date;
  e.source.code = e.source.country = "RUS";
  e.source.span = {4, 11};
  Actor t;
  t.code = t.country = "NATO";
  t.span = {23, 27};
  e.target = t;
  e.code = "130";
  e.root = "13";
  e.quad_class = 3;
  e.text = cs.story.text;
  e.trigger = "threatened";
  e.trigger_span = {12, 22};
  cs.events.push_back(e);
  cs.fingerprint = store::StoryFingerprint(cs.story, "dyad test", "dict@1");
  return cs;
}

// A story's url was written as a link unchecked: a javascript: URL ran on
// click. Only http(s) URLs become links, and the page carries a CSP.
TEST(HtmlReport, LinksOnlyWebUrlsAndSetsAContentSecurityPolicy) {
  const std::string path = ::testing::TempDir() + "/dyad_report_test_links.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    auto s = store::EventStore::Open(path, store::EventStore::Mode::kCreate);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store::WriteCounts wc;
    ASSERT_TRUE((*s)->WriteBatch({StoryWithUrl("evil", "javascript:alert(document.domain)"),
                                  StoryWithUrl("good", "https://example.org/news?a=1&b=2")},
                                 {"dyad test", "dict@1"}, &wc)
                    .ok());
    ReportOptions o;
    auto html = BuildHtmlReport(**s, o);
    ASSERT_TRUE(html.ok()) << html.status().message();
    EXPECT_EQ(html->find("javascript:"), std::string::npos);
    EXPECT_NE(html->find("<a href=\"https://example.org/news?a=1&amp;b=2\">source</a>"),
              std::string::npos);
    EXPECT_NE(html->find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                         "'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                         "form-action 'none'\">"),
              std::string::npos);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(Report, AutoPeriodFollowsTheDataRange) {
  const int d = *store::ParseDay("2020-01-01");
  EXPECT_EQ(AutoPeriod(d, d), store::Period::kDay);
  EXPECT_EQ(AutoPeriod(d, d + 91), store::Period::kDay);
  EXPECT_EQ(AutoPeriod(d, d + 200), store::Period::kWeek);
  EXPECT_EQ(AutoPeriod(d, d + 14 * 365), store::Period::kMonth);
}

}  // namespace
}  // namespace dyad::report
