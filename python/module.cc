// _dyad: the Python binding of the coder (pybind11), wrapped by the package
// python/dyad/ (which is what users import).
//
// It codes with the library the CLI uses and hands events back as the JSON
// objects `dyad code` prints (io::AppendEventJson), so the Python dicts
// have exactly the CLI's fields. Stories arrive as JSON Lines records and
// go through the CLI's own checks (io::ParseRecord: the size limit, UTF-8
// repair, the id and date), its English test and its repeated-id rule.
//
//   c = _dyad.Coder(["/my/dict"], False, "dyad", False, False)
//   s = c.session()
//   for ok, events, messages in s.code(['{"id":"a","date":"2024-01-01","text":"…"}'], ["x:1"], 2):
//       …
//
// Thread-safety: a Coder is immutable and shared; the GIL is released while
// it codes, so Python threads may code at once. A Session (the repeated ids
// of one stream) belongs to one stream and is not thread-safe.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "dyad/coder.h"
#include "dyad/lexicon.h"
#include "dyad/story.h"
#include "io/duplicates.h"
#include "io/story_reader.h"
#include "io/writer.h"
#include "text/language.h"

namespace py = pybind11;

namespace dyad::python {
namespace {

// What one record gave: whether it was coded, its events as JSON objects
// (one line each, as `dyad code` prints them) and the messages the CLI
// would print on stderr for it ("where: what is wrong").
struct CodedStory {
  bool coded = false;
  std::vector<std::string> events;
  std::vector<std::string> messages;
  Story story;  // kept for the repeated-id pass
};

class PyCoder {
 public:
  PyCoder(const std::vector<std::string>& dict_dirs, bool no_default_dict,
          const std::string& semantics, bool any_language, bool allow_no_target) {
    CoderOptions opt;
    if (!ParseSemantics(semantics, &opt.semantics)) {
      throw py::value_error("unknown semantics '" + semantics + "' (dyad, tabari, petrarch)");
    }
    opt.require_target = !allow_no_target;
    std::vector<std::string> layers = Lexicon::Layers(dict_dirs, no_default_dict);
    if (layers.empty()) throw py::value_error("no dictionaries: no_default_dict needs dict_dir");
    DictStats stats;
    Result<std::shared_ptr<const Lexicon>> lex = [&] {
      py::gil_scoped_release nogil;
      return Lexicon::Load(layers, &stats, 1);
    }();
    if (!lex.ok()) throw py::value_error(lex.status().message());
    load_errors_ = stats.errors;
    lex_ = *lex;
    coder_ = std::make_unique<Coder>(lex_, opt);
    info_ = io::WriterInfo{std::string("dyad ") + DYAD_VERSION, lex_->fingerprint()};
    any_language_ = any_language;
    layers_ = layers;
  }

  // Codes records[i] (a JSON Lines record, reported as wheres[i]) on
  // `threads` threads, without the GIL. Results are in input order and do
  // not depend on `threads`.
  std::vector<CodedStory> CodeRecords(const std::vector<std::string>& records,
                                   const std::vector<std::string>& wheres, int threads) const {
    if (records.size() != wheres.size()) throw py::value_error("records and wheres differ in length");
    std::vector<CodedStory> out(records.size());
    py::gil_scoped_release nogil;
    size_t n = records.size();
    size_t t = threads < 1 ? 1 : static_cast<size_t>(threads);
    if (t > n) t = n;
    auto work = [&](size_t k) {
      std::vector<Event> events;
      io::ReaderOptions ropt;
      io::ReadCounts counts;
      for (size_t i = k; i < n; i += t) CodeOne(records[i], wheres[i], ropt, &counts, &events, &out[i]);
    };
    if (t <= 1) {
      if (n) work(0);
    } else {
      std::vector<std::thread> pool;
      for (size_t k = 0; k < t; ++k) pool.emplace_back(work, k);
      for (auto& th : pool) th.join();
    }
    return out;
  }

  // Events of `story` (coded again) with ids for its n-th occurrence.
  std::vector<std::string> Recode(const Story& story, int occurrence) const {
    std::vector<Event> again;
    CodeStats ignored;
    coder_->CodeStory(story, &again, &ignored, nullptr);
    io::MakeIdsOccurrenceSpecific(occurrence, &again);
    std::vector<std::string> out;
    for (const Event& e : again) {
      std::string j;
      io::AppendEventJson(e, info_, &j);
      out.push_back(std::move(j));
    }
    return out;
  }

