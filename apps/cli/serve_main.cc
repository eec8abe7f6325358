// dyad serve: the HTTP API and web page (docs/SERVE.md), a thin adapter
// that binds routes to serve::Api (src/serve/api.h) with cpp-httplib.
//
// Threads: cpp-httplib serves each connection on a thread of a pool of
// --connections threads; coding (POST /api/code, /api/explain) takes one of
// --threads slots first, so at most --threads stories are coded at once
// whatever the number of clients. The lexicon is loaded once, before the
// socket is bound, and shared read-only by every request.
#include <atomic>
#include <csignal>
#include <iostream>
#include <semaphore>
#include <thread>

#include <httplib.h>

#include "cli/common.h"
#include "dyad/coder.h"
#include "serve/api.h"
#include "serve/web_assets.h"

namespace dyad::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::vector<std::string> dict;
  bool no_default_dict = false;
  int threads = 0;
  int connections = 64;
  size_t max_body = 5u << 20;
  int timeout = 30;
  int time_limit = 30;
};

httplib::Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server) g_server->stop();
}

int RunServe(const ServeArgs& a) {
  int threads = a.threads > 0 ? a.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  if (a.port < 0 || a.port > 65535 || a.connections < 1 || a.max_body < 1 || a.timeout < 1 ||
      a.time_limit < 1) {
    std::cerr << "dyad serve: --port must be 0-65535; --connections, --max-body, --timeout "
                 "and --time-limit at least 1\n";
    return kExitUsage;
  }
  if (!a.db.empty()) {
    auto st = store::EventStore::Open(a.db, store::EventStore::Mode::kExisting);
    if (!st.ok()) {
      std::cerr << "dyad serve: " << st.status().message() << "\n";
      return kExitUsage;
    }
  }
  auto lex = LoadLexiconOrComplain(DictLayers(a.dict, a.no_default_dict), threads);
  if (!lex) return kExitUsage;
  auto coder = std::make_shared<const Coder>(lex);
  serve::ApiOptions opt;
  opt.db = a.db;
  opt.time_limit = std::chrono::seconds(a.time_limit);
  const serve::Api api(coder, {CoderVersion(), lex->fingerprint()}, opt);
  std::counting_semaphore<4096> coding(std::min(threads, 4096));

  httplib::Server svr;
  svr.new_task_queue = [n = a.connections] { return new httplib::ThreadPool(n); };
  svr.set_payload_max_length(a.max_body);
  svr.set_read_timeout(a.timeout, 0);
  svr.set_write_timeout(a.timeout, 0);
  svr.set_keep_alive_max_count(1000);
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"},
                           {"Cache-Control", "no-store"}});

  auto send = [](httplib::Response& res, const serve::Reply& r) {
    res.status = r.status;
    res.set_content(r.body, "application/json");
  };
  auto params = [](const httplib::Request& req) {
    serve::Params p;
    for (const auto& [k, v] : req.params) p.emplace(k, v);  // the first value of a repeated key
    return p;
  };
  auto is_json = [](const httplib::Request& req) {
    std::string ct = req.get_header_value("Content-Type");
    return ct.empty() || ct.rfind("application/json", 0) == 0 || ct.rfind("text/plain", 0) == 0;
  };
  auto coded = [&](auto fn) {
    return [&, fn](const httplib::Request& req, httplib::Response& res) {
      if (!is_json(req)) {
        send(res, serve::Error(415, "send the body as application/json"));
        return;
      }
      coding.acquire();
      serve::Reply r;
      try {
        r = fn(req);
      } catch (const std::exception& e) {
        std::cerr << "dyad serve: " << req.path << ": " << e.what() << "\n";
        r = serve::Error(500, "internal error");
      }
      coding.release();
      send(res, r);
    };
  };
  auto store_get = [&](serve::Reply (serve::Api::*fn)(const serve::Params&) const) {
    return [&, fn](const httplib::Request& req, httplib::Response& res) {
      send(res, (api.*fn)(params(req)));
    };
  };
  auto not_allowed = [&](const char* allow) {
    return [&, allow](const httplib::Request&, httplib::Response& res) {
      send(res, serve::Error(405, std::string("method not allowed; use ") + allow));
      res.set_header("Allow", allow);
    };
  };

  // Each route under /api and, as issue 13 names them, /v1.
  for (std::string prefix : {"/api", "/v1"}) {
    svr.Post(prefix + "/code", coded([&](const httplib::Request& req) {
      return api.Code(req.body, req.get_param_value("explain") == "1");
    }));
    svr.Post(prefix + "/explain",
             coded([&](const httplib::Request& req) { return api.Explain(req.body); }));
    svr.Get(prefix + "/health", [&](const httplib::Request&, httplib::Response& res) {
      send(res, api.Health());
    });
    svr.Get(prefix + "/version", [&](const httplib::Request&, httplib::Response& res) {
      send(res, api.Version());
    });
    svr.Get(prefix + "/events", store_get(&serve::Api::Events));
    svr.Get(prefix + "/timeline", store_get(&serve::Api::Timeline));
    svr.Get(prefix + "/alerts", store_get(&serve::Api::Alerts));
    svr.Get(prefix + "/dyads", store_get(&serve::Api::Dyads));
    svr.Get(prefix + "/places", store_get(&serve::Api::Places));
    svr.Get(prefix + "/map", [&](const httplib::Request&, httplib::Response& res) {
      send(res, api.Map());
    });
    svr.Get(prefix + R"(/stories/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
      send(res, api.StoryById(req.matches[1].str()));
    });
    for (const char* p : {"/code", "/explain"}) {
      svr.Get(prefix + p, not_allowed("POST"));
      svr.Put(prefix + p, not_allowed("POST"));
      svr.Delete(prefix + p, not_allowed("POST"));
    }
    for (const char* p : {"/health", "/version", "/events", "/timeline", "/alerts", "/dyads",
                          "/places", "/map"}) {
      svr.Post(prefix + p, not_allowed("GET"));
      svr.Put(prefix + p, not_allowed("GET"));
      svr.Delete(prefix + p, not_allowed("GET"));
    }
  }
  svr.Get("/healthz", [&](const httplib::Request&, httplib::Response& res) {
    send(res, api.Health());
  });
  for (const serve::Asset& asset : serve::WebAssets()) {
    std::string path(asset.path);
    svr.Get(path, [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type));
      for (const serve::Header& h : serve::PageHeaders()) {
        res.set_header(std::string(h.name), std::string(h.value));
      }
    });
  }
  // 4xx and 5xx replies that no handler filled (unknown path, body over the
  // limit, a request cpp-httplib could not read) get a JSON error too.
  svr.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string what = res.status == 404   ? "no such endpoint"
                       : res.status == 413 ? "the request body is over the size limit"
                                           : "bad request";
    auto r = serve::Error(res.status, what);
    res.set_content(r.body, "application/json");
    return httplib::Server::HandlerResponse::Handled;
  }));
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(serve::Error(500, "internal error").body, "application/json");
  });

  int port = a.port;
  if (port == 0) {
    port = svr.bind_to_any_port(a.host);
  } else if (!svr.bind_to_port(a.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "dyad serve: cannot listen on " << a.host << ":" << a.port << "\n";
    return kExitBadInput;
  }
  g_server = &svr;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  // The line the tests and scripts wait for (with --port 0, the port chosen).
  std::cerr << "dyad serve: listening on http://" << a.host << ":" << port << "/ (" << threads
            << " coding threads" << (a.db.empty() ? "" : ", store " + a.db) << ")" << std::endl;
  bool ok = svr.listen_after_bind();
  g_server = nullptr;
  std::cerr << "dyad serve: stopped\n";
  return ok ? kExitOk : kExitBadInput;
}

}  // namespace

