// CAMEO's country codes and dyad's: where they differ, and country names.
//
// dyad writes ISO 3166-1 alpha-3 codes for countries in its own output and
// store ("ROU"); CAMEO, and so GDELT, use a few codes of their own ("ROM"
// for Romania, "MTN" Montenegro, "TMP" East Timor). The table is not typed
// in here: it is read from data/cameo/countries.tsv (generated from
// ../shared/reference/cameo_countries.tsv, columns code, kind, iso3, label),
// whose rows with an ISO code other than their CAMEO code are the
// differences.
//
//   auto cc = CountryCodes::Load(CountryCodes::DefaultPath());
//   cc->ToCameo("ROU")       // "ROM"
//   cc->ToCameo("RUS")       // "RUS" (the same in both)
//   cc->KeyOf("romania")     // "ROU" — as the store keys it
//   cc->KeyOf("ROM")         // "ROU"
#ifndef DYAD_STORE_COUNTRY_CODES_H_
#define DYAD_STORE_COUNTRY_CODES_H_

#include <map>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad::store {

class CountryCodes {
 public:
  // Reads a countries.tsv; fails if it cannot be read or a row is not
  // "code<TAB>kind<TAB>iso3<TAB>label" ("file:line: why").
  static Result<CountryCodes> Load(const std::string& path);
  // data/cameo/countries.tsv of the source tree dyad was built from.
  static std::string DefaultPath();

  // A dyad code (ISO alpha-3 or a region code) as CAMEO writes it; codes
  // that do not differ come back unchanged.
  std::string ToCameo(std::string_view code) const;
  // An actor code that starts with a country ("ROUGOV") with that country
  // as CAMEO writes it ("ROMGOV"); `country` is the actor's country.
  std::string ActorToCameo(std::string_view actor_code, std::string_view country) const;
  // The code dyad stores for a country or region named by its CAMEO code,
  // its ISO code or its name in any case ("rom", "ROU", "Romania" -> "ROU");
  // "" if the table has no such country or region.
  std::string KeyOf(std::string_view code_or_name) const;
  // The name of a stored code ("ROU" -> "Romania"); "" if unknown.
  std::string Name(std::string_view key) const;
  // How many codes differ between CAMEO and ISO.
  size_t differences() const { return iso_to_cameo_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> iso_to_cameo_;
  std::map<std::string, std::string, std::less<>> key_of_;  // upper-case code or name -> key
  std::map<std::string, std::string, std::less<>> name_of_;
};

}  // namespace dyad::store

#endif  // DYAD_STORE_COUNTRY_CODES_H_
