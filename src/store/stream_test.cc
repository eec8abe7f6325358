// The streamed aggregates (store/stream.h, SeriesBuilder, AlertBuilder,
// StreamDirections, StreamAlerts, FillAlertDrivers) against the in-memory
// ones they replace in report, alerts and timeline, on the same mentions.
#include "store/stream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "store/alerts.h"
#include "store/series.h"
#include "store/old_store_test_util.h"
#include "store/test_util.h"
#include "store/views.h"

namespace dyad::store {

static MentionQuery LightQuery() {
  MentionQuery q;
  q.light = true;
  return q;
}
namespace {

using testing::M;

// Mentions over ~80 days, several dyads, codes and publishers, in day order.
std::vector<Mention> RandomMentions(unsigned seed, int n) {
  std::mt19937 rng(seed);
  const char* keys[] = {"RUS", "UKR", "USA", "ISR"};
  const char* codes[] = {"190", "112", "042", "130"};
  const double gold[] = {-10, -2, 1.9, -4.4};
  const int quad[] = {4, 3, 1, 3};
  std::vector<Mention> out;
  for (int i = 0; i < n; ++i) {
    int c = static_cast<int>(rng() % 4);
    std::string src = keys[rng() % 4], tgt = rng() % 7 ? keys[rng() % 4] : "";
    out.push_back(M(src, tgt, codes[c], FormatDay(20000 + static_cast<int>(rng() % 80)), gold[c],
                    quad[c], "p" + std::to_string(rng() % 3), "s" + std::to_string(rng() % 40),
                    src + (rng() % 2 ? "GOV" : "")));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Mention& a, const Mention& b) { return a.day < b.day; });
  return out;
}

TEST(EventStream, SameEventsAsDeduplicate) {
  for (unsigned seed : {1u, 2u, 3u}) {
    std::vector<Mention> ms = RandomMentions(seed, 400);
    for (DedupOptions o : {DedupOptions{}, DedupOptions{DedupOptions::Key::kActor, 1},
                           DedupOptions{DedupOptions::Key::kDyad, 3}}) {
      std::vector<DedupEvent> want = Deduplicate(ms, o);
      std::vector<DedupEvent> got;
      std::vector<std::string> rep_ids;
      EventStream stream(o, [&](const DedupEvent& ev, const MentionSpan& span) {
        ASSERT_EQ(span.size(), ev.mentions.size());
        for (size_t k = 0; k < span.size(); ++k) {
          EXPECT_EQ(span[k]->event.id, ms[ev.mentions[k]].event.id);
        }
        got.push_back(ev);
      });
      for (const Mention& m : ms) stream.Add(Mention(m));
      stream.Finish();
      ASSERT_EQ(got.size(), want.size());
      EXPECT_EQ(stream.events(), want.size());
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].mentions, want[i].mentions) << i;
        EXPECT_EQ(got[i].num_sources, want[i].num_sources);
        EXPECT_EQ(got[i].num_articles, want[i].num_articles);
        EXPECT_EQ(got[i].first_day, want[i].first_day);
      }
    }
    // The one-a-day filter over a stream keeps OneADay's mentions, in order.
    std::vector<std::string> kept;
    OneADayStream one([&](Mention&& m) { kept.push_back(m.event.id); });
    for (const Mention& m : ms) one.Add(Mention(m));
    one.Finish();
    std::vector<std::string> want;
    for (size_t i : OneADay(ms)) want.push_back(ms[i].event.id);
    EXPECT_EQ(kept, want);
  }
}

class StreamStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "/dyad_stream_test_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    Remove();
    auto s = EventStore::Open(path_, EventStore::Mode::kCreate);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    // Stories of the random mentions: one sentence per mention, its text
    // the sentence (stored once, in the story).
    std::map<std::string, CodedStory> stories;
    int n = 0;
    for (Mention& m : RandomMentions(7, 600)) {
      // A story per (story, date), so that every event has its story's date.
      std::string id = m.event.story_id + "@" + m.event.date;
      CodedStory& cs = stories[id];
      cs.story.id = id;
      cs.story.date = m.event.date;
      cs.story.source = m.publisher;
      std::string sentence = m.event.text;
      if (!cs.story.text.empty()) cs.story.text += ' ';
      uint32_t begin = static_cast<uint32_t>(cs.story.text.size());
      cs.story.text += sentence;
      cs.sentences.push_back({begin, begin + static_cast<uint32_t>(sentence.size()), 0, 4, false});
      Event e = m.event;
      e.story_id = id;
      e.id = "e" + std::to_string(++n);
      if (n % 2 == 0) {
        // dyad's own ids (16 hex digits) are stored as integers, some of
        // them negative ones.
        char hex[20];
        snprintf(hex, sizeof hex, "%016llx",
                 static_cast<unsigned long long>(n) * 0x9e3779b97f4a7c15ull);
        e.id = hex;
      }
      if (n % 5 == 0) {
        EventLocation l;
        l.name = n % 10 ? "Kharkiv" : "Ukraine";
        l.country = "UKR";
        l.lat = n % 10 ? 49.98081 : 49.0;
        l.lon = 36.25272;
        if (n % 10) l.geonames_id = 706483;
        l.type = n % 10 ? "city" : "country";
        l.how = "sentence";
        if (n % 10) l.span = Span{begin, begin + 3};
        e.location = l;
      }
      if (n % 7 == 0) {
        e.pattern = "* attack";
        e.pattern_origin = "data/dict/verbs.txt:12";
        e.notes = {"one", "two"};
        e.pub_date = "2024-01-01";
        e.date_rule = "yesterday";
      }
      e.sentence = static_cast<int>(cs.sentences.size()) - 1;
      if (n % 9 == 0) e.text = "not the sentence";  // stored as it is
      cs.events.push_back(e);
      ++cs.stats.sentences;
    }
    std::vector<CodedStory> batch;
    for (auto& [id, cs] : stories) batch.push_back(std::move(cs));
    WriteCounts wc;
    ASSERT_TRUE(store_->WriteBatch(batch, {"dyad test", "dict@1"}, &wc).ok());
    ASSERT_EQ(wc.failed, 0u);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<EventStore> store_;
};

TEST_F(StreamStoreTest, DirectionsAsBuildDirections) {
  auto all = store_->Mentions(LightQuery());
  auto daily = store_->DailyDenominators();
  ASSERT_TRUE(all.ok() && daily.ok());
  ASSERT_EQ(all->size(), 600u);
  for (int variant = 0; variant < 4; ++variant) {
    SeriesOptions so;
    so.by = variant == 1 ? Period::kDay : Period::kWeek;
    so.one_a_day = variant == 2;
    so.basis = variant == 3 ? Basis::kMentions : Basis::kEvents;
    so.dedup.window_days = variant == 3 ? 3 : 1;
    so.from = 20010;
    so.to = 20070;
    std::vector<std::pair<std::string, std::string>> dirs = {
        {"RUS", "UKR"}, {"UKR", "RUS"}, {"*", "*"}, {"USA", "*"}};
    auto want = BuildDirections(*all, dirs, *daily, so);
    std::vector<size_t> counts;
    auto got = StreamDirections(*store_, dirs, *daily, so, &counts);
    ASSERT_TRUE(got.ok()) << got.status().message();
    ASSERT_EQ(got->size(), want.size());
    EXPECT_EQ(counts[2], 600u);
    for (size_t d = 0; d < want.size(); ++d) {
      EXPECT_EQ(DirectionJson((*got)[d], so.by).dump(), DirectionJson(want[d], so.by).dump())
          << "variant " << variant << " direction " << d;
    }
  }
}

