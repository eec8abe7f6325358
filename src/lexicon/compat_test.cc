#include "lexicon/compat.h"

#include <gtest/gtest.h>

#include "dyad/coder.h"

namespace dyad::compat {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

std::string All(const CompatDict& d) {
  std::string s;
  for (const auto& src : d.sources) s += src.text;
  return s;
}

// Codes `text` (dated 1995-01-01) with a translated lexicon and lists its
// events as "SRC>TGT:CODE " with the foreign codes given back.
std::string CodeText(const std::shared_ptr<const Lexicon>& lex, const CompatDict& d,
                     const CoderOptions& opt, const std::string& text) {
  Coder coder(lex, opt);
  Story s{"t", "1995-01-01", text, "", "", ""};
  std::vector<Event> events;
  coder.CodeStory(s, &events, nullptr);
  std::string out;
  for (const Event& e : events) {
    out += e.source.code + ">" + (e.target ? e.target->code : "---") + ":" +
           d.OriginalCode(e.code) + " ";
  }
  return out;
}

CoderOptions With(Semantics sem) {
  CoderOptions opt;
  opt.semantics = sem;
  return opt;
}

TEST(Compat, TranslatesActorsWithDatesAndSynonyms) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"x.actors.txt",
                   "ARNOR_ [ARN]\n+MINAS_TIRITH\nGOLLUM  # note\n+SMEAGOL\n"
                   "\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\nBAD [QQ]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(Has(t, "country ARN : arnor | minas tirith")) << t;
  EXPECT_TRUE(Has(t, "person HOB@..1995-06-01, HOBGOV@1995-06-01..1999-08-15 : gollum | smeagol"))
      << t;
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].rfind("x.actors.txt:7: bad actor code 'QQ'", 0), 0u) << d.problems[0];
}

TEST(Compat, TranslatesPatternsAndCarriesForeignCodes) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"x.verbs.txt",
                   "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- RESTORE [064] ---\nRESTORE\n"
                   "- * NEW_&TIETYPES_RELATIONS [903]\n- * TIES WITH + [064]\n- NOT * [112]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(Has(t, "synset &tietypes : military | economic")) << t;
  EXPECT_TRUE(Has(t, "verb 064 : restore")) << t;
  EXPECT_TRUE(Has(t, "pattern 064 : restore ties= with+")) << t;
  std::string carrier;
  for (const auto& [c, orig] : d.carried) {
    if (orig == "903") carrier = c;
  }
  ASSERT_FALSE(carrier.empty());
  EXPECT_TRUE(Has(t, "pattern " + carrier + " : restore new=_&tietypes_relations=")) << t;
  EXPECT_EQ(d.OriginalCode(carrier), "903");
  EXPECT_TRUE(Has(t, "pattern 112 : not= [restore]")) << t;
}

TEST(Compat, WordsBeforeTheVerbAndPairedCodes) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"x.verbs.txt",
                   "&NEG\n+DID N'T\n+WILL NOT\n\n--- ALLOW [080] ---\nALLOW\n"
                   "- RECENTLY_* [025]\n- &NEG EVER * OVER EFFORTS [905]\n- $ * + [080]\n"
                   "--- ARRIVE [032:033] ---\nARRIVE\n- * IN + [032:033]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(Has(t, "pattern 025 : recently=_[allow]")) << t;
  EXPECT_TRUE(Has(t, "verb 032/033 : arrive")) << t;
  EXPECT_TRUE(Has(t, "pattern 032/033 : arrive in+")) << t;
  DictStats stats;
  auto lex = Lexicon::LoadSources(d.sources, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(stats.errors.empty()) << stats.errors[0];
  const VerbEntry* allow = (*lex)->Verb("allow");
  ASSERT_NE(allow, nullptr);
  bool found = false;
  for (const VerbPattern& p : allow->patterns) {
    if (p.before.size() == 2 && p.elements.size() == 2) {
      found = true;
      EXPECT_FALSE(p.before[0].adjacent);  // "n't ever": any words between
      EXPECT_FALSE(p.before[1].adjacent);  // "ever … allow"
    }
    if (p.code == "025") {
      ASSERT_EQ(p.before.size(), 1u);
      EXPECT_TRUE(p.before[0].adjacent);  // "recently allowed", nothing between
    }
  }
  EXPECT_TRUE(found);
  const VerbEntry* arrive = (*lex)->Verb("arrive");
  ASSERT_NE(arrive, nullptr);
  EXPECT_EQ(arrive->code, "032");
  EXPECT_EQ(arrive->paired_code, "033");
}

