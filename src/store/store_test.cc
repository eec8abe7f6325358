#include "store/store.h"
#include "store/old_store_test_util.h"
#include "store/sqlite.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace dyad::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "/dyad_store_test_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  int64_t Count(EventStore& s, const std::string& sql) {
    sqlite::Stmt st(s.db(), sql);
    return st.Next() == sqlite::Step::kRow ? st.Int(0) : -1;
  }
  std::string path_;
};

Event MakeEvent(const std::string& story, int sentence, int ordinal, const std::string& code) {
  Event e;
  e.id = story + "-" + std::to_string(sentence) + "-" + std::to_string(ordinal);
  e.story_id = story;
  e.sentence = sentence;
  e.date = e.pub_date = "2025-03-14";
  e.source.code = "RUSGOV";
  e.source.name = "the Kremlin";
  e.source.country = "RUS";
  e.source.types = {"GOV"};
  e.source.span = {4, 15};
  Actor t;
  t.code = "IGOWSTNAT";
  t.name = "NATO";
  t.group = "NAT";
  t.types = {"IGO"};
  t.span = {26, 30};
  e.target = t;
  e.code = code;
  e.root = code.substr(0, 2);
  e.goldstein = -4.4;
  e.quad_class = 3;
  e.plover = "THREATEN";
  e.text = "The Kremlin threatened NATO.";
  e.trigger = "threatened";
  e.trigger_span = {16, 26};
  e.confidence = 0.9;
  e.notes = {"pattern", "source from a pronoun"};
  return e;
}

CodedStory MakeStory(const std::string& id, int events, const std::string& publisher = "wire") {
  CodedStory cs;
  cs.story.id = id;
  cs.story.date = "2025-03-14";
  cs.story.source = publisher;
  cs.story.text = "MOSCOW\n\nThe Kremlin threatened NATO. It said more.";
  cs.sentences = {{0, 6, 0, 1, true}, {8, 36, 1, 5, false}, {37, 50, 1, 4, false}};
  cs.stats.sentences = 3;
  cs.stats.sentences_coded = events ? 1 : 0;
  for (int i = 0; i < events; ++i) cs.events.push_back(MakeEvent(id, 1, i, "130"));
  cs.fingerprint = StoryFingerprint(cs.story, "dyad test", "dict@1");
  return cs;
}

TEST_F(StoreTest, WritesAndReadsBackEveryField) {
  auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
  ASSERT_TRUE(s.ok()) << s.status().message();
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 2), MakeStory("b", 0)}, {"dyad test", "dict@1"}, &wc).ok());
  EXPECT_EQ(wc.stories, 2u);
  EXPECT_EQ(wc.events, 2u);
  auto ms = (*s)->Mentions({});
  ASSERT_TRUE(ms.ok());
  ASSERT_EQ(ms->size(), 2u);
  const Mention& m = (*ms)[0];
  EXPECT_EQ(m.event.id, "a-1-0");
  EXPECT_EQ(m.source_key, "RUS");
  EXPECT_EQ(m.target_key, "NATO");
  EXPECT_EQ(m.event.source.types, std::vector<std::string>{"GOV"});
  EXPECT_EQ(m.event.source.span.begin, 4u);
  ASSERT_TRUE(m.event.target);
  EXPECT_EQ(m.event.target->group, "NAT");
  EXPECT_EQ(m.event.target->span.end, 30u);
  EXPECT_DOUBLE_EQ(*m.event.goldstein, -4.4);
  EXPECT_EQ(m.event.notes, (std::vector<std::string>{"pattern", "source from a pronoun"}));
  EXPECT_EQ(m.sentence_begin, 8);
  EXPECT_TRUE(m.is_root);  // the first paragraph after the heading is the lead
  EXPECT_EQ(m.publisher, "wire");
  EXPECT_EQ(m.coder, "dyad test");
  EXPECT_EQ(m.added.size(), 14u);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM sentences"), 6);
  EXPECT_EQ(Count(**s, "SELECT events FROM sentences WHERE story_id='a' AND sentence=1"), 2);
  EXPECT_EQ(Count(**s, "SELECT events_count FROM stories WHERE story_id='a'"), 2);
  auto fp = (*s)->StoredFingerprint("a");
  EXPECT_EQ(*fp, StoryFingerprint(MakeStory("a", 0).story, "dyad test", "dict@1"));
  EXPECT_EQ(*(*s)->StoredFingerprint("nope"), "");
}

