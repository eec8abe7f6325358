// For the store's tests: a version 3 store rewritten as a version 2 or 1
// store (the layout dyad wrote before schema version 3), to test reading and
// migrating them. The version 2 tables are those of docs/STORE.md's history.
#ifndef DYAD_STORE_OLD_STORE_TEST_UTIL_H_
#define DYAD_STORE_OLD_STORE_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "store/sqlite.h"

namespace dyad::store::testing {

// tests/fixtures/downgrade_store.sql: the version 2 tables filled from a
// version 3 store's views.
inline std::string DowngradeSql() {
  std::ifstream in(std::string(DYAD_SOURCE_DATA_DIR) + "/../tests/fixtures/downgrade_store.sql");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Rewrites the version 3 store open in `db` as a version `version` (1 or 2)
// store with the same stories, sentences and events: version 1 keeps every
// event's sentence in events.text, version 2 keeps '' for a sentence that is
// its story's text at the sentence.
inline Status DowngradeStore(sqlite::Db& db, int version) {
  const std::string downgrade = DowngradeSql();
  if (downgrade.empty()) return Status::NotFound("tests/fixtures/downgrade_store.sql not found");
  std::string sql = "BEGIN;" + downgrade;
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
