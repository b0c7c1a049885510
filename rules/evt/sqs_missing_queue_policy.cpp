// EVT007 sqs-missing-queue-policy: an SNS topic subscribed to an SQS queue
// whose AWS::SQS::QueuePolicy does not let sns.amazonaws.com send to it (or
// lets it only for another topic), so SNS cannot deliver a single message.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "engine/rule.h"
#include "model/event_facts.h"
#include "util/ascii_case.h"

namespace lambdalint {
namespace {

// Does the IAM action pattern (`sqs:SendMessage`, `sqs:Send*`, `sqs:*`, `*`) match sqs:SendMessage?
bool allowsSendMessage(const Node& action) {
  for (const auto& a : flattenList(action)) {
    if (!a.known) continue;
    std::string pattern = RE2::QuoteMeta(asciiLower(a.text));
    RE2::GlobalReplace(&pattern, R"(\\\*)", ".*");
    RE2::GlobalReplace(&pattern, R"(\\\?)", ".");
    if (RE2::FullMatch("sqs:sendmessage", pattern)) return true;
  }
  return false;
}

// Principal `*`, `{AWS: '*'}` or `{Service: sns.amazonaws.com}`.
bool allowsSns(const Node& principal) {
  if (principal.str() == "*") return true;
  if (const Node* aws = principal.get("AWS")) {
    for (const auto& p : flattenList(*aws)) {
      if (p.known && p.text == "*") return true;
    }
  }
  const Node* service = principal.get("Service");
  if (!service) return false;
  for (const auto& s : flattenList(*service)) {
    if (s.text == "sns.amazonaws.com" || s.text.rfind("sns.${AWS::URLSuffix}", 0) == 0) return true;
  }
  return false;
}

// Does the statement's Resource (if any) cover the queue? Only a Resource that
// names other template resources and not this queue excludes it.
bool coversQueue(const Node* resource, const std::string& queueId) {
  if (!resource) return true;
  bool namesOthers = false;
  for (const auto& r : flattenList(*resource)) {
    if (!r.known || r.refs.empty()) return true;
    if (std::find(r.refs.begin(), r.refs.end(), queueId) != r.refs.end()) return true;
    namesOthers = true;
  }
  return !namesOthers;
}

// The aws:SourceArn values of a condition block, with their nodes.
std::vector<FlatValue> sourceArnValues(const Node* condition) {
  std::vector<FlatValue> out;
  if (!condition) return out;
  for (const auto& op : condition->entries) {
    if (asciiLower(op.key.value).find("not") != std::string::npos) continue;  // ArnNotEquals, StringNotLike, ...
    for (const auto& key : op.value.entries) {
      if (asciiLower(key.key.value) != "aws:sourcearn") continue;
      for (auto& v : flattenList(key.value)) out.push_back(std::move(v));
    }
  }
  return out;
}

struct Verdict {
  bool allowed = false;
  std::optional<FlatValue> otherTopic;  // the aws:SourceArn value naming another topic, when that is what blocks
};

class SqsMissingQueuePolicy final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT007",
                            "sqs-missing-queue-policy",
                            Severity::Error,
                            "SNS-to-SQS subscription whose queue policy does not allow sqs:SendMessage from "
                            "sns.amazonaws.com for that topic",
                            {"reliability", "correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    for (const auto& s : evt::snsSubscriptions(model)) {
      if (s.protocol != "sqs" || s.samQueuePolicy || s.queueId.empty()) continue;
      std::vector<const Resource*> policies = policiesOf(model, s.queueId);
      const Resource* queue = model.resource(s.queueId);
      const Node& at = s.endpoint ? *s.endpoint : *s.anchor;
      std::string topic = s.topicId.empty() ? std::string("the topic") : fmt::format("topic '{}'", s.topicId);
      std::string sourceArn = s.topicId.empty() ? std::string("the topic ARN") : "!Ref " + s.topicId;
      if (policies.empty()) {
        auto& d = ctx.report(at,
                             fmt::format("queue '{}' subscribed to {} has no AWS::SQS::QueuePolicy: SNS is not "
                                         "allowed to send to it and every message is lost; add a QueuePolicy on "
                                         "the queue allowing sqs:SendMessage to Service sns.amazonaws.com with "
                                         "Condition ArnEquals aws:SourceArn: {}",
                                         s.queueId, topic, sourceArn),
                             s.holderId, "no-queue-policy:" + s.queueId + ":" + s.topicId);
        RuleContext::relate(d, ctx.path(), *queue->keyNode, "queue " + queue->id);
        continue;
      }
      Verdict verdict;
      const Resource* otherTopicPolicy = nullptr;
      for (const Resource* policy : policies) {
        Verdict v = evaluate(*policy, s.queueId, s.topicId);
        if (v.allowed) {
          verdict = std::move(v);
          break;
        }
        if (v.otherTopic && !verdict.otherTopic) {
          verdict = std::move(v);
          otherTopicPolicy = policy;
        }
      }
      if (verdict.allowed) continue;
      if (verdict.otherTopic) {
        auto& d =
            ctx.report(*verdict.otherTopic->node,
                       fmt::format("the aws:SourceArn condition of queue policy '{}' lets SNS send to queue "
                                   "'{}' only from '{}', not from {} which subscribes the queue: its "
                                   "messages are rejected and lost; add !Ref {} to the condition",
                                   otherTopicPolicy->id, s.queueId, verdict.otherTopic->refs.front(), topic, s.topicId),
                       otherTopicPolicy->id, "other-topic:" + s.queueId + ":" + s.topicId);
        RuleContext::relate(d, ctx.path(), at, s.description + " sends to the queue");
        continue;
      }
      auto& d = ctx.report(at,
                           fmt::format("no statement of the queue policy of '{}' allows sqs:SendMessage to Service "
                                       "sns.amazonaws.com: SNS cannot deliver messages from {} and they are lost; "
                                       "add such a statement with Condition ArnEquals aws:SourceArn: {}",
                                       s.queueId, topic, sourceArn),
                           s.holderId, "policy-without-sns:" + s.queueId + ":" + s.topicId);
      for (const Resource* policy : policies) {
        RuleContext::relate(d, ctx.path(), *policy->keyNode, "queue policy " + policy->id);
      }
    }
  }

