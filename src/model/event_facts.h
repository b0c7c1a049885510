#pragma once
// Template facts about event sources and failure handling, read by several
// rules: where an event source is declared and how to name it in a message,
// the SNS subscriptions of a template in their three spellings, the queues
// consumed by functions, and the queues that serve as dead-letter targets.
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
const Resource* referencedResource(const TemplateModel& m, const Node* n, std::string_view type = {});

// True when `path` leads to a value under `root`, or when some node on the way
// is written with an intrinsic (`!If [HasDlq, {...}, !Ref AWS::NoValue]`):
// then the value is unknown and a rule must not claim it is missing.
bool presentOrUnknown(const Node* root, std::initializer_list<std::string_view> path);

// A literal integer; nullopt when absent or written with an intrinsic.
inline std::optional<long long> literalInt(const Node* n) { return n ? n->asInt() : std::nullopt; }

// Where a finding about an event source lands (or is related): the SAM event's
// name, the declaring resource's logical id when the declaration is the whole
// resource (mapping, subscription, permission, schedule), else the entry inside
// the resource (bucket notification, rule target, inline topic subscription).
const Node& eventAnchor(const TemplateModel& m, const Function& fn, const EventSource& e);

// "SQS event 'Jobs'", "event source mapping 'JobsMapping'", "target of rule 'Nightly'", ...
std::string describeEvent(const EventSource& e);

// A SAM SNS event with `SqsSubscription: true` or `SqsSubscription: {QueueArn, QueueUrl, ...}`:
// SAM puts a queue between the topic and the function, subscribes it, writes
// its queue policy and polls it with an event source mapping.
const Node* samSqsSubscription(const EventSource& e);

// The kind of a polled source: SQS, Kinesis, DynamoDB (stream), or what the model says.
std::string_view pollKind(const TemplateModel& m, const EventSource& e);

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
std::vector<SnsSubscription> snsSubscriptions(const TemplateModel& m);

// A queue a function polls, with the declaration that makes it poll.
struct QueueConsumer {
  const Function* fn = nullptr;
  const EventSource* event = nullptr;
  const Node* properties = nullptr;  // mapping / event properties (BatchSize, MaximumBatchingWindowInSeconds, ...)
};

// Functions polling each template queue: SAM SQS events, event source
// mappings on a queue, and SAM SNS events with SqsSubscription naming a queue.
std::vector<std::pair<const Resource*, QueueConsumer>> queueConsumers(const TemplateModel& m);

// Logical ids of everything some resource names as its dead-letter or
// on-failure target: a queue's RedrivePolicy.deadLetterTargetArn, a function's
// DeadLetterQueue/DeadLetterConfig, an OnFailure destination (event invoke
// config, stream mapping), an SNS subscription's or EventBridge target's DLQ.
std::set<std::string> deadLetterTargets(const TemplateModel& m);

}  // namespace lambdalint::evt
