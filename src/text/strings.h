// Small string helpers shared by the loaders and readers.
#ifndef DYAD_TEXT_STRINGS_H_
#define DYAD_TEXT_STRINGS_H_

#include <cctype>
#include <string>
#include <string_view>

namespace dyad::text {

// True for the C locale's isspace characters: space \t \n \v \f \r
// (inline: the library call per byte showed in the dictionary load).
inline bool IsCSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// `s` without leading and trailing white space (C locale isspace).
inline std::string_view TrimSpace(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsCSpace(s[b])) ++b;
  while (e > b && IsCSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// `s` made safe to print in a message to a terminal: each control character
// (C0, DEL, and C1 written as UTF-8) becomes a visible escape, so an id or a
// date read from input cannot move the cursor, recolour or clear the screen.
//   ESC [2J (clear screen)  ->  the characters \x1B[2J
//   a TAB b                 ->  a\x09b
//   U+009B (CSI)            ->  \u009B;   "café" is unchanged
inline std::string PrintableForMessage(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      const auto c1 = static_cast<unsigned char>(s[++i]);  // U+0080..U+009F
      out += "\\u00";
      out += kHex[c1 >> 4];
      out += kHex[c1 & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace dyad::text

#endif  // DYAD_TEXT_STRINGS_H_
