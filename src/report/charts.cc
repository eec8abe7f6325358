#include "report/charts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "report/svg.h"

namespace dyad::report {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr const char* kFont =
    "font-family=\"-apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif\"";

std::string Text(double x, double y, const std::string& s, const std::string& attrs = "") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\"" + (attrs.empty() ? "" : " " + attrs) +
         ">" + Esc(s) + "</text>";
}

// A rect; with a title, the title is its tooltip.
std::string Rect(double x, double y, double w, double h, const std::string& attrs,
                 const std::string& title = "") {
  std::string r = "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" +
                  Num(std::max(0.0, w)) + "\" height=\"" + Num(std::max(0.0, h)) + "\" " + attrs;
  if (title.empty()) return r + "/>";
  return r + "><title>" + Esc(title) + "</title></rect>";
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& attrs) {
  return "<line x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) + "\" y2=\"" +
         Num(y2) + "\" " + attrs + "/>";
}

// Axis label of a period: the ISO date of its first day, or YYYY-MM.
std::string AxisLabel(int start, store::Period by) {
  if (by == store::Period::kMonth) return store::PeriodLabel(start, by);
  return store::FormatDay(start);
}

std::string Legend(double x, double y, bool alerts) {
  std::ostringstream s;
  for (int q = 0; q < 4; ++q) {
    s << Rect(x, y - 9, 11, 11, std::string("rx=\"2\" fill=\"") + kQuadColors[q] + "\"");
    s << Text(x + 16, y, kQuadLabels[q], "font-size=\"12\" fill=\"#333\"");
    x += 30 + 6.4 * std::string(kQuadLabels[q]).size();
  }
  s << Line(x, y - 4, x + 22, y - 4,
            std::string("stroke=\"") + kGoldsteinColor + "\" stroke-width=\"2.5\"");
  s << "<circle cx=\"" << Num(x + 11) << "\" cy=\"" << Num(y - 4) << "\" r=\"3.5\" fill=\"#fff\" "
    << "stroke=\"" << kGoldsteinColor << "\" stroke-width=\"2\"/>";
  s << Text(x + 28, y, "mean Goldstein (right axis)", "font-size=\"12\" fill=\"#333\"");
  x += 28 + 6.4 * 27 + 18;
  if (alerts) {
    s << "<path d=\"M" << Num(x) << " " << Num(y + 1) << " l6 -11 l6 11 z\" fill=\"" << kAlertColor
      << "\"/>";
    s << Text(x + 17, y, "alert (z-score)", "font-size=\"12\" fill=\"#333\"");
  }
  return s.str();
}

}  // namespace

