#include "io/petrarch_xml.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

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


// Files are read through a window, record by record (issue 17: 100 MB of
// XML cost 517 MB read whole). Whatever falls across the window's edges (a
// comment, an end tag, an entity, a line count), the file reads as the same
// text parsed whole.
std::string WriteTemp(const std::string& text) {
  std::string path = ::testing::TempDir() + "/dyad_xml_test_" + std::to_string(getpid()) + ".xml";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(PetrarchXml, StreamedFileReadsAsTheWholeText) {
  std::string xml = "<Validation><Environment><Verbfile>V.txt</Verbfile></Environment>\n<Sentences>\n";
  for (int i = 0; i < 3000; ++i) {
    std::string id = "R" + std::to_string(i);
    if (i % 7 == 0) xml += "<!-- a note\nwith </Sentence> inside, " + std::string(i % 50, '-') + " -->\n";
    if (i % 11 == 0) xml += "<Config option=\"o" + std::to_string(i) + "\" value=\"v\"/>\n";
    xml += "<Sentence date=\"" + std::string(i % 13 == 0 ? "bad" : "19950101") + "\" id=\"" + id +
           "\" category=\"C" + std::to_string(i % 5) + "\">\n";
    if (i % 3 == 0) xml += "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n";
    if (i % 3 == 1) xml += "<EventCoding noevents=\"True\"/>\n";
    if (i % 17 != 0) {
      xml += "<Text>\nArnor &amp; Gondor met " + std::string(i % 97, 'x') + " on day " +
             std::to_string(i) + (i % 19 == 0 ? " \xFF" : "") + ".\n</Text>\n";
    }
    xml += "<Parse>(ROOT " + std::string(static_cast<size_t>(i % 400), '(') + ")</Parse>\n</Sentence>\n";
  }
  xml += "</Sentences>\n<Sentence date=\"19950101\" id=\"last\"><Text>unclosed";
  ASSERT_GT(xml.size(), 4u * (64u << 10));  // several windows
  Parsed whole = Parse(xml);
  std::string path = WriteTemp(xml);
  Parsed streamed;
  ASSERT_TRUE(ReadPetrarchXml(path, &streamed.f,
                              [&](const std::string& e) { streamed.errors.push_back(e); })
                  .ok());
  // Messages name the file as given.
  for (std::string& e : streamed.errors) {
    ASSERT_EQ(e.rfind(path + ":", 0), 0u) << e;
    e = "t.xml:" + e.substr(path.size() + 1);
  }
  EXPECT_EQ(streamed.errors, whole.errors);
  ASSERT_EQ(streamed.f.records.size(), whole.f.records.size());
  EXPECT_GT(whole.f.records.size(), 2000u);
  for (size_t i = 0; i < whole.f.records.size(); ++i) {
    const PetrarchRecord& a = whole.f.records[i];
    const PetrarchRecord& b = streamed.f.records[i];
    EXPECT_EQ(a.story.id, b.story.id);
    EXPECT_EQ(a.story.text, b.story.text);
    EXPECT_EQ(a.story.date, b.story.date);
    EXPECT_EQ(a.story.origin.substr(a.story.origin.find(':')),
              b.story.origin.substr(b.story.origin.find(':')));
    EXPECT_EQ(a.expected.size(), b.expected.size());
    EXPECT_EQ(a.noevents, b.noevents);
    EXPECT_EQ(a.config, b.config);
    EXPECT_EQ(a.category, b.category);
  }
  EXPECT_EQ(streamed.f.skipped, whole.f.skipped);
  EXPECT_EQ(streamed.f.warnings, whole.f.warnings);
  EXPECT_EQ(streamed.f.environment, whole.f.environment);
  std::remove(path.c_str());
  // Windows that start at 1, 7 or 300 bytes cut the steps everywhere.
  for (size_t chunk : {1u, 7u, 300u}) {
    std::istringstream in(xml);
    Parsed small;
    ReadPetrarchXmlFrom(in, "t.xml", &small.f, [&](const std::string& e) { small.errors.push_back(e); },
                        chunk);
    EXPECT_EQ(small.errors, whole.errors) << chunk;
    ASSERT_EQ(small.f.records.size(), whole.f.records.size()) << chunk;
    for (size_t i = 0; i < whole.f.records.size(); ++i) {
      EXPECT_EQ(small.f.records[i].story.text, whole.f.records[i].story.text) << chunk;
      EXPECT_EQ(small.f.records[i].story.origin, whole.f.records[i].story.origin) << chunk;
    }
  }
}

// A <Text> over the limit is reported with its record and skipped without
// being held; a long <Parse> or comment is skipped silently; the records
// after them are read.
TEST(PetrarchXml, ElementOverTheLimitIsSkipped) {
  std::string big(kMaxXmlElementBytes + 100, 'a');
  std::string xml = "<Sentences>\n<Sentence date=\"19950101\" id=\"big\">\n<Text>" + big +
                    "</Text></Sentence>\n<!-- " + big + " -->\n<Sentence date=\"19950101\" id=\"p\">"
                    "<Text>Arnor met Gondor.</Text><Parse>" + big + "</Parse></Sentence>\n"
                    "<Sentence date=\"19950101\" id=\"after\"><Text>Gondor met Arnor.</Text></Sentence>\n";
  std::string path = WriteTemp(xml);
  std::vector<std::string> errors;
  std::vector<std::string> ids;
  ReadCounts counts;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in);
  ReadPetrarchStoriesFrom(
      in, path, [&](Story&& s) { ids.push_back(s.id); }, [&](const std::string& e) { errors.push_back(e); },
      &counts);
  EXPECT_EQ(ids, (std::vector<std::string>{"p", "after"}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], path + ":3: element <Text> is over the limit of 4194304 bytes; record \"big\" skipped");
  EXPECT_EQ(counts.records, 3u);
  EXPECT_EQ(counts.rejected, 1u);
  std::remove(path.c_str());
}


// Found by fuzz_xml: an element name with control characters (here NULs)
// was written raw into "<NAME> is not closed".
TEST(PetrarchXml, ElementNamesInMessagesAreEscaped) {
  Parsed p = Parse(std::string("<Sentences><Environment><\0\x1b" "Include>DEMO", 39));
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0], "t.xml:1: <\\x00\\x1BInclude> is not closed; the rest of the file skipped");
}

}  // namespace
}  // namespace dyad::io
