// dyad eval: code a gold file and score the events against it.
//
// Gold format (one sentence a line): {"id","date","text","events":[{"source",
// "target","roots"}],"forbid":[...]}. An event matches a gold event when its
// source and target country (or known group: NAT->NATO, EEC->EU, UNO->UN,
// AFU->AU) are among the gold ones ("---" = no target) and its root is among
// the gold roots; each produced event matches at most one gold event. A gold
// event (or forbid) that names its `sentence` (stories) matches only events
// of that sentence or the one before or after it (splitters differ).
//
// Geolocation (gold events with `where`, ../shared/gold/geo-dev.jsonl): of
// the produced events that match a gold event with a `where`, the share
// whose location is right — a city within 30 km of the gold point or of the
// same name (or an `alt`) in its country; a first-level division in its
// country that names it or lies within 150 km; a country that is the same.
// A wrong or missing place in a sentence whose notes say TRAP is a trap hit.
#include <cmath>
#include <cstring>
#include <optional>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <cctype>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "dyad/coder.h"
#include "dyad/gazetteer.h"
#include "store/mention.h"
#include "lexicon/compat.h"

namespace dyad::cli {
namespace {

struct EvalArgs {
  std::string gold;
  std::vector<std::string> dict;
  bool no_default_dict = false;
  std::string dict_format;  // tabari | petrarch: --dict names foreign files
  std::string semantics = "dyad";  // dyad | tabari | petrarch (CoderOptions::semantics)
  bool verbose = false;
  bool breakdown = false;
  double min_f1 = -1;
  int max_forbidden = -1;
  double min_precision = -1, min_recall = -1;
  double min_location = -1;
  int max_trap_places = -1;
};

std::set<std::string> AsSet(const nlohmann::json& j) {
  std::set<std::string> out;
  if (j.is_string()) out.insert(j.get<std::string>());
  if (j.is_array()) {
    for (const auto& x : j) out.insert(x.get<std::string>());
  }
  return out;
}

// The scoring key of an actor ("---" for no target): the store's dyad key,
// which maps the known groups NAT, EEC, UNO, AFU to NATO, EU, UN, AU.
std::string Key(const Actor* a) { return a ? store::DyadKey(*a) : "---"; }

// A gold event's `where`: the place it happened.
struct GoldPlace {
  std::string name, country, admin1, type;  // type: city | admin1 | country
  std::vector<std::string> alt;
  std::optional<double> lat, lon;
};

struct GoldEvent {
  std::set<std::string> source, target, roots;
  std::string note;
  std::string first_root;  // the best of `roots`, for the breakdown
  int sentence = -1;       // stories: the sentence that holds the act
  std::optional<GoldPlace> where;
};

std::optional<GoldPlace> ReadWhere(const nlohmann::json& g) {
  auto it = g.find("where");
  if (it == g.end() || !it->is_object()) return std::nullopt;
  const nlohmann::json& w = *it;
  GoldPlace p;
  p.name = w.value("name", "");
  p.country = w.value("country", "");
  p.admin1 = w.value("admin1", "");
  p.type = w.value("type", "");
  if (w.contains("alt") && w["alt"].is_array()) {
    for (const auto& x : w["alt"]) {
      if (x.is_string()) p.alt.push_back(x.get<std::string>());
    }
  }
  if (w.contains("lat") && w["lat"].is_number()) p.lat = w["lat"].get<double>();
  if (w.contains("lon") && w["lon"].is_number()) p.lon = w["lon"].get<double>();
  return p;
}

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// A division's name without its generic word: "Kursk Oblast" -> "kursk".
std::string DivisionKey(const std::string& name) {
  std::string k = Gazetteer::Key(name);
  for (const char* suffix : {" oblast", " state", " province", " region", " governorate",
                             " department", " prefecture", " district", " territory", " county"}) {
    size_t n = strlen(suffix);
    if (k.size() > n && k.compare(k.size() - n, n, suffix) == 0) k.erase(k.size() - n);
  }
  return k;
}

// Whether location `l` is the gold place `g` (the rules above).
bool PlaceMatches(const GoldPlace& g, const std::optional<EventLocation>& l) {
  if (!l || l->country != g.country) return false;
  bool point = l->lat && l->lon && g.lat && g.lon;
  double km = point ? Km(*l->lat, *l->lon, *g.lat, *g.lon) : 1e9;
  if (g.type == "country") return true;
  if (l->type == "country") return false;  // a country is not where in it
  if (g.type == "city") {
    if (l->type == "city" && km <= 30) return true;
    std::string name = Gazetteer::Key(l->name);
    if (l->type == "city" && name == Gazetteer::Key(g.name)) return true;
    for (const std::string& a : g.alt) {
      if (l->type == "city" && name == Gazetteer::Key(a)) return true;
    }
    return false;
  }
  // admin1
  if (km <= 150) return true;
  std::string want = DivisionKey(g.name);
  std::string have = DivisionKey(l->type == "admin1" ? l->name : l->admin1);
  if (!have.empty() && (have == want || have == DivisionKey(g.admin1))) return true;
  for (const std::string& a : g.alt) {
    if (!have.empty() && have == DivisionKey(a)) return true;
  }
  return false;
}

std::string Describe(const std::optional<EventLocation>& l) {
  if (!l) return "no location";
  return l->name + " (" + l->country + ", " + l->type + ", " + l->how + ")";
}

bool Matches(const GoldEvent& g, const Event& e) {
  std::string s = Key(&e.source), t = Key(e.target ? &*e.target : nullptr);
  if (g.sentence >= 0 && std::abs(g.sentence - e.sentence) > 1) return false;
  return g.source.count(s) && g.target.count(t) && g.roots.count(e.root);
}

// Phenomena a gold note may name (docs/ACCURACY.md): each is counted where a
// note of the sentence contains one of its spellings.
const std::vector<std::pair<std::string, std::vector<std::string>>>& Phenomena() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> k = {
      {"passive", {"passive"}},
      {"by-agent", {"by-agent"}},
      {"nominal", {"nominal"}},
      {"light verb", {"light verb", "light-verb"}},
      {"attribution", {"attribution"}},
      {"quote", {"quote"}},
      {"conjoined", {"conjoined", "coordinated", "compound"}},
      {"participial", {"participial"}},
      {"relative", {"relative"}},
      {"appositive", {"appositive", "apposition"}},
      {"fronted", {"fronted"}},
      {"metonym", {"metonym", "capital"}},
      {"demonym", {"demonym"}},
      {"possessive", {"possessive"}},
      {"pronoun", {"pronoun", "coreference", "antecedent"}},
      {"both directions", {"both directions", "two-sided", "mutual", "reciprocal"}},
      {"domestic", {"domestic"}},
      {"MT", {"machine-translated", "mt "}},
      {"historical", {"historical", "background", "anniversary"}},
      {"negated", {"negated", "negation", "denied", "deny"}},
      {"conditional", {"conditional", "hypothetical", "if "}},
      {"future", {"future", "not yet", "planned", "intent"}},
      {"reported", {"reported", "alleged", "claim"}},
  };
  return k;
}

struct Tally {
  int gold = 0, matched_gold = 0, produced = 0, matched_produced = 0, forbidden = 0;
};

void PrintTally(const std::string& name, const Tally& t) {
  double r = t.gold ? static_cast<double>(t.matched_gold) / t.gold : 0;
  double p = t.produced ? static_cast<double>(t.matched_produced) / t.produced : 0;
  printf("  %-16s gold %4d recall %5.3f | produced %4d precision %5.3f | forbidden %d\n",
         name.c_str(), t.gold, t.gold ? r : 0.0, t.produced, t.produced ? p : 0.0, t.forbidden);
}

std::string Describe(const Event& e) {
  return Key(&e.source) + ">" + Key(e.target ? &*e.target : nullptr) + ":" + e.code + " (" +
         e.source.code + " -> " + (e.target ? e.target->code : "---") + ", '" + e.trigger + "')";
}

std::string Describe(const GoldEvent& g) {
  auto join = [](const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : "/") + x;
    return out;
  };
  return join(g.source) + ">" + join(g.target) + ":" + join(g.roots);
}