TEST_F(StreamStoreTest, AlertsAndDriversAsDetectAlerts) {
  auto all = store_->Mentions(LightQuery());
  auto daily = store_->DailyDenominators();
  ASSERT_TRUE(all.ok() && daily.ok());
  AlertOptions o;
  o.by = Period::kDay;
  o.baseline = 5;
  o.min_baseline = 2;
  o.z = 0.5;
  o.min_level = 1;
  auto events = Deduplicate(*all, o.dedup);
  auto want = DetectAlerts(*all, events, *daily, o);
  ASSERT_GT(want.size(), 3u);  // the test means something
  size_t read = 0;
  auto got = StreamAlerts(*store_, "", "", *daily, o, &read);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(read, 600u);
  std::vector<DedupEvent> drv_events;
  std::vector<Mention> drv_mentions;
  ASSERT_TRUE(FillAlertDrivers(*store_, o, &*got, &drv_events, &drv_mentions).ok());
  ASSERT_EQ(got->size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Alert &w = want[i], &g = (*got)[i];
    EXPECT_EQ(g.source + g.target + FormatDay(g.start), w.source + w.target + FormatDay(w.start));
    EXPECT_EQ(g.level, w.level);
    EXPECT_EQ(g.score.z, w.score.z);
    EXPECT_EQ(g.events, w.events);
    EXPECT_EQ(g.mentions, w.mentions);
    ASSERT_EQ(g.drivers.size(), w.drivers.size()) << i;
    for (size_t k = 0; k < w.drivers.size(); ++k) {
      const DedupEvent& we = events[w.drivers[k]];
      const DedupEvent& ge = drv_events[g.drivers[k]];
      EXPECT_EQ(drv_mentions[ge.mentions[0]].event.id, (*all)[we.mentions[0]].event.id);
      EXPECT_EQ(ge.num_mentions, we.num_mentions);
      EXPECT_EQ(ge.num_articles, we.num_articles);
    }
  }
}

TEST_F(StreamStoreTest, SentenceTextStoredOnceAndReadBack) {
  // Every event but the ones whose text is not their sentence is stored as ''.
  sqlite::Stmt st(store_->db(), "SELECT count(*), sum(text = '') FROM mentions");
  ASSERT_EQ(st.Next(), sqlite::Step::kRow);
  EXPECT_EQ(st.Int(0), 600);
  EXPECT_EQ(st.Int(1), 600 - 600 / 9);
  st.Reset();
  auto whole = store_->Mentions({});
  ASSERT_TRUE(whole.ok());
  int odd = 0;
  for (const Mention& m : *whole) {
    ASSERT_FALSE(m.event.text.empty());
    if (m.event.text == "not the sentence") {
      ++odd;
    } else {
      EXPECT_NE(m.event.text.find(" did "), std::string::npos) << m.event.text;
    }
    Mention light = m;
    light.event.text.clear();
    ASSERT_TRUE(store_->FillText(&light).ok());
    EXPECT_EQ(light.event.text, m.event.text);
  }
  EXPECT_EQ(odd, 600 / 9);
  // Counted in SQL.
  auto ext = store_->MentionExtent({.source = "RUS", .target = "UKR"});
  ASSERT_TRUE(ext.ok());
  int64_t n = 0;
  std::string first = "9999", last;
  for (const Mention& m : *whole) {
    if (m.source_key == "RUS" && m.target_key == "UKR") {
      ++n;
      first = std::min(first, m.event.date);
      last = std::max(last, m.event.date);
    }
  }
  EXPECT_EQ(ext->mentions, n);
  EXPECT_EQ(ext->first, first);
  EXPECT_EQ(ext->last, last);
}

