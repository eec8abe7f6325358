#include "io/story_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <iostream>

#include <nlohmann/json.hpp>

#include "io/petrarch_xml.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace dyad::io {
namespace {

bool EndsWith(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A single-pass reader for the common record: one flat JSON object whose
// values are strings, numbers, true, false or null. It accepts exactly what
// nlohmann::json accepts for such records and gives the same strings; on
// anything else (arrays or objects as values, a numeric id, a repeated
// field, an error of any kind) it gives up and the caller runs the
// reference parser, which also words the error message.
class FastRecord {
 public:
  explicit FastRecord(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  // True when the line is such a record with a good id and date: fills
  // id, date, text, source and url of *story.
  bool Parse(Story* story) {
    SkipSpace();
    if (!Eat('{')) return false;
    bool seen[5] = {false, false, false, false, false};
    std::string* dest[5] = {&story->id, &story->date, &story->text, &story->source, &story->url};
    SkipSpace();
    if (!Eat('}')) {
      for (;;) {
        SkipSpace();
        key_.clear();
        if (!Eat('"') || !String(&key_)) return false;
        SkipSpace();
        if (!Eat(':')) return false;
        SkipSpace();
        int field = FieldOf(key_);
        if (field >= 0) {
          if (seen[field]) return false;
          seen[field] = true;
        }
        if (p_ < end_ && *p_ == '"') {
          ++p_;
          std::string* out = field >= 0 ? dest[field] : &scratch_;
          out->clear();
          if (!String(out)) return false;
        } else {
          // A required field must be a string (a numeric id goes the slow way);
          // other values are checked and skipped.
          if (field >= 0 && field < 3) return false;
          if (field >= 3) dest[field]->clear();
          if (!Scalar()) return false;
        }
        SkipSpace();
        if (Eat(',')) continue;
        if (Eat('}')) break;
        return false;
      }
    }
    SkipSpace();
    if (p_ != end_) return false;
    if (!seen[0] || !seen[1] || !seen[2]) return false;
    if (!seen[3]) story->source.clear();
    if (!seen[4]) story->url.clear();
    return !story->id.empty() && (IsValidDate(story->date) || NormalizeDate(story->date, &story->date));
  }

 private:
  static int FieldOf(std::string_view k) {
    if (k == "id") return 0;
    if (k == "date") return 1;
    if (k == "text") return 2;
    if (k == "source") return 3;
    if (k == "url") return 4;
    return -1;
  }

  bool Eat(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  static bool Cont(unsigned char c, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return c >= lo && c <= hi;
  }

  // The body of a string after its opening quote, up to and including the
  // closing one, decoded into *out. Raw bytes must be strict UTF-8.
  bool String(std::string* out) {
    for (;;) {
      const char* run = p_;
      // Eight bytes at a time while none is a control byte, a quote, a
      // backslash or non-ASCII (the usual case: plain English text).
      constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
      while (end_ - p_ >= 8) {
        uint64_t x;
        std::memcpy(&x, p_, 8);
        const uint64_t quote = x ^ (kOnes * '"'), slash = x ^ (kOnes * '\\');
        // The high bit of a byte below 0x20, of a zero byte of quote or
        // slash (the two characters), or of a byte at or above 0x80.
        const uint64_t stop = (((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) |
                               ((slash - kOnes) & ~slash) | x) & kHigh;
        if (stop != 0) break;
        p_ += 8;
      }
      while (p_ < end_) {
        unsigned char c = static_cast<unsigned char>(*p_);
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
        ++p_;
      }
      out->append(run, static_cast<size_t>(p_ - run));
      if (p_ >= end_) return false;
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        size_t n = Utf8Length();
        if (n == 0) return false;
        out->append(p_, n);
        p_ += n;
        continue;
      }
      // A backslash escape.
      if (end_ - p_ < 2) return false;
      char e = p_[1];
      p_ += 2;
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          char32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t lo;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!Hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          char buf[4];
          out->append(buf, static_cast<size_t>(text::EncodeUtf8(cp, buf)));
          break;
        }
        default:
          return false;
      }
    }
  }

  bool Hex4(char32_t* cp) {
    if (end_ - p_ < 4) return false;
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = p_[i];
      int d = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<char32_t>(d);
    }
    p_ += 4;
    *cp = v;
    return true;
  }

  // Length of the well-formed UTF-8 sequence at p_ (Unicode table 3-7), or 0.
  size_t Utf8Length() const {
    const auto* u = reinterpret_cast<const unsigned char*>(p_);
    const size_t left = static_cast<size_t>(end_ - p_);
    unsigned char c = u[0];
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && Cont(u[1]) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      if (left < 3) return 0;
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      return Cont(u[1], lo, hi) && Cont(u[2]) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (left < 4) return 0;
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      return Cont(u[1], lo, hi) && Cont(u[2]) && Cont(u[3]) ? 4 : 0;
    }
    return 0;
  }

