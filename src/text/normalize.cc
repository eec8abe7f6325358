#include "text/normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dyad::text {
namespace {

// A replacement for one code point: `len` bytes of `text` (len 0: removed).
struct Replacement {
  char32_t cp;
  const char* text;
  int len;
};

// Sorted by code point. Em dashes are handled by IsLongDash().
constexpr Replacement kReplacements[] = {
    {0x0085, "\n", 1},    // next line (NEL)
    {0x00A0, " ", 1},     // no-break space
    {0x00AB, "\"", 1},    // «
    {0x00AD, "", 0},      // soft hyphen
    {0x00BB, "\"", 1},    // »
    {0x02BC, "'", 1},     // modifier letter apostrophe
    {0x1680, " ", 1},     // ogham space mark
    {0x2000, " ", 1},     // typographic space
    {0x2001, " ", 1},     // typographic space
    {0x2002, " ", 1},     // typographic space
    {0x2003, " ", 1},     // typographic space
    {0x2004, " ", 1},     // typographic space
    {0x2005, " ", 1},     // typographic space
    {0x2006, " ", 1},     // typographic space
    {0x2007, " ", 1},     // figure space
    {0x2008, " ", 1},     // typographic space
    {0x2009, " ", 1},     // thin space
    {0x200A, " ", 1},     // typographic space
    {0x200B, "", 0},      // zero-width space
    {0x200C, "", 0},      // zero-width non-joiner
    {0x200D, "", 0},      // zero-width joiner
    {0x200E, "", 0},      // left-to-right mark
    {0x200F, "", 0},      // right-to-left mark
    {0x2010, "-", 1},     // hyphen
    {0x2011, "-", 1},     // non-breaking hyphen
    {0x2012, "-", 1},     // figure dash
    {0x2013, "-", 1},     // en dash
    {0x2018, "'", 1},     // ‘
    {0x2019, "'", 1},     // ’
    {0x201A, "'", 1},     // ‚
    {0x201B, "'", 1},     // ‛
    {0x201C, "\"", 1},    // “
    {0x201D, "\"", 1},    // ”
    {0x201E, "\"", 1},    // „
    {0x201F, "\"", 1},    // ‟
    {0x2026, "...", 3},   // … ellipsis
    {0x2028, "\n", 1},    // line separator
    {0x2029, "\n\n", 2},  // paragraph separator
    {0x202A, "", 0},      // bidi embedding/override
    {0x202B, "", 0},      // bidi embedding/override
    {0x202C, "", 0},      // bidi embedding/override
    {0x202D, "", 0},      // bidi embedding/override
    {0x202E, "", 0},      // bidi embedding/override
    {0x202F, " ", 1},     // narrow no-break space
    {0x2032, "'", 1},     // ′ prime
    {0x2033, "\"", 1},    // ″ double prime
    {0x2039, "'", 1},     // ‹
    {0x203A, "'", 1},     // ›
    {0x205F, " ", 1},     // medium mathematical space
    {0x2060, "", 0},      // word joiner
    {0x2066, "", 0},      // bidi isolate
    {0x2067, "", 0},      // bidi isolate
    {0x2068, "", 0},      // bidi isolate
    {0x2069, "", 0},      // bidi isolate
    {0x2212, "-", 1},     // minus sign
    {0x3000, " ", 1},     // ideographic space
    {0xFE58, "-", 1},     // small em dash
    {0xFE63, "-", 1},     // small hyphen-minus
    {0xFEFF, "", 0},      // byte order mark
    {0xFF0D, "-", 1},     // fullwidth hyphen-minus
};

static_assert(std::is_sorted(std::begin(kReplacements), std::end(kReplacements),
                             [](const Replacement& a, const Replacement& b) {
                               return a.cp < b.cp;
                             }));

// Returns the replacement of `cp` from the table described in normalize.h,
// or null.
const Replacement* FindReplacement(char32_t cp) {
  if (cp < 0x0085 || cp > 0xFF0D) return nullptr;
  const Replacement* it =
      std::lower_bound(std::begin(kReplacements), std::end(kReplacements), cp,
                       [](const Replacement& r, char32_t c) { return r.cp < c; });
  return it != std::end(kReplacements) && it->cp == cp ? it : nullptr;
}

// Em dash, horizontal bar, two- and three-em dashes.
bool IsLongDash(char32_t cp) {
  return cp == 0x2014 || cp == 0x2015 || cp == 0x2E3A || cp == 0x2E3B;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// True if `cp` can change or combine with a preceding starter under NFC.
bool IsFollower(char32_t cp, const utf8proc_property_t* p) {
  if (p->combining_class != 0) return true;
  if (p->comb_index != UINT16_MAX && (p->comb_index & 0x8000) != 0) return true;  // 2nd of a pair
  return (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);        // Hangul V, T
}

// True if `cp` alone may differ under NFC (it has a canonical decomposition).
bool HasCanonicalDecomposition(const utf8proc_property_t* p) {
  return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

// Longest run of followers composed at once; bounds utf8proc's quadratic
// canonical reordering on adversarial input (e.g. megabytes of accents).
constexpr int kMaxFollowers = 30;

// Appends NFC(s) to *out. Falls back to a verbatim copy if utf8proc fails.
void AppendNfc(std::string_view s, std::string* out) {
  utf8proc_int32_t buf[256];
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto opts = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  utf8proc_ssize_t n =
      utf8proc_decompose(p, static_cast<utf8proc_ssize_t>(s.size()), buf, 256, opts);
  if (n < 0 || n > 256) {
    out->append(s);
    return;
  }
  n = utf8proc_normalize_utf32(buf, n, opts);
  if (n < 0) {
    out->append(s);
    return;
  }
  char enc[4];
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    out->append(enc, EncodeUtf8(static_cast<char32_t>(buf[i]), enc));
  }
}

void PushMap(std::vector<uint32_t>* map, size_t count, size_t value) {
  map->insert(map->end(), count, static_cast<uint32_t>(value));
}

// Appends from, from + 1, …, from + count - 1 to *map (an ASCII run maps
// byte for byte): std::iota, four values a store where SSE2 is there.
void PushCounting(std::vector<uint32_t>* map, size_t count, size_t from) {
  const size_t at = map->size();
  map->resize(at + count);
  uint32_t* p = map->data() + at;
  auto v = static_cast<uint32_t>(from);
  size_t k = 0;
#if defined(__SSE2__)
  __m128i four = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(v)), _mm_set_epi32(3, 2, 1, 0));
  const __m128i step = _mm_set1_epi32(4);
  for (; k + 4 <= count; k += 4) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p + k), four);
    four = _mm_add_epi32(four, step);
  }
  v += static_cast<uint32_t>(k);
