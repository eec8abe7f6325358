#include "text/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

#include "text/normalize.h"
#include "text/utf8.h"

namespace dyad::text {
namespace {

enum class Cls : uint8_t {
  kSpace,
  kUpper,
  kLower,
  kLetter,  // a letter without case (most scripts other than Latin, Greek, Cyrillic)
  kMark,    // combining mark: continues a word
  kDigit,
  kPunct,
  kSymbol,
};

constexpr std::array<Cls, 128> MakeAsciiTable() {
  std::array<Cls, 128> t{};
  for (int c = 0; c < 128; ++c) {
    Cls k = Cls::kSymbol;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      k = Cls::kSpace;
    } else if (c >= 'A' && c <= 'Z') {
      k = Cls::kUpper;
    } else if (c >= 'a' && c <= 'z') {
      k = Cls::kLower;
    } else if (c >= '0' && c <= '9') {
      k = Cls::kDigit;
    } else {
      for (char p : std::string_view(".,;:!?()[]{}\"'-")) {
        if (c == p) k = Cls::kPunct;
      }
    }
    t[static_cast<size_t>(c)] = k;
  }
  return t;
}
constexpr std::array<Cls, 128> kAsciiClass = MakeAsciiTable();

// Eight bytes at a time (SWAR), on little-endian machines: x holds bytes
// below 0x80 only; each mask has the high bit of every byte of that class.
constexpr bool kSwar = std::endian::native == std::endian::little;
constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
// Bytes in [lo, hi]: adding 0x80 - lo sets the high bit from lo up, adding
// 0x80 - (hi + 1) from past hi up (no carry crosses a byte below 0x80).
constexpr uint64_t InRange(uint64_t x, unsigned lo, unsigned hi) {
  return ((x + kOnes * (0x80 - lo)) ^ (x + kOnes * (0x80 - (hi + 1)))) & kHigh;
}
constexpr uint64_t UpperBytes(uint64_t x) { return InRange(x, 'A', 'Z'); }
constexpr uint64_t LowerBytes(uint64_t x) { return InRange(x, 'a', 'z'); }
constexpr uint64_t DigitBytes(uint64_t x) { return InRange(x, '0', '9'); }
static_assert(UpperBytes(0x5A41405B7A61607Bull) == 0x8080000000000000ull);
static_assert(LowerBytes(0x5A41405B7A61607Bull) == 0x0000000080800000ull);
static_assert(DigitBytes(0x392F303A00000000ull) == 0x8000800000000000ull);
// The first n < 8 bytes of x (the rest zero, which no class holds).
constexpr uint64_t FirstBytes(uint64_t x, size_t n) { return x & ((uint64_t{1} << (8 * n)) - 1); }

Cls UnicodeClass(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return Cls::kUpper;
    case UTF8PROC_CATEGORY_LL:
      return Cls::kLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return Cls::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return Cls::kMark;
    case UTF8PROC_CATEGORY_ND:
      return Cls::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return Cls::kSpace;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return Cls::kPunct;
    default:
      return Cls::kSymbol;
  }
}

struct Char {
  char32_t cp;
  uint32_t len;  // 0 past the end
  Cls cls;
};

