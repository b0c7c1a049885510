// OPS006 reserved-concurrency-zero: ReservedConcurrentExecutions: 0 throttles
// every invocation, so the function never runs.
#include <fmt/format.h>

#include "ops_support.h"

namespace lambdalint {
namespace {

class ReservedConcurrencyZero final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"OPS006",
                            "reserved-concurrency-zero",
                            Severity::Warning,
                            "ReservedConcurrentExecutions: 0 throttles every invocation: the function never runs",
                            {"reliability", "correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    ops::PropertyUses<int> uses;
    for (const auto& fn : ctx.model().functions) {
      const Node* reserved = fn.property("ReservedConcurrentExecutions");
      if (reserved && reserved->asInt() == 0) uses.add(*reserved, fn, 0);
    }
    for (const auto& use : uses.all()) {
      std::string where = ops::inGlobals(ctx.model(), *use.node) ? "Globals " : "";
      ctx.report(*use.node,
                 fmt::format("{}ReservedConcurrentExecutions 0 throttles every invocation of {}: {} never {} "
                             "(synchronous callers get 429 TooManyRequestsException, asynchronous events are retried "
                             "for up to 6 hours and then discarded, queues back up); remove it or reserve the "
                             "concurrency the function needs, and if this is an intended off switch, suppress OPS006 "
                             "here",
                             where, ops::joinNames(use.functions), use.functions.size() > 1 ? "they" : "it",
                             use.functions.size() > 1 ? "run" : "runs"),
                 ops::resourceIdOf(use.functions));
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(ReservedConcurrencyZero)

}  // namespace lambdalint
