// The report's world map: where the deduplicated events happened, one point
// per place, its area by the events there and its colour by their most
// frequent quad class. The land is Natural Earth's 1:110m outline (npm
// world-atlas, generated into world_map.inc by scripts/gen/gen_world_map.py),
// drawn in an equirectangular projection.
#ifndef DYAD_REPORT_MAP_H_
#define DYAD_REPORT_MAP_H_

#include <cstdint>
#include <map>
#include <tuple>
#include <string>
#include <string_view>
#include <vector>

#include "store/dedup.h"
#include "store/mention.h"

namespace dyad::report {

struct MapPoint {
  std::string name, country, type;  // the location's
  double lat = 0, lon = 0;
  int64_t events = 0;
  int64_t quad[4] = {0, 0, 0, 0};  // events by quad class 1..4
};

// MapPoints built one deduplicated event at a time (its representative).
class MapBuilder {
 public:
  void Add(const Event& rep);
  std::vector<MapPoint> Points() const;

 private:
  std::map<std::tuple<std::string, std::string, std::string>, MapPoint> by_place_;
};

// One point per place of the events' representative mentions (events whose
// location has no point are left out), busiest first.
std::vector<MapPoint> MapPoints(const std::vector<store::Mention>& mentions,
                                const std::vector<store::DedupEvent>& events);

// The map as an <svg class="dyad-chart dyad-map">: land, then a
// <circle class="place"> per point with a <title> ("Kharkiv (UKR): 3 events").
std::string WorldMapSvg(const std::vector<MapPoint>& points, int width = 1000);

// The map's parts, for other drawers (the web page of `dyad serve` draws
// the same map from GET /api/map). Coordinates are the equirectangular
// projection's x = lon + 180, y = 90 - lat; the drawn band is latitudes
// 84 N to 58 S (y from kMapTop to kMapTop + kMapHeight).
inline constexpr double kMapTop = 6, kMapHeight = 142;
// The land: one SVG path in those coordinates.
std::string_view WorldLandPath();
// A point's radius in map units: kPointRadiusMin + kPointRadiusScale *
// sqrt(events / most), `most` the events of the busiest point.
inline constexpr double kPointRadiusMin = 0.9, kPointRadiusScale = 3.6;
double PointRadius(int64_t events, int64_t most);
// The quad class (1..4) a point is coloured by: its most frequent one, the
// lower on a tie; 1 when it has none.
int PointQuadClass(const MapPoint& p);

}  // namespace dyad::report

#endif  // DYAD_REPORT_MAP_H_