inline bool IsWordChar(Cls c) {
  return c == Cls::kUpper || c == Cls::kLower || c == Cls::kLetter || c == Cls::kMark ||
         c == Cls::kDigit;
}
inline bool IsLetter(Cls c) {
  return c == Cls::kUpper || c == Cls::kLower || c == Cls::kLetter || c == Cls::kMark;
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Suffixes split off after an apostrophe: Moscow's -> Moscow 's.
bool IsContractionSuffix(std::string_view s) {
  const char a = s.empty() ? 0 : static_cast<char>(s[0] | 0x20);
  if (s.size() == 1) return a == 's' || a == 'd' || a == 'm';
  if (s.size() != 2) return false;
  const char b = static_cast<char>(s[1] | 0x20);
  return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l');
}

// Words after which 's is a verb ("it's" = it is/has), not a possessive.
bool IsPronounForS(std::string_view lower) {
  static const std::array<std::string_view, 14> kWords = {"it",   "he",   "she",   "that", "there",
                                                          "what", "who",  "where", "here", "let",
                                                          "how",  "this", "when",  "why"};
  for (std::string_view w : kWords) {
    if (w == lower) return true;
  }
  return false;
}

// Ordinal and decade suffixes that keep a digit-initial token a number.
bool IsNumberSuffix(std::string_view s) {
  return s == "st" || s == "nd" || s == "rd" || s == "th" || s == "s" || s == "ST" || s == "ND" ||
         s == "RD" || s == "TH";
}

const std::unordered_map<std::string_view, AbbreviationKind>& AbbreviationTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, AbbreviationKind>();
    for (std::string_view w :
         {"Mr",   "Mrs",  "Ms",   "Messrs", "Mme",  "Dr",  "Gen",  "Gens", "Lt",   "Col",  "Sen",
          "Sens", "Rep",  "Reps", "Gov",    "Prof", "Maj", "Capt", "Cpt",  "Sgt",  "Cpl",  "Pvt",
          "Adm",  "Cmdr", "Cdr",  "Brig",   "Rev",  "Hon", "Pres", "Amb",  "Supt", "Insp", "Atty",
          "Fr",   "MR",   "MRS",  "DR",     "GEN",  "SEN", "GOV",  "PROF", "REP",  "LT",   "COL"}) {
      (*t)[w] = AbbreviationKind::kTitle;
    }
    for (std::string_view w :
         {"Jan",  "Feb", "Mar", "Apr",  "Jun",  "Jul",  "Aug",  "Sep",  "Sept",  "Oct",    "Nov",
          "Dec",  "No",  "Nos", "St",   "Mt",   "Ft",   "Inc",  "Corp", "Ltd",   "Co",     "Bros",
          "Jr",   "Sr",  "vs",  "v",    "Dept", "Univ", "Ave",  "Blvd", "Rd",    "approx", "est",
          "al",   "cf",  "ca",  "Vol",  "pp",   "Ala",  "Ariz", "Ark",  "Calif", "Colo",   "Conn",
          "Fla",  "Ga",  "Ill", "Kan",  "Ky",   "La",   "Md",   "Mich", "Minn",  "Miss",   "Mo",
          "Mont", "Neb", "Nev", "Okla", "Ore",  "Pa",   "Tenn", "Tex",  "Va",    "Vt",     "Wis",
          "Wyo",  "ST",  "MT",  "FT",   "INC",  "CORP", "LTD",  "CO",   "NO"}) {
      (*t)[w] = AbbreviationKind::kOther;
    }
    (*t)["etc"] = AbbreviationKind::kEtc;
    return t;
  }();
  return *table;
}

class Tokenizer {
 public:
  Tokenizer(Document* doc, uint32_t end) : doc_(doc), s_(doc->normalized), end_(end) {}

  void Run(uint32_t begin);

 private:
  Char At(size_t i) const {
    if (i >= end_) return {0, 0, Cls::kSpace};
    const auto b = static_cast<unsigned char>(s_[i]);
    if (b < 0x80) return {b, 1, kAsciiClass[b]};
    Char c;
    c.len = static_cast<uint32_t>(DecodeUtf8(s_.data() + i, end_ - i, &c.cp));
    c.cls = UnicodeClass(c.cp);
    return c;
  }

  size_t RunOf(size_t p, std::string_view chars) const {
    while (p < end_ && chars.find(s_[p]) != std::string_view::npos) ++p;
    return p;
  }

  // Emits [b, e) as a kWord or kNumber with its flags.
  void EmitWord(size_t b, size_t e, bool hyphen);
  // Appends the token [b, e) of s_ and its lower-cased form.
  void Emit(size_t b, size_t e, TokenKind kind, uint8_t flags);
  // Appends the token [b, e) of s_ whose lower-cased form was written at
  // lower[lb, le).
  void Push(size_t b, size_t e, TokenKind kind, uint8_t flags, size_t lb, size_t le);
  // Makes room in lower for n more bytes at pos_, and eight bytes past them
  // (the lower-cased forms are written eight bytes at a time).
  void Room(size_t n) {
    if (pos_ + n + 8 > lower_.size()) Grow(n);
  }
  void Grow(size_t n);
  // Scans the word starting at `start` and emits it (with any split-off
  // suffix). Returns the position after what was emitted.
  size_t ScanWord(size_t start);
  // If s_[p..] is an apostrophe suffix ('s 're 've 'll 'd 'm) ending the word
  // that ends at p, returns its end; else 0.
  size_t SuffixEnd(size_t p) const;
  // Emits the suffix [b, e) split off the word just emitted.
  void EmitSuffix(size_t b, size_t e);

