#include "dyad/story.h"

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

}  // namespace dyad
