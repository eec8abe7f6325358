#include "serve/api.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/duplicates.h"
#include "io/story_reader.h"
#include "report/map.h"
#include "report/svg.h"
#include "store/alerts.h"
#include "store/country_codes.h"
#include "store/dates.h"
#include "store/dedup.h"
#include "store/export.h"
#include "store/series.h"
#include "store/store.h"
#include "store/views.h"
#include "text/language.h"
#include "text/utf8.h"

namespace dyad::serve {
namespace {

using json = nlohmann::ordered_json;

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Get(const Params& p, const std::string& key) {
  auto it = p.find(key);
  return it == p.end() ? std::string() : it->second;
}

// A non-negative integer parameter; nullopt when present and not one.
std::optional<long> IntParam(const Params& p, const std::string& key, long fallback) {
  std::string v = Get(p, key);
  if (v.empty()) return fallback;
  long n = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || ptr != v.data() + v.size() || n < 0) return std::nullopt;
  return n;
}

bool Truthy(const std::string& v) { return v == "1" || v == "true" || v == "yes"; }

// A SOURCE/TARGET parameter as the store keys it (as `dyad timeline` reads
// its arguments: apps/cli/common.cc ResolveDyadEnd): "" or "*" any; a key the
// store holds; a country code or name; a group. nullopt when it is none.
std::optional<std::string> ResolveEnd(const std::string& arg, store::EventStore& st,
                                      std::string* error) {
  if (arg.empty() || arg == "*") return std::string("*");
  static const auto* codes = [] {
    auto cc = store::CountryCodes::Load(store::CountryCodes::DefaultPath());
    return cc.ok() ? new store::CountryCodes(std::move(cc).value()) : new store::CountryCodes();
  }();
  std::string norm = store::NormalizeDyadArg(arg);
  auto keys = st.DyadKeys();
  if (!keys.ok()) {
    *error = "the store cannot be read";
    return std::nullopt;
  }
  if (keys->count(norm)) return norm;
  if (std::string key = codes->KeyOf(arg); !key.empty()) return key;
  if (norm == "NATO" || norm == "EU" || norm == "UN" || norm == "AU") return norm;
  *error = "'" + arg + "' is no country or region code, country name or group, nor a dyad end "
           "the store holds";
  return std::nullopt;
}

// Opens the store for one request (which only reads it); a Reply on failure.
std::optional<Reply> OpenStore(const std::string& db, std::unique_ptr<store::EventStore>* out) {
  if (db.empty()) return Error(404, "no event store: start dyad serve with --db FILE");
  auto st = store::EventStore::Open(db, store::EventStore::Mode::kExisting);
  // The message names the file: keep it in the server's log, not the reply.
  if (!st.ok()) return Error(500, "the event store cannot be opened");
  *out = std::move(st).value();
  return std::nullopt;
}

std::optional<Reply> CheckDates(const Params& p, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    std::string v = Get(p, k);
    if (!v.empty() && !IsValidDate(v)) {
      return Error(400, std::string(k) + " '" + v + "' is not a YYYY-MM-DD date");
    }
  }
  return std::nullopt;
}

// The mentions /api/events and /api/places select: dates, ends and root
// checked (400, 404), read from the store (500).
std::optional<Reply> SelectMentions(const std::string& db, const Params& p,
                                    std::vector<store::Mention>* out) {
  if (auto bad = CheckDates(p, {"from", "to"})) return *bad;
  std::string root = Get(p, "root");
  if (!root.empty() && (root.size() != 2 || !std::all_of(root.begin(), root.end(), ::isdigit))) {
    return Error(400, "root '" + root + "' is not a two-digit CAMEO root such as 19");
  }
  std::unique_ptr<store::EventStore> st;
  if (auto bad = OpenStore(db, &st)) return *bad;
  std::string err;
  auto src = ResolveEnd(Get(p, "source"), *st, &err);
  auto tgt = src ? ResolveEnd(Get(p, "target"), *st, &err) : std::nullopt;
  if (!src || !tgt) return Error(404, err);
  store::MentionQuery q{Get(p, "from"), Get(p, "to"), *src, *tgt, false, ""};
  auto all = st->Mentions(q);
  if (!all.ok()) return Error(500, "the event store cannot be read");
  for (auto& m : *all) {
    if (root.empty() || m.event.code.compare(0, 2, root) == 0) out->push_back(std::move(m));
  }
  return std::nullopt;
}

