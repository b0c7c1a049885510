#include "iam/managed_policies.h"

#include <algorithm>
#include <vector>

#include "iam_generated.h"
#include "util/ascii_case.h"

namespace lambdalint::iam {
namespace {

namespace gen = generated;

const std::vector<ManagedPolicy>& table() {
  static const std::vector<ManagedPolicy> policies = [] {
    const auto view = [](gen::Str s) { return std::string_view(gen::kManagedPolicyStrings + s.offset, s.size); };
    std::vector<ManagedPolicy> result;
    result.reserve(gen::kManagedPolicyCount);
    for (std::uint32_t i = 0; i < gen::kManagedPolicyCount; ++i) {
      const gen::ManagedPolicy& raw = gen::kManagedPolicies[i];
      result.push_back({view(raw.name), view(raw.arn), view(raw.path), view(raw.document)});
    }
    return result;
  }();
  return policies;
}

const ManagedPolicy* findByName(std::string_view name) {
  const auto& policies = table();
  auto it = std::lower_bound(policies.begin(), policies.end(), name, [](const ManagedPolicy& p, std::string_view n) {
    return compareIgnoreCase(p.name, n) < 0;
  });
  return (it != policies.end() && compareIgnoreCase(it->name, name) == 0) ? &*it : nullptr;
}

// "aws", "aws-cn", "aws-us-gov", "aws-iso-b", ... or the pseudo parameter a template writes inside !Sub.
bool isPartition(std::string_view partition) {
  if (partition == "${AWS::Partition}") return true;
  if (!partition.starts_with("aws")) return false;
  return std::all_of(partition.begin(), partition.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

const ManagedPolicy* findManagedPolicy(std::string_view nameOrArn) {
  constexpr std::string_view kArnStart = "arn:";
  constexpr std::string_view kAfterPartition = ":iam::aws:policy/";
  if (!nameOrArn.starts_with(kArnStart)) {
    // A bare name never contains '/': "service-role/X" is neither a name nor an ARN.
    return nameOrArn.find('/') == std::string_view::npos ? findByName(nameOrArn) : nullptr;
  }
  std::string_view rest = nameOrArn.substr(kArnStart.size());
  // "${AWS::Partition}" contains colons, so find the end of the partition by what must follow it.
  const std::size_t partitionEnd = rest.find(kAfterPartition);
  if (partitionEnd == std::string_view::npos || !isPartition(rest.substr(0, partitionEnd))) return nullptr;
  const std::string_view pathAndName = rest.substr(partitionEnd + kAfterPartition.size() - 1);  // from the path's '/'
  const std::size_t lastSlash = pathAndName.rfind('/');
  const ManagedPolicy* policy = findByName(pathAndName.substr(lastSlash + 1));
  return (policy && policy->path == pathAndName.substr(0, lastSlash + 1)) ? policy : nullptr;
}

std::span<const ManagedPolicy> managedPolicies() { return table(); }

std::string_view managedPoliciesVersion() { return gen::kManagedPoliciesVersion; }

}  // namespace lambdalint::iam
