// For the store's tests: a version 3 store rewritten as a version 2 or 1
// store (the layout dyad wrote before schema version 3), to test reading and
// migrating them. The version 2 tables are those of docs/STORE.md's history.
#ifndef DYAD_STORE_OLD_STORE_TEST_UTIL_H_
#define DYAD_STORE_OLD_STORE_TEST_UTIL_H_

#include <string>

#include "store/sqlite.h"

namespace dyad::store::testing {

inline constexpr const char* kV2Tables = R"sql(
CREATE TABLE stories (
  story_id TEXT PRIMARY KEY, date TEXT NOT NULL, publisher TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  fingerprint TEXT NOT NULL, sentences INTEGER NOT NULL, sentences_coded INTEGER NOT NULL,
  sentences_discarded INTEGER NOT NULL, invalid_bytes INTEGER NOT NULL,
  events_count INTEGER NOT NULL, coder TEXT NOT NULL, dictionary TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE TABLE sentences (
  story_id TEXT NOT NULL, sentence INTEGER NOT NULL, paragraph INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, tokens INTEGER NOT NULL,
  heading INTEGER NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (story_id, sentence))
  WITHOUT ROWID;
CREATE TABLE events (
  event_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, sentence INTEGER NOT NULL,
  date TEXT NOT NULL, pub_date TEXT NOT NULL, parent_id TEXT NOT NULL DEFAULT '',
  source_code TEXT NOT NULL, source_name TEXT NOT NULL, source_country TEXT NOT NULL,
  source_group TEXT NOT NULL, source_types TEXT NOT NULL, source_key TEXT NOT NULL,
  source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  target_code TEXT, target_name TEXT, target_country TEXT, target_group TEXT,
  target_types TEXT, target_key TEXT NOT NULL, target_begin INTEGER, target_end INTEGER,
  code TEXT NOT NULL, root TEXT NOT NULL, goldstein REAL, quad_class INTEGER NOT NULL,
  plover TEXT NOT NULL, plover_mode TEXT NOT NULL, text TEXT NOT NULL,
  sentence_begin INTEGER NOT NULL, trigger TEXT NOT NULL, trigger_begin INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL, pattern TEXT NOT NULL, pattern_origin TEXT NOT NULL,
  confidence REAL NOT NULL, notes TEXT NOT NULL, is_root INTEGER NOT NULL, location TEXT,
  date_rule TEXT NOT NULL DEFAULT 'pub_date');
CREATE INDEX events_story ON events(story_id);
CREATE INDEX events_dyad ON events(source_key, target_key, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX stories_date ON stories(date, publisher);
CREATE VIEW denominators AS
  SELECT date AS day, publisher, COUNT(*) AS stories, SUM(sentences) AS sentences,
         SUM(sentences_coded) AS sentences_coded, SUM(events_count) AS events
  FROM stories GROUP BY date, publisher;
)sql";

// Rewrites the version 3 store open in `db` as a version `version` (1 or 2)
// store with the same stories, sentences and events: version 1 keeps every
// event's sentence in events.text, version 2 keeps '' for a sentence that is
// its story's text at the sentence.
inline Status DowngradeStore(sqlite::Db& db, int version) {
  std::string sql =
      "BEGIN;"
      "CREATE TABLE ev_copy AS SELECT * FROM events;"
      "CREATE TABLE se_copy AS SELECT * FROM sentences;"
      "CREATE TABLE st_copy AS SELECT * FROM stories ORDER BY sid;"
      "DROP VIEW events; DROP VIEW sentences; DROP VIEW denominators;"
      "DROP TABLE mentions; DROP TABLE sentence_rows; DROP TABLE actors; DROP TABLE kinds;"
      "DROP TABLE hows; DROP TABLE places; DROP TABLE stories;";
  sql += kV2Tables;
  sql +=
      "INSERT INTO stories SELECT story_id, date, publisher, url, origin, COALESCE(text, ''), "
      "fingerprint, sentences, sentences_coded, sentences_discarded, invalid_bytes, "
      "events_count, coder, dictionary, ingested_at FROM st_copy ORDER BY sid;"
      "INSERT INTO sentences SELECT * FROM se_copy;"
      "INSERT INTO events SELECT * FROM ev_copy;"
      "DROP TABLE ev_copy; DROP TABLE se_copy; DROP TABLE st_copy;";
  if (version == 2) {
    sql +=
        "UPDATE events SET text = '' WHERE text <> '' AND CAST(text AS BLOB) = (SELECT "
        "substr(CAST(s.text AS BLOB), n.begin + 1, n.end - n.begin) FROM stories s JOIN "
        "sentences n ON n.story_id = s.story_id WHERE s.story_id = events.story_id AND "
        "n.sentence = events.sentence);";
  }
  sql += "UPDATE meta SET value = '" + std::to_string(version) +
         "' WHERE key = 'schema_version'; COMMIT;";
  return db.Exec(sql);
}

}  // namespace dyad::store::testing

#endif  // DYAD_STORE_OLD_STORE_TEST_UTIL_H_
