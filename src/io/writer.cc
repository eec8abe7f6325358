#include "io/writer.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/utf8.h"

namespace dyad::io {
namespace {

// Goldstein scores have one decimal; confidences two (0.85, 0.65 …).
std::string FormatNumber(double v, int decimals = 1) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.*f", decimals, v);
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
    "quad_class\tplover\ttrigger\tconfidence\tparent_id\ttext\t"
    "location\tlocation_country\tlocation_admin1\tlocation_lat\tlocation_lon\t"
    "location_type\tlocation_how\n";

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
    field(FormatNumber(e.confidence, 2));
    field(e.parent_id);
    field(e.text);
    const EventLocation* l = e.location ? &*e.location : nullptr;
    field(l ? std::string_view(l->name) : "");
    field(l ? std::string_view(l->country) : "");
    field(l ? std::string_view(l->admin1) : "");
    field(l && l->lat ? FormatNumber(*l->lat, 4) : "");
    field(l && l->lon ? FormatNumber(*l->lon, 4) : "");
    field(l ? std::string_view(l->type) : "");
    AppendTsvField(l ? std::string_view(l->how) : "", line);
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

char* DoubleChars(double v, char* out) {
  // With |v| in [0.001, 100000) and at most four decimals, fixed notation is
  // never longer than scientific (a tie, as for 0.001 or 10000, is written
  // fixed), and the decimals are the shortest that read back as v: m / 10^k
  // is correctly rounded, as reading "m e-k" is, and no other m of as few
  // decimals comes within half an ulp of v.
  const double a = v < 0 ? -v : v;
  if (a >= 0.001 && a < 100000) {
    static constexpr double kPow[] = {1, 10, 100, 1000, 10000};
    static constexpr uint64_t kPowInt[] = {1, 10, 100, 1000, 10000};
    for (int k = 0; k <= 4; ++k) {
      const double r = std::floor(a * kPow[k] + 0.5);
      if (r / kPow[k] != a) continue;
      const auto m = static_cast<uint64_t>(r);
      char* p = out;
      if (v < 0) *p++ = '-';
      p = std::to_chars(p, p + 8, m / kPowInt[k]).ptr;
      if (k > 0) {
        *p++ = '.';
        uint64_t f = m % kPowInt[k];
        for (int i = k - 1; i >= 0; --i, f /= 10) p[i] = static_cast<char>('0' + f % 10);
        p += k;
      }
      return p;
    }
  }
  return std::to_chars(out, out + 32, v).ptr;
}

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// True if some byte of `w` is below 0x20, '"' or '\\' (exact: the borrow
// tricks only err on bytes above one that does need it).
inline bool WordNeedsEscape(uint64_t w) {
  const uint64_t below_space = (w - kOnes * 0x20) & ~w;
  const uint64_t q = w ^ (kOnes * '"');
  const uint64_t b = w ^ (kOnes * '\\');
  return ((below_space | ((q - kOnes) & ~q) | ((b - kOnes) & ~b)) & kHighBits) != 0;
}

// An event is formatted through a pointer into a buffer known to be big
// enough: AppendEventJson sizes it by an upper bound of the event's JSON. Escaping a byte takes at most 6 bytes
// (\u001f) and repairing one at most 3 (U+FFFD), so 6 per input byte bounds
// every string.
class JsonSink {
 public:
  explicit JsonSink(char* p) : p_(p) {}
  char* end() const { return p_; }

  template <size_t N>
  void Lit(const char (&lit)[N]) {
    memcpy(p_, lit, N - 1);
    p_ += N - 1;
  }
  void Char(char c) { *p_++ = c; }
  void Int(int64_t v) { p_ = std::to_chars(p_, p_ + 24, v).ptr; }
  // Shortest text that reads back as the same double; "3.0" rather than "3".
  // Events repeat a few values (Goldstein scores, confidences): the text of
  // recent ones is kept per thread.
  void Double(double v) {
    struct Entry {
      uint64_t bits = 0;
      uint8_t len = 0;  // 0: empty
      char text[34];  // DoubleChars needs 32, and ".0"
    };
    thread_local Entry cache[32];
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    Entry& c = cache[(bits ^ (bits >> 29) ^ (bits >> 47)) & 31];
    if (c.len == 0 || c.bits != bits) {
      char* b = c.text;
      char* e = DoubleChars(v, b);
      if (std::string_view(b, static_cast<size_t>(e - b)).find_first_of(".eE") ==
          std::string_view::npos) {
        memcpy(e, ".0", 2);
        e += 2;
      }
      c.bits = bits;
      c.len = static_cast<uint8_t>(e - b);
    }
    memcpy(p_, c.text, c.len);
    p_ += c.len;
  }
  // `s` as a JSON string. Invalid UTF-8 (the original story text may hold
  // some) is replaced by U+FFFD, as the text stage does; so is control junk
  // in a string that is not all ASCII (text::CleanPrefixLength).
  void Str(std::string_view s) {
    if (!text::IsAscii(s) && text::CleanPrefixLength(s) != s.size()) {
      thread_local std::string repaired;
      text::RepairUtf8(s, &repaired, nullptr);
      Quoted(repaired);
    } else {
      Quoted(s);
    }
  }
  void StrOrNull(std::string_view s) {
    if (s.empty()) {
      Lit("null");
    } else {
      Str(s);
    }
  }