  // A number (without exponent), true, false or null.
  bool Scalar() {
    for (const char* lit : {"true", "false", "null"}) {
      size_t n = strlen(lit);
      if (static_cast<size_t>(end_ - p_) >= n && memcmp(p_, lit, n) == 0) {
        p_ += n;
        return true;
      }
    }
    auto digits = [&] {
      const char* b = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      return p_ > b;
    };
    const char* start = p_;
    Eat('-');
    if (Eat('0')) {
    } else if (p_ < end_ && *p_ >= '1' && *p_ <= '9') {
      digits();
    } else {
      return false;
    }
    if (Eat('.') && !digits()) return false;
    // nlohmann rejects a number too big for a double ("1e999"): leave
    // exponents and very long numbers to it.
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
    return p_ - start < 300;
  }

  const char* p_;
  const char* end_;
  std::string key_, scratch_;
};

std::string LineTooLong(const std::string& where, uint64_t length, size_t limit) {
  return where + ": line of " + std::to_string(length) + " bytes is over the limit of " +
         std::to_string(limit) + " bytes; story skipped";
}

// Reads the next line of `in` (up to '\n', which is dropped) into *line,
// keeping at most `keep` bytes of it; *length gets the whole line's length,
// so a line was cut when *length > line->size(). Reads in chunks through
// istream::getline. Returns false at the end of the input.
bool ReadLineBounded(std::istream& in, size_t keep, std::string* line, uint64_t* length) {
  line->clear();
  *length = 0;
  char chunk[1 << 16];
  bool read_any = false;
  for (;;) {
    in.getline(chunk, sizeof chunk);
    const auto n = static_cast<size_t>(in.gcount());
    // good: the '\n' was read (and counted in n); eof: the input ended;
    // failbit with a full chunk: the chunk filled before a '\n' (any other
    // failure, a read error, ends the input).
    const bool newline = in.good();
    const bool full = !newline && !in.eof() && !in.bad() && n == sizeof chunk - 1;
    const size_t stored = newline ? n - 1 : n;
    if (n > 0) read_any = true;
    *length += stored;
    if (line->size() < keep) line->append(chunk, std::min(stored, keep - line->size()));
    if (full) {
      in.clear();
      continue;
    }
    return newline || read_any;
  }
}

}  // namespace

size_t InvalidUtf8Bytes(std::string_view s) {
  size_t bad = 0;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + len > n) {
      ++bad;
      ++i;
      continue;
    }
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) ok = false;
    }
    if (!ok) {
      ++bad;
      ++i;
      continue;
    }
    i += len;
  }
  return bad;
}

bool ParseJsonStory(const std::string& line, Story* story, std::string* error) {
  if (FastRecord(line).Parse(story)) return true;
  return ParseJsonStoryReference(line, story, error);
}