// Every field a reader sees, for comparing stores.
std::string Describe(const Mention& m) {
  const Event& e = m.event;
  std::string d = e.id + "|" + e.story_id + "|" + std::to_string(e.sentence) + "|" + e.date + "|" +
                  e.pub_date + "|" + e.parent_id + "|" + e.source.code + "|" + e.source.name +
                  "|" + e.source.country + "|" + e.source.group + "|" +
                  std::to_string(e.source.types.size()) + "|" +
                  std::to_string(e.source.span.begin) + "|" + m.source_key + "|" + m.target_key;
  if (e.target) d += "|T" + e.target->code + e.target->name + std::to_string(e.target->span.end);
  char num[64];
  snprintf(num, sizeof num, "|%a|%d|%a", e.goldstein.value_or(99), e.quad_class, e.confidence);
  d += num;
  d += "|" + e.code + "|" + e.root + "|" + e.plover + "|" + e.plover_mode + "|" + e.text + "|" +
       e.trigger + "|" + e.pattern + "|" + e.pattern_origin + "|" + e.date_rule + "|" +
       std::to_string(e.notes.size()) + "|" + std::to_string(m.sentence_begin) + "|" +
       (m.is_root ? "root" : "") + "|" + m.publisher + "|" + m.url + "|" + m.added + "|" +
       m.coder + "|" + m.dictionary + "|" + (m.text_stored ? "text" : "no text");
  if (e.location) {
    const EventLocation& l = *e.location;
    snprintf(num, sizeof num, "|%a|%a|", l.lat.value_or(99), l.lon.value_or(99));
    d += "|L" + l.name + l.country + l.admin1 + l.admin1_code + num +
         std::to_string(l.geonames_id) + l.type + l.how +
         (l.span ? std::to_string(l.span->begin) + "-" + std::to_string(l.span->end) : "");
  }
  return d;
}

std::string SchemaVersion(EventStore& s) {
  sqlite::Stmt v(s.db(), "SELECT value FROM meta WHERE key = 'schema_version'");
  return v.Next() == sqlite::Step::kRow ? v.Text(0) : "";
}

// Version 1, 2 and 3 stores (as dyad wrote them before version 4) are read
// as they are, and the first writer rewrites them as version 4 with every
// mention as it was.
TEST_F(StreamStoreTest, OlderStoresAreReadAndMigratedWhenWritten) {
  auto before = store_->Mentions({});
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->size(), 600u);
  store_.reset();
  for (int version : {3, 2, 1}) {
    SCOPED_TRACE("version " + std::to_string(version));
    {
      auto rw = EventStore::Open(path_, EventStore::Mode::kExisting);
      ASSERT_TRUE(rw.ok()) << rw.status().message();
      ASSERT_TRUE(testing::DowngradeStore((*rw)->db(), version).ok()) << (*rw)->db().Error();
      EXPECT_EQ(SchemaVersion(**rw), std::to_string(version));
    }
    {
      auto ro = EventStore::Open(path_, EventStore::Mode::kReadOnly);  // read as it is
      ASSERT_TRUE(ro.ok()) << ro.status().message();
      EXPECT_EQ((*ro)->version(), version);
      auto ms = (*ro)->Mentions({});
      ASSERT_TRUE(ms.ok());
      ASSERT_EQ(ms->size(), before->size());
      for (size_t i = 0; i < ms->size(); ++i) EXPECT_EQ(Describe((*ms)[i]), Describe((*before)[i]));
      auto story = (*ro)->Mentions({.story_id = (*before)[5].event.story_id});
      ASSERT_TRUE(story.ok());
      EXPECT_FALSE(story->empty());
    }
    auto rw = EventStore::Open(path_, EventStore::Mode::kExisting);
    ASSERT_TRUE(rw.ok()) << rw.status().message();
    EXPECT_EQ(SchemaVersion(**rw), "4");
    EXPECT_EQ((*rw)->version(), 4);
    sqlite::Stmt st((*rw)->db(), "SELECT count(*), sum(text = '') FROM mentions");
    ASSERT_EQ(st.Next(), sqlite::Step::kRow);
    EXPECT_EQ(st.Int(0), 600);
    EXPECT_EQ(st.Int(1), 600 - 600 / 9);
    st.Reset();
    auto ms = (*rw)->Mentions({});
    ASSERT_TRUE(ms.ok());
    ASSERT_EQ(ms->size(), before->size());
    for (size_t i = 0; i < ms->size(); ++i) EXPECT_EQ(Describe((*ms)[i]), Describe((*before)[i]));
    // The light read and FillText give the same mentions back.
    for (size_t i = 0; i < ms->size(); i += 37) {
      Mention m = (*ms)[i];
      m.event.text.clear();
      m.event.pattern.clear();
      ASSERT_TRUE((*rw)->FillText(&m).ok());
      EXPECT_EQ(Describe(m), Describe((*before)[i]));
    }
    // And the store takes new writes.
    WriteCounts wc;
    CodedStory cs;
    cs.story.id = "new";
    cs.story.date = "2024-05-01";
    cs.story.text = "A did B.";
    cs.sentences.push_back({0, 8, 0, 3, false});
    ASSERT_TRUE((*rw)->WriteBatch({cs}, {"dyad test", "dict@1"}, &wc).ok());
    EXPECT_EQ(wc.stories, 1u);
    sqlite::Stmt gone((*rw)->db(), "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_old' "
                                   "OR name LIKE '%_v3' OR name = 'mentions_story'");
    ASSERT_EQ(gone.Next(), sqlite::Step::kRow);
    EXPECT_EQ(gone.Int(0), 0);
  }
  // A version this dyad does not know is refused, naming both.
  {
    auto rw = EventStore::Open(path_, EventStore::Mode::kExisting);
    ASSERT_TRUE(rw.ok());
    ASSERT_TRUE((*rw)->db().Exec("UPDATE meta SET value = '9' WHERE key = 'schema_version'").ok());
  }
  auto nine = EventStore::Open(path_, EventStore::Mode::kReadOnly);
  ASSERT_FALSE(nine.ok());
  EXPECT_NE(nine.status().message().find("store schema version 9, this dyad reads versions 1 to 4"),
            std::string::npos)
      << nine.status().message();
}

