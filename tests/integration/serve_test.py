#!/usr/bin/env python3
"""Integration test of `dyad serve` (issue 13) against the real binary.

    serve_test.py BUILD/dyad SOURCE_DIR

Builds a store of the example stories, starts `dyad serve --port 0` (a free
loopback port) with and without --db, and checks every route: the events of
POST /api/code equal `dyad code`'s on the same input, /api/explain equals
`dyad explain --format json`, the store routes equal `dyad timeline`,
`dyad alerts` and `dyad export` on the same store; bad requests get 4xx with
a JSON error and the server still answers after them; SIGTERM stops it.
Prints one line per check and "N passed, M failed"; exits 1 on failure.
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

DYAD, SRC = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name + ("  " + str(detail)[:600] if detail != "" else ""))


def run(*args, stdin=None):
    p = subprocess.run([DYAD, *args], input=stdin, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class Server:
    def __init__(self, *args):
        self.proc = subprocess.Popen([DYAD, "serve", "--port", "0", *args],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.banner = self.proc.stderr.readline()
        m = re.search(r"listening on http://([0-9.]+):(\d+)/", self.banner)
        if not m:
            self.proc.kill()
            raise SystemExit("FAIL dyad serve did not start: " + self.banner +
                             self.proc.stderr.read())
        self.host, self.port = m.group(1), int(m.group(2))
        self.base = f"http://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body bytes) of one request; never raises on 4xx/5xx."""
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        h = {"Content-Type": "application/json"} if data is not None else {}
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def json(self, method, path, body=None, headers=None):
        status, h, raw = self.request(method, path, body, headers)
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, {"not json": raw[:200].decode("utf-8", "replace")}

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = None
        return rc, self.proc.stderr.read()


tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "ex.db")
stories_file = os.path.join(SRC, "examples", "stories.jsonl")
border_file = os.path.join(SRC, "examples", "border-crisis.txt")
for args in (["ingest", "--db", db, stories_file],
             ["ingest", "--db", db, "--date", "2025-03-14", border_file]):
    rc, _, err = run(*args)
    if rc != 0:
        raise SystemExit("FAIL cannot build the store: " + err)

rc, out, _ = run("serve", "--help")
check("serve --help exits 0 and names every option",
      rc == 0 and all(o in out for o in ("--db", "--host", "--port", "--dict", "--threads",
                                         "--max-body", "--connections", "--timeout",
                                         "--time-limit")), out)
rc, _, err = run("serve", "--db", os.path.join(tmp, "missing.db"), "--port", "0")
check("serve with a missing store exits 2 at once", rc == 2, (rc, err))

