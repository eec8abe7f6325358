#include "io/writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>

namespace dyad::io {
namespace {

std::string ToChars(double v) {
  char buf[64];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

std::string Mine(double v) {
  char buf[64];
  return std::string(buf, DoubleChars(v, buf));
}

// DoubleChars writes what std::to_chars writes: on every value of up to
// four decimals around the fast path's bounds and across it, on the
// neighbours of those values (one ulp off: no longer short decimals), and
// on random doubles of every magnitude.
TEST(DoubleChars, WritesWhatToCharsWrites) {
  for (double v : {0.0, -0.0, 7.4, 0.9, 29.106, -58.357, 0.001, 0.0005, 0.00099, 0.0012, 0.01, 10000.0,
                   99999.9999, 100000.0, 1e5 - 1e-4, 1e-5, 1234.5678, 0.1 + 0.2, 1.0 / 3,
                   std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max()}) {
    EXPECT_EQ(Mine(v), ToChars(v)) << ToChars(v);
    EXPECT_EQ(Mine(-v), ToChars(-v)) << ToChars(-v);
  }
  const double scale[] = {1, 10, 100, 1000, 10000};
  for (int k = 0; k <= 4; ++k) {
    for (int64_t m = 0; m < 200000; m += (m < 20000 ? 1 : 7)) {
      for (double base : {0.0, 1000.0, 99000.0}) {
        const double v = base + static_cast<double>(m) / scale[k];
        for (double x : {v, std::nextafter(v, 0.0), std::nextafter(v, 1e9), -v}) {
          ASSERT_EQ(Mine(x), ToChars(x)) << "k=" << k << " m=" << m;
        }
      }
    }
  }
  std::mt19937_64 rng(20251208);
  std::uniform_real_distribution<double> exponent(-12, 12);
  for (int i = 0; i < 200000; ++i) {
    const double v = std::pow(10.0, exponent(rng)) * (rng() % 2 ? 1 : -1);
    ASSERT_EQ(Mine(v), ToChars(v));
    const double r = std::round(v * 1000) / 1000;  // three decimals: the fast path
    ASSERT_EQ(Mine(r), ToChars(r));
  }
}

}  // namespace
}  // namespace dyad::io
