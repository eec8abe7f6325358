#include "report/report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <optional>
#include <sstream>

#include "report/map.h"
#include "report/svg.h"
#include "store/series.h"
#include "store/stream.h"
#include "store/views.h"

namespace dyad::report {
namespace {

// The page needs nothing but its own inline CSS and SVG: no script runs, nothing
// is fetched, no form posts, links cannot change the base URL.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'";

constexpr const char* kCss = R"css(
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --bg:#f8fafc; --accent:#1d3557; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font:15px/1.5 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif; }
header { background:#1d3557; color:#fff; padding:22px 32px 18px; }
header h1 { margin:0 0 4px; font-size:24px; font-weight:650; letter-spacing:.2px; }
header p { margin:0; opacity:.85; font-size:13.5px; }
main { max-width:1060px; margin:0 auto; padding:18px 24px 40px; }
section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:18px 22px;
  margin:18px 0; box-shadow:0 1px 2px rgba(0,0,0,.04); }
h2 { font-size:18px; margin:0 0 10px; color:var(--accent); }
h3 { font-size:15px; margin:16px 0 6px; }
p.note { color:var(--muted); font-size:13px; margin:4px 0 10px; }
.cards { display:flex; flex-wrap:wrap; gap:12px; margin-bottom:8px; }
.card { flex:1 1 120px; border:1px solid var(--line); border-radius:8px; padding:10px 14px; }
.card b { display:block; font-size:22px; color:var(--accent); }
.card span { color:var(--muted); font-size:12.5px; }
table { border-collapse:collapse; width:100%; font-size:13.5px; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:#374151; background:#f3f4f6; }
td.n, th.n { text-align:right; font-variant-numeric:tabular-nums; }
tr:nth-child(even) td { background:#fcfcfd; }
.neg { color:#b91c1c; } .pos { color:#166534; }
.chart { overflow-x:auto; } .chart svg { max-width:100%; height:auto; display:block; margin:0 auto; }
.grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(470px, 1fr)); gap:6px 14px; }
.ev { border-top:1px solid var(--line); padding:12px 0; }
.ev:first-of-type { border-top:0; }
.ev .head { font-size:14px; }
.ev .meta { color:var(--muted); font-size:12.5px; }
.code { font-family:ui-monospace,"DejaVu Sans Mono",monospace; background:#eef2f7; border-radius:4px;
  padding:0 5px; font-size:12.5px; }
blockquote { margin:6px 0 0 0; padding:6px 12px; border-left:3px solid #cbd5e1; background:#f8fafc;
  font-size:14px; }
mark { border-radius:3px; padding:0 2px; }
mark.src { background:#dbeafe; } mark.tgt { background:#ede9fe; }
mark.trg { background:#fde68a; font-weight:600; }
.legend mark { margin-right:8px; }
.alert-z { color:#c1121f; font-weight:700; }
#alerts td:nth-child(-n+2) { white-space:nowrap; }
.q { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:4px; }
footer { color:var(--muted); font-size:12px; text-align:center; padding:10px 0 30px; }
)css";

std::string Signed(double v, int d = 1) { return (v > 0 ? "+" : "") + Num(v, d); }

std::string ValueClass(double v) { return v < 0 ? "neg" : v > 0 ? "pos" : ""; }

struct DyadStats {
  std::string source, target;
  int64_t events = 0, mentions = 0, articles = 0;
  double goldstein_sum = 0;
  int64_t goldstein_n = 0;
  int64_t quad[4] = {0, 0, 0, 0};
};

// Colour chips of the four quad classes and the Goldstein line.
std::string QuadLegendHtml(bool goldstein) {
  std::string h = "<p class=\"note legend\">";
  for (int q = 0; q < 4; ++q) {
    h += std::string("<span class=\"q\" style=\"background:") + kQuadColors[q] + "\"></span>" +
         kQuadLabels[q] + " &nbsp; ";
  }
  if (goldstein) {
    h += std::string("<span style=\"color:") + kGoldsteinColor +
         "\">━○━</span> mean Goldstein &nbsp; <span style=\"color:" + kAlertColor +
         "\">▲</span> alert";
  }
  return h + "</p>";
}

std::string ActorWithName(const ReportOptions& o, const std::string& key) {
  std::string name = o.actor_label ? o.actor_label(key) : "";
  if (name.empty() || name == key) return Esc(key);
  return Esc(key) + " <span class=\"meta\">(" + Esc(name) + ")</span>";
}

}  // namespace

bool IsWebUrl(std::string_view url) {
  auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (size_t i = 0; i < scheme.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

std::string HighlightEvidence(const store::Mention& m) {
  const Event& e = m.event;
  if (!m.text_stored && e.text.empty()) {
    return "<em>(the sentence is not stored: the store was ingested with --no-text)</em>";
  }
  const std::string& text = e.text;
  struct Mark {
    size_t b, e;
    const char* cls;
  };
  std::vector<Mark> marks;
  auto add = [&](Span sp, const std::string& words, const char* cls) {
    size_t b = std::string::npos, len = 0;
    if (m.sentence_begin >= 0 && sp.end > sp.begin && sp.begin >= m.sentence_begin &&
        static_cast<size_t>(sp.end - m.sentence_begin) <= text.size()) {
      b = sp.begin - static_cast<size_t>(m.sentence_begin);
      len = sp.end - sp.begin;
    } else if (!words.empty()) {
      b = text.find(words);
      len = words.size();
    }
    if (b != std::string::npos && len > 0) marks.push_back({b, b + len, cls});
  };
  add(e.source.span, e.source.name, "src");
  if (e.target) add(e.target->span, e.target->name, "tgt");
  add(e.trigger_span, e.trigger, "trg");
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.b < b.b; });
  std::string out;
  size_t pos = 0;
  for (const Mark& mk : marks) {
    if (mk.b < pos) continue;  // overlaps an earlier mark
    out += Esc(text.substr(pos, mk.b - pos));
    out += std::string("<mark class=\"") + mk.cls + "\">" + Esc(text.substr(mk.b, mk.e - mk.b)) +
           "</mark>";
    pos = mk.e;
  }
  out += Esc(text.substr(std::min(pos, text.size())));
  return out;
}

void EdgeBuilder::Add(const store::Mention& m) {
  if (m.target_key.empty()) return;
  NetworkEdge& e = edges_[{m.source_key, m.target_key}];
  e.source = m.source_key;
  e.target = m.target_key;
  ++e.events;
  if (m.event.goldstein) {
    e.goldstein_sum += *m.event.goldstein;
    ++e.goldstein_n;
  }
  if (m.event.quad_class >= 3) ++e.conflict;
  else if (m.event.quad_class >= 1) ++e.cooperation;
}

std::vector<NetworkEdge> EdgeBuilder::Edges() const {
  std::vector<NetworkEdge> out;
  for (const auto& [k, e] : edges_) out.push_back(e);
  return out;
}

std::vector<NetworkEdge> BuildEdges(const std::vector<store::Mention>& mentions,
                                    const std::vector<store::DedupEvent>& events) {
  EdgeBuilder b;
  for (const auto& ev : events) b.Add(mentions[ev.mentions[0]]);
  return b.Edges();
}

store::Period AutoPeriod(int first, int last) {
  const int span = last - first + 1;
  if (span <= 92) return store::Period::kDay;
  if (span <= 3 * 366) return store::Period::kWeek;
  return store::Period::kMonth;
}

namespace {

// A candidate for "Top events": the event, its representative and the (up
// to three) evidence mentions shown, from different stories first.
struct TopEvent {
  store::DedupEvent ev;  // mentions cleared
  store::Mention rep;
  std::vector<store::Mention> shown;
  double weight = 0;     // |Goldstein| x mentions
  size_t seq = 0;        // position in the event order (ties keep it)
};

// The ranking of "Top events": true when x comes before y.
bool TopBefore(const TopEvent& x, const TopEvent& y) {
  if (x.weight != y.weight) return x.weight > y.weight;
  if (x.ev.num_articles != y.ev.num_articles) return x.ev.num_articles > y.ev.num_articles;
  if (x.ev.num_mentions != y.ev.num_mentions) return x.ev.num_mentions > y.ev.num_mentions;
  if (x.ev.first_day != y.ev.first_day) return x.ev.first_day > y.ev.first_day;
  return x.seq < y.seq;
}

// The best `keep` events of a stream, in order; holds at most 2 x keep.
class TopEvents {
 public:
  explicit TopEvents(size_t keep) : keep_(keep) {}
  void Add(size_t seq, const store::DedupEvent& ev, const store::MentionSpan& ms) {
    if (keep_ == 0) return;
    TopEvent t;
    t.ev.num_articles = ev.num_articles;
    t.ev.num_mentions = ev.num_mentions;
    t.ev.num_sources = ev.num_sources;
    t.ev.first_day = ev.first_day;
    t.ev.last_day = ev.last_day;
    t.ev.is_root = ev.is_root;
    t.weight = std::fabs(ms[0]->event.goldstein.value_or(0)) * static_cast<double>(ev.num_mentions);
    t.seq = seq;
    if (full_ && !TopBefore(t, worst_)) return;
    t.rep = *ms[0];
    std::set<std::string> seen_stories;
    for (const store::Mention* m : ms) {
      if (t.shown.size() >= 3) break;
      if (seen_stories.insert(m->event.story_id).second) t.shown.push_back(*m);
    }
    kept_.push_back(std::move(t));
    if (kept_.size() >= 2 * keep_) Trim();
  }
  std::vector<TopEvent> Take() {
    Trim();
    return std::move(kept_);
  }

 private:
  void Trim() {
    std::sort(kept_.begin(), kept_.end(), TopBefore);
    if (kept_.size() > keep_) kept_.resize(keep_);
    if (kept_.size() == keep_) {
      full_ = true;
      worst_.weight = kept_.back().weight;
      worst_.ev = kept_.back().ev;
      worst_.seq = kept_.back().seq;
    }
  }
  size_t keep_;
  std::vector<TopEvent> kept_;
  bool full_ = false;
  TopEvent worst_;
};

}  // namespace

Result<std::string> BuildHtmlReport(store::EventStore& st, const ReportOptions& o,
                                    ReportData* data_out) {
  ReportData local;
  ReportData& d = data_out ? *data_out : local;
  auto daily = st.DailyDenominators();
  if (!daily.ok()) return daily.status();
  auto summary = st.Summary();
  if (!summary.ok()) return summary.status();
  const std::string from_date = o.from ? store::FormatDay(*o.from) : "";
  const std::string to_date = o.to ? store::FormatDay(*o.to) : "";
  // Without a range the report's mentions are all of them: one pass reads
  // them for the alerts and for the rest; with a range, a second pass reads
  // the range.
  const bool whole = !o.from && !o.to;

  // Range of the charts: the report's range, or the events' (in SQL).
  store::MentionQuery range_q;
  range_q.from = from_date;
  range_q.to = to_date;
  range_q.light = true;
  auto extent = st.MentionExtent(range_q);
  if (!extent.ok()) return extent.status();
  std::optional<std::pair<int, int>> range;
  if (extent->mentions > 0) {
    range = std::make_pair(store::ParseDay(extent->first).value_or(0),
                           store::ParseDay(extent->last).value_or(0));
  }
  int from = o.from ? *o.from : range ? range->first : 0;
  int to = o.to ? *o.to : range ? range->second : 0;
  store::SeriesOptions so;
  so.by = o.by;
  so.dedup = o.dedup;
  so.from = from;
  so.to = to;

  // What the range's events add up to, one event at a time.
  std::map<std::pair<std::string, std::string>, DyadStats> dyads;
  EdgeBuilder edges;
  MapBuilder places;
  TopEvents top_events(static_cast<size_t>(std::max(0, o.top_events)));
  std::optional<store::SeriesBuilder> overview;
  if (range && from <= to) overview.emplace("*", "*", *daily, so, from, to);
  std::unordered_set<std::string> driver_ids;  // representatives of the alerts' drivers
  std::unordered_set<std::string> range_reps;  // of those, the ones that are the range's
  auto on_range_event = [&](const store::DedupEvent& ev, const store::MentionSpan& ms) {
    const store::Mention& m = *ms[0];
    const size_t seq = static_cast<size_t>(d.events++);
    if (!driver_ids.empty() && driver_ids.count(m.event.id)) range_reps.insert(m.event.id);
    edges.Add(m);
    places.Add(m.event);
    if (overview) overview->AddEvent(ev, m);
    top_events.Add(seq, ev, ms);
    if (m.target_key.empty()) return;
    DyadStats& s = dyads[{m.source_key, m.target_key}];
    s.source = m.source_key;
    s.target = m.target_key;
    ++s.events;
    s.mentions += ev.num_mentions;
    if (m.event.goldstein) {
      s.goldstein_sum += *m.event.goldstein;
      ++s.goldstein_n;
    }
    if (m.event.quad_class >= 1 && m.event.quad_class <= 4) ++s.quad[m.event.quad_class - 1];
  };
  auto on_range_mention = [&](const store::Mention& m) {
    ++d.mentions;
    if (overview) overview->AddMention(m);
  };

  // Alerts over all history (their baselines reach before the range).
  store::AlertOptions ao = o.alerts;
  ao.by = o.by;
  ao.dedup = o.dedup;
  store::AlertBuilder alert_cells(ao, /*keep_drivers=*/false);
  {
    store::EventStream history(o.dedup, [&](const store::DedupEvent& ev, const store::MentionSpan& ms) {
      alert_cells.AddEvent(history.events() - 1, ev, *ms[0]);
      if (whole) on_range_event(ev, ms);
    });
    store::MentionQuery light_query;
    light_query.light = true;
    DYAD_RETURN_IF_ERROR(st.ForEachMention(light_query, [&](store::Mention&& m) {
      if (whole) on_range_mention(m);
      history.Add(std::move(m));
      return true;
    }));
    history.Finish();
  }
  for (auto& a : alert_cells.Finish(*daily)) {
    auto in_range = [&](int day) { return (!o.from || day >= *o.from) && (!o.to || day <= *o.to); };
    if (!in_range(a.start) && !in_range(store::NextPeriod(a.start, o.by) - 1)) continue;
    d.alerts.push_back(std::move(a));
  }
  DYAD_RETURN_IF_ERROR(
      store::FillAlertDrivers(st, ao, &d.alerts, &d.driver_events, &d.driver_mentions));
  if (!whole) {
    // A driver is shown when it is an event of the range too (the range's
    // own deduplication may cut an event at its start).
    for (const store::Mention& m : d.driver_mentions) driver_ids.insert(m.event.id);
    store::EventStream in(o.dedup, on_range_event);
    DYAD_RETURN_IF_ERROR(st.ForEachMention(range_q, [&](store::Mention&& m) {
      on_range_mention(m);
      in.Add(std::move(m));
      return true;
    }));
    in.Finish();
    for (store::Alert& a : d.alerts) {
      std::vector<size_t> kept;
      for (size_t i : a.drivers) {
        const auto& rep = d.driver_mentions[d.driver_events[i].mentions[0]];
        if (range_reps.count(rep.event.id)) kept.push_back(i);
      }
      a.drivers = std::move(kept);
    }
  }
  d.edges = edges.Edges();

  // Dyads by deduplicated events; their articles counted in SQL.
  auto articles = st.DyadArticles(from_date, to_date);
  if (!articles.ok()) return articles.status();
  std::vector<DyadStats> top;
  for (auto& [k, s] : dyads) {
    auto it = articles->find(k);
    s.articles = it == articles->end() ? 0 : it->second;
    top.push_back(s);
  }
  std::stable_sort(top.begin(), top.end(), [](const DyadStats& a, const DyadStats& b) {
    if (a.events != b.events) return a.events > b.events;
    return a.mentions > b.mentions;
  });

  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kContentSecurityPolicy << "\">"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    << "<title>" << Esc(o.title) << "</title><style>" << kCss << "</style></head><body>\n";
  h << "<header><h1>" << Esc(o.title) << "</h1><p>"
    << (o.db_name.empty() ? "" : "store <b>" + Esc(o.db_name) + "</b> · ");
  if (range) {
    h << "events " << store::FormatDay(from) << " to " << store::FormatDay(to) << " · ";
  }
  h << store::PeriodAdjective(o.by) << " periods · coder " << Esc(summary->coder) << " · dictionary "
    << Esc(summary->dictionary) << "</p></header>\n<main>\n";

  // Summary and coverage: the report's range, or every story date.
  int cov_from = from, cov_to = to;
  bool have_cov = range.has_value() || !daily->empty();
  if (!o.from && !daily->empty()) cov_from = range ? std::min(from, daily->begin()->first) : daily->begin()->first;
  if (!o.to && !daily->empty()) cov_to = range ? std::max(to, daily->rbegin()->first) : daily->rbegin()->first;
  int64_t stories_in_range = 0, sentences_in_range = 0;
  std::map<int, int64_t> per_period;
  for (const auto& [day, den] : *daily) {
    if (day < cov_from || day > cov_to) continue;
    stories_in_range += den.stories;
    sentences_in_range += den.sentences;
    per_period[store::PeriodStart(day, o.by)] += den.stories;
  }
  h << "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">";
  auto card = [&](const std::string& v, const std::string& label) {
    h << "<div class=\"card\"><b>" << v << "</b><span>" << label << "</span></div>";
  };
  card(std::to_string(stories_in_range), "stories processed");
  card(std::to_string(sentences_in_range), "sentences processed");
  card(std::to_string(d.mentions), "event mentions");
  card(std::to_string(d.events), "deduplicated events");
  card(std::to_string(dyads.size()), "directed dyads");
  card(std::to_string(d.alerts.size()), "alerts");
  h << "</div><p class=\"note\">A <b>mention</b> is one coded event in one sentence. Mentions of the "
       "same dyad and CAMEO code within "
    << o.dedup.window_days << " day" << (o.dedup.window_days == 1 ? "" : "s")
    << " are one <b>deduplicated event</b> (GDELT's NumMentions / NumSources / NumArticles). "
       "Stories processed per period (the denominator, including stories that gave no "
       "event):</p>";
  std::vector<std::pair<int, int64_t>> coverage;
  if (have_cov) {
    for (int p = store::PeriodStart(cov_from, o.by); p <= cov_to; p = store::NextPeriod(p, o.by)) {
      auto it = per_period.find(p);
      coverage.push_back({p, it == per_period.end() ? 0 : it->second});
    }
  }
  h << "<div class=\"chart\">" << CoverageSvg(coverage, o.by) << "</div></section>\n";

  // Overview timeline.
  h << "<section id=\"overview\"><h2>All events</h2><p class=\"note\">Deduplicated events of all "
       "dyads per "
    << store::PeriodName(o.by)
    << ", stacked by GDELT quad class, with the mean Goldstein score (−10 conflict … +10 "
       "cooperation) on the right axis. Hover a bar or point for its numbers.</p>";
  {
    TimelinePanel p;
    p.label = "all dyads";
    if (overview) p.rows = std::move(*overview).Rows();
    TimelineOptions to_opt;
    h << "<div class=\"chart\">" << TimelineSvg({p}, o.by, to_opt) << "</div>";
  }
  h << "</section>\n";

  // Alerts.
  h << "<section id=\"alerts\"><h2>Alerts</h2><p class=\"note\">A dyad-" << store::PeriodName(o.by)
    << " alerts when its conflict level L (sum of max(0, −Goldstein) over its deduplicated "
       "events) departs from its own trailing baseline: z = (L − mean) / max(sd, "
    << Num(o.alerts.sd_floor) << ") over the previous " << o.alerts.baseline << " observed "
    << store::PeriodName(o.by) << "s (at least " << o.alerts.min_baseline << "), alert when z ≥ "
    << Num(o.alerts.z) << " and L ≥ " << Num(o.alerts.min_level) << ".</p>";
  if (d.alerts.empty()) {
    h << "<p>No alerts in this range.</p>";
  } else {
    std::vector<const store::Alert*> shown;
    for (const auto& a : d.alerts) shown.push_back(&a);
    std::stable_sort(shown.begin(), shown.end(), [](const store::Alert* a, const store::Alert* b) {
      return a->start > b->start;
    });
    if (static_cast<int>(shown.size()) > o.max_alerts) shown.resize(o.max_alerts);
    h << "<table><tr><th>" << store::PeriodName(o.by)
      << "</th><th>dyad</th><th class=\"n\">level</th><th class=\"n\">baseline</th><th "
         "class=\"n\">z</th><th class=\"n\">events</th><th>what drove it</th></tr>";
    for (const store::Alert* a : shown) {
      h << "<tr><td>" << Esc(store::PeriodLabel(a->start, o.by)) << "</td><td>" << Esc(a->source)
        << " → " << Esc(a->target) << "</td><td class=\"n\">" << Num(a->level, 1)
        << "</td><td class=\"n\">" << Num(a->score.mean, 1) << " ± " << Num(a->score.sd, 1)
        << "</td><td class=\"n alert-z\">" << Num(a->score.z, 1) << "</td><td class=\"n\">"
        << a->events << "</td><td>";
      for (size_t k = 0; k < a->drivers.size() && k < 2; ++k) {
        const auto& ev = d.driver_events[a->drivers[k]];
        DYAD_RETURN_IF_ERROR(st.FillText(&d.driver_mentions[ev.mentions[0]]));
        const auto& m = d.driver_mentions[ev.mentions[0]];
        h << (k ? "<br>" : "") << "<span class=\"code\">" << Esc(m.event.code) << "</span> "
          << HighlightEvidence(m);
      }
      if (a->drivers.size() > 2) h << "<br><span class=\"meta\">… and " << a->drivers.size() - 2 << " more</span>";
      h << "</td></tr>";
    }
    h << "</table>";
  }
  h << "</section>\n";

  // Timelines of the busiest dyads, two a row.
  h << "<section id=\"timelines\"><h2>Timelines of the busiest dyads</h2><p class=\"note\">"
       "Deduplicated events per "
    << store::PeriodName(o.by)
    << " by quad class (bars, left axis) and their mean Goldstein score (line, right axis).</p>"
    << QuadLegendHtml(true) << "<div class=\"grid\">";
  if (top.empty()) h << "<p>No events with both a source and a target.</p>";
  for (int i = 0; i < std::min<int>(o.timelines, static_cast<int>(top.size())); ++i) {
    const DyadStats& s = top[i];
    TimelinePanel p;
    p.label = s.source + " → " + s.target;
    {
      // The dyad's mentions in the range, streamed (as BuildSeries over them).
      std::optional<store::SeriesBuilder> series;
      if (from <= to) series.emplace(s.source, s.target, *daily, so, from, to);
      store::EventStream events(o.dedup, [&](const store::DedupEvent& ev, const store::MentionSpan& ms) {
        if (series) series->AddEvent(ev, *ms[0]);
      });
      store::MentionQuery q = range_q;
      q.source = s.source;
      q.target = s.target;
      DYAD_RETURN_IF_ERROR(st.ForEachMention(q, [&](store::Mention&& m) {
        if (m.source_key != s.source || m.target_key != s.target) return true;
        if (series) series->AddMention(m);
        events.Add(std::move(m));
        return true;
      }));
      events.Finish();
      if (series) p.rows = std::move(*series).Rows();
    }
    for (const auto& a : d.alerts) {
      if (a.source == s.source && a.target == s.target) p.alerts.push_back(a);
    }
    TimelineOptions to_opt;
    to_opt.width = 490;
    to_opt.panel_height = 250;
    to_opt.compact = true;
    h << "<div class=\"chart\">" << TimelineSvg({p}, o.by, to_opt) << "</div>";
  }
  h << "</div></section>\n";

  // Map.
  {
    std::vector<MapPoint> points = places.Points();
    int64_t placed = 0;
    for (const MapPoint& p : points) placed += p.events;
    h << "<section id=\"map\"><h2>Where</h2><p class=\"note\">Where the deduplicated events "
         "happened (each event's location: a city, a first-level division or a country; "
         "docs/OUTPUT_FORMAT.md); point area by events, colour by their most frequent quad "
         "class. "
      << placed << " of " << d.events << " events placed at " << points.size()
      << " place" << (points.size() == 1 ? "" : "s") << ".</p>";
    h << "<div class=\"chart\">" << WorldMapSvg(points) << "</div></section>\n";
  }

  // Network.
  h << "<section id=\"network\"><h2>Actor network</h2><p class=\"note\">Directed edges between "
       "actors (country or group) over the report's range; width by deduplicated events, colour "
       "by their mean Goldstein score.</p>";
  NetworkOptions no;
  h << "<div class=\"chart\">" << NetworkSvg(d.edges, no) << "</div></section>\n";

  // Top dyads.
  h << "<section id=\"dyads\"><h2>Top dyads</h2>";
  h << QuadLegendHtml(false);
  h << "<table><tr><th>source</th><th>target</th><th class=\"n\">events</th><th "
       "class=\"n\">mentions</th><th class=\"n\">articles</th><th class=\"n\">Goldstein "
       "sum</th><th class=\"n\">mean</th><th>quad classes</th></tr>";
  int64_t max_events = top.empty() ? 1 : top[0].events;
  for (int i = 0; i < std::min<int>(o.top_dyads, static_cast<int>(top.size())); ++i) {
    const DyadStats& s = top[i];
    double mean = s.goldstein_n ? s.goldstein_sum / s.goldstein_n : 0;
    h << "<tr><td>" << ActorWithName(o, s.source) << "</td><td>" << ActorWithName(o, s.target)
      << "</td><td class=\"n\">" << s.events << "</td><td class=\"n\">" << s.mentions
      << "</td><td class=\"n\">" << s.articles << "</td><td class=\"n " << ValueClass(s.goldstein_sum)
      << "\">" << Signed(s.goldstein_sum) << "</td><td class=\"n " << ValueClass(mean) << "\">"
      << Signed(mean, 2) << "</td><td>" << QuadBarSvg(s.quad, max_events) << "</td></tr>";
  }
  h << "</table></section>\n";

  // Top events with evidence: weight how strong (|Goldstein|) times how
  // often reported (mentions), so a much-repeated Goldstein-0 statement does
  // not top the list (the best of them kept while streaming, TopEvents).
  std::vector<TopEvent> best = top_events.Take();
  h << "<section id=\"events\"><h2>Top events</h2><p class=\"note legend\">Ranked by "
       "|Goldstein| &times; mentions, then articles. Evidence: <mark class=\"src\">source</mark><mark "
       "class=\"tgt\">target</mark><mark class=\"trg\">trigger</mark></p>";
  for (TopEvent& t : best) {
    const store::DedupEvent& ev = t.ev;
    const store::Mention& rep = t.rep;
    const Event& e = rep.event;
    std::string label = o.event_label ? o.event_label(e.code) : "";
    double g = e.goldstein.value_or(0);
    h << "<div class=\"ev\"><div class=\"head\"><b>" << Esc(e.date) << "</b> &nbsp; "
      << Esc(rep.source_key) << " → " << Esc(rep.target_key.empty() ? "—" : rep.target_key)
      << " &nbsp; <span class=\"code\">" << Esc(e.code) << "</span> " << Esc(label)
      << (e.plover.empty() ? "" : " · PLOVER " + Esc(e.plover)) << " · Goldstein <span class=\""
      << ValueClass(g) << "\">" << Signed(g) << "</span></div><div class=\"meta\">"
      << ev.num_mentions << " mention" << (ev.num_mentions == 1 ? "" : "s") << ", "
      << ev.num_articles << " article" << (ev.num_articles == 1 ? "" : "s") << ", "
      << ev.num_sources << " source" << (ev.num_sources == 1 ? "" : "s")
      << (ev.is_root ? " · lead paragraph" : "") << "</div>";
    // Up to three evidence sentences, from different stories first.
    for (store::Mention& m : t.shown) {
      DYAD_RETURN_IF_ERROR(st.FillText(&m));
      h << "<blockquote>" << HighlightEvidence(m) << "<div class=\"meta\">" << Esc(m.event.story_id)
        << ", sentence " << m.event.sentence + 1
        << (m.publisher.empty() ? "" : " · " + Esc(m.publisher));
      if (IsWebUrl(m.url)) h << " · <a href=\"" << Esc(m.url) << "\">source</a>";
      h << "</div></blockquote>";
    }
    h << "</div>";
  }
  if (d.events == 0) h << "<p>No events.</p>";
  h << "</section>\n";

  h << "</main><footer>Generated by " << Esc(summary->coder.empty() ? "dyad" : summary->coder)
    << (o.generated.empty() ? "" : " on " + Esc(o.generated))
    << " · one self-contained page: no scripts, no external resources.</footer>\n</body></html>\n";
  return h.str();
}

}  // namespace dyad::report
