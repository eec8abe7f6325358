-- bench/README.md ("Schema version 4"): `sqlite3 STORE.db < bench/store_replicate.sql`.
-- Ten copies of a freshly ingested version 4 store (its rowids and sids 1..N):
-- copy k's story ids get '#k', its sids, mention rowids and first_mention are
-- shifted past the last copy's, its event ids by k * 2^53 (still unique).
PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;
DROP INDEX mentions_dyad; DROP INDEX mentions_day; DROP INDEX mentions_id;
CREATE TEMP TABLE k(n INTEGER); INSERT INTO k VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9);
CREATE TEMP TABLE c AS SELECT (SELECT max(sid) FROM stories) AS s, (SELECT max(rowid) FROM mentions) AS m;
INSERT INTO stories(sid, story_id, date, publisher, url, origin, text, text_size, fingerprint,
  sentences, sentences_coded, sentences_discarded, invalid_bytes, events_count, batch, first_mention)
  SELECT t.sid + k.n * c.s, t.story_id || '#' || k.n, t.date, t.publisher, t.url, t.origin, t.text,
  t.text_size, t.fingerprint, t.sentences, t.sentences_coded, t.sentences_discarded, t.invalid_bytes,
  t.events_count, t.batch, t.first_mention + k.n * c.m FROM k, c, stories t WHERE t.sid <= c.s
  ORDER BY k.n, t.sid;
INSERT INTO sentence_rows SELECT r.sid + k.n * c.s, r.sentence, r.paragraph, r.begin, r.end, r.tokens,
  r.heading, r.events FROM k, c, sentence_rows r WHERE r.sid <= c.s ORDER BY k.n, r.sid, r.sentence;
INSERT INTO mentions(rowid, event_id, sid, sentence, day, pub_day, parent_id, source_actor, source_key,
  source_begin, source_end, target_actor, target_key, target_begin, target_end, kind, text,
  sentence_begin, how, trigger_begin, trigger_end, is_root, place, place_begin, place_end)
  SELECT m.rowid + k.n * c.m, m.event_id + k.n * 9007199254740992, m.sid + k.n * c.s, m.sentence, m.day,
  m.pub_day, m.parent_id, m.source_actor, m.source_key, m.source_begin, m.source_end, m.target_actor,
  m.target_key, m.target_begin, m.target_end, m.kind, m.text, m.sentence_begin, m.how, m.trigger_begin,
  m.trigger_end, m.is_root, m.place, m.place_begin, m.place_end FROM k, c, mentions m
  WHERE m.rowid <= c.m ORDER BY k.n, m.rowid;
CREATE UNIQUE INDEX mentions_id ON mentions(event_id);
CREATE INDEX mentions_dyad ON mentions(source_key, target_key, day);
CREATE INDEX mentions_day ON mentions(day);