 private:
  void Quoted(std::string_view s) {
    const char* d = s.data();
    const size_t n = s.size();
    char* p = p_;
    *p++ = '"';
    size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
      // Sixteen bytes a step where SSE2 is there (every x86-64): the bytes
      // before the first one that needs escaping are copied at once.
      if (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
        const __m128i k1f = _mm_set1_epi8(0x1F);
        const __m128i bad = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
            _mm_cmpeq_epi8(_mm_max_epu8(v, k1f), k1f));  // unsigned v <= 0x1F
        const auto m = static_cast<unsigned>(_mm_movemask_epi8(bad));
        if (m == 0) {
          _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v);
          p += 16;
          i += 16;
          continue;
        }
        const auto clean = static_cast<size_t>(std::countr_zero(m));
        memcpy(p, d + i, clean);
        p += clean;
        i += clean;
      } else
#endif
      if (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, d + i, 8);
        if (!WordNeedsEscape(w)) {
          memcpy(p, &w, 8);
          p += 8;
          i += 8;
          continue;
        }
      }
      const auto u = static_cast<unsigned char>(d[i++]);
      if (u >= 0x20 && u != '"' && u != '\\') {
        *p++ = static_cast<char>(u);
        continue;
      }
      *p++ = '\\';
      switch (u) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        default:
          memcpy(p, "u00", 3);
          p[3] = "0123456789abcdef"[u >> 4];
          p[4] = "0123456789abcdef"[u & 15];
          p += 5;
      }
    }
    *p++ = '"';
    p_ = p;
  }

  char* p_;
};

size_t ActorBound(const Actor& a) {
  size_t n = a.code.size() + a.name.size() + a.country.size() + a.group.size() + 64;
  for (const std::string& t : a.types) n += t.size() + 3;
  return n;
}

void WriteActor(const Actor& a, JsonSink* o) {
  o->Lit("{\"code\":");
  o->Str(a.code);
  o->Lit(",\"name\":");
  o->Str(a.name);
  o->Lit(",\"country\":");
  o->Str(a.country);
  o->Lit(",\"group\":");
  o->Str(a.group);
  o->Lit(",\"types\":[");
  for (size_t i = 0; i < a.types.size(); ++i) {
    if (i) o->Char(',');
    o->Str(a.types[i]);
  }
  o->Lit("]}");
}

void WriteSpan(const Span& sp, JsonSink* o) {
  o->Char('[');
  o->Int(sp.begin);
  o->Char(',');
  o->Int(sp.end);
  o->Char(']');
}

void WriteLocation(const EventLocation& l, JsonSink* o) {
  o->Lit("{\"name\":");
  o->Str(l.name);
  o->Lit(",\"country\":");
  o->Str(l.country);
  o->Lit(",\"admin1\":");
  o->StrOrNull(l.admin1);
  o->Lit(",\"admin1_code\":");
  o->StrOrNull(l.admin1_code);
  o->Lit(",\"lat\":");
  if (l.lat) o->Double(*l.lat); else o->Lit("null");
  o->Lit(",\"lon\":");
  if (l.lon) o->Double(*l.lon); else o->Lit("null");
  o->Lit(",\"geonames_id\":");
  if (l.geonames_id) o->Int(l.geonames_id); else o->Lit("null");
  o->Lit(",\"type\":");
  o->Str(l.type);
  o->Lit(",\"how\":");
  o->Str(l.how);
  o->Lit(",\"span\":");
  if (l.span) WriteSpan(*l.span, o); else o->Lit("null");
  o->Char('}');
}

