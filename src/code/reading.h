// How the stages read a sentence: the rules on which dyad's own reading and
// the reference coders' (TABARI, PETRARCH, PETRARCH-2) part ways, each named
// by what it does. dyad's stages test these rules, never the semantics; the
// reference reading (src/code/compat/) is Reading::Reference().
#ifndef DYAD_CODE_READING_H_
#define DYAD_CODE_READING_H_

#include <string>

#include "dyad/coder.h"
#include "dyad/lexicon.h"

namespace dyad::code {

struct Reading {
  // ---- parse ----
  // A dictionary verb form right after a name is a verb ("Estonia act on a
  // resolution"), as coders that find verbs by look-up read it.
  bool dictionary_verbs = false;

  // ---- phrases ----
  // "Brazil, India, and Kenya", "Peru's farmers and herders of Chile": a
  // serial comma and an "of" phrase stay inside a list of actors.
  bool serial_lists = false;

  // ---- actors ----
  // "Peru and the army of Chile": the last conjunct, a bare role,
  // takes the country of the "of" phrase (CHLGOV).
  bool of_phrase_conjuncts = false;
  // "Soldiers from Chile": a role noun takes the actors of a from/of/in
  // phrase right after it (CHLMIL).
  bool role_from_next_phrase = false;
  // "US and British activists" are USAOPP and GBROPP (PETRARCH-2).
  bool share_agent = false;
  // A capitalised phrase of at most this many words that names no actor is
  // one, coded by its words (PETRARCH's new actors); 0: off.
  int new_actor_length = 0;
  // A role with no country is coded "---ROLE" (PETRARCH) or "~ROLE"
  // (TABARI); "": it is no actor until a country is found.
  std::string anonymous_prefix;
  // "the Uzbeks of southern Kyrgyzstan": a people of another state.
  bool people_of_state = true;
  // "Turkish drones and tanks": a role conjunct takes the country of
  // the conjunct before it.
  bool conjunct_country = true;
  // "ethnic Albanians in Serbia": a people is coded to the state it lives in.
  bool ethnic_home = true;
  // "the Caribbean island of St Vincent", "outside of Basra", "the Iraqi
  // city of Basra": a place noun makes a phrase a place, not an actor.
  bool place_phrases = true;
  // "Ghanaian President John Mahama" where the dictionary knows another
  // person of that name: the country the phrase states wins.
  bool stated_country_wins = true;
  // "its airspace" after "two Russian bombers": "it" is never a plural.
  bool pronoun_number = true;
  // "Kenyan police fired": in a sentence that names one country, a
  // domestic role (police, rebels, protesters…) belongs to it.
  bool domestic_roles = true;
  // "…, officials in Nairobi said": a trailing attribution's places are
  // where the speaker is, not where things happen.
  bool attribution_places = true;

  // ---- clauses ----
  // "marched to protest", "rallied demanding autonomy": an act
  // of protest voices its purpose by being done.
  bool voiced_purposes = true;

