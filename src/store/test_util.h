// Hand-made mentions for the store's unit tests.
#ifndef DYAD_STORE_TEST_UTIL_H_
#define DYAD_STORE_TEST_UTIL_H_

#include <optional>
#include <string>

#include "store/dates.h"
#include "store/mention.h"

namespace dyad::store::testing {

// A mention of `source` -> `target` (dyad keys, also used as the actor
// codes unless `source_code` is given) with CAMEO `code`, Goldstein `g` and
// quad class `quad`, on `date`, from `story` of `publisher`.
inline Mention M(const std::string& source, const std::string& target, const std::string& code,
                 const std::string& date, std::optional<double> g, int quad,
                 const std::string& publisher = "wire", const std::string& story = "s1",
                 const std::string& source_code = "") {
  static int counter = 0;
  Mention m;
  Event& e = m.event;
  e.id = "id" + std::to_string(++counter);
  e.story_id = story;
  e.date = e.pub_date = date;
  e.source.code = source_code.empty() ? source : source_code;
  e.source.country = source;
  e.source.name = source;
  if (!target.empty()) {
    Actor t;
    t.code = t.country = t.name = target;
    e.target = t;
  }
  e.code = code;
  e.root = code.substr(0, 2);
  e.goldstein = g;
  e.quad_class = quad;
  e.text = source + " did " + code + " to " + target + ".";
  m.publisher = publisher;
  m.source_key = source;
  m.target_key = target;
  m.day = ParseDay(date).value();
  return m;
}

}  // namespace dyad::store::testing

#endif  // DYAD_STORE_TEST_UTIL_H_
