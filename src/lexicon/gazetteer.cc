#include "dyad/gazetteer.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lexicon/word_map.h"

#if defined(__unix__) && __has_include(<sys/mman.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define DYAD_GAZETTEER_MMAP 1
#else
#define DYAD_GAZETTEER_MMAP 0
#endif

namespace dyad {
namespace {

// U+00C0 … U+017F folded: lower case, accents removed ("" drops the letter).
constexpr const char* kLatinFold[192] = {"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};

// Splits the line at *at into its first n tab-separated fields (more are
// ignored) and moves *at past the line's newline; returns the count of
// fields kept. Eight bytes a step: a gazetteer line is a dozen short
// fields, and a call to memchr for each costs more.
size_t SplitLine(const char** at, const char* end, std::string_view* f, size_t n) {
  const char* p = *at;
  const char* field = p;
  size_t k = 0;
  // Ends the field at `stop`; true at the line's end.
  auto stop_at = [&](const char* stop) {
    if (k < n) f[k++] = std::string_view(field, static_cast<size_t>(stop - field));
    field = stop + 1;
    if (stop != end && *stop == '\t') return false;
    *at = stop == end ? end : stop + 1;
    return true;
  };
#if defined(__SSE2__)
  // Sixteen bytes a step where SSE2 is there (every x86-64).
  {
    const __m128i tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n');
    for (; end - p >= 16; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      for (unsigned m = static_cast<unsigned>(
               _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, nl))));
           m != 0; m &= m - 1) {
        if (stop_at(p + std::countr_zero(m))) return k;
      }
    }
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kOnes = 0x0101010101010101ull;
    // The high bit of each byte of x that is zero (exact, unlike the borrow trick).
    auto zero_bytes = [](uint64_t x) { return ~(((x & kLow7) + kLow7) | x | kLow7); };
    for (; end - p >= 8; p += 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      for (uint64_t m = zero_bytes(w ^ (kOnes * '\t')) | zero_bytes(w ^ (kOnes * '\n')); m != 0;
           m &= m - 1) {
        if (stop_at(p + (std::countr_zero(m) >> 3))) return k;
      }
    }
  }
  for (; p != end; ++p) {
    if ((*p == '\t' || *p == '\n') && stop_at(p)) return k;
  }
  stop_at(end);
  return k;
}

// std::from_chars's value, taking the short cut for what the gazetteer
// holds ("-69.9667"): at most 15 digits, so that the digits as an integer
// and the power of ten are exact doubles and one division rounds as
// from_chars does (the correctly rounded value). Anything else goes to
// from_chars.
bool ParseDouble(std::string_view s, double* v) {
  const char* p = s.data();
  const char* const end = p + s.size();
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  uint64_t digits = 0;
  const char* const first = p;
  for (; p != end && static_cast<unsigned>(*p - '0') < 10; ++p) digits = digits * 10 + static_cast<unsigned>(*p - '0');
  const char* const point = p;
  int fraction = 0;
  if (p != end && *p == '.') {
    for (++p; p != end && static_cast<unsigned>(*p - '0') < 10; ++p) {
      digits = digits * 10 + static_cast<unsigned>(*p - '0');
      ++fraction;
    }
  }
  // [-]d+ or [-]d+.d+, at most 15 digits in all.
  if (p == end && point != first && (point == end || fraction > 0) && (point - first) + fraction <= 15) {
    static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    double x = static_cast<double>(digits);
    if (fraction > 0) x /= kPow10[fraction];
    *v = negative ? -x : x;
    return true;
  }
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// std::from_chars for an unsigned or signed integer field, with a short cut
// for up to nine plain digits (what the gazetteer holds).
template <typename Int>
bool ParseInt(std::string_view s, Int* v) {
  if (!s.empty() && s.size() <= 9) {
    uint32_t x = 0;
    size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) x = x * 10 + static_cast<uint32_t>(s[i] - '0');
    if (i == s.size()) {
      *v = static_cast<Int>(x);
      return true;
    }
  }
  return std::from_chars(s.data(), s.data() + s.size(), *v).ec == std::errc();
}

}  // namespace

const char* GeoTypeName(GeoType t) {
  switch (t) {
    case GeoType::kCity: return "city";
    case GeoType::kAdmin1: return "admin1";
    case GeoType::kCountry: return "country";
  }
  return "";
}