srv = Server("--db", db, "--threads", "2", "--max-body", "200000")
try:
    check("binds 127.0.0.1 by default", srv.host == "127.0.0.1", srv.banner)

    # --- health --------------------------------------------------------------
    _, version, _ = run("--version")
    st, h = srv.json("GET", "/api/health")
    check("GET /api/health", st == 200 and h.get("status") == "ok" and h.get("store") is True
          and h.get("coder") == version.strip() and h.get("dictionary", "").startswith("dyad@"), h)
    st, h2 = srv.json("GET", "/healthz")
    check("GET /healthz and /v1/health answer as /api/health",
          st == 200 and h2 == h and srv.json("GET", "/v1/health") == (200, h))

    st, v = srv.json("GET", "/v1/version")
    check("GET /v1/version: the coder and dictionary versions",
          st == 200 and v == {"coder": h["coder"], "dictionary": h["dictionary"]}, v)

    # --- POST /api/code equals dyad code ---------------------------------------
    stories = [json.loads(l) for l in open(stories_file, encoding="utf-8")]
    _, cli_out, cli_err = run("code", stories_file)
    cli_events = jsonl(cli_out)
    st, r = srv.json("POST", "/api/code", stories)
    check("POST /api/code, an array: 200 and the events of dyad code, in order",
          st == 200 and r.get("events") == cli_events and len(cli_events) > 0,
          (st, len(r.get("events", [])), len(cli_events)))
    raw = srv.request("POST", "/api/code", stories)[2].decode()
    check("the events are dyad code's JSON Lines objects byte for byte",
          all(line in raw for line in cli_out.splitlines()) and len(cli_out.splitlines()) > 0)
    m = re.search(r"stories (\d+) \(coded (\d+), rejected (\d+)\), sentences (\d+), events (\d+)",
                  cli_err)
    s = r.get("stats", {})
    check("run statistics as dyad code's statistics line",
          m and [s.get(k) for k in ("stories", "coded", "rejected", "sentences", "events")]
          == [int(x) for x in m.groups()], (s, cli_err))
    check("labels for every code", all(e["code"] in r.get("labels", {}) for e in r["events"])
          and all(r["labels"][e["code"]] for e in r["events"]), r.get("labels"))

    border = open(border_file, encoding="utf-8").read()
    _, cli_out, _ = run("code", "--date", "2025-03-14", border_file)
    cli_events = jsonl(cli_out)
    sid = cli_events[0]["story_id"] if cli_events else "border-crisis"
    st, r = srv.json("POST", "/api/code", {"id": sid, "date": "2025-03-14", "text": border})
    check("POST /api/code, one story: the events of dyad code on the same text",
          st == 200 and r.get("events") == cli_events and len(cli_events) > 0,
          (st, len(r.get("events", [])), len(cli_events)))
    st, r1 = srv.json("POST", "/v1/code", {"id": sid, "date": "2025-03-14", "text": border})
    check("POST /v1/code is the same route", st == 200 and r1["events"] == r["events"])

    st, r = srv.json("POST", "/api/code", {"date": "2025-03-14", "text": stories[0]["text"]})
    check("a story without id gets story-1",
          st == 200 and r["events"] and all(e["story_id"] == "story-1" for e in r["events"]), r)

    st, r = srv.json("POST", "/api/code?explain=1", stories[:2])
    check("?explain=1 adds one explain document per story, with the same events",
          st == 200 and len(r.get("explain", [])) == 2
          and [x["story_id"] for x in r["explain"]] == ["ex-001", "ex-002"]
          and sum(len(se["events"]) for x in r["explain"] for se in x["sentences"])
          == len(r["events"]), st)

    # Invalid UTF-8 is repaired and reported, and the story coded as dyad code codes it.
    bad_utf8 = b'{"id": "u8", "date": "2024-01-01", "text": "Russia attacked Ukraine \xff on Monday."}'
    p = subprocess.run([DYAD, "code"], input=bad_utf8 + b"\n", capture_output=True)
    st, r = srv.json("POST", "/api/code", bad_utf8)
    check("invalid UTF-8: repaired, reported, and the events of dyad code",
          st == 200 and r["events"] == jsonl(p.stdout.decode()) and r["events"]
          and "invalid UTF-8" in r["errors"][0], (st, r))

    # A bad story in an array is reported; the others are coded.
    mixed = [stories[0], {"id": "bad", "date": "2025-13-40", "text": "Russia attacked Ukraine."},
             {"id": "notext", "date": "2025-03-14"}, 42, stories[1]]
    st, r = srv.json("POST", "/api/code", mixed)
    ids = {e["story_id"] for e in r.get("events", [])}
    check("an array with bad stories: 200, the bad ones in errors, the good ones coded",
          st == 200 and ids == {"ex-001", "ex-002"} and len(r["errors"]) == 3
          and r["errors"][0].startswith("stories[1]:") and r["errors"][2].startswith("stories[3]:")
          and r["stats"]["rejected"] == 3, r.get("errors"))
    st, r = srv.json("POST", "/api/code", [stories[0], stories[0]])
    ev = r.get("events", [])
    check("a repeated id is coded again with ids of its own",
          st == 200 and len(ev) % 2 == 0 and len({e["id"] for e in ev}) == len(ev)
          and r["stats"]["duplicate_ids"] == 1, r.get("stats"))
    st, r = srv.json("POST", "/api/code", {"id": "de", "date": "2025-03-14", "text":
                     "Die Regierung in Berlin hat am Montag beschlossen, dass die Truppen an der "
                     "Grenze bleiben werden, und der Kanzler sagte, man werde mit den Nachbarn "
                     "weiter über die Lage sprechen."})
    check("a story not in English is skipped and listed",
          st == 200 and r["events"] == [] and len(r["skipped"]) == 1 and "not English" in
          r["skipped"][0], r)

    # --- POST /api/explain equals dyad explain --format json ------------------
    sentence = "Russia says it has no plans to invade Ukraine, but NATO rejected its demands."
    _, cli_exp, _ = run("explain", "--format", "json", "--date", "2022-02-10", "--text", sentence)
    st, r = srv.json("POST", "/api/explain", {"text": sentence, "date": "2022-02-10", "id": "text"})
    check("POST /api/explain equals dyad explain --format json",
          st == 200 and r == json.loads(cli_exp), (st, str(r)[:300]))

    # --- store routes ------------------------------------------------------------
    _, cli_tl, _ = run("timeline", "--db", db, "VEN", "GUY", "--by", "day", "--format", "json")
    st, r = srv.json("GET", "/api/timeline?source=VEN&target=GUY&by=day")
    cli_tl = json.loads(cli_tl)
    check("GET /api/timeline equals dyad timeline --format json",
          st == 200 and r["series"] == cli_tl["series"] and r["source"] == "VEN", (st, r))
    st, r = srv.json("GET", "/api/timeline?source=venezuela&target=guyana&by=day")
    check("timeline ends by name", st == 200 and r["series"] == cli_tl["series"])
    _, cli_al, _ = run("alerts", "--db", db, "--by", "day", "--format", "json")
    st, r = srv.json("GET", "/api/alerts?by=day")
    check("GET /api/alerts equals dyad alerts --format json",
          st == 200 and r == json.loads(cli_al), (st, r))
    # Both directions, week periods, one dyad's alerts: streamed from the
    # store as the CLI does, the same answers.
    _, cli_tl2, _ = run("timeline", "--db", db, "VEN", "GUY", "--both", "--format", "json")
    st, r = srv.json("GET", "/api/timeline?source=VEN&target=GUY&both=1")
    cli_tl2 = json.loads(cli_tl2)
    check("GET /api/timeline?both=1 equals dyad timeline --both --format json",
          st == 200 and len(r["series"]) == 2 and r["series"] == cli_tl2["series"], (st, r))
    for q, args in (("by=day&source=VEN", ["--by", "day", "--source", "VEN"]),
                    ("by=day&source=VEN&target=GUY", ["--by", "day", "--source", "VEN", "--target", "GUY"]),
                    ("by=month", ["--by", "month"]),
                    ("by=day&since=2025-03-13", ["--by", "day", "--since", "2025-03-13"])):
        _, cli_al2, _ = run("alerts", "--db", db, "--format", "json", *args)
        st, r = srv.json("GET", "/api/alerts?" + q)
        check(f"GET /api/alerts?{q} equals dyad alerts", st == 200 and r == json.loads(cli_al2), (st, r))
    _, cli_ex, _ = run("export", "--db", db, "--format", "jsonl")
    stored = jsonl(cli_ex)
    st, r = srv.json("GET", "/api/events?limit=1000")
    key = lambda e: e["id"]
    check("GET /api/events: every stored event, as dyad export --format jsonl",
          st == 200 and r["total"] == len(stored) and sorted(r["events"], key=key)
          == sorted(stored, key=key) and len(stored) > 0, (st, r.get("total"), len(stored)))
    st, p = srv.json("GET", "/api/events?limit=2&offset=1")
    check("events paging", st == 200 and p["events"] == r["events"][1:3] and p["total"] == r["total"])
    st, v = srv.json("GET", "/api/events?source=VEN&target=GUY")
    check("events of a dyad", st == 200 and v["total"] > 0 and all(
        e["source"]["country"] == "VEN" and e["target"]["country"] == "GUY" for e in v["events"]),
        v.get("total"))
    st, v = srv.json("GET", "/api/events?root=19&from=2025-03-16&to=2025-03-16")
    check("events by root and date", st == 200 and v["total"] > 0 and all(
        e["root"] == "19" and e["date"] == "2025-03-16" for e in v["events"]), v)
    st, d = srv.json("GET", "/api/dyads")
    counts = {}
    for e in stored:
        if e.get("target"):
            k = (e["source"]["country"] or e["source"]["code"], e["target"]["country"] or e["target"]["code"])
            counts[k] = counts.get(k, 0) + 1
    check("GET /api/dyads: dyads by mentions, most first",
          st == 200 and d["dyads"] and d["dyads"][0]["mentions"] == max(counts.values())
          and [x["mentions"] for x in d["dyads"]] == sorted([x["mentions"] for x in d["dyads"]], reverse=True),
          (d, counts))

    # /api/places: the deduplicated events (each cluster's representative, as
    # /api/events marks it) grouped by place, as the report's map groups them.
    def places_of(events):
        by = {}
        for e in events:
            loc = e.get("location")
            if e["id"] != e["event_cluster"]["id"] or not loc or loc.get("lat") is None or loc.get("lon") is None:
                continue
            p = by.setdefault((loc["country"], loc["type"], loc["name"]), {
                "name": loc["name"], "country": loc["country"], "type": loc["type"],
                "lat": loc["lat"], "lon": loc["lon"], "events": 0, "quad": [0, 0, 0, 0]})
            p["events"] += 1
            if 1 <= e["quad_class"] <= 4:
                p["quad"][e["quad_class"] - 1] += 1
        for p in by.values():
            p["quad_class"] = max(range(4), key=lambda q: (p["quad"][q], -q)) + 1
        return sorted(by.values(), key=lambda p: (p["country"], p["type"], p["name"]))
    for query in ("", "?source=VEN&target=GUY", "?root=19&from=2025-03-16"):
        st, pl = srv.json("GET", "/api/places" + query)
        _, ev = srv.json("GET", "/api/events?limit=1000" + ("&" + query[1:] if query else ""))
        want = places_of(ev["events"])
        got = sorted(pl.get("places", []), key=lambda p: (p["country"], p["type"], p["name"]))
        check("GET /api/places" + query + ": the events' places as the report's map groups them",
              st == 200 and got == want and len(want) > 0
              and pl["events"] == len({e["event_cluster"]["id"] for e in ev["events"]})
              and pl["placed"] == sum(p["events"] for p in want)
              and [p["events"] for p in pl["places"]] == sorted([p["events"] for p in want], reverse=True),
              (st, got[:3], want[:3]))
    st, m = srv.json("GET", "/api/map")
    report_html = os.path.join(tmp, "report.html")
    rc, _, e = run("report", "--db", db, "--out", report_html)
    html = open(report_html, encoding="utf-8").read() if rc == 0 else ""
    check("GET /api/map: the land the report draws, its band and its quad colours",
          st == 200 and len(m["land"]) > 10000 and ('d="' + m["land"] + '"') in html
          and m["view_box"] == [0, 6, 360, 142] and len(m["quad_classes"]) == 4
          and all(q["color"] in html for q in m["quad_classes"]), (st, rc, e))

    # One stored story with its events and their evidence.
    sid = stored[0]["story_id"]
    st, s = srv.json("GET", "/api/stories/" + urllib.request.quote(sid, safe=""))
    own = sorted([e for e in stored if e["story_id"] == sid], key=key)
    text_b = s.get("story", {}).get("text", "").encode("utf-8") if st == 200 else b""
    check("GET /api/stories/{id}: the story and its events, as dyad export gives them",
          st == 200 and s["story"]["id"] == sid and len(s["events"]) == len(own) > 0
          and [e["id"] for e in sorted(s["events"], key=key)] == [e["id"] for e in own]
          and all({k: v for k, v in e.items() if k != "event_cluster"} == {k: v for k, v in o.items() if k != "event_cluster"}
                  for e, o in zip(sorted(s["events"], key=key), own)), (st, str(s)[:400]))
    check("the story's evidence spans index its text",
          st == 200 and all(text_b[e["evidence"]["trigger"][0]:e["evidence"]["trigger"][1]].decode("utf-8")
                            == e["trigger"] for e in s["events"]), [e.get("trigger") for e in s.get("events", [])])
    st, s1 = srv.json("GET", "/v1/stories/" + urllib.request.quote(sid, safe=""))
    check("GET /v1/stories/{id} is the same", st == 200 and s1 == s)
    st, s2 = srv.json("GET", "/api/stories/no-such-story")
    check("an unknown story is a 404 with a JSON error", st == 404 and "no-such-story" in s2.get("error", ""), (st, s2))

    # The dashboard's network of top dyads is in the page's script.
    _, _, js = srv.request("GET", "/app.js")
    check("the page draws a network of the top dyads and opens stories",
          b"drawNetwork" in js and b"/api/dyads" in js and b"/api/stories/" in js)

    # A story ingested while the server runs is seen by the next request.
    new_story = os.path.join(tmp, "later.jsonl")
    with open(new_story, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "later-1", "date": "2025-04-01",
                            "text": "Venezuelan troops shelled a Guyanese border post."}) + "\n")
    rc, _, e = run("ingest", "--db", db, new_story)
    st, v = srv.json("GET", "/api/events?from=2025-04-01")
    check("a story ingested while the server runs is served by the next request",
          rc == 0 and st == 200 and v["total"] > 0 and all(x["story_id"] == "later-1" for x in v["events"]),
          (rc, e, v))

    # --- the page ------------------------------------------------------------------
    st, hd, body = srv.request("GET", "/")
    csp = hd.get("Content-Security-Policy", "")
    check("GET / is the page, with a Content-Security-Policy",
          st == 200 and b'id="events"' in body and "script-src 'self'" in csp
          and "unsafe-inline" not in csp and hd.get("Content-Type", "").startswith("text/html"), csp)
    check("the page has a map of the coded events and of the store's",
          b'id="map"' in body and b'id="store-map"' in body and hd.get("X-Frame-Options") == "DENY")
    for asset in ("/app.js", "/app.css"):
        st, hd, _ = srv.request("GET", asset)
        check(asset + " is sent with the same Content-Security-Policy",
              st == 200 and hd.get("Content-Security-Policy", "") == csp)
    st, hd, body = srv.request("GET", "/app.js")
    check("GET /app.js", st == 200 and "javascript" in hd.get("Content-Type", "") and b"/api/code" in body)
    check("no external URL in the page's assets", not any(
        re.search(rb"https?://(?!www\.w3\.org/2000/svg)", srv.request("GET", p)[2])
        for p in ("/", "/app.js", "/app.css")))

    # --- docs/SERVE.md's curl examples run as written ----------------------------
    doc = open(os.path.join(SRC, "docs", "SERVE.md"), encoding="utf-8").read()
    cmds = []
    for block in re.findall(r"```sh\n(.*?)```", doc, re.S):
        for cmd in block.replace("\\\n", " ").splitlines():
            if cmd.startswith("curl "):
                cmds.append(cmd.replace("127.0.0.1:8080", f"127.0.0.1:{srv.port}"))
    check("docs/SERVE.md has curl examples of every route", len(cmds) >= 8 and all(
        any(r in c for c in cmds) for r in ("/api/code", "/api/explain", "/api/dyads",
                                            "/api/timeline", "/api/events", "/api/alerts")), cmds)
    for cmd in cmds:
        p = subprocess.run(["bash", "-c", cmd], cwd=SRC, capture_output=True, text=True)
        try:
            out = json.loads(p.stdout)
        except ValueError:
            out = None
        check("docs: " + cmd[:90], p.returncode == 0 and isinstance(out, dict) and "error" not in out,
              (p.returncode, p.stdout[:200], p.stderr[:200]))
        if "api-stories.json" in cmd and out:
            check("docs: api-stories.json's bad date is reported as the page says",
                  out["errors"] == ['stories[2]: story "bad-date": date "2025-02-30" is not YYYY-MM-DD, an ISO 8601 date-time, YYYYMMDD or an RFC 2822 date']
                  and {e["story_id"] for e in out["events"]} == {"ex-001", "ex-002"}, out["errors"])

    # --- errors: 4xx with a JSON error, and the server goes on ---------------------
    def err(name, method, path, body, status, headers=None):
        st, r = srv.json(method, path, body, headers)
        check(f"{name} -> {status} with a JSON error", st == status and isinstance(r.get("error"), str)
              and r["error"] and "/" + "work" not in r["error"] and tmp not in r["error"], (st, r))

    err("malformed JSON", "POST", "/api/code", b'{"id": "x", "text": ', 400)
    err("a JSON string", "POST", "/api/code", b'"Russia attacked Ukraine."', 400)
    err("a story without text", "POST", "/api/code", {"id": "x", "date": "2025-01-01"}, 400)
    err("a bad date", "POST", "/api/code", {"id": "x", "date": "2025-02-30", "text": "Russia attacked Ukraine."}, 400)
    err("a body over --max-body", "POST", "/api/code",
        {"id": "big", "date": "2025-01-01", "text": "Russia attacked Ukraine. " * 10000}, 413)
    err("too many stories", "POST", "/api/code", [{"id": str(i), "date": "2025-01-01", "text": "x"} for i in range(1001)], 400)
    err("not JSON content", "POST", "/api/code", b"text=x", 415, {"Content-Type": "application/x-www-form-urlencoded"})
    err("explain without date", "POST", "/api/explain", {"text": "Russia attacked Ukraine."}, 400)
    err("explain, bad JSON", "POST", "/api/explain", b"{", 400)
    err("an unknown path", "GET", "/api/nothing", None, 404)
    err("an unknown top path", "GET", "/etc/passwd", None, 404)
    err("GET on a POST route", "GET", "/api/code", None, 405)
    err("POST on a GET route", "POST", "/api/health", {}, 405)
    err("a bad period", "GET", "/api/timeline?source=VEN&target=GUY&by=year", None, 400)
    err("a timeline without ends", "GET", "/api/timeline?by=day", None, 400)
    err("an unknown dyad end", "GET", "/api/timeline?source=XYZZY&target=GUY", None, 404)
    err("a bad limit", "GET", "/api/events?limit=-3", None, 400)
    err("a bad date parameter", "GET", "/api/events?from=yesterday", None, 400)
    err("a bad root", "GET", "/api/events?root=1;DROP", None, 400)
    err("places: a bad root", "GET", "/api/places?root=x", None, 400)
    err("places: a bad date", "GET", "/api/places?to=2025-02-30", None, 400)
    err("places: an unknown dyad end", "GET", "/api/places?source=XYZZY", None, 404)
    err("POST on the map", "POST", "/api/map", {}, 405)
    err("SQL in a dyad end", "GET", "/api/events?source=VEN'%20OR%201=1--", None, 404)
    st, h3 = srv.json("GET", "/api/health")
    st2, r = srv.json("POST", "/api/code", stories[:1])
    check("after the bad requests the server still answers and codes",
          st == 200 and h3 == h and st2 == 200 and r["events"], (st, st2))