  Document* doc_;
  std::string_view s_;
  size_t end_;
  bool open_single_quote_ = false;
  // doc->lower, written in place: sized ahead of pos_ (the end of what is
  // written) while tokenising, cut back to pos_ at the end of Run.
  std::string& lower_ = doc_->lower;
  size_t pos_ = 0;
};

void Tokenizer::Grow(size_t n) { lower_.resize(std::max(2 * lower_.size(), pos_ + n + 16)); }

void Tokenizer::Push(size_t b, size_t e, TokenKind kind, uint8_t flags, size_t lb, size_t le) {
  Token t;
  t.norm_begin = static_cast<uint32_t>(b);
  t.norm_end = static_cast<uint32_t>(e);
  t.begin = doc_->to_original[b];
  t.end = doc_->to_original[e];
  // Only a token whose original text ends in a non-ASCII byte can end in
  // characters normalisation removed.
  if (t.end > t.begin && static_cast<unsigned char>(doc_->original[t.end - 1]) >= 0x80) {
    t.end = TrimRemovedSuffix(doc_->original, t.begin, t.end);
  }
  t.kind = kind;
  t.flags = flags;
  t.lower_begin = static_cast<uint32_t>(lb);
  t.lower_end = static_cast<uint32_t>(le);
  doc_->tokens.push_back(t);
}