void Gazetteer::AppendKey(std::string_view w, std::string* out) {
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c < 0x80) {
      if (c == '\'' || c == '`') continue;
      if (c == '-' || c == ' ' || c == '\t') {
        if (!out->empty() && out->back() != ' ') out->push_back(' ');
        continue;
      }
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      continue;
    }
    // Two-byte UTF-8 in U+00C0 … U+017F: the table; U+2019, U+02BB, U+02BC: dropped.
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < w.size()) {
      uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(w[i + 1]) & 0x3Fu);
      if (cp >= 0xC0 && cp < 0x180) {
        out->append(kLatinFold[cp - 0xC0]);
        ++i;
        continue;
      }
    }
    if (c == 0xCA && i + 1 < w.size() &&
        (static_cast<unsigned char>(w[i + 1]) == 0xBB || static_cast<unsigned char>(w[i + 1]) == 0xBC)) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      i += 2;
      continue;
    }
    out->push_back(static_cast<char>(c));
  }
}

std::string Gazetteer::Key(std::string_view name) {
  std::string out;
  AppendKey(name, &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& path) {
#if DYAD_GAZETTEER_MMAP
  // Mapped read-only, not read: the places' and keys' views point into the
  // page cache's copy, so that no 8 MB buffer is zeroed, filled and faulted
  // in page by page (MAP_POPULATE maps the pages in one go). The file is
  // data shipped with dyad and is not expected to change while it runs.
  {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::NotFound(path + ": cannot read the gazetteer");
    struct stat st;
    void* m = MAP_FAILED;
    size_t size = 0;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      size = static_cast<size_t>(st.st_size);
      int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
      flags |= MAP_POPULATE;
#endif
      m = ::mmap(nullptr, size, PROT_READ, flags, fd, 0);
    }
    ::close(fd);
    if (m != MAP_FAILED) {
      auto gz = std::make_shared<Gazetteer>();
      gz->mapping_ = std::shared_ptr<const void>(m, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
      return Build(std::move(gz), std::string_view(static_cast<const char*>(m), size), path);
    }
  }
#endif
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(path + ": cannot read the gazetteer");
  std::string text;
  // Read at once when the size is known (8 MB: no copies through a buffer).
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    std::rewind(f);
    if (size > 0) {
      text.resize(static_cast<size_t>(size));
      text.resize(std::fread(text.data(), 1, text.size(), f));
    }
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) return Status::DataLoss(path + ": read error");
  return Parse(std::move(text), path);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Parse(std::string text, const std::string& name) {
  auto gz = std::make_shared<Gazetteer>();
  gz->text_ = std::move(text);
  const std::string_view all(gz->text_);
  return Build(std::move(gz), all, name);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Build(std::shared_ptr<Gazetteer> gz, std::string_view all,
                                                          const std::string& name) {
  gz->base_ = all.data();
  // A key: its bytes in the text and its place.
  struct KeyRef {
    uint32_t at, size, place;
  };
  std::vector<KeyRef> keys;
  if (all.size() > UINT32_MAX) return Status::InvalidArgument(name + ": larger than 4 GB");
  keys.reserve(all.size() / 40);
  gz->places_.reserve(all.size() / 60);
  size_t line_no = 0;
  const char* cur = all.data();
  const char* const end = cur + all.size();
  while (cur != end) {
    ++line_no;
    if (*cur == '\n' || *cur == '#') {  // an empty line or a comment
      const void* nl = std::memchr(cur, '\n', static_cast<size_t>(end - cur));
      cur = nl ? static_cast<const char*>(nl) + 1 : end;
      continue;
    }
    std::string_view f[11];
    const size_t fields = SplitLine(&cur, end, f, 11);
    auto bad = [&](const char* why) {
      return Status::InvalidArgument(name + ":" + std::to_string(line_no) + ": " + why);
    };
    if (fields != 11) return bad("want 11 tab-separated fields");
    GeoPlace p;
    if (f[1] == "city") p.type = GeoType::kCity;
    else if (f[1] == "admin1") p.type = GeoType::kAdmin1;
    else if (f[1] == "country") p.type = GeoType::kCountry;
    else return bad("type must be city, admin1 or country");
    if (f[3].size() != 3) return bad("country must be an ISO alpha-3 code");
    p.name = f[2];
    p.country = f[3];
    p.admin1_code = f[4];
    p.admin1 = f[5];
    if (!f[6].empty() || !f[7].empty()) {
      if (!ParseDouble(f[6], &p.lat) || !ParseDouble(f[7], &p.lon) || p.lat < -90 || p.lat > 90 ||
          p.lon < -180 || p.lon > 180) {
        return bad("lat and lon must be degrees (or both empty)");
      }
      p.has_point = true;
    }
    if (!f[0].empty() && !ParseInt(f[0], &p.geonames_id)) {
      return bad("id must be a number");
    }
    if (!ParseInt(f[8], &p.population)) {
      return bad("population must be a number");
    }
    p.capital = f[9] == "PPLC";
    uint32_t id = static_cast<uint32_t>(gz->places_.size());
    gz->places_.push_back(p);
    if (p.type == GeoType::kCountry) gz->country_.emplace(p.country, id);
    if (p.capital) {
      auto [it, added] = gz->capital_.emplace(p.country, id);
      if (!added && gz->places_[it->second].population < p.population) it->second = id;
    }
    std::string_view ks = f[10];
    while (!ks.empty()) {
      size_t bar = ks.find('|');
      std::string_view k = ks.substr(0, bar);
      if (k.size() > UINT16_MAX) return bad("a key longer than 65535 bytes");
      if (!k.empty()) {
        keys.push_back({static_cast<uint32_t>(k.data() - all.data()), static_cast<uint32_t>(k.size()), id});
      }
      ks.remove_prefix(bar == std::string_view::npos ? ks.size() : bar + 1);
    }
  }
  // The key table: count each key's places (and note keys' first words for
  // MayStart()), give each key its range of lists_, then fill the ranges
  // from their ends and order each list most populous first.
  size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  gz->slots_.assign(cap, Slot{});
  gz->first_words_.assign(cap, 0);
  std::vector<uint32_t> slot_of(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string_view k(all.data() + keys[i].at, keys[i].size);
    const uint64_t h = HashWord(k);
    const size_t at = gz->FindSlot(k, h);
    Slot& sl = gz->slots_[at];
    if (sl.count == 0) {
      sl.hash = static_cast<uint32_t>(h >> 32);
      sl.key = keys[i].at;
      sl.key_size = static_cast<uint16_t>(k.size());
    } else if (sl.count == UINT16_MAX) {
      return Status::InvalidArgument(name + ": the key '" + std::string(k) + "' names more than 65535 places");
    }
    ++sl.count;
    slot_of[i] = static_cast<uint32_t>(at);
    const size_t space = k.find(' ');
    const uint32_t fh = static_cast<uint32_t>(space == std::string_view::npos ? h : HashWord(k.substr(0, space))) | 1;
    size_t f = fh & (cap - 1);
    while (gz->first_words_[f] != 0 && gz->first_words_[f] != fh) f = (f + 1) & (cap - 1);
    gz->first_words_[f] = fh;
  }
  uint32_t offset = 0;
  for (Slot& sl : gz->slots_) {
    offset += sl.count;
    sl.begin = offset;  // the list's end for now: filled backwards
  }
  gz->lists_.resize(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) gz->lists_[--gz->slots_[slot_of[i]].begin] = keys[i].place;
  // The order within a list before the sort does not matter: the order is total.
  const auto& P = gz->places_;
  for (const Slot& sl : gz->slots_) {
    if (sl.count > 1) {
      std::sort(gz->lists_.begin() + sl.begin, gz->lists_.begin() + sl.begin + sl.count, [&](uint32_t a, uint32_t b) {
        return P[a].population != P[b].population ? P[a].population > P[b].population : a < b;
      });
    }
  }
  return std::shared_ptr<const Gazetteer>(std::move(gz));
}

size_t Gazetteer::FindSlot(std::string_view key, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t high = static_cast<uint32_t>(hash >> 32);
  size_t at = hash & mask;
  for (; slots_[at].count != 0; at = (at + 1) & mask) {
    const Slot& sl = slots_[at];
    if (sl.hash == high && sl.key_size == key.size() && std::memcmp(base_ + sl.key, key.data(), key.size()) == 0) {
      break;
    }
  }
  return at;
}

bool Gazetteer::MayStart(std::string_view first) const {
  if (first_words_.empty()) return false;
  const uint32_t h = static_cast<uint32_t>(HashWord(first)) | 1;
  const size_t mask = first_words_.size() - 1;
  for (size_t at = h & mask; first_words_[at] != 0; at = (at + 1) & mask) {
    if (first_words_[at] == h) return true;
  }
  return false;
}

std::span<const uint32_t> Gazetteer::Find(std::string_view key) const {
  if (slots_.empty() || key.empty()) return {};
  const Slot& sl = slots_[FindSlot(key, HashWord(key))];
  if (sl.count == 0) return {};
  return std::span<const uint32_t>(lists_.data() + sl.begin, sl.count);
}

const GeoPlace* Gazetteer::Country(std::string_view alpha3) const {
  auto it = country_.find(alpha3);
  return it == country_.end() ? nullptr : &places_[it->second];
}

const GeoPlace* Gazetteer::Capital(std::string_view alpha3) const {
  auto it = capital_.find(alpha3);
  return it == capital_.end() ? nullptr : &places_[it->second];
}

}  // namespace dyad
