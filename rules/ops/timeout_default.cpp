// OPS005 timeout-default: a function that does background work (asynchronous
// or polled event sources) with no Timeout, so the 3 s default applies.
#include <fmt/format.h>

#include "ops_support.h"

namespace lambdalint {
namespace {

std::string describe(const EventSource& e) {
  switch (e.origin) {
    case EventOrigin::SamEvent:
      return fmt::format("{} event {}", e.type, e.name);
    case EventOrigin::EventSourceMapping:
      return e.type == "Unknown" ? fmt::format("event source mapping {}", e.name)
                                 : fmt::format("{} event source mapping {}", e.type, e.name);
    case EventOrigin::S3Notification:
      return fmt::format("notifications of bucket {}", e.name);
    case EventOrigin::SnsSubscription:
      return fmt::format("SNS subscription {}", e.name);
    case EventOrigin::EventBridgeTarget:
      return fmt::format("{} rule {}", e.type == "Schedule" ? "schedule" : "EventBridge", e.name);
    case EventOrigin::SchedulerTarget:
      return fmt::format("EventBridge Scheduler schedule {}", e.name);
    case EventOrigin::Permission:
      return fmt::format("{} (permission {})", e.type, e.name);
    case EventOrigin::FunctionUrl:
      return fmt::format("function URL {}", e.name);
  }
  return e.name;
}

class TimeoutDefault final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"OPS005",
                            "timeout-default",
                            Severity::Warning,
                            "Function with asynchronous or polled event sources has no Timeout (3 s default)",
                            {"reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      if (fn.property("Timeout")) continue;  // written, on the function or in Globals (even as an intrinsic)
      std::vector<const EventSource*> background;
      for (const auto& e : fn.events) {
        if (e.invocation == Invocation::Asynchronous || e.invocation == Invocation::Polled) background.push_back(&e);
      }
      if (background.empty()) continue;
      const EventSource& first = *background.front();
      std::string how = first.invocation == Invocation::Polled ? "reads batches from" : "is invoked asynchronously by";
      auto& d = ctx.report(
          *fn.resource->keyNode,
          fmt::format("function {} has no Timeout, so it runs with the 3 s default although it {} {}: a run longer "
                      "than 3 s is killed and retried with no caller to notice; set Timeout to what the work needs{}",
                      fn.id, how, describe(first), fn.sam ? " (or Globals Function Timeout)" : ""),
          fn.id);
      for (const EventSource* e : background) {
        if (e->node) {
          RuleContext::relate(d, ctx.path(), *e->node,
                              fmt::format("{} invocation: {}", to_string(e->invocation), describe(*e)));
        }
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(TimeoutDefault)

}  // namespace lambdalint
