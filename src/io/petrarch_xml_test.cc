#include "io/petrarch_xml.h"

#include <gtest/gtest.h>

namespace dyad::io {
namespace {

TEST(PetrarchXml, ReadsRecordsConfigAndEnvironment) {
  const char* xml =
      "<Validation><Environment><Verbfile>V.txt</Verbfile>"
      "<Actorfile>A.txt,B.txt</Actorfile><Include>valid DEMO</Include></Environment>\n"
      "<Sentences>\n<!-- <Sentence id=\"no\"> -->\n"
      "<Sentence date=\"19950101\" id=\"DEMO-01\" category=\"DEMO\" sentence=\"true\">\n"
      "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
      "<Text>\nArnor &amp; Gondor\nmet.\n</Text>\n<Parse>(ROOT (S))</Parse>\n</Sentence>\n"
      "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
      "<Sentence date=\"121108\" id=\"X\" category=\"DEMO\"/>\n"
      "<EventCoding noevents = \"True\"/>\n<Text>Nothing.</Text>\n"
      "<Sentence date=\"bad\" id=\"B\"><Text>x</Text></Sentence>\n"
      "<Stop></Stop><Sentence date=\"19950101\" id=\"after\"><Text>y</Text></Sentence>";
  PetrarchFile f;
  std::vector<std::string> errors;
  ParsePetrarchXml(xml, "t.xml", &f, [&](const std::string& e) { errors.push_back(e); });
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0].story.id, "DEMO-01");
  EXPECT_EQ(f.records[0].story.date, "1995-01-01");
  EXPECT_EQ(f.records[0].story.text, "Arnor & Gondor met.");
  ASSERT_EQ(f.records[0].expected.size(), 1u);
  EXPECT_EQ(f.records[0].expected[0].code, "064");
  EXPECT_EQ(f.records[1].story.date, "2012-11-08");
  EXPECT_TRUE(f.records[1].noevents);
  ASSERT_EQ(f.records[1].config.size(), 1u);
  EXPECT_EQ(f.records[1].config[0].first, "require_dyad");
  EXPECT_EQ(f.environment["Actorfile"].size(), 2u);
  EXPECT_EQ(f.include.size(), 2u);
  EXPECT_TRUE(f.stopped);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("t.xml:"), std::string::npos);
}

}  // namespace
}  // namespace dyad::io
