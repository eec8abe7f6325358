// TABARI dictionary lines and codes, split and parsed as TABARI does:
// the phrase/code split of a line, pattern lengths, event, time and actor
// codes (see tabari_dict.h).
#include "lexicon/tabari_dict_internal.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

namespace dyad::tabari {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string TrimBoth(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// ---- one dictionary line, split as TABARI's line reader does ----

namespace {

// Puts blanks around every '{', '|' and '}' of s, but keeps '_{' and '}_'
// glued to the word on their '_' side.
std::string SpaceBraces(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '{' && c != '|' && c != '}') {
      out += c;
      continue;
    }
    bool glued_before = c == '{' && i > 0 && s[i - 1] == '_';
    bool glued_after = c == '}' && i + 1 < s.size() && s[i + 1] == '_';
    if (!glued_before && !out.empty() && out.back() != ' ') out += ' ';
    if (!glued_before && out.empty()) out += ' ';
    out += c;
    if (!glued_after && (i + 1 >= s.size() || s[i + 1] != ' ')) out += ' ';
  }
  return out;
}

}  // namespace

Line SplitLine(const std::string& raw, bool code_optional, bool need_codes) {
  Line ln;
  std::string sa = raw;
  size_t semi = sa.find(';');
  if (semi != std::string::npos) sa = sa.substr(0, semi);
  if (!sa.empty() && (sa[0] == '<' || sa[0] == '&')) {
    ln.phrase = sa;
    ln.ok = true;
    return ln;
  }
  if (!sa.empty() && (sa[0] == '+' || sa[0] == '{')) sa += " [---]";
  size_t lb = sa.find('[');
  std::string phrase;
  if (lb != std::string::npos) {
    ln.bracket = !(raw[0] == '+' || raw[0] == '{');
    phrase = sa.substr(0, lb);
    ln.code = sa.substr(lb);
    size_t rb = ln.code.find(']');
    std::string inner = ln.code.substr(1, rb == std::string::npos ? std::string::npos : rb - 1);
    if (TrimBoth(inner).empty()) {
      ln.why = "no code specified between [...]";
      return ln;
    }
  } else {
    phrase = sa;
    ln.code = "[---]";
    if (!code_optional) {
      ln.why = "missing left-bracket [";
      return ln;
    }
  }
  for (size_t i = 0; i < phrase.size(); ++i) {
    phrase[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(phrase[i])));
    if (i > 0 && phrase[i] == '-') phrase[i] = '_';
  }
  phrase = SpaceBraces(phrase);
  while (!phrase.empty() && std::isspace(static_cast<unsigned char>(phrase.back()))) phrase.pop_back();
  if (!need_codes && phrase.size() < 2) {
    ln.why = "no phrase has been specified";
    return ln;
  }
  ln.phrase = phrase;
  ln.ok = true;
  return ln;
}

// TABARI's pattern length: letters, digits, '_' and '\'' count one each;
// *alt gets the sum of each { | } group's longest alternative.
void PatternLength(std::string_view s, int* len, int* alt) {
  *len = 0;
  *alt = 0;
  auto counts = [](char c) {
    int n = 0;
    if (c == '_' || c == '\'') ++n;
    if (!std::isspace(static_cast<unsigned char>(c)) && !std::ispunct(static_cast<unsigned char>(c))) ++n;
    return n;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '{') {
      int best = 0;
      while (i < s.size() && s[i] != '}') {
        ++i;
        int cur = 0;
        while (i < s.size() && s[i] != '|' && s[i] != '}') cur += counts(s[i++]);
        best = std::max(best, cur);
      }
      *alt += best;
      continue;
    }
    *len += counts(c);
  }
}

// "[023?]" / "[032:033]" / "[---]" -> EventCode.
EventCode ParseEventCode(const std::string& code) {
  EventCode ec;
  std::string s = code;
  size_t lb = s.find('[');
  if (lb != std::string::npos) s = s.substr(lb + 1);
  size_t rb = s.rfind(']');
  if (rb != std::string::npos) s = s.substr(0, rb);
  size_t cut = s.find_first_of("/$&@");
  if (cut != std::string::npos) s = s.substr(0, cut);
  s = TrimBoth(s);
  std::string first = s, second;
  size_t colon = s.find(':');
  if (colon != std::string::npos) {
    first = TrimBoth(s.substr(0, colon));
    second = TrimBoth(s.substr(colon + 1));
  }
  auto flags = [](std::string* c, bool* sub, bool* dom) {
    if (!c->empty() && c->back() == '?') *sub = true, c->pop_back();
    else if (!c->empty() && c->back() == '!') *dom = true, c->pop_back();
    *c = TrimBoth(*c);
  };
  flags(&first, &ec.sub, &ec.dom);
  flags(&second, &ec.pair_sub, &ec.pair_dom);
  ec.code = first;
  ec.pair = second;
  return ec;
}

