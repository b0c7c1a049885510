// OPS003 tracing-disabled: a function without active X-Ray tracing (SAM
// `Tracing: Active`, CloudFormation `TracingConfig: {Mode: Active}`).
#include <fmt/format.h>

#include "ops_support.h"

namespace lambdalint {
namespace {

class TracingDisabled final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "OPS003", "tracing-disabled", Severity::Note, "Function does not have active X-Ray tracing", {"observability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    ops::PropertyUses<int> written;  // a mode other than Active, possibly from Globals
    for (const auto& fn : ctx.model().functions) {
      const Node* mode = fn.sam ? fn.property("Tracing") : fn.property("TracingConfig");
      if (!fn.sam && mode && mode->isMapping() && mode->intrinsic().empty()) mode = mode->get("Mode");
      if (mode && !mode->isScalar()) continue;  // written with an intrinsic: unknown
      if (mode && mode->str() == "Active") continue;
      if (mode) {
        written.add(*mode, fn, 0);
        continue;
      }
      std::string fix = fn.sam ? "set Tracing: Active (for every function: Globals Function Tracing)"
                               : "set TracingConfig: {Mode: Active} and let the role write traces "
                                 "(xray:PutTraceSegments, xray:PutTelemetryRecords)";
      ctx.report(*fn.resource->keyNode,
                 fmt::format("function {} has no active X-Ray tracing, so its invocations and the AWS calls it makes "
                             "leave no trace to follow when a request is slow or fails; {}",
                             fn.id, fix),
                 fn.id);
    }
    for (const auto& use : written.all()) {
      bool sam = use.functions.front()->sam;
      std::string where =
          ops::inGlobals(ctx.model(), *use.node)
              ? fmt::format("Globals Tracing {} (used by {})", use.node->str(), ops::joinNames(use.functions))
              : fmt::format("{} {}", sam ? "Tracing" : "TracingConfig Mode", use.node->str());
      std::string why = use.node->str() == "PassThrough"
                            ? " (PassThrough only follows requests that arrive already sampled by the caller)"
                            : "";
      ctx.report(*use.node,
                 fmt::format("{} does not record traces of the {} own invocations{}; set it to Active", where,
                             use.functions.size() > 1 ? "functions'" : "function's", why),
                 ops::resourceIdOf(use.functions));
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(TracingDisabled)

}  // namespace lambdalint
