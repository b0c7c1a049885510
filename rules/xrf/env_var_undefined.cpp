// XRF001 env-var-undefined: the handler reads an environment variable that
// the function does not define and Lambda does not set.
#include <fmt/format.h>

#include <array>

#include "engine/rule.h"

namespace lambdalint {
namespace {

// Set by the Lambda runtime in every execution environment (AWS Lambda
// developer guide, "Defined runtime environment variables"), plus the
// variables every Linux process inherits there.
constexpr std::array<std::string_view, 30> kSetByLambda = {
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_LAMBDA_LOG_FORMAT",
    "AWS_LAMBDA_LOG_LEVEL",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
    "AWS_XRAY_CONTEXT_MISSING",
    "AWS_XRAY_DAEMON_ADDRESS",
    "_AWS_XRAY_DAEMON_ADDRESS",
    "_AWS_XRAY_DAEMON_PORT",
    "TZ",
    "LANG",
    "PATH",
    "LD_LIBRARY_PATH",
    "NODE_PATH",
    "PYTHONPATH",
};

bool setByLambda(std::string_view name) {
  for (auto n : kSetByLambda) {
    if (n == name) return true;
  }
  return false;
}

class EnvVarUndefined final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"XRF001",
                            "env-var-undefined",
                            Severity::Warning,
                            "Handler reads an environment variable the function does not define",
                            {"correctness", "reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& source = ctx.source(fn);
      const auto& facts = source.facts;
      if (!facts) continue;
      // Variables written with an intrinsic (`Variables: !If ...`) cannot be listed.
      if (fn.environment && !fn.environment->isMapping()) continue;
      if (fn.environment && !fn.environment->intrinsic().empty()) continue;
      for (const auto& read : facts->envReads) {
        // A read in a function this handler never calls belongs to another handler of the same file.
        if (read.scope == code::Scope::Other) continue;
        if (setByLambda(read.name) || (fn.environment && fn.environment->get(read.name))) continue;
        auto& d = ctx.reportAt(
            source.path, read.range,
            read.hasDefault
                ? fmt::format("{} is not defined for function {}, so the default in the code is always used; "
                              "define it under Environment.Variables or drop the read",
                              read.name, fn.id)
                : fmt::format("{} is not defined for function {} (nor set by Lambda), so this read yields "
                              "undefined/None; add it under Environment.Variables",
                              read.name, fn.id),
            fn.id, read.name);
        if (read.hasDefault) d.severity = Severity::Note;
        const Node* at = fn.property("Environment") ? fn.props->keyNode("Environment") : fn.resource->keyNode;
        RuleContext::relate(d, ctx.path(), *at, "environment of function " + fn.id);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(EnvVarUndefined)

}  // namespace lambdalint
