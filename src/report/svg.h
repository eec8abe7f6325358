// Small helpers for writing SVG and HTML by hand: escaping, number
// formatting, axis ticks and the house colours.
#ifndef DYAD_REPORT_SVG_H_
#define DYAD_REPORT_SVG_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::report {

// Escapes & < > " ' for XML/HTML text and attribute values.
std::string Esc(std::string_view s);

// A number for SVG coordinates or labels: at most `decimals` decimals,
// trailing zeros dropped ("12", "3.5", "-0.25").
std::string Num(double v, int decimals = 2);

// "Nice" axis ticks (1, 2, 5 × 10^k steps) covering [lo, hi], about
// `target` of them; always includes both ends of the returned range.
std::vector<double> NiceTicks(double lo, double hi, int target = 5);
// Ticks for a count axis from 0 to at least `hi`: NiceTicks, but never a
// step under 1 (a count of 1 gets 0, 1, not 0, 0.5, 1 labelled "0, 0, 1").
std::vector<double> CountTicks(double hi, int target = 5);

// Colours of GDELT's quad classes 1..4 (index 0..3), their labels, and the
// Goldstein line.
extern const char* const kQuadColors[4];
extern const char* const kQuadLabels[4];
inline constexpr const char* kGoldsteinColor = "#1d3557";
inline constexpr const char* kAlertColor = "#c1121f";

// A diverging colour for a mean Goldstein score in [-10, 10]: red for
// conflict, grey near 0, green for cooperation.
std::string GoldsteinColor(double g);

}  // namespace dyad::report

#endif  // DYAD_REPORT_SVG_H_
