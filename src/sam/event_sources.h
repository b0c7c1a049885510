#pragma once
// Every way a function gets invoked, as the SAM stage finds it: SAM Events,
// function URLs, and the CloudFormation resources that name a function
// (event source mappings, bucket notifications, SNS subscriptions, EventBridge
// and Scheduler targets, Lambda permissions). The invocation model decides
// which failure handling applies (DLQs act only on asynchronous invocations).
#include <string>
#include <string_view>

#include "template/node.h"

namespace lambdalint {

enum class Invocation { Synchronous, Asynchronous, Polled };

std::string_view to_string(Invocation invocation);

enum class EventOrigin {
  SamEvent,            // AWS::Serverless::Function Events entry
  EventSourceMapping,  // AWS::Lambda::EventSourceMapping
  S3Notification,      // AWS::S3::Bucket NotificationConfiguration
  SnsSubscription,     // AWS::SNS::Subscription or Topic Subscription
  EventBridgeTarget,   // AWS::Events::Rule target
  SchedulerTarget,     // AWS::Scheduler::Schedule target
  Permission,          // AWS::Lambda::Permission
  FunctionUrl,         // AWS::Lambda::Url or SAM FunctionUrlConfig
};

struct EventSource {
  std::string name;  // SAM event name, or the logical id of the declaring resource
  std::string type;  // SAM event type spelling: S3, SQS, SNS, Kinesis, DynamoDB, Api, HttpApi, Schedule, ...
  Invocation invocation = Invocation::Asynchronous;
  EventOrigin origin = EventOrigin::SamEvent;
  std::string declaringId;           // resource holding the declaration (function, mapping, bucket, rule, ...)
  const Node* node = nullptr;        // the declaration (for positions)
  const Node* properties = nullptr;  // SAM event Properties, mapping Properties, rule target, ...
  std::string sourceId;              // logical id of the queue/topic/bucket/stream/table/rule/api, if in template
};

}  // namespace lambdalint
