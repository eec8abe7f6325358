#include "code/tabari_coder.h"

#include <gtest/gtest.h>

#include "dyad/coder.h"

namespace dyad::tabari {
namespace {

const char* kActors =
    "<NOUN>\nGOATS\n</NOUN>\n<ADJECTIVE>\nGOOD\n</ADJECTIVE>\n"
    "NORLAND  [NOR]\nSUDRIA  [SUD]\n+SUDRIA_CITY\nOSTMARK  [OST]\nWESTEN  [WES]\nBRAVIA  [BRV]\n"
    "THE_LEAGUE  [AAA/BBB/CCC]\nVARGO  [---]\nDRAKA  [###]\nPOLO  [+++]\n"
    "KARAN  [KRN]\nKARAN RADIO  [KRNRAD]\n";
const char* kAgents = "GOVERNMENT_  [~GOV]\nSOLDIERS_  [~MIL]\nMINISTER_  [~GOV]\n";
const char* kVerbs =
    "<SYNSETS>\n&TIE\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n"
    "ATTACK  [223]\n- PLANES_*  [225]\n"
    "CONDEMN  [122]\nPROMISE  [050]\n"
    "RENEW  [064]\n- * &TIE LINKS  [902]\n- * SHAM DIPLOMATIC  [+++]\n"
    "VISIT_  [032:033]\nSAID  [023?]\nURGE  [102]\n"
    "WARN  [160]\n- + WAS * BY_ $  [161]\n"
    "CRITICI  [121]\nATTEND  [031!]\nACCORD  [---]\nFOOTBALL  [###]\n"
    "SWAP  [---]\n- HAS * WITH %  [067]\n";

std::shared_ptr<Dictionary> Dict(const std::string& options = "SET: MINIMUM WORDS = 3\n") {
  auto d = std::make_shared<Dictionary>();
  std::vector<std::string> problems;
  LoadDictionaryTexts({{"t.actors", kActors},
                       {"t.verbs", kVerbs},
                       {"t.options", options},
                       {"t.agents", kAgents}},
                      d.get(), &problems);
  EXPECT_TRUE(problems.empty()) << problems[0];
  return d;
}

std::string Code(Session& s, const std::string& text, int date = 19950101) {
  RecordResult r;
  s.Code(text, date, "", false, &r);
  std::string out;
  for (const CodedEvent& e : r.events) out += e.source + ">" + e.target + ":" + e.code + " ";
  return out.empty() ? "(" + r.problem + ")" : out;
}

TEST(TabariCoder, SourceIsTheFirstActorTargetTheFirstAfterTheVerb) {
  Session s(Dict());
  EXPECT_EQ(Code(s, "Norland forces attacked Sudria on Monday."), "NOR>SUD:223 ");
  // A pattern word before the verb.
  EXPECT_EQ(Code(s, "Norland planes attacked Sudria on Monday."), "NOR>SUD:225 ");
  // The first actor of the clause, even far before the verb.
  EXPECT_EQ(Code(s, "Norland is about to renew full diplomatic ties with Sudria after "
                    "Westen crowds attacked its embassy."),
            "NOR>SUD:064 ");
}

TEST(TabariCoder, PatternsSynsetsPairedAndComplexCodes) {
  Session s(Dict());
  EXPECT_EQ(Code(s, "Norland renewed economic links with Sudria."), "NOR>SUD:902 ");
  EXPECT_EQ(Code(s, "Norland visited Sudria on Friday."), "NOR>SUD:032 SUD>NOR:033 ");
  EXPECT_EQ(Code(s, "Norland will renew sham diplomatic ties with Sudria."),
            "(Complex code found in verb pattern)");
  // + before the verb and $ after: the subject is the target.
  EXPECT_EQ(Code(s, "Sudria was warned sternly by Norland about the raids."), "NOR>SUD:161 ");
}

TEST(TabariCoder, NounsDiscardsAndNullCodes) {
  Session s(Dict());
  // A capitalised verb inside the sentence is a noun; a null-coded actor too.
  EXPECT_EQ(Code(s, "Norland will Attack Sudria on Monday."), "(No events found in text)");
  EXPECT_EQ(Code(s, "Vargo attacked Sudria on Monday."), "(No events found in text)");
  EXPECT_EQ(Code(s, "Draka riders attacked Sudria on Monday."), "(Discard code found in text)");
  EXPECT_EQ(Code(s, "Norland played football with Sudria on Monday."), "(Discard code found in text)");
  EXPECT_EQ(Code(s, "Norland and Sudria signed an accord on Monday."), "(No events found in text)");
}

TEST(TabariCoder, ClausesCompoundsAndAgents) {
  Session s(Dict());
  // Two clauses; the source carries over; agents join their actor.
  EXPECT_EQ(Code(s, "The Norland government condemned an attack by Sudria soldiers and "
                    "promised aid to Ostmark."),
            "NORGOV>SUDMIL:122 NORGOV>OST:050 ");
  // A compound target, and a coded compound.
  EXPECT_EQ(Code(s, "Norland attacked Sudria, Westen and Bravia on Monday."),
            "NOR>SUD:223 NOR>WES:223 NOR>BRV:223 ");
  EXPECT_EQ(Code(s, "Norland attacked the League on Monday."), "NOR>AAA:223 NOR>BBB:223 NOR>CCC:223 ");
  // % : the compound acts on itself.
  EXPECT_EQ(Code(s, "Norland has swapped prisoners with Sudria and Ostmark."),
            "SUD>OST:067 OST>SUD:067 ");
  // A root with a gap: ITHILEN ... TELEVISION.
  EXPECT_EQ(Code(s, "Norland criticised Karan state-run radio on Monday."), "NOR>KRNRAD:121 ");
}

TEST(TabariCoder, SubordinateCodesCommasAndPronouns) {
  Session s(Dict());
  // SAID's 023? gives way to a later event in the clause.
  EXPECT_EQ(Code(s, "Norland said it would attack Sudria soon."), "NOR>SUD:223 ");
  EXPECT_EQ(Code(s, "Norland said Sudria was wrong about the raids."), "NOR>SUD:023 ");
  // A short comma-delimited clause is dropped.
  EXPECT_EQ(Code(s, "Norland, said a minister of Westen, attacked Sudria."), "NOR>SUD:223 ");
  // HE/IT: the first single actor before.
  EXPECT_EQ(Code(s, "Norland met officials and then it attacked Sudria."), "NOR>SUD:223 ");
  // ATTEND's 031! dominates.
  EXPECT_EQ(Code(s, "Norland attacked Sudria and will attend talks with Westen."), "NOR>WES:031 ");
}

TEST(TabariCoder, OptionsChangeTheCoding) {
  Session s(Dict());
  // "Sudria and Westen" would be a compound; "Monday and Westen" starts a clause.
  EXPECT_EQ(Code(s, "Norland attacked Sudria and Westen criticised Bravia."), "NOR>SUD:223 NOR>WES:223 ");
  EXPECT_EQ(Code(s, "Norland attacked Sudria on Monday and Westen criticised Bravia."),
            "NOR>SUD:223 WES>BRV:121 ");
  std::string why;
  ASSERT_TRUE(ApplyOption("SET: CODE BY SENTENCE", &s.options(), &why));
  EXPECT_EQ(Code(s, "Norland attacked Sudria on Monday and Westen criticised Bravia."), "NOR>SUD:223 ");
  ASSERT_TRUE(ApplyOption("SET: CODE BY CLAUSE", &s.options(), &why));
  ASSERT_TRUE(ApplyOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &s.options(), &why));
  EXPECT_EQ(Code(s, "Crowds attacked Sudria on Monday."), "DEFSRC>SUD:223 ");
  EXPECT_EQ(Code(s, "Norland attacked crowds on Monday."), "NOR>DEFTAR:223 ");
  ASSERT_TRUE(ApplyOption("SET: MINIMUM WORDS = 20", &s.options(), &why));
  EXPECT_EQ(Code(s, "Norland attacked Sudria on Monday."), "(Input error: too few words in sentence)");
  ASSERT_TRUE(ApplyOption("SET: MINIMUM WORDS = 3", &s.options(), &why));
  ASSERT_TRUE(ApplyOption("COMPLEX: VERBS[2]", &s.options(), &why));
  EXPECT_EQ(Code(s, "Norland attacked Sudria and condemned Westen."), "(Complex text: verbs 2 >= 2)");
}

TEST(TabariCoder, ForwardCarriesTheFirstActorToTheNextSentence) {
  Session s(Dict("SET: MINIMUM WORDS = 3\nFORWARD: ^^*****NNN*SSS\n"));
  RecordResult r;
  s.Code("Norland attacked Sudria on Monday.", 19950101, "  FRWD-001-001", false, &r);
  s.Code("He condemned Westen on Tuesday.", 19950101, "  FRWD-001-002", false, &r);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source, "NOR");
  // Not the next sentence of the same story: nothing to forward.
  s.Code("He condemned Westen on Tuesday.", 19950101, "  FRWD-002-004", false, &r);
  EXPECT_TRUE(r.events.empty());
}

// The Coder under Semantics::kTabari with TABARI dictionaries codes each
// sentence of a story as a TABARI record.
TEST(TabariCoder, CoderUsesTheTabariAlgorithm) {
  CoderOptions opt;
  opt.semantics = Semantics::kTabari;
  opt.tabari = Dict();
  auto lex = Lexicon::LoadSources({{"x.dict", "country NOR : arnor\n"}}, nullptr);
  ASSERT_TRUE(lex.ok());
  Coder coder(*lex, opt);
  Story story{"s1", "1995-01-01", "Norland attacked Sudria on Monday. Westen visited Bravia today.", "", "", ""};
  std::vector<Event> events;
  CodeStats stats;
  coder.CodeStory(story, &events, &stats);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].source.code, "NOR");
  EXPECT_EQ(events[0].target->code, "SUD");
  EXPECT_EQ(events[0].code, "223");
  EXPECT_EQ(events[0].trigger, "attacked");
  EXPECT_EQ(events[1].code, "032");
  EXPECT_EQ(events[2].code, "033");
  EXPECT_EQ(events[2].sentence, 1);
  EXPECT_EQ(stats.sentences_coded, 2u);
}

}  // namespace
}  // namespace dyad::tabari
