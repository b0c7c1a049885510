// EVT002 sqs-no-redrive: an SQS queue consumed by a function or subscribed to
// an SNS topic without a RedrivePolicy, so a message that keeps failing is
// received again and again until its retention period ends, then lost.
#include <fmt/format.h>

#include <map>

#include "engine/rule.h"
#include "model/event_facts.h"

namespace lambdalint {
namespace {

struct QueueUse {
  const Node* where = nullptr;
  std::string what;
};

class SqsNoRedrive final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT002",
                            "sqs-no-redrive",
                            Severity::Warning,
                            "SQS queue read by a function or fed by SNS has no RedrivePolicy (dead-letter queue)",
                            {"reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    // Uses per queue, in the order queues are declared.
    std::map<const Resource*, std::vector<QueueUse>> uses;
    std::map<const Resource*, bool> consumed;
    for (const auto& [queue, c] : evt::queueConsumers(model)) {
      uses[queue].push_back({&evt::eventAnchor(model, *c.fn, *c.event),
                             fmt::format("consumed by function '{}' ({})", c.fn->id, evt::describeEvent(*c.event))});
      consumed[queue] = true;
    }
    for (const auto& s : evt::snsSubscriptions(model)) {
      if (s.protocol != "sqs" || s.queueId.empty()) continue;
      auto& list = uses[model.resource(s.queueId)];
      bool known = false;  // a SAM SNS event with SqsSubscription both feeds and consumes the queue
      for (const auto& use : list) known = known || use.where == s.anchor;
      if (!known) list.push_back({s.anchor, "fed by " + s.description});
    }
    if (uses.empty()) return;
    std::set<std::string> deadLetters = evt::deadLetterTargets(model);
    for (const auto& r : model.resources) {
      auto it = uses.find(&r);
      if (it == uses.end() || r.property("RedrivePolicy") || deadLetters.count(r.id)) continue;
      const QueueUse& first = it->second.front();
      long long retention = evt::literalInt(r.property("MessageRetentionPeriod")).value_or(345600);
      std::string what = first.what;
      if (it->second.size() > 1) what += fmt::format(" and {} more", it->second.size() - 1);
      std::string fate = consumed.count(&r)
                             ? fmt::format(
                                   "a message the function keeps failing on is received again after every visibility "
                                   "timeout until MessageRetentionPeriod ({}) ends, then deleted",
                                   describeSeconds(retention))
                             : fmt::format(
                                   "a message its consumer keeps failing on is received again and again until "
                                   "MessageRetentionPeriod ({}) ends, then deleted",
                                   describeSeconds(retention));
      auto& d = ctx.report(*r.keyNode,
                           fmt::format("queue '{}' is {} but has no RedrivePolicy: {}; add RedrivePolicy with "
                                       "deadLetterTargetArn (a second queue) and maxReceiveCount (e.g. 5)",
                                       r.id, what, fate),
                           r.id, "sqs-no-redrive");
      for (const auto& use : it->second) RuleContext::relate(d, ctx.path(), *use.where, use.what);
    }
  }

 private:
  static std::string describeSeconds(long long s) {
    if (s % 86400 == 0) return fmt::format("{} day{}", s / 86400, s == 86400 ? "" : "s");
    if (s % 3600 == 0) return fmt::format("{} h", s / 3600);
    return fmt::format("{} s", s);
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SqsNoRedrive)

}  // namespace lambdalint