// `ingest --no-text`: no story text and no sentence is stored; readers are
// told so.
TEST_F(StreamStoreTest, NoTextKeepsNoText) {
  auto before = store_->Mentions({});
  ASSERT_TRUE(before.ok());
  std::vector<CodedStory> batch;
  CodedStory cs;
  cs.story.id = "bare";
  cs.story.date = "2024-05-01";
  cs.story.text = "Russia attacked Ukraine. Then more.";
  cs.sentences = {{0, 24, 0, 4, false}, {25, 35, 0, 2, false}};
  Event e = (*before)[0].event;
  e.story_id = "bare";
  e.id = "00000000000000aa";
  e.sentence = 0;
  e.text = "Russia attacked Ukraine.";
  cs.events.push_back(e);
  e.id = "00000000000000ab";
  e.text = "not the sentence";
  cs.events.push_back(e);
  WriteCounts wc;
  IngestInfo info{"dyad test", "dict@1", /*keep_text=*/false};
  ASSERT_TRUE(store_->WriteBatch({cs}, info, &wc).ok());
  auto rec = store_->StoryRecord("bare");
  ASSERT_TRUE(rec.ok());
  EXPECT_FALSE(rec->text_stored);
  EXPECT_EQ(rec->text, "");
  EXPECT_EQ(rec->sentences, 0);
  auto ms = store_->Mentions({.story_id = "bare"});
  ASSERT_TRUE(ms.ok());
  ASSERT_EQ(ms->size(), 2u);
  for (const Mention& m : *ms) {
    EXPECT_FALSE(m.text_stored);
    EXPECT_EQ(m.event.text, "");
    EXPECT_EQ(m.event.id.substr(0, 14), "00000000000000");
  }
  sqlite::Stmt st(store_->db(),
                  "SELECT count(*) FROM stories WHERE story_id = 'bare' AND text IS NULL");
  ASSERT_EQ(st.Next(), sqlite::Step::kRow);
  EXPECT_EQ(st.Int(0), 1);
  st.Reset();
  // The other stories keep theirs.
  auto other = store_->StoryRecord((*before)[0].event.story_id);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->text_stored);
  EXPECT_FALSE(other->text.empty());
}

}  // namespace
}  // namespace dyad::store
