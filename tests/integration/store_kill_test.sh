#!/usr/bin/env bash
# Crash safety of `dyad ingest`: kill -9 an ingest midway, then show that
#   - the database opens and passes SQLite's integrity check,
#   - it holds whole batches of whole stories only: every stored story has
#     all its sentences and events (stories.events_count, written in the same
#     transaction, equals its rows in `events`; they equal a clean run's),
#   - a re-run completes it: the final store equals a clean run's.
#   store_kill_test.sh BUILD/dyad SOURCE_DIR
set -u
DYAD="$1"
SRC="$2"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 - "$DYAD" "$SRC" "$TMP" <<'EOF'
import json, os, random, signal, sqlite3, subprocess, sys, time, zlib

def connect(*args, **kwargs):
    # The store's views read its compressed text with sqlar_uncompress (docs/STORE.md).
    con = sqlite3.connect(*args, **kwargs)
    con.create_function("sqlar_uncompress", 2,
                        lambda b, n: b if b is None or n <= 0 or len(b) == n else zlib.decompress(b))
    return con

dyad, src, tmp = sys.argv[1:4]
N, BATCH = 6000, 40

# A few thousand stories built from the examples, with new ids, dates and publishers.
base = [json.loads(l) for l in open(os.path.join(src, "examples", "stories.jsonl"))]
base.append({"id": "bc", "date": "2025-03-14", "source": "dyad examples",
             "text": open(os.path.join(src, "examples", "border-crisis.txt")).read()})
corpus = os.path.join(tmp, "corpus.jsonl")
with open(corpus, "w") as f:
    for i in range(N):
        s = dict(base[i % len(base)])
        s["id"] = "kill-%05d" % i
        s["date"] = "2025-%02d-%02d" % (1 + i % 12, 1 + (i * 7) % 28)
        s["source"] = "wire-%d" % (i % 5)
        f.write(json.dumps(s) + "\n")

def ingest(db, wait=True):
    cmd = [dyad, "ingest", "--db", db, "--batch", str(BATCH), corpus]
    if wait:
        return subprocess.run(cmd, capture_output=True, text=True)
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

def snapshot(db):
    con = connect(db)
    snap = {
        "stories": con.execute("SELECT story_id, date, publisher, sentences, events_count FROM stories ORDER BY story_id").fetchall(),
        "events": con.execute("SELECT event_id, story_id, sentence, code, source_key, target_key, goldstein FROM events ORDER BY event_id").fetchall(),
        "sentences": con.execute("SELECT story_id, sentence, events FROM sentences ORDER BY story_id, sentence").fetchall(),
        "denominators": con.execute("SELECT * FROM denominators ORDER BY day, publisher").fetchall(),
    }
    con.close()
    return snap

failures = 0
def check(name, cond, detail=""):
    global failures
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else "  " + str(detail)[:400]))
    failures += 0 if cond else 1

# 1. A clean run.
clean_db = os.path.join(tmp, "clean.db")
t0 = time.time()
r = ingest(clean_db)
clean_secs = time.time() - t0
check("clean ingest exits 0", r.returncode == 0, r.stderr)
clean = snapshot(clean_db)
check("clean run stored all %d stories" % N, len(clean["stories"]) == N, len(clean["stories"]))
check("clean run has events", len(clean["events"]) > N, len(clean["events"]))
print("     clean run: %d stories, %d events in %.2f s" % (N, len(clean["events"]), clean_secs))
clean_by_story = {}
for e in clean["events"]:
    clean_by_story.setdefault(e[1], []).append(e)

# 2. Kill -9 an ingest after its first commits.
kill_db = os.path.join(tmp, "kill.db")
stored_at_kill = None
for attempt in range(5):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(kill_db + suffix): os.remove(kill_db + suffix)
    p = ingest(kill_db, wait=False)
    seen = 0
    deadline = time.time() + 30
    while time.time() < deadline and p.poll() is None:
        try:
            con = connect("file:%s?mode=ro" % kill_db, uri=True, timeout=0.05)
            seen = con.execute("SELECT count(*) FROM stories").fetchone()[0]
            con.close()
        except sqlite3.Error:
            seen = 0  # not created yet, or schema not committed yet
        if seen > 0:
            break
        time.sleep(0.001)
    time.sleep(random.uniform(0.0, 0.03))  # land anywhere inside a later batch
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        p.wait()
        stored_at_kill = seen
        break
    p.wait()
    print("     attempt %d: ingest finished before the kill; again" % (attempt + 1))
check("ingest was killed by SIGKILL midway", stored_at_kill is not None and p.returncode == -signal.SIGKILL,
      p.returncode)

# 3. The killed store: opens, is intact, holds whole stories (and whole batches) only.
con = connect(kill_db)
check("killed store opens and passes PRAGMA integrity_check",
      con.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
n_stories = con.execute("SELECT count(*) FROM stories").fetchone()[0]
print("     killed after %d stories had been seen committed; %d stored" % (stored_at_kill or 0, n_stories))
check("killed store holds some but not all stories", 0 < n_stories < N, n_stories)
check("stories are whole batches (%d a transaction)" % BATCH, n_stories % BATCH == 0, n_stories)
bad = con.execute("""SELECT count(*) FROM stories s WHERE events_count !=
                     (SELECT count(*) FROM events e WHERE e.story_id = s.story_id)""").fetchone()[0]
check("every stored story has events_count = its event rows", bad == 0, bad)
bad = con.execute("""SELECT count(*) FROM stories s WHERE sentences !=
                     (SELECT count(*) FROM sentences x WHERE x.story_id = s.story_id)""").fetchone()[0]
check("every stored story has all its sentence rows", bad == 0, bad)
orphans = con.execute("SELECT count(*) FROM events WHERE story_id NOT IN (SELECT story_id FROM stories)").fetchone()[0]
orphans += con.execute("SELECT count(*) FROM sentences WHERE story_id NOT IN (SELECT story_id FROM stories)").fetchone()[0]
check("no events or sentences without their story", orphans == 0, orphans)
partial = 0
for (sid,) in con.execute("SELECT story_id FROM stories"):
    got = con.execute("SELECT event_id, story_id, sentence, code, source_key, target_key, goldstein FROM events WHERE story_id = ? ORDER BY event_id", (sid,)).fetchall()
    if got != sorted(clean_by_story.get(sid, [])):
        partial += 1
check("every stored story has exactly the clean run's events", partial == 0, partial)
con.close()

# 4. A re-run completes the store.
r = ingest(kill_db)
check("re-run exits 0", r.returncode == 0, r.stderr)
check("re-run skips the %d stored stories as unchanged" % n_stories,
      ("unchanged %d," % n_stories) in r.stderr, r.stderr)
final = snapshot(kill_db)
for k in ("stories", "events", "sentences", "denominators"):
    check("after the re-run, %s equal the clean run's (%d rows)" % (k, len(clean[k])), final[k] == clean[k],
          (len(final[k]), len(clean[k])))

print("%d failed" % failures)
sys.exit(1 if failures else 0)
EOF
