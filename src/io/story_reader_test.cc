#include "io/story_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace dyad::io {
namespace {

// The fast record scanner must agree with nlohmann::json on every record:
// the same verdict, the same fields, the same error message.
TEST(StoryReader, FastPathAgreesWithReference) {
  const std::vector<std::string> lines = {
      R"({"id":"a1","date":"2022-02-10","text":"Russia moved troops."})",
      R"(  {"text" : "x", "date":"2022-02-10" , "id":"b", "source":"AFP", "url":"http://u"}  )",
      R"({"id":"c","date":"2022-02-10","text":"q\"b\\s\/l\b\f\n\r\t end"})",
      R"({"id":"d","date":"2022-02-10","text":"caf\u00e9 \u2019 \ud83d\ude00 \u0000."})",
      "{\"id\":\"e\",\"date\":\"2022-02-10\",\"text\":\"caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80\"}",
      R"({"id":"f","date":"2022-02-10","text":"t","score":-1.25,"n":0,"ok":true,"no":false,"z":null})",
      R"({"id":"g","date":"2022-02-10","text":"t","source":null,"url":7})",
      R"({"id":17,"date":"2022-02-10","text":"numeric id"})",
      R"({"id":"h","date":"2022-02-10","text":"t","tags":["a","b"],"meta":{"k":1}})",
      R"({"id":"i","date":"2022-02-10","text":"first","text":"second"})",
      R"({"id":"j","date":"2022-02-10","text":"t","x":1,"x":2})",
      R"({"id":"k","date":"2022-02-10","text":"t","big":1e999})",
      R"({"id":"l","date":"2022-02-10","text":"t","e":1.5E+3})",
      R"({"id":"m","date":"2022-02-10","text":"t","lead":01})",
      R"({"id":"n","date":"2022-02-10","text":"t","dot":1.})",
      R"({"id":"o","date":"2022-02-10","text":"lone \udc00 low"})",
      R"({"id":"p","date":"2022-02-10","text":"lone \ud800 high"})",
      R"({"id":"q","date":"2022-02-10","text":"bad \x escape"})",
      "{\"id\":\"r\",\"date\":\"2022-02-10\",\"text\":\"raw\ttab\"}",
      "{\"id\":\"s\",\"date\":\"2022-02-10\",\"text\":\"surrogate \xED\xA0\x80 bytes\"}",
      "{\"id\":\"t\",\"date\":\"2022-02-10\",\"text\":\"overlong \xE0\x80\xAF\"}",
      "{\"id\":\"u\",\"date\":\"2022-02-10\",\"text\":\"cut \xE2\x80\"}",
      "\xEF\xBB\xBF{\"id\":\"v\",\"date\":\"2022-02-10\",\"text\":\"bom\"}",
      R"({"id":"","date":"2022-02-10","text":"empty id"})",
      R"({"id":"w","date":"2022-02-30","text":"bad date"})",
      R"({"id":"x","date":"2022-02-10"})",
      R"({"id":"y","date":"2022-02-10","text":5})",
      R"({"id":"z","date":"2022-02-10","text":"t"} trailing)",
      R"({"id":"z","date":"2022-02-10","text":"t",})",
      R"({"id":"z","date":"2022-02-10","text":"unterminated)",
      R"(["not","an","object"])",
      R"({})",
      R"({"id":"z","date":"2022-02-10","text":"t","lit":nul})",
      R"({"id":"z" "date":"2022-02-10","text":"t"})",
      R"({"\u0069d":"esc-key","date":"2022-02-10","text":"t"})",
  };
  for (const std::string& line : lines) {
    Story fast, ref;
    fast.source = fast.url = "stale";  // the fast path must clear absent fields
    std::string fast_err, ref_err;
    bool fast_ok = ParseJsonStory(line, &fast, &fast_err);
    bool ref_ok = ParseJsonStoryReference(line, &ref, &ref_err);
    ASSERT_EQ(fast_ok, ref_ok) << line;
    if (!ref_ok) {
      EXPECT_EQ(fast_err, ref_err) << line;
      continue;
    }
    EXPECT_EQ(fast.id, ref.id) << line;
    EXPECT_EQ(fast.date, ref.date) << line;
    EXPECT_EQ(fast.text, ref.text) << line;
    EXPECT_EQ(fast.source, ref.source) << line;
    EXPECT_EQ(fast.url, ref.url) << line;
  }
}

