// Small string helpers shared by the loaders and readers.
#ifndef DYAD_TEXT_STRINGS_H_
#define DYAD_TEXT_STRINGS_H_

#include <cctype>
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

}  // namespace dyad::text

#endif  // DYAD_TEXT_STRINGS_H_