 private:
  static std::vector<const Resource*> policiesOf(const TemplateModel& model, const std::string& queueId) {
    std::vector<const Resource*> out;
    for (const auto& r : model.resources) {
      if (r.type != "AWS::SQS::QueuePolicy") continue;
      const Node* queues = r.property("Queues");
      if (!queues) continue;
      for (const auto& q : flattenList(*queues)) {
        if (std::find(q.refs.begin(), q.refs.end(), queueId) != q.refs.end()) {
          out.push_back(&r);
          break;
        }
      }
    }
    return out;
  }

  static Verdict evaluate(const Resource& policy, const std::string& queueId, const std::string& topicId) {
    Verdict out;
    // A document we cannot read (JSON string, intrinsic) is assumed to allow: precision first.
    out.allowed = true;
    const Node* document = policy.property("PolicyDocument");
    if (!document || !document->isMapping() || !document->intrinsic().empty()) return out;
    const Node* statements = document->get("Statement");
    if (!statements || !statements->intrinsic().empty()) return out;
    out.allowed = false;
    std::vector<const Node*> list;
    if (statements->isSequence()) {
      for (const auto& s : statements->items) list.push_back(&s);
    } else {
      list.push_back(statements);
    }
    for (const Node* s : list) {
      const Node* effect = s->get("Effect");
      const Node* action = s->get("Action");
      const Node* principal = s->get("Principal");
      if (!s->intrinsic().empty() || (action && !action->intrinsic().empty()) ||
          (principal && !principal->intrinsic().empty())) {
        out.allowed = true;  // written with Fn::If and the like: unknown
        return out;
      }
      if (!effect || effect->str() != "Allow" || !action || !principal) continue;
      if (!allowsSendMessage(*action) || !allowsSns(*principal) || !coversQueue(s->get("Resource"), queueId)) continue;
      std::vector<FlatValue> arns = sourceArnValues(s->get("Condition"));
      if (arns.empty() || topicId.empty()) {
        out.allowed = true;
        return out;
      }
      for (const auto& v : arns) {
        // A literal ARN or a pattern: cannot tell which topic, assume it matches.
        if (v.refs.empty() || !v.known || std::find(v.refs.begin(), v.refs.end(), topicId) != v.refs.end()) {
          out.allowed = true;
          return out;
        }
      }
      if (!out.otherTopic) out.otherTopic = arns.front();
    }
    return out;
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SqsMissingQueuePolicy)

}  // namespace lambdalint
