// The event store: stories, their sentences' statistics and their events
// (mentions) in one SQLite file (WAL journal, no server). The schema is in
// docs/STORE.md; it is versioned in the `meta` table.
//
//   auto store = EventStore::Open("events.db", EventStore::Mode::kCreate);
//   store->WriteBatch(batch, info, &counts);     // one transaction
//   store->ForEachMention({.source = "RUS", .target = "UKR"}, fn);
//
// Guarantees: a batch is one transaction, so after a crash the file holds
// whole batches only (every stored story has all its sentences and events,
// and stories.events_count equals its rows in `events`). Writing a story
// whose id is stored replaces it: its old sentences and events are deleted
// in the same transaction, so ingest is idempotent.
//
// One EventStore per thread; several processes may read while one writes.
#ifndef DYAD_STORE_STORE_H_
#define DYAD_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/coder.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "dyad/story.h"
#include "store/mention.h"
#include "store/sqlite.h"

namespace dyad::store {

// 2: an event's `text` is '' when it is its story's text at its sentence
// (the sentence is stored once, in `stories.text`).
// 3: mentions normalised: actors, event kinds (code, Goldstein, PLOVER),
// how they were coded (trigger, pattern, notes) and places in tables of
// their own keyed by small integers; stories keyed by an integer `sid`;
// dyad's event ids stored as integers; a story's text may be absent
// (`ingest --no-text`). Views `events` and `sentences` show the version 2
// columns.
// 4: a story's text compressed (sqlar_uncompress(text, text_size)); coder,
// dictionary and time of ingest in `batches`; a story's mentions are
// consecutive rows from stories.first_mention (no index on mentions.sid).
// Older stores are read as they are and migrated when they are opened for
// writing (EventStore::Open).
inline constexpr int kSchemaVersion = 4;

struct SentenceInfo {
  uint32_t begin = 0, end = 0;  // bytes of the story text
  uint32_t paragraph = 0;
  uint32_t tokens = 0;
  bool heading = false;
};

// A story after coding, ready to store.
struct CodedStory {
  Story story;
  std::vector<Event> events;
  std::vector<SentenceInfo> sentences;
  CodeStats stats;
  std::string fingerprint;  // StoryFingerprint(story, coder, dictionary)
  // The text as the store keeps it (sqlite::PackText), when the caller made
  // it already (ingest does, on its coding threads); else WriteBatch does.
  std::optional<std::string> packed_text;
};

// What a story's stored row is compared with to skip unchanged stories:
// a hash of its date, publisher, url and text and of the coder version and
// dictionary fingerprint that coded it.
std::string StoryFingerprint(const Story& s, const std::string& coder,
                             const std::string& dictionary);

struct IngestInfo {
  std::string coder;       // "dyad 0.1.0"
  std::string dictionary;  // Lexicon::fingerprint()
  // false (`ingest --no-text`): the stories' text is not stored (NULL) and
  // the events keep no sentence; everything else is stored as usual.
  bool keep_text = true;
};

struct WriteCounts {
  uint64_t stories = 0;   // stored (new or replaced)
  uint64_t replaced = 0;  // of which had a stored version
  uint64_t events = 0;
  uint64_t failed = 0;    // stories skipped because a row could not be written
};

struct MentionQuery {
  std::string from, to;      // event dates, inclusive; "" = open
  std::string source, target;  // dyad keys; "" or "*" = any
  bool both = false;          // also target -> source
  std::string story_id;       // only this story's events; "" = every story
  // For aggregates: leave out the strings only a reader of single events
  // needs (the sentence, the actors' names, trigger, pattern, notes), so that
  // millions of mentions fit in memory. FillText() puts them back.
  bool light = false;
  // false: leave out only the sentence (text ""), for readers that never
  // show it (the GDELT exports): a version 4 store then inflates no text.
  bool sentence = true;
};

// A stored story as ingested (StoryRecord).
struct StoredStory {
  std::string story_id, date, publisher, url, origin, text, coder, dictionary, ingested_at;
  int64_t sentences = 0, sentences_coded = 0, events = 0;
  bool text_stored = true;  // false: ingested with --no-text (`text` is "")
};

struct Denominator {
  int64_t stories = 0;
  int64_t sentences = 0;
};

struct StoreSummary {
  int64_t stories = 0, sentences = 0, events = 0, publishers = 0;
  std::string first_day, last_day;  // story dates
  std::string first_event_day, last_event_day;
  std::string coder, dictionary;    // of the most recent batch
};

class EventStore {
 public:
  // kReadOnly: an existing store, for reading commands; nothing is written
  // (no journal or cache pragmas), so a store in a read-only folder reads.
  enum class Mode { kCreate, kExisting, kReadOnly };
  // Opens the database, creating it and its schema in kCreate mode. Fails
  // when the file is not a dyad store of this schema version.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path, Mode mode);

  // The stored fingerprint of `story_id`, "" when it is not stored.
  Result<std::string> StoredFingerprint(const std::string& story_id);

  // Stores the batch in one transaction (see the guarantees above). A story
  // whose rows cannot be written (a duplicate event id …) is rolled back on
  // its own, counted in `failed` and reported through `on_error`.
  Status WriteBatch(const std::vector<CodedStory>& batch, const IngestInfo& info,
                    WriteCounts* counts,
                    const std::function<void(const std::string&)>& on_error = nullptr);

