#include "report/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dyad::report {

const char* const kQuadColors[4] = {"#95d5b2", "#2d6a4f", "#f4a261", "#d62828"};
const char* const kQuadLabels[4] = {"verbal cooperation", "material cooperation",
                                    "verbal conflict", "material conflict"};

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Num(double v, int decimals) {
  if (std::fabs(v) < 1e-9) v = 0;
  char buf[64];
  snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::vector<double> NiceTicks(double lo, double hi, int target) {
  if (hi < lo) std::swap(lo, hi);
  if (hi - lo < 1e-12) hi = lo + 1;
  double raw = (hi - lo) / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  double start = std::floor(lo / step) * step;
  double end = std::ceil(hi / step) * step;
  std::vector<double> ticks;
  for (double t = start; t <= end + step * 1e-6; t += step) ticks.push_back(std::round(t / step) * step);
  return ticks;
}

std::vector<double> CountTicks(double hi, int target) {
  std::vector<double> ticks = NiceTicks(0, std::max(hi, 1.0), target);
  if (ticks.size() >= 2 && ticks[1] - ticks[0] >= 1) return ticks;
  ticks.clear();
  for (int t = 0; t <= static_cast<int>(std::ceil(std::max(hi, 1.0))); ++t) ticks.push_back(t);
  return ticks;
}

std::string GoldsteinColor(double g) {
  g = std::clamp(g, -10.0, 10.0);
  // grey (150,150,150) -> red (214,40,40) or green (45,106,79)
  double t = std::fabs(g) / 10.0;
  t = std::sqrt(t);  // small means are still visibly coloured
  int r0 = 150, g0 = 150, b0 = 150;
  int r1 = g < 0 ? 214 : 45, g1 = g < 0 ? 40 : 106, b1 = g < 0 ? 40 : 79;
  char buf[16];
  snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(r0 + (r1 - r0) * t),
           static_cast<int>(g0 + (g1 - g0) * t), static_cast<int>(b0 + (b1 - b0) * t));
  return buf;
}

}  // namespace dyad::report