std::optional<store::Period> PeriodParam(const Params& p, const char* fallback) {
  std::string by = Get(p, "by");
  return store::ParsePeriod(by.empty() ? fallback : by);
}

}  // namespace

Reply Error(int status, std::string_view message) {
  json j;
  j["error"] = std::string(message);
  return {status, Dump(j)};
}

Api::Api(std::shared_ptr<const Coder> coder, io::WriterInfo info, ApiOptions options)
    : coder_(std::move(coder)), info_(std::move(info)), options_(std::move(options)) {}

Reply Api::Code(std::string_view body, bool explain) const {
  json in = json::parse(body, nullptr, false);
  std::vector<std::string> errors, skipped;
  if (in.is_discarded()) {
    // Invalid UTF-8 makes the JSON parser reject the whole body: repair it
    // (U+FFFD), report it and code the stories, as `dyad code` does a record.
    std::string repaired;
    if (uint32_t bad = text::RepairUtf8(body, &repaired, nullptr)) {
      in = json::parse(repaired, nullptr, false);
      if (!in.is_discarded()) {
        errors.push_back("request: invalid UTF-8 (" + std::to_string(bad) + " bytes replaced)");
      }
    }
  }
  if (in.is_discarded()) return Error(400, "the body is not JSON");
  std::vector<json> items;
  const bool single = in.is_object();
  if (single) {
    items.push_back(std::move(in));
  } else if (in.is_array()) {
    if (in.size() > options_.max_stories) {
      return Error(400, "more than " + std::to_string(options_.max_stories) +
                            " stories in one request");
    }
    for (auto& s : in) items.push_back(std::move(s));
  } else {
    return Error(400, "the body must be a story {\"id\",\"date\",\"text\"} or an array of them");
  }

  io::ReaderOptions ropt;
  io::ReadCounts counts;
  CodeStats stats;
  io::StoryIdSet seen;
  std::string events = "[";
  std::string explains = "[";
  bool first_event = true;
  uint64_t duplicates = 0;
  std::vector<Event> evs;
  json labels = json::object();
  const auto start = std::chrono::steady_clock::now();
  uint64_t timed_out = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    json& item = items[i];
    std::string where = "stories[" + std::to_string(i) + "]";
    if (i > 0 && std::chrono::steady_clock::now() - start >= options_.time_limit) {
      timed_out = items.size() - i;
      errors.push_back(where + ".." + "stories[" + std::to_string(items.size() - 1) +
                       "]: not coded: the request's time limit of " +
                       std::to_string(options_.time_limit.count()) + " ms was reached");
      break;
    }
    if (item.is_object() && !item.contains("id")) item["id"] = "story-" + std::to_string(i + 1);
    Story story;
    std::vector<std::string> messages;
    // The same checks as a JSON Lines record of `dyad code` (size, fields,
    // date, UTF-8): the item is one such record.
    bool ok = io::ParseRecord(item.is_object() ? Dump(item) : std::string("{}"), where, ropt,
                              &story, &messages, &counts);
    if (!item.is_object()) messages = {where + ": a story must be a JSON object"};
    // A request of one story that cannot be coded is a bad request; in an
    // array, the bad story is reported and the others are coded.
    if (!ok && single) return Error(400, messages.empty() ? "bad story" : messages.front());
    errors.insert(errors.end(), messages.begin(), messages.end());
    if (!ok) continue;
    text::EnglishGuess g = text::GuessEnglish(story.text);
    if (!g.english) {
      skipped.push_back(where + ": story '" + story.id + "' skipped: not English (" +
                        text::WhyNotEnglish(g) + ")");
      continue;
    }
    evs.clear();
    if (explain) {
      std::string doc = coder_->ExplainJson(story, &evs, -1);
      if (explains.size() > 1) explains += ',';
      explains += doc;
      // ExplainJson codes as CodeStory does; the statistics come from CodeStory.
      std::vector<Event> ignored;
      CodeStats s;
      coder_->CodeStory(story, &ignored, &s);
      stats.Add(s);
    } else {
      coder_->CodeStory(story, &evs, &stats);
    }
    std::string first;
    int n = seen.See(story.id, where, &first);
    if (n > 1) {
      ++duplicates;
      errors.push_back(where + ": duplicate story id '" + story.id + "' (first at " + first +
                       "): coded again, its events with ids of their own");
      io::MakeIdsOccurrenceSpecific(n, &evs);
    }
    for (const Event& e : evs) {
      if (const EventCodeInfo* ci = coder_->lexicon().EventCode(e.code)) labels[e.code] = ci->label;
      if (!first_event) events += ',';
      first_event = false;
      io::AppendEventJson(e, info_, &events);
    }
  }
  events += ']';
  explains += ']';
  json st;
  st["stories"] = counts.records;
  st["coded"] = counts.stories - skipped.size();
  st["rejected"] = counts.rejected;
  st["sentences"] = stats.sentences;
  st["events"] = stats.events;
  st["sentences_with_events"] = stats.sentences_coded;
  st["not_english"] = skipped.size();
  st["duplicate_ids"] = duplicates;
  st["timed_out"] = timed_out;
  st["errors"] = errors.size() - duplicates;
  std::string out = "{\"events\":" + events + ",\"stats\":" + Dump(st) +
                    ",\"errors\":" + Dump(json(errors)) + ",\"skipped\":" + Dump(json(skipped)) +
                    ",\"labels\":" + Dump(labels);
  if (explain) out += ",\"explain\":" + explains;
  out += '}';
  return {200, std::move(out)};
}