  // Coder::ExplainJson of one story (one line of JSON).
  std::string Explain(const std::string& text, const std::string& date, const std::string& id) const {
    Story s;
    if (!IsValidDate(date) && !NormalizeDate(date, &s.date)) {
      throw py::value_error("story '" + id + "': date '" + date + "' is not " + kDateFormats);
    }
    s.id = id;
    if (s.date.empty()) s.date = date;
    s.text = text;
    s.origin = id;
    py::gil_scoped_release nogil;
    std::vector<Event> events;
    return coder_->ExplainJson(s, &events, -1);
  }

  const std::vector<std::string>& load_errors() const { return load_errors_; }
  const std::vector<std::string>& layers() const { return layers_; }
  const std::string& fingerprint() const { return lex_->fingerprint(); }
  const std::string& version() const { return info_.coder; }

 private:
  // One record as `dyad code` handles it (apps/cli/code_main.cc code_batch).
  void CodeOne(const std::string& record, const std::string& where, const io::ReaderOptions& ropt,
               io::ReadCounts* counts, std::vector<Event>* events, CodedStory* r) const {
    if (!io::ParseRecord(record, where, ropt, &r->story, &r->messages, counts)) return;
    if (!any_language_) {
      text::EnglishGuess g = text::GuessEnglish(r->story.text);
      if (!g.english) {
        r->messages.push_back(r->story.origin + ": story '" + r->story.id +
                              "' skipped: not English (" + text::WhyNotEnglish(g) + ")");
        return;
      }
    }
    events->clear();
    CodeStats stats;
    coder_->CodeStory(r->story, events, &stats, nullptr);
    for (const Event& e : *events) {
      std::string j;
      io::AppendEventJson(e, info_, &j);
      r->events.push_back(std::move(j));
    }
    r->coded = true;
  }

  std::shared_ptr<const Lexicon> lex_;
  std::unique_ptr<Coder> coder_;
  io::WriterInfo info_;
  bool any_language_ = false;
  std::vector<std::string> load_errors_, layers_;
};

// One stream of stories: the ids seen so far, so that a repeated id is
// reported and its events get ids of their own, as `dyad code` does.
class Session {
 public:
  explicit Session(std::shared_ptr<PyCoder> coder) : coder_(std::move(coder)) {}

  // [(coded, [event json…], [message…])] for records, in order.
  std::vector<std::tuple<bool, std::vector<std::string>, std::vector<std::string>>> Code(
      const std::vector<std::string>& records, const std::vector<std::string>& wheres, int threads) {
    std::vector<CodedStory> rs = coder_->CodeRecords(records, wheres, threads);
    std::vector<std::tuple<bool, std::vector<std::string>, std::vector<std::string>>> out;
    out.reserve(rs.size());
    for (CodedStory& r : rs) {
      if (r.coded) {
        std::string first;
        int n = seen_.See(r.story.id, r.story.origin, &first);
        if (n > 1) {
          r.messages.push_back(r.story.origin + ": duplicate story id '" + r.story.id +
                               "' (first at " + first +
                               "): coded again, its events with ids of their own");
          py::gil_scoped_release nogil;
          r.events = coder_->Recode(r.story, n);
        }
      }
      out.emplace_back(r.coded, std::move(r.events), std::move(r.messages));
    }
    return out;
  }

 private:
  std::shared_ptr<PyCoder> coder_;
  io::StoryIdSet seen_;
};

}  // namespace
}  // namespace dyad::python

PYBIND11_MODULE(_dyad, m) {
  using dyad::python::PyCoder;
  using dyad::python::Session;
  m.doc() = "dyad's coder, compiled (use the `dyad` package, not this module)";
  m.attr("__version__") = DYAD_VERSION;
  m.attr("default_data_dir") = dyad::Lexicon::DefaultDataDir();
  py::class_<PyCoder, std::shared_ptr<PyCoder>>(m, "Coder")
      .def(py::init<const std::vector<std::string>&, bool, const std::string&, bool, bool>(),
           py::arg("dict_dirs"), py::arg("no_default_dict"), py::arg("semantics"),
           py::arg("any_language"), py::arg("allow_no_target"))
      .def("explain", &PyCoder::Explain, py::arg("text"), py::arg("date"), py::arg("id"))
      .def("session", [](std::shared_ptr<PyCoder> c) { return std::make_unique<Session>(c); })
      .def_property_readonly("load_errors", &PyCoder::load_errors)
      .def_property_readonly("layers", &PyCoder::layers)
      .def_property_readonly("fingerprint", &PyCoder::fingerprint)
      .def_property_readonly("version", &PyCoder::version);
  py::class_<Session>(m, "Session")
      .def("code", &Session::Code, py::arg("records"), py::arg("wheres"), py::arg("threads") = 1);
}
