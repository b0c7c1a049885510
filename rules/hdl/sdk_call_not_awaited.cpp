// HDL003 sdk-call-not-awaited: a promise from an SDK call that an async
// handler neither awaits, returns nor collects.
#include <fmt/format.h>

#include "engine/rule.h"

namespace lambdalint {
namespace {

class SdkCallNotAwaited final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"HDL003",
                            "sdk-call-not-awaited",
                            Severity::Warning,
                            "SDK call whose promise is not awaited in an async handler: it may never complete",
                            {"reliability", "correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& source = ctx.source(fn);
      const auto& facts = source.facts;
      if (!facts || !facts->handler.found) continue;
      for (const auto& call : facts->sdkCalls) {
        if (call.awaited || call.scope == code::Scope::Other) continue;
        auto& d = ctx.reportAt(
            source.path, call.range,
            fmt::format("the promise of {}:{} is not awaited; Lambda freezes the environment when the handler's "
                        "promise resolves, so the request may never be sent. Await it (or collect it in "
                        "Promise.all and await that)",
                        call.service, call.operation),
            fn.id, fmt::format("{}:{}", call.service, call.operation));
        RuleContext::relate(d, ctx.path(), *fn.resource->keyNode, "handler of function " + fn.id);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SdkCallNotAwaited)

}  // namespace lambdalint