TEST_F(StoreTest, KeepsTheLocationAndAddsItsColumnToAnOlderStore) {
  {
    // A (version 2) store as made before events had a location: no
    // `location` column.
    auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(testing::DowngradeStore((*s)->db(), 2).ok());
    ASSERT_TRUE((*s)->db().Exec("ALTER TABLE events DROP COLUMN location").ok());
  }
  auto s = EventStore::Open(path_, EventStore::Mode::kExisting);
  ASSERT_TRUE(s.ok()) << s.status().message();
  CodedStory cs = MakeStory("a", 2);
  EventLocation l;
  l.name = "Moscow";
  l.country = "RUS";
  l.lat = 55.7522;
  l.lon = 37.6156;
  l.geonames_id = 524901;
  l.type = "city";
  l.how = "dateline";
  l.span = Span{0, 6};
  cs.events[0].location = l;
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({cs}, {"dyad test", "dict@1"}, &wc).ok());
  auto ms = (*s)->Mentions({});
  ASSERT_TRUE(ms.ok());
  ASSERT_EQ(ms->size(), 2u);
  ASSERT_TRUE((*ms)[0].event.location);
  const EventLocation& got = *(*ms)[0].event.location;
  EXPECT_EQ(got.name, "Moscow");
  EXPECT_EQ(got.type, "city");
  EXPECT_EQ(got.how, "dateline");
  EXPECT_DOUBLE_EQ(*got.lat, 55.7522);
  EXPECT_EQ(got.geonames_id, 524901);
  ASSERT_TRUE(got.span);
  EXPECT_EQ(got.span->end, 6u);
  EXPECT_TRUE(got.admin1.empty());
  EXPECT_FALSE((*ms)[1].event.location);  // none stays none
}

TEST_F(StoreTest, ReingestReplacesTheOldEvents) {
  auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 3)}, {"v", "d"}, &wc).ok());
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 1)}, {"v", "d"}, &wc).ok());
  EXPECT_EQ(wc.replaced, 1u);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM stories"), 1);
  EXPECT_EQ(Count(**s, "SELECT events_count FROM stories"), 1);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM sentences"), 3);
}