Reply Api::Explain(std::string_view body) const {
  json in = json::parse(body, nullptr, false);
  if (in.is_discarded()) return Error(400, "the body is not JSON");
  if (!in.is_object()) return Error(400, "the body must be {\"text\",\"date\"}");
  if (!in.contains("text") || !in["text"].is_string()) return Error(400, "\"text\" is missing");
  if (!in.contains("date") || !in["date"].is_string()) return Error(400, "\"date\" is missing");
  Story story;
  story.text = in["text"].get<std::string>();
  story.date = in["date"].get<std::string>();
  story.id = in.contains("id") && in["id"].is_string() ? in["id"].get<std::string>() : "explain";
  story.origin = "explain";
  if (story.text.size() > options_.max_explain_bytes) {
    return Error(400, "\"text\" is over " + std::to_string(options_.max_explain_bytes) + " bytes");
  }
  if (!IsValidDate(story.date) && !NormalizeDate(story.date, &story.date)) {
    return Error(400, "\"date\" '" + story.date + "' is not " + kDateFormats);
  }
  std::vector<Event> events;
  return {200, coder_->ExplainJson(story, &events, -1)};
}

Reply Api::Health() const {
  json j;
  j["status"] = "ok";
  j["coder"] = info_.coder;
  j["dictionary"] = info_.dictionary;
  j["store"] = has_store();
  return {200, Dump(j)};
}

Reply Api::Version() const {
  json j;
  j["coder"] = info_.coder;
  j["dictionary"] = info_.dictionary;
  return {200, Dump(j)};
}

Reply Api::Events(const Params& p) const {
  auto limit = IntParam(p, "limit", 100), offset = IntParam(p, "offset", 0);
  if (!limit || !offset || *limit > 1000) {
    return Error(400, "limit (0-1000) and offset must be non-negative integers");
  }
  std::vector<store::Mention> mentions;
  if (auto bad = SelectMentions(options_.db, p, &mentions)) return *bad;
  // Each mention as `dyad export --format jsonl` writes it: with its
  // deduplicated event (default dedup options), found among the matches.
  auto events = store::Deduplicate(mentions, store::DedupOptions());
  std::vector<size_t> event_of(mentions.size());
  for (size_t k = 0; k < events.size(); ++k) {
    for (size_t i : events[k].mentions) event_of[i] = k;
  }
  std::string out = "{\"events\":[";
  size_t total = mentions.size();
  size_t begin = std::min(total, static_cast<size_t>(*offset));
  size_t end = std::min(total, begin + static_cast<size_t>(*limit));
  for (size_t i = begin; i < end; ++i) {
    const store::DedupEvent& ev = events[event_of[i]];
    if (i > begin) out += ',';
    out += store::MentionJson(mentions[i], ev, mentions[ev.mentions[0]].event.id);
  }
  out += "],\"total\":" + std::to_string(total) + ",\"limit\":" + std::to_string(*limit) +
         ",\"offset\":" + std::to_string(*offset) + "}";
  return {200, std::move(out)};
}

