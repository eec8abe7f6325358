#include "io/writer.h"

#include <charconv>
#include <cstdio>

#include "text/utf8.h"

namespace dyad::io {
namespace {

std::string FormatNumber(double v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

class JsonlWriter : public EventWriter {
 public:
  JsonlWriter(std::ostream* out, WriterInfo info) : out_(out), info_(std::move(info)) {}
  void Write(const Event& e) override {
    buf_.clear();
    AppendEventJson(e, info_, &buf_);
    buf_.push_back('\n');
    out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  void Finish() override { out_->flush(); }

 private:
  std::ostream* out_;
  WriterInfo info_;
  std::string buf_;
};

class TsvWriter : public EventWriter {
 public:
  TsvWriter(std::ostream* out, WriterInfo info) : out_(out), info_(std::move(info)) {}
  void WriteHeader() override {
    *out_ << "id\tstory_id\tsentence\tdate\tsource\tsource_country\tsource_group\tsource_name\t"
             "target\ttarget_country\ttarget_group\ttarget_name\tcode\troot\tgoldstein\t"
             "quad_class\tplover\ttrigger\tconfidence\tparent_id\ttext\n";
  }
  void Write(const Event& e) override {
    const Actor* t = e.target ? &*e.target : nullptr;
    std::string fields[] = {e.id,
                            e.story_id,
                            std::to_string(e.sentence),
                            e.date,
                            e.source.code,
                            e.source.country,
                            e.source.group,
                            e.source.name,
                            t ? t->code : "",
                            t ? t->country : "",
                            t ? t->group : "",
                            t ? t->name : "",
                            e.code,
                            e.root,
                            e.goldstein ? FormatNumber(*e.goldstein) : "",
                            std::to_string(e.quad_class),
                            e.plover,
                            e.trigger,
                            FormatNumber(e.confidence),
                            e.parent_id,
                            e.text};
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) *out_ << '\t';
      *out_ << TsvEscape(f);
      first = false;
    }
    *out_ << '\n';
  }
  void Finish() override { out_->flush(); }

 private:
  std::ostream* out_;
  WriterInfo info_;
};

}  // namespace

std::string TsvEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// Appends `s` as a JSON string. Invalid UTF-8 (the original story text may
// hold some) is replaced by U+FFFD, as the text stage does.
void AppendJsonString(std::string_view s, std::string* out) {
  std::string repaired;
  if (!text::IsAscii(s) && text::CleanPrefixLength(s) != s.size()) {
    text::RepairUtf8(s, &repaired, nullptr);
    s = repaired;
  }
  out->push_back('"');
  // Copy runs of characters that need no escape in one go.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    char c = s[i];
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out->append(buf);
        }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

// Shortest text that reads back as the same double; "3.0" rather than "3".
void AppendDouble(double v, std::string* out) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  std::string_view t(buf, r.ptr - buf);
  out->append(t);
  if (t.find_first_of(".eE") == std::string_view::npos) out->append(".0");
}

void AppendActor(const Actor& a, std::string* out) {
  out->append("{\"code\":");
  AppendJsonString(a.code, out);
  out->append(",\"name\":");
  AppendJsonString(a.name, out);
  out->append(",\"country\":");
  AppendJsonString(a.country, out);
  out->append(",\"group\":");
  AppendJsonString(a.group, out);
  out->append(",\"types\":[");
  for (size_t i = 0; i < a.types.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(a.types[i], out);
  }
  out->append("]}");
}

void AppendSpan(const Span& sp, std::string* out) {
  out->push_back('[');
  out->append(std::to_string(sp.begin));
  out->push_back(',');
  out->append(std::to_string(sp.end));
  out->push_back(']');
}

}  // namespace

void AppendEventJson(const Event& e, const WriterInfo& info, std::string* out) {
  // Each field starts with its key; `key` is the text between fields,
  // e.g. ",\"code\":".
  auto str = [&](const char* key, std::string_view v) {
    out->append(key);
    AppendJsonString(v, out);
  };
  auto str_or_null = [&](const char* key, std::string_view v) {
    out->append(key);
    if (v.empty()) {
      out->append("null");
    } else {
      AppendJsonString(v, out);
    }
  };
  str("{\"id\":", e.id);
  str(",\"story_id\":", e.story_id);
  out->append(",\"sentence\":");
  out->append(std::to_string(e.sentence));
  str(",\"date\":", e.date);
  str(",\"pub_date\":", e.pub_date);
  out->append(",\"source\":");
  AppendActor(e.source, out);
  out->append(",\"target\":");
  if (e.target) {
    AppendActor(*e.target, out);
  } else {
    out->append("null");
  }
  str(",\"code\":", e.code);
  str(",\"root\":", e.root);
  out->append(",\"goldstein\":");
  if (e.goldstein) {
    AppendDouble(*e.goldstein, out);
  } else {
    out->append("null");
  }
  out->append(",\"quad_class\":");
  out->append(std::to_string(e.quad_class));
  str_or_null(",\"plover\":", e.plover);
  str(",\"text\":", e.text);
  str(",\"trigger\":", e.trigger);
  out->append(",\"evidence\":{\"trigger\":");
  AppendSpan(e.trigger_span, out);
  out->append(",\"source\":");
  AppendSpan(e.source.span, out);
  out->append(",\"target\":");
  if (e.target) {
    AppendSpan(e.target->span, out);
  } else {
    out->append("null");
  }
  str(",\"pattern\":", e.pattern);
  str(",\"pattern_origin\":", e.pattern_origin);
  out->append(",\"how\":[");
  for (size_t i = 0; i < e.notes.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(e.notes[i], out);
  }
  out->append("]},\"confidence\":");
  AppendDouble(e.confidence, out);
  str_or_null(",\"parent_id\":", e.parent_id);
  str(",\"coder\":", info.coder);
  str(",\"dictionary\":", info.dictionary);
  out->push_back('}');
}

std::string EventToJson(const Event& e, const WriterInfo& info) {
  std::string out;
  out.reserve(1024);
  AppendEventJson(e, info, &out);
  return out;
}

std::unique_ptr<EventWriter> MakeWriter(std::string_view name, std::ostream* out,
                                        const WriterInfo& info) {
  if (name == "jsonl") return std::make_unique<JsonlWriter>(out, info);
  if (name == "tsv") return std::make_unique<TsvWriter>(out, info);
  return nullptr;
}

}  // namespace dyad::io
