#pragma once
// Helpers shared by the libFuzzer targets in this folder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "template/document.h"

namespace lambdalint::fuzz {

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Stops the run (libFuzzer reports it as a crash, with the input) when an invariant fails.
inline void require(bool ok) {
  if (!ok) std::abort();
}

// A position lies inside the file and its line and column are 1-based.
inline void checkPosition(const Position& p, size_t size) {
  require(p.offset <= size);
  require(p.line >= 1);
  require(p.column >= 1);
}

inline void checkRange(const Range& r, size_t size) {
  checkPosition(r.begin, size);
  checkPosition(r.end, size);
  require(r.begin.offset <= r.end.offset);
}

// Every node of the tree and every problem has a range inside the file.
inline void checkTree(const Node& node, size_t size, size_t depth = 0) {
  require(depth < 100000);
  checkRange(node.range, size);
  // The accessors rules call on every node.
  (void)node.asInt();
  (void)node.asNumber();
  (void)node.asBool();
  if (!node.intrinsic().empty()) (void)node.intrinsicArgument();
  for (const auto& item : node.items) checkTree(item, size, depth + 1);
  for (const auto& e : node.entries) {
    checkTree(e.key, size, depth + 1);
    checkTree(e.value, size, depth + 1);
  }
}

inline void checkDocument(const Document& doc) {
  const size_t size = doc.file->text().size();
  for (const auto& p : doc.problems) {
    checkRange(p.range, size);
    require(!p.message.empty());
  }
  checkTree(doc.root, size);
}

}  // namespace lambdalint::fuzz
