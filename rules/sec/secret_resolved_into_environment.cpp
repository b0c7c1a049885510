// SEC003 secret-resolved-into-environment: a secret put into a function's environment by reference, which
// CloudFormation resolves into plain text in the function configuration: a `{{resolve:secretsmanager:...}}`
// dynamic reference, or a `NoEcho` parameter. `{{resolve:ssm-secure:...}}` is not supported in Lambda
// environment variables at all: the deployment fails.
#include <fmt/format.h>

#include "engine/rule.h"
#include "model/environment_variables.h"

namespace lambdalint {
namespace {

constexpr std::string_view kFix =
    "pass the secret's ARN or name instead and read the value at run time (Secrets Manager or SSM SDK, or the "
    "Parameters and Secrets Lambda extension)";

bool noEcho(const Node& parameter) {
  const Node* flag = parameter.get("NoEcho");
  return flag && flag->asBool().value_or(false);
}

class SecretResolvedIntoEnvironment final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"SEC003",
                            "secret-resolved-into-environment",
                            Severity::Warning,
                            "Secret passed into a function's environment by reference (`{{resolve:secretsmanager:}}`, "
                            "a NoEcho parameter): it is stored in plain text in the function configuration",
                            {"security"},
                            "CWE-312",
                            6.5};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& v : environmentVariables(ctx.model())) {
      checkVariable(ctx, v.owner, v.resourceId, v.entry->key.value, v.entry->value);
    }
  }

 private:
  static void checkVariable(RuleContext& ctx, const std::string& owner, const std::string& id, const std::string& name,
                            const Node& value) {
    FlatValue flat = flatten(value);
    if (flat.text.find("{{resolve:ssm-secure:") != std::string::npos) {
      Diagnostic& d = ctx.report(
          value,
          fmt::format("environment variable {} {} uses an ssm-secure dynamic reference, which CloudFormation does "
                      "not support in Lambda environment variables: the deployment fails; {}",
                      name, owner, kFix),
          id, name + " ssm-secure");
      d.severity = Severity::Error;
      return;
    }
    if (flat.text.find("{{resolve:secretsmanager:") != std::string::npos) {
      ctx.report(value,
                 fmt::format("environment variable {} {} resolves a Secrets Manager secret at deployment: its value "
                             "is stored in plain text in the function configuration, readable by anyone with "
                             "lambda:GetFunctionConfiguration; {}",
                             name, owner, kFix),
                 id, name + " secretsmanager");
      return;
    }
    const Node* params = ctx.model().parameters;
    if (!params) return;
    for (const std::string& ref : flat.refs) {
      const Node* param = params->get(ref);
      if (!param || !noEcho(*param)) continue;
      ctx.report(value,
                 fmt::format("environment variable {} {} takes the NoEcho parameter {}: NoEcho hides it in "
                             "CloudFormation, but Lambda stores it in plain text in the function configuration; {}",
                             name, owner, ref, kFix),
                 id, name + " parameter " + ref);
      return;
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SecretResolvedIntoEnvironment)

}  // namespace lambdalint
