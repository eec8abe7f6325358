// PETRARCH-2's composition of nested verb codes: see petrarch_combine.h.
#include "code/petrarch_combine.h"

#include <array>
#include <utility>

namespace dyad::petrarch {
namespace {

// Negation in PETRARCH-2's ontology: a negated act is its number minus
// this constant (so "reject" codes 12x are negated cooperation codes).
constexpr int kNot = 0xFFFF;

struct Entry {
  const char* cameo;
  int value;
};

// CAMEO code -> PETRARCH-2 ontology number. The four hex digits are, from
// the top: a statement-level class (1 say, 2 appeal, 3 intend, 4 demand,
// 5 protest, 6 threaten, 7 disapprove, 8 posture, 9 coerce, A investigate,
// B consult), a relation (1 reduce, 2 yield), an act (1 meet … B mass
// violence) and a domain (1 leadership … F de-escalation). Where several
// codes share a number, the first listed is the one given back.
// clang-format off
constexpr Entry kTable[] = {
    {"010", 0x1000}, {"011", 0x1000 - kNot}, {"012", 0x100C}, {"013", 0x1001},
    {"014", 0x1002}, {"015", 0x10A0}, {"016", 0x10A0 - kNot}, {"017", 0x1003},
    {"018", 0x1004}, {"019", 0x1005},
    // 02 appeal
    {"020", 0x2000}, {"021", 0x2070}, {"0211", 0x2075}, {"0212", 0x2076}, {"0213", 0x2078},
    {"0214", 0x207A}, {"022", 0x2080}, {"023", 0x2040}, {"0231", 0x2045}, {"0232", 0x2046},
    {"0233", 0x2047}, {"0234", 0x2049}, {"024", 0x2060}, {"0241", 0x2061}, {"0242", 0x2062},
    {"0243", 0x2063}, {"0244", 0x2064}, {"025", 0x2200}, {"0251", 0x220B}, {"0252", 0x220C},
    {"0253", 0x220D}, {"0254", 0x2205}, {"0255", 0x220E}, {"0256", 0x220F}, {"026", 0x2010},
    {"027", 0x2020}, {"028", 0x2030},
    // 03 intend
    {"030", 0x3000}, {"031", 0x3070}, {"0311", 0x3075}, {"0312", 0x3076}, {"0313", 0x3078},
    {"0314", 0x307A}, {"032", 0x3080}, {"033", 0x3040}, {"0331", 0x3045}, {"0332", 0x3046},
    {"0333", 0x3047}, {"0334", 0x3049}, {"034", 0x3060}, {"0341", 0x3061}, {"0342", 0x3062},
    {"0343", 0x3063}, {"0344", 0x3064}, {"035", 0x3200}, {"0351", 0x320B}, {"0352", 0x320C},
    {"0353", 0x320D}, {"0354", 0x3205}, {"0355", 0x320E}, {"0356", 0x320F}, {"036", 0x3010},
    {"037", 0x3020}, {"038", 0x3230}, {"039", 0x3030},
    // an intent to fight is a threat of force: PETRARCH-2 reads it so
    {"138", 0x30A0},
    // 04 consult
    {"040", 0xB000}, {"041", 0xB001}, {"042", 0xB002}, {"043", 0xB003}, {"044", 0xB010},
    {"045", 0xB030}, {"046", 0xB010},
    // 05 diplomatic, 06 material cooperation, 07 aid
    {"050", 0x0080}, {"051", 0x0081}, {"052", 0x0082}, {"053", 0x0083}, {"054", 0x0084},
    {"055", 0x0085}, {"056", 0x0086}, {"057", 0x0087}, {"060", 0x0070}, {"061", 0x0075},
    {"062", 0x0076}, {"063", 0x0078}, {"064", 0x007A}, {"070", 0x0040}, {"071", 0x0045},
    {"072", 0x0046}, {"073", 0x0047}, {"074", 0x0049}, {"075", 0x004E},
    // 08 yield
    {"080", 0x0200}, {"081", 0x020B}, {"0811", 0x0203}, {"0812", 0x0201}, {"0813", 0x0204},
    {"0814", 0x0206}, {"082", 0x020C}, {"083", 0x0260}, {"0831", 0x0261}, {"0832", 0x0262},
    {"0833", 0x0263}, {"0834", 0x0264}, {"084", 0x0250}, {"0841", 0x020C}, {"0842", 0x020C},
    {"085", 0x0205}, {"086", 0x020E}, {"0861", 0x0209}, {"0862", 0x020A}, {"0863", 0x0207},
    {"087", 0x02C0}, {"0871", 0x02C9}, {"0872", 0x02C1}, {"0873", 0x02C6}, {"0874", 0x02C2},
    // 09 investigate
    {"090", 0xA000}, {"091", 0xA001}, {"092", 0xA002}, {"093", 0xA003}, {"094", 0xA004},
    // 10 demand
    {"100", 0x4000}, {"101", 0x4070}, {"1011", 0x4075}, {"1012", 0x4076}, {"1013", 0x4078},
    {"1014", 0x407A}, {"102", 0x4080}, {"103", 0x4040}, {"1031", 0x4045}, {"1032", 0x4046},
    {"1033", 0x4047}, {"1034", 0x4049}, {"104", 0x4060}, {"1041", 0x4061}, {"1042", 0x4062},
    {"1043", 0x4063}, {"1044", 0x4064}, {"105", 0x4200}, {"1051", 0x420B}, {"1052", 0x420C},
    {"1053", 0x420D}, {"1054", 0x4205}, {"1055", 0x420E}, {"1056", 0x420F}, {"106", 0x4010},
    {"107", 0x4020}, {"108", 0x4030},
    // 11 disapprove
    {"110", 0x7000}, {"111", 0x7001}, {"112", 0x70A0}, {"1121", 0x70A1}, {"1122", 0x70A2},
    {"1123", 0x70A3}, {"1124", 0x70A4}, {"1125", 0x70A5}, {"113", 0x7002}, {"114", 0x7003},
    {"115", 0x7008}, {"116", 0x7005},
    // 12 reject: negated cooperation (0x300 keeps 122/123 apart from a
    // refused appeal)
    {"120", -kNot}, {"121", -kNot + 0x0070}, {"1211", -kNot + 0x0075},
    {"1212", -kNot + 0x0076}, {"122", -kNot + 0x2340}, {"1221", -kNot + 0x2345},
    {"1222", -kNot + 0x2346}, {"1223", -kNot + 0x2347}, {"1224", -kNot + 0x2349},
    {"123", -kNot + 0x2360}, {"1231", -kNot + 0x2361}, {"1232", -kNot + 0x2362},
    {"1233", -kNot + 0x2363}, {"1234", -kNot + 0x2364}, {"124", -kNot + 0x0200},
    {"1241", -kNot + 0x020B}, {"1242", -kNot + 0x020C}, {"1243", -kNot + 0x020D},
    {"1244", -kNot + 0x0205}, {"1245", -kNot + 0x020E}, {"1246", -kNot + 0x02C0},
    {"125", -kNot + 0x0010}, {"126", -kNot + 0x0030}, {"127", -kNot + 0x0020},
    {"128", -kNot + 0x0002}, {"129", -kNot + 0x0001},
    // 13 threaten
    {"130", 0x6000}, {"131", 0x6100}, {"1311", 0x6140}, {"1312", 0x6105}, {"1313", 0x6180},
    {"132", 0x600B}, {"1321", 0x6003}, {"1322", 0x6001}, {"1323", 0x6004}, {"1324", 0x6006},
    {"133", 0x600C}, {"134", 0x6010}, {"135", 0x6030}, {"136", 0x600E}, {"137", 0x6004},
    {"1381", 0x60A1}, {"1382", 0x60A2}, {"1383", 0x60A3}, {"1384", 0x60A4},
    {"1385", 0x60B0}, {"139", 0x6005},
    // 14 protest, 15 posture, 16 reduce relations
    {"140", 0x5000}, {"145", 0x50A0}, {"150", 0x8000}, {"151", 0x8001}, {"152", 0x8002},
    {"153", 0x8003}, {"154", 0x8004}, {"160", 0x0100}, {"161", 0x0180}, {"162", 0x0140},
    {"1621", 0x0145}, {"1622", 0x0146}, {"1623", 0x0147}, {"163", 0x000B}, {"164", 0x0110},
    {"165", 0x0130}, {"166", 0x0150}, {"1661", 0x0159}, {"1662", 0x015A}, {"1663", 0x015E},
    // 17 coerce
    {"170", 0x9000}, {"171", 0x9010}, {"1711", 0x9011}, {"1712", 0x9012}, {"172", 0x900B},
    {"1721", 0x9003}, {"1722", 0x9001}, {"1723", 0x9004}, {"1724", 0x9006}, {"173", 0x9020},
    {"174", 0x9030}, {"175", 0x9040},
    // 18 assault, 19 fight, 20 mass violence
    {"180", 0x0090}, {"181", 0x0091}, {"182", 0x0092}, {"1821", 0x0093}, {"1822", 0x0094},
    {"1823", 0x0095}, {"1824", 0x0096}, {"183", 0x0097}, {"1831", 0x0098}, {"1832", 0x0099},
    {"1833", 0x009A}, {"1834", 0x009B}, {"184", 0x009C}, {"185", 0x009D}, {"186", 0x009E},
    {"190", 0x00A0}, {"191", 0x00A1}, {"192", 0x00A2}, {"193", 0x00A3}, {"194", 0x00A4},
    {"195", 0x00A5}, {"1951", 0x00A6}, {"1952", 0x00A7}, {"196", 0x00A8}, {"200", 0x00B0},
};
// clang-format on

const Entry* Find(std::string_view cameo) {
  for (const Entry& e : kTable) {
    if (cameo == e.cameo) return &e;
  }
  return nullptr;
}

}  // namespace

std::optional<int> ToOntology(std::string_view cameo) {
  if (cameo == "---" || cameo.empty()) return 0;
  if (const Entry* e = Find(cameo)) return e->value;
  if (cameo.size() >= 2) {
    std::string root(cameo.substr(0, 2));
    root += '0';
    if (const Entry* e = Find(root)) return e->value;
  }
  return std::nullopt;
}

std::string FromOntology(int value) {
  if (value == 0) return "";
  for (const Entry& e : kTable) {
    if (e.value == value) return e.cameo;
  }
  return "";
}

int Combine(int upper, int lower) {
  if (lower < 0) return lower + upper;
  if (upper >= 0x1000 && lower >= 0x1000) return lower;
  if (lower >= upper) return lower;
  return upper + lower;
}

int Negate(int value) { return value - kNot; }

bool IsHighLevel(int value) { return value >= 0x1000; }

std::string CombineCameo(std::string_view upper, std::string_view lower) {
  std::optional<int> u = ToOntology(upper), l = ToOntology(lower);
  if (!u || !l) return "";
  int c = Combine(*u, *l);
  if (c == *l && c != 0) return std::string(lower);
  if (c == *u && c != 0) return std::string(upper);
  return FromOntology(c);
}

std::string NegateCameo(std::string_view code) {
  std::optional<int> v = ToOntology(code);
  if (!v || *v == 0) return "";
  return FromOntology(Negate(*v));
}

namespace {

// A code and the classes above it, most specific first ("0x30A5" -> 0x30A5,
// 0x30A0, 0x3000, 0x3000).
std::array<int, 4> Classes(int v) { return {v, v - v % 0x10, v - v % 0x100, v - v % 0x1000}; }

}  // namespace

const ComposeRule* FindRule(const std::vector<ComposeRule>& rules, std::string_view outer,
                            std::string_view inner, char source) {
  std::optional<int> o = ToOntology(outer), q = ToOntology(inner);
  if (!o || !q || *o <= 0 || rules.empty()) return nullptr;
  // The outer class with rules.
  std::optional<int> outer_key;
  for (int m : Classes(*o)) {
    for (const ComposeRule& r : rules) {
      if (ToOntology(r.outer) == m) {
        outer_key = m;
        break;
      }
    }
    if (outer_key) break;
  }
  if (!outer_key) return nullptr;
  // Then the inner class (a rule for any code only when none is named).
  std::vector<const ComposeRule*> under;
  if (*q > 0) {
    for (int m : Classes(*q)) {
      for (const ComposeRule& r : rules) {
        if (ToOntology(r.outer) == *outer_key && r.inner != "*" && ToOntology(r.inner) == m) {
          under.push_back(&r);
        }
      }
      if (!under.empty()) break;
    }
  }
  if (under.empty()) {
    for (const ComposeRule& r : rules) {
      if (ToOntology(r.outer) == *outer_key && r.inner == "*") under.push_back(&r);
    }
  }
  // Then the source: the outer subject itself, else another actor, else none.
  for (const ComposeRule* r : under) {
    if (r->source == source) return r;
  }
  if (source == 'a') {
    for (const ComposeRule* r : under) {
      if (r->source == 'b') return r;
    }
  }
  return nullptr;
}

}  // namespace dyad::petrarch
