// dyad::CodeString — a std::string compared with string literals cheaply.
//
// The coder compares event codes, their roots and the reasons an act is not
// an event with literals all the time ("info->root == "13"", "why ==
// "future""). For a std::string, `s == "13"` calls basic_string::compare,
// which calls strlen on the literal and then memcmp. A CodeString compares
// the lengths first (the literal's is known at compile time) and the bytes
// only when they agree:
//
//   CodeString root = "13";
//   root == "13";            // true: size 2 == 2, then two bytes compared
//   root == "130";           // false without touching a byte
//   const std::string& s = root;  // it is a std::string in every other way
#ifndef DYAD_CODE_STRING_H_
#define DYAD_CODE_STRING_H_

#include <cstddef>
#include <cstring>
#include <string>
#include <utility>

namespace dyad {

class CodeString : public std::string {
 public:
  using std::string::string;
  using std::string::operator=;
  CodeString() = default;
  // Explicit, so that `cond ? a_string : a_code_string` stays a std::string.
  explicit CodeString(const std::string& s) : std::string(s) {}
  explicit CodeString(std::string&& s) : std::string(std::move(s)) {}
  CodeString& operator=(const std::string& s) {
    std::string::operator=(s);
    return *this;
  }
  CodeString& operator=(std::string&& s) {
    std::string::operator=(std::move(s));
    return *this;
  }

  // With a string literal (or any char array holding one, its last byte the
  // terminating zero).
  template <size_t N>
  bool operator==(const char (&lit)[N]) const {
    return size() == N - 1 && std::memcmp(data(), lit, N - 1) == 0;
  }
};

}  // namespace dyad

#endif  // DYAD_CODE_STRING_H_