Reply Api::Map() const {
  json j;
  j["projection"] = "equirectangular";
  j["x"] = "lon + 180";
  j["y"] = "90 - lat";
  j["view_box"] = {0, report::kMapTop, 360, report::kMapHeight};
  j["land"] = std::string(report::WorldLandPath());
  j["radius"] = {{"min", report::kPointRadiusMin}, {"scale", report::kPointRadiusScale}};
  j["quad_classes"] = json::array();
  for (int q = 0; q < 4; ++q) {
    j["quad_classes"].push_back({{"quad_class", q + 1},
                                 {"label", report::kQuadLabels[q]},
                                 {"color", report::kQuadColors[q]}});
  }
  return {200, Dump(j)};
}

Reply Api::Places(const Params& p) const {
  std::vector<store::Mention> mentions;
  if (auto bad = SelectMentions(options_.db, p, &mentions)) return *bad;
  auto events = store::Deduplicate(mentions, store::DedupOptions());
  json j;
  j["places"] = json::array();
  int64_t placed = 0;
  for (const report::MapPoint& pt : report::MapPoints(mentions, events)) {
    placed += pt.events;
    j["places"].push_back({{"name", pt.name},
                           {"country", pt.country},
                           {"type", pt.type},
                           {"lat", pt.lat},
                           {"lon", pt.lon},
                           {"events", pt.events},
                           {"quad", {pt.quad[0], pt.quad[1], pt.quad[2], pt.quad[3]}},
                           {"quad_class", report::PointQuadClass(pt)}});
  }
  j["placed"] = placed;
  j["events"] = events.size();
  return {200, Dump(j)};
}

Reply Api::Timeline(const Params& p) const {
  auto by = PeriodParam(p, "week");
  if (!by) return Error(400, "by must be day, week or month");
  if (Get(p, "source").empty() || Get(p, "target").empty()) {
    return Error(400, "source and target are required (a code or name, or *)");
  }
  std::unique_ptr<store::EventStore> st;
  if (auto bad = OpenStore(options_.db, &st)) return *bad;
  std::string err;
  auto src_key = ResolveEnd(Get(p, "source"), *st, &err);
  auto tgt_key = src_key ? ResolveEnd(Get(p, "target"), *st, &err) : std::nullopt;
  if (!src_key || !tgt_key) return Error(404, err);
  const std::string &src = *src_key, &tgt = *tgt_key;
  bool both = Truthy(Get(p, "both"));
  // The same library calls as `dyad timeline --format json` (apps/cli/timeline_main.cc),
  // with its default options, streamed: the range is the mentions' first and
  // last day (counted in SQL) and no mention is held.
  store::SeriesOptions so;
  so.by = *by;
  auto extent = st->MentionExtent({"", "", src, tgt, both, "", /*light=*/true});
  auto daily = st->DailyDenominators();
  if (!extent.ok() || !daily.ok()) return Error(500, "the event store cannot be read");
  if (extent->mentions == 0) {
    return Error(404, "no events for " + src + " -> " + tgt + (both ? " or back" : ""));
  }
  so.from = store::ParseDay(extent->first).value_or(0);
  so.to = store::ParseDay(extent->last).value_or(0);
  std::vector<std::pair<std::string, std::string>> dirs = {{src, tgt}};
  if (both && src != tgt) dirs.push_back({tgt, src});
  auto directions = store::StreamDirections(*st, dirs, *daily, so);
  if (!directions.ok()) return Error(500, "the event store cannot be read");
  json j;
  j["source"] = src;
  j["target"] = tgt;
  j["by"] = store::PeriodName(*by);
  j["basis"] = "events";
  j["series"] = json::array();
  for (const store::DirectionSeries& d : *directions) {
    j["series"].push_back(store::DirectionJson(d, so.by));
  }
  return {200, Dump(j)};
}

