#include "store/export.h"

#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "dyad/gazetteer.h"
#include "io/writer.h"
#include "store/dates.h"

namespace dyad::store {
namespace {

using Json = nlohmann::ordered_json;

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return s;
}

// GDELT names are upper case, without a leading article: "UNITED STATES".
std::string GdeltName(const std::string& name) {
  std::string u = Upper(name);
  if (u.rfind("THE ", 0) == 0) u.erase(0, 4);
  return u;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// GDELT's geo types: 1 country, 4 world city, 5 world state (ADM1). dyad
// writes no US-specific 2/3: a US state is 5 and a US city 4.
const char* GdeltGeoType(const std::string& type) {
  if (type == "country") return "1";
  if (type == "admin1") return "5";
  if (type == "city") return "4";
  return "";
}

// One geo block of 8 columns: Type, FullName, CountryCode, ADM1Code,
// ADM2Code, Lat, Long, FeatureID.
void GeoBlock(const EventLocation* l, const CountryCodes* cameo, std::vector<std::string>* f) {
  if (!l) {
    for (int i = 0; i < 8; ++i) f->push_back("");
    return;
  }
  f->push_back(GdeltGeoType(l->type));
  std::string full = l->name;  // "Kharkiv, Kharkiv Oblast, Ukraine" as GDELT writes it
  if (l->type == "city" && !l->admin1.empty()) full += ", " + l->admin1;
  f->push_back(full);
  f->push_back(cameo ? cameo->ToCameo(l->country) : l->country);
  f->push_back(l->admin1_code);
  f->push_back("");  // ADM2Code
  f->push_back(l->lat ? Fixed(*l->lat, 4) : "");
  f->push_back(l->lon ? Fixed(*l->lon, 4) : "");
  f->push_back(l->geonames_id ? std::to_string(l->geonames_id)
               : l->type == "admin1" ? l->admin1_code
               : l->type == "country" ? l->country : "");
}

}  // namespace

std::optional<EventLocation> CountryLocation(const std::string& country, const Gazetteer* gz) {
  if (!gz || country.size() < 3) return std::nullopt;
  const GeoPlace* p = gz->Country(std::string_view(country).substr(0, 3));
  if (!p) return std::nullopt;
  EventLocation l;
  l.name = std::string(p->name);
  l.country = std::string(p->country);
  l.type = "country";
  l.how = "actor";
  if (p->has_point) {
    l.lat = p->lat;
    l.lon = p->lon;
  }
  return l;
}

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> cols = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* a : {"Actor1", "Actor2"}) {
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                            "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                            "Type3Code"}) {
        c.push_back(std::string(a) + f);
      }
    }
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                          "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                          "NumArticles", "AvgTone"}) {
      c.push_back(f);
    }
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                            "Long", "FeatureID"}) {
        c.push_back(std::string(g) + f);
      }
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return cols;
}

uint64_t GdeltEventId(const std::string& hex_id) {
  uint64_t v = EventIdValue(hex_id);
  return v < kEventIdLimit ? v : v >> 11;
}

std::string GdeltFractionDate(const std::string& date) {
  auto day = ParseDay(date);
  if (!day) return "";
  int y, m, d;
  CivilFromDays(*day, &y, &m, &d);
  return Fixed(y + ((m - 1) * 30 + d) / 365.0, 4);
}

