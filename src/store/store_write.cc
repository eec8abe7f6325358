// EventStore's writer: a batch of coded stories in one transaction, a
// savepoint per story (split from store.cc; the rows of a mention are
// schema_v3.cc's InsertMention).
#include <ctime>
#include <string>
#include <vector>

#include "store/schema_v3.h"
#include "store/store.h"
#include "text/strings.h"

namespace dyad::store {
namespace {

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string ListPlaceholders(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

}  // namespace

Status EventStore::WriteStory(const CodedStory& cs, const std::string& now,
                              const IngestInfo& info, bool* replaced) {
  const Story& s = cs.story;
  // The stored copy's mentions are its events_count rows from first_mention.
  old_story_->Reset();
  old_story_->Bind(1, s.id);
  sqlite::Step found = old_story_->Next();
  if (found == sqlite::Step::kError) return Status::Internal(db_->Error());
  if (found == sqlite::Step::kRow) {
    const int64_t old_sid = old_story_->Int(0);
    const bool has_mentions = !old_story_->IsNull(1);
    const int64_t first = old_story_->Int(1), count = old_story_->Int(2);
    old_story_->Reset();
    if (has_mentions && count > 0) {
      delete_events_->Bind(1, first).Bind(2, first + count - 1);
      DYAD_RETURN_IF_ERROR(delete_events_->Run());
    }
    delete_sentences_->Bind(1, old_sid);
    DYAD_RETURN_IF_ERROR(delete_sentences_->Run());
    *replaced = db_->Changes() > 0;
  } else {
    old_story_->Reset();
    *replaced = false;
  }
  // Where its mentions will go: after the last row (SQLite's next rowid).
  int64_t first_mention = 0;
  if (!cs.events.empty()) {
    next_mention_->Reset();
    if (next_mention_->Next() != sqlite::Step::kRow) return Status::Internal(db_->Error());
    first_mention = next_mention_->Int(0);
    next_mention_->Reset();
  }
  auto batch = BatchId(info, now);
  if (!batch.ok()) return batch.status();

  sqlite::Stmt& st = *insert_story_;
  sqlite::Binder b(st);
  b.Add(s.id).Add(s.date).Add(s.source).Add(s.url).Add(s.origin);
  if (info.keep_text) {
    st.BindBlob(6, cs.packed_text ? *cs.packed_text : sqlite::PackText(s.text));
    st.Bind(7, static_cast<int64_t>(s.text.size()));
  } else {
    st.BindNull(6).BindNull(7);
  }
  st.Bind(8, cs.fingerprint)
      .Bind(9, static_cast<int64_t>(cs.stats.sentences))
      .Bind(10, static_cast<int64_t>(cs.stats.sentences_coded))
      .Bind(11, static_cast<int64_t>(cs.stats.sentences_discarded))
      .Bind(12, static_cast<int64_t>(cs.stats.invalid_bytes))
      .Bind(13, static_cast<int64_t>(cs.events.size()))
      .Bind(14, *batch);
  if (cs.events.empty()) {
    st.BindNull(15);
  } else {
    st.Bind(15, first_mention);
  }
  DYAD_RETURN_IF_ERROR(st.Run());
  const int64_t sid = db_->LastInsertRowid();

  std::vector<int> per_sentence(cs.sentences.size(), 0);
  for (const Event& e : cs.events) {
    if (e.sentence >= 0 && e.sentence < static_cast<int>(per_sentence.size())) {
      ++per_sentence[e.sentence];
    }
  }
  for (size_t k = 0; k < cs.sentences.size(); ++k) {
    const SentenceInfo& si = cs.sentences[k];
    sqlite::Stmt& ss = *insert_sentence_;
    ss.Bind(1, sid).Bind(2, static_cast<int64_t>(k)).Bind(3, static_cast<int64_t>(si.paragraph));
    ss.Bind(4, static_cast<int64_t>(si.begin)).Bind(5, static_cast<int64_t>(si.end));
    ss.Bind(6, static_cast<int64_t>(si.tokens)).Bind(7, si.heading ? 1 : 0);
    ss.Bind(8, per_sentence[k]);
    DYAD_RETURN_IF_ERROR(ss.Run());
  }

  uint32_t lead = LeadParagraph(cs.sentences);
  for (const Event& e : cs.events) {
    MentionRow row;
    row.event = &e;
    row.sid = sid;
    row.source_key = DyadKey(e.source);
    row.target_key = e.target ? DyadKey(*e.target) : std::string();
    bool in_range = e.sentence >= 0 && e.sentence < static_cast<int>(cs.sentences.size());
    // The sentence is stored once, in the story's text: '' stands for it.
    // Without the story's text (--no-text) no sentence is kept.
    bool at_sentence = false;
    if (in_range) {
      const SentenceInfo& si = cs.sentences[e.sentence];
      at_sentence = !e.text.empty() && si.begin <= si.end && si.end <= s.text.size() &&
                    std::string_view(s.text).substr(si.begin, si.end - si.begin) == e.text;
    }
    if (!at_sentence && info.keep_text) row.text = e.text;
    row.sentence_begin = in_range ? static_cast<int64_t>(cs.sentences[e.sentence].begin) : -1;
    row.is_root = in_range ? cs.sentences[e.sentence].paragraph == lead : e.sentence == 0;
    DYAD_RETURN_IF_ERROR(InsertMention(row));
    if (&e == &cs.events.front() && db_->LastInsertRowid() != first_mention) {
      return Status::Internal(db_->path() + ": story '" + s.id + "': its first mention is row " +
                              std::to_string(db_->LastInsertRowid()) + ", not " +
                              std::to_string(first_mention));
    }
  }
  return Status::Ok();
}

Status EventStore::WriteBatch(const std::vector<CodedStory>& batch, const IngestInfo& info,
                              WriteCounts* counts,
                              const std::function<void(const std::string&)>& on_error) {
  if (!insert_event_) {
    old_story_ = std::make_unique<sqlite::Stmt>(
        *db_, "SELECT sid, first_mention, events_count FROM stories WHERE story_id = ?");
    delete_events_ = std::make_unique<sqlite::Stmt>(
        *db_, "DELETE FROM mentions WHERE rowid BETWEEN ? AND ?");
    delete_sentences_ =
        std::make_unique<sqlite::Stmt>(*db_, "DELETE FROM sentence_rows WHERE sid = ?");
    next_mention_ = std::make_unique<sqlite::Stmt>(
        *db_, "SELECT COALESCE(MAX(rowid), 0) + 1 FROM mentions");
    // A replaced story is deleted and inserted again (a new sid), after its
    // mentions and sentences.
    insert_story_ = std::make_unique<sqlite::Stmt>(
        *db_,
        "INSERT OR REPLACE INTO stories(story_id, date, publisher, url, origin, text, text_size, "
        "fingerprint, sentences, sentences_coded, sentences_discarded, invalid_bytes, "
        "events_count, batch, first_mention) VALUES(" +
            ListPlaceholders(15) + ")");
    insert_sentence_ = std::make_unique<sqlite::Stmt>(
        *db_, "INSERT INTO sentence_rows(sid, sentence, paragraph, begin, end, tokens, heading, "
              "events) VALUES(?,?,?,?,?,?,?,?)");
    insert_event_ = std::make_unique<sqlite::Stmt>(*db_, kInsertMentionV3);
    for (auto* st : {old_story_.get(), delete_events_.get(), delete_sentences_.get(),
                     next_mention_.get(), insert_story_.get(), insert_sentence_.get(),
                     insert_event_.get()}) {
      DYAD_RETURN_IF_ERROR(st->status());
    }
  }
  // Lookup rows added by a transaction that does not commit are forgotten.
  struct Forget {
    EventStore* store;
    bool committed = false;
    ~Forget() {
      if (!committed) store->ForgetLookups();
    }
  } forget{this};
  sqlite::Transaction tx(*db_);
  DYAD_RETURN_IF_ERROR(tx.status());
  std::string now = UtcNow();
  for (const CodedStory& cs : batch) {
    // A savepoint per story: a story that cannot be written is dropped
    // whole, and the rest of the batch still commits.
    DYAD_RETURN_IF_ERROR(db_->Exec("SAVEPOINT story"));
    bool replaced = false;
    Status st = WriteStory(cs, now, info, &replaced);
    if (st.ok()) {
      DYAD_RETURN_IF_ERROR(db_->Exec("RELEASE story"));
      ++counts->stories;
      counts->events += cs.events.size();
      if (replaced) ++counts->replaced;
    } else {
      for (auto* s : {old_story_.get(), delete_events_.get(), delete_sentences_.get(),
                      next_mention_.get(), insert_story_.get(), insert_sentence_.get(),
                      insert_event_.get()}) {
        s->Reset();
      }
      // Lookup rows the story added are rolled back with it.
      ForgetLookups();
      DYAD_RETURN_IF_ERROR(db_->Exec("ROLLBACK TO story; RELEASE story"));
      ++counts->failed;
      if (on_error) {
        on_error(cs.story.origin + ": story '" + text::PrintableForMessage(cs.story.id) +
                 "' not stored: " + st.message());
      }
    }
  }
  sqlite::Stmt meta(*db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  meta.Bind(1, "last_coder").Bind(2, info.coder);
  DYAD_RETURN_IF_ERROR(meta.Run());
  meta.Bind(1, "last_dictionary").Bind(2, info.dictionary);
  DYAD_RETURN_IF_ERROR(meta.Run());
  Status committed = tx.Commit();
  forget.committed = committed.ok();
  return committed;
}

}  // namespace dyad::store
