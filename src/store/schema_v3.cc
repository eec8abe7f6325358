// The version 3 store (docs/STORE.md): its schema, the writer's lookup
// tables and the migration of version 1 and 2 stores (split from store.cc).
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "store/dates.h"
#include "store/schema_v3.h"
#include "store/store.h"

namespace dyad::store {

// Mentions are normalised: what repeats from mention to mention (the actors,
// the event kind, how it was coded, the place) is stored once in a table of
// its own and named by a small integer. The columns the readers filter and
// order on (date, the dyad keys) stay in `mentions`, beside their indexes.
const char* const kSchemaV3 = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
  sid INTEGER PRIMARY KEY,
  story_id TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  publisher TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  text TEXT,
  fingerprint TEXT NOT NULL,
  sentences INTEGER NOT NULL,
  sentences_coded INTEGER NOT NULL,
  sentences_discarded INTEGER NOT NULL,
  invalid_bytes INTEGER NOT NULL,
  events_count INTEGER NOT NULL,
  coder TEXT NOT NULL,
  dictionary TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_by_date ON stories(date, publisher);
CREATE TABLE IF NOT EXISTS sentence_rows (
  sid INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  tokens INTEGER NOT NULL,
  heading INTEGER NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (sid, sentence)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actors (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL,
  grp TEXT NOT NULL, types TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kinds (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, root TEXT NOT NULL, goldstein REAL,
  quad_class INTEGER NOT NULL, plover TEXT NOT NULL, plover_mode TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS hows (
  id INTEGER PRIMARY KEY, trigger TEXT NOT NULL, pattern TEXT NOT NULL,
  pattern_origin TEXT NOT NULL, notes TEXT NOT NULL, confidence REAL NOT NULL,
  date_rule TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
  admin1_code TEXT NOT NULL, lat REAL, lon REAL, geonames_id INTEGER NOT NULL,
  type TEXT NOT NULL, how TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
  event_id NOT NULL,
  sid INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  day NOT NULL,
  pub_day,
  parent_id TEXT NOT NULL DEFAULT '',
  source_actor INTEGER NOT NULL,
  source_key TEXT NOT NULL,
  source_begin INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  target_actor INTEGER,
  target_key TEXT NOT NULL,
  target_begin INTEGER,
  target_end INTEGER,
  kind INTEGER NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  sentence_begin INTEGER NOT NULL,
  how INTEGER NOT NULL,
  trigger_begin INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  is_root INTEGER NOT NULL,
  place INTEGER,
  place_begin INTEGER,
  place_end INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS mentions_id ON mentions(event_id);
CREATE INDEX IF NOT EXISTS mentions_story ON mentions(sid);
CREATE INDEX IF NOT EXISTS mentions_dyad ON mentions(source_key, target_key, day);
CREATE INDEX IF NOT EXISTS mentions_day ON mentions(day);
CREATE VIEW IF NOT EXISTS events AS SELECT
  CASE WHEN typeof(m.event_id) = 'integer' THEN printf('%016x', m.event_id)
       ELSE m.event_id END AS event_id,
  s.story_id AS story_id, m.sentence AS sentence,
  CASE WHEN typeof(m.day) = 'integer' THEN date(m.day * 86400, 'unixepoch') ELSE m.day END
    AS date,
  CASE WHEN m.pub_day IS NULL THEN
    CASE WHEN typeof(m.day) = 'integer' THEN date(m.day * 86400, 'unixepoch') ELSE m.day END
  WHEN typeof(m.pub_day) = 'integer' THEN date(m.pub_day * 86400, 'unixepoch')
  ELSE m.pub_day END AS pub_date, m.parent_id AS parent_id,
  a.code AS source_code, a.name AS source_name, a.country AS source_country,
  a.grp AS source_group, a.types AS source_types, m.source_key AS source_key,
  m.source_begin AS source_begin, m.source_end AS source_end,
  b.code AS target_code, b.name AS target_name, b.country AS target_country,
  b.grp AS target_group, b.types AS target_types, m.target_key AS target_key,
  m.target_begin AS target_begin, m.target_end AS target_end,
  k.code AS code, k.root AS root, k.goldstein AS goldstein, k.quad_class AS quad_class,
  k.plover AS plover, k.plover_mode AS plover_mode,
  CASE WHEN m.text <> '' THEN m.text ELSE
    CAST(substr(CAST(s.text AS BLOB), n.begin + 1, n.end - n.begin) AS TEXT) END AS text,
  m.sentence_begin AS sentence_begin, h.trigger AS trigger,
  m.trigger_begin AS trigger_begin, m.trigger_end AS trigger_end,
  h.pattern AS pattern, h.pattern_origin AS pattern_origin, h.confidence AS confidence,
  h.notes AS notes, m.is_root AS is_root,
  CASE WHEN m.place IS NULL THEN NULL ELSE json_object('name', p.name, 'country', p.country,
    'admin1', p.admin1, 'admin1_code', p.admin1_code, 'lat', p.lat, 'lon', p.lon,
    'geonames_id', p.geonames_id, 'type', p.type, 'how', p.how,
    'span', json(CASE WHEN m.place_begin IS NULL THEN NULL
                      ELSE json_array(m.place_begin, m.place_end) END)) END AS location,
  h.date_rule AS date_rule
FROM mentions m JOIN stories s ON s.sid = m.sid
  JOIN actors a ON a.id = m.source_actor LEFT JOIN actors b ON b.id = m.target_actor
  JOIN kinds k ON k.id = m.kind JOIN hows h ON h.id = m.how
  LEFT JOIN places p ON p.id = m.place
  LEFT JOIN sentence_rows n ON n.sid = m.sid AND n.sentence = m.sentence;
CREATE VIEW IF NOT EXISTS sentences AS
  SELECT s.story_id AS story_id, n.sentence AS sentence, n.paragraph AS paragraph,
         n.begin AS begin, n.end AS end, n.tokens AS tokens, n.heading AS heading,
         n.events AS events
  FROM sentence_rows n JOIN stories s ON s.sid = n.sid;
CREATE VIEW IF NOT EXISTS denominators AS
  SELECT date AS day, publisher, COUNT(*) AS stories, SUM(sentences) AS sentences,
         SUM(sentences_coded) AS sentences_coded, SUM(events_count) AS events
  FROM stories GROUP BY date, publisher;
)sql";

// The indexes only readers need (BeginBulkLoad drops them, EndBulkLoad and
// EventStore::Open for writing build what is missing).
const char* const kReaderIndexesV3 =
    "CREATE INDEX IF NOT EXISTS mentions_dyad ON mentions(source_key, target_key, day);"
    "CREATE INDEX IF NOT EXISTS mentions_day ON mentions(day);";
const char* const kIdIndexV4 = "CREATE UNIQUE INDEX IF NOT EXISTS mentions_id ON mentions(event_id);";
// A mention's event id as text (as the `events` view shows it).
const char* const kEventIdV4Text =
    "CASE WHEN typeof(e.event_id) = 'integer' THEN printf('%016x', e.event_id) ELSE e.event_id "
    "END";

Status EventStore::BeginBulkLoad() {
  if (version_ < 3) return Status::Ok();
  sqlite::Stmt any(*db_, "SELECT EXISTS (SELECT 1 FROM mentions)");
  if (any.Next() != sqlite::Step::kRow) return Status::Internal(db_->Error());
  const bool empty = any.Int(0) == 0;
  any.Reset();
  if (!empty) return Status::Ok();
  return db_->Exec(
      "DROP INDEX IF EXISTS mentions_dyad; DROP INDEX IF EXISTS mentions_day; "
      "DROP INDEX IF EXISTS mentions_id;");
}

Status EventStore::EndBulkLoad(WriteCounts* counts,
                               const std::function<void(const std::string&)>& on_error) {
  if (version_ < 3) return Status::Ok();
  // The sort that builds an index holds up to the page cache's size in
  // memory before it spills to a temporary file: a smaller cache for it
  // keeps ingest's peak memory where the load itself had it.
  DYAD_RETURN_IF_ERROR(db_->Exec("PRAGMA cache_size=-16384"));
  Status built = BuildIdIndex(counts, on_error);
  if (built.ok()) built = db_->Exec(kReaderIndexesV3);
  Status restored = db_->Exec("PRAGMA cache_size=-65536");
  return built.ok() ? restored : built;
}

Status EventStore::BuildIdIndex(WriteCounts* counts,
                                const std::function<void(const std::string&)>& on_error) {
  {
    sqlite::Stmt has(*db_, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_id'");
    if (has.Next() != sqlite::Step::kRow) return Status::Internal(db_->Error());
    if (has.Int(0) > 0) return Status::Ok();
  }
  // Nearly always the index is built at once; only when it cannot be (an id
  // held twice) are the stories holding a repeated id looked for.
  if (db_->Exec(kIdIndexV4).ok()) return Status::Ok();
  sqlite::Transaction tx(*db_);
  DYAD_RETURN_IF_ERROR(tx.status());
  // Every row whose id an earlier row holds, and its story.
  sqlite::Stmt later(*db_,
                     "SELECT DISTINCT s.sid, s.story_id, s.origin, s.first_mention, "
                     "s.events_count, " + std::string(kEventIdV4Text) +
                         " FROM mentions e JOIN (SELECT event_id, MIN(rowid) AS first FROM "
                         "mentions GROUP BY event_id HAVING COUNT(*) > 1) d ON d.event_id = "
                         "e.event_id AND e.rowid > d.first JOIN stories s ON s.sid = e.sid");
  DYAD_RETURN_IF_ERROR(later.status());
  struct Dropped {
    int64_t sid, first, count;
    std::string id, origin, event_id;
  };
  std::vector<Dropped> dropped;
  std::set<int64_t> seen;
  for (sqlite::Step r; (r = later.Next()) != sqlite::Step::kDone;) {
    if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
    if (!seen.insert(later.Int(0)).second) continue;
    dropped.push_back({later.Int(0), later.Int(3), later.Int(4), later.Text(1), later.Text(2),
                       later.Text(5)});
  }
  later.Reset();
  for (const Dropped& d : dropped) {
    sqlite::Stmt del(*db_, "DELETE FROM mentions WHERE rowid BETWEEN ? AND ?");
    del.Bind(1, d.first).Bind(2, d.first + d.count - 1);
    DYAD_RETURN_IF_ERROR(del.Run());
    for (const char* sql : {"DELETE FROM sentence_rows WHERE sid = ?",
                            "DELETE FROM stories WHERE sid = ?"}) {
      sqlite::Stmt st(*db_, sql);
      st.Bind(1, d.sid);
      DYAD_RETURN_IF_ERROR(st.Run());
    }
    if (counts) {
      --counts->stories;
      counts->events -= static_cast<uint64_t>(d.count);
      ++counts->failed;
    }
    if (on_error) {
      on_error(d.origin + ": story '" + d.id + "' not stored: its event id " + d.event_id +
               " is an event of another story stored before it (UNIQUE constraint failed: "
               "mentions.event_id)");
    }
  }
  DYAD_RETURN_IF_ERROR(db_->Exec(kIdIndexV4));
  return tx.Commit();
}

namespace {

bool IsHexId(std::string_view id) {
  if (id.size() != 16) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

enum Lookup { kActors, kKinds, kHows, kPlaces, kLookups };

const char* const kFind[kLookups] = {
    "SELECT id FROM actors WHERE code = ?1 AND name = ?2 AND country = ?3 AND grp = ?4 AND "
    "types = ?5",
    "SELECT id FROM kinds WHERE code = ?1 AND root = ?2 AND goldstein IS ?3 AND quad_class = ?4 "
    "AND plover = ?5 AND plover_mode = ?6",
    "SELECT id FROM hows WHERE trigger = ?1 AND pattern = ?2 AND pattern_origin = ?3 AND "
    "notes = ?4 AND confidence = ?5 AND date_rule = ?6",
    "SELECT id FROM places WHERE name = ?1 AND country = ?2 AND admin1 = ?3 AND admin1_code = ?4 "
    "AND lat IS ?5 AND lon IS ?6 AND geonames_id = ?7 AND type = ?8 AND how = ?9"};
const char* const kAdd[kLookups] = {
    "INSERT INTO actors(code, name, country, grp, types) VALUES(?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO kinds(code, root, goldstein, quad_class, plover, plover_mode) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO hows(trigger, pattern, pattern_origin, notes, confidence, date_rule) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO places(name, country, admin1, admin1_code, lat, lon, geonames_id, type, how) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"};

// A cache key: the parts joined by a byte no part holds.
std::string Key(std::initializer_list<std::string_view> parts) {
  std::string k;
  for (std::string_view p : parts) {
    k.append(p);
    k += '\x1f';
  }
  return k;
}

std::string Num(std::optional<double> v) {
  if (!v) return "null";
  char buf[40];
  snprintf(buf, sizeof buf, "%a", *v);  // exact
  return buf;
}

std::string JoinWith(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

void BindEventId(sqlite::Stmt& st, int i, const std::string& id) {
  if (IsHexId(id)) {
    st.Bind(i, static_cast<int64_t>(std::stoull(id, nullptr, 16)));
  } else {
    st.Bind(i, id);
  }
}

std::string DayText(const std::string& col) {
  return "CASE WHEN typeof(" + col + ") = 'integer' THEN date(" + col +
         " * 86400, 'unixepoch') ELSE " + col + " END";
}

void BindDay(sqlite::Stmt& st, int i, const std::string& date) {
  std::optional<int> day = ParseDay(date);
  // The day number only when it reads back as the same text.
  if (day && FormatDay(*day) == date) {
    st.Bind(i, static_cast<int64_t>(*day));
  } else {
    st.Bind(i, date);
  }
}

void EventStore::ForgetLookups() {
  for (auto& m : lookups_) m.clear();
  batch_key_.clear();
}

Result<int64_t> EventStore::LookupId(int table, const std::string& key,
                                     const std::function<void(sqlite::Stmt&)>& bind) {
  if (lookups_.empty()) {
    lookups_.resize(kLookups);
    for (int t = 0; t < kLookups; ++t) {
      lookup_find_.push_back(std::make_unique<sqlite::Stmt>(*db_, kFind[t]));
      lookup_add_.push_back(std::make_unique<sqlite::Stmt>(*db_, kAdd[t]));
      DYAD_RETURN_IF_ERROR(lookup_find_.back()->status());
      DYAD_RETURN_IF_ERROR(lookup_add_.back()->status());
    }
  }
  auto& cache = lookups_[table];
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  // Another writer of the store may have added it.
  sqlite::Stmt& find = *lookup_find_[table];
  find.Reset();
  bind(find);
  sqlite::Step r = find.Next();
  if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
  int64_t id;
  if (r == sqlite::Step::kRow) {
    id = find.Int(0);
    find.Reset();
  } else {
    find.Reset();
    sqlite::Stmt& add = *lookup_add_[table];
    bind(add);
    DYAD_RETURN_IF_ERROR(add.Run());
    id = db_->LastInsertRowid();
  }
  cache.emplace(key, id);
  return id;
}

Status EventStore::InsertMention(const MentionRow& r) {
  const Event& e = *r.event;
  auto actor = [&](const Actor& a) {
    std::string types = JoinWith(a.types, " ");
    return LookupId(kActors, Key({a.code, a.name, a.country, a.group, types}),
                    [&](sqlite::Stmt& st) {
                      st.Bind(1, a.code).Bind(2, a.name).Bind(3, a.country).Bind(4, a.group);
                      st.Bind(5, types);
                    });
  };
  auto source = actor(e.source);
  if (!source.ok()) return source.status();
  std::optional<int64_t> target;
  if (e.target) {
    auto t = actor(*e.target);
    if (!t.ok()) return t.status();
    target = *t;
  }
  auto kind = LookupId(
      kKinds,
      Key({e.code, e.root, Num(e.goldstein), std::to_string(e.quad_class), e.plover,
           e.plover_mode}),
      [&](sqlite::Stmt& st) {
        st.Bind(1, e.code).Bind(2, e.root).Bind(3, e.goldstein).Bind(4, e.quad_class);
        st.Bind(5, e.plover).Bind(6, e.plover_mode);
      });
  if (!kind.ok()) return kind.status();
  std::string notes = JoinWith(e.notes, "; ");
  auto how = LookupId(
      kHows, Key({e.trigger, e.pattern, e.pattern_origin, notes, Num(e.confidence), e.date_rule}),
      [&](sqlite::Stmt& st) {
        st.Bind(1, e.trigger).Bind(2, e.pattern).Bind(3, e.pattern_origin).Bind(4, notes);
        st.Bind(5, e.confidence).Bind(6, e.date_rule);
      });
  if (!how.ok()) return how.status();
  std::optional<int64_t> place;
  if (e.location) {
    const EventLocation& l = *e.location;
    auto p = LookupId(kPlaces,
                      Key({l.name, l.country, l.admin1, l.admin1_code, Num(l.lat), Num(l.lon),
                           std::to_string(l.geonames_id), l.type, l.how}),
                      [&](sqlite::Stmt& st) {
                        st.Bind(1, l.name).Bind(2, l.country).Bind(3, l.admin1);
                        st.Bind(4, l.admin1_code).Bind(5, l.lat).Bind(6, l.lon);
                        st.Bind(7, l.geonames_id).Bind(8, l.type).Bind(9, l.how);
                      });
    if (!p.ok()) return p.status();
    place = *p;
  }
  sqlite::Stmt& st = *insert_event_;
  BindEventId(st, 1, e.id);
  st.Bind(2, r.sid).Bind(3, e.sentence);
  BindDay(st, 4, e.date);
  if (e.pub_date == e.date) {
    st.BindNull(5);
  } else {
    BindDay(st, 5, e.pub_date);
  }
  st.Bind(6, e.parent_id).Bind(7, *source).Bind(8, r.source_key);
  st.Bind(9, static_cast<int64_t>(e.source.span.begin));
  st.Bind(10, static_cast<int64_t>(e.source.span.end));
  if (e.target) {
    st.Bind(11, *target).Bind(13, static_cast<int64_t>(e.target->span.begin));
    st.Bind(14, static_cast<int64_t>(e.target->span.end));
  } else {
    st.BindNull(11).BindNull(13).BindNull(14);
  }
  st.Bind(12, r.target_key).Bind(15, *kind).Bind(16, r.text).Bind(17, r.sentence_begin);
  st.Bind(18, *how).Bind(19, static_cast<int64_t>(e.trigger_span.begin));
  st.Bind(20, static_cast<int64_t>(e.trigger_span.end)).Bind(21, r.is_root ? 1 : 0);
  if (place) {
    st.Bind(22, *place);
  } else {
    st.BindNull(22);
  }
  if (e.location && e.location->span) {
    st.Bind(23, static_cast<int64_t>(e.location->span->begin));
    st.Bind(24, static_cast<int64_t>(e.location->span->end));
  } else {
    st.BindNull(23).BindNull(24);
  }
  return st.Run();
}

const char* const kInsertMentionV3 =
    "INSERT INTO mentions(event_id, sid, sentence, day, pub_day, parent_id, source_actor, "
    "source_key, source_begin, source_end, target_actor, target_key, target_begin, target_end, "
    "kind, text, sentence_begin, how, trigger_begin, trigger_end, is_root, place, place_begin, "
    "place_end) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

Status EventStore::MigrateToV3() {
  // The old tables are renamed and read back through the version 2 reader
  // (which also reads version 1), and every row is written anew: stories
  // and sentences in SQL, mentions one by one through the version 3 writer.
  // One transaction: a migration killed half-way leaves the old store.
  sqlite::Transaction tx(*db_);
  DYAD_RETURN_IF_ERROR(tx.status());
  {
    // Another writer may have migrated it while this one waited for the lock.
    sqlite::Stmt v(*db_, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (v.Next() == sqlite::Step::kRow && v.Text(0) == "3") {
      v.Reset();
      return tx.Commit();
    }
  }
  DYAD_RETURN_IF_ERROR(db_->Exec(
      "DROP VIEW IF EXISTS denominators; ALTER TABLE events RENAME TO events_old; "
      "ALTER TABLE sentences RENAME TO sentences_old; ALTER TABLE stories RENAME TO stories_old;"));
  DYAD_RETURN_IF_ERROR(db_->Exec(kSchemaV3));
  DYAD_RETURN_IF_ERROR(db_->Exec(
      "INSERT INTO stories(story_id, date, publisher, url, origin, text, fingerprint, sentences, "
      "sentences_coded, sentences_discarded, invalid_bytes, events_count, coder, dictionary, "
      "ingested_at) SELECT story_id, date, publisher, url, origin, text, fingerprint, sentences, "
      "sentences_coded, sentences_discarded, invalid_bytes, events_count, coder, dictionary, "
      "ingested_at FROM stories_old ORDER BY rowid;"
      "INSERT INTO sentence_rows SELECT s.sid, o.sentence, o.paragraph, o.begin, o.end, o.tokens, "
      "o.heading, o.events FROM sentences_old o JOIN stories s ON s.story_id = o.story_id;"));
  insert_event_ = std::make_unique<sqlite::Stmt>(*db_, kInsertMentionV3);
  DYAD_RETURN_IF_ERROR(insert_event_->status());
  // A story's sid and its stored sentence at the mention's sentence.
  sqlite::Stmt at(*db_,
                  "SELECT s.sid, substr(CAST(s.text AS BLOB), n.begin + 1, n.end - n.begin) "
                  "FROM stories s LEFT JOIN sentence_rows n ON n.sid = s.sid AND n.sentence = ?2 "
                  "WHERE s.story_id = ?1");
  DYAD_RETURN_IF_ERROR(at.status());
  std::vector<std::string> binds;
  sqlite::Stmt old(*db_, SelectV2(MentionQuery{}, "_old", &binds));
  DYAD_RETURN_IF_ERROR(old.status());
  while (true) {
    sqlite::Step r = old.Next();
    if (r == sqlite::Step::kDone) break;
    if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
    Mention m;
    DYAD_RETURN_IF_ERROR(Decode(old, &m));
    at.Reset();
    at.Bind(1, m.event.story_id).Bind(2, m.event.sentence);
    if (at.Next() != sqlite::Step::kRow) {
      return Status::DataLoss(db_->path() + ": event '" + m.event.id + "' names no stored story");
    }
    MentionRow row;
    row.event = &m.event;
    row.sid = at.Int(0);
    std::string stored = at.IsNull(1) ? std::string() : at.Text(1);
    at.Reset();
    row.source_key = m.source_key;
    row.target_key = m.target_key;
    if (m.event.text != stored) row.text = m.event.text;
    row.sentence_begin = m.sentence_begin;
    row.is_root = m.is_root;
    DYAD_RETURN_IF_ERROR(InsertMention(row));
  }
  old.Reset();
  DYAD_RETURN_IF_ERROR(db_->Exec(
      "DROP TABLE events_old; DROP TABLE sentences_old; DROP TABLE stories_old;"
      "UPDATE meta SET value = '3' WHERE key = 'schema_version';"));
  insert_event_.reset();
  Status st = tx.Commit();
  if (!st.ok()) ForgetLookups();
  return st;
}

}  // namespace dyad::store
