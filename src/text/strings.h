// Small string helpers shared by the loaders and readers.
#ifndef DYAD_TEXT_STRINGS_H_
#define DYAD_TEXT_STRINGS_H_

#include <cctype>
#include <string_view>

namespace dyad::text {

// `s` without leading and trailing white space (C locale isspace).
inline std::string_view TrimSpace(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

}  // namespace dyad::text

#endif  // DYAD_TEXT_STRINGS_H_
