#include "code/event_dates.h"

#include <gtest/gtest.h>

namespace dyad::code {
namespace {

// The event's date for a sentence whose trigger is the word `trigger`, in a
// story dated `pub` (2024-02-19 is a Monday).
std::string DateOf(std::string_view sentence, std::string_view trigger, int pub = 20240219) {
  size_t at = sentence.find(trigger);
  EXPECT_NE(at, std::string_view::npos) << trigger;
  EventDate d = ResolveEventDate(sentence, 100, static_cast<uint32_t>(100 + at), pub);
  return std::to_string(d.date) + " " + d.rule;
}

TEST(EventDates, RelativeDaysAndWeekdays) {
  EXPECT_EQ(DateOf("Hezbollah fired rockets at Israel on Sunday.", "fired"), "20240218 weekday");
  EXPECT_EQ(DateOf("Hezbollah fired rockets at Israel Sunday.", "fired"), "20240218 weekday");
  EXPECT_EQ(DateOf("Police arrested protesters on Monday.", "arrested"), "20240219 weekday");
  EXPECT_EQ(DateOf("Police arrested protesters last Monday.", "arrested"), "20240212 weekday");
  EXPECT_EQ(DateOf("Police arrested protesters on Tuesday.", "arrested"), "20240213 weekday");
  EXPECT_EQ(DateOf("Troops shelled the town yesterday.", "shelled"), "20240218 yesterday");
  EXPECT_EQ(DateOf("Troops shelled the town last night.", "shelled"), "20240218 last night");
  EXPECT_EQ(DateOf("Troops shelled the town today.", "shelled"), "20240219 today");
  EXPECT_EQ(DateOf("Troops shelled the town last week.", "shelled"), "20240212 last week");
  EXPECT_EQ(DateOf("Troops shelled the town three days ago.", "shelled"), "20240216 days ago");
  EXPECT_EQ(DateOf("Troops shelled the town.", "shelled"), "20240219 pub_date");
  EXPECT_EQ(DateOf("Troops shelled the town overnight.", "shelled"), "20240219 pub_date");
}

TEST(EventDates, MonthAndDay) {
  EXPECT_EQ(DateOf("Chile expelled the envoy on February 3.", "expelled"), "20240203 month day");
  EXPECT_EQ(DateOf("Chile expelled the envoy on 3 Feb.", "expelled"), "20240203 month day");
  EXPECT_EQ(DateOf("Chile expelled the envoy on Feb. 3rd.", "expelled"), "20240203 month day");
  // After the story date: last year's.
  EXPECT_EQ(DateOf("Chile expelled the envoy on December 30.", "expelled"), "20231230 month day");
  EXPECT_EQ(DateOf("Chile expelled the envoy on March 3, 2023.", "expelled"), "20230303 month day");
  // No day: no date.
  EXPECT_EQ(DateOf("Chile expelled the envoy in February.", "expelled"), "20240219 pub_date");
  EXPECT_EQ(DateOf("Chile may expel the envoy.", "expel"), "20240219 pub_date");
  // A date that does not exist, or lies after the story, is left alone.
  EXPECT_EQ(DateOf("Chile expelled the envoy on February 31.", "expelled"), "20240219 pub_date");
  EXPECT_EQ(DateOf("Chile expelled the envoy on March 3, 2025.", "expelled"), "20240219 pub_date");
  EXPECT_EQ(DateOf("Talks will resume next Sunday, and Chile expelled the envoy.", "expelled"),
            "20240219 pub_date");
}

TEST(EventDates, TheExpressionNearestTheTrigger) {
  EXPECT_EQ(DateOf("Officials said on Monday that troops shelled the town on Saturday.", "shelled"),
            "20240217 weekday");
  EXPECT_EQ(DateOf("Officials said on Monday that troops shelled the town on Saturday.", "said"),
            "20240219 weekday");
}

}  // namespace
}  // namespace dyad::code
