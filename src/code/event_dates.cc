#include "code/event_dates.h"

#include <bit>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "dyad/civil_days.h"
#include "dyad/lexicon.h"
#include "dyad/story.h"
#include "lexicon/word_map.h"

namespace dyad::code {
namespace {

// yyyymmdd of a day count (dyad/civil_days.h).
int YmdFromDays(int64_t z) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(z, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

int64_t Days(int yyyymmdd) {
  return DaysFromCivil(yyyymmdd / 10000, (yyyymmdd / 100) % 100, yyyymmdd % 100);
}

bool Exists(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return YmdFromDays(DaysFromCivil(y, m, d)) == y * 10000 + m * 100 + d;
}

struct Word {
  std::string_view lower;  // a view of Words()'s `lower`
  uint32_t begin;          // byte in the sentence
};

// std::isalnum and std::tolower of a byte, with no call for ASCII.
bool AlNum(unsigned char c) {
  if (c >= 0x80) return std::isalnum(c);
  return static_cast<unsigned>((c | 32) - 'a') < 26 || static_cast<unsigned>(c - '0') < 10;
}
char Lower(unsigned char c) {
  if (c >= 0x80) return static_cast<char>(std::tolower(c));
  return static_cast<char>(static_cast<unsigned>(c - 'A') < 26 ? c + 32 : c);
}

// Bytes of x (all below 0x80) in [lo, hi]: the high bit of each.
constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
constexpr uint64_t InRange(uint64_t x, unsigned lo, unsigned hi) {
  return ((x + kOnes * (0x80 - lo)) ^ (x + kOnes * (0x80 - (hi + 1)))) & kHigh;
}

// The sentence's alphanumeric words, lower-cased into *lower (which the
// words view); *out is cleared first. ASCII eight bytes at a time: a word
// starts or ends where the alphanumeric mask changes.
void Words(std::string_view s, std::string* lower, std::vector<Word>* out) {
  out->clear();
  lower->assign(s);
  char* l = lower->data();
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  bool in_word = false;
  size_t b = 0;  // the open word's first byte
  for (size_t i = 0; i < n;) {
    uint64_t alnum = 0;  // the high bit of each alphanumeric byte of the step
    size_t len = 1;
    uint64_t x = 0;
    if (std::endian::native == std::endian::little && i + 8 <= n &&
        (std::memcpy(&x, u + i, 8), (x & kHigh) == 0)) {
      const uint64_t upper = InRange(x, 'A', 'Z');
      alnum = upper | InRange(x, 'a', 'z') | InRange(x, '0', '9');
      x |= upper >> 2;  // 'A'..'Z' + 0x20
      std::memcpy(l + i, &x, 8);
      len = 8;
    } else if (AlNum(u[i])) {
      alnum = 0x80;
      l[i] = Lower(u[i]);
    }
    // Where the mask changes from the byte before (the last one of the step
    // before for the first).
    const uint64_t shifted = alnum << 8 | (in_word ? 0x80 : 0);
    uint64_t change = (alnum ^ shifted) & (len == 8 ? kHigh : 0x80);
    for (; change != 0; change &= change - 1) {
      const size_t at = i + static_cast<size_t>(std::countr_zero(change) >> 3);
      if (!in_word) {
        b = at;
      } else {
        out->push_back({std::string_view(l + b, at - b), static_cast<uint32_t>(b)});
      }
      in_word = !in_word;
    }
    i += len;
  }
  if (in_word) out->push_back({std::string_view(l + b, n - b), static_cast<uint32_t>(b)});
}

// std::atoi of a word: its leading digits (a word has no sign or space).
int LeadingNumber(std::string_view w) {
  int v = 0;
  for (size_t i = 0; i < w.size() && std::isdigit(static_cast<unsigned char>(w[i])); ++i) {
    v = v * 10 + (w[i] - '0');
  }
  return v;
}

int Weekday(std::string_view w) {  // 0 = Monday
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i;
  }
  return -1;
}

int Month(std::string_view w) {
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  static const char* kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i] || w == kShort[i] || (i == 8 && w == "sept")) return i + 1;
  }
  return 0;
}

int DayNumber(std::string_view w) {  // "3", "03", "3rd", "21st" -> day, else 0
  size_t n = 0;
  while (n < w.size() && std::isdigit(static_cast<unsigned char>(w[n]))) ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view rest = w.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  int d = LeadingNumber(w.substr(0, n));
  return d >= 1 && d <= 31 ? d : 0;
}

int Count(std::string_view w) {
  static const char* kNums[] = {"one", "two", "three", "four", "five", "six", "seven",
                                "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen"};
  for (int i = 0; i < 14; ++i) {
    if (w == kNums[i]) return i + 1;
  }
  if (w.size() <= 2 && std::isdigit(static_cast<unsigned char>(w[0])) &&
      (w.size() == 1 || std::isdigit(static_cast<unsigned char>(w[1])))) {
    return LeadingNumber(w);
  }
  return 0;
}

struct Candidate {
  uint32_t at;  // byte in the sentence
  int date;
  const char* rule;
};

// The words a date expression can hinge on; every other word is passed by.
bool MayDate(std::string_view x) {
  if (x.size() < 3 || x.size() > 9) return false;
  static const FlatWordMap<bool> kWords = [] {
    std::vector<std::pair<std::string_view, bool>> items;
    for (std::string_view d : {
      "yesterday", "last",    "today",    "tonight",   "this",     "ago",     "monday",   "tuesday",
      "wednesday", "thursday", "friday",  "saturday",  "sunday",   "january", "february", "march",
      "april",     "may",     "june",     "july",      "august",   "september", "october", "november",
      "december",  "jan",     "feb",      "mar",       "apr",      "jun",     "jul",      "aug",
      "sep",       "sept",    "oct",      "nov",       "dec"}) {
      items.emplace_back(d, true);
    }
    FlatWordMap<bool> m;
    m.Build(items);
    return m;
  }();
  return kWords.Contains(x);
}

