// After coding: each event's own date, when its sentence gives one relative
// to the story (publication) date.
//
//   story 2024-02-19 (a Monday): "Hezbollah fired rockets at Israel on Sunday."
//   -> date 2024-02-18, pub_date 2024-02-19, date_rule "weekday"
//
// Rules (date_rule), for the expression nearest the event's trigger in its
// sentence:
//   yesterday          "yesterday"                      pub - 1
//   last night         "last night"                     pub - 1
//                      ("overnight" is left alone: the night may have run
//                      past midnight into the story's own day)
//   today              "today", "tonight", "this morning" pub
//   weekday            "on Sunday", "Sunday", "last Sunday"
//                      the latest such day on or before pub ("last": before)
//   last week          "last week"                      pub - 7 (approximate)
//   days ago           "three days ago", "2 days ago"   pub - N
//   month day          "on March 3", "3 March", "March 3, 2024"
//                      that day in the year given, else in pub's year, or the
//                      year before when it would fall after pub
//   pub_date           nothing of the above: the story date
// An expression that would put the event after the story, or outside the
// years dyad accepts, leaves the story date. Dates before the story that
// the coder judged background ("in 1990") never reach here: those acts are
// not coded at all.
#ifndef DYAD_CODE_EVENT_DATES_H_
#define DYAD_CODE_EVENT_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"

namespace dyad::code {

struct EventDate {
  int date = 0;          // yyyymmdd
  const char* rule = "pub_date";
};

// The date of an act told in `sentence` (whose first byte is at
// `sentence_begin` in the story) with its trigger at story byte `trigger`,
// in a story dated `pub` (yyyymmdd).
EventDate ResolveEventDate(std::string_view sentence, uint32_t sentence_begin, uint32_t trigger,
                           int pub);

// Sets date and date_rule of events [first, end) of a story coded from
// `doc` (their pub_date is the story date).
void ResolveEventDates(const Document& doc, std::vector<Event>* events, size_t first);

}  // namespace dyad::code

#endif  // DYAD_CODE_EVENT_DATES_H_
