#include "store/dedup.h"

#include <gtest/gtest.h>

#include "store/test_util.h"

namespace dyad::store {
namespace {

using testing::M;

// Seven mentions with known groupings (see each comment).
std::vector<Mention> Fixture() {
  return {
      M("RUS", "UKR", "190", "2025-03-03", -10, 4, "A", "s1"),  // 0: event 1
      M("RUS", "UKR", "190", "2025-03-03", -10, 4, "B", "s2"),  // 1: event 1, another source
      M("RUS", "UKR", "190", "2025-03-03", -10, 4, "A", "s1"),  // 2: event 1, same story again
      M("RUS", "UKR", "190", "2025-03-04", -10, 4, "A", "s4"),  // 3: next day
      M("RUS", "UKR", "1312", "2025-03-03", -5.8, 3, "A", "s1"),  // 4: another code
      M("UKR", "RUS", "190", "2025-03-03", -10, 4, "A", "s1"),    // 5: the reverse dyad
      M("RUS", "UKR", "190", "2025-03-03", -10, 4, "C", "s3", "RUSMIL"),  // 6: same dyad key
  };
}

TEST(Dedup, GroupsByDyadCodeAndDayWithGdeltCounts) {
  auto ms = Fixture();
  auto evs = Deduplicate(ms, DedupOptions{});
  ASSERT_EQ(evs.size(), 4u);
  // Events come out by first day, then by the position of their first mention.
  EXPECT_EQ(evs[0].mentions, (std::vector<size_t>{0, 1, 2, 6}));
  EXPECT_EQ(evs[0].num_mentions, 4);
  EXPECT_EQ(evs[0].num_sources, 3);   // A, B, C
  EXPECT_EQ(evs[0].num_articles, 3);  // s1, s2, s3
  EXPECT_EQ(evs[1].mentions, (std::vector<size_t>{4}));
  EXPECT_EQ(evs[2].mentions, (std::vector<size_t>{5}));
  EXPECT_EQ(evs[3].mentions, (std::vector<size_t>{3}));
  EXPECT_EQ(evs[3].first_day, *ParseDay("2025-03-04"));
}

TEST(Dedup, WiderWindowJoinsTheNextDay) {
  auto ms = Fixture();
  DedupOptions o;
  o.window_days = 2;
  auto evs = Deduplicate(ms, o);
  ASSERT_EQ(evs.size(), 3u);
  EXPECT_EQ(evs[0].mentions, (std::vector<size_t>{0, 1, 2, 6, 3}));
  EXPECT_EQ(evs[0].num_articles, 4);
  EXPECT_EQ(evs[0].last_day, *ParseDay("2025-03-04"));
}

TEST(Dedup, ActorKeySeparatesActorCodes) {
  auto ms = Fixture();
  DedupOptions o;
  o.key = DedupOptions::Key::kActor;
  auto evs = Deduplicate(ms, o);
  ASSERT_EQ(evs.size(), 5u);  // RUSMIL's mention is its own event now
  EXPECT_EQ(evs[0].mentions, (std::vector<size_t>{0, 1, 2}));
}

TEST(Dedup, WindowsAreAnchoredNotChained) {
  // Days 1, 2, 3 with a 2-day window: {1, 2} then {3}; chaining would make one.
  std::vector<Mention> ms = {M("A", "B", "190", "2025-01-01", -10, 4),
                             M("A", "B", "190", "2025-01-02", -10, 4),
                             M("A", "B", "190", "2025-01-03", -10, 4)};
  DedupOptions o;
  o.window_days = 2;
  auto evs = Deduplicate(ms, o);
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].mentions, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(evs[1].mentions, (std::vector<size_t>{2}));
}

TEST(Dedup, InputOrderDoesNotMatterForMembership) {
  std::vector<Mention> ms = {M("A", "B", "190", "2025-01-02", -10, 4),
                             M("A", "B", "190", "2025-01-01", -10, 4),
                             M("A", "B", "190", "2025-01-02", -10, 4)};
  auto evs = Deduplicate(ms, DedupOptions{});
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].mentions, (std::vector<size_t>{1}));
  EXPECT_EQ(evs[1].mentions, (std::vector<size_t>{0, 2}));
}

TEST(Dedup, RootFlagIfAnyMentionIsRoot) {
  std::vector<Mention> ms = {M("A", "B", "190", "2025-01-01", -10, 4),
                             M("A", "B", "190", "2025-01-01", -10, 4)};
  ms[1].is_root = true;
  EXPECT_TRUE(Deduplicate(ms, DedupOptions{})[0].is_root);
}

TEST(Dedup, OneADayKeepsFirstPerDateActorsAndCode) {
  auto ms = Fixture();
  EXPECT_EQ(OneADay(ms), (std::vector<size_t>{0, 3, 4, 5, 6}));
}

TEST(Dedup, StreamingMatchesBatch) {
  auto ms = Fixture();
  std::vector<size_t> order = {0, 1, 2, 4, 5, 6, 3};  // by day
  std::vector<DedupEvent> streamed;
  Deduplicator d(DedupOptions{}, [&](DedupEvent&& e) { streamed.push_back(std::move(e)); });
  for (size_t i : order) d.Add(i, ms[i]);
  // The 2025-03-03 events close as soon as a 2025-03-04 mention arrives.
  EXPECT_EQ(streamed.size(), 3u);
  d.Finish();
  auto batch = Deduplicate(ms, DedupOptions{});
  ASSERT_EQ(streamed.size(), batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    EXPECT_EQ(streamed[i].mentions, batch[i].mentions);
    EXPECT_EQ(streamed[i].num_sources, batch[i].num_sources);
  }
}

TEST(DyadKey, MapsKnownGroupsLikeEval) {
  Actor nato;
  nato.code = "IGOWSTNAT";
  nato.group = "NAT";
  EXPECT_EQ(DyadKey(nato), "NATO");
  Actor rus;
  rus.code = "RUSGOV";
  rus.country = "RUS";
  EXPECT_EQ(DyadKey(rus), "RUS");
  Actor reb;
  reb.code = "SDNREB";
  reb.country = "SDN";
  reb.group = "XYZ";
  EXPECT_EQ(DyadKey(reb), "SDN");
  // A regional organisation is keyed by its region; one without a region by its group.
  Actor ecowas;
  ecowas.code = "IGOWAFWAS";
  ecowas.group = "WAS";
  EXPECT_EQ(DyadKey(ecowas), "WAF");
  Actor eu;
  eu.code = "IGOEUREEC";
  eu.group = "EEC";
  EXPECT_EQ(DyadKey(eu), "EU");
  Actor wfp;
  wfp.code = "IGOUNOWFP";
  wfp.group = "UNO";
  EXPECT_EQ(DyadKey(wfp), "UN");
  Actor opec;
  opec.code = "IGOBUSOPC";
  opec.group = "OPC";
  EXPECT_EQ(DyadKey(opec), "OPC");
  EXPECT_EQ(NormalizeDyadArg("nat"), "NATO");
  EXPECT_EQ(NormalizeDyadArg("eu"), "EU");
  EXPECT_EQ(NormalizeDyadArg("rus"), "RUS");
  EXPECT_EQ(NormalizeDyadArg("*"), "*");
}

}  // namespace
}  // namespace dyad::store