// Version 4: a story's mentions are consecutive rows from first_mention,
// also after stories around it are replaced; its text is kept compressed
// and read back whole; one `batches` row per coder, dictionary and time.
TEST_F(StoreTest, StoryMentionsTextAndBatchesAfterReplacements) {
  auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
  ASSERT_TRUE(s.ok());
  WriteCounts wc;
  CodedStory big = MakeStory("b", 2);
  for (int i = 0; i < 40; ++i) big.story.text += " The Kremlin threatened NATO again.";
  big.fingerprint = StoryFingerprint(big.story, "v", "d");
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 2), big, MakeStory("c", 3)}, {"v", "d"}, &wc).ok());
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("b", 4), MakeStory("a", 0)}, {"v", "d"}, &wc).ok());
  ASSERT_TRUE((*s)->WriteBatch({big}, {"v2", "d"}, &wc).ok());  // b again, 2 mentions
  EXPECT_EQ(wc.replaced, 3u);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM mentions"), 5);
  for (const auto& [id, n] : {std::pair("a", 0), std::pair("b", 2), std::pair("c", 3)}) {
    SCOPED_TRACE(id);
    MentionQuery q;
    q.story_id = id;
    auto ms = (*s)->Mentions(q);
    ASSERT_TRUE(ms.ok());
    EXPECT_EQ(static_cast<int>(ms->size()), n);
    for (const Mention& m : *ms) EXPECT_EQ(m.event.story_id, id);
    EXPECT_EQ(Count(**s, std::string("SELECT count(*) FROM mentions m JOIN stories s ON "
                                     "s.sid = m.sid WHERE s.story_id = '") + id +
                             "' AND m.rowid BETWEEN s.first_mention AND "
                             "s.first_mention + s.events_count - 1"),
              n);
  }
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM stories WHERE story_id = 'a' AND "
                       "first_mention IS NULL"),
            1);
  // The long text is stored compressed, the short one as it is; both read back.
  EXPECT_EQ(Count(**s, "SELECT length(text) < text_size / 2 FROM stories WHERE story_id = 'b'"), 1);
  EXPECT_EQ(Count(**s, "SELECT length(text) = text_size FROM stories WHERE story_id = 'c'"), 1);
  auto rec = (*s)->StoryRecord("b");
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->text, big.story.text);
  EXPECT_EQ(rec->coder, "v2");
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM story_texts WHERE text = (SELECT text FROM "
                       "story_texts WHERE story_id = 'c') AND story_id IN ('a', 'c')"),
            2);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM events WHERE text = 'The Kremlin threatened NATO.'"),
            5);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM batches WHERE coder = 'v2'"), 1);
  // A batch per second at most (the two first writes may share one).
  EXPECT_EQ(Count(**s, "SELECT count(*) BETWEEN 1 AND 2 FROM batches WHERE coder = 'v'"), 1);
}

TEST_F(StoreTest, DenominatorsPerDayAndPublisher) {
  auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 1, "A"), MakeStory("b", 0, "A"), MakeStory("c", 2, "B")},
                               {"v", "d"}, &wc).ok());
  auto daily = (*s)->DailyDenominators();
  ASSERT_TRUE(daily.ok());
  ASSERT_EQ(daily->size(), 1u);
  EXPECT_EQ(daily->begin()->second.stories, 3);
  EXPECT_EQ(daily->begin()->second.sentences, 9);
  EXPECT_EQ(Count(**s, "SELECT stories FROM denominators WHERE publisher='A'"), 2);
  EXPECT_EQ(Count(**s, "SELECT events FROM denominators WHERE publisher='B'"), 2);
  auto sum = (*s)->Summary();
  EXPECT_EQ(sum->stories, 3);
  EXPECT_EQ(sum->events, 3);
  EXPECT_EQ(sum->publishers, 2);
}

TEST_F(StoreTest, AStoryThatCannotBeWrittenIsDroppedWhole) {
  auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
  CodedStory bad = MakeStory("bad", 2);
  bad.events[1].id = bad.events[0].id;  // duplicate primary key
  std::vector<std::string> errors;
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 1), bad, MakeStory("c", 1)}, {"v", "d"}, &wc,
                               [&](const std::string& e) { errors.push_back(e); })
                  .ok());
  EXPECT_EQ(wc.stories, 2u);
  EXPECT_EQ(wc.failed, 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'bad'"), std::string::npos);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM stories WHERE story_id='bad'"), 0);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM events WHERE story_id='bad'"), 0);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM sentences WHERE story_id='bad'"), 0);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM events"), 2);
}