// TABARI pattern words are stems unless '_' follows ("RESOLUTION_"); '~'
// marks a stem inside a phrase; nested synsets and synsets inside { | }
// alternatives are spelled out.
TEST(Compat, TabariPatternStemsNestedSynsetsAndAlternatives) {
  CompatDict d;
  TranslateTexts(DictFormat::kTabari,
                 {{"x.verbs", "<SYNSETS>\n&TIE\n+MILITARY\n+ECONOMIC\n&TIEPHRASE\n+&TIE_MEMOS\n"
                              "</SYNSETS>\nADOPT  [081]\n- * RESOLUTION_  [102]\n"
                              "- * REVOLUTION  [080]\n- * REAL~_PLEASANT [024]\n"
                              "- * &TIEPHRASE [912]\n- INCHING { &TIE | CLOSER } * [083]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(Has(t, "synset &tiephrase : military memos | economic memos")) << t;
  EXPECT_TRUE(Has(t, "pattern 102 : adopt resolution=")) << t;
  EXPECT_TRUE(Has(t, "pattern 080 : adopt revolution*")) << t;
  EXPECT_TRUE(Has(t, "pattern 024 : adopt real*_pleasant*")) << t;
  EXPECT_TRUE(Has(t, "pattern 083 : inching* &tie [adopt]")) << t;
  EXPECT_TRUE(Has(t, "pattern 083 : inching* closer* [adopt]")) << t;
  DictStats stats;
  auto lex = Lexicon::LoadSources(d.sources, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(stats.errors.empty()) << stats.errors[0];
  // "resolution=" is that form only; a dyad word would also match its plural.
  for (const VerbPattern& p : (*lex)->Verb("adopt")->patterns) {
    if (p.code == "102") {
      ASSERT_EQ(p.elements.size(), 1u);
      EXPECT_EQ(p.elements[0].words, std::vector<std::string>{"resolution"});
    }
    if (p.code == "080") {
      EXPECT_EQ(p.elements[0].prefixes, std::vector<std::string>{"revolution"});
    }
  }
}

TEST(Compat, TabariVerbStemsStandForTheVerbsTheyBegin) {
  CompatDict d;
  TranslateTexts(DictFormat::kTabari,
                 {{"x.verbs", "RESTOR  [064]\n- * TIES [064]\nACT_ [100]\n{ ACTING_ ACTXD_ }\n"
                              "ABANDON [191]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(Has(t, "verb 064 : restore")) << t;
  EXPECT_TRUE(Has(t, "pattern 064 : restore ties*")) << t;  // a TABARI stem
  EXPECT_TRUE(Has(t, "verb 100 : act")) << t;
  EXPECT_TRUE(Has(t, "irregular : act acting actxd")) << t;  // forms on the next line
  EXPECT_TRUE(d.problems.empty()) << d.problems[0];
  EXPECT_TRUE(Has(t, "verb 191 : abandon")) << t;
}

TEST(Compat, AgentsSubstitutionsAndRoles) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"x.agents.txt",
                   "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nMEDIA {} [~MED]\n"
                   "RED CROSS [NGO~]\nFOREIGN_MINISTER [~GOVFRM]\n"}},
                 {}, &d);
  std::string t = All(d);
  EXPECT_TRUE(t.find("role FRM : ") != std::string::npos) << t;
  EXPECT_TRUE(Has(t, "agent GOVFRM : foreign minister")) << t;
  DictStats stats;
  auto lex = Lexicon::LoadSources(d.sources, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(stats.errors.empty()) << stats.errors[0];
  EXPECT_TRUE(t.find("agent LEG : ") != std::string::npos) << t;
  EXPECT_TRUE(t.find("congressman") != std::string::npos) << t;
  EXPECT_TRUE(t.find("congresswoman") != std::string::npos) << t;
  EXPECT_TRUE(Has(t, "agent MED : media")) << t;
  EXPECT_TRUE(Has(t, "agent NGO~ : red cross")) << t;  // a prefix: NGO before the country
}

TEST(Compat, LoadedDictionaryCodesASentence) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n"},
                  {"a.verbs.txt", "--- ABANDON [345] ---\nABANDON\n"}},
                 {}, &d);
  DictStats stats;
  auto lex = Lexicon::LoadSources(d.sources, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(stats.errors.empty()) << stats.errors[0];
  Coder coder(*lex);
  Story s{"t", "1995-01-01", "Arnor abandoned Gondor on Monday.", "", "", ""};
  std::vector<Event> events;
  coder.CodeStory(s, &events, nullptr);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.code, "ARN");
  EXPECT_EQ(events[0].target->code, "GON");
  EXPECT_EQ(d.OriginalCode(events[0].code), "345");
}

// The reference semantics code what dyad's own do not (a future act), give
// the paired event, and let patterns with words before the verb code negation.
TEST(Compat, ReferenceSemantics) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n"},
                  {"a.verbs.txt", "--- ABANDON [345] ---\nABANDON\n- NOT * [112]\n"
                                  "--- VISIT [032:033] ---\nVISIT\n"}},
                 {}, &d);
  DictStats stats;
  auto lex = Lexicon::LoadSources(d.sources, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto code = [&](Semantics sem, const std::string& text) {
    return CodeText(*lex, d, With(sem), text);
  };
  EXPECT_EQ(code(Semantics::kDyad, "Arnor will abandon Gondor."), "");
  EXPECT_EQ(code(Semantics::kPetrarch, "Arnor will abandon Gondor."), "ARN>GON:345 ");
  EXPECT_EQ(code(Semantics::kDyad, "Arnor did not abandon Gondor."), "");
  EXPECT_EQ(code(Semantics::kTabari, "Arnor did not abandon Gondor."), "ARN>GON:112 ");
  EXPECT_EQ(code(Semantics::kDyad, "Arnor visited Gondor."), "ARN>GON:032 ");
  EXPECT_EQ(code(Semantics::kPetrarch, "Arnor visited Gondor."), "ARN>GON:032 GON>ARN:033 ");
  Semantics sem;
  EXPECT_TRUE(ParseSemantics("tabari", &sem));
  EXPECT_EQ(sem, Semantics::kTabari);
  EXPECT_FALSE(ParseSemantics("weis", &sem));
}

