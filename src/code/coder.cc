// The Coder facade: stories in, events out, through the stages of
// sentence_coder.h (dyad's reading), compat/reference_coder.h (the reference
// coders' reading on dyad's lexicon) or tabari_coder.h (TABARI's own
// algorithm on TABARI's own dictionaries).
#include "dyad/coder.h"

#include "code/compat/reference_coder.h"
#include "code/discourse.h"
#include "code/event_dates.h"
#include "code/explain.h"
#include "code/reading.h"
#include "code/sentence_coder.h"
#include "code/tabari_coder.h"

namespace dyad {

bool ParseSemantics(const std::string& name, Semantics* out) {
  if (name == "dyad") *out = Semantics::kDyad;
  else if (name == "tabari") *out = Semantics::kTabari;
  else if (name == "petrarch") *out = Semantics::kPetrarch;
  else return false;
  return true;
}

Coder::Coder(std::shared_ptr<const Lexicon> lex, CoderOptions options)
    : lex_(std::move(lex)), options_(std::move(options)) {
  reading_ = std::make_shared<const code::Reading>(
      options_.semantics == Semantics::kDyad ? code::Reading::Dyad()
                                              : code::Reading::Reference(options_, *lex_));
}

void Coder::CodeStory(const Story& story, std::vector<Event>* events, CodeStats* stats,
                      std::string* trace) const {
  // One Document per thread, reused: its buffers keep their capacity.
  thread_local Document doc;
  AnalyzeText(story.text, &doc);
  Code(story, doc, events, stats, trace, nullptr);
}

void Coder::CodeDocument(const Story& story, const Document& doc, std::vector<Event>* events,
                         CodeStats* stats, std::string* trace) const {
  Code(story, doc, events, stats, trace, nullptr);
}

namespace {

// Runs `sc` over every sentence of the story in order.
void CodeSentences(code::SentenceCoder* sc, const code::StoryEnv& env, std::vector<Event>* events,
                   CodeStats* local) {
  const Document& doc = env.doc;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    ++local->sentences;
    if (s.heading) {
      if (env.explain) env.explain->SkipSentence(env, s, static_cast<int>(i), "a heading");
      continue;
    }
    int n = sc->Run(s, static_cast<int>(i), events);
    if (n < 0) ++local->sentences_discarded;
    if (n > 0) ++local->sentences_coded;
  }
}

}  // namespace

namespace {

// The stages hash an event's id (and a compound mention's parent id) to 64
// bits; ids keep the top 53 (dyad/event.h: exact as doubles, and GDELT's
// GLOBALEVENTID). Done here, once, for every semantics.
void IdsBelow2To53(std::vector<Event>* events, size_t first) {
  for (size_t i = first; i < events->size(); ++i) {
    Event& e = (*events)[i];
    e.id = EventIdFromHash(EventIdValue(e.id));
    if (!e.parent_id.empty()) e.parent_id = EventIdFromHash(EventIdValue(e.parent_id));
  }
}

}  // namespace

void Coder::Code(const Story& story, const Document& doc, std::vector<Event>* events,
                 CodeStats* stats, std::string* trace, code::Explanation* explain) const {
  if (options_.semantics == Semantics::kTabari && options_.tabari) {
    size_t first = events->size();
    tabari::CodeDocument(*options_.tabari, *lex_, story, doc, events, stats,
                         options_.trace ? trace : nullptr);
    IdsBelow2To53(events, first);
    return;
  }
  CodeStats local;
  local.stories = 1;
  local.invalid_bytes = doc.invalid_bytes;
  const code::StoryEnv env{*lex_, options_, *reading_, story, doc, DateToInt(story.date),
                           trace, explain};
  code::Discourse discourse;
  size_t first = events->size();
  if (options_.semantics == Semantics::kDyad) {
    code::SentenceCoder sc(env, &discourse);
    CodeSentences(&sc, env, events, &local);
    code::ResolveEventDates(doc, events, first);
  } else {
    code::compat::ReferenceSentenceCoder sc(env, &discourse);
    CodeSentences(&sc, env, events, &local);
  }
  local.events = events->size() - first;
  IdsBelow2To53(events, first);
  if (stats) stats->Add(local);
}

void Coder::Explain(const Story& story, std::vector<Event>* events, code::Explanation* out) const {
  out->Begin(story);
  Document doc;
  AnalyzeText(story.text, &doc);
  Code(story, doc, events, nullptr, nullptr, out);
}

std::string Coder::ExplainJson(const Story& story, std::vector<Event>* events, int indent) const {
  code::Explanation ex;
  Explain(story, events, &ex);
  return ex.doc().dump(indent);
}

std::string Coder::ExplainText(const Story& story, std::vector<Event>* events) const {
  code::Explanation ex;
  Explain(story, events, &ex);
  return ex.ToText();
}

}  // namespace dyad