TEST(StoryReader, ParseRecordRepairsInvalidUtf8) {
  ReaderOptions opt;
  ReadCounts counts;
  std::vector<std::string> messages;
  Story s;
  ASSERT_TRUE(ParseRecord("{\"id\":\"a\",\"date\":\"2022-02-10\",\"text\":\"x\xFFy\"}", "f:3", opt,
                          &s, &messages, &counts));
  EXPECT_EQ(s.text, "x\xEF\xBF\xBDy");
  EXPECT_EQ(s.origin, "f:3");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], "f:3: invalid UTF-8 in story \"a\" (1 bytes replaced)");
  EXPECT_EQ(counts.stories, 1u);
  EXPECT_EQ(counts.warnings, 1u);
  messages.clear();
  ASSERT_TRUE(ParseRecord(R"({"id":"b","date":"2022-02-10","text":"fine"})", "f:4", opt, &s,
                          &messages, &counts));
  EXPECT_TRUE(messages.empty());
  EXPECT_EQ(s.origin, "f:4");
  EXPECT_EQ(counts.stories, 2u);
  EXPECT_EQ(counts.records, 2u);
}

// A directory or /dev/null read as "empty file"; now each is named for what it is.
TEST(StoryReader, DirectoryOrDeviceIsNotAFileOfStories) {
  for (const auto& [path, why] : std::vector<std::pair<std::string, std::string>>{
           {::testing::TempDir(), ": is a directory, not a file of stories"},
           {"/dev/null", ": is a device, not a file of stories"}}) {
    ReaderOptions opt;
    ReadCounts counts;
    std::vector<std::string> errors;
    EXPECT_FALSE(ReadStories(
        path, opt, [](Story&&) {}, [&](const std::string& e) { errors.push_back(e); }, &counts));
    ASSERT_EQ(errors.size(), 1u) << path;
    EXPECT_EQ(errors[0], path + why);
  }
  EXPECT_TRUE(CheckInputPath("/no/such/file").ok());  // opening it reports that
}

// Ids and dates are echoed into messages with their control characters
// escaped: an id could otherwise clear or recolour the terminal.
TEST(StoryReader, MessagesEscapeControlCharacters) {
  ReaderOptions opt;
  ReadCounts counts;
  std::vector<std::string> messages;
  Story s;
  EXPECT_FALSE(ParseRecord(R"({"id":"x\u001b[2J","date":"2024-01-0\u0007","text":"t"})", "f:1", opt,
                           &s, &messages, &counts));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], "f:1: story \"x\\x1B[2J\": date \"2024-01-0\\x07\" is not YYYY-MM-DD, an ISO 8601 date-time, YYYYMMDD or an RFC 2822 date");
  messages.clear();
  ASSERT_TRUE(ParseRecord("{\"id\":\"y\\u009b31m\",\"date\":\"2024-01-01\",\"text\":\"a\xFF\"}",
                          "f:2", opt, &s, &messages, &counts));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], "f:2: invalid UTF-8 in story \"y\\u009B31m\" (1 bytes replaced)");
}

// A stream that yields `n` bytes of 'x' and then `tail`, generated as it is
// read: a long line costs the test no memory either.
class LongLineBuf : public std::streambuf {
 public:
  LongLineBuf(uint64_t n, std::string tail) : left_(n), tail_(std::move(tail)) {}

 protected:
  int_type underflow() override {
    if (left_ > 0) {
      size_t k = static_cast<size_t>(std::min<uint64_t>(left_, sizeof buf_));
      std::fill(buf_, buf_ + k, 'x');
      left_ -= k;
      setg(buf_, buf_, buf_ + k);
      return traits_type::to_int_type(buf_[0]);
    }
    if (!tail_done_) {
      tail_done_ = true;
      setg(tail_.data(), tail_.data(), tail_.data() + tail_.size());
      if (!tail_.empty()) return traits_type::to_int_type(tail_[0]);
    }
    return traits_type::eof();
  }

