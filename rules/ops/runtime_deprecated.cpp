// OPS002 runtime-deprecated: a function on a Lambda runtime past its end of
// support (error), or reaching it within six months (warning). The dates come
// from data/lambda-runtimes.json; "today" is the run's date (RunOptions::today).
#include <fmt/format.h>

#include "model/runtimes.h"
#include "ops_support.h"

namespace lambdalint {
namespace {

constexpr int kWarnMonths = 6;

// The replacement to recommend: follows the table while a replacement is itself deprecated.
const LambdaRuntime* replacementFor(const LambdaRuntime& runtime, Date today) {
  const LambdaRuntime* r = findLambdaRuntime(runtime.replacement);
  for (int hops = 0; r && r->deprecation <= today && !r->replacement.empty() && hops < 8; ++hops) {
    r = findLambdaRuntime(r->replacement);
  }
  return r;
}

class RuntimeDeprecated final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"OPS002",
                            "runtime-deprecated",
                            Severity::Error,
                            "Function uses a Lambda runtime past its end of support (error) or within six months of "
                            "it (warning)",
                            {"security", "reliability"},
                            "CWE-1104",
                            5.0};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const Date today = ctx.today();
    ops::PropertyUses<const LambdaRuntime*> uses;
    for (const auto& fn : ctx.model().functions) {
      const Node* packageType = fn.property("PackageType");
      if (packageType && packageType->str() == "Image") continue;  // the image brings its own runtime
      const Node* node = fn.property("Runtime");
      if (!node || !node->isScalar()) continue;  // written with an intrinsic
      const LambdaRuntime* runtime = findLambdaRuntime(node->str());
      if (!runtime || runtime->deprecation > addMonths(today, kWarnMonths)) continue;
      uses.add(*node, fn, runtime);
    }
    for (const auto& use : uses.all()) {
      const LambdaRuntime& r = *use.items.front();
      const LambdaRuntime* next = replacementFor(r, today);
      std::string upgrade = next ? fmt::format("upgrade to {}", next->identifier) : "upgrade to a supported runtime";
      std::string where = ops::inGlobals(ctx.model(), *use.node)
                              ? fmt::format(" (Globals, used by {})", ops::joinNames(use.functions))
                              : std::string();
      std::string message;
      bool deprecated = r.deprecation <= today;
      if (!deprecated) {
        auto days = (r.deprecation - today).count();
        message = fmt::format(
            "runtime {}{} reaches end of support on {} (in {} days): Lambda stops patching it then, blocks creating "
            "functions with it from {} and updating them from {}; {}",
            r.identifier, where, formatDate(r.deprecation), days, formatDate(r.blockCreate), formatDate(r.blockUpdate),
            upgrade);
      } else if (r.blockUpdate <= today) {
        message = fmt::format(
            "runtime {}{} is deprecated since {}: it gets no security patches, and Lambda blocks updates of functions "
            "using it since {}, so any deployment that changes {} fails; {}",
            r.identifier, where, formatDate(r.deprecation), formatDate(r.blockUpdate),
            use.functions.size() > 1 ? "these functions" : "this function", upgrade);
      } else {
        message = fmt::format(
            "runtime {}{} is deprecated since {}: it gets no security patches, and Lambda blocks updates of functions "
            "using it from {}; {}",
            r.identifier, where, formatDate(r.deprecation), formatDate(r.blockUpdate), upgrade);
      }
      // The key leaves out the day count, so the fingerprint stays stable from day to day.
      auto& d = ctx.report(*use.node, std::move(message), ops::resourceIdOf(use.functions),
                           fmt::format("{}:{}", r.identifier, deprecated ? "deprecated" : "soon"));
      if (!deprecated) d.severity = Severity::Warning;
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(RuntimeDeprecated)

}  // namespace lambdalint
