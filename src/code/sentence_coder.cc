#include "code/sentence_coder.h"

#include "code/actors.h"
#include "code/explain.h"
#include "code/nouns.h"
#include "code/phrases.h"
#include "code/places.h"

namespace dyad::code {

SentenceCoder::SentenceCoder(const StoryEnv& env, Discourse* discourse)
    : env_(env),
      discourse_(*discourse),
      clauses_(env, a_),
      roles_(env, a_, clauses_),
      patterns_(env, a_, roles_),
      emitter_(env, a_, clauses_),
      events_(env, &a_, clauses_, roles_, &patterns_, *discourse, emitter_),
      location_(env) {}

int SentenceCoder::Run(const Sentence& s, int sno, std::vector<Event>* out) {
  a_.sentence = &s;
  a_.sno = sno;
  a_.statements.clear();
  parse::Parse(env_.lex, env_.doc, s, env_.date, &a_.parse, env_.rd.dictionary_verbs);
  if (a_.parse.discard) {
    if (env_.explain) env_.explain->SkipSentence(env_, s, sno, "a discard phrase matched");
    return -1;
  }
  const auto& verbs = a_.parse.verbs;
  a_.vg_of.assign(a_.parse.words.size(), -1);
  for (size_t v = 0; v < verbs.size(); ++v) {
    for (uint32_t k = verbs[v].b; k < verbs[v].e; ++k) a_.vg_of[k] = static_cast<int>(v);
  }
  PhraseStage(env_, &a_).Run();
  FindLocations(env_, &a_);
  ActorStage(env_, &a_, discourse_).Run();
  if (Tracing(env_)) TraceParse(env_, a_);
  size_t before = out->size();
  a_.first_event = before;
  VerbState fresh;
  fresh.events = {before, before};
  a_.verbs.assign(verbs.size(), fresh);
  CodeEvents(out);
  location_.Run(a_, clauses_, out, before);
  if (env_.explain) env_.explain->AddSentence(env_, a_, *out);
  discourse_.RememberSentence(a_);
  return static_cast<int>(out->size() - before);
}

void SentenceCoder::CodeEvents(std::vector<Event>* out) {
  for (size_t v = 0; v < a_.parse.verbs.size(); ++v) events_.CodeVerb(static_cast<int>(v), out);
  events_.CodeNounTriggers(out);
  if (env_.rd.only_if_demands) events_.CodeOnlyIf(out);
  NounStage(env_, &a_, clauses_, roles_, patterns_, emitter_).Run(out);
  const uint32_t end = static_cast<uint32_t>(a_.parse.words.size());
  for (const PendingStatement& st : a_.statements) {
    events_.CodeSpokenAbroad(st, out);
    events_.CodeStatement(st, end, out);
  }
}

}  // namespace dyad::code
