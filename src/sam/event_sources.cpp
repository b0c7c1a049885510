#include "sam/event_sources.h"

#include <array>

#include "sam/expander.h"
#include "template/flat_value.h"

namespace lambdalint {

std::string_view to_string(Invocation invocation) {
  switch (invocation) {
    case Invocation::Synchronous:
      return "synchronous";
    case Invocation::Asynchronous:
      return "asynchronous";
    case Invocation::Polled:
      return "polled";
  }
  return "";
}

namespace {

struct SamEventType {
  std::string_view type;
  Invocation invocation;
  std::string_view sourceProperty;  // property naming the source resource
};

constexpr std::array<SamEventType, 19> kSamEventTypes = {{
    {"S3", Invocation::Asynchronous, "Bucket"},
    {"SNS", Invocation::Asynchronous, "Topic"},
    {"EventBridgeRule", Invocation::Asynchronous, "EventBusName"},
    {"CloudWatchEvent", Invocation::Asynchronous, "EventBusName"},
    {"Schedule", Invocation::Asynchronous, ""},
    {"ScheduleV2", Invocation::Asynchronous, ""},
    {"CloudWatchLogs", Invocation::Asynchronous, "LogGroupName"},
    {"IoTRule", Invocation::Asynchronous, ""},
    {"SQS", Invocation::Polled, "Queue"},
    {"Kinesis", Invocation::Polled, "Stream"},
    {"DynamoDB", Invocation::Polled, "Stream"},
    {"MSK", Invocation::Polled, "Stream"},
    {"MQ", Invocation::Polled, "Broker"},
    {"SelfManagedKafka", Invocation::Polled, ""},
    {"DocumentDB", Invocation::Polled, "Cluster"},
    {"Api", Invocation::Synchronous, "RestApiId"},
    {"HttpApi", Invocation::Synchronous, "ApiId"},
    {"Cognito", Invocation::Synchronous, "UserPool"},
    {"AlexaSkill", Invocation::Synchronous, ""},
}};

const SamEventType* samEventType(std::string_view type) {
  for (const auto& t : kSamEventTypes) {
    if (t.type == type) return &t;
  }
  return nullptr;
}

// The SAM event type spelling for a service principal of AWS::Lambda::Permission.
struct PrincipalKind {
  std::string_view principal;
  std::string_view type;
  Invocation invocation;
};

constexpr std::array<PrincipalKind, 10> kPrincipals = {{
    {"s3.amazonaws.com", "S3", Invocation::Asynchronous},
    {"sns.amazonaws.com", "SNS", Invocation::Asynchronous},
    {"events.amazonaws.com", "EventBridgeRule", Invocation::Asynchronous},
    {"scheduler.amazonaws.com", "ScheduleV2", Invocation::Asynchronous},
    {"logs.amazonaws.com", "CloudWatchLogs", Invocation::Asynchronous},
    {"iot.amazonaws.com", "IoTRule", Invocation::Asynchronous},
    {"ses.amazonaws.com", "SES", Invocation::Asynchronous},
    {"apigateway.amazonaws.com", "Api", Invocation::Synchronous},
    {"elasticloadbalancing.amazonaws.com", "ALB", Invocation::Synchronous},
    {"cognito-idp.amazonaws.com", "Cognito", Invocation::Synchronous},
}};

// Mapping source type from the resource its EventSourceArn points at.
std::string_view mappingTypeFor(const Resource* source, const Node* arn) {
  if (source) {
    if (source->type == "AWS::SQS::Queue") return "SQS";
    if (source->type == "AWS::Kinesis::Stream") return "Kinesis";
    if (source->type == "AWS::DynamoDB::Table") return "DynamoDB";
    if (source->type == "AWS::MSK::Cluster") return "MSK";
    if (source->type == "AWS::DocDB::DBCluster") return "DocumentDB";
  }
  if (arn) {
    std::string text = flatten(*arn).text;
    if (text.find(":sqs:") != std::string::npos) return "SQS";
    if (text.find(":kinesis:") != std::string::npos) return "Kinesis";
    if (text.find(":dynamodb:") != std::string::npos) return "DynamoDB";
    if (text.find(":kafka:") != std::string::npos) return "MSK";
  }
  return "Unknown";
}

}  // namespace

void Expander::collectEventSources() {
  for (auto& fn : m_.functions) {
    if (fn.sam) addSamEvents(fn);
  }
  addResourceEvents();
}

void Expander::addSamEvents(Function& fn) {
  if (const Node* url = fn.property("FunctionUrlConfig")) {
    EventSource e;
    e.name = "FunctionUrlConfig";
    e.type = "FunctionUrl";
    e.invocation = Invocation::Synchronous;
    e.origin = EventOrigin::FunctionUrl;
    e.declaringId = fn.id;
    e.node = url;
    e.properties = url;
    fn.events.push_back(std::move(e));
  }
  const Node* events = fn.property("Events");
  if (!events || !events->isMapping()) return;
  for (const auto& entry : events->entries) {
    EventSource e;
    e.name = entry.key.value;
    e.declaringId = fn.id;
    e.node = &entry.value;
    e.properties = entry.value.get("Properties");
    e.origin = EventOrigin::SamEvent;
    if (const Node* type = entry.value.get("Type")) e.type = std::string(type->str());
    const SamEventType* known = samEventType(e.type);
    e.invocation = known ? known->invocation : Invocation::Asynchronous;
    if (known && !known->sourceProperty.empty() && e.properties) {
      if (const Resource* source = resourceReferencedBy(e.properties->get(known->sourceProperty))) {
        e.sourceId = source->id;
      }
    }
    fn.events.push_back(std::move(e));
  }
}

void Expander::addResourceEvents() {
  for (const auto& r : m_.resources) {
    if (r.type == "AWS::Lambda::EventSourceMapping") {
      Function* fn = functionReferencedBy(r.property("FunctionName"));
      if (!fn) continue;
      EventSource e;
      e.name = r.id;
      const Node* arn = r.property("EventSourceArn");
      const Resource* source = resourceReferencedBy(arn);
      e.type = std::string(mappingTypeFor(source, arn));
      e.invocation = Invocation::Polled;
      e.origin = EventOrigin::EventSourceMapping;
      e.declaringId = r.id;
      e.node = r.node;
      e.properties = r.properties;
      if (source) e.sourceId = source->id;
      fn->events.push_back(std::move(e));
    } else if (r.type == "AWS::S3::Bucket") {
      const Node* configs =
          r.properties ? r.properties->at({"NotificationConfiguration", "LambdaConfigurations"}) : nullptr;
      if (!configs) continue;
      for (const auto& config : configs->items) {
        Function* fn = functionReferencedBy(config.get("Function"));
        if (!fn) continue;
        EventSource e{r.id, "S3", Invocation::Asynchronous, EventOrigin::S3Notification, r.id, &config, &config, r.id};
        fn->events.push_back(std::move(e));
      }
    } else if (r.type == "AWS::SNS::Subscription") {
      const Node* protocol = r.property("Protocol");
      if (!protocol || protocol->str() != "lambda") continue;
      Function* fn = functionReferencedBy(r.property("Endpoint"));
      if (!fn) continue;
      const Resource* topic = resourceReferencedBy(r.property("TopicArn"));
      EventSource e{r.id,   "SNS",        Invocation::Asynchronous,         EventOrigin::SnsSubscription, r.id,
                    r.node, r.properties, topic ? topic->id : std::string()};
      fn->events.push_back(std::move(e));
    } else if (r.type == "AWS::SNS::Topic") {
      const Node* subs = r.property("Subscription");
      if (!subs) continue;
      for (const auto& sub : subs->items) {
        const Node* protocol = sub.get("Protocol");
        if (!protocol || protocol->str() != "lambda") continue;
        Function* fn = functionReferencedBy(sub.get("Endpoint"));
        if (!fn) continue;
        EventSource e{r.id, "SNS", Invocation::Asynchronous, EventOrigin::SnsSubscription, r.id, &sub, &sub, r.id};
        fn->events.push_back(std::move(e));
      }
    } else if (r.type == "AWS::Events::Rule") {
      const Node* targets = r.property("Targets");
      if (!targets) continue;
      bool schedule = r.property("ScheduleExpression") != nullptr;
      for (const auto& target : targets->items) {
        Function* fn = functionReferencedBy(target.get("Arn"));
        if (!fn) continue;
        EventSource e{r.id,
                      schedule ? "Schedule" : "EventBridgeRule",
                      Invocation::Asynchronous,
                      EventOrigin::EventBridgeTarget,
                      r.id,
                      &target,
                      &target,
                      r.id};
        fn->events.push_back(std::move(e));
      }
    } else if (r.type == "AWS::Scheduler::Schedule") {
      const Node* target = r.property("Target");
      Function* fn = target ? functionReferencedBy(target->get("Arn")) : nullptr;
      if (!fn) continue;
      EventSource e{r.id,   "ScheduleV2", Invocation::Asynchronous, EventOrigin::SchedulerTarget, r.id, target,
                    target, r.id};
      fn->events.push_back(std::move(e));
    } else if (r.type == "AWS::Lambda::Permission") {
      Function* fn = functionReferencedBy(r.property("FunctionName"));
      const Node* principal = r.property("Principal");
      if (!fn || !principal) continue;
      for (const auto& p : kPrincipals) {
        if (principal->str() != p.principal) continue;
        const Resource* source = resourceReferencedBy(r.property("SourceArn"));
        EventSource e{r.id,         std::string(p.type),
                      p.invocation, EventOrigin::Permission,
                      r.id,         r.node,
                      r.properties, source ? source->id : std::string()};
        fn->events.push_back(std::move(e));
      }
    } else if (r.type == "AWS::Lambda::Url") {
      Function* fn = functionReferencedBy(r.property("TargetFunctionArn"));
      if (!fn) continue;
      EventSource e{r.id, "FunctionUrl", Invocation::Synchronous, EventOrigin::FunctionUrl, r.id, r.node, r.properties,
                    ""};
      fn->events.push_back(std::move(e));
    }
  }
}

}  // namespace lambdalint
