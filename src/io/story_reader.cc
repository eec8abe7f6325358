#include "io/story_reader.h"

#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

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

// Counts bytes that are not valid UTF-8 (the text stage repairs them later).
size_t InvalidUtf8Bytes(const std::string& s) {
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

}  // namespace

bool ParseJsonStory(const std::string& line, Story* story, std::string* error) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
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
  if (!IsValidDate(story->date)) {
    *error = "story \"" + story->id + "\": date \"" + story->date + "\" is not YYYY-MM-DD";
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
    format = (c == '{') ? InputFormat::kJsonl : InputFormat::kText;
    if (c == EOF) {
      on_error(name + ": empty input, no stories");
      return;
    }
  }
  if (format == InputFormat::kXml) {
    ++counts->records;
    ++counts->rejected;
    on_error(name + ":1: PETRARCH XML input is not supported yet");
    return;
  }
  if (format == InputFormat::kText) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ++counts->records;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      ++counts->rejected;
      on_error(name + ":1: empty file, no story");
      return;
    }
    if (text.size() > opt.max_record_bytes) {
      ++counts->rejected;
      on_error(name + ":1: story of " + std::to_string(text.size()) + " bytes is over the limit of " +
               std::to_string(opt.max_record_bytes) + " bytes; skipped");
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
  // JSON Lines.
  std::string line;
  uint64_t lineno = 0;
  bool any = false;
  std::vector<std::string> messages;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
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
    messages->push_back(where + ": line of " + std::to_string(line.size()) +
                        " bytes is over the limit of " + std::to_string(opt.max_record_bytes) +
                        " bytes; story skipped");
    return false;
  }
  // Invalid UTF-8 would make the JSON parser reject the whole record:
  // repair it first (U+FFFD), report it, and code the story.
  size_t bad_bytes = InvalidUtf8Bytes(line);
  if (bad_bytes) {
    std::string repaired;
    text::RepairUtf8(line, &repaired, nullptr);
    line.swap(repaired);
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
    messages->push_back(where + ": invalid UTF-8 in story \"" + story->id + "\" (" +
                        std::to_string(bad_bytes) + " bytes replaced)");
  }
  ++counts->stories;
  return true;
}

bool ReadStories(const std::string& path, const ReaderOptions& opt, const StoryFn& on_story,
                 const ErrorFn& on_error, ReadCounts* counts) {
  if (path == "-") {
    ReadStoriesFrom(std::cin, "<stdin>", opt.format, opt, on_story, on_error, counts);
    return true;
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
