#include "io/petrarch_xml.h"

#include "text/strings.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <optional>

namespace dyad::io {
namespace {

std::string Trim(std::string_view s) { return std::string(text::TrimSpace(s)); }

// An id or date from the file as it may appear in a message.
std::string Shown(std::string_view s) { return text::PrintableForMessage(s); }

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes &amp; &lt; &gt; &quot; &apos; and &#NN; / &#xNN; (others kept as written).
std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out += '&';
    else if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      uint32_t cp = static_cast<uint32_t>(
          ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
              ? std::strtoul(std::string(ent.substr(2)).c_str(), nullptr, 16)
              : std::strtoul(std::string(ent.substr(1)).c_str(), nullptr, 10));
      AppendUtf8(cp ? cp : 0xFFFD, &out);
    } else {
      out += s.substr(i, semi - i + 1);
    }
    i = semi;
  }
  return out;
}

struct Tag {
  std::string name;  // without '/' for end tags
  bool end = false, self_closing = false;
  std::map<std::string, std::string> attrs;
  size_t after = 0;  // offset just past '>'
  int line = 0;
};

// Attributes: name = "value" or name='value', spaces allowed around '='.
void ParseAttrs(std::string_view s, std::map<std::string, std::string>* out) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == '/')) ++i;
    size_t nb = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '=') ++i;
    std::string name(s.substr(nb, i - nb));
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size() || s[i] != '=') {
      if (!name.empty()) (*out)[name] = "";
      continue;
    }
    ++i;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    char q = s[i];
    std::string value;
    if (q == '"' || q == '\'') {
      size_t close = s.find(q, i + 1);
      if (close == std::string_view::npos) close = s.size();
      value = Unescape(s.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      size_t vb = i;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      value = Unescape(s.substr(vb, i - vb));
    }
    if (!name.empty()) (*out)[name] = value;
  }
}

// The start of a tag for messages: "<Name" (at most 40 bytes, up to a space).
std::string TagStart(const std::string& text, size_t lt) {
  size_t e = lt + 1;
  while (e < text.size() && e - lt < 40 && !std::isspace(static_cast<unsigned char>(text[e])) &&
         text[e] != '<' && text[e] != '>') {
    ++e;
  }
  return text::PrintableForMessage(std::string_view(text).substr(lt, e - lt));
}

