// EventStore's summary queries: denominators, the store's summary, a
// story's record, the dyad keys and a dyad's distinct stories, each one
// SQL statement (split from store.cc).
#include <map>
#include <set>
#include <string>

#include "store/dates.h"
#include "store/schema_v3.h"
#include "store/store.h"

namespace dyad::store {

Result<std::map<std::pair<std::string, std::string>, int64_t>> EventStore::DyadArticles(
    const std::string& from, const std::string& to) {
  std::string sql;
  if (version_ >= 3) {
    sql = "SELECT source_key, target_key, COUNT(DISTINCT sid) FROM mentions WHERE target_key <> ''";
    for (const auto& [date, op] : {std::pair(from, ">="), std::pair(to, "<=")}) {
      if (date.empty()) continue;
      std::optional<int> d = ParseDay(date);
      if (!d) return Status::InvalidArgument("'" + date + "' is not a date (YYYY-MM-DD)");
      sql += std::string(" AND day ") + op + " " + std::to_string(*d);
    }
    sql += " AND ?1 = ?1 AND ?2 = ?2 GROUP BY source_key, target_key";
  } else {
    sql = "SELECT source_key, target_key, COUNT(DISTINCT story_id) FROM events "
          "WHERE target_key <> '' AND (?1 = '' OR date >= ?1) AND (?2 = '' OR date <= ?2) "
          "GROUP BY source_key, target_key";
  }
  sqlite::Stmt st(*db_, sql);
  DYAD_RETURN_IF_ERROR(st.status());
  st.Bind(1, from).Bind(2, to);
  std::map<std::pair<std::string, std::string>, int64_t> out;
  while (true) {
    sqlite::Step r = st.Next();
    if (r == sqlite::Step::kDone) break;
    if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
    out[{st.Text(0), st.Text(1)}] = st.Int(2);
  }
  return out;
}

Result<std::map<int, Denominator>> EventStore::DailyDenominators(const std::string& from,
                                                                 const std::string& to) {
  sqlite::Stmt st(*db_,
                  "SELECT date, COUNT(*), SUM(sentences) FROM stories WHERE (?1 = '' OR date >= ?1) "
                  "AND (?2 = '' OR date <= ?2) GROUP BY date");
  DYAD_RETURN_IF_ERROR(st.status());
  st.Bind(1, from).Bind(2, to);
  std::map<int, Denominator> out;
  while (true) {
    sqlite::Step r = st.Next();
    if (r == sqlite::Step::kDone) break;
    if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
    auto day = ParseDay(st.Text(0));
    if (!day) continue;
    out[*day] = Denominator{st.Int(1), st.Int(2)};
  }
  return out;
}

Result<StoreSummary> EventStore::Summary() {
  StoreSummary s;
  sqlite::Stmt a(*db_,
                 "SELECT COUNT(*), COALESCE(SUM(sentences),0), COUNT(DISTINCT publisher), "
                 "COALESCE(MIN(date),''), COALESCE(MAX(date),'') FROM stories");
  if (a.Next() != sqlite::Step::kRow) return Status::Internal(db_->Error());
  s.stories = a.Int(0);
  s.sentences = a.Int(1);
  s.publishers = a.Int(2);
  s.first_day = a.Text(3);
  s.last_day = a.Text(4);
  sqlite::Stmt b(*db_, version_ >= 3 ? "SELECT COUNT(*), COALESCE(" + DayText("MIN(day)") +
                                           ",''), COALESCE(" + DayText("MAX(day)") +
                                           ",'') FROM mentions"
                                     : std::string("SELECT COUNT(*), COALESCE(MIN(date),''), "
                                                   "COALESCE(MAX(date),'') FROM events"));
  if (b.Next() != sqlite::Step::kRow) return Status::Internal(db_->Error());
  s.events = b.Int(0);
  s.first_event_day = b.Text(1);
  s.last_event_day = b.Text(2);
  sqlite::Stmt m(*db_, "SELECT key, value FROM meta WHERE key IN ('last_coder','last_dictionary')");
  while (m.Next() == sqlite::Step::kRow) {
    (m.Text(0) == "last_coder" ? s.coder : s.dictionary) = m.Text(1);
  }
  return s;
}

Result<StoredStory> EventStore::StoryRecord(const std::string& story_id) {
  sqlite::Stmt st(*db_,
                  version_ >= 4
                      ? "SELECT story_id, date, publisher, url, origin, "
                        "sqlar_uncompress(text, text_size), b.coder, b.dictionary, "
                        "b.ingested_at, sentences, sentences_coded, events_count, "
                        "text IS NOT NULL FROM stories s JOIN batches b ON b.id = s.batch "
                        "WHERE story_id = ?"
                      : "SELECT story_id, date, publisher, url, origin, text, coder, dictionary, "
                        "ingested_at, sentences, sentences_coded, events_count, text IS NOT NULL "
                        "FROM stories "
                        "WHERE story_id = ?");
  DYAD_RETURN_IF_ERROR(st.status());
  st.Bind(1, story_id);
  sqlite::Step r = st.Next();
  if (r == sqlite::Step::kError) return Status::Internal(db_->Error());
  if (r != sqlite::Step::kRow) return Status::NotFound("no story '" + story_id + "' in the store");
  StoredStory s;
  s.story_id = st.Text(0);
  s.date = st.Text(1);
  s.publisher = st.Text(2);
  s.url = st.Text(3);
  s.origin = st.Text(4);
  s.text = st.Text(5);
  s.coder = st.Text(6);
  s.dictionary = st.Text(7);
  s.ingested_at = st.Text(8);
  s.sentences = st.Int(9);
  s.sentences_coded = st.Int(10);
  s.events = st.Int(11);
  s.text_stored = st.Int(12) != 0;
  return s;
}

Result<std::set<std::string>> EventStore::DyadKeys() {
  std::set<std::string> keys;
  const std::string t = version_ >= 3 ? "mentions" : "events";
  sqlite::Stmt q(*db_, "SELECT DISTINCT source_key FROM " + t +
                           " UNION SELECT DISTINCT target_key FROM " + t +
                           " WHERE target_key != ''");
  sqlite::Step step;
  while ((step = q.Next()) == sqlite::Step::kRow) keys.insert(q.Text(0));
  if (step != sqlite::Step::kDone) return Status::Internal(db_->Error());
  return keys;
}

}  // namespace dyad::store
