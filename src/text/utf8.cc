#include "text/utf8.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dyad::text {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

// True for ASCII bytes that need no repair: printable characters, \t \n \r.
constexpr bool IsCleanAsciiByte(unsigned char b) {
  return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n' || b == '\r';
}

inline bool IsCont(unsigned char b) { return (b & 0xC0) == 0x80; }

// Checks the sequence starting at p[0..n) (n >= 1). Returns its length if it
// is a valid, clean character; otherwise minus the length of the maximal
// invalid subpart (or of the junk control character) to replace by U+FFFD.
int Check(const unsigned char* p, size_t n) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return IsCleanAsciiByte(b0) ? 1 : -1;
  if (b0 < 0xC2) return -1;  // stray continuation byte, or overlong lead C0/C1
  if (b0 < 0xE0) {
    if (n < 2 || !IsCont(p[1])) return -1;
    // C1 controls U+0080..U+009F are junk (mis-decoded cp1252), except NEL.
    if (b0 == 0xC2 && p[1] < 0xA0 && p[1] != 0x85) return -2;
    return 2;
  }
  if (b0 < 0xF0) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;  // ED A0..BF are surrogates
    if (n < 2 || p[1] < lo || p[1] > hi) return -1;
    if (n < 3 || !IsCont(p[2])) return -2;
    return 3;
  }
  if (b0 < 0xF5) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;  // above U+10FFFF
    if (n < 2 || p[1] < lo || p[1] > hi) return -1;
    if (n < 3 || !IsCont(p[2])) return -2;
    if (n < 4 || !IsCont(p[3])) return -3;
    return 4;
  }
  return -1;  // F5..FF never appear in UTF-8
}

// True if the 8 bytes of `w` are all clean ASCII other than \t \n \r (which
// the slow path accepts byte by byte).
inline bool WordIsPlainAscii(uint64_t w) {
  if (w & kHighBits) return false;
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighBits;
  const uint64_t x = w ^ (kOnes * 0x7F);
  const uint64_t del = (x - kOnes) & ~x & kHighBits;
  return (below_space | del) == 0;
}

}  // namespace

size_t CleanPrefixLength(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes a step where SSE2 is there (every x86-64): all in
    // [0x20, 0x7E] as signed bytes (0x80 and up are negative).
    if (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i plain =
          _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
      if (_mm_movemask_epi8(plain) == 0xFFFF) {
        i += 16;
        continue;
      }
    }
#endif
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (WordIsPlainAscii(w)) {
        i += 8;
        continue;
      }
    }
    const int r = Check(p + i, n - i);
    if (r < 0) return i;
    i += static_cast<size_t>(r);
  }
  return n;
}

bool IsAscii(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & kHighBits) return false;
  }
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
  }
  return true;
}

uint32_t RepairUtf8(std::string_view s, std::string* out, std::vector<uint32_t>* out_to_in) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->clear();
  out->reserve(n + n / 8 + 8);
  if (out_to_in != nullptr) {
    out_to_in->clear();
    out_to_in->reserve(n + n / 8 + 9);
  }
  uint32_t replaced = 0;
  size_t i = 0;
  while (i < n) {
    const size_t run = CleanPrefixLength(s.substr(i));
    out->append(s.data() + i, run);
    if (out_to_in != nullptr) {
      for (size_t k = 0; k < run; ++k) out_to_in->push_back(static_cast<uint32_t>(i + k));
    }
    i += run;
    if (i >= n) break;
    const int r = Check(p + i, n - i);  // negative: the run stopped here
    const size_t bad = r < 0 ? static_cast<size_t>(-r) : 1;
    out->append("\xEF\xBF\xBD", 3);
    if (out_to_in != nullptr) out_to_in->insert(out_to_in->end(), 3, static_cast<uint32_t>(i));
    replaced += static_cast<uint32_t>(bad);
    i += bad;
  }
  if (out_to_in != nullptr) out_to_in->push_back(static_cast<uint32_t>(n));
  return replaced;
}

}  // namespace dyad::text
