#include "store/country_codes.h"

#include <fstream>
#include <vector>

#include "dyad/lexicon.h"

namespace dyad::store {
namespace {

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return u;
}

// "the Gambia", "Gambia, The" and "GAMBIA" are one name.
std::string NameKey(std::string_view name) {
  std::string u = Upper(name);
  if (u.rfind("THE ", 0) == 0) u.erase(0, 4);
  if (u.size() > 5 && u.compare(u.size() - 5, 5, ", THE") == 0) u.erase(u.size() - 5);
  return u;
}

}  // namespace

std::string CountryCodes::DefaultPath() {
  return Lexicon::DefaultDataDir() + "/cameo/countries.tsv";
}

Result<CountryCodes> CountryCodes::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open the CAMEO country table");
  CountryCodes cc;
  std::string line;
  int lineno = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (header) {  // code kind iso3 label
      header = false;
      continue;
    }
    if (cols.size() != 4 || cols[0].empty()) {
      return Status::InvalidArgument(path + ":" + std::to_string(lineno) +
                                     ": expected code, kind, iso3 and label separated by tabs");
    }
    const std::string& code = cols[0];
    const std::string& iso = cols[2];
    std::string key = iso.empty() ? code : iso;
    if (!iso.empty() && iso != code) cc.iso_to_cameo_[iso] = code;
    cc.key_of_[Upper(code)] = key;
    cc.key_of_[Upper(key)] = key;
    cc.key_of_.try_emplace(NameKey(cols[3]), key);
    cc.name_of_.try_emplace(key, cols[3]);
  }
  return cc;
}

std::string CountryCodes::ToCameo(std::string_view code) const {
  auto it = iso_to_cameo_.find(code);
  return it == iso_to_cameo_.end() ? std::string(code) : it->second;
}

std::string CountryCodes::ActorToCameo(std::string_view actor_code,
                                       std::string_view country) const {
  if (country.size() != 3 || actor_code.substr(0, 3) != country) return std::string(actor_code);
  return ToCameo(country) + std::string(actor_code.substr(3));
}

std::string CountryCodes::KeyOf(std::string_view code_or_name) const {
  auto it = key_of_.find(Upper(code_or_name));
  if (it == key_of_.end()) it = key_of_.find(NameKey(code_or_name));
  return it == key_of_.end() ? "" : it->second;
}

std::string CountryCodes::Name(std::string_view key) const {
  auto it = name_of_.find(key);
  return it == name_of_.end() ? "" : it->second;
}

}  // namespace dyad::store
