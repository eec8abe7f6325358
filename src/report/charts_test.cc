#include "report/charts.h"

#include <gtest/gtest.h>

#include "report/report.h"
#include "report/svg.h"
#include "store/test_util.h"

namespace dyad::report {
namespace {

using store::testing::M;

size_t CountOf(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

TEST(Svg, EscapeNumbersAndTicks) {
  EXPECT_EQ(Esc("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
  EXPECT_EQ(Num(3.0), "3");
  EXPECT_EQ(Num(2.50), "2.5");
  EXPECT_EQ(Num(-0.0001), "0");
  EXPECT_EQ(NiceTicks(0, 7, 4), (std::vector<double>{0, 2, 4, 6, 8}));
  EXPECT_EQ(NiceTicks(0, 100, 5), (std::vector<double>{0, 20, 40, 60, 80, 100}));
  // Counts are whole: a maximum of 1 or 3 is not labelled 0, 0.5, 1.
  EXPECT_EQ(CountTicks(1, 2), (std::vector<double>{0, 1}));
  EXPECT_EQ(CountTicks(3, 2), (std::vector<double>{0, 2, 4}));
  EXPECT_EQ(CountTicks(3, 4), (std::vector<double>{0, 1, 2, 3}));
  EXPECT_EQ(CountTicks(100, 5), (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(GoldsteinColor(0), "#969696");
  EXPECT_NE(GoldsteinColor(-10), GoldsteinColor(10));
}

std::vector<store::SeriesRow> Rows() {
  std::vector<store::Mention> ms = {M("RUS", "UKR", "190", "2025-03-03", -10, 4),
                                    M("RUS", "UKR", "042", "2025-03-04", 1.9, 1),
                                    M("RUS", "UKR", "1312", "2025-03-17", -5.8, 3)};
  store::SeriesOptions o;
  return store::BuildSeries(ms, "RUS", "UKR", {}, o);
}

TEST(TimelineSvg, BarsLineAndAlertMarks) {
  TimelinePanel p;
  p.label = "RUS → UKR";
  p.rows = Rows();  // three weeks, the middle one empty
  store::Alert a;
  a.start = p.rows[2].start;
  a.level = 5.8;
  a.score.z = 4.2;
  p.alerts = {a};
  TimelineOptions o;
  o.title = "RUS → UKR: weekly events";
  std::string svg = TimelineSvg({p}, store::Period::kWeek, o);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(CountOf(svg, "class=\"bar q"), 3u);      // one bar segment per quad class present
  EXPECT_EQ(CountOf(svg, "class=\"bar q4\""), 1u);
  EXPECT_EQ(CountOf(svg, "class=\"goldstein\""), 2u);  // no point for the empty week
  EXPECT_EQ(CountOf(svg, "class=\"alert\""), 1u);
  EXPECT_NE(svg.find("z=4.2"), std::string::npos);
  EXPECT_NE(svg.find("RUS → UKR: weekly events"), std::string::npos);
  EXPECT_NE(svg.find("2025-03-10"), std::string::npos);  // the empty week is on the axis
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST(TimelineSvg, EmptyPanelSaysSo) {
  TimelinePanel p;
  p.label = "USA → CHN";
  std::string svg = TimelineSvg({p, p}, store::Period::kDay, TimelineOptions{});
  EXPECT_EQ(CountOf(svg, "no events"), 2u);
}

TEST(NetworkSvg, NodesEdgesAndLimit) {
  std::vector<NetworkEdge> edges = {{"RUS", "UKR", 10, -80, 10, 9, 1},
                                    {"UKR", "RUS", 4, -10, 4, 3, 1},
                                    {"USA", "UKR", 3, 15, 3, 0, 3},
                                    {"FRA", "DEU", 1, 2, 1, 0, 1}};
  NetworkOptions o;
  std::string svg = NetworkSvg(edges, o);
  EXPECT_EQ(CountOf(svg, "class=\"node\""), 5u);
  EXPECT_EQ(CountOf(svg, "class=\"edge\""), 4u);
  EXPECT_NE(svg.find("RUS → UKR: 10 events"), std::string::npos);
  o.max_nodes = 3;  // RUS, UKR, USA
  svg = NetworkSvg(edges, o);
  EXPECT_EQ(CountOf(svg, "class=\"node\""), 3u);
  EXPECT_EQ(CountOf(svg, "class=\"edge\""), 3u);
  EXPECT_NE(NetworkSvg({}, NetworkOptions{}).find("no events"), std::string::npos);
}

TEST(Report, HighlightsSourceTargetAndTrigger) {
  store::Mention m = M("RUS", "UKR", "190", "2025-03-03", -10, 4);
  m.event.text = "Russian troops shelled <Kharkiv> in Ukraine.";
  m.sentence_begin = 100;
  m.event.source.span = {100, 114};
  m.event.trigger_span = {115, 122};
  m.event.target->span = {136, 143};
  EXPECT_EQ(HighlightEvidence(m),
            "<mark class=\"src\">Russian troops</mark> <mark class=\"trg\">shelled</mark> "
            "&lt;Kharkiv&gt; in <mark class=\"tgt\">Ukraine</mark>.");
  // Without offsets the words are found in the sentence.
  m.sentence_begin = -1;
  m.event.source.name = "Russian troops";
  m.event.trigger = "shelled";
  m.event.target->name = "Ukraine";
  EXPECT_NE(HighlightEvidence(m).find("<mark class=\"tgt\">Ukraine</mark>"), std::string::npos);
}

TEST(Report, EdgesOverDeduplicatedEvents) {
  std::vector<store::Mention> ms = {M("RUS", "UKR", "190", "2025-03-03", -10, 4, "A", "s1"),
                                    M("RUS", "UKR", "190", "2025-03-03", -10, 4, "B", "s2"),
                                    M("RUS", "UKR", "042", "2025-03-03", 1.9, 1),
                                    M("RUS", "", "010", "2025-03-03", 0, 1)};
  auto edges = BuildEdges(ms, store::Deduplicate(ms, store::DedupOptions{}));
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].events, 2);
  EXPECT_DOUBLE_EQ(edges[0].goldstein_sum, -8.1);
  EXPECT_EQ(edges[0].conflict, 1);
  EXPECT_EQ(edges[0].cooperation, 1);
}

}  // namespace
}  // namespace dyad::report