 private:
  uint64_t left_;
  std::string tail_;
  bool tail_done_ = false;
  char buf_[4096];
};

// The line limit is checked while reading: an over-long line is reported
// with its length and skipped, the next line is read, and no story handed on
// is ever longer than the limit (the line was held whole before the check).
TEST(StoryReader, OverLongLineIsSkippedWhileReading) {
  for (uint64_t n : {1001ull, 65535ull, 65536ull, 200000ull, 3000000ull}) {
    LongLineBuf buf(n, "\n{\"id\":\"next\",\"date\":\"2024-01-01\",\"text\":\"t\"}\n");
    std::istream in(&buf);
    ReaderOptions opt;
    opt.max_record_bytes = 1000;
    size_t longest_raw = 0;
    std::vector<std::string> raw_where;
    opt.on_raw_line = [&](std::string&& line, std::string&& where) {
      longest_raw = std::max(longest_raw, line.size());
      raw_where.push_back(where);
    };
    ReadCounts counts;
    std::vector<std::string> errors;
    ReadStoriesFrom(
        in, "f", InputFormat::kJsonl, opt, [](Story&&) {},
        [&](const std::string& e) { errors.push_back(e); }, &counts);
    ASSERT_EQ(errors.size(), 1u) << n;
    EXPECT_EQ(errors[0], "f:1: line of " + std::to_string(n) +
                             " bytes is over the limit of 1000 bytes; story skipped");
    EXPECT_EQ(raw_where, std::vector<std::string>{"f:2"}) << n;
    EXPECT_LE(longest_raw, 1000u);
    EXPECT_EQ(counts.records, 1u);  // the raw line is counted by whoever parses it
    EXPECT_EQ(counts.rejected, 1u);
  }
}

// Lines at the limit, with '\r\n', and a last line without '\n' read as before.
TEST(StoryReader, LinesAtTheLimitAndWithoutNewlineStillRead) {
  std::string rec = R"({"id":"a","date":"2024-01-01","text":"t"})";
  std::istringstream in("\n" + rec + "\r\n" + rec + "\n\n" + rec);
  ReaderOptions opt;
  opt.max_record_bytes = rec.size();
  ReadCounts counts;
  std::vector<std::string> errors;
  int stories = 0;
  ReadStoriesFrom(
      in, "f", InputFormat::kJsonl, opt, [&](Story&&) { ++stories; },
      [&](const std::string& e) { errors.push_back(e); }, &counts);
  EXPECT_TRUE(errors.empty()) << errors[0];
  EXPECT_EQ(stories, 3);
}

// A plain-text story is held up to the limit: the rest of a longer file is
// read and dropped, and the story is reported with the file's size.
TEST(StoryReader, OverLongTextStoryIsSkippedWhileReading) {
  for (uint64_t n : {1001ull, 65536ull, 3000000ull}) {
    LongLineBuf buf(n, "");
    std::istream in(&buf);
    ReaderOptions opt;
    opt.max_record_bytes = 1000;
    opt.default_date = "2024-01-01";
    ReadCounts counts;
    std::vector<std::string> errors;
    int stories = 0;
    ReadStoriesFrom(
        in, "t.txt", InputFormat::kText, opt, [&](Story&&) { ++stories; },
        [&](const std::string& e) { errors.push_back(e); }, &counts);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], "t.txt:1: story of " + std::to_string(n) +
                             " bytes is over the limit of 1000 bytes; skipped");
    EXPECT_EQ(stories, 0);
    EXPECT_EQ(counts.rejected, 1u);
  }
  LongLineBuf buf(1000, "");
  std::istream in(&buf);
  ReaderOptions opt;
  opt.max_record_bytes = 1000;
  opt.default_date = "2024-01-01";
  ReadCounts counts;
  std::string text;
  ReadStoriesFrom(
      in, "t.txt", InputFormat::kText, opt, [&](Story&& s) { text = s.text; },
      [](const std::string&) {}, &counts);
  EXPECT_EQ(text, std::string(1000, 'x'));
}

}  // namespace
}  // namespace dyad::io
