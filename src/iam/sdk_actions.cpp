#include "iam/sdk_actions.h"

#include <nlohmann/json.hpp>

#include "iam/catalog.h"
#include "util/embedded.h"

namespace lambdalint::iam {
namespace {

const nlohmann::json& exceptions() {
  static const nlohmann::json data = nlohmann::json::parse(embeddedData("sdk-iam-actions"))["exceptions"];
  return data;
}

std::optional<RequiredAction> known(std::string_view qualified) {
  const ActionInfo* info = Catalog::get().find(qualified);
  if (!info) return std::nullopt;
  RequiredAction out{std::string(info->qualifiedName), false};
  for (const auto& type : info->resourceTypes) {
    if (type.name == "object") out.onObjects = true;
  }
  return out;
}

}  // namespace

std::vector<RequiredAction> actionsForOperation(std::string_view service, std::string_view operation) {
  std::vector<RequiredAction> out;
  const auto& table = exceptions();
  auto svc = table.find(std::string(service));
  if (svc != table.end()) {
    auto op = svc->find(std::string(operation));
    if (op != svc->end()) {
      for (const auto& a : *op) {
        if (auto r = known(a.get<std::string>())) out.push_back(*r);
      }
      return out;
    }
  }
  // The catalogue is case-insensitive, so frontends' PascalCase (e.g.
  // `DescribeDbInstances` from describe_db_instances) still matches.
  if (auto r = known(std::string(service) + ":" + std::string(operation))) out.push_back(*r);
  return out;
}

}  // namespace lambdalint::iam
