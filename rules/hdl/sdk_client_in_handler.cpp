// HDL001 sdk-client-in-handler: an SDK client or a database/cache connection
// constructed on every invocation instead of once per execution environment.
#include <fmt/format.h>

#include "engine/rule.h"

namespace lambdalint {
namespace {

class SdkClientInHandler final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"HDL001",
                            "sdk-client-in-handler",
                            Severity::Warning,
                            "SDK client or database connection created inside the handler on every invocation",
                            {"performance", "cost"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& source = ctx.source(fn);
      const auto& facts = source.facts;
      if (!facts || !facts->handler.found) continue;
      for (const auto& c : facts->clients) {
        bool perInvocation = c.scope == code::Scope::Handler || c.scope == code::Scope::HandlerCallee;
        if (!perInvocation || c.lazilyCached) continue;
        std::string what =
            c.kind == "aws-sdk" ? fmt::format("{} client", c.service) : fmt::format("{} connection", c.library);
        std::string where = c.scope == code::Scope::Handler ? "inside the handler" : "in a function the handler calls";
        auto& d = ctx.reportAt(
            source.path, c.range,
            fmt::format("{} is created {}, so every invocation pays for a new client{}; create it once at module "
                        "scope (or cache it in a module-level variable) and reuse it across invocations",
                        what, where, c.kind == "aws-sdk" ? " and new TLS connections" : " and a new connection"),
            fn.id, fmt::format("{}:{}", c.library, c.variable));
        RuleContext::relate(d, ctx.path(), *fn.resource->keyNode, "handler of function " + fn.id);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SdkClientInHandler)

}  // namespace lambdalint