// Countryless agents: PETRARCH's "---GOV", TABARI's "~GOV" only when asked;
// "soldiers from Gondor" take Gondor's code.
// PETRARCH codes a verb phrase once ("urged … to attack" is 102 only), and
// looks for a pattern's words past the clause ("allowed that … really pleasant").
TEST(Compat, ReferenceSemanticsVerbPhrases) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n"},
                  {"a.verbs.txt", "--- URGE [102] ---\nURGE\n--- ATTACK [190] ---\nATTACK\n"
                                  "--- ALLOW [080] ---\nALLOW\n- * REALLY_PLEASANT [024]\n"}},
                 {}, &d);
  auto lex = Lexicon::LoadSources(d.sources, nullptr);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto code = [&](const std::string& text) {
    return CodeText(*lex, d, With(Semantics::kPetrarch), text);
  };
  EXPECT_EQ(code("Arnor urged Gondor to attack Rohan."), "ARN>GON:102 ");
  EXPECT_EQ(code("Arnor allowed that Gondor is a really pleasant place."), "ARN>GON:024 ");
  // A dictionary verb right after an actor is a verb, whatever its grammar.
  EXPECT_EQ(code("Arnor attack Gondor."), "ARN>GON:190 ");
  // PETRARCH reads a passive with no "by" as active.
  EXPECT_EQ(code("Arnor was attacked over its dispute with Gondor."), "ARN>GON:190 ");
}