// An element name from the file as it may appear in a message: control
// characters escaped, at most 40 bytes.
std::string ShownName(std::string_view name) {
  return text::PrintableForMessage(name.substr(0, 40));
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsTrue(const std::string& v) { return LowerAscii(Trim(v)) == "true"; }

// "20150102", "2015-01-02" (or any date NormalizeDate reads) -> "2015-01-02";
// "" if none.
std::string XmlDate(const std::string& d) {
  std::string t = Trim(d);
  if (t.size() == 6 && std::all_of(t.begin(), t.end(), ::isdigit)) {
    t = (t[0] >= '3' ? "19" : "20") + t;  // YYMMDD, as TABARI wrote dates
  }
  std::string out;
  return NormalizeDate(t, &out) ? out : "";
}

using RecordFn = std::function<void(PetrarchRecord&&)>;

// The scanner over a window of the file: Run() reads the steps (a tag, a
// comment, an element's content) that the window holds whole and returns
// how many bytes it is done with; the caller drops those, reads more and
// calls again. A step is read only once it is whole, so state changes only
// between steps. A step longer than kMaxXmlElementBytes is not held: it is
// skipped as the file streams by (see Skip).
class Scanner {
 public:
  Scanner(const std::string& name, PetrarchFile* out, const ErrorFn& on_error,
          const RecordFn& on_record)
      : name_(name), out_(out), on_error_(on_error), on_record_(on_record) {}

  // True when nothing after this point is read (<Stop>, or something never closed).
  bool done() const { return done_; }

  size_t Run(const std::string& text, bool eof);

  void Finish() { Flush(); }

 private:
  // What a step that cannot finish in the window waits for.
  struct Wait {
    std::string needle;  // the bytes that end it
    bool resume_after;   // go on after the needle (else at it)
    std::string what;    // for the message when it is too long ("" = skipped silently)
  };
  enum class Got { kStep, kMore };

  int LineAt(const std::string& text, size_t off) {
    for (; line_pos_ < off && line_pos_ < text.size(); ++line_pos_) {
      if (text[line_pos_] == '\n') ++line_;
    }
    return line_;
  }
  void Flush();
  void Unterminated(const std::string& text, size_t off, const std::string& what);
  // A step at `lt` cannot finish in the window, and what it measures runs
  // from `from`: kMore while that is within the limit (the window grows);
  // past it the step is reported (Wait::what) and skipped as bytes stream by.
  Got TooLong(const std::string& text, size_t lt, size_t from, Wait w);
  // Reports `what` at `lt` as over the limit; its record is skipped.
  void OverLimit(const std::string& text, size_t lt, const std::string& what);
  Got Step(const std::string& text, size_t lt, bool eof);

  const std::string& name_;
  PetrarchFile* out_;
  const ErrorFn& on_error_;
  const RecordFn& on_record_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_pos_ = 0;  // offset up to which line_ is counted
  bool done_ = false;
  bool in_env_ = false, in_rec_ = false;
  PetrarchRecord rec_;
  bool rec_bad_ = false;
  std::vector<std::pair<std::string, std::string>> pending_config_;
  // Skipping a step over the limit: its end, searched for as bytes stream by.
  std::optional<Wait> skip_;
};

void Scanner::Flush() {
  if (!in_rec_) return;
  in_rec_ = false;
  if (rec_bad_) {
    ++out_->skipped;
    return;
  }
  if (rec_.story.text.empty()) {
    // Kept (a validation run counts it as failed); story input skips it.
    on_error_(rec_.story.origin + ": record \"" + Shown(rec_.story.id) + "\" has no <Text>");
  } else if (size_t bad = InvalidUtf8Bytes(rec_.story.text)) {
    // Coded all the same: the text stage replaces them (U+FFFD).
    ++out_->warnings;
    on_error_(rec_.story.origin + ": invalid UTF-8 in record \"" + Shown(rec_.story.id) + "\" (" +
              std::to_string(bad) + " bytes replaced)");
  }
  on_record_(std::move(rec_));
  rec_ = PetrarchRecord();
}

// Something opened at `off` is never closed: nothing after it can be read
// as records. Ends the open record with an error and stops, saying so.
void Scanner::Unterminated(const std::string& text, size_t off, const std::string& what) {
  std::string where = name_ + ":" + std::to_string(LineAt(text, off));
  if (in_rec_ && !rec_bad_) {
    on_error_(where + ": " + what + " is not closed; record \"" + Shown(rec_.story.id) +
              "\" and the rest of the file skipped");
    rec_bad_ = true;
  } else {
    on_error_(where + ": " + what + " is not closed; the rest of the file skipped");
  }
  done_ = true;
}

void Scanner::OverLimit(const std::string& text, size_t lt, const std::string& what) {
  std::string where = name_ + ":" + std::to_string(LineAt(text, lt));
  std::string over = ": " + what + " is over the limit of " + std::to_string(kMaxXmlElementBytes) +
                     " bytes; ";
  if (in_rec_ && !rec_bad_) {
    on_error_(where + over + "record \"" + Shown(rec_.story.id) + "\" skipped");
    rec_bad_ = true;
  } else if (!in_rec_) {
    on_error_(where + over + "skipped");
  }
}

Scanner::Got Scanner::TooLong(const std::string& text, size_t lt, size_t from, Wait w) {
  if (text.size() - from <= kMaxXmlElementBytes) return Got::kMore;
  if (!w.what.empty()) OverLimit(text, lt, w.what);
  // The needle may start in the last needle.size() - 1 bytes searched.
  size_t keep = w.needle.size() - 1;
  pos_ = std::max(lt + 1, text.size() - keep);
  skip_ = std::move(w);
  return Got::kStep;
}

size_t Scanner::Run(const std::string& text, bool eof) {
  pos_ = 0;
  line_pos_ = 0;
  while (!done_ && pos_ < text.size()) {
    if (skip_) {
      size_t at = text.find(skip_->needle, pos_);
      if (at == std::string::npos) {
        size_t keep = skip_->needle.size() - 1;
        pos_ = std::max(pos_, text.size() > keep ? text.size() - keep : 0);
        if (eof) pos_ = text.size();
        break;
      }
      pos_ = skip_->resume_after ? at + skip_->needle.size() : at;
      skip_.reset();
      continue;
    }
    size_t lt = text.find('<', pos_);
    if (lt == std::string::npos) {
      pos_ = text.size();
      break;
    }
    pos_ = lt;
    if (Step(text, lt, eof) == Got::kMore) break;
  }
  LineAt(text, pos_);  // the lines of what the caller drops are counted
  return done_ ? text.size() : pos_;
}

Scanner::Got Scanner::Step(const std::string& text, size_t lt, bool eof) {
  // True when `found` is npos and the window may still grow.
  auto more = [&](size_t found) { return found == std::string::npos && !eof; };
  if (text.size() - lt < 4 && !eof) return Got::kMore;  // "<!--" may be cut
  if (text.compare(lt, 4, "<!--") == 0) {
    size_t end = text.find("-->", lt + 4);
    if (more(end)) return TooLong(text, lt, lt, {"-->", true, ""});
    if (end == std::string::npos) {
      Unterminated(text, lt, "comment <!--");
      return Got::kStep;
    }
    pos_ = end + 3;
    return Got::kStep;
  }
  if (text.compare(lt, 2, "<?") == 0 || text.compare(lt, 2, "<!") == 0) {
    size_t end = text.find('>', lt);
    if (more(end)) return TooLong(text, lt, lt, {">", true, ""});
    if (end == std::string::npos) {
      Unterminated(text, lt, "declaration " + text.substr(lt, 2));
      return Got::kStep;
    }
    pos_ = end + 1;
    return Got::kStep;
  }
  size_t gt = text.find('>', lt);
  if (more(gt)) return TooLong(text, lt, lt, {">", true, "tag " + TagStart(text, lt)});
  if (gt == std::string::npos) {
    Unterminated(text, lt, "tag " + TagStart(text, lt));
    return Got::kStep;
  }
  Tag tag;
  std::string_view inner(text.data() + lt + 1, gt - lt - 1);
  if (!inner.empty() && inner[0] == '/') {
    tag.end = true;
    inner.remove_prefix(1);
  }
  if (!inner.empty() && inner.back() == '/') {
    tag.self_closing = true;
    inner.remove_suffix(1);
  }
  size_t ne = 0;
  while (ne < inner.size() && !std::isspace(static_cast<unsigned char>(inner[ne]))) ++ne;
  tag.name = std::string(inner.substr(0, ne));
  tag.after = gt + 1;
  // The element content this tag needs, found before anything changes: an
  // element's text up to its end tag, or the end tag right after an
  // <EventCoding>.
  const bool wants_content =
      !tag.end && !tag.self_closing && tag.name != "Environment" && tag.name != "Config" &&
      (in_env_ || (in_rec_ && (tag.name == "Text" || tag.name == "Parse")));
  size_t close = std::string::npos, gt2 = std::string::npos;
  if (wants_content) {
    const std::string end_tag = "</" + tag.name;
    close = text.find(end_tag, tag.after);
    if (more(close)) {
      return TooLong(text, lt, tag.after,
                     {end_tag, false, tag.name == "Parse" ? "" : "element <" + ShownName(tag.name) + ">"});
    }
    if (close != std::string::npos) {
      gt2 = text.find('>', close);
      if (more(gt2)) return TooLong(text, lt, close, {">", true, "tag " + TagStart(text, close)});
    }
  }
  const bool coding = !tag.end && !tag.self_closing && !in_env_ && in_rec_ &&
                      tag.name == "EventCoding";
  size_t next = std::string::npos;
  if (coding) {
    next = text.find('<', tag.after);
    if (more(next)) return TooLong(text, lt, tag.after, {"<", false, "element <EventCoding>"});
    if (next != std::string::npos && text.size() - next < 13 && !eof) return Got::kMore;
    if (next != std::string::npos && text.compare(next, 13, "</EventCoding") == 0) {
      gt2 = text.find('>', next);
      if (more(gt2)) return TooLong(text, lt, next, {">", true, "tag </EventCoding"});
    }
  }
  // The step is whole. The same limits as while streaming (a file read
  // whole reads as one streamed).
  if (gt - lt > kMaxXmlElementBytes) {
    OverLimit(text, lt, "tag " + TagStart(text, lt));
    pos_ = gt + 1;
    return Got::kStep;
  }
  if (wants_content && tag.name != "Parse" && close != std::string::npos &&
      close - tag.after > kMaxXmlElementBytes) {
    OverLimit(text, lt, "element <" + ShownName(tag.name) + ">");
    pos_ = close;
    return Got::kStep;
  }
  if (coding && next != std::string::npos && next - tag.after > kMaxXmlElementBytes) {
    OverLimit(text, lt, "element <EventCoding>");
    pos_ = next;
    return Got::kStep;
  }
  if (gt2 != std::string::npos && gt2 - (wants_content ? close : next) > kMaxXmlElementBytes) {
    const size_t end_at = wants_content ? close : next;
    OverLimit(text, lt, "tag " + TagStart(text, end_at));
    pos_ = gt2 + 1;
    return Got::kStep;
  }
  // Read it.
  tag.line = LineAt(text, lt);
  ParseAttrs(inner.substr(ne), &tag.attrs);
  pos_ = gt + 1;
  std::string where = name_ + ":" + std::to_string(tag.line);
  auto content = [&]() -> std::string {
    if (close == std::string::npos) {
      Unterminated(text, lt, "<" + ShownName(tag.name) + ">");
      return "";
    }
    if (gt2 == std::string::npos) {
      Unterminated(text, close, "tag " + TagStart(text, close));
      return "";
    }
    pos_ = gt2 + 1;
    return Unescape(std::string_view(text).substr(tag.after, close - tag.after));
  };
  if (tag.end) {
    if (tag.name == "Environment") in_env_ = false;
    if (tag.name == "Sentence") Flush();
    return Got::kStep;
  }
  if (tag.name == "Environment") {
    in_env_ = !tag.self_closing;
    return Got::kStep;
  }
  if (tag.name == "Config") {
    std::pair<std::string, std::string> kv{tag.attrs["option"], tag.attrs["value"]};
    if (kv.first.empty()) {
      on_error_(where + ": <Config> without option=; ignored");
    } else if (in_env_) {
      out_->env_config.push_back(kv);
    } else {
      pending_config_.push_back(kv);
    }
    return Got::kStep;
  }
  if (in_env_) {
    if (tag.self_closing) return Got::kStep;
    std::string v = Trim(content());
    if (tag.name == "Include") {
      for (size_t i = 0; i < v.size();) {
        while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
        size_t b = i;
        while (i < v.size() && !std::isspace(static_cast<unsigned char>(v[i]))) ++i;
        if (i > b) out_->include.push_back(v.substr(b, i - b));
      }
    } else {
      // "A.txt,B.txt" lists several files.
      size_t b = 0;
      for (size_t i = 0; i <= v.size(); ++i) {
        if (i == v.size() || v[i] == ',') {
          std::string f = Trim(std::string_view(v).substr(b, i - b));
          if (!f.empty()) out_->environment[tag.name].push_back(f);
          b = i + 1;
        }
      }
    }
    return Got::kStep;
  }
  if (tag.name == "Stop") {
    Flush();
    out_->stopped = true;
    done_ = true;
    return Got::kStep;
  }
  if (tag.name == "Sentence") {
    Flush();
    in_rec_ = true;
    rec_ = PetrarchRecord();
    rec_bad_ = false;
    rec_.story.id = tag.attrs["id"];
    rec_.story.origin = where;
    rec_.category = tag.attrs["category"];
    if (tag.attrs.count("evaluate")) rec_.evaluate = IsTrue(tag.attrs["evaluate"]);
    rec_.config = std::move(pending_config_);
    pending_config_.clear();
    if (rec_.story.id.empty()) rec_.story.id = name_ + ":" + std::to_string(tag.line);
    rec_.story.date = XmlDate(tag.attrs["date"]);
    if (rec_.story.date.empty()) {
      on_error_(where + ": record \"" + Shown(rec_.story.id) + "\": date \"" +
                Shown(tag.attrs["date"]) + "\" is not YYYYMMDD; skipped");
      rec_bad_ = true;
    }
    // <Sentence .../> (self-closed) is followed by its children as siblings.
    return Got::kStep;
  }
  if (!in_rec_) return Got::kStep;
  if (tag.name == "EventCoding") {
    rec_.has_expectation = true;
    if (tag.attrs.count("noevents") && IsTrue(tag.attrs["noevents"])) {
      rec_.noevents = true;
    } else if (tag.attrs.count("error")) {
      rec_.error = tag.attrs["error"];
    } else {
      rec_.expected.push_back({Trim(tag.attrs["sourcecode"]), Trim(tag.attrs["targetcode"]),
                               Trim(tag.attrs["eventcode"])});
    }
    if (coding && next != std::string::npos && text.compare(next, 13, "</EventCoding") == 0) {
      // Skip a directly following </EventCoding> (one with no '>' ends the
      // record: find() + 1 used to restart the reader at byte 0).
      if (gt2 == std::string::npos) {
        Unterminated(text, next, "tag " + TagStart(text, next));
        return Got::kStep;
      }
      pos_ = gt2 + 1;
    }
    return Got::kStep;
  }
  if (tag.name == "Text") {
    std::string t = Trim(content());
    // Lines of a record are one sentence: join them with spaces.
    for (char& c : t) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    rec_.story.text = t;
    return Got::kStep;
  }
  if (tag.name == "Parse") {
    content();  // dyad parses the text itself
    return Got::kStep;
  }
  return Got::kStep;
}

// Reads `in` through a window that holds the step being read: 64 KiB at a
// time, and as much again as the window holds when a step is still open
// (so a long step is searched a bounded number of times).
void ScanStream(std::istream& in, const std::string& name, PetrarchFile* out,
                const ErrorFn& on_error, const RecordFn& on_record, size_t chunk = 64u << 10) {
  Scanner sc(name, out, on_error, on_record);
  const size_t kChunk = std::max<size_t>(chunk, 1);
  std::string window;
  size_t want = kChunk;
  for (;;) {
    const size_t old = window.size();
    window.resize(old + want);
    in.read(window.data() + old, static_cast<std::streamsize>(want));
    window.resize(old + static_cast<size_t>(in.gcount()));
    const bool eof = !in;
    const size_t used = sc.Run(window, eof);
    if (eof || sc.done()) break;
    window.erase(0, used);
    want = std::max(kChunk, window.size());
  }
  sc.Finish();
}

}  // namespace