Reply Api::Alerts(const Params& p) const {
  auto by = PeriodParam(p, "week");
  if (!by) return Error(400, "by must be day, week or month");
  if (auto bad = CheckDates(p, {"since"})) return *bad;
  std::unique_ptr<store::EventStore> st;
  if (auto bad = OpenStore(options_.db, &st)) return *bad;
  store::AlertOptions opt;
  opt.by = *by;
  if (std::string since = Get(p, "since"); !since.empty()) opt.since = store::ParseDay(since);
  std::string err;
  std::optional<std::string> src = "", tgt = "";
  if (!Get(p, "source").empty()) src = ResolveEnd(Get(p, "source"), *st, &err);
  if (src && !Get(p, "target").empty()) tgt = ResolveEnd(Get(p, "target"), *st, &err);
  if (!src || !tgt) return Error(404, err);
  if (*src == "*") src = "";
  if (*tgt == "*") tgt = "";
  // As `dyad alerts --format json` (apps/cli/alerts_main.cc), default options,
  // streamed: no mention is held; the alerting dyads are read again for their
  // drivers, and only the drivers shown are read back whole.
  auto daily = st->DailyDenominators();
  if (!daily.ok()) return Error(500, "the event store cannot be read");
  auto alerts = store::StreamAlerts(*st, *src, *tgt, *daily, opt);
  if (!alerts.ok()) return Error(500, "the event store cannot be read");
  std::vector<store::DedupEvent> events;
  std::vector<store::Mention> mentions;
  if (!store::FillAlertDrivers(*st, opt, &*alerts, &events, &mentions).ok() ||
      !store::FillDrivers(*st, *alerts, events, &mentions, 5).ok()) {
    return Error(500, "the event store cannot be read");
  }
  return {200, Dump(store::AlertsJson(*alerts, events, mentions, opt, 5))};
}

Reply Api::StoryById(const std::string& id) const {
  if (id.empty()) return Error(400, "a story id is required: /api/stories/ID");
  std::unique_ptr<store::EventStore> st;
  if (auto bad = OpenStore(options_.db, &st)) return *bad;
  auto rec = st->StoryRecord(id);
  if (!rec.ok()) {
    if (rec.status().code() == StatusCode::kNotFound) return Error(404, "no story '" + id + "' in the store");
    return Error(500, "the event store cannot be read");
  }
  store::MentionQuery q;
  q.story_id = id;
  auto mentions = st->Mentions(q);
  if (!mentions.ok()) return Error(500, "the event store cannot be read");
  json story;
  story["id"] = rec->story_id;
  story["date"] = rec->date;
  story["publisher"] = rec->publisher;
  story["url"] = rec->url;
  story["sentences"] = rec->sentences;
  story["sentences_coded"] = rec->sentences_coded;
  story["events"] = rec->events;
  story["coder"] = rec->coder;
  story["dictionary"] = rec->dictionary;
  story["ingested_at"] = rec->ingested_at;
  story["text"] = rec->text;
  if (!rec->text_stored) {
    // Ingested with --no-text: the store keeps no text of the story.
    story["text"] = nullptr;
    story["text_stored"] = false;
  }
  auto events = store::Deduplicate(*mentions, store::DedupOptions());
  std::vector<size_t> event_of(mentions->size());
  for (size_t k = 0; k < events.size(); ++k) {
    for (size_t i : events[k].mentions) event_of[i] = k;
  }
  std::string out = "{\"story\":" + Dump(story) + ",\"events\":[";
  for (size_t i = 0; i < mentions->size(); ++i) {
    const store::DedupEvent& ev = events[event_of[i]];
    if (i > 0) out += ',';
    out += store::MentionJson((*mentions)[i], ev, (*mentions)[ev.mentions[0]].event.id);
  }
  out += "]}";
  return {200, std::move(out)};
}

Reply Api::Dyads(const Params& p) const {
  auto limit = IntParam(p, "limit", 20);
  if (!limit || *limit > 1000) return Error(400, "limit must be an integer 0-1000");
  std::unique_ptr<store::EventStore> st;
  if (auto bad = OpenStore(options_.db, &st)) return *bad;
  std::map<std::pair<std::string, std::string>, int64_t> counts;
  Status s = st->ForEachMention({}, [&](store::Mention&& m) {
    if (!m.target_key.empty()) ++counts[{m.source_key, m.target_key}];
    return true;
  });
  if (!s.ok()) return Error(500, "the event store cannot be read");
  std::vector<std::pair<int64_t, std::pair<std::string, std::string>>> order;
  for (const auto& [k, n] : counts) order.push_back({n, k});
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  json j;
  j["dyads"] = json::array();
  for (size_t i = 0; i < order.size() && i < static_cast<size_t>(*limit); ++i) {
    j["dyads"].push_back({{"source", order[i].second.first},
                          {"target", order[i].second.second},
                          {"mentions", order[i].first}});
  }
  return {200, Dump(j)};
}

}  // namespace dyad::serve
