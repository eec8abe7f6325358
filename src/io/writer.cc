#include "io/writer.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace dyad::io {
namespace {

using Json = nlohmann::ordered_json;

Json ActorJson(const Actor& a) {
  Json j;
  j["code"] = a.code;
  j["name"] = a.name;
  j["country"] = a.country;
  j["group"] = a.group;
  j["types"] = a.types;
  return j;
}

std::string FormatNumber(double v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

class JsonlWriter : public EventWriter {
 public:
  JsonlWriter(std::ostream* out, WriterInfo info) : out_(out), info_(std::move(info)) {}
  void Write(const Event& e) override { *out_ << EventToJson(e, info_) << '\n'; }
  void Finish() override { out_->flush(); }

 private:
  std::ostream* out_;
  WriterInfo info_;
};

class TsvWriter : public EventWriter {
 public:
  TsvWriter(std::ostream* out, WriterInfo info) : out_(out), info_(std::move(info)) {}
  void WriteHeader() override {
    *out_ << "id\tstory_id\tsentence\tdate\tsource\tsource_country\tsource_group\tsource_name\t"
             "target\ttarget_country\ttarget_group\ttarget_name\tcode\troot\tgoldstein\t"
             "quad_class\tplover\ttrigger\tconfidence\tparent_id\ttext\n";
  }
  void Write(const Event& e) override {
    const Actor* t = e.target ? &*e.target : nullptr;
    std::string fields[] = {e.id,
                            e.story_id,
                            std::to_string(e.sentence),
                            e.date,
                            e.source.code,
                            e.source.country,
                            e.source.group,
                            e.source.name,
                            t ? t->code : "",
                            t ? t->country : "",
                            t ? t->group : "",
                            t ? t->name : "",
                            e.code,
                            e.root,
                            e.goldstein ? FormatNumber(*e.goldstein) : "",
                            std::to_string(e.quad_class),
                            e.plover,
                            e.trigger,
                            FormatNumber(e.confidence),
                            e.parent_id,
                            e.text};
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) *out_ << '\t';
      *out_ << TsvEscape(f);
      first = false;
    }
    *out_ << '\n';
  }
  void Finish() override { out_->flush(); }

 private:
  std::ostream* out_;
  WriterInfo info_;
};

}  // namespace

std::string TsvEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EventToJson(const Event& e, const WriterInfo& info) {
  Json j;
  j["id"] = e.id;
  j["story_id"] = e.story_id;
  j["sentence"] = e.sentence;
  j["date"] = e.date;
  j["pub_date"] = e.pub_date;
  j["source"] = ActorJson(e.source);
  j["target"] = e.target ? ActorJson(*e.target) : Json(nullptr);
  j["code"] = e.code;
  j["root"] = e.root;
  j["goldstein"] = e.goldstein ? Json(*e.goldstein) : Json(nullptr);
  j["quad_class"] = e.quad_class;
  j["plover"] = e.plover.empty() ? Json(nullptr) : Json(e.plover);
  j["text"] = e.text;
  j["trigger"] = e.trigger;
  Json ev;
  ev["trigger"] = {e.trigger_span.begin, e.trigger_span.end};
  ev["source"] = {e.source.span.begin, e.source.span.end};
  ev["target"] = e.target ? Json::array({e.target->span.begin, e.target->span.end}) : Json(nullptr);
  ev["pattern"] = e.pattern;
  ev["pattern_origin"] = e.pattern_origin;
  ev["how"] = e.notes;
  j["evidence"] = ev;
  j["confidence"] = e.confidence;
  j["parent_id"] = e.parent_id.empty() ? Json(nullptr) : Json(e.parent_id);
  j["coder"] = info.coder;
  j["dictionary"] = info.dictionary;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::unique_ptr<EventWriter> MakeWriter(std::string_view name, std::ostream* out,
                                        const WriterInfo& info) {
  if (name == "jsonl") return std::make_unique<JsonlWriter>(out, info);
  if (name == "tsv") return std::make_unique<TsvWriter>(out, info);
  return nullptr;
}

}  // namespace dyad::io