std::string TimelineSvg(const std::vector<TimelinePanel>& panels, store::Period by,
                        const TimelineOptions& o) {
  const double W = o.width;
  const double left = 58, right = 62, ph = o.panel_height;
  const double header = o.compact ? 4 : o.title.empty() ? 34 : 58;
  const double H = header + ph * static_cast<double>(panels.size()) + 8;
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dyad-chart dyad-timeline\" width=\""
    << Num(W) << "\" height=\"" << Num(H) << "\" viewBox=\"0 0 " << Num(W) << " " << Num(H)
    << "\" role=\"img\" " << kFont << ">";
  s << "<title>" << Esc(o.title.empty() ? "dyad timeline" : o.title) << "</title>";
  s << Rect(0, 0, W, H, "fill=\"#ffffff\"");
  double y0 = 22;
  if (!o.title.empty()) {
    s << Text(left, y0, o.title, "font-size=\"17\" font-weight=\"600\" fill=\"#111\"");
    y0 += 26;
  }
  bool any_alert = false;
  for (const auto& p : panels) any_alert |= !p.alerts.empty();
  if (!o.compact) s << Legend(left, y0, any_alert);

  for (size_t pi = 0; pi < panels.size(); ++pi) {
    const TimelinePanel& panel = panels[pi];
    const double top = header + ph * static_cast<double>(pi) + 30;  // room for the panel label
    const double bottom = header + ph * static_cast<double>(pi + 1) - 62;  // room for x labels
    const double x0 = left, x1 = W - right;
    const double plot_h = bottom - top;
    s << Text(x0, top - 12,
              o.compact ? panel.label
                        : panel.label + "  ·  " + o.basis + " per " + store::PeriodName(by),
              "font-size=\"13.5\" font-weight=\"600\" fill=\"#222\"");
    const auto& rows = panel.rows;
    int64_t max_total = 0;
    for (const auto& r : rows) {
      max_total = std::max(max_total, r.quad[0] + r.quad[1] + r.quad[2] + r.quad[3]);
    }
    std::vector<double> ticks = CountTicks(std::max<double>(max_total, 4), 4);
    double ymax = ticks.back();
    auto ycount = [&](double v) { return bottom - v / ymax * plot_h; };
    auto ygold = [&](double g) { return top + (10 - g) / 20 * plot_h; };
    // Grid and left axis.
    for (double t : ticks) {
      double y = ycount(t);
      s << Line(x0, y, x1, y, "stroke=\"#e6e6e6\" stroke-width=\"1\"");
      s << Text(x0 - 8, y + 4, Num(t, 0), "font-size=\"11\" fill=\"#555\" text-anchor=\"end\"");
    }
    s << Text(14, top + plot_h / 2, "events",
              "font-size=\"11.5\" fill=\"#555\" text-anchor=\"middle\" transform=\"rotate(-90 14 " +
                  Num(top + plot_h / 2) + ")\"");
    // Right axis: Goldstein -10..10.
    for (int g = -10; g <= 10; g += 5) {
      double y = ygold(g);
      s << Line(x1, y, x1 + 5, y, "stroke=\"#888\"");
      s << Text(x1 + 8, y + 4, (g > 0 ? "+" : "") + std::to_string(g),
                "font-size=\"11\" fill=\"" + std::string(kGoldsteinColor) + "\"");
    }
    s << Line(x0, ygold(0), x1, ygold(0),
              "stroke=\"" + std::string(kGoldsteinColor) +
                  "\" stroke-opacity=\"0.35\" stroke-dasharray=\"4 4\"");
    double rx = W - 12;
    s << Text(rx, top + plot_h / 2, "Goldstein (mean)",
              "font-size=\"11.5\" fill=\"" + std::string(kGoldsteinColor) +
                  "\" text-anchor=\"middle\" transform=\"rotate(90 " + Num(rx) + " " +
                  Num(top + plot_h / 2) + ")\"");
    s << Line(x0, bottom, x1, bottom, "stroke=\"#444\"");
    s << Line(x0, top, x0, bottom, "stroke=\"#444\"");
    s << Line(x1, top, x1, bottom, "stroke=\"#444\"");
    if (rows.empty()) {
      s << Text((x0 + x1) / 2, top + plot_h / 2, "no events",
                "font-size=\"14\" fill=\"#888\" text-anchor=\"middle\"");
      continue;
    }
    const double n = static_cast<double>(rows.size());
    const double step = (x1 - x0) / n;
    const double bw = std::min(44.0, std::max(1.0, step * 0.72));
    auto xc = [&](size_t i) { return x0 + step * (static_cast<double>(i) + 0.5); };
    std::map<int, const store::Alert*> alert_at;
    for (const auto& a : panel.alerts) alert_at[a.start] = &a;
    // Alert bands behind the bars.
    for (size_t i = 0; i < rows.size(); ++i) {
      if (!alert_at.count(rows[i].start)) continue;
      s << Rect(xc(i) - step / 2, top, step, plot_h,
                "fill=\"" + std::string(kAlertColor) + "\" fill-opacity=\"0.08\"");
    }
    // Bars.
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      double y = bottom;
      std::string label = store::PeriodLabel(r.start, by);
      for (int q = 0; q < 4; ++q) {
        if (r.quad[q] == 0) continue;
        double h = r.quad[q] / ymax * plot_h;
        y -= h;
        s << Rect(xc(i) - bw / 2, y, bw, h,
                  std::string("class=\"bar q") + std::to_string(q + 1) + "\" fill=\"" +
                      kQuadColors[q] + "\"",
                  label + ": " + std::to_string(r.quad[q]) + " " + kQuadLabels[q]);
      }
    }
    // Goldstein line, broken at periods without events.
    std::string path;
    bool pen = false;
    for (size_t i = 0; i < rows.size(); ++i) {
      auto m = rows[i].goldstein_mean();
      if (!m) {
        pen = false;
        continue;
      }
      path += (pen ? " L" : " M") + Num(xc(i)) + " " + Num(ygold(*m));
      pen = true;
    }
    if (!path.empty()) {
      s << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << kGoldsteinColor
        << "\" stroke-width=\"2.2\" stroke-linejoin=\"round\"/>";
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      auto m = r.goldstein_mean();
      if (!m) continue;
      s << "<circle class=\"goldstein\" cx=\"" << Num(xc(i)) << "\" cy=\"" << Num(ygold(*m))
        << "\" r=\"3.6\" fill=\"#fff\" stroke=\"" << kGoldsteinColor << "\" stroke-width=\"2\">"
        << "<title>" << Esc(store::PeriodLabel(r.start, by)) << ": mean Goldstein " << Num(*m, 2)
        << " (sum " << Num(r.goldstein_sum, 1) << "), " << r.events << " events, " << r.mentions
        << " mentions; " << r.stories << " stories processed</title></circle>";
    }
    // Alert markers.
    for (size_t i = 0; i < rows.size(); ++i) {
      auto it = alert_at.find(rows[i].start);
      if (it == alert_at.end()) continue;
      const store::Alert& a = *it->second;
      double x = xc(i), y = top + 2;
      s << "<path class=\"alert\" d=\"M" << Num(x - 7) << " " << Num(y + 13) << " L" << Num(x)
        << " " << Num(y) << " L" << Num(x + 7) << " " << Num(y + 13) << " Z\" fill=\""
        << kAlertColor << "\"><title>alert " << Esc(store::PeriodLabel(a.start, by))
        << ": conflict level " << Num(a.level, 1) << " vs baseline " << Num(a.score.mean, 1)
        << " ± " << Num(a.score.sd, 1) << ", z = " << Num(a.score.z, 1) << "</title></path>";
      bool room_right = x + 9 + 42 < x1;
      s << Text(room_right ? x + 9 : x - 9, y + 12, "z=" + Num(a.score.z, 1),
                std::string("font-size=\"11\" font-weight=\"600\" fill=\"") + kAlertColor +
                    "\" text-anchor=\"" + (room_right ? "start" : "end") + "\"");
    }
    // X labels, thinned to about 12, rotated.
    const double max_labels = std::max(2.0, std::floor((x1 - x0) / 70));
    size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(n / max_labels)));
    for (size_t i = 0; i < rows.size(); i += every) {
      double x = xc(i), y = bottom + 14;
      s << Line(x, bottom, x, bottom + 4, "stroke=\"#444\"");
      s << Text(x, y, AxisLabel(rows[i].start, by),
                "font-size=\"11\" fill=\"#444\" text-anchor=\"end\" transform=\"rotate(-35 " +
                    Num(x) + " " + Num(y) + ")\"");
    }
  }
  s << "</svg>";
  return s.str();
}

