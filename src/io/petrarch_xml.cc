#include "io/petrarch_xml.h"

#include "text/strings.h"

#include <cctype>
#include <fstream>

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

}  // namespace

void ParsePetrarchXml(const std::string& text, const std::string& name, PetrarchFile* out,
                      const ErrorFn& on_error) {
  size_t pos = 0;
  int line = 1;
  size_t line_pos = 0;  // offset up to which `line` is counted
  auto line_at = [&](size_t off) {
    for (; line_pos < off && line_pos < text.size(); ++line_pos) {
      if (text[line_pos] == '\n') ++line;
    }
    return line;
  };
  bool in_env = false, in_rec = false;
  PetrarchRecord rec;
  bool rec_bad = false;
  std::vector<std::pair<std::string, std::string>> pending_config;
  auto flush = [&]() {
    if (!in_rec) return;
    in_rec = false;
    if (rec_bad) {
      ++out->skipped;
      return;
    }
    if (rec.story.text.empty()) {
      // Kept (a validation run counts it as failed); story input skips it.
      on_error(rec.story.origin + ": record \"" + Shown(rec.story.id) + "\" has no <Text>");
    } else if (size_t bad = InvalidUtf8Bytes(rec.story.text)) {
      // Coded all the same: the text stage replaces them (U+FFFD).
      ++out->warnings;
      on_error(rec.story.origin + ": invalid UTF-8 in record \"" + Shown(rec.story.id) + "\" (" +
               std::to_string(bad) + " bytes replaced)");
    }
    out->records.push_back(std::move(rec));
  };
  // Something opened at `off` is never closed: nothing after it can be read
  // as records. Ends the open record with an error and stops, saying so.
  auto unterminated = [&](size_t off, const std::string& what) {
    std::string where = name + ":" + std::to_string(line_at(off));
    if (in_rec && !rec_bad) {
      on_error(where + ": " + what + " is not closed; record \"" + Shown(rec.story.id) +
               "\" and the rest of the file skipped");
      rec_bad = true;
    } else {
      on_error(where + ": " + what + " is not closed; the rest of the file skipped");
    }
    pos = text.size();
  };
  while (pos < text.size()) {
    size_t lt = text.find('<', pos);
    if (lt == std::string::npos) break;
    if (text.compare(lt, 4, "<!--") == 0) {
      size_t end = text.find("-->", lt + 4);
      if (end == std::string::npos) {
        unterminated(lt, "comment <!--");
        break;
      }
      pos = end + 3;
      continue;
    }
    if (text.compare(lt, 2, "<?") == 0 || text.compare(lt, 2, "<!") == 0) {
      size_t end = text.find('>', lt);
      if (end == std::string::npos) {
        unterminated(lt, "declaration " + text.substr(lt, 2));
        break;
      }
      pos = end + 1;
      continue;
    }
    size_t gt = text.find('>', lt);
    if (gt == std::string::npos) {
      unterminated(lt, "tag " + TagStart(text, lt));
      break;
    }
    Tag tag;
    tag.line = line_at(lt);
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
    ParseAttrs(inner.substr(ne), &tag.attrs);
    tag.after = gt + 1;
    pos = gt + 1;
    std::string where = name + ":" + std::to_string(tag.line);
    // Text content of an element: up to its end tag.
    auto content = [&](const std::string& el) -> std::string {
      if (tag.self_closing) return "";
      size_t close = text.find("</" + el, tag.after);
      if (close == std::string::npos) {
        unterminated(lt, "<" + el + ">");
        return "";
      }
      size_t gt2 = text.find('>', close);
      if (gt2 == std::string::npos) {
        unterminated(close, "tag " + TagStart(text, close));
        return "";
      }
      pos = gt2 + 1;
      return Unescape(std::string_view(text).substr(tag.after, close - tag.after));
    };
    if (tag.end) {
      if (tag.name == "Environment") in_env = false;
      if (tag.name == "Sentence") flush();
      continue;
    }
    if (tag.name == "Environment") {
      in_env = !tag.self_closing;
      continue;
    }
    if (tag.name == "Config") {
      std::pair<std::string, std::string> kv{tag.attrs["option"], tag.attrs["value"]};
      if (kv.first.empty()) {
        on_error(where + ": <Config> without option=; ignored");
      } else if (in_env) {
        out->env_config.push_back(kv);
      } else {
        pending_config.push_back(kv);
      }
      continue;
    }
    if (in_env) {
      if (tag.self_closing) continue;
      std::string v = Trim(content(tag.name));
      if (tag.name == "Include") {
        for (size_t i = 0; i < v.size();) {
          while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
          size_t b = i;
          while (i < v.size() && !std::isspace(static_cast<unsigned char>(v[i]))) ++i;
          if (i > b) out->include.push_back(v.substr(b, i - b));
        }
      } else {
        // "A.txt,B.txt" lists several files.
        size_t b = 0;
        for (size_t i = 0; i <= v.size(); ++i) {
          if (i == v.size() || v[i] == ',') {
            std::string f = Trim(std::string_view(v).substr(b, i - b));
            if (!f.empty()) out->environment[tag.name].push_back(f);
            b = i + 1;
          }
        }
      }
      continue;
    }
    if (tag.name == "Stop") {
      flush();
      out->stopped = true;
      break;
    }
    if (tag.name == "Sentence") {
      flush();
      in_rec = true;
      rec = PetrarchRecord();
      rec_bad = false;
      rec.story.id = tag.attrs["id"];
      rec.story.origin = where;
      rec.category = tag.attrs["category"];
      if (tag.attrs.count("evaluate")) rec.evaluate = IsTrue(tag.attrs["evaluate"]);
      rec.config = std::move(pending_config);
      pending_config.clear();
      if (rec.story.id.empty()) rec.story.id = name + ":" + std::to_string(tag.line);
      rec.story.date = XmlDate(tag.attrs["date"]);
      if (rec.story.date.empty()) {
        on_error(where + ": record \"" + Shown(rec.story.id) + "\": date \"" +
                 Shown(tag.attrs["date"]) + "\" is not YYYYMMDD; skipped");
        rec_bad = true;
      }
      // <Sentence .../> (self-closed) is followed by its children as siblings.
      continue;
    }
    if (!in_rec) continue;
    if (tag.name == "EventCoding") {
      rec.has_expectation = true;
      if (tag.attrs.count("noevents") && IsTrue(tag.attrs["noevents"])) {
        rec.noevents = true;
      } else if (tag.attrs.count("error")) {
        rec.error = tag.attrs["error"];
      } else {
        rec.expected.push_back(
            {Trim(tag.attrs["sourcecode"]), Trim(tag.attrs["targetcode"]), Trim(tag.attrs["eventcode"])});
      }
      if (!tag.self_closing) {
        // Skip a directly following </EventCoding> (one with no '>' ends the
        // record: find() + 1 used to restart the reader at byte 0).
        size_t close = text.find("</EventCoding", tag.after);
        if (close != std::string::npos && close == text.find('<', tag.after)) {
          size_t gt2 = text.find('>', close);
          if (gt2 == std::string::npos) {
            unterminated(close, "tag " + TagStart(text, close));
            break;
          }
          pos = gt2 + 1;
        }
      }
      continue;
    }
    if (tag.name == "Text") {
      std::string t = Trim(content("Text"));
      // Lines of a record are one sentence: join them with spaces.
      for (char& c : t) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      rec.story.text = t;
      continue;
    }
    if (tag.name == "Parse") {
      content("Parse");  // dyad parses the text itself
      continue;
    }
  }
  flush();
}

Status ReadPetrarchXml(const std::string& path, PetrarchFile* out, const ErrorFn& on_error) {
  DYAD_RETURN_IF_ERROR(CheckInputPath(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ParsePetrarchXml(text, path, out, on_error);
  return Status::Ok();
}

void EmitPetrarchStories(PetrarchFile&& f, const std::string& name, const StoryFn& on_story,
                         const ErrorFn& on_error, ReadCounts* counts) {
  const uint64_t bad = f.skipped;
  counts->records += f.records.size() + bad;
  counts->rejected += bad;
  counts->warnings += f.warnings;
  for (PetrarchRecord& r : f.records) {
    if (r.story.text.empty()) {
      ++counts->rejected;
      continue;
    }
    ++counts->stories;
    on_story(std::move(r.story));
  }
  if (f.records.empty() && !bad) on_error(name + ": no <Sentence> records");
}

}  // namespace dyad::io