// In a bulk load the unique index of event ids is built at the end: a story
// holding an id stored before it is dropped then, whole, and reported, as
// WriteBatch drops one outside a bulk load.
TEST_F(StoreTest, BulkLoadDropsTheStoriesOfRepeatedEventIds) {
  auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->BeginBulkLoad().ok());
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_id'"), 0);
  CodedStory bad = MakeStory("bad", 2);
  bad.events[1].id = bad.events[0].id;  // twice in one story
  CodedStory copy = MakeStory("copy", 2);
  copy.events[1].id = "a-1-0";  // an event of story a
  std::vector<std::string> errors;
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 1), bad, MakeStory("c", 1)}, {"v", "d"}, &wc).ok());
  ASSERT_TRUE((*s)->WriteBatch({copy, MakeStory("d", 2)}, {"v", "d"}, &wc).ok());
  EXPECT_EQ(wc.stories, 5u);
  auto on_error = [&](const std::string& e) { errors.push_back(e); };
  ASSERT_TRUE((*s)->EndBulkLoad(&wc, on_error).ok());
  EXPECT_EQ(wc.stories, 3u);
  EXPECT_EQ(wc.failed, 2u);
  EXPECT_EQ(wc.events, 4u);
  ASSERT_EQ(errors.size(), 2u);
  std::sort(errors.begin(), errors.end());
  EXPECT_NE(errors[0].find("story 'bad' not stored"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("story 'copy' not stored"), std::string::npos) << errors[1];
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM stories WHERE story_id IN ('bad', 'copy')"), 0);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM sentences WHERE story_id IN ('bad', 'copy')"), 0);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM events"), 4);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM events WHERE story_id = 'a'"), 1);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM sqlite_master WHERE name IN ('mentions_id', "
                       "'mentions_dyad', 'mentions_day')"),
            3);
  // The index is back: the id is refused as outside a bulk load.
  ASSERT_TRUE((*s)->WriteBatch({copy}, {"v", "d"}, &wc).ok());
  EXPECT_EQ(wc.failed, 3u);
}

// A bulk load killed before its end leaves no index of event ids; the next
// writer builds it, dropping a story that repeats an id.
TEST_F(StoreTest, AKilledBulkLoadGetsItsIdIndexBackWhenReopened) {
  {
    auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
    ASSERT_TRUE((*s)->BeginBulkLoad().ok());
    CodedStory copy = MakeStory("copy", 1);
    copy.events[0].id = "a-1-0";
    WriteCounts wc;
    ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 1), copy}, {"v", "d"}, &wc).ok());
  }
  auto s = EventStore::Open(path_, EventStore::Mode::kExisting);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_id'"), 1);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM stories"), 1);
  EXPECT_EQ(Count(**s, "SELECT count(*) FROM events WHERE story_id = 'a'"), 1);
}

TEST_F(StoreTest, QueriesByDyadAndDate) {
  auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
  CodedStory x = MakeStory("x", 1);
  std::swap(x.events[0].source, *x.events[0].target);  // NATO -> RUS
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 2), x}, {"v", "d"}, &wc).ok());
  EXPECT_EQ((*s)->Mentions({"", "", "RUS", "NATO", false, ""})->size(), 2u);
  EXPECT_EQ((*s)->Mentions({"", "", "RUS", "NATO", true, ""})->size(), 3u);
  EXPECT_EQ((*s)->Mentions({"", "", "NATO", "*", false, ""})->size(), 1u);
  EXPECT_EQ((*s)->Mentions({"2025-03-15", "", "", "", false, ""})->size(), 0u);
  EXPECT_EQ((*s)->Mentions({"2025-03-14", "2025-03-14", "", "", false, ""})->size(), 3u);
  // One story's events, and the story itself.
  EXPECT_EQ((*s)->Mentions({"", "", "", "", false, "x"})->size(), 1u);
  EXPECT_EQ((*s)->Mentions({"", "", "", "", false, "a"})->size(), 2u);
  auto rec = (*s)->StoryRecord("a");
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->story_id, "a");
  EXPECT_EQ(rec->events, 2);
  EXPECT_EQ((*s)->StoryRecord("nope").status().code(), StatusCode::kNotFound);
  // Light: the same mentions without their text, which FillText reads back.
  MentionQuery lq;
  lq.light = true;
  auto light = (*s)->Mentions(lq);
  auto full = (*s)->Mentions({});
  ASSERT_EQ(light->size(), full->size());
  Mention m = (*light)[0];
  EXPECT_TRUE(m.event.text.empty());
  EXPECT_EQ(m.event.code, (*full)[0].event.code);
  ASSERT_TRUE((*s)->FillText(&m).ok());
  EXPECT_FALSE(m.event.text.empty());
  EXPECT_EQ(m.event.text, (*full)[0].event.text);
  EXPECT_EQ(m.event.source.name, (*full)[0].event.source.name);
  EXPECT_EQ(m.event.pattern, (*full)[0].event.pattern);
}