// A PETRARCH-2 verb file with transformations: nested verbs compose their
// codes, "not" negates, a reported attack is an accusation, passives take
// their source from "by" / "from" / "in".
TEST(Compat, Petrarch2Composition) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n"},
                  {"a.discards.txt", "YEARS AGO\n"},
                  {"CAMEO.2.0.txt",
                   "--- WANT [030] ---\nWANT\n--- AGREE [050] ---\nAGREE\n"
                   "--- PROVIDE [060] ---\nPROVIDE\n--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n"
                   "--- ATTACK [190] ---\nATTACK\nFIRE\n--- LIFT [---] ---\nLIFT\n"
                   "- * SANCTION [0351] # LIFT\n- * SANCTIONS [085] # LIFT\n"
                   "--- RECEIVE [---] ---\nRECEIVE\n- * ASSURANCE [:030] # RECEIVE\n"
                   "~ a (a b ATTACK) SAY = a b 015\n~ a (b . ATTACK) SAY = a b 112\n"
                   "~ a (b . ATTACK ) WANT = a b 021\n"}},
                 {}, &d);
  EXPECT_TRUE(Has(All(d), "compose 015 : 010 (a b 190)")) << All(d);
  EXPECT_TRUE(Has(All(d), "compose 021 : 030 (b . 190)"));
  DictStats stats;
  auto lex = Lexicon::LoadSources(d.sources, &stats);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(stats.errors.empty()) << stats.errors[0];
  EXPECT_EQ((*lex)->compose_rules().size(), 3u);
  auto code = [&](const std::string& text) {
    return CodeText(*lex, d, With(Semantics::kPetrarch), text);
  };
  EXPECT_EQ(code("Arnor wants to attack Gondor."), "ARN>GON:138 ");
  EXPECT_EQ(code("Arnor wants Rohan to attack Gondor."), "ARN>ROH:021 ");
  EXPECT_EQ(code("Arnor has agreed to lift the sanctions on Gondor."), "ARN>GON:085 ");
  EXPECT_EQ(code("Arnor would not provide support to Gondor."), "ARN>GON:121 ");
  EXPECT_EQ(code("Arnor said that it had attacked Gondor."), "ARN>GON:015 ");
  EXPECT_EQ(code("Arnor said that Rohan had attacked Gondor."), "ARN>ROH:112 ");
  EXPECT_EQ(code("Arnor said a bomb was fired at it from Rohan."), "ARN>ROH:112 ");
  // Discard phrases are words between spaces with a word after them.
  EXPECT_EQ(code("Arnor attacked Gondor three years ago in Rohan."), "");
  EXPECT_EQ(code("Arnor attacked Gondor three years ago, Rohan said."), "ARN>GON:190 ");
  // "[:030]": a passive meaning, the giver after "from".
  EXPECT_EQ(code("Arnor received assurances from Gondor."), "GON>ARN:030 ");
  // dyad's own semantics read an intent.
  EXPECT_EQ(CodeText(*lex, d, With(Semantics::kDyad), "Arnor wants to attack Gondor."),
            "ARN>GON:030 ");
}

// '+' before the verb makes the subject the target; '$' after it names the source.
TEST(Compat, SubjectAsTargetAndSourceSlot) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n"},
                  {"a.verbs.txt", "--- RECEIVE [033] ---\nRECEIVE\n- + * MONEY $  [071]\n"}},
                 {}, &d);
  EXPECT_TRUE(Has(All(d), "pattern 071 : + [receive] money= $")) << All(d);
  auto lex = Lexicon::LoadSources(d.sources, nullptr);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(CodeText(*lex, d, With(Semantics::kPetrarch), "Arnor received money from Gondor."),
            "GON>ARN:071 ");
}

// '%' before the verb: a compound subject, coded among its members.
TEST(Compat, CompoundSubjectPattern) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n"},
                  {"a.verbs.txt", "--- AGREE [081] ---\nAGREE\n- % * [030:030]\n"}},
                 {}, &d);
  EXPECT_TRUE(Has(All(d), "pattern 030/030 : % [agree]")) << All(d);
  auto lex = Lexicon::LoadSources(d.sources, nullptr);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto code = [&](const std::string& text) {
    return CodeText(*lex, d, With(Semantics::kPetrarch), text);
  };
  EXPECT_EQ(code("Arnor and Gondor agreed on Rohan."), "ARN>GON:030 GON>ARN:030 ");
  EXPECT_EQ(code("Arnor agreed with Rohan."), "ARN>ROH:081 ");
}

// '^' skips one noun phrase: "- * IFTAR IN ^ + [045]" codes the actor after the place.
TEST(Compat, SkipANounPhrase) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n"},
                  {"a.verbs.txt", "--- CELEBRATE [181] ---\nCELEBRATE\n- * IFTAR IN ^ +  [045]\n"}},
                 {}, &d);
  EXPECT_TRUE(Has(All(d), "pattern 045 : celebrate iftar= in ^ +")) << All(d);
  auto lex = Lexicon::LoadSources(d.sources, nullptr);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(CodeText(*lex, d, With(Semantics::kPetrarch),
                     "Arnor celebrated Iftar in Osgiliath with Gondor."),
            "ARN>GON:045 ");
}