size_t LocationBound(const std::optional<EventLocation>& l) {
  if (!l) return 0;
  return l->name.size() + l->country.size() + l->admin1.size() + l->admin1_code.size() +
         l->type.size() + l->how.size() + 64;
}

}  // namespace

std::string LocationToJson(const EventLocation& l) {
  std::string buf(6 * LocationBound(l) + 512, '\0');
  JsonSink o(buf.data());
  WriteLocation(l, &o);
  buf.resize(static_cast<size_t>(o.end() - buf.data()));
  return buf;
}

void AppendEventJson(const Event& e, const WriterInfo& info, std::string* out) {
  // Room for every string escaped at worst (6 bytes a byte), plus the keys
  // (under 512 bytes), numbers and brackets.
  size_t strings = e.id.size() + e.story_id.size() + e.date.size() + e.pub_date.size() + e.date_rule.size() +
                   ActorBound(e.source) + (e.target ? ActorBound(*e.target) : 0) +
                   e.code.size() + e.root.size() + e.plover.size() + e.text.size() +
                   e.trigger.size() + e.pattern.size() + e.pattern_origin.size() +
                   e.parent_id.size() + info.coder.size() + info.dictionary.size() +
                   LocationBound(e.location);
  for (const std::string& n : e.notes) strings += n.size() + 3;
  // A scratch buffer per thread, never cleared: the event is written there
  // and appended to *out in one piece.
  thread_local std::unique_ptr<char[]> scratch;
  thread_local size_t scratch_size = 0;
  const size_t need = 6 * strings + 1024;
  if (scratch_size < need) {
    scratch_size = std::max(need, 2 * scratch_size);
    scratch = std::make_unique<char[]>(scratch_size);
  }
  JsonSink o(scratch.get());
  o.Lit("{\"id\":");
  o.Str(e.id);
  o.Lit(",\"story_id\":");
  o.Str(e.story_id);
  o.Lit(",\"sentence\":");
  o.Int(e.sentence);
  o.Lit(",\"date\":");
  o.Str(e.date);
  o.Lit(",\"pub_date\":");
  o.Str(e.pub_date);
  o.Lit(",\"date_rule\":");
  o.Str(e.date_rule);
  o.Lit(",\"source\":");
  WriteActor(e.source, &o);
  o.Lit(",\"target\":");
  if (e.target) {
    WriteActor(*e.target, &o);
  } else {
    o.Lit("null");
  }
  o.Lit(",\"code\":");
  o.Str(e.code);
  o.Lit(",\"root\":");
  o.Str(e.root);
  o.Lit(",\"goldstein\":");
  if (e.goldstein) {
    o.Double(*e.goldstein);
  } else {
    o.Lit("null");
  }
  o.Lit(",\"quad_class\":");
  o.Int(e.quad_class);
  o.Lit(",\"plover\":");
  o.StrOrNull(e.plover);
  o.Lit(",\"text\":");
  o.Str(e.text);
  o.Lit(",\"trigger\":");
  o.Str(e.trigger);
  o.Lit(",\"evidence\":{\"trigger\":");
  WriteSpan(e.trigger_span, &o);
  o.Lit(",\"source\":");
  WriteSpan(e.source.span, &o);
  o.Lit(",\"target\":");
  if (e.target) {
    WriteSpan(e.target->span, &o);
  } else {
    o.Lit("null");
  }
  o.Lit(",\"pattern\":");
  o.Str(e.pattern);
  o.Lit(",\"pattern_origin\":");
  o.Str(e.pattern_origin);
  o.Lit(",\"how\":[");
  for (size_t i = 0; i < e.notes.size(); ++i) {
    if (i) o.Char(',');
    o.Str(e.notes[i]);
  }
  o.Lit("]},\"location\":");
  if (e.location) {
    WriteLocation(*e.location, &o);
  } else {
    o.Lit("null");
  }
  o.Lit(",\"confidence\":");
  o.Double(e.confidence);
  o.Lit(",\"parent_id\":");
  o.StrOrNull(e.parent_id);
  o.Lit(",\"coder\":");
  o.Str(info.coder);
  o.Lit(",\"dictionary\":");
  o.Str(info.dictionary);
  o.Char('}');
  out->append(scratch.get(), static_cast<size_t>(o.end() - scratch.get()));
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