  // For a bulk load: when the store holds no mention yet, the indexes that
  // only readers use (by dyad, by day) and the unique index of event ids are
  // dropped, to be built once, sorted, by EndBulkLoad (much cheaper than
  // growing them row by row). Meanwhile an event id stored twice is not
  // refused by WriteBatch: EndBulkLoad finds such ids, drops the later
  // stories that hold them (as WriteBatch drops a story it cannot write:
  // counted in `failed`, reported through `on_error`) and then builds the
  // index. A store left without the indexes (a killed ingest) gets them back
  // when next opened for writing (a story holding an id stored before it is
  // dropped then, unreported: ingesting it again reports it); readers
  // meanwhile read it, more slowly.
  Status BeginBulkLoad();
  Status EndBulkLoad(WriteCounts* counts = nullptr,
                     const std::function<void(const std::string&)>& on_error = nullptr);

  // Calls fn for every matching mention in (date, story_id, sentence,
  // event_id) order; fn returns false to stop.
  Status ForEachMention(const MentionQuery& q, const std::function<bool(Mention&&)>& fn);
  Result<std::vector<Mention>> Mentions(const MentionQuery& q);
  // How many mentions match `q` and their first and last event date ("" when
  // none), counted in SQL.
  struct Extent {
    int64_t mentions = 0;
    std::string first, last;
  };
  Result<Extent> MentionExtent(const MentionQuery& q);
  // Per directed dyad with a target, of the mentions dated in [from, to]
  // ("" = open): how many distinct stories they come from, counted in SQL.
  Result<std::map<std::pair<std::string, std::string>, int64_t>> DyadArticles(
      const std::string& from, const std::string& to);
  // Reads back, for mentions read with MentionQuery::light, the sentence,
  // the actors' names, the trigger, the pattern and the notes.
  Status FillText(Mention* m);

  // Stories and sentences processed per story date (all publishers), keyed
  // by day number; days without stories are absent.
  Result<std::map<int, Denominator>> DailyDenominators(const std::string& from = "",
                                                       const std::string& to = "");
  Result<StoreSummary> Summary();
  // The story stored under `story_id`; NotFound when there is none.
  Result<StoredStory> StoryRecord(const std::string& story_id);
  // Every dyad end the stored events name (source and target keys).
  Result<std::set<std::string>> DyadKeys();

  sqlite::Db& db() { return *db_; }
  // The schema version of the open store (1, 2 or kSchemaVersion).
  int version() const { return version_; }

  // A mention as one row of the version 3 `mentions` table.
  struct MentionRow {
    const Event* event = nullptr;
    int64_t sid = 0;
    std::string source_key, target_key;
    std::string_view text;  // '' when the sentence is the story's text at it
    int64_t sentence_begin = -1;
    bool is_root = false;
  };

 private:
  explicit EventStore(std::unique_ptr<sqlite::Db> db) : db_(std::move(db)) {}
  Status Init(Mode mode);
  Status WriteStory(const CodedStory& cs, const std::string& now, const IngestInfo& info,
                    bool* replaced);
  // Version 3 (schema_v3.cc): the row's lookups (actors, kinds, hows,
  // places) are found or added, then the row is inserted.
  Status InsertMention(const MentionRow& r);
  Result<int64_t> LookupId(int table, const std::string& key,
                           const std::function<void(sqlite::Stmt&)>& bind);
  void ForgetLookups();
  // Rewrites a version 1 or 2 store as version 3, in one transaction.
  Status MigrateToV3();
  // Builds the unique index of event ids, first dropping every story that
  // holds an id an earlier row holds (see EndBulkLoad).
  Status BuildIdIndex(WriteCounts* counts,
                      const std::function<void(const std::string&)>& on_error);
  // Rewrites a version 3 store as version 4, in one transaction (schema_v4.cc).
  Status MigrateV3ToV4();
  // The `batches` row of this coder, dictionary and time, added if new.
  Result<int64_t> BatchId(const IngestInfo& info, const std::string& now);
  // The version 1/2 query over events/stories/sentences named with `suffix`.
  std::string SelectV2(const MentionQuery& q, const std::string& suffix,
                       std::vector<std::string>* binds) const;
  std::string SelectV3(const MentionQuery& q, std::vector<std::string>* binds) const;
  Status Decode(sqlite::Stmt& st, Mention* m) const;

  std::unique_ptr<sqlite::Db> db_;
  int version_ = kSchemaVersion;
  // Lookup caches of the version 3 writer: value key -> id, per table.
  std::vector<std::unordered_map<std::string, int64_t>> lookups_;
  std::vector<std::unique_ptr<sqlite::Stmt>> lookup_find_, lookup_add_;
  bool has_date_rule_ = true;  // the events table has its date_rule column
  // A store made before events had a location lacks the column until a
  // writer adds it; a reader then reads no locations.
  bool has_location_ = true;
  std::unique_ptr<sqlite::Stmt> select_fp_, old_story_, delete_events_, delete_sentences_,
      insert_story_, insert_sentence_, insert_event_, next_mention_;
  std::string batch_key_;  // BatchId's last answer
  int64_t batch_id_ = 0;
};

// The lead paragraph: the paragraph of the first sentence that is not a
// heading (0 when there is none). Events from it are root events.
uint32_t LeadParagraph(const std::vector<SentenceInfo>& sentences);

}  // namespace dyad::store

#endif  // DYAD_STORE_STORE_H_
