#include <xxhash.h>

#include <cstdio>
#include <filesystem>

#include "report/report.h"
#include "util/path_roots.h"

namespace lambdalint {

namespace {

// The path relative to the top of the git work tree (the working folder outside git), however it was spelled
// on the command line and from whichever subfolder lambdalint ran: `check .`, `check $PWD` and `cd sub &&
// check .` give the same fingerprints, and a baseline written at the top holds in every subfolder.
std::string stablePath(const std::string& path) {
  static const std::filesystem::path base = [] {
    std::error_code ec;
    return std::filesystem::path(gitWorkTreeOf(std::filesystem::current_path(ec).string()));
  }();
  std::filesystem::path absolute(canonicalPath(path));
  std::filesystem::path relative = absolute.lexically_relative(base);
  if (relative.empty() || relative.begin()->string() == "..") return absolute.generic_string();
  return relative.generic_string();
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