TimeCode ParseTimeCode(const std::string& code) {
  TimeCode tc;
  for (const char* special : {"---", "###", "+++"}) {
    if (code.find(special) != std::string::npos) {
      tc.special = special;
      return tc;
    }
  }
  size_t lb = code.find('[');
  tc.shift = std::atoi(code.c_str() + (lb == std::string::npos ? 0 : lb + 1));
  return tc;
}

namespace {

// Actor codes "[A <D] [B D1-D2] [C]" -> ActorCode. False with *why on a
// malformed block.
std::vector<ActorMember> ParseMembers(const std::string& s) {
  std::vector<ActorMember> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, '/')) {
    ActorMember m;
    size_t colon = part.find(':');
    m.actor = TrimBoth(colon == std::string::npos ? part : part.substr(0, colon));
    if (colon != std::string::npos) m.agent = TrimBoth(part.substr(colon + 1));
    out.push_back(m);
  }
  return out;
}

}  // namespace

bool ParseActorCode(std::string s, ActorCode* out, std::string* why) {
  out->blocks.clear();
  if (s.find('[') == std::string::npos) {
    ActorBlock b;
    b.members = ParseMembers(TrimBoth(s));
    out->blocks.push_back(b);
    return true;
  }
  // A single dated block gets a null default (TABARI's addNullString).
  size_t op = s.find_first_of("<>-");
  if (op != std::string::npos && op + 1 < s.size() && IsDigit(s[op + 1])) {
    size_t rb = s.find(']');
    if (rb != std::string::npos && s.find('[', rb) == std::string::npos) s += " [---]";
  }
  std::vector<std::string> blocks;
  for (size_t p = s.find('['); p != std::string::npos; p = s.find('[', p + 1)) {
    size_t e = s.find(']', p);
    if (e == std::string::npos) {
      *why = "missing right-bracket ]";
      return false;
    }
    std::string inner = TrimBoth(s.substr(p + 1, e - p - 1));
    if (inner.empty()) {
      *why = "no code specified between [...]";
      return false;
    }
    blocks.push_back(inner);
  }
  for (const std::string& inner : blocks) {
    ActorBlock b;
    size_t lt = inner.find('<'), gt = inner.find('>');
    auto digits_after = [&](size_t at) {
      size_t i = at;
      while (i < inner.size() && !IsDigit(inner[i])) ++i;
      size_t j = i;
      while (j < inner.size() && IsDigit(inner[j])) ++j;
      return inner.substr(i, j - i);
    };
    if (lt != std::string::npos || gt != std::string::npos) {
      size_t at = lt != std::string::npos ? lt : gt;
      b.kind = lt != std::string::npos ? ActorBlock::kBefore : ActorBlock::kAfter;
      std::string code = TrimBoth(inner.substr(0, at));
      if (code.empty()) {
        *why = "no code before the date in '" + inner + "'";
        return false;
      }
      b.from = TabariDate(digits_after(at + 1));
      if (!b.from) {
        *why = "bad date in '" + inner + "'";
        return false;
      }
      b.members = ParseMembers(code);
    } else {
      // "CODE D1-D2" (the '-' not part of a "---" code)
      size_t dash = inner.find('-');
      if (dash != std::string::npos && inner.compare(dash, 3, "---") == 0) dash = inner.find('-', dash + 3);
      if (dash != std::string::npos) {
        size_t i = dash;
        while (i > 0 && inner[i - 1] == ' ') --i;
        size_t j = i;
        while (j > 0 && IsDigit(inner[j - 1])) --j;
        if (j == 0 || inner[j - 1] != ' ') {
          *why = "no code before the dates in '" + inner + "'";
          return false;
        }
        b.kind = ActorBlock::kRange;
        b.from = TabariDate(inner.substr(j, i - j));
        b.to = TabariDate(digits_after(dash + 1));
        if (!b.from || !b.to) {
          *why = "bad date in '" + inner + "'";
          return false;
        }
        b.members = ParseMembers(TrimBoth(inner.substr(0, j - 1)));
      } else {
        b.members = ParseMembers(inner);
      }
    }
    out->blocks.push_back(b);
  }
  return true;
}

}  // namespace dyad::tabari
