// dyad validate on a TABARI project: reading the project, its records and
// their expectations (shared with validate_main.cc), and coding it with
// TABARI's algorithm (see validate.h).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/validate.h"
#include "code/tabari_coder.h"
#include "lexicon/tabari_dict.h"
#include "text/strings.h"

namespace dyad::cli {
namespace {

std::string Trim(std::string_view s) { return std::string(text::TrimSpace(s)); }

}  // namespace

bool ReadTabariProject(const std::string& project, const std::vector<std::string>& dict_dirs,
                       TabariProject* p, std::vector<std::string>* errors) {
  std::ifstream in(project);
  if (!in) {
    errors->push_back(project + ": cannot open file");
    return false;
  }
  const std::string base = std::filesystem::path(project).parent_path().string();
  std::string line;
  while (std::getline(in, line)) {
    for (const char* key : {"<actorsfile>", "<verbsfile>", "<agentsfile>", "<optionsfile>", "<textfile>"}) {
      if (line.rfind(key, 0) != 0) continue;
      std::string name = Trim(line.substr(std::string(key).size()));
      std::string found = FindSuiteFile(name, base, dict_dirs);
      if (found.empty()) {
        errors->push_back(project + ": " + name + ": file not found");
        continue;
      }
      if (std::string(key) == "<textfile>") p->text_file = found;
      else p->dicts.push_back(found);
    }
  }
  if (p->text_file.empty()) {
    errors->push_back(project + ": no <textfile>");
    return false;
  }
  std::ifstream tin(p->text_file);
  if (!tin) {
    errors->push_back(p->text_file + ": cannot open file");
    return false;
  }
  while (std::getline(tin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    p->lines.push_back(line);
  }
  return true;
}

bool NextTabariRecord(const TabariProject& p, bool yyyy, size_t* i, TabariRecord* r) {
  const std::vector<std::string>& lines = p.lines;
  while (*i < lines.size() &&
         (lines[*i].empty() || !std::isdigit(static_cast<unsigned char>(lines[*i][0])))) {
    ++*i;
  }
  if (*i >= lines.size()) return false;
  const std::string& h = lines[*i];
  const size_t dlen = yyyy ? 8 : 6;
  *r = TabariRecord();
  r->origin = p.text_file + ":" + std::to_string(*i + 1);
  r->date_text = h.substr(0, std::min(dlen, h.size()));
  r->date = tabari::TabariDate(r->date_text);
  r->id_field = h.size() > dlen ? h.substr(dlen) : "";
  size_t j = *i + 1;
  for (; j < lines.size() && !lines[j].empty(); ++j) {
    r->text += lines[j];
    if (r->text.back() != ' ') r->text += ' ';
  }
  *i = j;
  if (Trim(r->text).rfind("This is the end of the standard validation records", 0) == 0) return false;
  r->id = Trim(r->id_field);
  // The category is the id's prefix, from its first word that begins with a
  // letter (a few ids read with extra digits: "1  ACTORSYN-01").
  std::stringstream words(r->id);
  std::string w;
  while (words >> w) {
    if (std::isalpha(static_cast<unsigned char>(w[0]))) {
      r->category = w.substr(0, w.find('-'));
      break;
    }
  }
  size_t cut = r->text.find("/*");
  r->sentence = Trim(cut == std::string::npos ? r->text : r->text.substr(0, cut));
  return true;
}

TabariExpectation ReadTabariExpectation(const std::string& text) {
  TabariExpectation x;
  size_t c = text.find("/*");
  if (c == std::string::npos) return x;
  std::string rest = text.substr(c + 2);
  // OPTION: commands run to the next '}' (or the end: some are not closed).
  for (size_t p = rest.find("OPTION:"); p != std::string::npos; p = rest.find("OPTION:", p + 7)) {
    size_t e = rest.find('}', p);
    x.options.push_back(Trim(rest.substr(p + 7, e == std::string::npos ? std::string::npos : e - p - 7)));
  }
  if (!x.options.empty()) return x;
  for (size_t p = 0; (p = rest.find('{', p)) != std::string::npos;) {
    size_t e = rest.find('}', p);
    if (e == std::string::npos) break;
    bool dash = p > 0 && rest[p - 1] == '-';
    std::string inner = Trim(rest.substr(p + 1, e - p - 1));
    p = e + 1;
    x.has = true;
    if (dash) {  // "-{...}": what follows is not checked
      x.partial = true;
      break;
    }
    if (inner.empty() || inner == "---" || inner == "+++") {
      x.noevents = true;
      continue;
    }
    if (inner == "###") {
      x.error = "discard";
      continue;
    }
    std::vector<std::string> parts;
    std::stringstream ss(inner);
    std::string part;
    while (std::getline(ss, part, '/')) parts.push_back(Trim(part));
    if (parts.size() != 3) {
      x.bad.push_back(inner);
      continue;
    }
    x.events.emplace_back(parts[0], parts[1], parts[2]);
  }
  return x;
}

bool CodeTabariProject(const std::string& project, const TabariRunOptions& opt,
                       std::vector<ValidateOutcome>* out, std::vector<std::string>* files,
                       std::vector<std::string>* problems, std::vector<std::string>* errors) {
  TabariProject project_files;
  if (!ReadTabariProject(project, opt.dict_dirs, &project_files, errors)) return false;
  std::vector<std::string> dicts = opt.dicts.empty() ? project_files.dicts : opt.dicts;
  auto dict = std::make_shared<tabari::Dictionary>();
  if (!tabari::LoadDictionary(dicts, dict.get(), problems)) {
    errors->push_back(project + ": a dictionary cannot be read");
    return false;
  }
  *files = dicts;
  tabari::Session session(dict);

  TabariRecord rec;
  for (size_t i = 0; NextTabariRecord(project_files, session.options().yyyy, &i, &rec);) {
    if (!rec.date) {
      errors->push_back(rec.origin + ": bad date '" + rec.date_text + "'; record skipped");
      continue;
    }
    const std::string& origin = rec.origin;
    const std::string& text = rec.text;
    ValidateOutcome o;
    o.id = rec.id;
    o.category = rec.category;
    o.text = rec.sentence;
    TabariExpectation x = ReadTabariExpectation(text);
    for (const std::string& b : x.bad) {
      errors->push_back(origin + ": expectation '{" + b + "}' is not { S / T / C }");
    }
    tabari::RecordResult r;
    session.Code(text, rec.date, rec.id_field, opt.trace, &r);
    if (!x.options.empty()) {  // a command record: applies to the records after it
      for (const std::string& cmd : x.options) {
        std::string why;
        if (!tabari::ApplyOption(cmd, &session.options(), &why)) errors->push_back(origin + ": " + why);
      }
      continue;
    }
    if (!x.has) {  // coded all the same: the session remembers what it read
      errors->push_back(origin + ": record \"" + text::PrintableForMessage(rec.id) +
                        "\" has no expectation; not checked");
      o.unchecked = true;
      out->push_back(std::move(o));
      continue;
    }
    for (const auto& [s, tg, c] : x.events) o.want.insert({s, tg, c});
    o.error = x.error;
    o.partial = x.partial;
    o.none_ok = !x.events.empty() && (x.noevents || !x.error.empty());
    for (const tabari::CodedEvent& e : r.events) o.got.insert({e.source, e.target, e.code});
    if (opt.trace) {
      o.trace = r.trace;
      for (const tabari::CodedEvent& e : r.events) {
        o.trace += "event " + e.source + ">" + e.target + ":" + e.code + " verb '" + e.verb_text + "'" +
                   (e.pattern.empty() ? "" : " pattern '" + e.pattern + "'") + " " + e.origin + "\n";
      }
    }
    out->push_back(std::move(o));
  }
  return true;
}

}  // namespace dyad::cli
