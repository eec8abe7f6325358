#include "io/writer.h"

#include <charconv>
#include <cstdio>
#include <cstring>

#include "text/utf8.h"

namespace dyad::io {
namespace {

std::string FormatNumber(double v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Writers build each line in a string and append it to `sbuf_` when they
// write to a string, or write it to `out_`.
class JsonlWriter : public EventWriter {
 public:
  JsonlWriter(std::ostream* out, std::string* sbuf, WriterInfo info)
      : out_(out), sbuf_(sbuf), info_(std::move(info)) {}
  void Write(const Event& e) override {
    if (sbuf_) {
      AppendEventJson(e, info_, sbuf_);
      sbuf_->push_back('\n');
      return;
    }
    buf_.clear();
    AppendEventJson(e, info_, &buf_);
    buf_.push_back('\n');
    out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  void Finish() override {
    if (out_) out_->flush();
  }

 private:
  std::ostream* out_;
  std::string* sbuf_;
  WriterInfo info_;
  std::string buf_;
};

constexpr std::string_view kTsvHeader =
    "id\tstory_id\tsentence\tdate\tsource\tsource_country\tsource_group\tsource_name\t"
    "target\ttarget_country\ttarget_group\ttarget_name\tcode\troot\tgoldstein\t"
    "quad_class\tplover\ttrigger\tconfidence\tparent_id\ttext\n";

void AppendTsvField(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\\': out->append("\\\\"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      default: out->push_back(c);
    }
  }
}

class TsvWriter : public EventWriter {
 public:
  TsvWriter(std::ostream* out, std::string* sbuf, WriterInfo info)
      : out_(out), sbuf_(sbuf), info_(std::move(info)) {}
  void WriteHeader() override {
    if (sbuf_) {
      sbuf_->append(kTsvHeader);
    } else {
      out_->write(kTsvHeader.data(), static_cast<std::streamsize>(kTsvHeader.size()));
    }
  }
  void Write(const Event& e) override {
    std::string* line = sbuf_ ? sbuf_ : &buf_;
    if (!sbuf_) buf_.clear();
    const Actor* t = e.target ? &*e.target : nullptr;
    auto field = [&](std::string_view v) {
      AppendTsvField(v, line);
      line->push_back('\t');
    };
    field(e.id);
    field(e.story_id);
    field(std::to_string(e.sentence));
    field(e.date);
    field(e.source.code);
    field(e.source.country);
    field(e.source.group);
    field(e.source.name);
    field(t ? std::string_view(t->code) : "");
    field(t ? std::string_view(t->country) : "");
    field(t ? std::string_view(t->group) : "");
    field(t ? std::string_view(t->name) : "");
    field(e.code);
    field(e.root);
    field(e.goldstein ? FormatNumber(*e.goldstein) : "");
    field(std::to_string(e.quad_class));
    field(e.plover);
    field(e.trigger);
    field(FormatNumber(e.confidence));
    field(e.parent_id);
    AppendTsvField(e.text, line);
    line->push_back('\n');
    if (!sbuf_) out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  void Finish() override {
    if (out_) out_->flush();
  }

 private:
  std::ostream* out_;
  std::string* sbuf_;
  WriterInfo info_;
  std::string buf_;
};

}  // namespace

std::string TsvEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendTsvField(s, &out);
  return out;
}

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// True if some byte of `w` may need attention: below 0x20, '"', '\\', or
// non-ASCII. Never false when one does.
inline bool WordNeedsCare(uint64_t w) {
  const uint64_t below_space = (w - kOnes * 0x20) & ~w;
  const uint64_t q = w ^ (kOnes * '"');
  const uint64_t b = w ^ (kOnes * '\\');
  return ((below_space | ((q - kOnes) & ~q) | ((b - kOnes) & ~b)) & kHighBits) != 0 ||
         (w & kHighBits) != 0;
}

// Appends the escaped body of `s` (valid, clean UTF-8 or plain ASCII).
// Returns false, having appended part of it, at the first non-ASCII byte
// when `stop_at_non_ascii` is set.
bool AppendJsonBody(std::string_view s, std::string* out, bool stop_at_non_ascii) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t run = 0;  // start of the bytes not yet appended
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (!WordNeedsCare(w)) {
        i += 8;
        continue;
      }
    }
    unsigned char u = static_cast<unsigned char>(p[i]);
    if (u >= 0x80) {
      if (stop_at_non_ascii) {
        out->append(p + run, i - run);
        return false;
      }
      ++i;
      continue;
    }
    if (u >= 0x20 && u != '"' && u != '\\') {
      ++i;
      continue;
    }
    out->append(p + run, i - run);
    run = i + 1;
    switch (u) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default: {
        char buf[8];
        snprintf(buf, sizeof buf, "\\u%04x", u);
        out->append(buf);
      }
    }
    ++i;
  }
  out->append(p + run, n - run);
  return true;
}

// Appends `s` as a JSON string. Invalid UTF-8 (the original story text may
// hold some) is replaced by U+FFFD, as the text stage does; so is control
// junk in a string that is not all ASCII (text::CleanPrefixLength).
void AppendJsonString(std::string_view s, std::string* out) {
  const size_t start = out->size();
  out->push_back('"');
  if (!AppendJsonBody(s, out, /*stop_at_non_ascii=*/true)) {
    out->resize(start + 1);
    if (text::CleanPrefixLength(s) == s.size()) {
      AppendJsonBody(s, out, false);
    } else {
      std::string repaired;
      text::RepairUtf8(s, &repaired, nullptr);
      AppendJsonBody(repaired, out, false);
    }
  }
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

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<size_t>(r.ptr - buf));
}

void AppendSpan(const Span& sp, std::string* out) {
  out->push_back('[');
  AppendInt(sp.begin, out);
  out->push_back(',');
  AppendInt(sp.end, out);
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
  AppendInt(e.sentence, out);
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
  AppendInt(e.quad_class, out);
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
  if (name == "jsonl") return std::make_unique<JsonlWriter>(out, nullptr, info);
  if (name == "tsv") return std::make_unique<TsvWriter>(out, nullptr, info);
  return nullptr;
}

std::unique_ptr<EventWriter> MakeWriter(std::string_view name, std::string* out,
                                        const WriterInfo& info) {
  if (name == "jsonl") return std::make_unique<JsonlWriter>(nullptr, out, info);
  if (name == "tsv") return std::make_unique<TsvWriter>(nullptr, out, info);
  return nullptr;
}

}  // namespace dyad::io