// A store made before events had a date_rule column reads ('pub_date') and
// gains the column when it is next written.
TEST_F(StoreTest, OldStoreWithoutDateRule) {
  {
    auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
    WriteCounts wc;
    ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 1)}, {"v", "d"}, &wc).ok());
    ASSERT_TRUE(testing::DowngradeStore((*s)->db(), 2).ok());
    ASSERT_TRUE((*s)->db().Exec("ALTER TABLE events DROP COLUMN date_rule").ok());
  }
  {
    auto s = EventStore::Open(path_, EventStore::Mode::kReadOnly);
    ASSERT_TRUE(s.ok());
    auto ms = (*s)->Mentions({});
    ASSERT_TRUE(ms.ok());
    ASSERT_EQ(ms->size(), 1u);
    EXPECT_EQ((*ms)[0].event.date_rule, "pub_date");
  }
  auto s = EventStore::Open(path_, EventStore::Mode::kExisting);
  ASSERT_TRUE(s.ok());
  CodedStory b = MakeStory("b", 1);
  b.events[0].date_rule = "yesterday";
  WriteCounts wc;
  ASSERT_TRUE((*s)->WriteBatch({b}, {"v", "d"}, &wc).ok());
  auto ms = (*s)->Mentions({"", "", "", "", false, "b"});
  ASSERT_EQ(ms->size(), 1u);
  EXPECT_EQ((*ms)[0].event.date_rule, "yesterday");
}

TEST_F(StoreTest, RefusesMissingAndForeignFiles) {
  auto missing = EventStore::Open(path_, EventStore::Mode::kExisting);
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no such database"), std::string::npos);
  {
    auto db = sqlite::Db::Open(path_);
    ASSERT_TRUE((*db)->Exec("CREATE TABLE other(x)").ok());
  }
  auto foreign = EventStore::Open(path_, EventStore::Mode::kCreate);
  EXPECT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find("not a dyad event store"), std::string::npos);
}

TEST_F(StoreTest, ReopensWithTheSameSchema) {
  {
    auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
    WriteCounts wc;
    ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 1)}, {"v", "d"}, &wc).ok());
  }
  auto s = EventStore::Open(path_, EventStore::Mode::kExisting);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ((*s)->Mentions({})->size(), 1u);
  EXPECT_EQ((*s)->Summary()->coder, "v");
}

// Two processes creating the same new store at once: the schema check's
// statements were still open at BEGIN IMMEDIATE, so one of them failed at
// once with "database is locked" (a deadlock to SQLite) instead of waiting.
TEST_F(StoreTest, TwoConnectionsCreateTheSameStoreAtOnce) {
  for (int round = 0; round < 30; ++round) {
    Remove();
    Status results[2];
    std::atomic<int> ready{0};
    auto open = [&](int i) {
      ++ready;
      while (ready.load() < 2) {
      }
      auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
      results[i] = s.ok() ? Status::Ok() : s.status();
    };
    std::thread a(open, 0), b(open, 1);
    a.join();
    b.join();
    ASSERT_TRUE(results[0].ok()) << "round " << round << ": " << results[0].message();
    ASSERT_TRUE(results[1].ok()) << "round " << round << ": " << results[1].message();
  }
}

