// dyad validate: run another coder's validation suite with its own dictionaries.
//
//   dyad validate PETR.UnitTest.records.xml          (PETRARCH validation records)
//   dyad validate Validate.project                   (TABARI validation project)
//
// The suite's dictionaries (named in <Environment> or the .project) are
// translated by src/lexicon/compat and replace dyad's defaults; a TABARI
// project under the TABARI semantics is instead coded with TABARI's own
// algorithm on its files (validate_tabari.cc). A record
// passes when the set of (source, target, code) events dyad gives equals the
// expected set (no events for noevents and error records); the looser
// figure counts records whose expected events were all found, extras
// ignored. The last line is always "N passed, M failed".
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "cli/common.h"
#include "cli/validate.h"
#include "dyad/coder.h"
#include "io/petrarch_xml.h"
#include "lexicon/compat.h"
#include "text/strings.h"

namespace dyad::cli {
namespace {
namespace fs = std::filesystem;

struct ValidateArgs {
  std::string file;
  std::vector<std::string> dict_dirs;
  std::string dict_format;
  std::vector<std::string> dicts;
  bool failures_only = false;
  bool quiet = false;
  bool trace = false;
  bool dump = false;
  std::string semantics;  // "" = the suite's own coder (tabari or petrarch)
  double min_pass = -1;
  double min_loose = -1;
};

struct Suite {
  compat::DictFormat format = compat::DictFormat::kPetrarch;
  std::vector<std::string> dict_files;
  std::vector<io::PetrarchRecord> records;
  // TABARI projects: for each record, how TABARI's validation checks it.
  struct Checking {
    bool partial = false, none_ok = false;  // see ValidateOutcome
  };
  std::vector<Checking> checking;
  std::vector<std::string> include;
};

// A TABARI project coded by dyad's Coder on the translated dictionaries
// (--semantics dyad|petrarch): its records as TABARI's validation mode reads
// them, with the checking flags of their expectations in `checking`.
bool ReadTabariSuite(const std::string& path, const ValidateArgs& a, Suite* suite,
                     std::vector<std::string>* errors) {
  TabariProject project;
  if (!ReadTabariProject(path, a.dict_dirs, &project, errors)) return false;
  suite->dict_files = project.dicts;
  std::vector<std::pair<std::string, std::string>> pending;  // TABARI options not yet applied
  bool yyyy = false;
  TabariRecord rec;
  for (size_t i = 0; NextTabariRecord(project, yyyy, &i, &rec);) {
    if (!rec.date) {
      errors->push_back(rec.origin + ": bad date '" + rec.date_text + "'; record skipped");
      continue;
    }
    TabariExpectation x = ReadTabariExpectation(rec.text);
    for (const std::string& b : x.bad) {
      errors->push_back(rec.origin + ": expectation '{" + b + "}' is not { S / T / C }");
    }
    if (!x.options.empty()) {  // a command record: applies to the records after it
      for (std::string cmd : x.options) {
        std::transform(cmd.begin(), cmd.end(), cmd.begin(), ::toupper);
        bool on = cmd.find("TRUE") != std::string::npos;
        // Of the options only these change how dyad's Coder reads a record.
        if (cmd.find("CONVERT AGENT") != std::string::npos) {
          pending.push_back({"convert_agent", on ? "true" : "false"});
        }
        if (cmd.find("YYYY") != std::string::npos) yyyy = on;
      }
      continue;
    }
    io::PetrarchRecord r;
    r.story.id = rec.id;
    char date[16];
    snprintf(date, sizeof date, "%04d-%02d-%02d", rec.date / 10000, rec.date / 100 % 100,
             rec.date % 100);
    r.story.date = date;
    r.story.origin = rec.origin;
    r.story.text = rec.sentence;
    r.category = rec.category;
    r.has_expectation = x.has;
    r.error = x.error;
    for (const auto& [s, t, c] : x.events) r.expected.push_back({s, t, c});
    r.noevents = r.expected.empty();
    r.config = std::move(pending);  // options given since the last record
    pending.clear();
    suite->records.push_back(std::move(r));
    suite->checking.push_back({x.partial, !x.events.empty() && (x.noevents || !x.error.empty())});
  }
  suite->format = compat::DictFormat::kTabari;
  return true;
}

bool ReadPetrarchSuite(const std::string& path, const ValidateArgs& a, Suite* suite,
                       std::vector<std::string>* errors) {
  io::PetrarchFile f;
  Status st = io::ReadPetrarchXml(path, &f, [&](const std::string& m) { errors->push_back(m); });
  if (!st.ok()) {
    errors->push_back(st.message());
    return false;
  }
  fs::path base = fs::path(path).parent_path();
  for (const char* key : {"Actorfile", "Agentfile", "Discardfile", "Verbfile"}) {
    auto it = f.environment.find(key);
    if (it == f.environment.end()) continue;
    for (const std::string& name : it->second) {
      std::string found = FindSuiteFile(name, base.string(), a.dict_dirs);
      if (found.empty()) {
        errors->push_back(path + ": <" + key + "> " + name +
                          ": file not found (use --dict-dir DIR to say where)");
        continue;
      }
      suite->dict_files.push_back(found);
    }
  }
  suite->include = f.include;
  suite->records = std::move(f.records);
  suite->format = compat::DictFormat::kPetrarch;
  return true;
}

std::string Show(const std::set<Triple>& s) {
  if (s.empty()) return "(none)";
  std::string out;
  for (const auto& [src, tgt, code] : s) {
    out += (out.empty() ? "" : " ") + src + ">" + tgt + ":" + code;
  }
  return out;
}

// Prints PASS/FAIL lines, the per-category table and the totals; returns
// the exit status (--min-pass / --min-found).
int Report(const ValidateArgs& a, const std::vector<ValidateOutcome>& outcomes, int excluded) {
  struct Tally {
    int pass = 0, fail = 0, loose = 0;
  };
  std::map<std::string, Tally> by_cat;
  Tally all;
  int unchecked = 0;
  for (const ValidateOutcome& o : outcomes) {
    if (o.unchecked) {
      ++unchecked;
      continue;
    }
    bool pass, loose;
    bool found = std::includes(o.got.begin(), o.got.end(), o.want.begin(), o.want.end());
    if (!o.problem.empty()) {
      pass = loose = false;
    } else if (o.partial) {
      pass = loose = found;
    } else if (o.want.empty()) {
      pass = loose = o.got.empty();
    } else {
      pass = o.got == o.want || (o.none_ok && o.got.empty());
      loose = found || pass;
    }
    Tally& t = by_cat[o.category.empty() ? "(none)" : o.category];
    (pass ? t.pass : t.fail)++;
    (pass ? all.pass : all.fail)++;
    if (loose) ++t.loose, ++all.loose;
    if (!a.quiet && (!pass || !a.failures_only)) {
      std::string exp = o.want.empty() ? (o.error.empty() ? "no events" : "no events (" + o.error + ")")
                                       : Show(o.want);
      if (o.partial) exp += o.want.empty() ? " (not checked)" : " (and more not checked)";
      else if (o.none_ok) exp += " (or none)";
      if (!o.problem.empty()) {
        std::cout << "FAIL " << o.id << ": " << o.problem << "\n";
        continue;
      }
      std::cout << (pass ? "PASS " : "FAIL ") << o.id << ": expected " << exp << " got " << Show(o.got)
                << "\n";
      if (a.trace && !pass) std::cout << "  text: " << o.text << "\n" << o.trace;
    }
  }
  if (excluded) {
    std::cout << "records of categories outside <Include> (not run): " << excluded << "\n";
  }
  if (unchecked) {
    std::cout << "records with no expectation (not checked, not counted): " << unchecked << "\n";
  }
  std::cout << "category  passed  failed  expected-found\n";
  for (const auto& [cat, t] : by_cat) {
    std::cout << cat << "  " << t.pass << "  " << t.fail << "  " << t.loose << "\n";
  }
  int n = all.pass + all.fail;
  auto pct = [&](int k) { return n ? 100.0 * k / n : 0.0; };
  char buf[200];
  snprintf(buf, sizeof buf, "exact %.1f%% (%d/%d), expected events found %.1f%% (%d/%d)\n",
           pct(all.pass), all.pass, n, pct(all.loose), all.loose, n);
  std::cout << buf;
  std::cout << all.pass << " passed, " << all.fail << " failed\n";
  std::cout.flush();
  bool fail = false;
  if (a.min_pass >= 0 && (n == 0 || static_cast<double>(all.pass) / n < a.min_pass)) {
    std::cerr << "dyad validate: pass rate " << pct(all.pass) / 100 << " is below " << a.min_pass
              << "\n";
    fail = true;
  }
  if (a.min_loose >= 0 && (n == 0 || static_cast<double>(all.loose) / n < a.min_loose)) {
    std::cerr << "dyad validate: expected-found rate " << pct(all.loose) / 100 << " is below "
              << a.min_loose << "\n";
    fail = true;
  }
  return fail ? kExitBadInput : kExitOk;
}

// A TABARI project under the TABARI semantics: TABARI's own algorithm on its
// own dictionaries (src/code/tabari_coder).
int RunTabariValidate(const ValidateArgs& a) {
  TabariRunOptions opt;
  opt.dict_dirs = a.dict_dirs;
  opt.dicts = a.dicts;
  opt.trace = a.trace;
  std::vector<ValidateOutcome> outcomes;
  std::vector<std::string> files, problems, errors;
  bool ok = CodeTabariProject(a.file, opt, &outcomes, &files, &problems, &errors);
  for (const std::string& e : errors) std::cerr << e << "\n";
  if (!ok) return kExitUsage;
  std::cerr << "dyad validate: TABARI's algorithm (--semantics tabari) on";
  for (const std::string& f : files) std::cerr << " " << f;
  std::cerr << "\n";
  if (!problems.empty()) {
    std::cerr << "dyad validate: " << problems.size() << " dictionary lines skipped";
    if (a.trace) {
      std::cerr << ":\n";
      for (const std::string& p : problems) std::cerr << "  " << p << "\n";
    } else {
      std::cerr << " (--trace lists them)\n";
    }
  }
  return Report(a, outcomes, 0);
}

int RunValidate(const ValidateArgs& a) {
  Suite suite;
  std::vector<std::string> errors;
  bool tabari = a.file.size() > 8 && a.file.compare(a.file.size() - 8, 8, ".project") == 0;
  if (tabari && !a.dump && (a.dict_format.empty() || a.dict_format == "tabari") &&
      (a.semantics.empty() || a.semantics == "tabari")) {
    return RunTabariValidate(a);
  }
  bool ok = tabari ? ReadTabariSuite(a.file, a, &suite, &errors)
                   : ReadPetrarchSuite(a.file, a, &suite, &errors);
  for (const std::string& e : errors) std::cerr << e << "\n";
  if (!ok) return kExitUsage;
  if (!a.dict_format.empty()) {
    if (!compat::ParseDictFormat(a.dict_format, &suite.format)) {
      std::cerr << "dyad validate: unknown --dict-format '" << a.dict_format << "'\n";
      return kExitUsage;
    }
  }
  if (!a.dicts.empty()) suite.dict_files = a.dicts;
  if (suite.dict_files.empty()) {
    std::cerr << "dyad validate: no dictionaries (the suite names none that exist; use --dict)\n";
    return kExitUsage;
  }
  compat::CompatLexicon cl;
  Status st = compat::LoadCompat(suite.format, suite.dict_files, &cl);
  if (!st.ok()) {
    std::cerr << "dyad validate: " << st.message() << "\n";
    return kExitUsage;
  }
  auto problems = cl.AllProblems();
  std::cerr << "dyad validate: dictionaries";
  for (const auto& f : cl.dict.files) std::cerr << " " << f;
  std::cerr << "\n";
  if (!problems.empty()) {
    std::cerr << "dyad validate: " << problems.size()
              << " dictionary lines skipped (see: dyad check-dict --dict-format)\n";
  }
  std::set<std::string> include(suite.include.begin(), suite.include.end());
  bool filter = !include.empty();
  std::set<std::string> unsupported;
  if (a.dump) {
    for (size_t i = 0; i < cl.dict.sources.size(); ++i) {
      std::cout << "# ---- " << cl.dict.sources[i].name << "\n" << cl.dict.sources[i].text;
    }
    for (const auto& p : problems) std::cerr << p << "\n";
    return kExitOk;
  }
  CoderOptions copt;
  copt.trace = a.trace;
  copt.semantics = suite.format == compat::DictFormat::kTabari ? Semantics::kTabari
                                                                : Semantics::kPetrarch;
  if (!a.semantics.empty() && !ParseSemantics(a.semantics, &copt.semantics)) {
    std::cerr << "dyad validate: unknown --semantics '" << a.semantics << "' (tabari, petrarch, dyad)\n";
    return kExitUsage;
  }
  auto coder = std::make_unique<Coder>(cl.lex, copt);
  std::vector<ValidateOutcome> outcomes;
  int excluded = 0;
  for (size_t ri = 0; ri < suite.records.size(); ++ri) {
    const io::PetrarchRecord& r = suite.records[ri];
    for (const auto& [opt, value] : r.config) {
      std::string v = value;
      std::transform(v.begin(), v.end(), v.begin(), ::tolower);
      if (opt == "require_dyad") {
        copt.require_target = v == "true";
        coder = std::make_unique<Coder>(cl.lex, copt);
      } else if (opt == "new_actor_length") {
        copt.new_actor_length = std::atoi(v.c_str());
        coder = std::make_unique<Coder>(cl.lex, copt);
      } else if (opt == "convert_agent") {
        copt.anonymous_agents = v == "true";
        coder = std::make_unique<Coder>(cl.lex, copt);
      } else {
        unsupported.insert(opt);
      }
    }
    if (!r.evaluate) continue;
    if (filter && !include.count(r.category) && !r.category.empty()) {
      ++excluded;
      continue;
    }
    if (!tabari && r.story.text.empty()) {
      // Reported by the reader; coding nothing would pass a noevents record.
      ValidateOutcome o;
      o.id = r.story.id;
      o.category = r.category;
      o.problem = "no <Text>";
      outcomes.push_back(std::move(o));
      continue;
    }
    if (!r.has_expectation) {
      // Nothing to compare with: coding nothing would pass it as "no events".
      std::cerr << r.story.origin << ": record \"" << text::PrintableForMessage(r.story.id)
                << "\" has no expectation; not checked\n";
      ValidateOutcome o;
      o.id = r.story.id;
      o.unchecked = true;
      outcomes.push_back(std::move(o));
      continue;
    }
    std::vector<Event> events;
    CodeStats stats;
    std::string trace;
    // The suites join a name's words with '_' in text ("Dol_Amroth") as their
    // dictionaries do; dyad's tokenizer would split there, so read it as a space.
    Story story = r.story;
    std::replace(story.text.begin(), story.text.end(), '_', ' ');
    coder->CodeStory(story, &events, &stats, a.trace ? &trace : nullptr);
    ValidateOutcome o;
    o.id = r.story.id;
    o.category = r.category;
    o.text = r.story.text;
    o.error = r.error;
    o.trace = trace;
    for (const Event& e : events) {
      o.got.insert({e.source.code, e.target ? e.target->code : "---", cl.dict.OriginalCode(e.code)});
    }
    for (const auto& x : r.expected) o.want.insert({x.source, x.target, x.code});
    if (ri < suite.checking.size()) {
      o.partial = suite.checking[ri].partial;
      o.none_ok = suite.checking[ri].none_ok;
    }
    outcomes.push_back(std::move(o));
  }
  for (const std::string& u : unsupported) {
    std::cerr << "dyad validate: <Config option=\"" << u << "\"> is not supported; ignored\n";
  }
  return Report(a, outcomes, excluded);
}

}  // namespace

std::string FindSuiteFile(const std::string& name, const std::string& base,
                          const std::vector<std::string>& dirs) {
  std::error_code ec;
  if (fs::path(name).is_absolute() && fs::exists(name, ec)) return name;
  if (fs::exists(fs::path(base) / name, ec)) return (fs::path(base) / name).string();
  for (const std::string& d : dirs) {
    if (fs::exists(fs::path(d) / name, ec)) return (fs::path(d) / name).string();
  }
  return "";
}

RunFn AddValidateCommand(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Run a PETRARCH validation records file (XML) or a TABARI validation project (.project) "
      "with the suite's own dictionaries (translated; they replace dyad's). Prints PASS/FAIL "
      "per record, pass counts per category, and ends with 'N passed, M failed'. Exit 1 when "
      "--min-pass is not met.");
  cmd->add_option("file", args->file, "Validation file (.xml or .project)")->required();
  cmd->add_option("--dict-dir", args->dict_dirs,
                  "Folders to look for the dictionaries the suite names (after its own folder)");
  cmd->add_option("--dict-format", args->dict_format, "tabari or petrarch (default: from the file)");
  cmd->add_option("--dict", args->dicts, "Dictionary files to use instead of those the suite names");
  cmd->add_flag("--failures", args->failures_only, "List failing records only");
  cmd->add_flag("-q,--quiet", args->quiet, "No per-record lines");
  cmd->add_flag("--trace", args->trace, "Explain the failing records (dyad code --trace)");
  cmd->add_option("--semantics", args->semantics,
                  "tabari, petrarch or dyad (default: the suite's coder; see CoderOptions). A TABARI "
                  "project under tabari is coded with TABARI's algorithm on its own dictionaries; "
                  "dyad or petrarch run it through dyad's coder on the translated ones");
  cmd->add_flag("--dump-dict", args->dump, "Print the translated dictionaries and stop");
  cmd->add_option("--min-pass", args->min_pass, "Fail below this fraction of records passed");
  cmd->add_option("--min-found", args->min_loose,
                  "Fail below this fraction of records with all expected events found");
  return [args] { return RunValidate(*args); };
}

}  // namespace dyad::cli
