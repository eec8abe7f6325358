// For the store's tests: a version 4 store rewritten as a version 3, 2 or 1
// store (the layouts dyad wrote before), to test reading and migrating them.
// The version 2 and 3 tables are those of docs/STORE.md's history.
#ifndef DYAD_STORE_OLD_STORE_TEST_UTIL_H_
#define DYAD_STORE_OLD_STORE_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "store/sqlite.h"

namespace dyad::store::testing {

// tests/fixtures/downgrade_store.sql: the version 2 tables filled from a
// version 3 store's views; downgrade_store_v3.sql (`file`): version 4 to 3.
inline std::string DowngradeSql(const char* file = "downgrade_store.sql") {
  std::ifstream in(std::string(DYAD_SOURCE_DATA_DIR) + "/../tests/fixtures/" + file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Rewrites the version 4 store open in `db` as a version `version` (1, 2 or
// 3) store with the same stories, sentences and events: version 1 keeps
// every event's sentence in events.text, version 2 keeps '' for a sentence
// that is its story's text at the sentence.
inline Status DowngradeStore(sqlite::Db& db, int version) {
  const std::string to_v3 = DowngradeSql("downgrade_store_v3.sql");
  const std::string downgrade = DowngradeSql();
  if (downgrade.empty() || to_v3.empty()) {
    return Status::NotFound("tests/fixtures/downgrade_store*.sql not found");
  }
  std::string sql = "BEGIN;" + to_v3 + (version < 3 ? downgrade : std::string());
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
