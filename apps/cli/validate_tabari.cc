// dyad validate on a TABARI project, coded with TABARI's algorithm (see validate.h).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/validate.h"
#include "code/tabari_coder.h"
#include "lexicon/tabari_dict.h"

namespace dyad::cli {
namespace {
namespace fs = std::filesystem;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string Find(const std::string& name, const fs::path& base, const std::vector<std::string>& dirs) {
  std::error_code ec;
  if (fs::path(name).is_absolute() && fs::exists(name, ec)) return name;
  if (fs::exists(base / name, ec)) return (base / name).string();
  for (const std::string& d : dirs) {
    if (fs::exists(fs::path(d) / name, ec)) return (fs::path(d) / name).string();
  }
  return "";
}

// The expectations and OPTION: commands of a record, read as TABARI's
// validation does: from the first '{' after "/*" to the end of the record
// (blocks after the closing "*/" count too).
struct Expectation {
  bool has = false, noevents = false, partial = false;
  std::string error;
  std::vector<Triple> events;
  std::vector<std::string> options;
  std::vector<std::string> bad;
};

Expectation ReadExpectation(const std::string& text) {
  Expectation x;
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

}  // namespace

bool CodeTabariProject(const std::string& project, const TabariRunOptions& opt,
                       std::vector<ValidateOutcome>* out, std::vector<std::string>* files,
                       std::vector<std::string>* problems, std::vector<std::string>* errors) {
  std::ifstream in(project);
  if (!in) {
    errors->push_back(project + ": cannot open file");
    return false;
  }
  fs::path base = fs::path(project).parent_path();
  std::string line, textfile;
  std::vector<std::string> dicts;
  while (std::getline(in, line)) {
    for (const char* key : {"<actorsfile>", "<verbsfile>", "<agentsfile>", "<optionsfile>", "<textfile>"}) {
      if (line.rfind(key, 0) != 0) continue;
      std::string name = Trim(line.substr(std::string(key).size()));
      std::string found = Find(name, base, opt.dict_dirs);
      if (found.empty()) {
        errors->push_back(project + ": " + name + ": file not found");
        continue;
      }
      if (std::string(key) == "<textfile>") textfile = found;
      else dicts.push_back(found);
    }
  }
  if (!opt.dicts.empty()) dicts = opt.dicts;
  if (textfile.empty()) {
    errors->push_back(project + ": no <textfile>");
    return false;
  }
  auto dict = std::make_shared<tabari::Dictionary>();
  if (!tabari::LoadDictionary(dicts, dict.get(), problems)) {
    errors->push_back(project + ": a dictionary cannot be read");
    return false;
  }
  *files = dicts;
  tabari::Session session(dict);

  std::ifstream tin(textfile);
  std::vector<std::string> lines;
  while (std::getline(tin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  // Records as TABARI reads them: a line that starts with a digit holds the
  // date and the id; the text runs to the next empty line.
  for (size_t i = 0; i < lines.size();) {
    const std::string& h = lines[i];
    if (h.empty() || !std::isdigit(static_cast<unsigned char>(h[0]))) {
      ++i;
      continue;
    }
    size_t dlen = session.options().yyyy ? 8 : 6;
    std::string origin = textfile + ":" + std::to_string(i + 1);
    int date = tabari::TabariDate(h.substr(0, std::min(dlen, h.size())));
    std::string id_field = h.size() > dlen ? h.substr(dlen) : "";
    std::string text;
    size_t j = i + 1;
    for (; j < lines.size() && !lines[j].empty(); ++j) {
      text += lines[j];
      if (text.back() != ' ') text += ' ';
    }
    i = j;
    if (Trim(text).rfind("This is the end of the standard validation records", 0) == 0) break;
    if (!date) {
      errors->push_back(origin + ": bad date '" + h.substr(0, dlen) + "'; record skipped");
      continue;
    }
    ValidateOutcome o;
    o.id = Trim(id_field);
    // The category is the id's prefix ("DEMO" of "DEMO-02"), from its first
    // word that begins with a letter (a few ids read with extra digits:
    // "1  ACTORSYN-01").
    std::stringstream words(o.id);
    std::string w, word;
    while (words >> w) {
      if (std::isalpha(static_cast<unsigned char>(w[0]))) {
        word = w;
        break;
      }
    }
    o.category = word.substr(0, word.find('-'));
    std::string t = text;
    size_t cut = t.find("/*");
    o.text = Trim(cut == std::string::npos ? t : t.substr(0, cut));
    Expectation x = ReadExpectation(text);
    for (const std::string& b : x.bad) {
      errors->push_back(origin + ": expectation '{" + b + "}' is not { S / T / C }");
    }
    tabari::RecordResult r;
    session.Code(text, date, id_field, opt.trace, &r);
    if (!x.options.empty()) {  // a command record: applies to the records after it
      for (const std::string& cmd : x.options) {
        std::string why;
        if (!tabari::ApplyOption(cmd, &session.options(), &why)) errors->push_back(origin + ": " + why);
      }
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
