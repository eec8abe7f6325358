// An immutable hash map from words to small values, for the per-token
// look-ups of the parser (a dozen per word of news).
//
// std::unordered_map pays, per look-up, a call to the general byte hash and
// two 64-bit divisions (bucket = hash % prime), then a node hop. This table
// is open-addressed with a power-of-two size and a short inline hash, and
// keeps each slot's full hash so that a miss rarely touches a key:
//
//   FlatWordMap<Tag> m({{"the", Tag::kDet}, {"of", Tag::kOf}});
//   const Tag* t = m.Find("the");  // -> &Tag::kDet; Find("cat") -> nullptr
//
// Keys of up to 14 bytes are copied into the table; longer ones are views,
// whose bytes the caller keeps alive (string literals, or strings owned by
// a Lexicon). Built once, then read-only and safe to share
// between threads. A repeated key keeps its first value.
#ifndef DYAD_LEXICON_WORD_MAP_H_
#define DYAD_LEXICON_WORD_MAP_H_

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

// A fast 64-bit hash of a short string (8 bytes a step, then a mix).
inline uint64_t HashWord(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = s.size() * kMul;
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  // The last 0..7 bytes in one or two loads (they may overlap: the length
  // is in h already).
  uint64_t w = 0;
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    w = a | uint64_t{b} << 32;
  } else if (n > 0) {
    w = uint64_t{static_cast<unsigned char>(p[0])} |
        uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
        uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
  h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 29;
  return h;
}

template <typename V>
class FlatWordMap {
 public:
  FlatWordMap() = default;
  FlatWordMap(std::initializer_list<std::pair<std::string_view, V>> items) {
    Build(std::vector<std::pair<std::string_view, V>>(items));
  }

  // Replaces the contents with `items`.
  void Build(const std::vector<std::pair<std::string_view, V>>& items) {
    size_t cap = 16;
    while (cap * 7 < items.size() * 10) cap *= 2;  // at most 70% full
    slots_.assign(cap, Slot());
    mask_ = cap - 1;
    for (const auto& [key, value] : items) {
      const uint64_t h = HashWord(key);
      size_t i = h & mask_;
      bool repeated = false;
      for (; slots_[i].used(); i = (i + 1) & mask_) {
        if (slots_[i].hash == h && slots_[i].Is(key)) {
          repeated = true;
          break;
        }
      }
      if (repeated) continue;
      slots_[i].Set(h, key, value);
    }
  }

  // The value of `word`, or nullptr.
  const V* Find(std::string_view word) const { return Find(word, HashWord(word)); }
  // The same, given h == HashWord(word).
  const V* Find(std::string_view word, uint64_t h) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used()) return nullptr;
      if (s.hash == h && s.Is(word)) return &s.value;
    }
  }
  bool Contains(std::string_view word) const { return Find(word) != nullptr; }
  // Starts loading the slot where a look-up of a word whose HashWord() is h
  // begins, so that several look-ups wait for memory at once.
  void Prefetch(uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
  }

 private:
  // A key of up to 14 bytes is kept in the slot itself, so that a look-up
  // touches one cache line; a longer one is a view of the caller's bytes.
  struct Slot {
    uint64_t hash = 0;
    V value{};
    char key[16] = {};  // key[15]: 0 empty, 1..16 inline (length + 1), 0xFF a view

    static constexpr unsigned char kView = 0xFF;
    bool used() const { return key[15] != 0; }
    void Set(uint64_t h, std::string_view k, V v) {
      hash = h;
      value = v;
      if (k.size() <= 14) {
        if (!k.empty()) std::memcpy(key, k.data(), k.size());
        key[15] = static_cast<char>(k.size() + 1);
      } else {
        const char* p = k.data();
        const uint32_t n = static_cast<uint32_t>(k.size());
        std::memcpy(key, &p, sizeof p);
        std::memcpy(key + 8, &n, sizeof n);
        key[15] = static_cast<char>(kView);
      }
    }
    // Words are short: a few loads beat a call to memcmp.
    bool Is(std::string_view w) const {
      const auto tag = static_cast<unsigned char>(key[15]);
      const char* p = key;
      size_t n = static_cast<size_t>(tag) - 1;
      if (tag == kView) {
        uint32_t len;
        std::memcpy(&p, key, sizeof p);
        std::memcpy(&len, key + 8, sizeof len);
        n = len;
      }
      if (n != w.size()) return false;
      const char* q = w.data();
      while (n > 8) {  // (a view's key)
        if (std::memcmp(p, q, 8) != 0) return false;
        p += 8;
        q += 8;
        n -= 8;
      }
      // 0..8 bytes: the first and last 4 (or 8), which may overlap.
      if (n >= 4) {
        if (n == 8) return std::memcmp(p, q, 8) == 0;
        return std::memcmp(p, q, 4) == 0 && std::memcmp(p + n - 4, q + n - 4, 4) == 0;
      }
      for (size_t i = 0; i < n; ++i) {
        if (p[i] != q[i]) return false;
      }
      return true;
    }
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace dyad

#endif  // DYAD_LEXICON_WORD_MAP_H_
