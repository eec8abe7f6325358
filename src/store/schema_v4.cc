// The version 4 store (docs/STORE.md): its schema and the migration of a
// version 3 store (split from store.cc; version 1 and 2 stores migrate
// through version 3, schema_v3.cc).
#include <string>

#include "store/schema_v3.h"
#include "store/store.h"

namespace dyad::store {

// Version 3's tables, except: a story's text is kept compressed (the form
// of an SQLite Archive's files, read with sqlar_uncompress(text, text_size)),
// what an ingest run wrote (coder, dictionary, time) is a `batches` row, and
// a story's mentions are the `mentions` rows first_mention to first_mention
// + events_count - 1 (they are written together), which replaces the
// mentions(sid) index.
const char* const kSchemaV4 = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
  id INTEGER PRIMARY KEY, coder TEXT NOT NULL, dictionary TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
  sid INTEGER PRIMARY KEY,
  story_id TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  publisher TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  text BLOB,
  text_size INTEGER,
  fingerprint TEXT NOT NULL,
  sentences INTEGER NOT NULL,
  sentences_coded INTEGER NOT NULL,
  sentences_discarded INTEGER NOT NULL,
  invalid_bytes INTEGER NOT NULL,
  events_count INTEGER NOT NULL,
  batch INTEGER NOT NULL,
  first_mention INTEGER
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
    CAST(substr(sqlar_uncompress(s.text, s.text_size), n.begin + 1, n.end - n.begin) AS TEXT)
    END AS text,
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
CREATE VIEW IF NOT EXISTS story_texts AS
  SELECT s.story_id AS story_id, CAST(sqlar_uncompress(s.text, s.text_size) AS TEXT) AS text,
         b.coder AS coder, b.dictionary AS dictionary, b.ingested_at AS ingested_at
  FROM stories s JOIN batches b ON b.id = s.batch;
)sql";

Result<int64_t> EventStore::BatchId(const IngestInfo& info, const std::string& now) {
  std::string key = info.coder + '\x1f' + info.dictionary + '\x1f' + now;
  if (key == batch_key_) return batch_id_;
  sqlite::Stmt find(*db_,
                    "SELECT id FROM batches WHERE coder = ? AND dictionary = ? AND ingested_at = ?");
  find.Bind(1, info.coder).Bind(2, info.dictionary).Bind(3, now);
  sqlite::Step r = find.Next();
  if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
  int64_t id;
  if (r == sqlite::Step::kRow) {
    id = find.Int(0);
    find.Reset();
  } else {
    find.Reset();
    sqlite::Stmt add(*db_, "INSERT INTO batches(coder, dictionary, ingested_at) VALUES(?, ?, ?)");
    add.Bind(1, info.coder).Bind(2, info.dictionary).Bind(3, now);
    DYAD_RETURN_IF_ERROR(add.Run());
    id = db_->LastInsertRowid();
  }
  batch_key_ = std::move(key);
  batch_id_ = id;
  return id;
}

Status EventStore::MigrateV3ToV4() {
  // In SQL, one transaction (a migration killed half-way leaves the version
  // 3 store). The mentions are copied in story order, so that each story's
  // are consecutive rows; the readers' indexes are built after the copy.
  sqlite::Transaction tx(*db_);
  DYAD_RETURN_IF_ERROR(tx.status());
  {
    // Another writer may have migrated it while this one waited for the lock.
    sqlite::Stmt v(*db_, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (v.Next() == sqlite::Step::kRow && v.Text(0) != "3") {
      v.Reset();
      return tx.Commit();
    }
  }
  DYAD_RETURN_IF_ERROR(db_->Exec(
      "DROP VIEW IF EXISTS events; DROP VIEW IF EXISTS sentences; "
      "DROP VIEW IF EXISTS denominators; DROP INDEX IF EXISTS stories_by_date; "
      "DROP INDEX IF EXISTS mentions_id; DROP INDEX IF EXISTS mentions_dyad; "
      "DROP INDEX IF EXISTS mentions_day; "
      "ALTER TABLE stories RENAME TO stories_v3; ALTER TABLE mentions RENAME TO mentions_v3;"));
  DYAD_RETURN_IF_ERROR(db_->Exec(kSchemaV4));
  DYAD_RETURN_IF_ERROR(db_->Exec(
      "DROP INDEX mentions_dyad; DROP INDEX mentions_day;"
      "INSERT INTO batches(coder, dictionary, ingested_at) SELECT coder, dictionary, "
      "ingested_at FROM stories_v3 GROUP BY coder, dictionary, ingested_at ORDER BY MIN(sid);"
      "INSERT INTO mentions SELECT * FROM mentions_v3 ORDER BY sid, rowid;"
      "CREATE TEMP TABLE firsts(sid INTEGER PRIMARY KEY, first INTEGER NOT NULL);"
      "INSERT INTO firsts SELECT sid, MIN(rowid) FROM mentions GROUP BY sid;"
      "INSERT INTO stories(sid, story_id, date, publisher, url, origin, text, text_size, "
      "fingerprint, sentences, sentences_coded, sentences_discarded, invalid_bytes, "
      "events_count, batch, first_mention) SELECT o.sid, o.story_id, o.date, o.publisher, "
      "o.url, o.origin, sqlar_compress(o.text), length(CAST(o.text AS BLOB)), o.fingerprint, "
      "o.sentences, o.sentences_coded, o.sentences_discarded, o.invalid_bytes, o.events_count, "
      "b.id, f.first FROM stories_v3 o JOIN batches b ON b.coder = o.coder AND "
      "b.dictionary = o.dictionary AND b.ingested_at = o.ingested_at "
      "LEFT JOIN firsts f ON f.sid = o.sid ORDER BY o.sid;"
      "DROP TABLE temp.firsts; DROP TABLE mentions_v3; DROP TABLE stories_v3;"));
  DYAD_RETURN_IF_ERROR(db_->Exec(kReaderIndexesV3));
  DYAD_RETURN_IF_ERROR(db_->Exec("UPDATE meta SET value = '4' WHERE key = 'schema_version'"));
  return tx.Commit();
}

}  // namespace dyad::store
