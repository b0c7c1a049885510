// EVT003 sqs-visibility-timeout: a queue's VisibilityTimeout below the timeout
// of the function that polls it (Lambda rejects the event source mapping:
// error) or below six times that timeout plus the batching window (AWS's
// recommendation, so throttled or retried batches are not delivered twice:
// warning).
#include <fmt/format.h>

#include "engine/rule.h"
#include "model/event_facts.h"

namespace lambdalint {
namespace {

constexpr long long kDefaultVisibilityTimeout = 30;

class SqsVisibilityTimeout final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT003",
                            "sqs-visibility-timeout",
                            Severity::Warning,
                            "SQS VisibilityTimeout below the consuming function's timeout (error) or below six times "
                            "it plus the batching window (warning)",
                            {"reliability", "correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    for (const auto& [queue, c] : evt::queueConsumers(model)) {
      const Function& fn = *c.fn;
      // Timeout written with an intrinsic (parameter, condition): no static value to compare.
      if (fn.property("Timeout") && !fn.timeout) continue;
      const Node* written = queue->property("VisibilityTimeout");
      if (written && !written->asInt()) continue;
      long long visibility = written ? *written->asInt() : kDefaultVisibilityTimeout;
      long long timeout = fn.timeoutOrDefault();
      const Node* windowNode = c.properties ? c.properties->get("MaximumBatchingWindowInSeconds") : nullptr;
      std::optional<long long> window = windowNode ? windowNode->asInt() : std::optional<long long>(0);
      std::string queueText =
          written ? fmt::format("VisibilityTimeout {} s of queue '{}'", visibility, queue->id)
                  : fmt::format("queue '{}' has the default VisibilityTimeout {} s, which", queue->id, visibility);
      const Node& at = written ? *written : *queue->keyNode;

      if (visibility < timeout) {
        long long recommended = 6 * timeout + window.value_or(0);
        auto& d = ctx.report(at,
                             fmt::format("{} is below the timeout {} s of function '{}' that polls it: Lambda "
                                         "rejects the event source mapping; set VisibilityTimeout to at least {} "
                                         "(6 x {} s{})",
                                         queueText, timeout, fn.id, recommended, timeout, windowText(window)),
                             queue->id, "below-timeout:" + fn.id);
        d.severity = Severity::Error;
        relate(ctx, d, model, c);
        continue;
      }
      if (!window) continue;  // batching window written with an intrinsic: the recommendation is unknown
      long long recommended = 6 * timeout + *window;
      if (visibility >= recommended) continue;
      auto& d = ctx.report(at,
                           fmt::format("{} is less than 6 x the timeout {} s of function '{}'{} = {} s: a batch "
                                       "that is throttled or retried becomes visible again while it is still being "
                                       "processed and is handled twice; set VisibilityTimeout to at least {}",
                                       queueText, timeout, fn.id, windowText(window), recommended, recommended),
                           queue->id, "below-6x-timeout:" + fn.id);
      relate(ctx, d, model, c);
    }
  }

 private:
  static std::string windowText(std::optional<long long> window) {
    return window && *window > 0 ? fmt::format(" + MaximumBatchingWindowInSeconds {} s", *window) : std::string();
  }

  static void relate(RuleContext& ctx, Diagnostic& d, const TemplateModel& model, const evt::QueueConsumer& c) {
    const Node* timeout = c.fn->property("Timeout");
    RuleContext::relate(d, ctx.path(), timeout ? *timeout : *c.fn->resource->keyNode,
                        fmt::format("timeout of function '{}'", c.fn->id));
    RuleContext::relate(d, ctx.path(), evt::eventAnchor(model, *c.fn, *c.event),
                        "the queue is polled by " + evt::describeEvent(*c.event));
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SqsVisibilityTimeout)

}  // namespace lambdalint
