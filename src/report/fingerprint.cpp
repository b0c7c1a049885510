#include <xxhash.h>

#include <cstdio>
#include <filesystem>

#include "report/report.h"

namespace lambdalint {

namespace {

// The path relative to the working folder, however it was spelled on the command line, so that
// `check .` and `check $PWD` give the same fingerprints.
std::string stablePath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  if (ec) return path;
  std::filesystem::path relative = absolute.lexically_relative(std::filesystem::current_path(ec));
  return ec || relative.empty() ? absolute.generic_string() : relative.generic_string();
}

}  // namespace

std::string fingerprint(const Diagnostic& d) {
  std::string key = d.ruleId + '\0' + stablePath(d.location.path) + '\0' + d.resourceId + '\0' + d.fingerprintKey;
  XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace lambdalint