void ParsePetrarchXml(const std::string& text, const std::string& name, PetrarchFile* out,
                      const ErrorFn& on_error) {
  const RecordFn keep = [out](PetrarchRecord&& r) { out->records.push_back(std::move(r)); };
  Scanner sc(name, out, on_error, keep);
  sc.Run(text, true);
  sc.Finish();
}

void ReadPetrarchXmlFrom(std::istream& in, const std::string& name, PetrarchFile* out,
                        const ErrorFn& on_error, size_t chunk) {
  const RecordFn keep = [out](PetrarchRecord&& r) { out->records.push_back(std::move(r)); };
  ScanStream(in, name, out, on_error, keep, chunk);
}

Status ReadPetrarchXml(const std::string& path, PetrarchFile* out, const ErrorFn& on_error) {
  DYAD_RETURN_IF_ERROR(CheckInputPath(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open file");
  const RecordFn keep = [out](PetrarchRecord&& r) { out->records.push_back(std::move(r)); };
  ScanStream(in, path, out, on_error, keep);
  return Status::Ok();
}

void ReadPetrarchStoriesFrom(std::istream& in, const std::string& name, const StoryFn& on_story,
                             const ErrorFn& on_error, ReadCounts* counts) {
  // Records go to on_story as they are read: memory holds one record and
  // the window, whatever the file's size.
  PetrarchFile f;
  uint64_t records = 0;
  const RecordFn pass = [&](PetrarchRecord&& r) {
    ++records;
    ++counts->records;
    if (r.story.text.empty()) {
      ++counts->rejected;
      return;
    }
    ++counts->stories;
    on_story(std::move(r.story));
  };
  ScanStream(in, name, &f, on_error, pass);
  counts->records += f.skipped;
  counts->rejected += f.skipped;
  counts->warnings += f.warnings;
  if (records == 0 && f.skipped == 0) on_error(name + ": no <Sentence> records");
}

}  // namespace dyad::io
