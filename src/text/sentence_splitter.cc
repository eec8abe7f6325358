#include "text/sentence_splitter.h"

#include <utf8proc.h>

#include <array>
#include <string_view>

#include "text/tokenizer.h"
#include "text/utf8.h"

namespace dyad::text {
namespace {

// Common sentence-initial words: after "U.S." or "Jan." they signal a new
// sentence, where a name or a number would not.
bool IsSentenceStarter(std::string_view w) {
  static constexpr std::array<std::string_view, 72> kWords = {
      "The",       "A",         "An",      "In",       "On",        "At",     "It",      "He",
      "She",       "They",      "We",      "I",        "This",      "That",   "These",   "Those",
      "There",     "But",       "And",     "However",  "Meanwhile", "Its",    "His",     "Her",
      "Their",     "Our",       "As",      "After",    "Before",    "When",   "While",   "If",
      "Although",  "Though",    "Since",   "Some",     "Many",      "Most",   "Also",    "Yet",
      "So",        "For",       "With",    "What",     "Why",       "How",    "Who",     "Where",
      "According", "Last",      "Earlier", "Later",    "Still",     "Then",   "Now",     "Both",
      "Each",      "All",       "Such",    "One",      "Another",   "Under",  "Despite", "During",
      "From",      "Officials", "Instead", "Moreover", "Thus",      "Indeed", "You",     "Nor"};
  for (std::string_view s : kWords) {
    if (s == w) return true;
  }
  return false;
}

bool IsSpeechVerb(std::string_view lower) {
  static constexpr std::array<std::string_view, 30> kVerbs = {
      "said",      "says",     "asked",    "asks",      "told",      "tells",
      "added",     "adds",     "wrote",    "writes",    "noted",     "notes",
      "replied",   "stated",   "insisted", "warned",    "warns",     "explained",
      "continued", "declared", "argued",   "claimed",   "tweeted",   "posted",
      "responded", "recalled", "remarked", "countered", "cautioned", "concluded"};
  for (std::string_view s : kVerbs) {
    if (s == lower) return true;
  }
  return false;
}

// A line ending in one of these is hard-wrapped text, not a heading.
bool IsFunctionWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 32> kWords = {
      "the",  "a",   "an",  "of",   "to",  "in",   "on",    "at",  "for",   "with", "by",
      "from", "and", "or",  "but",  "as",  "that", "which", "who", "is",    "was",  "are",
      "were", "be",  "has", "have", "had", "its",  "his",   "her", "their", "into"};
  for (std::string_view s : kWords) {
    if (s == lower) return true;
  }
  return false;
}

// White space between two tokens.
struct Gap {
  bool space;      // any white space at all
  bool newline;    // at least one line break
  bool paragraph;  // at least two line breaks: a blank line
};

class Splitter {
 public:
  explicit Splitter(Document* doc)
      : doc_(doc), t_(doc->tokens), s_(doc->normalized), n_(doc->tokens.size()) {}

  void Run();

 private:
  std::string_view Text(size_t i) const { return doc_->Text(t_[i]); }

  // The white space before token i (0 < i < n_); white space before the first
  // token and after the last counts as a paragraph break.
  Gap GapBefore(size_t i) const {
    if (i == 0 || i >= n_) return {true, true, true};
    return GapIn(t_[i - 1].norm_end, t_[i].norm_begin);
  }

  Gap GapIn(size_t a, size_t b) const {
    Gap g{a < b, false, false};
    int breaks = 0;
    for (size_t k = a; k < b; ++k) {
      const char c = s_[k];
      if (c == '\n' || (c == '\r' && (k + 1 >= b || s_[k + 1] != '\n'))) {
        if (++breaks >= 2) break;
      }
    }
    g.newline = breaks >= 1;
    g.paragraph = breaks >= 2;
    return g;
  }

  bool IsLowerStart(size_t i) const {
    const Token& t = t_[i];
    if (t.kind != TokenKind::kWord) return false;
    char32_t cp;
    DecodeUtf8(s_.data() + t.norm_begin, t.norm_end - t.norm_begin, &cp);
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_islower(static_cast<utf8proc_int32_t>(cp)) != 0;
  }