std::string NetworkSvg(const std::vector<NetworkEdge>& all_edges, const NetworkOptions& o) {
  const double W = o.width, H = o.height;
  // Busiest nodes.
  std::map<std::string, int64_t> volume;
  for (const auto& e : all_edges) {
    volume[e.source] += e.events;
    volume[e.target] += e.events;
  }
  std::vector<std::pair<std::string, int64_t>> nodes(volume.begin(), volume.end());
  std::stable_sort(nodes.begin(), nodes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (static_cast<int>(nodes.size()) > o.max_nodes) nodes.resize(o.max_nodes);
  std::set<std::string> kept;
  for (const auto& n : nodes) kept.insert(n.first);
  std::vector<NetworkEdge> edges;
  for (const auto& e : all_edges) {
    if (kept.count(e.source) && kept.count(e.target) && e.source != e.target) edges.push_back(e);
  }
  // Order nodes around the circle so that partners sit near each other:
  // greedy, each next node the one most connected to the previous.
  std::map<std::pair<std::string, std::string>, int64_t> w;
  for (const auto& e : edges) {
    w[{e.source, e.target}] += e.events;
    w[{e.target, e.source}] += e.events;
  }
  std::vector<std::string> order;
  std::set<std::string> left(kept);
  if (!nodes.empty()) {
    order.push_back(nodes[0].first);
    left.erase(nodes[0].first);
  }
  while (!left.empty()) {
    const std::string& prev = order.back();
    std::string best;
    int64_t best_w = -1, best_v = -1;
    for (const auto& [name, vol] : nodes) {
      if (!left.count(name)) continue;
      auto it = w.find({prev, name});
      int64_t ww = it == w.end() ? 0 : it->second;
      if (ww > best_w || (ww == best_w && vol > best_v)) {
        best = name;
        best_w = ww;
        best_v = vol;
      }
    }
    order.push_back(best);
    left.erase(best);
  }
  const double cx = W / 2, cy = H / 2 + (o.title.empty() ? 0 : 14);
  const double R = std::min(W, H) / 2 - 70;
  std::map<std::string, std::pair<double, double>> pos;
  for (size_t i = 0; i < order.size(); ++i) {
    double a = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(order.size());
    if (order.size() == 1) a = 0, pos[order[i]] = {cx, cy};
    else pos[order[i]] = {cx + R * std::cos(a), cy + R * std::sin(a)};
  }
  int64_t max_vol = nodes.empty() ? 1 : std::max<int64_t>(1, nodes[0].second);
  int64_t max_edge = 1;
  for (const auto& e : edges) max_edge = std::max(max_edge, e.events);
  auto radius = [&](int64_t v) { return 9 + 17 * std::sqrt(static_cast<double>(v) / max_vol); };

  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dyad-chart dyad-network\" width=\""
    << Num(W) << "\" height=\"" << Num(H) << "\" viewBox=\"0 0 " << Num(W) << " " << Num(H)
    << "\" role=\"img\" " << kFont << ">";
  s << "<title>" << Esc(o.title.empty() ? "actor network" : o.title) << "</title>";
  s << Rect(0, 0, W, H, "fill=\"#ffffff\"");
  if (!o.title.empty()) {
    s << Text(20, 26, o.title, "font-size=\"16\" font-weight=\"600\" fill=\"#111\"");
  }
  // Colour legend.
  {
    double lx = W - 220, ly = H - 22;
    for (int k = 0; k <= 20; ++k) {
      double g = -10 + k;
      s << Rect(lx + k * 8, ly - 10, 8.5, 10, "fill=\"" + GoldsteinColor(g) + "\"");
    }
    s << Text(lx, ly + 12, "conflict", "font-size=\"11\" fill=\"#555\"");
    s << Text(lx + 168, ly + 12, "cooperation", "font-size=\"11\" fill=\"#555\" text-anchor=\"end\"");
    s << Text(lx + 84, ly - 14, "mean Goldstein of the edge",
              "font-size=\"11\" fill=\"#555\" text-anchor=\"middle\"");
    s << Text(20, H - 10, "edge width: events · node size: events in + out · arrow: source → target",
              "font-size=\"11\" fill=\"#555\"");
  }
  if (order.empty()) {
    s << Text(cx, cy, "no events with both actors", "font-size=\"14\" fill=\"#888\" text-anchor=\"middle\"");
    s << "</svg>";
    return s.str();
  }
  // Edges, thinnest first so that heavy edges stay on top.
  std::stable_sort(edges.begin(), edges.end(),
                   [](const NetworkEdge& a, const NetworkEdge& b) { return a.events < b.events; });
  for (const auto& e : edges) {
    auto [x1, y1] = pos[e.source];
    auto [x2, y2] = pos[e.target];
    double dx = x2 - x1, dy = y2 - y1, len = std::hypot(dx, dy);
    if (len < 1) continue;
    double ux = dx / len, uy = dy / len;
    // Curve to the left of the direction of travel.
    double bend = 0.18 * len;
    double mx = (x1 + x2) / 2 + uy * bend, my = (y1 + y2) / 2 - ux * bend;
    double r1 = radius(volume[e.source]) + 2, r2 = radius(volume[e.target]) + 3;
    // Shorten both ends along the curve's end tangents.
    auto toward = [](double ax, double ay, double bx, double by, double d) {
      double l = std::hypot(bx - ax, by - ay);
      return std::make_pair(ax + (bx - ax) / l * d, ay + (by - ay) / l * d);
    };
    auto [sx, sy] = toward(x1, y1, mx, my, r1);
    auto [ex, ey] = toward(x2, y2, mx, my, r2);
    double width = 1.2 + 7.0 * std::sqrt(static_cast<double>(e.events) / max_edge);
    double mean = e.goldstein_n ? e.goldstein_sum / e.goldstein_n : 0;
    std::string col = GoldsteinColor(mean);
    // Arrowhead at the end, along the tangent (from the control point).
    double tx = ex - mx, ty = ey - my, tl = std::hypot(tx, ty);
    tx /= tl;
    ty /= tl;
    double ah = 7 + width * 1.3, aw = 4 + width * 0.9;
    double bx = ex - tx * ah, by = ey - ty * ah;
    auto [cex, cey] = std::make_pair(bx, by);
    s << "<g class=\"edge\"><title>" << Esc(e.source) << " → " << Esc(e.target) << ": "
      << e.events << " events, mean Goldstein " << Num(mean, 2) << ", " << e.cooperation
      << " cooperative, " << e.conflict << " conflictual</title>";
    s << "<path d=\"M" << Num(sx) << " " << Num(sy) << " Q" << Num(mx) << " " << Num(my) << " "
      << Num(cex) << " " << Num(cey) << "\" fill=\"none\" stroke=\"" << col << "\" stroke-width=\""
      << Num(width) << "\" stroke-opacity=\"0.85\" stroke-linecap=\"round\"/>";
    s << "<path d=\"M" << Num(ex) << " " << Num(ey) << " L" << Num(bx - ty * aw) << " "
      << Num(by + tx * aw) << " L" << Num(bx + ty * aw) << " " << Num(by - tx * aw) << " Z\" fill=\""
      << col << "\"/></g>";
  }
  // Nodes on top.
  for (const auto& name : order) {
    auto [x, y] = pos[name];
    double r = radius(volume[name]);
    s << "<g class=\"node\"><title>" << Esc(name) << ": " << volume[name]
      << " events in and out</title>";
    s << "<circle cx=\"" << Num(x) << "\" cy=\"" << Num(y) << "\" r=\"" << Num(r)
      << "\" fill=\"#f1f5f9\" stroke=\"#334155\" stroke-width=\"1.6\"/>";
    // Label outside the circle, away from the centre.
    double dx = x - cx, dy = y - cy, d = std::hypot(dx, dy);
    double lx = d > 1 ? x + dx / d * (r + 8) : x, ly = d > 1 ? y + dy / d * (r + 8) : y - r - 6;
    const char* anchor = d < 1 || std::fabs(dx) < 0.25 * d ? "middle" : dx > 0 ? "start" : "end";
    s << Text(lx, ly + 4, name,
              std::string("font-size=\"13\" font-weight=\"600\" fill=\"#1e293b\" text-anchor=\"") +
                  anchor + "\"");
    s << "</g>";
  }
  s << "</svg>";
  return s.str();
}

std::string QuadBarSvg(const int64_t quad[4], int64_t scale_max, int width, int height) {
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"quadbar\" width=\"" << width
    << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height << "\">";
  s << Rect(0, 0, width, height, "fill=\"#f3f4f6\" rx=\"2\"");
  double x = 0;
  double scale = scale_max > 0 ? static_cast<double>(width) / scale_max : 0;
  for (int q = 0; q < 4; ++q) {
    double w = quad[q] * scale;
    if (w <= 0) continue;
    s << Rect(x, 0, w, height, std::string("fill=\"") + kQuadColors[q] + "\"",
              std::to_string(quad[q]) + " " + kQuadLabels[q]);
    x += w;
  }
  s << "</svg>";
  return s.str();
}

std::string CoverageSvg(const std::vector<std::pair<int, int64_t>>& per_period, store::Period by,
                        int width, int height) {
  const double W = width, H = height, left = 58, right = 62, top = 10, bottom = H - 24;
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dyad-chart dyad-coverage\" width=\""
    << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height
    << "\" role=\"img\" " << kFont << "><title>stories processed per " << store::PeriodName(by)
    << "</title>";
  s << Rect(0, 0, W, H, "fill=\"#ffffff\"");
  int64_t mx = 1;
  for (const auto& [p, n] : per_period) mx = std::max(mx, n);
  std::vector<double> ticks = CountTicks(static_cast<double>(mx), 2);
  double ymax = ticks.back();
  for (double t : ticks) {
    double y = bottom - t / ymax * (bottom - top);
    s << Line(left, y, W - right, y, "stroke=\"#eee\"");
    s << Text(left - 8, y + 4, Num(t, 0), "font-size=\"10.5\" fill=\"#666\" text-anchor=\"end\"");
  }
  if (!per_period.empty()) {
    double step = (W - right - left) / static_cast<double>(per_period.size());
    double bw = std::min(44.0, std::max(1.0, step * 0.72));
    size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(per_period.size() / 8.0)));
    for (size_t i = 0; i < per_period.size(); ++i) {
      double x = left + step * (static_cast<double>(i) + 0.5);
      double h = per_period[i].second / ymax * (bottom - top);
      s << Rect(x - bw / 2, bottom - h, bw, h, "fill=\"#94a3b8\"",
                store::PeriodLabel(per_period[i].first, by) + ": " +
                    std::to_string(per_period[i].second) + " stories");
      if (i % every == 0) {
        s << Text(x, H - 8, AxisLabel(per_period[i].first, by),
                  "font-size=\"10.5\" fill=\"#555\" text-anchor=\"middle\"");
      }
    }
  }
  s << Line(left, bottom, W - right, bottom, "stroke=\"#444\"");
  s << "</svg>";
  return s.str();
}

}  // namespace dyad::report
