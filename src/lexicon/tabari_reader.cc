// The per-file readers of TABARI dictionaries: actors, agents, verbs (with
// their patterns, time words and synsets) and options files, each read
// line by line as TABARI does (see tabari_dict.h).
#include "lexicon/tabari_dict_internal.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <string>

namespace dyad::tabari {

void Reader::FinishActorCodes() {
  if (!need_codes_) return;
  need_codes_ = false;
  std::string why;
  Entry& e = d_->entries[pending_entry_];
  if (date_blocks_.empty() || !ParseActorCode(date_blocks_, &e.actor, &why)) {
    Problem(why.empty() ? "actor has no code" : why);
    e.actor.blocks.clear();
  }
  e.has_code = !e.actor.blocks.empty();
  date_blocks_.clear();
}

void Reader::Words(const char* end_tag, WordType type) {
  Line ln;
  while (NextLine(true, false, &ln)) {
    if (ln.phrase.find(end_tag) != std::string::npos) return;
    Phrase p;
    if (!NewRoot(ln.phrase, &p)) continue;
    AddEntry(Entry{}, p, type, ln.phrase);
  }
  Problem(std::string("no ") + end_tag + " tag");
}

void Reader::Actors() {
  Line ln;
  while (NextLine(true, need_codes_, &ln)) {
    if (ln.phrase.find("<NOUN") != std::string::npos) {
      Words("</NOUN>", WordType::kNoun);
      continue;
    }
    if (ln.phrase.find("<ADJ") != std::string::npos) {
      Words("</ADJ", WordType::kAdjctv);
      continue;
    }
    if (!ln.phrase.empty() && ln.phrase[0] == '+') {  // synonym of the entry above
      Phrase p;
      if (!NewRoot(ln.phrase.substr(1), &p)) continue;
      if (pending_entry_ < 0) {
        Problem("synonym before any actor");
        continue;
      }
      AddRootTo(pending_entry_, p, WordType::kActor, ln.phrase.substr(1));
      continue;
    }
    if (ln.phrase.empty()) {  // a date block of the entry above
      date_blocks_ += ln.code + " ";
      continue;
    }
    FinishActorCodes();
    Phrase p;
    if (!NewRoot(ln.phrase, &p)) {
      pending_entry_ = -1;  // its synonyms go with it
      continue;
    }
    Entry e;
    e.origin = Where();
    int entry = AddEntry(e, p, WordType::kActor, ln.phrase);
    pending_entry_ = entry;
    if (ln.bracket) {
      std::string why2;
      Entry& en = d_->entries[entry];
      if (!ParseActorCode(ln.code, &en.actor, &why2)) {
        Problem(why2);
        en.actor.blocks.clear();
      }
      en.has_code = !en.actor.blocks.empty();
    } else {
      need_codes_ = true;
    }
  }
  FinishActorCodes();
}

void Reader::Agents() {
  Line ln;
  while (NextLine(false, false, &ln)) {
    if (ln.code.find('~') == std::string::npos) {
      Problem("an agent's code needs a '~'; skipped");
      continue;
    }
    Phrase p;
    if (!NewRoot(ln.phrase, &p)) continue;
    Entry e;
    size_t rb = ln.code.find(']');
    e.agent = TrimBoth(ln.code.substr(1, rb == std::string::npos ? std::string::npos : rb - 1));
    e.has_code = true;
    e.origin = Where();
    AddEntry(e, p, WordType::kAgent, ln.phrase);
  }
}

int Reader::AddPattern(int entry, const std::string& phrase, const std::string& code,
                       WordType kind) {
  Pattern pat;
  std::string why;
  if (!ParsePhrase(d_, phrase, false, &pat.phrase, &why)) {
    Problem(why);
    return -1;
  }
  int fixed = 0;
  PatternLength(phrase, &fixed, &pat.maxalt);
  pat.length = fixed + pat.maxalt;
  if (kind == WordType::kTime) pat.time = ParseTimeCode(code);
  else if (kind != WordType::kSynset) pat.code = ParseEventCode(code);
  pat.text = phrase;
  pat.origin = Where();
  int id = static_cast<int>(d_->patterns.size());
  d_->patterns.push_back(std::move(pat));
  // Inserted after every pattern at least as long (longest first, then file
  // order); as in TABARI, the new pattern's alternatives do not count here.
  std::vector<int>& list = d_->entries[entry].patterns;
  auto it = list.begin();
  while (it != list.end() && d_->patterns[*it].length >= fixed) ++it;
  list.insert(it, id);
  return id;
}

void Reader::Time() {
  d_->options.time_list = true;
  int entry = -1;
  Line ln;
  while (NextLine(false, false, &ln)) {
    if (ln.phrase.find("</TIME>") != std::string::npos) return;
    if (ln.phrase[0] == '-') {
      if (entry >= 0) AddPattern(entry, ln.phrase.substr(1), ln.code, WordType::kTime);
      continue;
    }
    Phrase p;
    std::string why;
    if (!ParsePhrase(d_, ln.phrase, false, &p, &why)) {
      Problem(why);
      entry = -1;
      continue;
    }
    Entry e;
    e.time = ParseTimeCode(ln.code);
    e.has_code = true;
    e.origin = Where();
    entry = AddEntry(e, p, WordType::kTime, ln.phrase);
  }
  Problem("no </TIME> tag");
}

void Reader::Synsets() {
  int entry = -1;
  std::string designator;
  Line ln;
  while (NextLine(true, false, &ln)) {
    std::string ph = Upper(ln.phrase);
    if (ph.find("</SYN") != std::string::npos) return;
    if (ph[0] != '+') {
      ph = TrimBoth(ph);
      Phrase p;
      std::string why;
      ParsePhrase(d_, ph, true, &p, &why);
      bool dup = false;
      if (const std::vector<int>* st = d_->Starting(d_->Find(ph))) {
        for (int r : *st) dup |= d_->roots[r].type == WordType::kSynset;
      }
      if (dup) {
        Problem("synset " + ph + " is declared twice; skipped");
        entry = -1;
        continue;
      }
      Entry e;
      e.origin = Where();
      entry = AddEntry(e, p, WordType::kSynset, ph);
      designator = ph;
      continue;
    }
    if (entry < 0) continue;
    if (ph.find(designator) != std::string::npos) {
      Problem("synset designator used in one of its own members");
      continue;
    }
    AddPattern(entry, ph.substr(1), "", WordType::kSynset);
  }
  Problem("no </SYNSETS> tag");
}

void Reader::Verbs() {
  int entry = -1;
  bool skip = false;
  Line ln;
  while (NextLine(false, false, &ln)) {
    if (ln.phrase.find("<TIME>") != std::string::npos) {
      Time();
      continue;
    }
    if (ln.phrase.find("<ATTRIB") != std::string::npos) {
      // Attribution phrases are not used by this coder; skip the section.
      std::string raw;
      while (Next(&raw) && Upper(raw).find("</ATTRIB") == std::string::npos) {
      }
      continue;
    }
    if (ln.phrase.find("<SYN") != std::string::npos) {
      Synsets();
      continue;
    }
    if (ln.phrase[0] == '-') {
      if (ln.phrase.find('*') == std::string::npos) {
        Problem("no verb marker '*' in the pattern");
        continue;
      }
      if (entry < 0) {
        Problem("pattern before any verb");
        continue;
      }
      if (!skip) AddPattern(entry, ln.phrase.substr(1), ln.code, WordType::kVerb);
      continue;
    }
    std::string ph = TrimBoth(ln.phrase);
    if (ph[0] == '{') {  // forms of the verb above: { BROKE_ BROKEN_ }
      if (skip || entry < 0) continue;
      std::stringstream ss(ph.substr(1));
      std::string form;
      while (ss >> form) {
        if (form == "}") break;
        if (form.back() == '}') form.pop_back();
        Phrase p;
        if (!NewRoot(form, &p, "verb form ", "is already in the dictionary")) break;
        AddRootTo(entry, p, WordType::kVerb, form);
      }
      continue;
    }
    Phrase p;
    if (!NewRoot(ln.phrase, &p, "verb ", "is already in the dictionary; it and its patterns are skipped")) {
      skip = true;
      continue;
    }
    Entry e;
    e.event = ParseEventCode(ln.code);
    e.has_code = true;
    e.origin = Where();
    entry = AddEntry(e, p, WordType::kVerb, ln.phrase);
    skip = false;
  }
}

void Reader::OptionsFile() {
  std::string raw;
  while (Next(&raw)) {
    std::string why;
    if (!ApplyOption(raw, &d_->options, &why) && !why.empty()) Problem(why);
  }
}

}  // namespace dyad::tabari