void Tokenizer::Emit(size_t b, size_t e, TokenKind kind, uint8_t flags) {
  // The ASCII prefix (usually the whole token) lower-cased in one pass; the
  // rest a character at a time.
  Room(e - b);
  const size_t lb = pos_;
  size_t i = b;
  if constexpr (kSwar) {
    // Eight bytes at a time: loaded from the text (up to 8 bytes past the
    // token, while inside the text), lower-cased and stored (the bytes past
    // the token are overwritten next); stops at the first chunk holding a
    // non-ASCII byte.
    while (i < e && i + 8 <= s_.size()) {
      const size_t n = std::min<size_t>(8, e - i);
      uint64_t x;
      std::memcpy(&x, s_.data() + i, 8);
      if ((n == 8 ? x : FirstBytes(x, n)) & kHigh) break;
      x |= UpperBytes(x & ~kHigh) >> 2;  // 'A'..'Z' + 0x20 (bytes past n never kept)
      std::memcpy(lower_.data() + pos_, &x, 8);
      pos_ += n;
      i += n;
    }
  }
  while (i < e) {
    const auto c = static_cast<unsigned char>(s_[i]);
    if (c < 0x80) {
      lower_[pos_++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
      ++i;
      continue;
    }
    char32_t cp;
    i += static_cast<size_t>(DecodeUtf8(s_.data() + i, e - i, &cp));
    Room(4 + (e - i));  // a character's lower case may be longer than it
    const auto low = utf8proc_tolower(static_cast<utf8proc_int32_t>(cp));
    pos_ += static_cast<size_t>(EncodeUtf8(static_cast<char32_t>(low), lower_.data() + pos_));
  }
  Push(b, e, kind, flags, lb, pos_);
}

void Tokenizer::EmitWord(size_t b, size_t e, bool hyphen) {
  uint8_t flags = hyphen ? kHyphenated : 0;
  // Fast path: an ASCII word that does not start with a digit is a kWord
  // whose flags depend only on its upper- and lower-case letters.
  const auto* u = reinterpret_cast<const unsigned char*>(s_.data());
  // Its letters are counted and its lower-cased form written in one pass
  // (kept only when the whole word is ASCII).
  if (b < e && u[b] < 0x80 && kAsciiClass[u[b]] != Cls::kDigit) {
    Room(e - b);
    char* out = lower_.data();
    size_t at = pos_;
    int upper = 0, lower = 0;
    size_t i = b;
    if constexpr (kSwar) {
      while (i < e && i + 8 <= s_.size()) {
        uint64_t x;
        std::memcpy(&x, u + i, 8);
        const size_t n = std::min<size_t>(8, e - i);
        if (n < 8) x = FirstBytes(x, n);
        if (x & kHigh) break;
        // Only "none", "one" and "two or more" matter (kAllCaps), and a
        // popcount instruction is not in the baseline x86-64 set.
        const uint64_t up = UpperBytes(x);
        upper += (up != 0) + ((up & (up - 1)) != 0);
        lower += LowerBytes(x) != 0;
        x |= up >> 2;  // 'A'..'Z' + 0x20
        std::memcpy(out + at, &x, 8);
        at += n;
        i += n;
      }
    }
    for (; i < e && u[i] < 0x80; ++i) {
      const Cls c = kAsciiClass[u[i]];
      upper += c == Cls::kUpper;
      lower += c == Cls::kLower;
      out[at++] = static_cast<char>(c == Cls::kUpper ? u[i] + 32 : u[i]);
    }
    if (i == e) {
      if (kAsciiClass[u[b]] == Cls::kUpper) flags |= kCapitalized;
      if (upper >= 2 && lower == 0) flags |= kAllCaps;
      const size_t lb = pos_;
      pos_ = at;
      Push(b, e, TokenKind::kWord, flags, lb, at);
      return;
    }
  }
  int upper = 0, lower = 0;
  size_t first_letter = std::string_view::npos;
  bool first = true;
  bool letters_are_suffix = true;  // no digit or connector after the first letter: 15th
  for (size_t i = b; i < e;) {
    const Char c = At(i);
    if (first && c.cls == Cls::kUpper) flags |= kCapitalized;
    first = false;
    if (c.cls == Cls::kUpper) ++upper;
    if (c.cls == Cls::kLower) ++lower;
    if (IsLetter(c.cls)) {
      if (first_letter == std::string_view::npos) first_letter = i;
    } else if (first_letter != std::string_view::npos) {
      letters_are_suffix = false;
    }
    i += c.len;
  }
  if (upper >= 2 && lower == 0) flags |= kAllCaps;
  TokenKind kind = TokenKind::kWord;
  if (At(b).cls == Cls::kDigit) {
    if (first_letter == std::string_view::npos) {
      kind = TokenKind::kNumber;
    } else if (letters_are_suffix && IsAsciiDigit(s_[first_letter - 1]) &&
               IsNumberSuffix(s_.substr(first_letter, e - first_letter))) {
      kind = TokenKind::kNumber;
    }
  }
  Emit(b, e, kind, flags);
}

size_t Tokenizer::SuffixEnd(size_t p) const {
  if (p >= end_ || s_[p] != '\'') return 0;
  size_t q = p + 1;
  while (q < end_ && IsAsciiLetter(s_[q])) ++q;
  if (q == p + 1 || IsWordChar(At(q).cls)) return 0;
  return IsContractionSuffix(s_.substr(p + 1, q - p - 1)) ? q : 0;
}

void Tokenizer::EmitSuffix(size_t b, size_t e) {
  const bool s = e - b == 2 && (s_[b + 1] == 's' || s_[b + 1] == 'S');
  if (!s) {
    Emit(b, e, TokenKind::kWord, 0);
    return;
  }
  const Token& prev = doc_->tokens.back();
  if (IsPronounForS(doc_->Lower(prev))) {
    Emit(b, e, TokenKind::kWord, 0);
  } else {
    Emit(b, e, TokenKind::kPunct, kPossessive);
  }
}

size_t Tokenizer::ScanWord(size_t start) {
  size_t p = start;
  int seg_chars = 0;  // letters and digits since the last inner connector
  bool seg_letters_only = true;
  bool hyphen = false, abbrev_dots = false;
  Cls prev = Cls::kSpace;
  char32_t prev_cp = 0;
  while (true) {
    while (p < end_) {
      if constexpr (kSwar) {
        if (p + 8 <= s_.size()) {  // a run of ASCII letters and digits, eight bytes at a time
          uint64_t x;
          std::memcpy(&x, s_.data() + p, 8);
          if (end_ - p < 8) x = FirstBytes(x, end_ - p);
          if ((x & kHigh) == 0) {
            const uint64_t digits = DigitBytes(x);
            const uint64_t word = UpperBytes(x) | LowerBytes(x) | digits;
            const uint64_t stop = ~word & kHigh;
            const size_t run = stop ? static_cast<size_t>(std::countr_zero(stop)) / 8 : 8;
            if (run > 0) {
              const uint64_t in_run = run == 8 ? ~uint64_t{0} : FirstBytes(~uint64_t{0}, run);
              seg_chars += static_cast<int>(run);
              if (digits & in_run) seg_letters_only = false;
              const auto last = static_cast<unsigned char>(s_[p + run - 1]);
              prev = kAsciiClass[last];
              prev_cp = last;
              p += run;
            }
            if (run < 8) break;  // an ASCII byte that is no word character, or end_
            continue;
          }
        }
      }
      const auto byte = static_cast<unsigned char>(s_[p]);
      if (byte < 0x80) {  // ASCII: no decoding, and never a mark
        const Cls cls = kAsciiClass[byte];
        if (!IsWordChar(cls)) break;
        ++seg_chars;
        if (cls == Cls::kDigit) seg_letters_only = false;
        prev = cls;
        prev_cp = byte;
        ++p;
        continue;
      }
      const Char c = At(p);
      if (!IsWordChar(c.cls)) break;
      if (c.cls != Cls::kMark) {
        ++seg_chars;
        if (c.cls == Cls::kDigit) seg_letters_only = false;
        prev = c.cls;
        prev_cp = c.cp;
      }
      p += c.len;
    }
    if (p >= end_) break;
    const char ch = s_[p];
    const Char next = At(p + 1);
    bool join = false;
    switch (ch) {
      case '-':
        join = IsWordChar(next.cls) && next.cls != Cls::kMark;
        hyphen |= join;
        break;
      case '\'': {
        if (!(IsLetter(prev) || prev == Cls::kDigit) || !IsLetter(next.cls)) break;
        if (size_t q = SuffixEnd(p); q != 0) {  // Moscow's, they're
          EmitWord(start, p, hyphen);
          EmitSuffix(p, q);
          return q;
        }
        size_t q = p + 2;
        if (q <= end_ && (s_[p + 1] == 't' || s_[p + 1] == 'T') && !IsWordChar(At(q).cls) &&
            (prev_cp == 'n' || prev_cp == 'N') && p - 1 > start) {  // don't -> do n't
          EmitWord(start, p - 1, hyphen);
          Emit(p - 1, q, TokenKind::kWord, 0);
          return q;
        }
        join = true;  // O'Brien, d'Ivoire
        break;
      }
      case '.':
        if (prev == Cls::kDigit && next.cls == Cls::kDigit) {
          join = true;  // 3.5
        } else if (seg_chars == 1 && seg_letters_only && IsLetter(next.cls) &&
                   next.cls != Cls::kMark) {
          join = abbrev_dots = true;  // U.S, e.g
        } else if (seg_chars == 1 && seg_letters_only && next.cp == '-' &&
                   IsWordChar(At(p + 2).cls)) {
          abbrev_dots = hyphen = true;  // U.S.-led
          p += 1;
          join = true;
        } else if (IsLetter(prev) && next.cls == Cls::kLower) {
          join = true;  // reuters.com
        }
        break;
      case ',':  // 100,000 but not "1,2" or "1,2345"
        join = prev == Cls::kDigit && p + 3 < end_ && IsAsciiDigit(s_[p + 1]) &&
               IsAsciiDigit(s_[p + 2]) && IsAsciiDigit(s_[p + 3]) &&
               !(p + 4 < end_ && IsAsciiDigit(s_[p + 4]));
        break;
      case ':':  // 10:30
        join = prev == Cls::kDigit && p + 2 < end_ && IsAsciiDigit(s_[p + 1]) &&
               IsAsciiDigit(s_[p + 2]) && (p + 3 >= end_ || !IsAsciiDigit(s_[p + 3]));
        break;
      case '/':  // 9/11, 24/7
        join = prev == Cls::kDigit && next.cls == Cls::kDigit;
        break;
      case '&':  // AT&T
        join = prev == Cls::kUpper && next.cls == Cls::kUpper;
        break;
      default:
        break;
    }
    if (!join) break;
    p += 1;
    seg_chars = 0;
    seg_letters_only = true;
  }
  // A final period stays with an abbreviation or an initial.
  if (p < end_ && s_[p] == '.' && !(p + 1 < end_ && s_[p + 1] == '.')) {
    const bool last_seg_letter = seg_chars == 1 && seg_letters_only;
    bool keep = abbrev_dots && last_seg_letter;
    if (!keep && seg_chars == 1 && !hyphen && At(start).cls == Cls::kUpper &&
        start + At(start).len == p) {
      keep = true;  // initial: John F. Kennedy
    }
    if (!keep && AbbreviationTable().count(s_.substr(start, p - start)) != 0) keep = true;
    if (keep) {
      ++p;
      EmitWord(start, p, hyphen);
      if (size_t q = SuffixEnd(p); q != 0) {  // U.S.'s
        EmitSuffix(p, q);
        return q;
      }
      return p;
    }
  }
  EmitWord(start, p, hyphen);
  return p;
}

void Tokenizer::Run(uint32_t begin) {
  pos_ = lower_.size();
  lower_.resize(pos_ + (end_ - begin) + 16);
  size_t p = begin;
  while (p < end_) {
    const Char c = At(p);
    switch (c.cls) {
      case Cls::kSpace:
        if (c.cp == '\n') open_single_quote_ = false;
        p += c.len;
        continue;
      case Cls::kUpper:
      case Cls::kLower:
      case Cls::kLetter:
      case Cls::kMark:
      case Cls::kDigit:
        p = ScanWord(p);
        continue;
      default:
        break;
    }
    if (c.len > 1) {  // non-ASCII punctuation or symbol
      Emit(p, p + c.len, c.cls == Cls::kPunct ? TokenKind::kPunct : TokenKind::kSymbol, 0);
      p += c.len;
      continue;
    }
    size_t e = p + 1;
    uint8_t flags = 0;
    switch (s_[p]) {
      case '.':
        e = RunOf(p, ".");  // "." or "..."
        break;
      case '!':
      case '?':
        e = RunOf(p, "!?");
        break;
      case '-':
        e = RunOf(p, "-");
        break;
      case '\'': {
        const bool after_word = !doc_->tokens.empty() && doc_->tokens.back().norm_end == p &&
                                doc_->tokens.back().kind == TokenKind::kWord;
        const bool before_word = IsWordChar(At(p + 1).cls);
        if (after_word && !before_word && !open_single_quote_) {
          const char last = s_[p - 1];
          if (last == 's' || last == 'S') flags = kPossessive;  // the allies' plan
        } else if (!after_word && before_word) {
          open_single_quote_ = true;
        } else if (!before_word) {
          open_single_quote_ = false;
        }
        break;
      }
      default:
        break;
    }
    Emit(p, e, c.cls == Cls::kPunct ? TokenKind::kPunct : TokenKind::kSymbol, flags);
    p = e;
  }
  lower_.resize(pos_);
}

}  // namespace

void Tokenize(uint32_t begin, uint32_t end, Document* doc) { Tokenizer(doc, end).Run(begin); }

AbbreviationKind AbbreviationKindOf(std::string_view text) {
  if (text.size() < 2 || text.back() != '.') return AbbreviationKind::kNone;
  const std::string_view core = text.substr(0, text.size() - 1);
  const auto& table = AbbreviationTable();
  if (auto it = table.find(core); it != table.end()) return it->second;
  // Letter-period patterns (U.S., e.g.) and initials (F.).
  return AbbreviationKind::kOther;
}

}  // namespace dyad::text