RunFn AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the coder over HTTP: a JSON API (POST /api/code, POST /api/explain, GET "
      "/api/health, /api/version, /api/map; with --db, GET /api/events, /api/places, /api/timeline, "
      "/api/alerts, /api/dyads, /api/stories/ID; the "
      "same under /v1) and a web page at /. Binds 127.0.0.1 unless --host says otherwise. The "
      "dictionaries are loaded once. Stops on SIGINT or SIGTERM. See docs/SERVE.md.");
  cmd->add_option("--db", args->db, "Event store file for the store endpoints (only read: the server never writes to it)");
  cmd->add_option("--host", args->host,
                  "Address to bind (default 127.0.0.1; 0.0.0.0 exposes the server to the network)");
  cmd->add_option("--port", args->port, "TCP port (default 8080; 0 picks a free one)");
  AddDictOptions(cmd, &args->dict, &args->no_default_dict);
  cmd->add_option("--threads", args->threads,
                  "Stories coded at once, across all requests (0 = all cores)");
  cmd->add_option("--connections", args->connections,
                  "Connections served at once (threads of the HTTP pool; default 64)");
  cmd->add_option("--max-body", args->max_body,
                  "Largest request body in bytes (default 5242880); larger gets 413");
  cmd->add_option("--timeout", args->timeout,
                  "Seconds to wait for a client to send or read (default 30)");
  cmd->add_option("--time-limit", args->time_limit,
                  "Seconds of coding per POST /api/code (default 30): stories not started by "
                  "then are reported, not coded");
  return [args] { return RunServe(*args); };
}

}  // namespace dyad::cli