std::string GdeltRow(const std::vector<const Mention*>& mentions, const DedupEvent& ev,
                     const CountryCodes* cameo, const Gazetteer* gz) {
  const Mention& rep = *mentions.at(0);
  const Event& e = rep.event;
  std::vector<std::string> f;
  f.reserve(kGdeltColumnCount);
  std::string sqldate;
  for (char c : e.date) {
    if (c != '-') sqldate += c;
  }
  f.push_back(std::to_string(GdeltEventId(e.id)));
  f.push_back(sqldate);
  f.push_back(sqldate.substr(0, 6));
  f.push_back(sqldate.substr(0, 4));
  f.push_back(GdeltFractionDate(e.date));
  auto actor = [&](const Actor* a) {
    if (!a) {
      for (int i = 0; i < 10; ++i) f.push_back("");
      return;
    }
    f.push_back(cameo ? cameo->ActorToCameo(a->code, a->country) : a->code);
    f.push_back(GdeltName(a->name));
    f.push_back(cameo ? cameo->ToCameo(a->country) : a->country);
    f.push_back(a->group);
    f.push_back("");  // EthnicCode
    f.push_back("");  // Religion1Code
    f.push_back("");  // Religion2Code
    for (size_t i = 0; i < 3; ++i) f.push_back(i < a->types.size() ? a->types[i] : "");
  };
  actor(&e.source);
  actor(e.target ? &*e.target : nullptr);
  f.push_back(ev.is_root ? "1" : "0");
  f.push_back(e.code);
  f.push_back(e.code.size() >= 3 ? e.code.substr(0, 3) : e.code);
  f.push_back(e.root);
  f.push_back(std::to_string(e.quad_class));
  f.push_back(e.goldstein ? Fixed(*e.goldstein, 1) : "");
  f.push_back(std::to_string(ev.num_mentions));
  f.push_back(std::to_string(ev.num_sources));
  f.push_back(std::to_string(ev.num_articles));
  f.push_back("");                                 // AvgTone: dyad does not score tone
  // Actor1Geo and Actor2Geo: the actors' countries; ActionGeo: where it happened.
  auto a1 = CountryLocation(e.source.country, gz);
  auto a2 = e.target ? CountryLocation(e.target->country, gz) : std::nullopt;
  GeoBlock(a1 ? &*a1 : nullptr, cameo, &f);
  GeoBlock(a2 ? &*a2 : nullptr, cameo, &f);
  GeoBlock(e.location ? &*e.location : nullptr, cameo, &f);
  f.push_back(rep.added);
  f.push_back(rep.url);
  std::string row;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) row += '\t';
    row += io::TsvEscape(f[i]);
  }
  return row;
}

int PloverQuad(const std::string& type) {
  // PLOVER manual v2.0 (openeventdata/PLOVER), the quad category of each
  // type's section; SANCTION is material conflict there.
  static const std::map<std::string, int> kQuad = {
      {"AGREE", 1},    {"CONSULT", 1},  {"SUPPORT", 1},  {"CONCEDE", 1},
      {"COOPERATE", 2}, {"AID", 2},      {"RETREAT", 2},  {"REQUEST", 3},
      {"ACCUSE", 3},   {"REJECT", 3},   {"THREATEN", 3}, {"PROTEST", 4},
      {"SANCTION", 4}, {"MOBILIZE", 4}, {"COERCE", 4},   {"ASSAULT", 4}};
  auto it = kQuad.find(type);
  return it == kQuad.end() ? 0 : it->second;
}

