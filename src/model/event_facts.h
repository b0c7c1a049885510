#pragma once
// Template facts about event sources and failure handling, read by several
// rules: where an event source is declared and how to name it in a message,
// the SNS subscriptions of a template in their three spellings, the queues
// consumed by functions, and the queues that serve as dead-letter targets.
#include <fmt/format.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/app_model.h"

namespace lambdalint::evt {

inline bool isTrue(const Node* n) { return n && n->asBool().value_or(false); }

// The first template resource `n` refers to (`!Ref X`, `!GetAtt X.Arn`,
// `${X.Arn}`), optionally of one type.
inline const Resource* referencedResource(const TemplateModel& m, const Node* n, std::string_view type = {}) {
  if (!n) return nullptr;
  for (const auto& id : flatten(*n).refs) {
    const Resource* r = m.resource(id);
    if (r && (type.empty() || r->type == type)) return r;
  }
  return nullptr;
}

// True when `path` leads to a value under `root`, or when some node on the way
// is written with an intrinsic (`!If [HasDlq, {...}, !Ref AWS::NoValue]`):
// then the value is unknown and a rule must not claim it is missing.
inline bool presentOrUnknown(const Node* root, std::initializer_list<std::string_view> path) {
  const Node* n = root;
  for (auto key : path) {
    if (!n) return false;
    if (!n->intrinsic().empty()) return true;
    n = n->get(key);
  }
  return n != nullptr;
}

// A literal integer; nullopt when absent or written with an intrinsic.
inline std::optional<long long> literalInt(const Node* n) { return n ? n->asInt() : std::nullopt; }

// Where a finding about an event source lands (or is related): the SAM event's
// name, the declaring resource's logical id when the declaration is the whole
// resource (mapping, subscription, permission, schedule), else the entry inside
// the resource (bucket notification, rule target, inline topic subscription).
inline const Node& eventAnchor(const TemplateModel& m, const Function& fn, const EventSource& e) {
  if (e.origin == EventOrigin::SamEvent) {
    if (const Node* events = fn.property("Events")) {
      if (const Node* key = events->keyNode(e.name)) return *key;
    }
    return e.node ? *e.node : *fn.resource->keyNode;
  }
  const Resource* r = m.resource(e.declaringId);
  if (r && (!e.node || e.node == r->node || e.origin == EventOrigin::SchedulerTarget)) return *r->keyNode;
  return e.node ? *e.node : *fn.resource->keyNode;
}

// "SQS event 'Jobs'", "event source mapping 'JobsMapping'", "target of rule 'Nightly'", ...
inline std::string describeEvent(const EventSource& e) {
  switch (e.origin) {
    case EventOrigin::SamEvent:
      return fmt::format("{} event '{}'", e.type, e.name);
    case EventOrigin::EventSourceMapping:
      return fmt::format("event source mapping '{}'", e.name);
    case EventOrigin::S3Notification:
      return fmt::format("notification of bucket '{}'", e.declaringId);
    case EventOrigin::SnsSubscription:
      return e.declaringId == e.sourceId ? fmt::format("subscription of topic '{}'", e.declaringId)
                                         : fmt::format("SNS subscription '{}'", e.name);
    case EventOrigin::EventBridgeTarget:
      return fmt::format("target of rule '{}'", e.declaringId);
    case EventOrigin::SchedulerTarget:
      return fmt::format("schedule '{}'", e.declaringId);
    case EventOrigin::Permission:
      return fmt::format("permission '{}' ({})", e.name, e.type);
    case EventOrigin::FunctionUrl:
      return fmt::format("function URL '{}'", e.name);
  }
  return e.name;
}

// A SAM SNS event with `SqsSubscription: true` or `SqsSubscription: {QueueArn, QueueUrl, ...}`:
// SAM puts a queue between the topic and the function, subscribes it, writes
// its queue policy and polls it with an event source mapping.
inline const Node* samSqsSubscription(const EventSource& e) {
  if (e.origin != EventOrigin::SamEvent || e.type != "SNS" || !e.properties) return nullptr;
  const Node* s = e.properties->get("SqsSubscription");
  if (!s) return nullptr;
  if (s->isMapping() && s->intrinsic().empty()) return s;
  return isTrue(s) ? s : nullptr;
}

// The kind of a polled source: SQS, Kinesis, DynamoDB (stream), or what the model says.
inline std::string_view pollKind(const TemplateModel& m, const EventSource& e) {
  if (e.invocation != Invocation::Polled) return {};
  if (e.type == "Unknown" && !e.sourceId.empty()) {
    // Enhanced fan-out: the mapping reads a stream consumer.
    const Resource* r = m.resource(e.sourceId);
    if (r && r->type == "AWS::Kinesis::StreamConsumer") return "Kinesis";
  }
  return e.type;
}

enum class SubscriptionForm { Resource, TopicInline, SamEvent };

struct SnsSubscription {
  SubscriptionForm form = SubscriptionForm::Resource;
  std::string protocol;              // "sqs" or "lambda"
  std::string topicId;               // the topic, when it is in this template
  std::string queueId;               // protocol sqs: the queue, when it is in this template
  const Node* endpoint = nullptr;    // Endpoint value, or SqsSubscription.QueueArn; null for a SAM-made queue
  const Node* anchor = nullptr;      // where findings about the subscription land
  const Node* properties = nullptr;  // subscription Properties, inline item, or SAM event Properties
  std::string holderId;              // the resource declaring it (subscription, topic, function)
  std::string description;           // for messages
  bool samQueuePolicy = false;       // SAM SNS event with SqsSubscription: SAM writes the queue policy
};

// Every SNS subscription with protocol sqs or lambda: AWS::SNS::Subscription
// resources, AWS::SNS::Topic Subscription entries and SAM SNS events.
inline std::vector<SnsSubscription> snsSubscriptions(const TemplateModel& m) {
  std::vector<SnsSubscription> out;
  auto endpointQueue = [&](const Node* endpoint) {
    const Resource* q = referencedResource(m, endpoint, "AWS::SQS::Queue");
    return q ? q->id : std::string();
  };
  for (const auto& r : m.resources) {
    if (r.type == "AWS::SNS::Subscription") {
      const Node* protocol = r.property("Protocol");
      if (!protocol || (protocol->str() != "sqs" && protocol->str() != "lambda")) continue;
      SnsSubscription s;
      s.form = SubscriptionForm::Resource;
      s.protocol = protocol->str();
      const Resource* topic = referencedResource(m, r.property("TopicArn"), "AWS::SNS::Topic");
      if (topic) s.topicId = topic->id;
      s.endpoint = r.property("Endpoint");
      if (s.protocol == "sqs") s.queueId = endpointQueue(s.endpoint);
      s.anchor = r.keyNode;
      s.properties = r.properties;
      s.holderId = r.id;
      s.description = fmt::format("subscription '{}'", r.id);
      out.push_back(std::move(s));
    } else if (r.type == "AWS::SNS::Topic") {
      const Node* subs = r.property("Subscription");
      if (!subs) continue;
      for (const auto& item : subs->items) {
        const Node* protocol = item.get("Protocol");
        if (!protocol || (protocol->str() != "sqs" && protocol->str() != "lambda")) continue;
        SnsSubscription s;
        s.form = SubscriptionForm::TopicInline;
        s.protocol = protocol->str();
        s.topicId = r.id;
        s.endpoint = item.get("Endpoint");
        if (s.protocol == "sqs") s.queueId = endpointQueue(s.endpoint);
        s.anchor = &item;
        s.properties = &item;
        s.holderId = r.id;
        s.description = fmt::format("subscription of topic '{}'", r.id);
        out.push_back(std::move(s));
      }
    }
  }
  for (const auto& fn : m.functions) {
    for (const auto& e : fn.events) {
      if (e.origin != EventOrigin::SamEvent || e.type != "SNS") continue;
      SnsSubscription s;
      s.form = SubscriptionForm::SamEvent;
      s.topicId = e.sourceId;
      s.anchor = &eventAnchor(m, fn, e);
      s.properties = e.properties;
      s.holderId = fn.id;
      s.description = fmt::format("SNS event '{}' of function '{}'", e.name, fn.id);
      if (const Node* sqs = samSqsSubscription(e)) {
        s.protocol = "sqs";
        s.samQueuePolicy = true;
        if (sqs->isMapping()) {
          s.endpoint = sqs->get("QueueArn");
          s.queueId = endpointQueue(s.endpoint);
        }
      } else {
        s.protocol = "lambda";
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

// A queue a function polls, with the declaration that makes it poll.
struct QueueConsumer {
  const Function* fn = nullptr;
  const EventSource* event = nullptr;
  const Node* properties = nullptr;  // mapping / event properties (BatchSize, MaximumBatchingWindowInSeconds, ...)
};

// Functions polling each template queue: SAM SQS events, event source
// mappings on a queue, and SAM SNS events with SqsSubscription naming a queue.
inline std::vector<std::pair<const Resource*, QueueConsumer>> queueConsumers(const TemplateModel& m) {
  std::vector<std::pair<const Resource*, QueueConsumer>> out;
  for (const auto& fn : m.functions) {
    for (const auto& e : fn.events) {
      const Resource* queue = nullptr;
      const Node* props = e.properties;
      if (e.invocation == Invocation::Polled && e.type == "SQS") {
        queue = m.resource(e.sourceId);
      } else if (const Node* sqs = samSqsSubscription(e); sqs && sqs->isMapping()) {
        queue = referencedResource(m, sqs->get("QueueArn"), "AWS::SQS::Queue");
        props = sqs;
      }
      if (queue && queue->type == "AWS::SQS::Queue") out.push_back({queue, {&fn, &e, props}});
    }
  }
  return out;
}

namespace detail {

inline void collectRefs(const TemplateModel& m, const Node& n, std::set<std::string>& out) {
  if (!n.intrinsic().empty()) {
    for (const auto& id : flatten(n).refs) {
      if (m.resource(id)) out.insert(id);
    }
    return;
  }
  for (const auto& item : n.items) collectRefs(m, item, out);
  for (const auto& e : n.entries) collectRefs(m, e.value, out);
}

inline void collectDeadLetterRefs(const TemplateModel& m, const Node& n, std::set<std::string>& out) {
  static const std::set<std::string, std::less<>> kKeys = {"deadLetterTargetArn", "DeadLetterConfig", "DeadLetterQueue",
                                                           "OnFailure"};
  for (const auto& item : n.items) collectDeadLetterRefs(m, item, out);
  for (const auto& e : n.entries) {
    if (e.key.isScalar() && kKeys.count(e.key.value)) {
      collectRefs(m, e.value, out);
    } else {
      collectDeadLetterRefs(m, e.value, out);
    }
  }
}

}  // namespace detail

// Logical ids of everything some resource names as its dead-letter or
// on-failure target: a queue's RedrivePolicy.deadLetterTargetArn, a function's
// DeadLetterQueue/DeadLetterConfig, an OnFailure destination (event invoke
// config, stream mapping), an SNS subscription's or EventBridge target's DLQ.
inline std::set<std::string> deadLetterTargets(const TemplateModel& m) {
  std::set<std::string> out;
  for (const auto& r : m.resources) {
    if (r.node) detail::collectDeadLetterRefs(m, *r.node, out);
  }
  if (m.globals) detail::collectDeadLetterRefs(m, *m.globals, out);
  return out;
}

}  // namespace lambdalint::evt
