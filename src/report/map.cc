#include "report/map.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>

#include "report/svg.h"

namespace dyad::report {
namespace {

#include "report/world_map.inc"

constexpr double kTop = kMapTop, kHeight = kMapHeight;

}  // namespace

std::string_view WorldLandPath() { return kWorldMapPath; }

double PointRadius(int64_t events, int64_t most) {
  if (most < 1) most = 1;
  return kPointRadiusMin +
         kPointRadiusScale * std::sqrt(static_cast<double>(events) / static_cast<double>(most));
}

int PointQuadClass(const MapPoint& p) {
  int q = 0;
  for (int i = 1; i < 4; ++i) {
    if (p.quad[i] > p.quad[q]) q = i;
  }
  return q + 1;
}

std::vector<MapPoint> MapPoints(const std::vector<store::Mention>& mentions,
                                const std::vector<store::DedupEvent>& events) {
  MapBuilder b;
  for (const store::DedupEvent& ev : events) {
    if (ev.mentions.empty()) continue;
    b.Add(mentions.at(ev.mentions[0]).event);
  }
  return b.Points();
}

std::string WorldMapSvg(const std::vector<MapPoint>& points, int width) {
  const double scale = width / 360.0;
  const double height = kHeight * scale;
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dyad-chart dyad-map\" width=\"" << width
    << "\" height=\"" << Num(height, 0) << "\" viewBox=\"0 " << Num(kTop) << " 360 " << Num(kHeight)
    << "\" role=\"img\" aria-label=\"Map of where the events happened\">";
  s << "<rect x=\"0\" y=\"" << Num(kTop) << "\" width=\"360\" height=\"" << Num(kHeight)
    << "\" fill=\"#eef3f7\"/>";
  s << "<path class=\"land\" d=\"" << kWorldMapPath
    << "\" fill=\"#d9dee3\" stroke=\"#b8c0c8\" stroke-width=\"0.15\"/>";
  int64_t most = 1;
  for (const MapPoint& p : points) most = std::max(most, p.events);
  // Largest first, so that small points stay on top.
  for (const MapPoint& p : points) {
    const int q = PointQuadClass(p) - 1;
    const double r = PointRadius(p.events, most);
    s << "<circle class=\"place\" cx=\"" << Num(p.lon + 180) << "\" cy=\"" << Num(90 - p.lat)
      << "\" r=\"" << Num(r) << "\" fill=\"" << kQuadColors[q]
      << "\" fill-opacity=\"0.75\" stroke=\"#fff\" stroke-width=\"0.2\"><title>" << Esc(p.name)
      << " (" << Esc(p.country) << (p.type == "city" ? "" : ", " + Esc(p.type)) << "): " << p.events
      << " event" << (p.events == 1 ? "" : "s") << "</title></circle>";
  }
  // Legend: the quad classes.
  double lx = 4, ly = kTop + kHeight - 6;
  for (int i = 0; i < 4; ++i) {
    s << "<circle cx=\"" << Num(lx + 1) << "\" cy=\"" << Num(ly) << "\" r=\"1.2\" fill=\""
      << kQuadColors[i] << "\"/><text x=\"" << Num(lx + 3) << "\" y=\"" << Num(ly + 1)
      << "\" font-size=\"3\" fill=\"#333\">" << Esc(kQuadLabels[i]) << "</text>";
    lx += 40;
  }
  s << "</svg>";
  return s.str();
}

void MapBuilder::Add(const Event& e) {
  if (!e.location || !e.location->lat || !e.location->lon) return;
  const EventLocation& l = *e.location;
  MapPoint& p = by_place_[{l.country, l.type, l.name}];
  p.name = l.name;
  p.country = l.country;
  p.type = l.type;
  p.lat = *l.lat;
  p.lon = *l.lon;
  ++p.events;
  if (e.quad_class >= 1 && e.quad_class <= 4) ++p.quad[e.quad_class - 1];
}

std::vector<MapPoint> MapBuilder::Points() const {
  std::vector<MapPoint> out;
  for (const auto& [k, p] : by_place_) out.push_back(p);
  std::stable_sort(out.begin(), out.end(),
                   [](const MapPoint& a, const MapPoint& b) { return a.events > b.events; });
  return out;
}

}  // namespace dyad::report
