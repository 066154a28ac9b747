// Open-addressing hash tables keyed by non-zero 64-bit integers (internal).
//
// Postcodes, output-area codes and customer ids are packed or hashed to 64 bits, so a
// 2.7 million-postcode lookup is two flat arrays (about 12 bytes a slot) rather than
// millions of separately allocated nodes: smaller, and far fewer cache misses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace eqv::profiling::detail {

inline std::uint64_t mix64(std::uint64_t x) {
  // splitmix64 finaliser: spreads packed keys evenly over the table.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a over the bytes, then mixed; never 0 (0 marks an empty slot).
inline std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h = mix64(h);
  return h == 0 ? 1 : h;
}

template <typename Value>
class FlatMap {
 public:
  explicit FlatMap(std::size_t expected = 16) { rehash(capacity_for(expected)); }

  // Inserts key -> value unless the key is present; returns the stored value.
  Value& insert(std::uint64_t key, Value value) {
    if ((size_ + 1) * 10 > keys_.size() * 7) rehash(keys_.size() * 2);
    std::size_t i = mix64(key) & mask_;
    while (keys_[i] != 0) {
      if (keys_[i] == key) return values_[i];
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    values_[i] = value;
    ++size_;
    return values_[i];
  }

  const Value* find(std::uint64_t key) const {
    std::size_t i = mix64(key) & mask_;
    while (keys_[i] != 0) {
      if (keys_[i] == key) return &values_[i];
      i = (i + 1) & mask_;
    }
    return nullptr;
  }

  std::size_t size() const { return size_; }

  template <typename F>
  void for_each(F&& f) {
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(keys_[i], values_[i]);
  }
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(keys_[i], values_[i]);
  }

 private:
  static std::size_t capacity_for(std::size_t expected) {
    std::size_t c = 16;
    while (c * 7 < expected * 10) c *= 2;
    return c;
  }
  void rehash(std::size_t capacity) {
    std::vector<std::uint64_t> old_keys(capacity, 0);
    std::vector<Value> old_values(capacity);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = capacity - 1;
    size_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) insert(old_keys[i], old_values[i]);
  }

  std::vector<std::uint64_t> keys_;
  std::vector<Value> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// A set of non-zero 64-bit keys (hashed customer ids).
class FlatSet {
 public:
  explicit FlatSet(std::size_t expected = 16) : map_(expected) {}
  void insert(std::uint64_t key) { map_.insert(key, Empty{}); }
  std::size_t size() const { return map_.size(); }
  template <typename F>
  void for_each(F&& f) const {
    map_.for_each([&](std::uint64_t key, const Empty&) { f(key); });
  }

 private:
  struct Empty {};
  FlatMap<Empty> map_;
};

}  // namespace eqv::profiling::detail
