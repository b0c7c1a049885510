// EVT006 sns-subscription-no-redrive: an SNS subscription delivering to SQS or
// Lambda without a subscription RedrivePolicy, so a message SNS cannot deliver
// is dropped.
#include <fmt/format.h>

#include "engine/rule.h"
#include "model/event_facts.h"

namespace lambdalint {
namespace {

class SnsSubscriptionNoRedrive final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT006",
                            "sns-subscription-no-redrive",
                            Severity::Warning,
                            "SNS subscription to SQS or Lambda without a RedrivePolicy: undeliverable messages are "
                            "dropped",
                            {"reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& s : evt::snsSubscriptions(ctx.model())) {
      if (s.properties && s.properties->get("RedrivePolicy")) continue;
      bool sqs = s.protocol == "sqs";
      std::string target;
      if (!s.queueId.empty()) {
        target = fmt::format(" to queue '{}'", s.queueId);
      } else if (const Resource* fn = evt::referencedResource(ctx.model(), s.endpoint);
                 !sqs && fn && ctx.model().function(fn->id)) {
        target = fmt::format(" to function '{}'", fn->id);
      }
      std::string fix;
      switch (s.form) {
        case evt::SubscriptionForm::Resource:
          fix = "add RedrivePolicy: {deadLetterTargetArn: <SQS queue ARN>} to the subscription";
          break;
        case evt::SubscriptionForm::TopicInline:
          fix =
              "an inline Subscription entry cannot carry one: declare it as an AWS::SNS::Subscription with "
              "RedrivePolicy: {deadLetterTargetArn: <SQS queue ARN>}";
          break;
        case evt::SubscriptionForm::SamEvent:
          fix = "add RedrivePolicy: {deadLetterTargetArn: <SQS queue ARN>} to the event's Properties";
          break;
      }
      auto& d = ctx.report(*s.anchor,
                           fmt::format("{} ({}{}) has no RedrivePolicy: SNS drops a message it cannot deliver to the "
                                       "{}, at once on a client error ({}) and after about 23 days of retries on "
                                       "a server error; {}",
                                       s.description, s.protocol, target, sqs ? "queue" : "function",
                                       sqs ? "missing queue policy, KMS key not usable by SNS, deleted queue"
                                           : "missing invoke permission, deleted function",
                                       fix),
                           s.holderId, "sns-subscription-no-redrive:" + s.description);
      const Resource* topic = ctx.model().resource(s.topicId);
      if (topic && s.form != evt::SubscriptionForm::TopicInline) {
        RuleContext::relate(d, ctx.path(), *topic->keyNode, "topic " + topic->id);
      }
      if (const Resource* queue = ctx.model().resource(s.queueId)) {
        RuleContext::relate(d, ctx.path(), *queue->keyNode, "subscribed queue " + queue->id);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SnsSubscriptionNoRedrive)

}  // namespace lambdalint