finally:
    rc, err_text = srv.stop()
check("SIGTERM stops the server (exit 0)", rc == 0 and "stopped" in err_text, (rc, err_text[-300:]))

# --- a store ingested with --no-text -----------------------------------------------
nt_db = os.path.join(tmp, "notext.db")
rc, _, e = run("ingest", "--db", nt_db, "--no-text", os.path.join(SRC, "examples", "stories.jsonl"))
check("ingest --no-text", rc == 0, e)
srv = Server("--db", nt_db, "--threads", "1")
try:
    st, r = srv.json("GET", "/api/events?limit=1")
    sid = r["events"][0]["story_id"] if st == 200 and r.get("events") else ""
    st, s = srv.json("GET", "/api/stories/" + urllib.request.quote(sid, safe=""))
    check("a story stored without text: the API says so (text null, text_stored false)",
          st == 200 and s["story"]["text"] is None and s["story"]["text_stored"] is False
          and len(s["events"]) > 0 and all(e["text"] == "" for e in s["events"]), (st, str(s)[:300]))
finally:
    srv.stop()

# --- without a store -------------------------------------------------------------
srv = Server("--threads", "1")
try:
    st, h = srv.json("GET", "/api/health")
    check("without --db: health says no store", st == 200 and h["store"] is False, h)
    for path in ("/api/events", "/api/timeline?source=VEN&target=GUY", "/api/alerts", "/api/dyads"):
        st, r = srv.json("GET", path)
        check(f"without --db: GET {path.split('?')[0]} -> 404 with a JSON error",
              st == 404 and "--db" in r.get("error", ""), (st, r))
finally:
    srv.stop()

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
