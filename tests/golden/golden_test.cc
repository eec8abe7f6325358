// Golden coding cases: plain-text files in tests/golden/*.txt that a
// linguist can extend without writing C++.
//
//   # what the case shows (comment lines start with '#')
//   2024-01-09 | A French tourist was sentenced to eight years by an Iranian court.
//   => IRN > FRA : 17
//
// A case is a "DATE | TEXT" line (TEXT may hold several sentences) followed by
// one or more "=>" lines: "SRC > TGT : CODE" (CODE of two digits is a root,
// longer is a code prefix; SRC/TGT are country codes or NATO, EU, UN, AU, or a
// full actor code such as RUSGOV; TGT "---" is no target), or "=> none". The
// events produced must be exactly the ones listed, no more, no fewer.
//
// An "=>" line may end in "@ PLACE": where the event happened, as
// "@ Name, CTY, type, how" (type city/admin1/country; how
// sentence/dateline/story/actor, optional) or "@ none" for no location.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dyad/coder.h"
#include "dyad/gazetteer.h"
#include "store/mention.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

struct Expect {
  std::string source, target, code;
  bool has_place = false;  // an "@ …" part was given
  std::vector<std::string> place;  // name, country, type, how; empty: no location
};

struct Case {
  std::string file;
  int line = 0;
  std::string date, text;
  std::vector<Expect> expect;
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<Case> LoadCases(const fs::path& p) {
  std::vector<Case> out;
  std::ifstream in(p);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("=>", 0) == 0) {
      if (out.empty()) continue;
      std::string spec = Trim(line.substr(2));
      if (spec == "none") continue;
      Expect e;
      if (size_t at = spec.find(" @ "); at != std::string::npos) {
        e.has_place = true;
        std::string place = Trim(spec.substr(at + 3));
        spec = Trim(spec.substr(0, at));
        if (place != "none") {
          std::stringstream ps(place);
          std::string part;
          while (std::getline(ps, part, ',')) e.place.push_back(Trim(part));
        }
      }
      size_t gt = spec.find('>'), colon = spec.find(':');
      e.source = Trim(spec.substr(0, gt));
      e.target = Trim(spec.substr(gt + 1, colon - gt - 1));
      e.code = Trim(spec.substr(colon + 1));
      out.back().expect.push_back(e);
      continue;
    }
    size_t bar = line.find('|');
    Case c;
    c.file = p.filename().string();
    c.line = n;
    c.date = Trim(line.substr(0, bar));
    c.text = Trim(line.substr(bar + 1));
    out.push_back(c);
  }
  return out;
}

std::string Key(const Actor* a) { return a ? store::DyadKey(*a) : "---"; }

bool ActorMatches(const std::string& spec, const Actor* a) {
  if (spec == "---") return a == nullptr;
  if (!a) return false;
  if (spec.size() > 3 && spec != "NATO") return a->code == spec;
  return Key(a) == spec;
}

bool PlaceMatches(const Expect& x, const Event& e) {
  if (!x.has_place) return true;
  if (x.place.empty()) return !e.location;
  if (!e.location) return false;
  const EventLocation& l = *e.location;
  const std::string* want[] = {&l.name, &l.country, &l.type, &l.how};
  for (size_t i = 0; i < x.place.size() && i < 4; ++i) {
    if (i == 0 ? Gazetteer::Key(x.place[0]) != Gazetteer::Key(l.name) : x.place[i] != *want[i]) {
      return false;
    }
  }
  return true;
}

bool Matches(const Expect& x, const Event& e) {
  return ActorMatches(x.source, &e.source) &&
         ActorMatches(x.target, e.target ? &*e.target : nullptr) &&
         e.code.compare(0, x.code.size(), x.code) == 0 && PlaceMatches(x, e);
}