bool ParseJsonStoryReference(const std::string& line, Story* story, std::string* error) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    // A parse error, or a number too big for a double (out_of_range 406).
    // nlohmann's message names the byte; keep it short.
    std::string what = e.what();
    size_t colon = what.find("parse error");
    *error = "malformed JSON (" + (colon == std::string::npos ? what : what.substr(colon)) + ")";
    return false;
  }
  if (!j.is_object()) {
    *error = "a story must be a JSON object";
    return false;
  }
  for (const char* key : {"id", "date", "text"}) {
    auto it = j.find(key);
    if (it == j.end()) {
      *error = std::string("story has no \"") + key + "\"";
      return false;
    }
    if (!it->is_string() && !(std::string(key) == "id" && it->is_number_integer())) {
      *error = std::string("\"") + key + "\" must be a string";
      return false;
    }
  }
  const auto& id = j["id"];
  story->id = id.is_string() ? id.get<std::string>() : std::to_string(id.get<long long>());
  story->date = j["date"].get<std::string>();
  story->text = j["text"].get<std::string>();
  if (story->id.empty()) {
    *error = "story has an empty \"id\"";
    return false;
  }
  if (!IsValidDate(story->date) && !NormalizeDate(story->date, &story->date)) {
    *error = "story \"" + text::PrintableForMessage(story->id) + "\": date \"" +
             text::PrintableForMessage(story->date) + "\" is not " + kDateFormats;
    return false;
  }
  auto opt = [&](const char* key) -> std::string {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  story->source = opt("source");
  story->url = opt("url");
  return true;
}

void ReadStoriesFrom(std::istream& in, const std::string& name, InputFormat format,
                     const ReaderOptions& opt, const StoryFn& on_story, const ErrorFn& on_error,
                     ReadCounts* counts) {
  if (format == InputFormat::kAuto) {
    // Standard input (or an unnamed stream): JSON Lines if it starts with '{'.
    int c;
    while ((c = in.peek()) != EOF && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) in.get();
    format = (c == '{') ? InputFormat::kJsonl : (c == '<') ? InputFormat::kXml : InputFormat::kText;
    if (c == EOF) {
      on_error(name + ": empty input, no stories");
      return;
    }
  }
  if (format == InputFormat::kXml) {
    // A PETRARCH XML file, read record by record; each <Sentence> is one story.
    ReadPetrarchStoriesFrom(in, name, on_story, on_error, counts);
    return;
  }
  if (format == InputFormat::kText) {
    // Held up to the limit; the rest of a longer file is read and dropped.
    std::string text;
    uint64_t size = 0;
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
      const auto n = static_cast<size_t>(in.gcount());
      size += n;
      if (text.size() <= opt.max_record_bytes) {
        text.append(chunk, std::min(n, opt.max_record_bytes + 1 - text.size()));
      }
    }
    ++counts->records;
    if (size > opt.max_record_bytes) {
      ++counts->rejected;
      on_error(name + ":1: story of " + std::to_string(size) + " bytes is over the limit of " +
               std::to_string(opt.max_record_bytes) + " bytes; skipped");
      return;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      ++counts->rejected;
      on_error(name + ":1: empty file, no story");
      return;
    }
    if (opt.default_date.empty() || !IsValidDate(opt.default_date)) {
      ++counts->rejected;
      on_error(name + ":1: a plain-text story needs its date: use --date YYYY-MM-DD");
      return;
    }
    Story s;
    s.id = BaseName(name);
    s.date = opt.default_date;
    s.origin = name + ":1";
    s.text = std::move(text);
    if (size_t bad = InvalidUtf8Bytes(s.text)) {
      ++counts->warnings;
      on_error(name + ":1: invalid UTF-8 (" + std::to_string(bad) + " bytes replaced)");
    }
    ++counts->stories;
    on_story(std::move(s));
    return;
  }
  // JSON Lines. A line is held up to the limit (and a '\r'); the rest of a
  // longer one is read and dropped, so memory does not follow line length.
  std::string line;
  uint64_t lineno = 0, length = 0;
  bool any = false;
  std::vector<std::string> messages;
  while (ReadLineBounded(in, opt.max_record_bytes + 1, &line, &length)) {
    ++lineno;
    if (length == line.size() && !line.empty() && line.back() == '\r') {
      line.pop_back();
      --length;
    }
    if (length > opt.max_record_bytes) {
      any = true;
      ++counts->records;
      ++counts->rejected;
      on_error(LineTooLong(name + ":" + std::to_string(lineno), length, opt.max_record_bytes));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    any = true;
    std::string where = name + ":" + std::to_string(lineno);
    if (opt.on_raw_line) {  // the caller parses (e.g. on worker threads)
      opt.on_raw_line(std::move(line), std::move(where));
      line = std::string();
      continue;
    }
    Story s;
    messages.clear();
    bool ok = ParseRecord(std::move(line), where, opt, &s, &messages, counts);
    line = std::string();
    for (const std::string& m : messages) on_error(m);
    if (ok) on_story(std::move(s));
  }
  if (!any) on_error(name + ": empty input, no stories");
}

