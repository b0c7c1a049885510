#include "model/untrusted_input.h"

#include <algorithm>
#include <array>

#include "model/flat_value.h"

namespace lambdalint {
namespace {

// What an HTTP request lets its sender choose, in the payload formats of API Gateway (REST 1.0, HTTP 2.0,
// WebSocket), function URLs and ALB.
const std::vector<std::string>& requestPaths() {
  static const std::vector<std::string> paths{"body",
                                              "queryStringParameters",
                                              "multiValueQueryStringParameters",
                                              "pathParameters",
                                              "headers",
                                              "multiValueHeaders",
                                              "cookies",
                                              "rawPath",
                                              "rawQueryString",
                                              "path",
                                              "requestContext.http.path"};
  return paths;
}

struct TriggerInput {
  std::string_view type;
  InputExposure exposure;  // the least exposure; message triggers are raised to Message unless proved internal
  bool message;            // a message a producer wrote (SQS, SNS, streams, buses)
  std::vector<std::string> paths;
};

const std::vector<TriggerInput>& triggerInputs() {
  static const std::vector<TriggerInput> table{
      {"Api", InputExposure::Public, false, requestPaths()},
      {"HttpApi", InputExposure::Public, false, requestPaths()},
      {"WebSocket", InputExposure::Public, false, requestPaths()},
      {"FunctionUrl", InputExposure::Public, false, requestPaths()},
      {"ALB", InputExposure::Public, false, requestPaths()},
      {"AppSync", InputExposure::Public, false, {"arguments"}},
      {"Cognito", InputExposure::Public, false, {"request"}},
      {"IoTRule", InputExposure::Public, false, {""}},
      {"SES", InputExposure::Public, false, {"Records[].ses"}},
      {"S3", InputExposure::Upload, false, {"Records[].s3.object.key"}},
      {"SQS", InputExposure::InternalMessage, true, {"Records[].body", "Records[].messageAttributes"}},
      {"SNS",
       InputExposure::InternalMessage,
       true,
       {"Records[].Sns.Message", "Records[].Sns.Subject", "Records[].Sns.MessageAttributes"}},
      {"Kinesis", InputExposure::InternalMessage, true, {"Records[].kinesis.data"}},
      {"DynamoDB",
       InputExposure::InternalMessage,
       true,
       {"Records[].dynamodb.NewImage", "Records[].dynamodb.OldImage", "Records[].dynamodb.Keys"}},
      {"EventBridgeRule", InputExposure::InternalMessage, true, {"detail"}},
      {"CloudWatchEvent", InputExposure::InternalMessage, true, {"detail"}},
      {"MSK", InputExposure::Message, true, {"records"}},
      {"SelfManagedKafka", InputExposure::Message, true, {"records"}},
      {"MQ", InputExposure::Message, true, {"messages"}},
      {"DocumentDB", InputExposure::InternalMessage, true, {"events"}},
  };
  return table;
}

const TriggerInput* triggerInput(std::string_view type) {
  for (const auto& t : triggerInputs()) {
    if (t.type == type) return &t;
  }
  return nullptr;
}

// The resource policy types that can let others write into a queue, topic, stream or bus, and the property
// naming what they apply to.
struct ResourcePolicyType {
  std::string_view type;
  std::string_view targets;
};
constexpr std::array<ResourcePolicyType, 4> kResourcePolicies{{
    {"AWS::SQS::QueuePolicy", "Queues"},
    {"AWS::SNS::TopicPolicy", "Topics"},
    {"AWS::Kinesis::ResourcePolicy", "ResourceArn"},
    {"AWS::Events::EventBusPolicy", "EventBusName"},
}};

bool namesResource(const Node& node, std::string_view id) {
  if (node.isSequence()) {
    return std::any_of(node.items.begin(), node.items.end(), [&](const Node& n) { return namesResource(n, id); });
  }
  return referencedId(node) == id;
}

// A principal other than an AWS service (`*`, an account, a role): someone outside the template may write.
bool admitsOthers(const Node* principal) {
  if (!principal) return true;  // NotPrincipal or no principal at all: be cautious
  if (principal->isScalar()) return true;
  if (principal->isMapping()) {
    for (const auto& [key, value] : principal->entries) {
      if (key.str() != "Service") return true;
    }
    return false;
  }
  return true;
}

bool openedByPolicy(const TemplateModel& model, std::string_view id) {
  for (const Resource& r : model.resources) {
    for (const auto& policy : kResourcePolicies) {
      if (r.type != policy.type) continue;
      const Node* targets = r.property(policy.targets);
      if (!targets || !namesResource(*targets, id)) continue;
      const Node* document = r.property(policy.type == "AWS::Events::EventBusPolicy" ? "Statement" : "PolicyDocument");
      if (!document) return true;
      const Node* statements = document->isMapping() ? document->get("Statement") : document;
      if (!statements) return true;
      if (statements->isMapping()) return admitsOthers(statements->get("Principal"));
      for (const Node& s : statements->items) {
        if (admitsOthers(s.get("Principal"))) return true;
      }
    }
  }
  return false;
}

// The bus an EventBridge trigger listens on: the SAM event's or the rule's EventBusName, else the default bus.
std::string busOf(const TemplateModel& model, const EventSource& e) {
  const Node* bus = nullptr;
  if (e.origin == EventOrigin::SamEvent && e.properties) bus = e.properties->get("EventBusName");
  if (e.origin == EventOrigin::EventBridgeTarget) {
    if (const Resource* rule = model.resource(e.sourceId)) bus = rule->property("EventBusName");
  }
  return bus ? referencedId(*bus) : std::string();
}

// Every producer of a message trigger is in this template: the queue/topic/stream/table (or the custom bus)
// is defined here and no resource policy here lets anyone else write to it.
bool producersInternal(const TemplateModel& model, const EventSource& e) {
  std::string id = e.type == "EventBridgeRule" || e.type == "CloudWatchEvent" ? busOf(model, e) : e.sourceId;
  if (id.empty() || !model.resource(id)) return false;
  return !openedByPolicy(model, id);
}

// An EventBridge target or SAM event with a fixed `Input` delivers that constant, not the event.
bool fixedInput(const EventSource& e) { return e.properties && e.properties->get("Input") != nullptr; }

bool covers(std::string_view source, std::string_view path) {
  if (source.empty()) return true;
  if (!path.starts_with(source)) return false;
  return path.size() == source.size() || path[source.size()] == '.' || path[source.size()] == '[';
}

}  // namespace

std::string_view to_string(InputExposure exposure) {
  switch (exposure) {
    case InputExposure::InternalMessage:
      return "internal message";
    case InputExposure::Message:
      return "message";
    case InputExposure::Upload:
      return "upload";
    case InputExposure::Public:
      return "public request";
  }
  return "public request";
}

std::vector<UntrustedInput> untrustedInputsOf(const TemplateModel& model, const Function& fn) {
  std::vector<UntrustedInput> out;
  for (const EventSource& e : fn.events) {
    const TriggerInput* t = triggerInput(e.type);
    if (!t || fixedInput(e)) continue;
    UntrustedInput input{&e, e.type, t->exposure, t->paths};
    if (t->message && t->exposure == InputExposure::InternalMessage && !producersInternal(model, e)) {
      input.exposure = InputExposure::Message;
    }
    out.push_back(std::move(input));
  }
  return out;
}

UntrustedInput unknownTriggerInput() { return {nullptr, "unknown trigger", InputExposure::Public, {""}}; }

const UntrustedInput* untrustedInputFor(const std::vector<UntrustedInput>& inputs, std::string_view eventPath) {
  const UntrustedInput* best = nullptr;
  for (const auto& input : inputs) {
    bool hit = std::any_of(input.paths.begin(), input.paths.end(),
                           [&](const std::string& source) { return covers(source, eventPath); });
    if (hit && (!best || input.exposure > best->exposure)) best = &input;
  }
  return best;
}

}  // namespace lambdalint