std::string Show(const Event& e) {
  std::string place = e.location ? " @ " + e.location->name + ", " + e.location->country + ", " +
                                       e.location->type + ", " + e.location->how
                                 : "";
  return e.source.code + " > " + (e.target ? e.target->code : "---") + " : " + e.code + " ('" +
         e.trigger + "', " + e.pattern + ")" + place;
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> out;
  fs::path dir = fs::path(DYAD_SOURCE_DATA_DIR).parent_path() / "tests" / "golden";
  for (const auto& de : fs::directory_iterator(dir)) {
    if (de.path().extension() == ".txt") out.push_back(de.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const Coder& SharedCoder() {
  static const Coder* coder = [] {
    auto lex = Lexicon::Load(DYAD_SOURCE_DATA_DIR);
    if (!lex.ok()) {
      ADD_FAILURE() << lex.status().message();
      std::abort();
    }
    return new Coder(*lex);
  }();
  return *coder;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, CodesExactlyTheExpectedEvents) {
  std::vector<Case> cases = LoadCases(GetParam());
  ASSERT_FALSE(cases.empty()) << GetParam();
  for (const Case& c : cases) {
    Story s{c.file + ":" + std::to_string(c.line), c.date, c.text, "", "", ""};
    std::vector<Event> events;
    SharedCoder().CodeStory(s, &events, nullptr);
    std::vector<bool> used(events.size(), false);
    std::ostringstream why;
    bool ok = true;
    for (const Expect& x : c.expect) {
      bool found = false;
      for (size_t i = 0; i < events.size() && !found; ++i) {
        if (!used[i] && Matches(x, events[i])) used[i] = found = true;
      }
      if (!found) {
        ok = false;
        why << "  missing " << x.source << " > " << x.target << " : " << x.code;
        if (x.has_place) {
          why << " @ ";
          for (size_t i = 0; i < x.place.size(); ++i) why << (i ? ", " : "") << x.place[i];
          if (x.place.empty()) why << "none";
        }
        why << "\n";
      }
    }
    for (size_t i = 0; i < events.size(); ++i) {
      if (!used[i]) {
        ok = false;
        why << "  unexpected " << Show(events[i]) << "\n";
      }
    }
    EXPECT_TRUE(ok) << c.file << ":" << c.line << ": " << c.text << "\n" << why.str();
  }
}

// The sample wire story of ../shared (never copied into this repository):
// its expected events are pinned in tests/golden/standoff.events.
TEST(GoldenStory, StandoffSample) {
  fs::path root = fs::path(DYAD_SOURCE_DATA_DIR).parent_path();
  fs::path story = root.parent_path() / "shared" / "samples" / "standoff.txt";
  if (!fs::exists(story)) GTEST_SKIP() << story << " is not here";
  std::ifstream in(story);
  std::stringstream text;
  text << in.rdbuf();
  Story s{"standoff.txt", "2022-02-10", text.str(), "", "", ""};
  std::vector<Event> events;
  SharedCoder().CodeStory(s, &events, nullptr);

  std::vector<std::pair<int, Expect>> expect;
  std::vector<Expect> never;
  std::ifstream ef(root / "tests" / "golden" / "standoff.events");
  std::string line;
  while (std::getline(ef, line)) {
    line = Trim(line);
    if (line.rfind("=>", 0) != 0 && line.rfind("!>", 0) != 0) continue;
    bool forbid = line[0] == '!';
    std::string spec = Trim(line.substr(2));
    int sentence = -1;
    if (!forbid) {
      size_t colon = spec.find(':');
      sentence = std::stoi(spec.substr(0, colon));
      spec = Trim(spec.substr(colon + 1));
    }
    Expect e;
    size_t gt = spec.find('>'), colon = spec.find(':');
    e.source = Trim(spec.substr(0, gt));
    e.target = Trim(spec.substr(gt + 1, colon - gt - 1));
    e.code = Trim(spec.substr(colon + 1));
    if (forbid) {
      never.push_back(e);
    } else {
      expect.push_back({sentence, e});
    }
  }
  ASSERT_GT(expect.size(), 10u);
  std::vector<bool> used(events.size(), false);
  for (const auto& [sentence, x] : expect) {
    bool found = false;
    for (size_t i = 0; i < events.size() && !found; ++i) {
      if (!used[i] && events[i].sentence == sentence && Matches(x, events[i])) used[i] = found = true;
    }
    EXPECT_TRUE(found) << "missing in sentence " << sentence << ": " << x.source << " > "
                       << x.target << " : " << x.code;
  }
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_TRUE(used[i]) << "unexpected in sentence " << events[i].sentence << ": "
                         << Show(events[i]);
    for (const Expect& x : never) {
      EXPECT_FALSE(Matches(x, events[i])) << "forbidden: " << Show(events[i]);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, Golden, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = fs::path(param.param).stem().string();
                           for (char& ch : name) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace dyad