bool ParseRecord(std::string line, const std::string& where, const ReaderOptions& opt,
                 Story* story, std::vector<std::string>* messages, ReadCounts* counts) {
  ++counts->records;
  if (line.size() > opt.max_record_bytes) {
    ++counts->rejected;
    messages->push_back(LineTooLong(where, line.size(), opt.max_record_bytes));
    return false;
  }
  // The common case: a well-formed record of valid UTF-8.
  if (FastRecord(line).Parse(story)) {
    story->origin = where;
    ++counts->stories;
    return true;
  }
  // Invalid UTF-8 would make the JSON parser reject the whole record:
  // repair it first (U+FFFD), report it, and code the story.
  size_t bad_bytes = InvalidUtf8Bytes(line);
  if (bad_bytes) {
    std::string repaired;
    text::RepairUtf8(line, &repaired, nullptr);
    line.swap(repaired);
  }
  // dyad's own event output has a story's id, date and text too, and would
  // be coded again as stories of one sentence each. Its records are nested
  // (so never reach the fast path above) and carry these two keys; inside a
  // JSON string a quote is escaped, so the text cannot fake them.
  if (line.find("\"story_id\":") != std::string::npos &&
      line.find("\"coder\":\"dyad") != std::string::npos) {
    ++counts->rejected;
    messages->push_back(where +
                        ": an event written by dyad (it has story_id and coder fields), not a "
                        "story: give the stories it was coded from");
    return false;
  }
  std::string err;
  if (!ParseJsonStory(line, story, &err)) {
    ++counts->rejected;
    messages->push_back(where + ": " + err);
    return false;
  }
  story->origin = where;
  if (bad_bytes) {
    ++counts->warnings;
    messages->push_back(where + ": invalid UTF-8 in story \"" +
                        text::PrintableForMessage(story->id) + "\" (" + std::to_string(bad_bytes) +
                        " bytes replaced)");
  }
  ++counts->stories;
  return true;
}

Status CheckInputPath(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return Status::Ok();
  if (S_ISDIR(st.st_mode)) {
    return Status::InvalidArgument(path + ": is a directory, not a file of stories");
  }
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    return Status::InvalidArgument(path + ": is a device, not a file of stories");
  }
  return Status::Ok();
}

bool ReadStories(const std::string& path, const ReaderOptions& opt, const StoryFn& on_story,
                 const ErrorFn& on_error, ReadCounts* counts) {
  if (path == "-") {
    ReadStoriesFrom(std::cin, "<stdin>", opt.format, opt, on_story, on_error, counts);
    return true;
  }
  if (Status st = CheckInputPath(path); !st.ok()) {
    on_error(st.message());
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_error(path + ": cannot open file");
    return false;
  }
  InputFormat f = opt.format;
  if (f == InputFormat::kAuto) {
    if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) f = InputFormat::kJsonl;
    else if (EndsWith(path, ".xml")) f = InputFormat::kXml;
    else f = InputFormat::kText;
  }
  if (in.peek() == EOF) {
    on_error(path + ": empty file, no stories");
    return true;
  }
  ReadStoriesFrom(in, path, f, opt, on_story, on_error, counts);
  return true;
}

}  // namespace dyad::io
