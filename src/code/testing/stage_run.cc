#include "code/testing/stage_run.h"

#include <cstdlib>

#include "code/compat/reference_coder.h"

namespace dyad::code::testing {

std::shared_ptr<const Lexicon> DefaultLexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
    if (!r.ok()) std::abort();
    return *r;
  }();
  return lex;
}

StageRun::StageRun(const std::string& text, const std::string& date, Semantics semantics)
    : lex_(DefaultLexicon()) {
  opt_.semantics = semantics;
  rd_ = semantics == Semantics::kDyad ? Reading::Dyad() : Reading::Reference(opt_, *lex_);
  story_.id = "t";
  story_.date = date;
  story_.text = text;
  AnalyzeText(story_.text, &doc_);
  env_ = std::make_unique<StoryEnv>(
      StoryEnv{*lex_, opt_, rd_, story_, doc_, DateToInt(date), nullptr, nullptr});
  if (semantics == Semantics::kDyad) {
    coder_ = std::make_unique<SentenceCoder>(*env_, &discourse_);
  } else {
    coder_ = std::make_unique<compat::ReferenceSentenceCoder>(*env_, &discourse_);
  }
  for (size_t i = 0; i < doc_.sentences.size(); ++i) {
    coder_->Run(doc_.sentences[i], static_cast<int>(i), &events_);
  }
}

std::string StageRun::Words(uint32_t b, uint32_t e) const {
  if (e <= b) return "";
  return std::string(doc_.Original(WordBegin(*env_, a(), b), WordEnd(*env_, a(), e)));
}

int StageRun::Phrase(std::string_view words) const {
  for (size_t i = 0; i < a().phrases.size(); ++i) {
    if (Words(a().phrases[i].b, a().phrases[i].e) == words) return static_cast<int>(i);
  }
  return -1;
}

std::string StageRun::Codes(int np) const {
  if (np < 0) return "(no phrase)";
  std::string out;
  for (const ActorRef& x : a().phrases[np].actors) {
    if (!out.empty()) out += ",";
    out += x.code.empty() ? "?" + x.role : x.code;
  }
  return out;
}

int StageRun::Verb(std::string_view head) const {
  for (size_t v = 0; v < a().parse.verbs.size(); ++v) {
    uint32_t h = a().parse.verbs[v].head;
    if (Words(h, h + 1) == head) return static_cast<int>(v);
  }
  return -1;
}

std::string StageRun::Coded(bool countries_only) const {
  auto cut = [&](const std::string& code) { return countries_only ? code.substr(0, 3) : code; };
  std::string out;
  for (const Event& e : events_) {
    if (!out.empty()) out += " ";
    out += cut(e.source.code) + ">" + (e.target ? cut(e.target->code) : "---") + ":" + e.code;
  }
  return out;
}

}  // namespace dyad::code::testing