  bool IsCapitalizedWord(size_t i) const {
    return t_[i].kind == TokenKind::kWord && (t_[i].flags & kCapitalized) != 0;
  }

  size_t FindSentenceEnd(size_t start) const;
  size_t SplitAfter(size_t k) const;
  bool SpeechVerbFollows(size_t i) const;
  size_t HeadingEnd(size_t i) const;
  size_t MatchDateline(size_t i);
  void Add(size_t b, size_t e, uint32_t paragraph, bool heading);

  Document* doc_;
  const std::vector<Token>& t_;
  std::string_view s_;
  size_t n_;
};

// Returns the end (exclusive) of the sentence that starts at token `start`.
size_t Splitter::FindSentenceEnd(size_t start) const {
  for (size_t k = start;; ++k) {
    if (k + 1 >= n_) return n_;
    if (GapBefore(k + 1).paragraph) return k + 1;
    if (const size_t e = SplitAfter(k); e != 0) return e;
  }
}

// If a sentence ends with token k, returns the index after it (past closing
// quotes and brackets glued to it); otherwise 0.
size_t Splitter::SplitAfter(size_t k) const {
  const std::string_view text = Text(k);
  AbbreviationKind abbr = AbbreviationKind::kNone;
  if (t_[k].kind == TokenKind::kPunct) {
    const char c = text[0];
    if (c != '.' && c != '!' && c != '?') return 0;
  } else if (t_[k].kind == TokenKind::kWord && text.size() > 1 && text.back() == '.') {
    abbr = AbbreviationKindOf(text);
  } else {
    return 0;
  }
  size_t e = k + 1;
  bool quoted = false;
  while (e < n_ && !GapBefore(e).space) {
    const std::string_view x = Text(e);
    if (x == "\"" || (x == "'" && (t_[e].flags & kPossessive) == 0)) {
      quoted = true;
    } else if (x != ")" && x != "]") {
      break;
    }
    ++e;
  }
  if (e >= n_) return n_;
  const Gap g = GapBefore(e);
  if (!g.space) return 0;  // "v2.0", "said.The": not a boundary we trust
  if (g.paragraph) return e;
  if (IsLowerStart(e)) return 0;
  const std::string_view next = Text(e);
  const bool opener = next == "\"" || next == "'" || next == "(" || next == "[";
  if (t_[e].kind == TokenKind::kPunct && !opener && !g.newline) return 0;
  switch (abbr) {
    case AbbreviationKind::kTitle:
      return 0;
    case AbbreviationKind::kOther:
      return (opener || (t_[e].kind == TokenKind::kWord && IsSentenceStarter(next))) ? e : 0;
    default:
      break;
  }
  if (quoted && SpeechVerbFollows(e)) return 0;
  return e;
}

// True if tokens from i are up to three capitalised words then a speech
// verb: ("Leave!") Sandu said / President Maia Sandu told reporters.
bool Splitter::SpeechVerbFollows(size_t i) const {
  size_t k = i;
  while (k < n_ && k - i < 3 && IsCapitalizedWord(k)) ++k;
  return k > i && k < n_ && IsSpeechVerb(doc_->Lower(t_[k]));
}

// If the line starting at token i is a heading, returns its end; else 0.
size_t Splitter::HeadingEnd(size_t i) const {
  constexpr int kMaxWords = 12;
  constexpr size_t kMaxTokens = 40;
  size_t j = i;
  int words = 0;
  for (; j < n_; ++j) {
    if (j > i && GapBefore(j).newline) break;
    if (t_[j].kind == TokenKind::kWord || t_[j].kind == TokenKind::kNumber) {
      if (++words > kMaxWords) return 0;
    }
    if (j - i >= kMaxTokens) return 0;
  }
  if (words == 0) return 0;
  const std::string_view last = Text(j - 1);
  auto is_final = [](char c) {
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',';
  };
  if (is_final(last.back())) return 0;
  if ((last == "\"" || last == "'" || last == ")") && j - 1 > i && is_final(Text(j - 2).back())) {
    return 0;
  }
  if (j >= n_) {  // the last line: a heading only if a newline ends it
    const Gap g = GapIn(t_[j - 1].norm_end, s_.size());
    return g.newline ? j : 0;
  }
  if (GapBefore(j).paragraph) return j;
  if (IsLowerStart(j)) return 0;
  if (IsFunctionWord(doc_->Lower(t_[j - 1]))) return 0;
  return j;
}

// If a dateline starts at token i, records it and returns the index of the
// first token after its dash or colon; otherwise 0.
size_t Splitter::MatchDateline(size_t i) {
  auto same_line = [this](size_t k) { return k < n_ && !GapBefore(k).newline; };
  size_t k = i;
  int place = 0;
  bool all_caps = true, long_word = false;
  while (k < n_ && place < 4 && (k == i || same_line(k)) && IsCapitalizedWord(k)) {
    if ((t_[k].flags & kAllCaps) == 0) {
      all_caps = false;
    } else if (t_[k].norm_end - t_[k].norm_begin >= 3) {
      long_word = true;
    }
    ++place;
    ++k;
  }
  if (place == 0) return 0;
  if (same_line(k) && Text(k) == ",") {  // ", Ukraine" or ", Feb 10, 2022"
    size_t m = k + 1;
    int extra = 0;
    while (same_line(m) && extra < 5 &&
           (IsCapitalizedWord(m) || t_[m].kind == TokenKind::kNumber ||
            (Text(m) == "," && same_line(m + 1) && t_[m + 1].kind == TokenKind::kNumber))) {
      ++m;
      ++extra;
    }
    if (extra == 0) return 0;
    k = m;
  }
  bool agency = false;
  if (same_line(k) && Text(k) == "(") {  // "(Reuters)", "(AFP/Getty)"
    size_t m = k + 1;
    int words = 0;
    while (same_line(m) && words < 4 && (IsCapitalizedWord(m) || Text(m) == "/")) {
      ++m;
      ++words;
    }
    if (words == 0 || !same_line(m) || Text(m) != ")") return 0;
    agency = true;
    k = m + 1;
  }
  if (!agency && !(all_caps && long_word)) return 0;
  if (!same_line(k)) return 0;
  const std::string_view dash = Text(k);
  if (dash[0] != '-' && dash != ":") return 0;
  const size_t after = k + 1;
  if (after >= n_ || GapBefore(after).paragraph) return 0;
  doc_->dateline_begin = t_[i].begin;
  doc_->dateline_end = t_[k - 1].end;
  return after;
}

void Splitter::Add(size_t b, size_t e, uint32_t paragraph, bool heading) {
  if (b >= e) return;
  Sentence s;
  s.token_begin = static_cast<uint32_t>(b);
  s.token_end = static_cast<uint32_t>(e);
  s.begin = t_[b].begin;
  s.end = t_[e - 1].end;
  s.paragraph = paragraph;
  s.heading = heading;
  doc_->sentences.push_back(s);
}

void Splitter::Run() {
  doc_->sentences.clear();
  doc_->dateline_begin = doc_->dateline_end = 0;
  uint32_t paragraph = 0;
  bool dateline_possible = true;  // until the first sentence that is not a heading
  size_t i = 0;
  while (i < n_) {
    const Gap g = GapBefore(i);
    if (i > 0 && g.paragraph) ++paragraph;
    size_t start = i;
    if (dateline_possible && g.newline) {
      if (const size_t after = MatchDateline(i); after != 0) start = after;
    }
    if (start == i && g.newline) {
      if (const size_t j = HeadingEnd(i); j != 0) {
        Add(i, j, paragraph, true);
        i = j;
        continue;
      }
    }
    const size_t e = FindSentenceEnd(start);
    Add(start, e, paragraph, false);
    dateline_possible = false;
    i = e;
  }
}

}  // namespace

void SplitSentences(Document* doc) { Splitter(doc).Run(); }

}  // namespace dyad::text
