// EVT001 async-no-failure-destination: a function invoked asynchronously (S3,
// SNS, EventBridge, schedules, CloudWatch Logs, IoT, ...) with neither a
// dead-letter queue nor an OnFailure destination, so an event that still fails
// after Lambda's retries is dropped.
#include <fmt/format.h>

#include "engine/rule.h"
#include "model/event_facts.h"

namespace lambdalint {
namespace {

// The DeadLetterConfig of an EventBridge rule / Scheduler target, when written.
const Node* targetDeadLetterConfig(const EventSource& e) {
  if (!e.properties) return nullptr;
  switch (e.origin) {
    case EventOrigin::SamEvent:
      if (e.type == "EventBridgeRule" || e.type == "CloudWatchEvent" || e.type == "Schedule" ||
          e.type == "ScheduleV2") {
        return e.properties->get("DeadLetterConfig");
      }
      return nullptr;
    case EventOrigin::EventBridgeTarget:
    case EventOrigin::SchedulerTarget:
      return e.properties->get("DeadLetterConfig");
    default:
      return nullptr;
  }
}

class AsyncNoFailureDestination final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT001",
                            "async-no-failure-destination",
                            Severity::Warning,
                            "Asynchronously invoked function has neither a dead-letter queue nor an OnFailure "
                            "destination",
                            {"reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    for (const auto& fn : model.functions) {
      if (fn.deadLetterTarget || fn.onFailureDestination) continue;
      // Written with an intrinsic (`!If [Prod, {...}, !Ref AWS::NoValue]`): unknown, not missing.
      const Node* props = fn.props.get();
      if (evt::presentOrUnknown(props, {"DeadLetterQueue", "TargetArn"}) ||
          evt::presentOrUnknown(props, {"DeadLetterConfig", "TargetArn"}) ||
          evt::presentOrUnknown(props, {"EventInvokeConfig", "DestinationConfig", "OnFailure"})) {
        continue;
      }
      std::vector<const EventSource*> async;
      std::vector<const EventSource*> withTargetDlq;
      for (const auto& e : fn.events) {
        if (e.invocation != Invocation::Asynchronous) continue;
        // SNS with SqsSubscription: the function polls a queue, SNS never invokes it.
        if (evt::samSqsSubscription(e)) continue;
        async.push_back(&e);
        if (targetDeadLetterConfig(e)) withTargetDlq.push_back(&e);
      }
      if (async.empty()) continue;

      std::string sources;
      for (size_t i = 0; i < async.size() && i < 3; ++i) {
        sources += (i ? ", " : "") + evt::describeEvent(*async[i]);
      }
      if (async.size() > 3) sources += fmt::format(" and {} more", async.size() - 3);
      std::string fix = fn.sam ? "add DeadLetterQueue (Type: SQS or SNS) or EventInvokeConfig.DestinationConfig."
                                 "OnFailure to the function"
                               : "add DeadLetterConfig.TargetArn to the function or an AWS::Lambda::EventInvokeConfig "
                                 "with DestinationConfig.OnFailure";
      std::string targetNote;
      if (!withTargetDlq.empty()) {
        targetNote = fmt::format(
            " (the DeadLetterConfig of the {} catches only events that could not be delivered "
            "to Lambda, not the function's own failures)",
            evt::describeEvent(*withTargetDlq.front()));
      }
      auto& d = ctx.report(*fn.resource->keyNode,
                           fmt::format("function '{}' is invoked asynchronously by {} but has no dead-letter queue "
                                       "or OnFailure destination: an event that still fails after Lambda's "
                                       "retries (2 by default) is dropped{}; {}",
                                       fn.id, sources, targetNote, fix),
                           fn.id, "async-no-failure-destination");
      for (const EventSource* e : async) {
        RuleContext::relate(d, ctx.path(), evt::eventAnchor(model, fn, *e),
                            "invoked asynchronously by " + evt::describeEvent(*e));
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(AsyncNoFailureDestination)

}  // namespace lambdalint
