#pragma once
// Invariants every handler frontend keeps for any input bytes, checked by the
// frontend fuzz targets: it returns (no crash, no exception), names the
// handler it was asked for, and every range it reports lies inside the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "code/code_facts.h"

namespace lambdalint::fuzz_frontend {

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Stops the run (libFuzzer reports it as a crash, with the input).
inline void require(bool ok) {
  if (!ok) std::abort();
}

inline void checkRange(const Range& r, size_t size) {
  require(r.begin.offset <= r.end.offset);
  require(r.end.offset <= size);
  require(r.begin.line >= 1 && r.end.line >= r.begin.line);
  require(r.begin.column >= 1 && r.end.column >= 1);
}

inline void checkFacts(const code::CodeFacts& f, size_t size) {
  require(f.handler.name == "handler");
  checkRange(f.handler.range, size);
  checkRange(f.handler.nameRange, size);
  for (const auto& c : f.clients) checkRange(c.range, size);
  for (const auto& c : f.sdkCalls) {
    checkRange(c.range, size);
    for (const auto& [key, value] : c.resourceParams) {
      require(!key.empty());
      checkRange(value.range, size);
    }
  }
  for (const auto& e : f.envReads) checkRange(e.range, size);
  for (const auto& i : f.imports) checkRange(i.range, size);
  for (const auto& c : f.catches) checkRange(c.range, size);
  for (const auto& h : f.hyphenatedAccesses) checkRange(h.range, size);
  if (f.returnsBatchItemFailures) checkRange(f.batchItemFailuresRange, size);
  for (const auto& p : f.problems) {
    require(!p.message.empty());
    checkRange(p.range, size);
  }
}

}  // namespace lambdalint::fuzz_frontend
