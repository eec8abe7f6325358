#include "code/compat/reference_coder.h"

namespace dyad::code {

Reading Reading::Reference(const CoderOptions& opt, const Lexicon& lex) {
  const bool petrarch = opt.semantics == Semantics::kPetrarch;
  const bool petrarch2 = petrarch && !lex.compose_rules().empty();
  Reading r;
  r.dictionary_verbs = true;
  r.serial_lists = true;
  r.of_phrase_conjuncts = true;
  r.role_from_next_phrase = true;
  r.share_agent = petrarch2;
  r.new_actor_length = opt.new_actor_length;
  if (opt.anonymous_agents.value_or(petrarch)) r.anonymous_prefix = petrarch ? "---" : "~";
  r.people_of_state = false;
  r.conjunct_country = false;
  r.ethnic_home = false;
  r.place_phrases = false;
  r.stated_country_wins = false;
  r.pronoun_number = false;
  r.domestic_roles = false;
  r.attribution_places = false;
  r.voiced_purposes = false;
  r.rich_subjects = false;
  r.appositive_subjects = petrarch2;
  r.appositive_stops_at_relative = petrarch2;
  r.look_past_parenthesis = true;
  r.unnamed_attackers = false;
  r.means_by_agent = false;
  r.passive_violence_sources = false;
  r.speaker_for_phrase = false;
  r.two_parties = false;
  r.no_object_negates = false;
  r.coordinated_participles = false;
  r.forces_to_partners = false;
  r.story_time = false;
  r.reaction_targets = false;
  r.mass_killing_by_number = false;
  r.passive_things_go_to = false;
  r.mediated_by = false;
  r.mutual_among_subject = false;
  r.passive_subject_patterns = false;
  r.statement_yields_to_acts = false;
  r.as_preposition = false;
  r.bare_infinitive_complements = false;
  r.own_by_country = false;
  r.verbal_participles_stand = false;
  r.said_acts_presupposed = false;
  r.declared_intent_nouns = false;
  r.passive_on_phrases = false;
  r.states_complain = false;
  r.absolute_with = false;
  r.readiness_cooperates = false;
  r.speaker_we = false;
  r.comma_phrases_to_main = false;
  r.asides_hold_no_antecedent = false;
  r.measure_owner_lifts = false;
  r.protesters_riot = false;
  r.evaluations_criticize = false;
  r.blame_is_accusation = false;
  r.coordinated_verbs_share_object = false;
  r.occasions_happened = false;
  r.home_policies = false;
  r.hosts_announce_visits = false;
  r.bloc_reference = false;
  r.statements_face_outward = false;
  r.inclusions_in_window = false;
  r.sent_to_places = false;
  r.that_after_phrases = false;
  r.speaker_coordinates = false;
  r.reported_acts_not_comments = false;
  r.phone_calls_mutual = false;
  r.named_appositions = false;
  r.speaking_abroad_visits = false;
  r.judged_actors = false;
  r.voiced_targets_differ = false;
  r.among_relative = false;
  r.leaving_organisations = false;
  r.stopped_acts_reduce = false;
  r.plural_pronoun_all = false;
  r.located_no_partner = false;
  r.internal_deployments = false;
  r.trailing_speakers = false;
  r.comma_and_to_main = false;
  r.coordinated_past = false;
  r.counterpart_responses = false;
  r.arriving_weapons = false;
  r.no_idioms = false;
  r.domestic_arrests = false;
  r.considered_acts = false;
  r.happening_protests = false;
  r.lifted_from_imposed = false;
  r.false_reports = false;
  r.pronoun_persons = false;
  r.object_appositions = false;
  r.sent_forces_own = false;
  r.forces_purposes = false;
  r.noun_complement_subjects = false;
  r.passive_appositions = false;
  r.hijacked_craft = false;
  r.quoted_appositions = false;
  r.ordered_withdrawals = false;
  r.inquiries_into_attacks = false;
  r.light_verb_carries = false;
  r.agreed_relations = false;
  r.asylum_of_the_place = false;
  r.only_if_demands = false;
  r.conditional_intent_targets = false;
  r.prefer_literal_words = true;
  r.prefer_exact_form = petrarch2;
  r.later_pattern_wins = petrarch2;
  return r;
}

namespace compat {

ReferenceSentenceCoder::ReferenceSentenceCoder(const StoryEnv& env, Discourse* discourse)
    : SentenceCoder(env, discourse),
      reference_(env, &a_, clauses_, roles_, &patterns_, *discourse, emitter_, &events_) {}

void ReferenceSentenceCoder::CodeEvents(std::vector<Event>* out) {
  for (size_t v = 0; v < a_.parse.verbs.size(); ++v) reference_.CodeVerb(static_cast<int>(v), out);
  if (reference_.petrarch2()) reference_.UncodedClauses(out);
  // The reference coders code verbs only: no noun triggers.
  reference_.CodeStatements(out);
}

}  // namespace compat
}  // namespace dyad::code
