#include "store/store.h"

#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "io/writer.h"
#include "store/dates.h"
#include "store/schema_v3.h"
#include "text/strings.h"

namespace dyad::store {
namespace {

constexpr const char* kEventColumns =
    "event_id, story_id, sentence, date, pub_date, parent_id, "
    "source_code, source_name, source_country, source_group, source_types, source_key, "
    "source_begin, source_end, "
    "target_code, target_name, target_country, target_group, target_types, target_key, "
    "target_begin, target_end, "
    "code, root, goldstein, quad_class, plover, plover_mode, "
    "text, sentence_begin, trigger, trigger_begin, trigger_end, pattern, pattern_origin, "
    "confidence, notes, is_root, location, date_rule";

// An event's text as the reader sees it: its own, or ('') its story's text
// at its sentence; `e`, `s` and `n` are the events, stories and sentences rows.
constexpr const char* kEventText =
    "CASE WHEN e.text <> '' THEN e.text ELSE "
    "CAST(substr(CAST(s.text AS BLOB), n.begin + 1, n.end - n.begin) AS TEXT) END";
// The same from version 4, where the story's text is compressed.
constexpr const char* kEventTextV4 =
    "CASE WHEN e.text <> '' THEN e.text ELSE "
    "CAST(substr(sqlar_uncompress(s.text, s.text_size), n.begin + 1, n.end - n.begin) AS TEXT) "
    "END";

uint64_t Fnv(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string::npos) e = s.size();
    if (e > b) out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// The "location" object of io::LocationToJson, read back; none when the
// text is empty or not such an object.
std::optional<EventLocation> LocationFromJson(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  EventLocation l;
  auto str = [&](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  l.name = str("name");
  l.country = str("country");
  l.admin1 = str("admin1");
  l.admin1_code = str("admin1_code");
  l.type = str("type");
  l.how = str("how");
  if (auto it = j.find("lat"); it != j.end() && it->is_number()) l.lat = it->get<double>();
  if (auto it = j.find("lon"); it != j.end() && it->is_number()) l.lon = it->get<double>();
  if (auto it = j.find("geonames_id"); it != j.end() && it->is_number_integer()) {
    l.geonames_id = it->get<int64_t>();
  }
  if (auto it = j.find("span"); it != j.end() && it->is_array() && it->size() == 2 &&
                                 (*it)[0].is_number_unsigned() && (*it)[1].is_number_unsigned()) {
    l.span = Span{(*it)[0].get<uint32_t>(), (*it)[1].get<uint32_t>()};
  }
  return l;
}

// "2025-03-14T09:30:00Z" -> "20250314093000".
std::string CompactTime(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// "a, b" -> "e.a, e.b".
std::string Qualified(const char* columns, const char* prefix) {
  std::string out;
  for (const std::string& c : Split(columns, ',')) {
    std::string name = c[0] == ' ' ? c.substr(1) : c;
    out += (out.empty() ? "" : ", ") + std::string(prefix) + name;
  }
  return out;
}

}  // namespace

std::string DyadKey(const Actor& a) {
  if (a.group == "NAT") return "NATO";
  if (a.group == "EEC") return "EU";
  if (a.group == "UNO") return "UN";
  if (a.group == "AFU") return "AU";
  if (!a.country.empty()) return a.country;
  // A regional organisation is keyed by its CAMEO region (ECOWAS,
  // IGOWAFWAS -> WAF), as event data users and gold coders write it.
  static const std::set<std::string_view> kRegions = {
      "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
      "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"};
  if (a.code.size() >= 9 && a.code.compare(0, 3, "IGO") == 0 &&
      kRegions.count(std::string_view(a.code).substr(3, 3)) > 0) {
    return a.code.substr(3, 3);
  }
  if (!a.group.empty()) return a.group;
  return a.code;
}

std::string NormalizeDyadArg(std::string_view arg) {
  std::string s(arg);
  for (char& c : s) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  if (s == "NAT") return "NATO";
  if (s == "EEC") return "EU";
  if (s == "UNO") return "UN";
  if (s == "AFU") return "AU";
  return s;
}

std::string StoryFingerprint(const Story& s, const std::string& coder,
                             const std::string& dictionary) {
  uint64_t h = Fnv(s.date);
  for (const std::string* part : {&s.source, &s.url, &s.text, &coder, &dictionary}) {
    h = Fnv("\x1f", h);
    h = Fnv(*part, h);
  }
  char buf[20];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

uint32_t LeadParagraph(const std::vector<SentenceInfo>& sentences) {
  for (const SentenceInfo& s : sentences) {
    if (!s.heading) return s.paragraph;
  }
  return 0;
}

namespace {

// A store about to be written: a damaged page (of an index too, which
// reading the schema version does not touch) is refused rather than written
// around. quick_check reads every page once (about a second per GB).
Status QuickCheck(sqlite::Db& db) {
  sqlite::Stmt check(db, "PRAGMA quick_check(3)");
  std::string problems;
  for (sqlite::Step r; (r = check.Next()) != sqlite::Step::kDone;) {
    if (r == sqlite::Step::kError) {
      problems = db.Error();
      break;
    }
    if (check.Text(0) == "ok") continue;
    if (!problems.empty()) problems += "; ";
    for (char c : check.Text(0)) problems += c == '\n' ? ' ' : c;
  }
  check.Reset();
  if (problems.empty()) return Status::Ok();
  return Status::DataLoss(db.path() + ": the store is damaged (" + problems +
                          "); not written. Ingest into a new store, or recover this one "
                          "with sqlite3's .recover");
}

}  // namespace

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path, Mode mode) {
  auto db = mode == Mode::kReadOnly ? sqlite::Db::OpenReadOnly(path)
                                    : sqlite::Db::Open(path, mode == Mode::kCreate);
  if (!db.ok()) return db.status();
  std::unique_ptr<EventStore> store(new EventStore(std::move(*db)));
  Status st = store->Init(mode);
  if (!st.ok()) return st;
  if (mode != Mode::kReadOnly) {
    st = QuickCheck(*store->db_);
    if (!st.ok()) return st;
  }
  return store;
}

Status EventStore::Init(Mode mode) {
  // WAL: readers never block the writer, and a killed writer leaves the
  // last committed transaction intact. NORMAL sync is safe in WAL mode (a
  // power cut may lose the last commits, never corrupt the file).
  // A larger page cache and fewer checkpoints keep big batches from writing
  // the same pages over and over.
  // Turning a new file to WAL takes an exclusive lock. While another process
  // creates the same store SQLite may answer SQLITE_BUSY at once (waiting
  // could deadlock), so the switch is retried for as long as the busy
  // timeout would have waited.
  for (int waited_ms = 0; mode != Mode::kReadOnly; waited_ms += 10) {
    Status wal = db_->Exec("PRAGMA journal_mode=WAL");
    if (wal.ok()) break;
    if (db_->Corrupt()) {
      // The pragma reads the schema, which spans more than the first page.
      return Status::DataLoss(db_->Error() + " (reading the store's schema version)");
    }
    if (!db_->Busy() || waited_ms >= sqlite::kBusyTimeoutMs) return wal;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (mode != Mode::kReadOnly) {
    // The WAL is copied into the file every 16,384 pages (64 MB), not every
    // 4,096: a bulk load rewrites the same index pages less often (about 13%
    // less CPU for ingest). The WAL file is cut back to 64 MB after a checkpoint.
    DYAD_RETURN_IF_ERROR(db_->Exec(
        "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384; "
        "PRAGMA journal_size_limit=67108864;"));
  }
  bool exists = false, empty = false;
  {
    // The statements of this check are finalised before BEGIN IMMEDIATE
    // below: a statement left mid-step holds a read transaction, and SQLite
    // reports a deadlock (SQLITE_BUSY at once, no busy timeout) when a
    // connection reading asks to write while another is writing.
    // Both counts in one statement, so one snapshot: read apart, another
    // process's store created in between looked like "tables but no meta",
    // not a dyad store.
    sqlite::Stmt has_meta(*db_,
                          "SELECT (SELECT count(*) FROM sqlite_master WHERE name='meta'), "
                          "(SELECT count(*) FROM sqlite_master)");
    const sqlite::Step step = has_meta.Next();
    if (step == sqlite::Step::kError) {
      // A damaged file: the schema (over more than the first page since
      // version 3) reads as "database disk image is malformed".
      return Status::DataLoss(db_->Error() + " (reading the store's schema version)");
    }
    if (step != sqlite::Step::kRow) return Status::Internal(db_->Error());
    exists = has_meta.Int(0) > 0;
    empty = has_meta.Int(1) == 0;
    has_meta.Reset();
  }
  if (!exists) {
    if (!empty) return Status::InvalidArgument(db_->path() + ": not a dyad event store");
    if (mode != Mode::kCreate) {
      return Status::InvalidArgument(db_->path() + ": empty database, not a dyad event store");
    }
    // One transaction: a store killed while it is being created is empty,
    // never half a schema. Another process may create it first, while this
    // one waits: the schema is IF NOT EXISTS and the version is rewritten.
    sqlite::Transaction tx(*db_);
    DYAD_RETURN_IF_ERROR(tx.status());
    DYAD_RETURN_IF_ERROR(db_->Exec(kSchemaV4));
    {
      sqlite::Stmt put(*db_,
                       "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)");
      put.Bind(1, std::to_string(kSchemaVersion));
      DYAD_RETURN_IF_ERROR(put.Run());
    }
    DYAD_RETURN_IF_ERROR(tx.Commit());
  } else {
    sqlite::Stmt v(*db_, "SELECT value FROM meta WHERE key='schema_version'");
    const sqlite::Step step = v.Next();
    if (step == sqlite::Step::kError) {
      // A damaged file (zeroed pages read as "database disk image is malformed").
      return Status::DataLoss(db_->Error() + " (reading the store's schema version)");
    }
    if (step != sqlite::Step::kRow) {
      return Status::InvalidArgument(db_->path() +
                                     ": no store schema version, not a dyad event store");
    }
    const std::string version = v.Text(0);
    v.Reset();
    if (version != "1" && version != "2" && version != "3" &&
        version != std::to_string(kSchemaVersion)) {
      return Status::InvalidArgument(db_->path() + ": store schema version " + version +
                                     ", this dyad reads versions 1 to " +
                                     std::to_string(kSchemaVersion));
    }
    version_ = std::stoi(version);
  }
  if (version_ >= 3 && mode != Mode::kReadOnly) {
    // Indexes a killed bulk load left out (BeginBulkLoad).
    if (version_ >= 4) DYAD_RETURN_IF_ERROR(BuildIdIndex(nullptr, nullptr));
    DYAD_RETURN_IF_ERROR(db_->Exec(kReaderIndexesV3));
  }
  if (version_ < 3) {
    // Stores made before events had a location: the column is added (an
    // added column is NULL in every old row); a read-only store reads none.
    sqlite::Stmt cols(*db_, "SELECT COUNT(*) FROM pragma_table_info('events') WHERE name='location'");
    if (cols.Next() == sqlite::Step::kRow && cols.Int(0) == 0) {
      has_location_ = mode != Mode::kReadOnly &&
                      db_->Exec("ALTER TABLE events ADD COLUMN location TEXT").ok();
    }
    cols.Reset();
    // Stores made before events had a date_rule column: the column is added
    // on the first write (its default, 'pub_date', is what those events had).
    sqlite::Stmt col(*db_, "SELECT count(*) FROM pragma_table_info('events') WHERE name='date_rule'");
    if (col.Next() != sqlite::Step::kRow) return Status::Internal(db_->Error());
    has_date_rule_ = col.Int(0) > 0;
    col.Reset();
    if (!has_date_rule_ && mode != Mode::kReadOnly) {
      DYAD_RETURN_IF_ERROR(
          db_->Exec("ALTER TABLE events ADD COLUMN date_rule TEXT NOT NULL DEFAULT 'pub_date'"));
      has_date_rule_ = true;
    }
    // Versions 1 and 2 are read as they are; the first writer rewrites
    // them as version 3 (MigrateToV3, one transaction), then as version 4.
    if (mode != Mode::kReadOnly) {
      DYAD_RETURN_IF_ERROR(MigrateToV3());
      version_ = 3;
      has_location_ = has_date_rule_ = true;
    }
  }
  if (version_ == 3 && mode != Mode::kReadOnly) {
    DYAD_RETURN_IF_ERROR(MigrateV3ToV4());
    version_ = kSchemaVersion;
  }
  return Status::Ok();
}

Result<std::string> EventStore::StoredFingerprint(const std::string& story_id) {
  if (!select_fp_) {
    select_fp_ = std::make_unique<sqlite::Stmt>(
        *db_, "SELECT fingerprint FROM stories WHERE story_id = ?");
  }
  sqlite::Stmt& st = *select_fp_;
  st.Reset();
  st.Bind(1, story_id);
  sqlite::Step r = st.Next();
  if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
  std::string fp = r == sqlite::Step::kRow ? st.Text(0) : "";
  st.Reset();
  return fp;
}

namespace {

// The WHERE conditions of a MentionQuery on the events table `e`, each
// " AND …" with its values appended to *binds in order. `version` 3 or more:
// on a `mentions` table (day numbers, stories by sid; from version 4 a
// story's mentions are the rows from its first_mention).
std::string MentionFilter(const MentionQuery& q, std::vector<std::string>* binds,
                          int version = 2) {
  const bool v3 = version >= 3;
  std::string where;
  auto day_bound = [&](const std::string& date, const char* op) {
    std::optional<int> d = ParseDay(date);
    if (v3 && d) {
      where += std::string(" AND e.day ") + op + " " + std::to_string(*d);
    } else {
      where += std::string(" AND e.") + (v3 ? "day " : "date ") + op + " ?";
      binds->push_back(date);
    }
  };
  if (!q.from.empty()) day_bound(q.from, ">=");
  if (!q.to.empty()) day_bound(q.to, "<=");
  if (!q.story_id.empty() && version >= 4) {
    where +=
        " AND e.rowid >= (SELECT first_mention FROM stories WHERE story_id = ?) AND e.rowid < "
        "(SELECT first_mention + events_count FROM stories WHERE story_id = ?)";
    binds->push_back(q.story_id);
    binds->push_back(q.story_id);
  } else if (!q.story_id.empty()) {
    where += v3 ? " AND e.sid = (SELECT sid FROM stories WHERE story_id = ?)"
                : " AND e.story_id = ?";
    binds->push_back(q.story_id);
  }
  auto any = [](const std::string& k) { return k.empty() || k == "*"; };
  auto dir = [&](const std::string& a, const std::string& b) {
    std::string c = "(1";
    if (!any(a)) {
      c += " AND e.source_key = ?";
      binds->push_back(a);
    }
    if (!any(b)) {
      c += " AND e.target_key = ?";
      binds->push_back(b);
    }
    return c + ")";
  };
  if (!any(q.source) || !any(q.target)) {
    std::string fwd = dir(q.source, q.target);
    if (q.both) {
      std::string rev = dir(q.target, q.source);
      where += " AND (" + fwd + " OR " + rev + ")";
    } else {
      where += " AND " + fwd;
    }
  }
  return where;
}

// A version 3 event id as text (as the `events` view shows it).
constexpr const char* kEventIdV3 =
    "CASE WHEN typeof(e.event_id) = 'integer' THEN printf('%016x', e.event_id) ELSE e.event_id "
    "END";

}  // namespace

std::string EventStore::SelectV2(const MentionQuery& q, const std::string& suffix,
                                 std::vector<std::string>* binds) const {
  std::string columns = Qualified(kEventColumns, "e.");
  // A store written before events had a date_rule has none: every date
  // there is the story's (the column is added when such a store is written).
  if (!has_date_rule_) columns.replace(columns.rfind("e.date_rule"), 11, "'pub_date'");
  if (!has_location_) columns.replace(columns.rfind("e.location"), 10, "NULL");
  if (q.light) {
    for (const char* c : {"e.source_name", "e.target_name", "e.text", "e.trigger", "e.pattern_origin",
                          "e.pattern", "e.notes"}) {
      size_t at = columns.find(std::string(c) + ",");
      if (at != std::string::npos) columns.replace(at, std::string(c).size(), "''");
    }
  }
  const std::string tail = ", s.publisher, s.url, s.ingested_at, s.coder, s.dictionary, 1 ";
  std::string sql;
  if (q.light) {
    sql = "SELECT " + columns + tail + "FROM events" + suffix + " e JOIN stories" + suffix +
          " s USING (story_id) WHERE 1";
  } else {
    columns.replace(columns.find("e.text,"), 6, kEventText);
    sql = "SELECT " + columns + tail + "FROM events" + suffix + " e JOIN stories" + suffix +
          " s USING (story_id) LEFT JOIN sentences" + suffix +
          " n ON n.story_id = e.story_id AND n.sentence = e.sentence WHERE 1";
  }
  sql += MentionFilter(q, binds);
  sql += " ORDER BY e.date, e.story_id, e.sentence, e.event_id";
  return sql;
}

std::string EventStore::SelectV3(const MentionQuery& q, std::vector<std::string>* binds) const {
  const bool light = q.light;
  const bool v4 = version_ >= 4;
  std::string sql = std::string("SELECT ") + kEventIdV3 +
                    ", s.story_id, e.sentence, " + DayText("e.day") + ", " +
                    DayText("COALESCE(e.pub_day, e.day)") + ", e.parent_id, "
                    "a.code, " + (light ? "''" : "a.name") +
                    ", a.country, a.grp, a.types, e.source_key, e.source_begin, e.source_end, "
                    "b.code, " + (light ? "''" : "b.name") +
                    ", b.country, b.grp, b.types, e.target_key, e.target_begin, e.target_end, "
                    "k.code, k.root, k.goldstein, k.quad_class, k.plover, k.plover_mode, " +
                    (light || !q.sentence ? "''" : v4 ? kEventTextV4 : kEventText) +
                    ", e.sentence_begin, " +
                    (light ? "''" : "h.trigger") + ", e.trigger_begin, e.trigger_end, " +
                    (light ? "'', ''" : "h.pattern, h.pattern_origin") + ", h.confidence, " +
                    (light ? "''" : "h.notes") +
                    ", e.is_root, e.place, p.name, p.country, p.admin1, p.admin1_code, p.lat, "
                    "p.lon, p.geonames_id, p.type, p.how, e.place_begin, e.place_end, "
                    "h.date_rule, s.publisher, s.url, " +
                    (v4 ? "g.ingested_at, g.coder, g.dictionary, "
                        : "s.ingested_at, s.coder, s.dictionary, ") +
                    "s.text IS NOT NULL "
                    "FROM mentions e JOIN stories s ON s.sid = e.sid " +
                    (v4 ? "JOIN batches g ON g.id = s.batch " : "") +
                    "JOIN actors a ON a.id = e.source_actor "
                    "LEFT JOIN actors b ON b.id = e.target_actor "
                    "JOIN kinds k ON k.id = e.kind JOIN hows h ON h.id = e.how "
                    "LEFT JOIN places p ON p.id = e.place ";
  if (!light && q.sentence) {
    sql += "LEFT JOIN sentence_rows n ON n.sid = e.sid AND n.sentence = e.sentence ";
  }
  sql += "WHERE 1";
  sql += MentionFilter(q, binds, version_);
  sql += std::string(" ORDER BY e.day, s.story_id, e.sentence, ") + kEventIdV3;
  return sql;
}

Status EventStore::Decode(sqlite::Stmt& st, Mention* mp) const {
  Mention& m = *mp;
  Event& e = m.event;
  int c = 0;
  e.id = st.Text(c++);
  e.story_id = st.Text(c++);
  e.sentence = static_cast<int>(st.Int(c++));
  e.date = st.Text(c++);
  e.pub_date = st.Text(c++);
  e.parent_id = st.Text(c++);
  e.source.code = st.Text(c++);
  e.source.name = st.Text(c++);
  e.source.country = st.Text(c++);
  e.source.group = st.Text(c++);
  e.source.types = Split(st.Text(c++), ' ');
  m.source_key = st.Text(c++);
  e.source.span.begin = static_cast<uint32_t>(st.Int(c++));
  e.source.span.end = static_cast<uint32_t>(st.Int(c++));
  if (!st.IsNull(c)) {
    Actor t;
    t.code = st.Text(c);
    t.name = st.Text(c + 1);
    t.country = st.Text(c + 2);
    t.group = st.Text(c + 3);
    t.types = Split(st.Text(c + 4), ' ');
    t.span.begin = static_cast<uint32_t>(st.Int(c + 6));
    t.span.end = static_cast<uint32_t>(st.Int(c + 7));
    e.target = std::move(t);
  }
  m.target_key = st.Text(c + 5);
  c += 8;
  e.code = st.Text(c++);
  e.root = st.Text(c++);
  if (!st.IsNull(c)) e.goldstein = st.Double(c);
  ++c;
  e.quad_class = static_cast<int>(st.Int(c++));
  e.plover = st.Text(c++);
  e.plover_mode = st.Text(c++);
  e.text = st.Text(c++);
  m.sentence_begin = st.Int(c++);
  e.trigger = st.Text(c++);
  e.trigger_span.begin = static_cast<uint32_t>(st.Int(c++));
  e.trigger_span.end = static_cast<uint32_t>(st.Int(c++));
  e.pattern = st.Text(c++);
  e.pattern_origin = st.Text(c++);
  e.confidence = st.Double(c++);
  e.notes = Split(st.Text(c++), ';');
  for (std::string& n : e.notes) {
    if (!n.empty() && n[0] == ' ') n.erase(0, 1);
  }
  m.is_root = st.Int(c++) != 0;
  if (version_ >= 3) {
    // place id, its nine columns, the span.
    if (!st.IsNull(c)) {
      EventLocation l;
      l.name = st.Text(c + 1);
      l.country = st.Text(c + 2);
      l.admin1 = st.Text(c + 3);
      l.admin1_code = st.Text(c + 4);
      if (!st.IsNull(c + 5)) l.lat = st.Double(c + 5);
      if (!st.IsNull(c + 6)) l.lon = st.Double(c + 6);
      l.geonames_id = st.Int(c + 7);
      l.type = st.Text(c + 8);
      l.how = st.Text(c + 9);
      if (!st.IsNull(c + 10)) {
        l.span = Span{static_cast<uint32_t>(st.Int(c + 10)), static_cast<uint32_t>(st.Int(c + 11))};
      }
      e.location = std::move(l);
    }
    c += 12;
  } else {
    e.location = LocationFromJson(st.IsNull(c) ? std::string() : st.Text(c));
    ++c;
  }
  e.date_rule = st.Text(c++);
  m.publisher = st.Text(c++);
  m.url = st.Text(c++);
  m.added = CompactTime(st.Text(c++));
  m.coder = st.Text(c++);
  m.dictionary = st.Text(c++);
  m.text_stored = st.Int(c++) != 0;
  m.day = ParseDay(e.date).value_or(0);
  return Status::Ok();
}

Status EventStore::ForEachMention(const MentionQuery& q,
                                  const std::function<bool(Mention&&)>& fn) {
  std::vector<std::string> binds;
  sqlite::Stmt st(*db_, version_ >= 3 ? SelectV3(q, &binds) : SelectV2(q, "", &binds));
  DYAD_RETURN_IF_ERROR(st.status());
  for (size_t i = 0; i < binds.size(); ++i) st.Bind(static_cast<int>(i + 1), binds[i]);
  while (true) {
    sqlite::Step r = st.Next();
    if (r == sqlite::Step::kDone) break;
    if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
    Mention m;
    DYAD_RETURN_IF_ERROR(Decode(st, &m));
    if (!fn(std::move(m))) break;
  }
  return Status::Ok();
}

Result<std::vector<Mention>> EventStore::Mentions(const MentionQuery& q) {
  std::vector<Mention> out;
  {
    // Counted first: a vector grown by doubling holds up to twice the
    // mentions' room, and a million mentions are over a gigabyte.
    std::vector<std::string> binds;
    sqlite::Stmt count(*db_, version_ >= 3 ? "SELECT count(*) FROM mentions e WHERE 1" +
                                                 MentionFilter(q, &binds, version_)
                                           : "SELECT count(*) FROM events e WHERE 1" +
                                                 MentionFilter(q, &binds));
    DYAD_RETURN_IF_ERROR(count.status());
    for (size_t i = 0; i < binds.size(); ++i) count.Bind(static_cast<int>(i + 1), binds[i]);
    if (count.Next() == sqlite::Step::kRow) out.reserve(static_cast<size_t>(count.Int(0)));
  }
  Status st = ForEachMention(q, [&](Mention&& m) {
    out.push_back(std::move(m));
    return true;
  });
  if (!st.ok()) return st;
  return out;
}

Result<EventStore::Extent> EventStore::MentionExtent(const MentionQuery& q) {
  std::vector<std::string> binds;
  sqlite::Stmt st(*db_, version_ >= 3
                            ? "SELECT count(*), COALESCE(" + DayText("MIN(e.day)") + ", ''), COALESCE(" +
                                  DayText("MAX(e.day)") + ", '') FROM mentions e WHERE 1" +
                                  MentionFilter(q, &binds, version_)
                            : "SELECT count(*), COALESCE(MIN(e.date), ''), COALESCE(MAX(e.date), '') "
                              "FROM events e WHERE 1" + MentionFilter(q, &binds));
  DYAD_RETURN_IF_ERROR(st.status());
  for (size_t i = 0; i < binds.size(); ++i) st.Bind(static_cast<int>(i + 1), binds[i]);
  if (st.Next() != sqlite::Step::kRow) return Status::Internal(db_->Error());
  return Extent{st.Int(0), st.Text(1), st.Text(2)};
}

Status EventStore::FillText(Mention* m) {
  std::string sql =
      version_ >= 3
          ? std::string("SELECT a.name, b.name, ") + (version_ >= 4 ? kEventTextV4 : kEventText) +
                ", h.trigger, h.pattern, h.pattern_origin, h.notes FROM mentions e "
                "JOIN stories s ON s.sid = e.sid JOIN actors a ON a.id = e.source_actor "
                "LEFT JOIN actors b ON b.id = e.target_actor JOIN hows h ON h.id = e.how "
                "LEFT JOIN sentence_rows n ON n.sid = e.sid AND n.sentence = e.sentence "
                "WHERE e.event_id = ?"
          : std::string("SELECT e.source_name, e.target_name, ") + kEventText +
                ", e.trigger, e.pattern, e.pattern_origin, e.notes FROM events e "
                "JOIN stories s USING (story_id) LEFT JOIN sentences n "
                "ON n.story_id = e.story_id AND n.sentence = e.sentence "
                "WHERE e.event_id = ?";
  sqlite::Stmt st(*db_, sql);
  DYAD_RETURN_IF_ERROR(st.status());
  if (version_ >= 3) {
    BindEventId(st, 1, m->event.id);
  } else {
    st.Bind(1, m->event.id);
  }
  sqlite::Step r = st.Next();
  if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
  if (r != sqlite::Step::kRow) return Status::NotFound("no event '" + m->event.id + "' in the store");
  Event& e = m->event;
  e.source.name = st.Text(0);
  if (e.target) e.target->name = st.Text(1);
  e.text = st.Text(2);
  e.trigger = st.Text(3);
  e.pattern = st.Text(4);
  e.pattern_origin = st.Text(5);
  e.notes = Split(st.Text(6), ';');
  for (std::string& n : e.notes) {
    if (!n.empty() && n[0] == ' ') n.erase(0, 1);
  }
  return Status::Ok();
}

}  // namespace dyad::store
