// src/text/utf8.h — UTF-8 validation, repair and code point helpers.
//
// The text stage accepts any bytes. RepairUtf8 turns them into valid UTF-8:
//
//   "caf\xC3\xA9"        -> unchanged, 0 bytes replaced
//   "a\xFF" "b"          -> "a\uFFFDb", 1 byte replaced
//   "\xE2\x80" "x"       -> "\uFFFDx", 2 bytes replaced (a truncated sequence is
//                           one maximal invalid subpart, so one U+FFFD)
//   "\xC0\xAF"           -> "\uFFFD\uFFFD", 2 (overlong: C0 is never valid)
//   "\xED\xA0\x80"       -> three U+FFFD, 3 (UTF-16 surrogates are not UTF-8)
//   "a\0b", "\x1B", DEL  -> control junk becomes U+FFFD and is counted too;
//                           only \t \n \r and U+0085 (NEL) are kept.
//
// Replacement follows the Unicode "maximal subpart" practice, so a valid
// character is never swallowed by a neighbouring invalid one.
#ifndef DYAD_TEXT_UTF8_H_
#define DYAD_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Returns the length of the longest prefix of `s` that is valid UTF-8 free of
// control junk (C0 controls other than \t \n \r, DEL, C1 controls other than
// NEL). Equals s.size() when `s` needs no repair. ASCII runs are checked a
// word at a time.
size_t CleanPrefixLength(std::string_view s);

// True if every byte of `s` is < 0x80.
bool IsAscii(std::string_view s);

// Writes `s` to `*out` with each maximal invalid subpart and each control
// junk character replaced by U+FFFD. If `out_to_in` is not null it receives,
// for each byte of *out, the offset in `s` it came from, plus a final entry
// s.size() (so its size is out->size() + 1). Returns the number of bytes of
// `s` that were replaced. `*out` and `*out_to_in` are overwritten.
uint32_t RepairUtf8(std::string_view s, std::string* out, std::vector<uint32_t>* out_to_in);

// Decodes the code point at p[0..n) (n >= 1) of VALID UTF-8, storing it in
// *cp; returns its length in bytes (1..4). A byte that does not start a
// valid sequence decodes as U+FFFD of length 1, so the caller always moves on.
inline int DecodeUtf8(const char* p, size_t n, char32_t* cp) {
  const auto b0 = static_cast<unsigned char>(p[0]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 < 0xE0 && n >= 2) {
    *cp = (char32_t{b0} & 0x1F) << 6 | (static_cast<unsigned char>(p[1]) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 < 0xF0 && n >= 3) {
    *cp = (char32_t{b0} & 0x0F) << 12 | (char32_t{static_cast<unsigned char>(p[1])} & 0x3F) << 6 |
          (static_cast<unsigned char>(p[2]) & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 < 0xF5 && n >= 4) {
    *cp = (char32_t{b0} & 0x07) << 18 | (char32_t{static_cast<unsigned char>(p[1])} & 0x3F) << 12 |
          (char32_t{static_cast<unsigned char>(p[2])} & 0x3F) << 6 |
          (static_cast<unsigned char>(p[3]) & 0x3F);
    return 4;
  }
  *cp = kReplacementChar;
  return 1;
}

// Writes the UTF-8 form of `cp` (a Unicode scalar value) to out[0..4) and
// returns its length.
inline int EncodeUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace dyad::text

#endif  // DYAD_TEXT_UTF8_H_