int RunEval(const EvalArgs& a) {
  std::ifstream in(a.gold);
  if (!in) {
    std::cerr << "dyad eval: " << a.gold << ": cannot open file\n";
    return kExitUsage;
  }
  std::shared_ptr<const Lexicon> lex;
  compat::CompatLexicon cl;
  compat::DictFormat df;
  if (!a.dict_format.empty()) {
    Status st = compat::ParseDictFormat(a.dict_format, &df) ? compat::LoadCompat(df, a.dict, &cl)
                : Status::InvalidArgument("unknown --dict-format '" + a.dict_format + "'");
    if (!st.ok()) {
      std::cerr << "dyad eval: " << st.message() << "\n";
      return kExitUsage;
    }
    lex = cl.lex;
  } else {
    lex = LoadLexiconOrComplain(DictLayers(a.dict, a.no_default_dict));
  }
  if (!lex) return kExitUsage;
  CoderOptions copt;
  copt.tabari = cl.tabari;
  if (!ParseSemantics(a.semantics, &copt.semantics)) {
    std::cerr << "dyad eval: unknown --semantics '" << a.semantics << "' (dyad, tabari, petrarch)\n";
    return kExitUsage;
  }
  Coder coder(lex, copt);
  std::string line;
  int lineno = 0, sentences = 0, bad = 0;
  int gold_total = 0, produced = 0, matched = 0, forbidden = 0;
  int located = 0, located_right = 0, trap_places = 0;  // gold with `where`
  std::map<std::string, Tally> by_root, by_phenomenon;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      std::cerr << a.gold << ":" << lineno << ": malformed JSON\n";
      ++bad;
      continue;
    }
    Story s;
    s.id = j.value("id", std::to_string(lineno));
    s.date = j.value("date", "");
    s.text = j.value("text", "");
    ++sentences;
    std::vector<GoldEvent> gold, forbid;
    for (const char* key : {"events", "forbid"}) {
      for (const auto& g : j.value(key, nlohmann::json::array())) {
        GoldEvent ge{AsSet(g["source"]), AsSet(g["target"]), AsSet(g["roots"]),
                     g.value("note", ""), "", g.value("sentence", -1), ReadWhere(g)};
        if (g["roots"].is_array() && !g["roots"].empty()) {
          ge.first_root = g["roots"][0].get<std::string>();
        } else if (g["roots"].is_string()) {
          ge.first_root = g["roots"].get<std::string>();
        }
        (std::string(key) == "events" ? gold : forbid).push_back(ge);
      }
    }
    gold_total += static_cast<int>(gold.size());
    std::vector<Event> events;
    coder.CodeStory(s, &events, nullptr);
    produced += static_cast<int>(events.size());
    std::vector<bool> used(gold.size(), false);
    std::vector<std::string> lines;
    // The phenomena this sentence's notes name.
    std::set<std::string> phenomena;
    for (const auto* list : {&gold, &forbid}) {
      for (const GoldEvent& g : *list) {
        std::string note = g.note + " ";
        for (char& c : note) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const auto& [name, spellings] : Phenomena()) {
          for (const std::string& sp : spellings) {
            if (note.find(sp == "mt " ? "mt " : sp) != std::string::npos) phenomena.insert(name);
          }
        }
      }
    }
    for (const GoldEvent& g : gold) {
      ++by_root[g.first_root].gold;
      for (const std::string& ph : phenomena) ++by_phenomenon[ph].gold;
    }
    for (const Event& e : events) {
      // The gold event of the same sentence first, then a neighbour's.
      int best = -1, best_dist = 1 << 30;
      for (size_t g = 0; g < gold.size(); ++g) {
        if (used[g] || !Matches(gold[g], e)) continue;
        int dist = gold[g].sentence >= 0 ? std::abs(gold[g].sentence - e.sentence) : 0;
        if (dist < best_dist) {
          best = static_cast<int>(g);
          best_dist = dist;
        }
      }
      ++by_root[e.root].produced;
      for (const std::string& ph : phenomena) ++by_phenomenon[ph].produced;
      if (best >= 0) {
        used[best] = true;
        ++matched;
        if (const auto& where = gold[best].where) {
          ++located;
          bool trap = false;
          for (const auto* list : {&gold, &forbid}) {
            for (const GoldEvent& g : *list) trap |= g.note.find("TRAP") != std::string::npos;
          }
          if (PlaceMatches(*where, e.location)) {
            ++located_right;
          } else {
            if (trap && e.location) ++trap_places;
            lines.push_back(std::string(trap && e.location ? "  TRAP-PLACE " : "  wrong-place ") +
                            Describe(e) + ": " + Describe(e.location) + ", gold " + where->name +
                            " (" + where->country + ", " + where->type + ")");
          }
        }
        ++by_root[e.root].matched_produced;
        ++by_root[gold[best].first_root].matched_gold;
        for (const std::string& ph : phenomena) {
          ++by_phenomenon[ph].matched_produced;
          ++by_phenomenon[ph].matched_gold;
        }
        continue;
      }
      bool forb = false;
      for (const GoldEvent& f : forbid) forb |= Matches(f, e);
      if (forb) {
        ++forbidden;
        ++by_root[e.root].forbidden;
        for (const std::string& ph : phenomena) ++by_phenomenon[ph].forbidden;
      }
      lines.push_back(std::string(forb ? "  FORBIDDEN " : "  extra     ") + Describe(e) +
                      (e.sentence > 0 || gold.empty() || gold[0].sentence >= 0
                           ? " #" + std::to_string(e.sentence)
                           : ""));
    }
    for (size_t g = 0; g < gold.size(); ++g) {
      if (!used[g]) {
        lines.push_back("  missed    " + Describe(gold[g]) +
                        (gold[g].sentence >= 0 ? " #" + std::to_string(gold[g].sentence) : "") +
                        "  " + gold[g].note);
      }
    }
    if (a.verbose && !lines.empty()) {
      std::cout << s.id << ": " << s.text << "\n";
      for (const auto& l : lines) std::cout << l << "\n";
    }
  }
  double p = produced ? static_cast<double>(matched) / produced : 0;
  double r = gold_total ? static_cast<double>(matched) / gold_total : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("gold %s: sentences %d, gold events %d, produced %d, matched %d\n", a.gold.c_str(),
         sentences, gold_total, produced, matched);
  printf("precision %.3f recall %.3f F1 %.3f forbidden %d\n", p, r, f1, forbidden);
  double loc = located ? static_cast<double>(located_right) / located : 0;
  if (located) {
    printf("location: %d of %d matched events with a gold place carry it (%.3f), trap places %d\n",
           located_right, located, loc, trap_places);
  }
  if (a.breakdown) {
    printf("by CAMEO root (recall: gold events by their first root; precision: events produced):\n");
    for (const auto& [root, t] : by_root) PrintTally(root.empty() ? "(none)" : root, t);
    printf("by phenomenon (the sentences whose gold notes name it):\n");
    for (const auto& [name, t] : by_phenomenon) PrintTally(name, t);
  }
  fflush(stdout);
  bool fail = false;
  if (a.min_f1 >= 0 && f1 < a.min_f1) {
    std::cerr << "dyad eval: F1 " << f1 << " is below the threshold " << a.min_f1 << "\n";
    fail = true;
  }
  if (a.min_precision >= 0 && p < a.min_precision) {
    std::cerr << "dyad eval: precision " << p << " is below " << a.min_precision << "\n";
    fail = true;
  }
  if (a.min_recall >= 0 && r < a.min_recall) {
    std::cerr << "dyad eval: recall " << r << " is below " << a.min_recall << "\n";
    fail = true;
  }
  if (a.max_forbidden >= 0 && forbidden > a.max_forbidden) {
    std::cerr << "dyad eval: " << forbidden << " forbidden events (at most " << a.max_forbidden
              << " allowed)\n";
    fail = true;
  }
  if (a.min_location >= 0 && loc < a.min_location) {
    std::cerr << "dyad eval: location accuracy " << loc << " is below " << a.min_location << "\n";
    fail = true;
  }
  if (a.max_trap_places >= 0 && trap_places > a.max_trap_places) {
    std::cerr << "dyad eval: " << trap_places << " events placed at a trap's place (at most "
              << a.max_trap_places << " allowed)\n";
    fail = true;
  }
  if (bad) fail = true;
  return fail ? kExitBadInput : kExitOk;
}

}  // namespace

