#include <xxhash.h>

#include <cstdio>

#include "report/report.h"

namespace lambdalint {

std::string fingerprint(const Diagnostic& d) {
  std::string key = d.ruleId + '\0' + d.location.path + '\0' + d.resourceId + '\0' + d.fingerprintKey;
  XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace lambdalint
