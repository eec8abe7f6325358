#include "dyad/story.h"

#include <cctype>
#include <cstdio>
#include <vector>

#include "dyad/lexicon.h"

namespace dyad {

bool IsValidDate(const std::string& s) {
  int d = DateToInt(s);
  if (d == 0) return false;
  int y = d / 10000, m = (d / 100) % 100, day = d % 100;
  // Also keeps a negative year ("-001-01-01") from indexing kDays below.
  if (y < kMinYear || y > kMaxYear) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && day == 29 && !leap);
}

namespace {

bool Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int Num(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// hh:mm[:ss[.fff]] at `at`; returns the position after it, or npos.
size_t Time(std::string_view s, size_t at) {
  if (!Digits(s, at, 2) || at + 2 >= s.size() || s[at + 2] != ':' || !Digits(s, at + 3, 2)) {
    return std::string_view::npos;
  }
  if (Num(s, at, 2) > 24 || Num(s, at + 3, 2) > 59) return std::string_view::npos;
  size_t p = at + 5;
  if (p < s.size() && s[p] == ':') {
    if (!Digits(s, p + 1, 2) || Num(s, p + 1, 2) > 60) return std::string_view::npos;
    p += 3;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      size_t q = p + 1;
      while (q < s.size() && std::isdigit(static_cast<unsigned char>(s[q]))) ++q;
      if (q == p + 1) return std::string_view::npos;
      p = q;
    }
  }
  return p;
}

// A zone: Z, +hh:mm, +hhmm, +hh; true when it is exactly the rest of `s`.
bool IsoZone(std::string_view z) {
  if (z.empty() || z == "Z" || z == "z") return true;
  if (z[0] != '+' && z[0] != '-') return false;
  z.remove_prefix(1);
  if (z.size() == 2) return Digits(z, 0, 2);
  if (z.size() == 4) return Digits(z, 0, 4);
  return z.size() == 5 && Digits(z, 0, 2) && z[2] == ':' && Digits(z, 3, 2);
}

std::string Ymd(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int MonthOf(std::string_view w) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  char l[3];
  for (int i = 0; i < 3; ++i) l[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
  for (int m = 0; m < 12; ++m) {
    if (std::string_view(l, 3) == kMonths[m]) return m + 1;
  }
  return 0;
}

bool Rfc2822(std::string_view s, std::string* out) {
  // [Day,] DD Mon YYYY [hh:mm[:ss]] [zone]
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) parts.push_back(s.substr(b, i - b));
  }
  size_t k = 0;
  if (k < parts.size() && !parts[k].empty() && std::isalpha(static_cast<unsigned char>(parts[k][0]))) {
    if (parts[k].back() != ',' || parts[k].size() < 4) return false;  // "Sun,"
    ++k;
  }
  if (parts.size() < k + 3) return false;
  std::string_view dd = parts[k], mon = parts[k + 1], yy = parts[k + 2];
  if (dd.empty() || dd.size() > 2 || !Digits(dd, 0, dd.size())) return false;
  int m = MonthOf(mon);
  if (!m || (mon.size() != 3 && mon.size() > 9)) return false;
  if (yy.size() != 4 || !Digits(yy, 0, 4)) return false;
  size_t rest = k + 3;
  if (rest < parts.size()) {
    if (Time(parts[rest], 0) != parts[rest].size()) return false;
    ++rest;
  }
  if (rest < parts.size()) {
    std::string_view z = parts[rest];
    bool ok = (z.size() == 5 && (z[0] == '+' || z[0] == '-') && Digits(z, 1, 4));
    for (const char* name : {"UT", "UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "Z"}) {
      ok = ok || z == name;
    }
    if (!ok) return false;
    ++rest;
  }
  if (rest != parts.size()) return false;
  std::string d = Ymd(Num(yy, 0, 4), m, Num(dd, 0, dd.size()));
  if (!IsValidDate(d)) return false;
  *out = d;
  return true;
}

}  // namespace

bool NormalizeDate(std::string_view in, std::string* out) {
  while (!in.empty() && (in.front() == ' ' || in.front() == '\t')) in.remove_prefix(1);
  while (!in.empty() && (in.back() == ' ' || in.back() == '\t')) in.remove_suffix(1);
  std::string d;
  if (in.size() == 8 && Digits(in, 0, 8)) {
    d = Ymd(Num(in, 0, 4), Num(in, 4, 2), Num(in, 6, 2));
  } else if (in.size() >= 10 && Digits(in, 0, 4) && in[4] == '-' && Digits(in, 5, 2) &&
             in[7] == '-' && Digits(in, 8, 2)) {
    d = std::string(in.substr(0, 10));
    if (in.size() > 10) {
      if (in[10] != 'T' && in[10] != 't' && in[10] != ' ') return false;
      size_t p = Time(in, 11);
      if (p == std::string_view::npos || !IsoZone(in.substr(p))) return false;
    }
  } else {
    return Rfc2822(in, out);
  }
  if (!IsValidDate(d)) return false;
  *out = d;
  return true;
}

}  // namespace dyad