RunFn AddEvalCommand(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Code a gold file (JSON Lines of {id,date,text,events,forbid}) and print precision, recall, "
      "F1 and forbidden hits, matching events at country/group level on source and target and "
      "CAMEO root; with gold `where` places, location accuracy too. Exit 1 when a --min-*/--max-forbidden threshold is not met.");
  cmd->add_option("gold", args->gold, "Gold file")->required();
  cmd->add_option("--dict", args->dict,
                  "A dictionary folder to add after the built-in data/ (and $DYAD_DATA), "
                  "repeatable, later ones overriding earlier ones; with --dict-format, foreign "
                  "files instead, which replace dyad's (--dict A,B or repeated)")
      ->allow_extra_args(false)
      ->delimiter(',');
  cmd->add_flag("--no-default-dict", args->no_default_dict,
                "Leave out the built-in dictionaries: load only $DYAD_DATA and --dict folders");
  cmd->add_option("--dict-format", args->dict_format, "tabari or petrarch: read --dict as such files");
  cmd->add_option("--semantics", args->semantics,
                  "dyad (default), or tabari/petrarch: code as those coders did (future, modal "
                  "and negated acts coded; paired codes)");
  cmd->add_flag("-v,--verbose", args->verbose, "List missed, extra and forbidden events");
  cmd->add_flag("-b,--breakdown", args->breakdown,
                "Also print recall and precision per CAMEO root and per phenomenon named in the "
                "gold notes (passive, nominal, attribution, quote, conjoined, MT, …)");
  cmd->add_option("--min-f1", args->min_f1, "Fail below this F1");
  cmd->add_option("--min-precision", args->min_precision, "Fail below this precision");
  cmd->add_option("--min-recall", args->min_recall, "Fail below this recall");
  cmd->add_option("--max-forbidden", args->max_forbidden, "Fail above this many forbidden events");
  cmd->add_option("--min-location", args->min_location,
                  "Fail when the share of matched events whose gold `where` they carry is below this");
  cmd->add_option("--max-trap-places", args->max_trap_places,
                  "Fail when more events than this are placed wrongly in TRAP sentences");
  return [args] { return RunEval(*args); };
}

}  // namespace dyad::cli
