// The word classes the parser and the coder ask about (parser.h): saying,
// doubting, voicing, control and aspect verbs, hearsay and attack nouns,
// judging adjectives. (Time words are the parser's closed class: parser.cc.)
#include <string_view>

#include "parse/parser.h"
#include "parse/word_set.h"

namespace dyad::parse {

bool IsSayVerb(std::string_view l) {
  static const Set s = {"say", "tell", "announce", "state", "declare", "add", "note", "stress",
                        "insist", "confirm", "report", "write", "explain", "argue", "assert",
                        "claim", "reiterate", "remark", "comment", "emphasise", "emphasize",
                        "acknowledge", "indicate", "suggest", "predict", "estimate", "caution",
                        "reply", "respond", "tweet", "post", "quote", "conclude", "admit"};
  return Contains(s, l);
}

bool IsDoubtVerb(std::string_view l) {
  static const Set s = {"fear", "doubt", "believe", "think", "expect", "hope", "suspect",
                        "deny", "question", "wonder", "speculate", "worry", "allege", "rumour",
                        "rumor", "imagine", "assume", "guess", "predict", "anticipate", "dispute",
                        "dismiss", "consider", "estimate", "suppose", "forecast",
                        "claim", "plan", "intend", "propose"};
  return Contains(s, l);
}

bool IsHearsayNoun(std::string_view w) {
  static const Set s = {"rumour", "rumours", "rumor", "rumors", "report", "reports", "claim",
                        "claims", "fear", "fears", "allegation", "allegations", "speculation",
                        "concern", "concerns", "suspicion", "suspicions", "worry", "worries",
                        "hope", "hopes", "possibility", "prospect", "risk", "threat", "warning",
                        "warnings", "belief", "expectation", "expectations", "likelihood",
                        "chance", "chances", "danger", "question", "doubt", "doubts", "idea",
                        "suggestion", "suggestions", "assertion", "assertions", "accusation",
                        "accusations", "denial", "denials", "news", "word", "talk", "sign",
                        "signs", "evidence", "assessment", "estimate", "scenario", "plan",
                        "plans", "proposal", "proposals", "demand", "demands", "call", "calls"};
  return Contains(s, w);
}

bool IsReciprocalVerb(std::string_view l) {
  static const Set s = {"meet", "clash", "fight", "sign", "exchange", "discuss", "negotiate",
                        "talk", "confer", "cooperate", "collaborate", "trade", "battle",
                        "skirmish", "conduct", "hold", "agree", "ink", "conclude", "inaugurate",
                        "launch", "establish", "restore", "resume", "normalize", "normalise",
                        "swap", "reconcile", "consult", "spar", "feud", "quarrel", "declare"};
  return Contains(s, l);
}

bool IsAspectVerb(std::string_view l) {
  static const Set s = {"begin", "start", "continue", "resume", "keep", "stop", "finish"};
  return Contains(s, l);
}

bool IsVoicingVerb(std::string_view l) {
  static const Set s = {"call", "demand", "urge", "accuse", "protest", "denounce", "condemn",
                        "criticize", "criticise", "appeal", "insist", "warn", "blame", "charge",
                        "reject", "deplore"};
  return Contains(s, l);
}

bool IsSpeechActVerb(std::string_view l) {
  static const Set s = {"threaten", "vow", "pledge", "promise", "ask", "offer", "invite",
                        "welcome", "praise", "thank", "express", "voice", "reaffirm",
                        "deny", "dismiss", "request", "announce"};
  return Contains(s, l) || IsSayVerb(l) || IsVoicingVerb(l);
}

bool IsProtestVerb(std::string_view l) {
  static const Set s = {"protest", "demand", "denounce", "condemn", "press", "demonstrate"};
  return Contains(s, l);
}

bool IsControlVerb(std::string_view l) {
  static const Set s = {
      "urge", "ask", "call", "tell", "order", "force", "allow", "invite", "persuade",
      "encourage", "press", "warn", "want", "expect", "help", "request", "appeal",
      "instruct", "authorize", "authorise", "permit", "enable", "lead", "prompt", "compel",
      "pressure", "push", "require", "get", "convince", "inspire", "mobilize", "mobilise",
      "advise", "remind", "plan", "prepare", "intend", "schedule", "announce", "threaten",
      "vow", "promise", "propose", "consider", "seek", "try", "attempt", "hope", "need",
      "decide", "agree", "refuse", "fail", "be", "have", "use"};
  return Contains(s, l);
}

bool IsNotYetWord(std::string_view w) {
  static const Set s = {"planned", "proposed", "scheduled", "upcoming", "expected", "possible",
                        "future", "postponed", "cancelled", "canceled", "delayed", "next"};
  return Contains(s, w);
}

bool IsUnmakingVerb(std::string_view l) {
  static const Set s = {"cancel", "postpone", "delay", "plan", "call", "scrap", "announce",
                        "propose"};
  return Contains(s, l);
}

bool IsAnonymousMeans(std::string_view w) {
  static const Set s = {"bomb",      "bombs",     "bombing",   "bombings", "explosion",
                        "explosions", "blast",    "blasts",    "device",   "devices",
                        "ied",        "ieds",     "landmine",  "landmines", "mine",
                        "mines",      "grenade",  "grenades",  "booby-trap", "attack",
                        "attacks",    "ambush",   "shelling",  "gunfire",  "rocket",
                        "rockets",    "mortar",   "mortars"};
  return Contains(s, w);
}

bool IsJudgingAdjective(std::string_view w) {
  static const Set kJudging = {
      "unacceptable", "illegal",        "outrageous",   "provocative",  "criminal",   "irresponsible",
      "dangerous",    "barbaric",       "shameful",     "hypocritical", "appalling",  "deplorable",
      "unjustified",  "reckless",       "hostile",      "treasonous",   "counterproductive",
      "baseless",     "groundless",     "unfounded",    "absurd",       "illegitimate", "unlawful",
      "regrettable",  "inhumane",       "heinous",      "abhorrent",    "despicable", "unjust",
      "null",         "invalid",        "unwarranted",  "destabilising", "destabilizing", "motivated",
      "shocking",     "disgraceful",   "biased",       "untrustworthy", "unreliable"};
  return Contains(kJudging, w);
}

bool IsAttackNoun(std::string_view w) {
  static const Set s = {"shelling", "strike", "strikes", "airstrike", "airstrikes",
                        "bombardment", "bombardments", "fire", "gunfire", "attack", "attacks",
                        "raid", "raids", "drone", "drones", "air", "aircraft", "warplane",
                        "warplanes", "jets", "jet", "missile", "missiles", "rocket", "rockets",
                        "artillery", "offensive", "forces", "tanks", "tank", "gunboat",
                        "gunboats", "bombers", "bomber", "helicopters", "helicopter",
                        "warships", "warship", "navy", "ships", "vessels", "patrols"};
  return Contains(s, w);
}

}  // namespace dyad::parse