// Every expression in the sentence that dates an act on or before `pub`.
std::vector<Candidate> Candidates(std::string_view sentence, int pub) {
  std::vector<Candidate> found;
  const int64_t p = Days(pub);
  const int pub_year = pub / 10000;
  // 1970-01-05 was a Monday.
  const int pub_wd = static_cast<int>(((p - 4) % 7 + 7) % 7);
  // Reused from call to call (one thread's).
  thread_local std::string lower;
  thread_local std::vector<Word> w;
  Words(sentence, &lower, &w);
  auto add = [&](size_t k, int64_t days, const char* rule) {
    if (days > p) return;
    found.push_back({w[k].begin, YmdFromDays(days), rule});
  };
  for (size_t k = 0; k < w.size(); ++k) {
    const std::string_view x = w[k].lower;
    if (!MayDate(x)) continue;
    const std::string_view prev = k > 0 ? std::string_view(w[k - 1].lower) : std::string_view();
    const std::string_view next = k + 1 < w.size() ? std::string_view(w[k + 1].lower) : std::string_view();
    if (x == "yesterday") {
      add(k, p - 1, "yesterday");
    } else if (x == "last" && next == "night") {
      add(k, p - 1, "last night");
    } else if (x == "today" || x == "tonight" ||
               (x == "this" && (next == "morning" || next == "afternoon" || next == "evening"))) {
      add(k, p, "today");
    } else if (x == "last" && next == "week") {
      add(k, p - 7, "last week");
    } else if (x == "ago" && k >= 2 && (prev == "days" || prev == "day") && Count(w[k - 2].lower)) {
      add(k - 2, p - Count(w[k - 2].lower), "days ago");
    } else if (int wd = Weekday(x); wd >= 0) {
      if (prev == "next" || prev == "coming") continue;
      int back = (pub_wd - wd + 7) % 7;
      if (prev == "last" && back == 0) back = 7;
      add(prev == "on" || prev == "last" ? k - 1 : k, p - back, "weekday");
    } else if (int m = Month(x); m > 0) {
      // "March 3[, 2024]" or "3 March [2024]"
      int day = DayNumber(next), year_at = -1;
      size_t at = k;
      if (day) {
        year_at = static_cast<int>(k) + 2;
      } else if (k > 0 && (day = DayNumber(prev)) != 0) {
        at = k - 1;
        year_at = static_cast<int>(k) + 1;
      } else {
        continue;
      }
      int year = 0;
      if (year_at < static_cast<int>(w.size()) && w[year_at].lower.size() == 4 &&
          std::isdigit(static_cast<unsigned char>(w[year_at].lower[0]))) {
        year = LeadingNumber(w[year_at].lower);
      }
      int y = year ? year : pub_year;
      if (!Exists(y, m, day)) continue;
      int64_t d = DaysFromCivil(y, m, day);
      if (!year && d > p) {
        y = pub_year - 1;
        if (!Exists(y, m, day)) continue;
        d = DaysFromCivil(y, m, day);
      }
      if (at > 0 && w[at - 1].lower == "on") --at;
      add(at, d, "month day");
    }
  }
  return found;
}

// Of the sentence's date expressions, the one nearest the trigger.
EventDate Pick(const std::vector<Candidate>& found, uint32_t sentence_begin, uint32_t trigger, int pub) {
  EventDate out;
  out.date = pub;
  if (found.empty()) return out;
  // The expression nearest the trigger (ties: the earlier one).
  const int64_t t = static_cast<int64_t>(trigger) - sentence_begin;
  const Candidate* best = nullptr;
  for (const Candidate& c : found) {
    if (!best || std::llabs(c.at - t) < std::llabs(best->at - t)) best = &c;
  }
  const int y = best->date / 10000;
  if (y < kMinYear || y > kMaxYear) return out;
  out.date = best->date;
  out.rule = best->rule;
  return out;
}

}  // namespace

EventDate ResolveEventDate(std::string_view sentence, uint32_t sentence_begin, uint32_t trigger,
                           int pub) {
  if (pub == 0) {
    EventDate out;
    out.date = pub;
    return out;
  }
  return Pick(Candidates(sentence, pub), sentence_begin, trigger, pub);
}

void ResolveEventDates(const Document& doc, std::vector<Event>* events, size_t first) {
  // A sentence's date expressions are found once for all its events.
  int cached_sentence = -1, cached_pub = 0;
  std::vector<Candidate> cached;
  for (size_t i = first; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (e.sentence < 0 || static_cast<size_t>(e.sentence) >= doc.sentences.size()) continue;
    const Sentence& s = doc.sentences[static_cast<size_t>(e.sentence)];
    const int pub = DateToInt(e.pub_date);
    EventDate d;
    d.date = pub;
    if (pub != 0) {
      if (e.sentence != cached_sentence || pub != cached_pub) {
        cached = Candidates(doc.Original(s.begin, s.end), pub);
        cached_sentence = e.sentence;
        cached_pub = pub;
      }
      d = Pick(cached, s.begin, e.trigger_span.begin, pub);
    }
    e.date_rule = d.rule;
    if (d.date == DateToInt(e.pub_date)) continue;
    // "%04d-%02d-%02d" without snprintf: Pick() keeps the year within
    // kMinYear..kMaxYear, so it has four digits.
    const int y = d.date / 10000, m = (d.date / 100) % 100, day = d.date % 100;
    const char buf[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                          static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                          static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                          static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10)};
    e.date.assign(buf, sizeof buf);
  }
}

}  // namespace dyad::code