// Reading commands open the store read-only: one in a folder the user cannot
// write reads (read-write opening and the WAL pragmas failed there). Run in
// a child process that, when root (for whom modes do not count), drops to
// an ordinary user first.
TEST_F(StoreTest, ReadsAStoreInAReadOnlyFolder) {
  const std::string dir = ::testing::TempDir() + "/dyad_store_test_ro";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directory(dir);
  const std::string path = dir + "/events.db";
  {
    auto s = EventStore::Open(path, EventStore::Mode::kCreate);
    ASSERT_TRUE(s.ok()) << s.status().message();
    WriteCounts wc;
    ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 2)}, {"dyad test", "dict@1"}, &wc).ok());
  }
  ASSERT_FALSE(std::filesystem::exists(path + "-wal"));  // closed cleanly: no -wal, no -shm
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
  std::filesystem::permissions(
      dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
               std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
               std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
  EXPECT_EXIT(
      {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) std::exit(3);
        // The folder is read-only to this process: opening to write fails.
        if (EventStore::Open(path, EventStore::Mode::kExisting).ok()) std::exit(4);
        auto s = EventStore::Open(path, EventStore::Mode::kReadOnly);
        if (!s.ok()) {
          std::fprintf(stderr, "%s\n", s.status().message().c_str());
          std::exit(1);
        }
        auto ms = (*s)->Mentions({});
        std::exit(ms.ok() && ms->size() == 2 ? 0 : 2);
      },
      ::testing::ExitedWithCode(0), "");
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  std::filesystem::remove_all(dir);
}


// A store whose pages were zeroed was refused as "store schema version ,":
// it is now named as damaged, in every mode.
TEST_F(StoreTest, ZeroedPagesAreReportedAsDamage) {
  {
    auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
    ASSERT_TRUE(s.ok()) << s.status().message();
    WriteCounts wc;
    ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 2)}, {"dyad test", "dict@1"}, &wc).ok());
  }
  const auto size = std::filesystem::file_size(path_);
  ASSERT_GT(size, 4096u);
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    const std::string zeros(size - 4096, '\0');
    f.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
  }
  for (auto mode : {EventStore::Mode::kExisting, EventStore::Mode::kReadOnly,
                    EventStore::Mode::kCreate}) {
    auto s = EventStore::Open(path_, mode);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().message(), path_ +
                                        ": database disk image is malformed (reading the store's "
                                        "schema version)");
  }
}


// A store whose index page is damaged was written to: reading the schema
// version does not touch the index. Opening for writing runs quick_check
// and refuses the store by name; reading commands still open it.
TEST_F(StoreTest, DamagedIndexIsRefusedForWriting) {
  {
    auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
    ASSERT_TRUE(s.ok()) << s.status().message();
    WriteCounts wc;
    ASSERT_TRUE((*s)->WriteBatch({MakeStory("a", 2)}, {"dyad test", "dict@1"}, &wc).ok());
  }
  int64_t root = 0, page_size = 0;
  {
    auto db = sqlite::Db::Open(path_, false);
    ASSERT_TRUE(db.ok());
    sqlite::Stmt r(**db, "SELECT rootpage FROM sqlite_master WHERE name='mentions_dyad'");
    ASSERT_EQ(r.Next(), sqlite::Step::kRow);
    root = r.Int(0);
    r.Reset();
    sqlite::Stmt p(**db, "PRAGMA page_size");
    ASSERT_EQ(p.Next(), sqlite::Step::kRow);
    page_size = p.Int(0);
    p.Reset();
  }
  ASSERT_GT(root, 1);
  ASSERT_GE(static_cast<int64_t>(std::filesystem::file_size(path_)), root * page_size);
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((root - 1) * page_size);
    const std::string junk(static_cast<size_t>(page_size), '\xff');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  for (auto mode : {EventStore::Mode::kExisting, EventStore::Mode::kCreate}) {
    auto s = EventStore::Open(path_, mode);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().message().rfind(path_ + ": the store is damaged (", 0), 0u)
        << s.status().message();
    EXPECT_NE(s.status().message().find("not written"), std::string::npos);
    EXPECT_EQ(s.status().message().find('\n'), std::string::npos);
  }
  auto r = EventStore::Open(path_, EventStore::Mode::kReadOnly);
  EXPECT_TRUE(r.ok()) << r.status().message();
}

}  // namespace
}  // namespace dyad::store
