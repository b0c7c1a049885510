#include "iam/sdk_services.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "iam/catalog.h"
#include "util/embedded.h"

namespace lambdalint::iam {
namespace {

std::string normalized(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// Normalised SDK name -> IAM prefix: the renamed services, then every catalogue prefix under its own
// normalised spelling. The first entry of a spelling wins: a rename, then a prefix spelt that way exactly.
const std::unordered_map<std::string, std::string>& prefixes() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> out;
    const auto data = nlohmann::json::parse(embeddedData("sdk-services"));
    for (const auto& [name, prefix] : data.at("renamed").items()) out.emplace(name, prefix.get<std::string>());
    for (bool hyphenated : {false, true}) {
      for (const ServiceInfo& service : Catalog::get().services()) {
        if ((service.prefix.find('-') != std::string_view::npos) == hyphenated) {
          out.emplace(normalized(service.prefix), std::string(service.prefix));
        }
      }
    }
    return out;
  }();
  return table;
}

}  // namespace

std::string iamPrefixOfSdkService(std::string_view sdkName) {
  std::string key = normalized(sdkName);
  const auto& table = prefixes();
  auto it = table.find(key);
  return it != table.end() ? it->second : key;
}

}  // namespace lambdalint::iam
