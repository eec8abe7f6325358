#include "code/explain.h"

#include "code/clauses.h"
#include "code/events.h"

namespace dyad::code {

using nlohmann::json;
using parse::ClauseKind;
using parse::Tag;

const char* ClauseKindName(ClauseKind k) {
  switch (k) {
    case ClauseKind::kMain: return "main";
    case ClauseKind::kThat: return "that";
    case ClauseKind::kRelative: return "relative";
    case ClauseKind::kCondition: return "condition";
    case ClauseKind::kTemporal: return "temporal";
    case ClauseKind::kReason: return "reason";
    case ClauseKind::kParticiple: return "participle";
    case ClauseKind::kInfinitive: return "infinitive";
    case ClauseKind::kQuote: return "quote";
  }
  return "?";
}

const char* TagName(Tag t) {
  switch (t) {
    case Tag::kOther: return "other";
    case Tag::kNoun: return "noun";
    case Tag::kProper: return "proper";
    case Tag::kVerb: return "verb";
    case Tag::kBe: return "be";
    case Tag::kHave: return "have";
    case Tag::kDo: return "do";
    case Tag::kModal: return "modal";
    case Tag::kWill: return "will";
    case Tag::kNeg: return "neg";
    case Tag::kDet: return "det";
    case Tag::kNoDet: return "nodet";
    case Tag::kPossPron: return "posspron";
    case Tag::kPron: return "pron";
    case Tag::kRel: return "rel";
    case Tag::kThat: return "that";
    case Tag::kSub: return "sub";
    case Tag::kPrep: return "prep";
    case Tag::kOf: return "of";
    case Tag::kTo: return "to";
    case Tag::kCoord: return "coord";
    case Tag::kAdv: return "adv";
    case Tag::kTime: return "time";
    case Tag::kNum: return "num";
    case Tag::kPoss: return "poss";
    case Tag::kComma: return "comma";
    case Tag::kQuote: return "quote";
    case Tag::kEnd: return "end";
    case Tag::kPunct: return "punct";
  }
  return "?";
}

void TraceParse(const StoryEnv& env, const SentenceAnalysis& a) {
  const auto& w = a.parse.words;
  std::string line = "parse:";
  for (uint32_t k = 0; k < w.size(); ++k) {
    int g = a.VerbAt(k);
    int np = a.phrase_of[k];
    if (g >= 0 && a.parse.verbs[g].b == k) line += " [";
    if (np >= 0 && a.phrases[np].b == k) line += " {";
    line += " " + std::string(w[k].lower);
    if (np >= 0 && a.phrases[np].e == k + 1) {
      std::string codes;
      for (const ActorRef& x : a.phrases[np].actors) {
        codes += (codes.empty() ? "" : ",") + (x.code.empty() ? "?" + x.role : x.code) +
                 (x.place ? "@" : "") + (x.weak ? "~" : "");
      }
      line += codes.empty() ? " }" : " =" + codes + " }";
    }
    if (g >= 0 && a.parse.verbs[g].e == k + 1) line += " ]";
  }
  Trace(env, a, line);
}

void Explanation::Begin(const Story& story) {
  doc_ = json::object();
  doc_["story_id"] = story.id;
  doc_["date"] = story.date;
  doc_["sentences"] = json::array();
  notes_.clear();
  tried_.clear();
}

void Explanation::Note(int, const std::string& line, int v) { notes_.push_back({v, line}); }

void Explanation::PatternTried(int, int v, const VerbPattern& p, bool matched, int score) {
  tried_.push_back({v, p.text, p.origin, matched, score});
}

void Explanation::SkipSentence(const StoryEnv& env, const Sentence& s, int sno,
                               const std::string& why) {
  json j;
  j["sentence"] = sno;
  j["text"] = std::string(env.doc.Original(s.begin, s.end));
  j["skipped"] = why;
  doc_["sentences"].push_back(std::move(j));
  notes_.clear();
  tried_.clear();
}

namespace {

std::string Words(const StoryEnv& env, const SentenceAnalysis& a, uint32_t b, uint32_t e) {
  if (e <= b) return "";
  return std::string(env.doc.Original(WordBegin(env, a, b), WordEnd(env, a, e)));
}

json ActorJson(const StoryEnv& env, const SentenceAnalysis& a, const ActorRef& x) {
  json j;
  j["code"] = x.code.empty() ? json(nullptr) : json(x.code);
  if (x.code.empty() && !x.role.empty()) j["role"] = x.role;
  j["country"] = x.country;
  j["words"] = Words(env, a, x.b, x.e);
  j["how"] = x.how;
  if (x.entry >= 0) {
    const LexEntry& e = env.lex.entry(static_cast<uint32_t>(x.entry));
    j["entry"] = {{"kind", EntryKindName(e.kind)}, {"name", e.name}, {"origin", e.origin}};
  }
  json flags = json::array();
  if (x.place) flags.push_back("place");
  if (x.weak) flags.push_back("weak");
  if (x.pronoun) flags.push_back("pronoun");
  if (x.located) flags.push_back("country from context");
  if (x.weapon) flags.push_back("means of war");
  if (x.several) flags.push_back("several");
  j["flags"] = flags;
  return j;
}

}  // namespace

void Explanation::AddSentence(const StoryEnv& env, const SentenceAnalysis& a,
                              const std::vector<Event>& events) {
  const auto& w = a.parse.words;
  json s;
  s["sentence"] = a.sno;
  s["text"] = std::string(env.doc.Original(a.sentence->begin, a.sentence->end));
  json words = json::array();
  for (uint32_t k = 0; k < w.size(); ++k) {
    json t = {{"i", k}, {"text", Words(env, a, k, k + 1)}, {"tag", TagName(w[k].tag)},
              {"span", {WordBegin(env, a, k), WordEnd(env, a, k + 1)}}};
    if (!w[k].lemma.empty()) t["lemma"] = std::string(w[k].lemma);
    if (w[k].mention >= 0 && a.parse.mentions[w[k].mention].b == k) {
      const parse::Mention& m = a.parse.mentions[w[k].mention];
      const LexEntry& e = env.lex.entry(m.entry);
      t["mention"] = {{"words", Words(env, a, m.b, m.e)}, {"kind", EntryKindName(e.kind)},
                      {"code", e.CodeOn(env.date)}, {"origin", e.origin}};
    }
    words.push_back(std::move(t));
  }
  s["words"] = std::move(words);
  json phrases = json::array();
  for (const Phrase& p : a.phrases) {
    json j = {{"words", {p.b, p.e}}, {"text", Words(env, a, p.b, p.e)}};
    if (p.prep >= 0) j["prep"] = std::string(w[p.prep].lower);
    json actors = json::array();
    for (const ActorRef& x : p.actors) actors.push_back(ActorJson(env, a, x));
    j["actors"] = std::move(actors);
    phrases.push_back(std::move(j));
  }
  s["phrases"] = std::move(phrases);
  Clauses clauses(env, a);
  json verbs = json::array();
  for (size_t v = 0; v < a.parse.verbs.size(); ++v) {
    const parse::VerbGroup& vg = a.parse.verbs[v];
    const parse::Word& hw = w[vg.head];
    Clause c = clauses.Of(static_cast<int>(v));
    json j = {{"words", {vg.b, vg.e}}, {"text", Words(env, a, vg.b, vg.e)},
              {"lemma", std::string(hw.lemma)}, {"dictionary_verb", hw.event_verb}};
    json flags = json::array();
    for (auto [on, name] : {std::pair{vg.negated, "negated"}, {vg.modal, "modal"}, {vg.must, "must"},
                            {vg.future, "future"}, {vg.passive, "passive"}, {vg.perfect, "perfect"},
                            {vg.infinitive, "infinitive"}, {vg.gerund, "gerund"},
                            {vg.participle, "participle"}, {vg.copula, "copula"}}) {
      if (on) flags.push_back(name);
    }
    j["flags"] = flags;
    json clause = {{"kind", ClauseKindName(c.kind)}};
    if (!c.governor.empty()) clause["governor"] = c.governor;
    j["clause"] = clause;
    if (hw.event_verb && !vg.copula) {
      std::string why = clauses.Blocked(static_cast<int>(v), c);
      j["asserted"] = why.empty();
      if (!why.empty()) j["blocked"] = why;
    }
    int subj = v < a.verbs.size() ? a.verbs[v].subject : -1;
    j["subject"] = subj >= 0 ? json(subj) : json(nullptr);
    json tried = json::array();
    for (const Tried& t : tried_) {
      if (t.v != static_cast<int>(v)) continue;
      json p = {{"pattern", t.pattern}, {"origin", t.origin}, {"matched", t.matched}};
      if (t.matched) p["score"] = t.score;
      tried.push_back(std::move(p));
    }
    if (!tried.empty()) j["patterns_tried"] = std::move(tried);
    json decisions = json::array();
    for (const Pending& n : notes_) {
      if (n.v == static_cast<int>(v)) decisions.push_back(n.line);
    }
    if (!decisions.empty()) j["dropped"] = std::move(decisions);
    verbs.push_back(std::move(j));
  }
  s["verbs"] = std::move(verbs);
  json evs = json::array();
  for (size_t i = a.first_event; i < events.size(); ++i) {
    const Event& e = events[i];
    json j = {{"code", e.code}, {"source", e.source.code},
              {"target", e.target ? json(e.target->code) : json(nullptr)},
              {"trigger", e.trigger}, {"pattern", e.pattern}, {"origin", e.pattern_origin},
              {"how", e.notes.empty() ? "" : e.notes.front()}, {"confidence", e.confidence}};
    evs.push_back(std::move(j));
  }
  s["events"] = std::move(evs);
  json notes = json::array();
  for (const Pending& n : notes_) {
    if (n.v < 0) notes.push_back(n.line);
  }
  s["notes"] = std::move(notes);
  doc_["sentences"].push_back(std::move(s));
  notes_.clear();
  tried_.clear();
}

std::string Explanation::ToText() const {
  std::string out = "story " + doc_.value("story_id", "") + " (" + doc_.value("date", "") + ")\n";
  for (const json& s : doc_["sentences"]) {
    out += "\n#" + std::to_string(s["sentence"].get<int>()) + " " + s["text"].get<std::string>() + "\n";
    if (s.contains("skipped")) {
      out += "  skipped: " + s["skipped"].get<std::string>() + "\n";
      continue;
    }
    out += "  words:";
    for (const json& t : s["words"]) {
      out += " " + t["text"].get<std::string>() + "/" + t["tag"].get<std::string>();
    }
    out += "\n  phrases:\n";
    for (const json& p : s["phrases"]) {
      out += "    {" + p["text"].get<std::string>() + "}";
      if (p.contains("prep")) out += " after '" + p["prep"].get<std::string>() + "'";
      if (p["actors"].empty()) out += "  no actor";
      for (const json& x : p["actors"]) {
        out += "\n      -> " + (x["code"].is_null() ? "?" + x.value("role", "") : x["code"].get<std::string>());
        out += "  (" + x["how"].get<std::string>();
        if (x.contains("entry")) out += "; " + x["entry"]["origin"].get<std::string>();
        for (const json& f : x["flags"]) out += "; " + f.get<std::string>();
        out += ")";
      }
      out += "\n";
    }
    out += "  verbs:\n";
    for (const json& v : s["verbs"]) {
      out += "    [" + v["text"].get<std::string>() + "] " + v["clause"]["kind"].get<std::string>();
      if (v["clause"].contains("governor")) out += " of '" + v["clause"]["governor"].get<std::string>() + "'";
      for (const json& f : v["flags"]) out += ", " + f.get<std::string>();
      if (v.contains("asserted")) {
        out += v["asserted"].get<bool>() ? "; asserted" : "; not asserted: " + v["blocked"].get<std::string>();
      }
      if (!v["subject"].is_null()) {
        out += "; subject {" + s["phrases"][v["subject"].get<int>()]["text"].get<std::string>() + "}";
      }
      out += "\n";
      if (v.contains("patterns_tried")) {
        for (const json& p : v["patterns_tried"]) {
          out += "      pattern " + p["pattern"].get<std::string>() + " (" + p["origin"].get<std::string>() +
                 "): " + (p["matched"].get<bool>() ? "matched" : "no match") + "\n";
        }
      }
      if (v.contains("dropped")) {
        for (const json& d : v["dropped"]) out += "      dropped: " + d.get<std::string>() + "\n";
      }
    }
    out += "  events:\n";
    if (s["events"].empty()) out += "    none\n";
    for (const json& e : s["events"]) {
      out += "    " + e["source"].get<std::string>() + " > " +
             (e["target"].is_null() ? "---" : e["target"].get<std::string>()) + " : " +
             e["code"].get<std::string>() + "  via '" + e["trigger"].get<std::string>() + "' " +
             e["pattern"].get<std::string>() + " (" + e["how"].get<std::string>() + ")\n";
    }
    for (const json& n : s["notes"]) {
      if (n.get<std::string>().rfind("parse:", 0) == 0) continue;
      out += "  note: " + n.get<std::string>() + "\n";
    }
  }
  return out;
}

}  // namespace dyad::code