#endif
  for (; k < count; ++k) p[k] = v++;
}

// The end of the run of ASCII bytes of `in` from i (eight bytes a step).
size_t AsciiRunEnd(std::string_view in, size_t i) {
  const size_t n = in.size();
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, in.data() + i, 8);
      if (const uint64_t high = w & 0x8080808080808080ull; high != 0) {
        return i + static_cast<size_t>(std::countr_zero(high)) / 8;  // the first such byte
      }
    }
  }
  while (i < n && static_cast<unsigned char>(in[i]) < 0x80) ++i;
  return i;
}

}  // namespace

void Normalize(std::string_view in, std::string* out, std::vector<uint32_t>* to_in) {
  out->clear();
  to_in->clear();
  const size_t n = in.size();
  if (IsAscii(in)) {
    out->assign(in);
    PushCounting(to_in, n + 1, 0);
    return;
  }
  out->reserve(n + 16);
  to_in->reserve(n + 17);
  // The last character written, if it was copied verbatim: followers that
  // come next are composed together with it.
  bool starter_valid = false;
  size_t starter_in = 0, starter_out = 0;
  size_t i = 0;
  while (i < n) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      const size_t j = AsciiRunEnd(in, i + 1);
      out->append(in.data() + i, j - i);
      PushCounting(to_in, j - i, i);
      starter_valid = true;
      starter_in = j - 1;
      starter_out = out->size() - 1;
      i = j;
      continue;
    }
    char32_t cp;
    const int len = DecodeUtf8(in.data() + i, n - i, &cp);
    if (IsLongDash(cp)) {
      // An em dash is never a hyphen: "talks\u2014which" -> "talks - which", so
      // the tokenizer does not glue the words into one compound.
      if (!out->empty() && !IsAsciiSpace(out->back())) {
        out->push_back(' ');
        to_in->push_back(static_cast<uint32_t>(i));
      }
      out->push_back('-');
      to_in->push_back(static_cast<uint32_t>(i));
      i += static_cast<size_t>(len);
      if (i < n && !IsAsciiSpace(in[i])) {
        out->push_back(' ');
        to_in->push_back(static_cast<uint32_t>(i));  // the dash ends here
      }
      starter_valid = false;
      continue;
    }
    if (const Replacement* rep = FindReplacement(cp); rep != nullptr) {
      out->append(rep->text, static_cast<size_t>(rep->len));
      PushMap(to_in, static_cast<size_t>(rep->len), i);
      starter_valid = false;
      i += static_cast<size_t>(len);
      continue;
    }
    const utf8proc_property_t* prop = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    if (IsFollower(cp, prop)) {
      // Gather the run of followers and compose it with the starter before.
      size_t j = i + static_cast<size_t>(len);
      for (int count = 1; j < n && count < kMaxFollowers; ++count) {
        if (static_cast<unsigned char>(in[j]) < 0x80) break;
        char32_t next;
        const int next_len = DecodeUtf8(in.data() + j, n - j, &next);
        if (!IsFollower(next, utf8proc_get_property(static_cast<utf8proc_int32_t>(next)))) break;
        j += static_cast<size_t>(next_len);
      }
      const size_t seg_in = starter_valid ? starter_in : i;
      const size_t seg_out = starter_valid ? starter_out : out->size();
      const std::string_view seg = in.substr(seg_in, j - seg_in);
      out->resize(seg_out);
      to_in->resize(seg_out);
      AppendNfc(seg, out);
      if (out->size() - seg_out == seg.size() &&
          std::memcmp(out->data() + seg_out, seg.data(), seg.size()) == 0) {
        for (size_t k = seg_in; k < j; ++k) to_in->push_back(static_cast<uint32_t>(k));
      } else {
        PushMap(to_in, out->size() - seg_out, seg_in);
      }
      starter_valid = false;
      i = j;
      continue;
    }
    const size_t out_before = out->size();
    if (HasCanonicalDecomposition(prop)) {
      AppendNfc(in.substr(i, static_cast<size_t>(len)), out);
    } else {
      out->append(in.data() + i, static_cast<size_t>(len));
    }
    const size_t written = out->size() - out_before;
    starter_valid = written == static_cast<size_t>(len) &&
                    std::memcmp(out->data() + out_before, in.data() + i, written) == 0;
    if (starter_valid) {
      for (size_t k = 0; k < written; ++k) to_in->push_back(static_cast<uint32_t>(i + k));
      starter_in = i;
      starter_out = out_before;
    } else {
      PushMap(to_in, written, i);
    }
    i += static_cast<size_t>(len);
  }
  to_in->push_back(static_cast<uint32_t>(n));
}

uint32_t TrimRemovedSuffix(std::string_view original, uint32_t begin, uint32_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(original.data());
  while (end > begin && p[end - 1] >= 0x80) {
    const uint32_t avail = end - begin;
    if (avail >= 2 && p[end - 2] == 0xC2 && p[end - 1] == 0xAD) {  // soft hyphen
      end -= 2;
      continue;
    }
    if (avail < 3) break;
    const unsigned char a = p[end - 3], b = p[end - 2], c = p[end - 1];
    const bool removed = (a == 0xEF && b == 0xBB && c == 0xBF) ||               // U+FEFF
                         (a == 0xE2 && b == 0x80 && c >= 0x8B && c <= 0x8F) ||  // U+200B..200F
                         (a == 0xE2 && b == 0x80 && c >= 0xAA && c <= 0xAE) ||  // U+202A..202E
                         (a == 0xE2 && b == 0x81 && (c == 0xA0 || (c >= 0xA6 && c <= 0xA9)));
    if (!removed) break;
    end -= 3;
  }
  return end;
}

}  // namespace dyad::text
