// The HTTP API of `dyad serve`, without HTTP: each endpoint is a function
// from a request body (or query parameters) to a status and a JSON body, so
// it is tested without a socket. apps/cli/serve_main.cc binds these to
// routes (docs/SERVE.md).
//
//   serve::Api api(coder, info, {.db = "events.db"});
//   serve::Reply r = api.Code(R"({"id":"a","date":"2024-01-01","text":"…"})", false);
//   // r.status 200, r.body {"events":[…],"stats":{…},"errors":[],"skipped":[]}
//
// Thread-safety: an Api is immutable after construction; every method is
// const and may run on many threads at once (the Coder is shared, the store
// is opened for each request and only read: one SQLite connection per
// thread, as store.h asks).
// Failures are replies, never exceptions: 400 for a bad request (with
// {"error": "what is wrong"}), 404 for what does not exist (a dyad end the
// store does not know, no store), 500 when the store cannot be read. No
// reply holds a file path or a stack trace.
#ifndef DYAD_SERVE_API_H_
#define DYAD_SERVE_API_H_

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "dyad/coder.h"
#include "io/writer.h"

namespace dyad::serve {

struct Reply {
  int status = 200;
  std::string body;  // JSON
};

struct ApiOptions {
  std::string db;  // event store file; "" = no store (the store endpoints reply 404)
  size_t max_stories = 1000;  // stories in one POST /api/code
  size_t max_explain_bytes = 64 << 10;  // text of one POST /api/explain
  // Per request of POST /api/code: once this much time has gone, the
  // stories not yet started are not coded but reported in "errors" (the
  // story being coded is finished). The first story is always coded.
  std::chrono::milliseconds time_limit{30000};
};

using Params = std::map<std::string, std::string>;

// {"error": message} with `status`.
Reply Error(int status, std::string_view message);

class Api {
 public:
  Api(std::shared_ptr<const Coder> coder, io::WriterInfo info, ApiOptions options);

  // POST /api/code. Body: one story {"id","date","text"[,"source","url"]}
  // or an array of them. A story without "id" gets "story-N" (N its 1-based
  // place in the request). Each story is read, checked and coded as
  // `dyad code` reads a JSON Lines record: in an array, a bad story is
  // reported in "errors" ("stories[N]: what is wrong") and the others are
  // coded (a single story that is bad is a 400); invalid UTF-8 is replaced
  // by U+FFFD and reported, and the stories coded; stories left when
  // options.time_limit is reached are reported, not coded ("stats"
  // "timed_out"); a story
  // not in English is listed in "skipped"; a repeated id is coded again with
  // event ids of its own. "events" holds the events exactly as
  // `dyad code --format jsonl` prints them, in order; "labels" maps each of
  // their CAMEO codes to its label. 400 only when the body
  // is not JSON, is neither an object nor an array, or holds more than
  // max_stories stories. With `explain`, "explain" holds one
  // Coder::ExplainJson document per coded story.
  Reply Code(std::string_view body, bool explain) const;

  // POST /api/explain. Body {"text","date"[,"id"]}: Coder::ExplainJson of
  // that text (docs/EXPLAIN.md). 400 for bad JSON, a missing text, a bad
  // date or a text over max_explain_bytes.
  Reply Explain(std::string_view body) const;

  // GET /api/health: {"status":"ok","coder","dictionary","store"}.
  Reply Health() const;
  // GET /api/version: {"coder","dictionary"}, the versions every event carries.
  Reply Version() const;
  // GET /api/map: the report's world map as data, for the page to draw
  // events on (src/report/map.h): {"projection","x","y","view_box":[x, y,
  // w, h],"land": SVG path,"radius":{"min","scale"},"quad_classes":[{"quad_class",
  // "label","color"}…]}. The same for every request.
  Reply Map() const;
  // With a store. GET /api/places?source=&target=&from=&to=&root=: where the
  // matching deduplicated events happened, one point per place as the
  // report's map groups them (report::MapPoints): {"places":[{"name",
  // "country","type","lat","lon","events","quad":[4 counts],"quad_class"}…],
  // "placed": events with a point, "events": deduplicated events}. The
  // parameters are read as /api/events reads them.
  Reply Places(const Params& p) const;

  // With a store. GET /api/events?source=&target=&from=&to=&root=&limit=&offset=:
  // stored events (mentions) in (date, story, sentence) order, each as
  // `dyad export --format jsonl` writes it (the event JSON with publisher,
  // url, is_root and its deduplicated event), plus "total" (matches before
  // paging). limit defaults to 100, at most 1000.
  Reply Events(const Params& p) const;
  // GET /api/timeline?source=&target=&by=day|week|month[&both=1]: the series
  // `dyad timeline --format json` prints.
  Reply Timeline(const Params& p) const;
  // GET /api/alerts?by=&since=&source=&target=: alerts as `dyad alerts
  // --format json` prints them, with the default method options.
  Reply Alerts(const Params& p) const;
  // GET /api/dyads?limit=: directed dyads by mention count, most first.
  Reply Dyads(const Params& p) const;
  // GET /api/stories/{id}: the stored story ({"id","date","publisher",
  // "url","sentences","sentences_coded","events","coder","dictionary",
  // "ingested_at","text"}) and its events, each as /api/events gives it
  // (its evidence spans index "text"; deduplicated within the story). 404
  // when the store holds no such story.
  Reply StoryById(const std::string& id) const;

  bool has_store() const { return !options_.db.empty(); }

 private:
  std::shared_ptr<const Coder> coder_;
  io::WriterInfo info_;
  ApiOptions options_;
};

}  // namespace dyad::serve

#endif  // DYAD_SERVE_API_H_
