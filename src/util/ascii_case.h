#pragma once
// ASCII case folding: what IAM compares action names, service prefixes and
// managed policy names with, and what every case-insensitive comparison of
// template keys, header names and identifiers uses (they are ASCII; a locale
// must not change the answer).
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace lambdalint {

inline char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// `s` with A-Z lowered; every other byte as it is.
inline std::string asciiLower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = asciiLower(c);
  return out;
}

inline bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (asciiLower(a[i]) != asciiLower(b[i])) return false;
  }
  return true;
}

// Byte order of the lower-cased strings: the order the generator sorts its tables in.
inline int compareIgnoreCase(std::string_view a, std::string_view b) {
  const std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i) {
    const auto x = static_cast<unsigned char>(asciiLower(a[i]));
    const auto y = static_cast<unsigned char>(asciiLower(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

}  // namespace lambdalint