// Synset members of several words match only in a row ("golden goblin
// galleons"; "didn't" is "did n't" in text).
TEST(Compat, SynsetPhrases) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n"},
                  {"a.verbs.txt", "&CUR\n+GOLDEN_GOBLIN_GALLEONS\n+DOLLARS\n&NEG\n+DIDN'T\n\n"
                                  "--- DONATE [070] ---\nDONATE\n- * &CUR [071]\n- &NEG * [112]\n"}},
                 {}, &d);
  EXPECT_TRUE(Has(All(d), "synset &cur : golden goblin galleons | dollars")) << All(d);
  auto lex = Lexicon::LoadSources(d.sources, nullptr);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto code = [&](const std::string& text) {
    return CodeText(*lex, d, With(Semantics::kPetrarch), text);
  };
  EXPECT_EQ(code("Arnor donated golden goblin galleons to Gondor."), "ARN>GON:071 ");
  EXPECT_EQ(code("Arnor donated goblin galleons to Gondor."), "ARN>GON:070 ");
  EXPECT_EQ(code("Arnor didn't donate to Gondor."), "ARN>GON:112 ");
}

TEST(Compat, ReferenceSemanticsAgents) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nOSGILIATH [OSG]\n"},
                  {"a.agents.txt", "OFFICIAL [~GOV]\nSOLDIER [~MIL]\nMSF {} [NGO~]\n"},
                  {"a.verbs.txt", "--- ATTACK [190] ---\nATTACK\n"}},
                 {}, &d);
  auto lex = Lexicon::LoadSources(d.sources, nullptr);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto code = [&](Semantics sem, std::optional<bool> anon, const std::string& text) {
    CoderOptions opt;
    opt.semantics = sem;
    opt.anonymous_agents = anon;
    Coder coder(*lex, opt);
    Story s{"t", "1995-01-01", text, "", "", ""};
    std::vector<Event> events;
    coder.CodeStory(s, &events, nullptr);
    std::string out;
    for (const Event& e : events) out += e.source.code + ">" + e.target->code + " ";
    return out;
  };
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "Soldiers from Gondor attacked Arnor."), "GONMIL>ARN ");
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "Soldiers from Gondor and Arnor attacked Rohan."),
            "GONMIL>ROH ARNMIL>ROH ");
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "An official attacked Arnor."), "---GOV>ARN ");
  EXPECT_EQ(code(Semantics::kTabari, {}, "An official attacked Arnor."), "");
  EXPECT_EQ(code(Semantics::kTabari, true, "An official attacked Arnor."), "~GOV>ARN ");
  EXPECT_EQ(code(Semantics::kDyad, {}, "An official attacked Arnor."), "");
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "Arnor and the officials of Gondor attacked Rohan."),
            "ARN>ROH GONGOV>ROH ");
  // A serial comma still joins the list; a government may act on its own country.
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "Arnor, Gondor, and Rohan attacked Osgiliath."),
            "ARN>OSG GON>OSG ROH>OSG ");
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "Officials of Gondor attacked Gondor."), "GONGOV>GON ");
  EXPECT_EQ(code(Semantics::kDyad, {}, "Officials of Gondor attacked Gondor."), "");
  // A prefix agent ([NGO~]) goes before the country.
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "MSF Arnor attacked Rohan."), "NGOARN>ROH ");
  EXPECT_EQ(code(Semantics::kPetrarch, {}, "MSF activists in Arnor attacked Rohan."), "NGOARN>ROH ");
}

// PETRARCH's new_actor_length: an unknown capitalised phrase is coded by its words.
TEST(Compat, NewActors) {
  CompatDict d;
  TranslateTexts(DictFormat::kPetrarch,
                 {{"a.actors.txt", "GONDOR [GON]\n"},
                  {"a.verbs.txt", "--- ATTACK [190] ---\nATTACK\n"}},
                 {}, &d);
  auto lex = Lexicon::LoadSources(d.sources, nullptr);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto code = [&](int len) {
    CoderOptions opt;
    opt.semantics = Semantics::kPetrarch;
    opt.new_actor_length = len;
    Coder coder(*lex, opt);
    Story s{"t", "1995-01-01", "The Ministry of Magic attacked Gondor.", "", "", ""};
    std::vector<Event> events;
    coder.CodeStory(s, &events, nullptr);
    return events.empty() ? std::string() : events[0].source.code;
  };
  EXPECT_EQ(code(4), "\"THE MINISTRY OF MAGIC\"");
  EXPECT_EQ(code(3), "");
  EXPECT_EQ(code(0), "");
}

}  // namespace
}  // namespace dyad::compat
