#include "model/event_facts.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

namespace lambdalint::evt {
namespace {

void collectRefs(const TemplateModel& m, const Node& n, std::set<std::string>& out) {
  if (!n.intrinsic().empty()) {
    for (const auto& id : flatten(n).refs) {
      if (m.resource(id)) out.insert(id);
    }
    return;
  }
  for (const auto& item : n.items) collectRefs(m, item, out);
  for (const auto& e : n.entries) collectRefs(m, e.value, out);
}

void collectDeadLetterRefs(const TemplateModel& m, const Node& n, std::set<std::string>& out) {
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

}  // namespace

const Resource* referencedResource(const TemplateModel& m, const Node* n, std::string_view type) {
  if (!n) return nullptr;
  for (const auto& id : flatten(*n).refs) {
    const Resource* r = m.resource(id);
    if (r && (type.empty() || r->type == type)) return r;
  }
  return nullptr;
}

bool presentOrUnknown(const Node* root, std::initializer_list<std::string_view> path) {
  const Node* n = root;
  for (auto key : path) {
    if (!n) return false;
    if (!n->intrinsic().empty()) return true;
    n = n->get(key);
  }
  return n != nullptr;
}

const Node& eventAnchor(const TemplateModel& m, const Function& fn, const EventSource& e) {
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

std::string describeEvent(const EventSource& e) {
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

const Node* samSqsSubscription(const EventSource& e) {
  if (e.origin != EventOrigin::SamEvent || e.type != "SNS" || !e.properties) return nullptr;
  const Node* s = e.properties->get("SqsSubscription");
  if (!s) return nullptr;
  if (s->isMapping() && s->intrinsic().empty()) return s;
  return isTrue(s) ? s : nullptr;
}

std::string_view pollKind(const TemplateModel& m, const EventSource& e) {
  if (e.invocation != Invocation::Polled) return {};
  if (e.type == "Unknown" && !e.sourceId.empty()) {
    // Enhanced fan-out: the mapping reads a stream consumer.
    const Resource* r = m.resource(e.sourceId);
    if (r && r->type == "AWS::Kinesis::StreamConsumer") return "Kinesis";
  }
  return e.type;
}

std::vector<SnsSubscription> snsSubscriptions(const TemplateModel& m) {
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

std::vector<std::pair<const Resource*, QueueConsumer>> queueConsumers(const TemplateModel& m) {
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

std::set<std::string> deadLetterTargets(const TemplateModel& m) {
  std::set<std::string> out;
  for (const auto& r : m.resources) {
    if (r.node) collectDeadLetterRefs(m, *r.node, out);
  }
  if (m.globals) collectDeadLetterRefs(m, *m.globals, out);
  return out;
}

}  // namespace lambdalint::evt
