// The TABARI reference coder's session (FORWARD between records of a story)
// and its document entry point. One record's parse and coding steps, each
// named after the TABARI routine whose behaviour it reproduces, are in
// tabari_parse.cc, tabari_events.cc and tabari_match.cc.
#include "code/tabari_coder.h"

#include "code/tabari_record.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <sstream>

namespace dyad::tabari {

using detail::Record;

Session::Session(std::shared_ptr<const Dictionary> dict) : dict_(std::move(dict)), opt_(dict_->options) {}

void Session::Code(std::string_view text, int date, std::string_view id_field, bool trace,
                   RecordResult* out) {
  // FORWARD: the record may use the previous one's actors when it is the
  // next sentence of the same story.
  bool can_forward = false;
  if (opt_.id_loc >= 0) {
    std::string id(id_field);
    if (static_cast<int>(id.size()) > opt_.id_loc) {
      std::string rec = id.substr(opt_.id_loc, opt_.id_len);
      auto part = [](const std::string& s, int at, int len) {
        return at < static_cast<int>(s.size()) ? s.substr(at, len) : std::string();
      };
      if (part(last_id_, opt_.story_loc, opt_.story_len) != part(rec, opt_.story_loc, opt_.story_len)) last_seq_ = -1;
      last_id_ = rec;
      int seq = std::atoi(part(id, opt_.sent_loc, opt_.sent_len).c_str());
      if (opt_.use_forward && last_seq_ >= 0 && seq == last_seq_ + 1) can_forward = true;
      last_seq_ = seq;
    } else {
      last_seq_ = -1;
    }
  }
  CodeRecord(text, date, can_forward, trace, out);
}

void Session::CodeSentence(std::string_view text, int date, bool follows, bool trace,
                           RecordResult* out) {
  CodeRecord(text, date, opt_.use_forward && follows, trace, out);
}

void Session::CodeRecord(std::string_view text, int date, bool can_forward, bool trace,
                         RecordResult* out) {
  *out = RecordResult{};
  Record r(*dict_, opt_, date, trace);
  if (!r.Lex(text)) {
    out->problem = r.problem();
    if (trace) out->trace = "problem: " + out->problem + "\n";
    return;  // TABARI keeps the earlier record's words for FORWARD
  }
  r.Parse(&last_cells_, can_forward);
  if (trace) r.trace() = "parse: " + r.ParseText() + "\n" + r.trace();
  r.Code(out);
  if (out->events.empty()) out->problem = r.problem().empty() ? "No events" : r.problem();
  if (trace) out->trace = r.trace() + (out->events.empty() ? "problem: " + out->problem + "\n" : "");
  last_cells_ = r.cells();  // for the next record's FORWARD
}

namespace {

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string Hex(uint64_t h) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = "0123456789abcdef"[h & 15];
  return out;
}

Actor MakeActor(const Lexicon& lex, const std::string& code) {
  Actor a;
  a.code = code;
  ActorCodeParts parts = lex.SplitActorCode(code);
  a.country = parts.country;
  a.group = parts.group;
  a.types = parts.types;
  return a;
}

// Where `word` (upper case, as TABARI filtered it) stands in `text`.
bool FindWord(std::string_view text, const std::string& word, size_t* at) {
  if (word.empty()) return false;
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (i > 0 && alnum(text[i - 1])) continue;
    size_t k = 0;
    while (k < word.size() && std::toupper(static_cast<unsigned char>(text[i + k])) == word[k]) ++k;
    if (k == word.size() && (i + k == text.size() || !alnum(text[i + k]))) {
      *at = i;
      return true;
    }
  }
  return false;
}

}  // namespace

void CodeDocument(const Dictionary& dict, const Lexicon& lex, const Story& story,
                  const Document& doc, std::vector<Event>* events, CodeStats* stats,
                  std::string* trace) {
  // Not owning: the session lives only for this story.
  Session session(std::shared_ptr<const Dictionary>(&dict, [](const Dictionary*) {}));
  CodeStats local;
  local.stories = 1;
  local.invalid_bytes = doc.invalid_bytes;
  int date = DateToInt(story.date);
  size_t first = events->size();
  int last = -2;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    ++local.sentences;
    if (s.heading) continue;
    std::string_view text = doc.Original(s.begin, s.end);
    RecordResult r;
    session.CodeSentence(text, date, last == static_cast<int>(i) - 1, trace != nullptr, &r);
    last = static_cast<int>(i);
    if (trace) *trace += story.id + "#" + std::to_string(i) + ": " + r.trace;
    if (r.problem.rfind("Discard", 0) == 0) ++local.sentences_discarded;
    if (!r.events.empty()) ++local.sentences_coded;
    int ordinal = 0;
    for (const CodedEvent& e : r.events) {
      Event ev;
      ev.story_id = story.id;
      ev.sentence = static_cast<int>(i);
      ev.date = story.date;
      ev.pub_date = story.date;
      ev.source = MakeActor(lex, e.source);
      ev.target = MakeActor(lex, e.target);
      ev.code = e.code;
      if (const EventCodeInfo* info = lex.EventCode(e.code)) {
        ev.root = info->root;
        ev.goldstein = info->goldstein;
        ev.quad_class = info->quad_class;
        ev.plover = info->plover;
        ev.plover_mode = info->plover_mode;
      } else {
        ev.root = e.code.substr(0, 2);
      }
      ev.text = std::string(text);
      size_t at = 0;
      if (FindWord(text, e.verb_word, &at)) {
        ev.trigger_span = {static_cast<uint32_t>(s.begin + at),
                           static_cast<uint32_t>(s.begin + at + e.verb_word.size())};
        ev.trigger = std::string(text.substr(at, e.verb_word.size()));
      } else {
        ev.trigger = e.verb_text;
      }
      ev.pattern = e.pattern.empty() ? e.verb_text : e.pattern;
      ev.pattern_origin = e.origin;
      ev.confidence = 0.8;
      ev.notes.push_back("tabari");
      ev.id = Hex(Fnv1a("\x1f" + std::to_string(i) + "\x1f" + std::to_string(ordinal++), Fnv1a(story.id)));
      events->push_back(std::move(ev));
    }
  }
  local.events = events->size() - first;
  if (stats) stats->Add(local);
}

}  // namespace dyad::tabari