std::optional<std::string> PloverJson(const Mention& m) {
  const Event& e = m.event;
  if (e.plover.empty()) return std::nullopt;
  auto entity = [](const Actor& a) {
    Json j;
    j["code"] = a.code;
    if (!a.types.empty()) {
      std::string sector;
      for (const auto& t : a.types) sector += (sector.empty() ? "" : ";") + t;
      j["sector"] = sector;
    }
    j["entity_text"] = a.name;
    return j;
  };
  Json j;
  j["id"] = e.id;
  j["date"] = e.date;
  j["actor"] = Json::array({entity(e.source)});
  if (e.target) j["recipient"] = Json::array({entity(*e.target)});
  j["event"] = Json::array({e.plover});
  if (!e.plover_mode.empty()) j["mode"] = e.plover_mode;
  if (int q = PloverQuad(e.plover)) j["quad_code"] = q;
  if (e.location) {
    // PLOVER's location fields (the POLECAT release's geolocation).
    const EventLocation& l = *e.location;
    Json loc;
    loc["placename"] = l.name;
    loc["country"] = l.country;
    loc["admin1"] = l.admin1.empty() ? Json() : Json(l.admin1);
    loc["lat"] = l.lat ? Json(*l.lat) : Json();
    loc["lon"] = l.lon ? Json(*l.lon) : Json();
    loc["geonameid"] = l.geonames_id ? Json(l.geonames_id) : Json();
    loc["feature_code"] = l.type;
    loc["geo_source"] = l.how;
    if (l.span) loc["event_text_span"] = Json::array({l.span->begin, l.span->end});
    j["geolocation"] = loc;
    j["location"] = l.name;
    j["country"] = l.country;
  }
  j["event_text"] = e.trigger;
  j["text"] = e.text;
  Json ti;
  ti["sequence"] = e.sentence;
  if (m.sentence_begin >= 0) {
    ti["start"] = m.sentence_begin;
    ti["end"] = m.sentence_begin + static_cast<int64_t>(e.text.size());
  }
  j["text_info"] = ti;
  Json ci;
  ci["citation"] = e.story_id;
  if (!m.url.empty()) ci["url"] = m.url;
  if (!m.publisher.empty()) ci["publication"] = m.publisher;
  ci["coder"] = m.coder;
  ci["codebook"] = "PLOVER";
  ci["version"] = m.dictionary;
  j["cite_info"] = ci;
  j["coder"] = m.coder;
  if (m.added.size() >= 8) {
    j["coded_date"] = m.added.substr(0, 4) + "-" + m.added.substr(4, 2) + "-" + m.added.substr(6, 2);
  }
  j["comment"] = "CAMEO " + e.code;
  return Dump(j);
}

const std::vector<std::string>& GdeltMentionColumns() {
  static const std::vector<std::string> cols = {
      "GLOBALEVENTID",     "EventTimeDate",    "MentionTimeDate", "MentionType",
      "MentionSourceName", "MentionIdentifier", "SentenceID",     "Actor1CharOffset",
      "Actor2CharOffset",  "ActionCharOffset", "InRawText",       "Confidence",
      "MentionDocLen",     "MentionDocTone",   "MentionDocTranslationInfo", "Extras"};
  return cols;
}

std::string GdeltMentionRow(const Mention& m, const std::string& event_id) {
  const Event& e = m.event;
  auto stamp = [](const std::string& day) {
    std::string s;
    for (char c : day) {
      if (c != '-') s += c;
    }
    return s + "000000";
  };
  auto clean = [](std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  };
  std::vector<std::string> f;
  f.push_back(std::to_string(GdeltEventId(event_id)));
  f.push_back(stamp(e.date));
  f.push_back(stamp(e.pub_date));
  f.push_back("1");
  f.push_back(clean(m.publisher));
  f.push_back(clean(m.url.empty() ? e.story_id : m.url));
  f.push_back(std::to_string(e.sentence + 1));
  f.push_back(std::to_string(e.source.span.begin));
  f.push_back(e.target ? std::to_string(e.target->span.begin) : "-1");
  f.push_back(std::to_string(e.trigger_span.begin));
  f.push_back("1");
  f.push_back(std::to_string(static_cast<int>(e.confidence * 100 + 0.5)));
  for (int i = 0; i < 4; ++i) f.push_back("");
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + f[i];
  return out;
}

std::string MentionJson(const Mention& m, const DedupEvent& ev, const std::string& event_id) {
  Json j = Json::parse(io::EventToJson(m.event, io::WriterInfo{m.coder, m.dictionary}), nullptr,
                       /*allow_exceptions=*/false);
  if (j.is_discarded()) j = Json::object();
  j["publisher"] = m.publisher;
  j["url"] = m.url;
  j["is_root"] = m.is_root;
  j["event_cluster"]["id"] = event_id;
  j["event_cluster"]["num_mentions"] = ev.num_mentions;
  j["event_cluster"]["num_sources"] = ev.num_sources;
  j["event_cluster"]["num_articles"] = ev.num_articles;
  return Dump(j);
}

}  // namespace dyad::store
