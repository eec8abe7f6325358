#include "io/petrarch_xml.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

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

struct Parsed {
  PetrarchFile f;
  std::vector<std::string> errors;
  bool HasError(const std::string& needle) const {
    for (const std::string& e : errors) {
      if (e.find(needle) != std::string::npos) return true;
    }
    return false;
  }
};

Parsed Parse(const std::string& xml) {
  Parsed p;
  ParsePetrarchXml(xml, "t.xml", &p.f, [&](const std::string& e) { p.errors.push_back(e); });
  return p;
}

const char kGood[] =
    "<Sentences>\n<Sentence date=\"19950101\" id=\"A\">\n<Text>Arnor met Gondor.</Text>\n"
    "</Sentence>\n";

// `</EventCoding` with no '>' made the reader restart at byte 0 forever
// (find() gave npos, plus one is 0). The record now ends with an error.
TEST(PetrarchXml, UnterminatedEndTagEndsRecordWithError) {
  Parsed p =
      Parse(std::string(kGood) +
            "<Sentence date=\"19950101\" id=\"B\">\n"
            "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding");
  ASSERT_EQ(p.f.records.size(), 1u);
  EXPECT_EQ(p.f.records[0].story.id, "A");
  EXPECT_EQ(p.f.skipped, 1u);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(
      p.errors[0],
      "t.xml:6: tag </EventCoding is not closed; record \"B\" and the rest of the file skipped");
}

// An unterminated comment used to drop the rest of the file without a word.
TEST(PetrarchXml, UnterminatedCommentIsReported) {
  Parsed p = Parse(std::string(kGood) +
                   "<!-- a note\n<Sentence date=\"19950101\" id=\"B\">\n"
                   "<Text>Gondor met Arnor.</Text></Sentence>\n");
  ASSERT_EQ(p.f.records.size(), 1u);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0], "t.xml:5: comment <!-- is not closed; the rest of the file skipped");
}

TEST(PetrarchXml, UnterminatedTagsInsideARecordSkipIt) {
  // A start tag with no '>'.
  Parsed p = Parse(std::string(kGood) +
                   "<Sentence date=\"19950101\" id=\"B\">\n<Text>x</Text>\n"
                   "<EventCoding noevents=\"True\"\n");
  EXPECT_EQ(p.f.records.size(), 1u);
  EXPECT_EQ(p.f.skipped, 1u);
  EXPECT_TRUE(p.HasError("t.xml:7: tag <EventCoding is not closed; record \"B\"")) << p.errors[0];
  // </Text with no '>'.
  p = Parse(std::string(kGood) + "<Sentence date=\"19950101\" id=\"B\">\n<Text>x</Text\n");
  EXPECT_EQ(p.f.records.size(), 1u);
  EXPECT_EQ(p.f.skipped, 1u);
  EXPECT_TRUE(p.HasError("t.xml:6: tag </Text is not closed; record \"B\"")) << p.errors[0];
  // <Text> never closed.
  p = Parse(std::string(kGood) + "<Sentence date=\"19950101\" id=\"B\">\n<Text>x y z\n");
  EXPECT_EQ(p.f.records.size(), 1u);
  EXPECT_EQ(p.f.skipped, 1u);
  EXPECT_TRUE(p.HasError("t.xml:6: <Text> is not closed; record \"B\"")) << p.errors[0];
}

// Every prefix of a file (a file cut off anywhere) is read in bounded time;
// a cut inside a tag or comment is reported. Run in a child process under
// alarm() so that a reader that loops fails instead of hanging the suite.
TEST(PetrarchXmlDeathTest, EveryTruncationEndsAndIsReported) {
  const std::string doc =
      "<?xml version=\"1.0\"?>\n<Sentences>\n<!-- c -->\n"
      "<Sentence date=\"19950101\" id=\"A\" category=\"DEMO\">\n"
      "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
      "<Text>Arnor &amp; Gondor met.</Text>\n<Parse>(ROOT)</Parse>\n</Sentence>\n</Sentences>\n";
  EXPECT_EXIT(
      {
        alarm(20);
        for (size_t n = 0; n <= doc.size(); ++n) {
          std::string cut = doc.substr(0, n);
          Parsed p = Parse(cut);
          size_t lt = cut.rfind('<');
          bool open_tag = lt != std::string::npos && cut.find('>', lt) == std::string::npos;
          if (open_tag && p.errors.empty()) {
            std::fprintf(stderr, "cut at %zu not reported\n", n);
            std::exit(1);
          }
          if (p.f.records.size() > 1) std::exit(2);
        }
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

// Invalid UTF-8 in a record's text is reported; the record is still coded.
TEST(PetrarchXml, InvalidUtf8IsReported) {
  Parsed p = Parse(
      "<Sentences><Sentence date=\"19950101\" id=\"U\">\n<Text>Arnor \xFF met Gondor.</Text>"
      "</Sentence></Sentences>");
  ASSERT_EQ(p.f.records.size(), 1u);
  EXPECT_EQ(p.f.warnings, 1u);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0], "t.xml:1: invalid UTF-8 in record \"U\" (1 bytes replaced)");
}

TEST(PetrarchXml, MessagesEscapeControlCharacters) {
  Parsed p = Parse(
      "<Sentences><Sentence date=\"2015&#7;\" id=\"a&#27;[2J\">"
      "<Text>x</Text></Sentence></Sentences>");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0],
            "t.xml:1: record \"a\\x1B[2J\": date \"2015\\x07\" is not YYYYMMDD; skipped");
}

}  // namespace
}  // namespace dyad::io