  // ---- roles ----
  // The subject reaches past a reduced relative ("The Red Cross operating in
  // Iraq said"), "along with", a parenthesis, and an unnamed conjunct.
  bool rich_subjects = true;
  // "Pakistan, a key U.S. ally, has refused": an apposition between commas
  // names the subject.
  bool appositive_subjects = true;
  // … but an apposition ends at a relative clause ("…, a group that tracks
  // the war, said") (PETRARCH-2).
  bool appositive_stops_at_relative = false;
  // The subject is found past a parenthesis right before the verb.
  bool look_past_parenthesis = false;
  // "A car bomb near Samarra killed …": an attack nobody is named for comes
  // from an unidentified armed force of the place (UAF).
  bool unnamed_attackers = true;
  // "A drone strike by Israel hit …": a means of war is used by its "by"
  // agent.
  bool means_by_agent = true;
  // "X was shot dead", "X was killed in an Israeli strike": passive violence
  // with no "by" agent is the named side's, else an unidentified force's of
  // the place or of the victim's country.
  bool passive_violence_sources = true;
  // "a spokesman for the defence ministry": the speaker stands for the actor.
  bool speaker_for_phrase = true;
  // "the two sides", "both countries": the two parties named before.
  bool two_parties = true;
  // "fought no war": an object with "no" right after the verb denies it.
  bool no_object_negates = true;
  // ", demanding X and urging Y": a gerund after "and" continues the
  // participle clause before it.
  bool coordinated_participles = true;
  // Forces sent to a state to reinforce it or for joint exercises support
  // it (074) or cooperate with it (062), not a posture against it (154).
  bool forces_to_partners = true;
  // Dates within the story: "in January", "on August 5", "last year" and a
  // time clause under a historical clause make an act background.
  bool story_time = true;
  // "X condemned the strike": a reaction to an act the story told targets
  // that act's actor.
  bool reaction_targets = true;
  // Killing fifty or more ("killed at least 120 villagers") is 202.
  bool mass_killing_by_number = true;
  // "Aid was delivered to Gaza by the WFP": a passive whose subject is a
  // thing targets its "to" phrase.
  bool passive_things_go_to = true;
  // "a swap mediated by the UAE": the mediator toward each party (045).
  bool mediated_by = true;
  // "A and B exchanged prisoners": a mutual act of a compound subject is
  // among its members unless an object or "with" names the partner.
  bool mutual_among_subject = true;
  // "Sanctions were lifted": a passive's subject is matched against the
  // verb's patterns as its object would be.
  bool passive_subject_patterns = true;
  // "X said it was ready to send troops": a statement whose complement is
  // an actor's act is no bare comment (010).
  bool statement_yields_to_acts = true;
  // "demanded X, rejecting Y's offer": a participle adjunct that is a
  // verbal act of its own (another root) is its own event; only a material
  // act's consequence ("shelled X, killing two") and what a protest voices
  // ("rallied, accusing Y of …") fold into the main act.
  bool verbal_participles_stand = true;
  // "rejected Moscow's demand", "weighed Brazil's offer": what a reply
  // answers was said; the noun codes its own speaker's act.
  bool said_acts_presupposed = true;
  // "is willing to hold talks with Y", "offered to host a summit": talks a
  // light verb carries under readiness or an offer are an intent (03).
  bool declared_intent_nouns = true;
  // "Sanctions were imposed on X by Y": a thing laid on someone targets its
  // on/against phrase; "a drug lord was extradited to Spain": a person of no
  // named state handed over goes to the receiving state.
  bool passive_on_phrases = true;
  // "Germany summoned the envoy to protest": a state or government that
  // protests complains officially (114), not in the street (14).
  bool states_complain = true;
  // "…, with the army saying it had shot down two drones": the gerund of a
  // trailing absolute "with" phrase is as asserted as the main clause.
  bool absolute_with = true;
  // "is willing to send more suspects to the US": declared readiness for an
  // act no pattern names is an intent to cooperate (030), not a blow.
  bool readiness_cooperates = true;
  // '"We are ready to …," the premier said': a speaker's "we" or "the
  // country" in what it says is the speaker.
  bool speaker_we = true;
  // "urged India to use its influence, in a call with …": a phrase set off
  // by a comma belongs to the main verb, not to an infinitive before it.
  bool comma_phrases_to_main = true;
  // "Germany, which has troops in Lithuania, said it …": a pronoun after a
  // comma-closed relative clause does not reach back into that clause.
  bool asides_hold_no_antecedent = true;
  // "EU sanctions on Iran were lifted": a measure lifted with no agent named
  // is lifted by the actor its own phrase names.
  bool measure_owner_lifts = true;
  // "Protesters attacked the embassy": a crowd's assault is a violent
  // protest (145), not a military one.
  bool protesters_riot = true;
  // "called the arrest unacceptable", "criticised the sanctions": a
  // judgement on an act the story told answers that act's actor.
  bool evaluations_criticize = true;
  // "said Russia bore responsibility": the speaker blames the one said to
  // bear it (112); '"X will pay dearly," Y said': the speaker threatens the
  // one whose price it foretells (130).
  bool blame_is_accusation = true;
  // "stormed and set fire to the embassy": a verb followed only by "and"
  // and another verb shares that verb's object.
  bool coordinated_verbs_share_object = true;
  // "after Indian strikes on …", "condemned the strikes": an act named as
  // what came before another, or as what a reaction answers, happened.
  bool occasions_happened = true;
  // "would withdraw the finance bill": yielding on a law or a tax with no
  // one named answers the state's own people.
  bool home_policies = true;
  // "Xi will travel to Moscow, the Kremlin said": a visit or meeting the
  // host announces is the visitor's intent (036), as if he had said it.
  bool hosts_announce_visits = true;
  // "the bloc", "the alliance": the international organisation named last.
  bool bloc_reference = true;
  // A bare statement (010) about the speaker's own country's people faces
  // the next actor named, or none.
  bool statements_face_outward = true;
  // "sent supplies, including tents and blankets, to Afghanistan": a list set
  // off by commas after "including" stays inside the verb's window.
  bool inclusions_in_window = true;
  // "Supplies were delivered to a hospital in Gaza City": sent to a place
  // that names no actor, to the country of the place it is in.
  bool sent_to_places = true;
  // "told reporters in Lima on Friday that the republic would …": "that" after a
  // saying verb and its place or time phrases opens what was said, not a
  // relative clause on the place.
  bool that_after_phrases = true;
  // "said the Kremlin bore responsibility and warned that …": a speech act
  // joined by "and" to what was said is the speaker's own.
  bool speaker_coordinates = true;
  // "said shots had been fired at a consulate", "said ministers had told
  // Ankara …": what was said reports an act, named or not, so the saying is
  // no comment (010) of its own.
  bool reported_acts_not_comments = true;
  // "thanked Putin by telephone", "had spoken to Duda by telephone": a
  // telephone call is a discussion both ways (041).
  bool phone_calls_mutual = true;
  // "The new junta leader, Captain X, said": a named apposition wins over a
  // role noun whose country came only from the story; "The foreign
  // ministers of A and B, X and Y, told …": an apposition may join names.
  bool named_appositions = true;
  // "spoke in Nairobi on …", "told a joint press briefing in Seoul": a
  // state's official speaking in another state's city visits it (042).
  bool speaking_abroad_visits = true;
  // "Sudan said Nairobi was biased": a judging word on a named actor
  // criticises it (111), as on a told act.
  bool judged_actors = true;
  // "filed a case at the court accusing Israel of genocide": what a gerund
  // voices toward another target is an event of its own.
  bool voiced_targets_differ = true;
  // "A and B were among the governments that condemned …": A and B did.
  bool among_relative = true;
  // "Mali withdrew from ECOWAS": leaving an organisation is 160, not a
  // military retreat (0874).
  bool leaving_organisations = true;
  // "the suspension of military aid to Kyiv": aid, talks or cooperation
  // stopped reduce relations (16x); another act stopped is not coded.
  bool stopped_acts_reduce = true;
  // "A, B and C said they …": the plural pronoun is each of them.
  bool plural_pronoun_all = true;
  // "A and B agreed to swap prisoners … in Istanbul": for a compound
  // subject's mutual act, a role noun placed only by a place is no partner.
  bool located_no_partner = true;
  // "deployed police across the country to head off rioting": forces sent
  // to keep order at home target the own state.
  bool internal_deployments = true;
  // "…, the foreign minister said on Friday after meeting
  // with …": a speaker after a clause and a comma is an attribution.
  bool trailing_speakers = true;
  // "defended him after the court issued a warrant, and invited him": after
  // a subordinate clause, ", and" continues the main clause.
  bool comma_and_to_main = true;
  // "said it had intercepted rockets and hit targets": "hit" shares the past.
  bool coordinated_past = true;
  // A refusal to comment (011), a raised alert (152) or a call for
  // restraint (0256) naming no one answers the story's counterpart, as
  // intents, demands, rejections and threats do.
  bool counterpart_responses = true;
  // "German-made tanks arrived in Ukraine": weapons reaching a state are
  // military aid (072) from their maker's state, not a visit.
  bool arriving_weapons = true;
  // "offered no comment", "saw no prospect of talks": an object with "no"
  // that is the words' meaning does not deny the act.
  bool no_idioms = true;
  // "the former prime minister was arrested": an agentless arrest or charge
  // at home is the state's own police's (xxxCOP).
  bool domestic_arrests = true;
  // "is weighing sending troops to Iraq": an act a state weighs is a
  // policy option it considers (014) toward the act's target.
  bool considered_acts = true;
  // "Protests erupted across Kenya": street protest told as something that
  // happens is the people's of that place, against their state (14).
  bool happening_protests = true;
  // "lifted the tariffs it imposed on Australian barley": a measure lifted
  // targets the one its relative clause says it was imposed on.
  bool lifted_from_imposed = true;
  // "Reports that its troops crossed into Gaza are false, Cairo said": a
  // speaker calling a report untrue denies it (016).
  bool false_reports = true;
  // "The tribunal issued warrants for Hasina. She denies the charges": "he"
  // and "she" take a person over an institution when there is one.
  bool pronoun_persons = true;
  // "accused its neighbour, Somalia, of meddling": an object that names no
  // one else is named by the apposition after it.
  bool object_appositions = true;
  // "10,000 North Korean soldiers were sent to Russia": forces sent with no
  // sender named are their own state's.
  bool sent_forces_own = true;
  // Forces sent to a state "to help" or "to support" it support it (074);
  // "to train" or "to fight alongside" its forces cooperate with it (062).
  bool forces_purposes = true;
  // "A Rwandan demand that Kinshasa open talks was rejected": the subject
  // is the noun, past its "that" complement.
  bool noun_complement_subjects = true;
  // "The Sea Star, a Norwegian-owned tanker, was seized": a passive's
  // subject named only by a demonym in its apposition is its target.
  bool passive_appositions = true;
  // "gunmen seized a freighter off Aden": a craft seized by an armed
  // group is hijacked (181).
  bool hijacked_craft = true;
  // '"…," Kim Jong Un, the North's leader, said': a speaker's apposition
  // after a quotation is read as one at the start of a sentence.
  bool quoted_appositions = true;
  // "ordered troops to withdraw from Kherson": a withdrawal ordered is the
  // retreat of the one who ordered it.
  bool ordered_withdrawals = true;
  // "an investigation into the Russian missile strike": an inquiry into an
  // attack is aimed at the attacker it names.
  bool inquiries_into_attacks = true;
  // "opened an investigation into …": when the light verb coded the act,
  // its noun adds no second event with another target.
  bool light_verb_carries = true;
  // "Bahrain and Qatar agreed to restore ties": relations agreed restored
  // (05) are the act itself, not an intent.
  bool agreed_relations = true;
  // "was granted asylum in Nicaragua": asylum with no giver named is the
  // state's it is given in (075).
  bool asylum_of_the_place = true;
  // "Moscow will return to the deal only if the West reconnects its bank":
  // a condition set on another side's act demands it of that side (10).
  bool only_if_demands = true;
  // "ready to pull back if India does the same": an intent on a condition
  // is aimed at the side the condition names.
  bool conditional_intent_targets = true;

  // ---- patterns (dyad) ----
  // "described them as secondary": "as" before a phrase with no verb of its
  // own stays in the verb's pattern window.
  bool as_preposition = true;
  // "to help him oust X": a bare infinitive after help/let/make and its
  // object shares that verb's assertion.
  bool bare_infinitive_complements = true;
  // A target of the source's own country ("its troops") is not another
  // party; off: only the same code is (USAGOV>USA is an event).
  bool own_by_country = true;

  // ---- patterns ----
  // Between patterns of equal length, one with more literal words (not
  // synsets) wins.
  bool prefer_literal_words = false;
  // A word matched as written beats one matched by a plural ("SANCTIONS").
  bool prefer_exact_form = false;
  // Of two patterns with the same words, the later written wins.
  bool later_pattern_wins = false;

  // dyad's reading.
  static Reading Dyad() { return Reading(); }
  // The reference coders' reading for `opt.semantics` (TABARI or PETRARCH)
  // on lexicon `lex` (PETRARCH-2 when it carries `compose` rules).
  static Reading Reference(const CoderOptions& opt, const Lexicon& lex);
};

}  // namespace dyad::code

#endif  // DYAD_CODE_READING_H_
