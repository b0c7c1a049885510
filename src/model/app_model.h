#pragma once
// The application as rules see it: resources, functions with their merged
// properties, event sources and permissions. Language-neutral, AST-free.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "code/code_facts.h"
#include "model/flat_value.h"
#include "template/document.h"

namespace lambdalint {

enum class Invocation { Synchronous, Asynchronous, Polled };

std::string_view to_string(Invocation invocation);

struct Resource {
  std::string id;
  std::string type;
  const Node* keyNode = nullptr;     // the logical id as written
  const Node* node = nullptr;        // the resource mapping
  const Node* properties = nullptr;  // may be null
  const Node* metadata = nullptr;    // may be null

  const Node* property(std::string_view key) const { return properties ? properties->get(key) : nullptr; }
};

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

enum class StatementSource {
  Written,         // a policy document in this template
  PolicyTemplate,  // expanded from a SAM policy template
  ManagedPolicy,   // from an AWS managed policy's document
};

struct Statement {
  StatementSource source = StatementSource::Written;
  bool allow = true;
  bool notAction = false;
  bool notResource = false;
  std::vector<FlatValue> actions;
  std::vector<FlatValue> resources;
  const Node* node = nullptr;       // the statement, or the policy template / managed policy reference
  const Node* condition = nullptr;  // kept, not evaluated
  bool conditional = false;         // has a Condition (also for managed policies and policy templates, whose
                                    // conditions have no node in this template)
  std::string origin;               // e.g. "inline policy", "policy template S3ReadPolicy", "managed policy X"
  std::string holderId;             // resource holding the statement (function, role, policy)
};

struct ManagedPolicyAttachment {
  std::string name;  // AdministratorAccess, service-role/AWSLambdaBasicExecutionRole, or the ARN if not AWS managed
  FlatValue arn;
  const Node* node = nullptr;  // null for policies SAM adds implicitly
  std::string holderId;
  bool implicit = false;  // added by SAM, not written by the author
};

struct PermissionSet {
  std::vector<Statement> statements;
  std::vector<ManagedPolicyAttachment> managed;
  // False when some permissions are outside what we can read (external role,
  // customer managed policy by ARN, intrinsic we cannot flatten).
  bool complete = true;
};

// Where a function's handler code is, and what it says (when we could read it).
struct HandlerSource {
  enum class Status {
    Resolved,      // file found and parsed; `facts` is set
    FileMissing,   // no file matches the Handler under CodeUri
    NotLocal,      // code in S3, an image, or a runtime lambdalint does not read
    OutsideRoots,  // CodeUri, Handler or a build entry point leads outside the checked folders: not read
  };
  Status status = Status::NotLocal;
  code::Language language = code::Language::JavaScript;
  std::string module;                   // "src/app" of "src/app.handler"
  std::string symbol;                   // "handler"
  std::string path;                     // the file read (or the template, for inline code)
  std::vector<std::string> candidates;  // paths tried, for messages
  bool inlineCode = false;
  SourceFilePtr file;  // the source text (the template, for inline code)
  std::shared_ptr<const code::CodeFacts> facts;
  // With OutsideRoots: the path that leaves the checked folders, and the template value that names it.
  std::string outsidePath;
  const Node* outsideNode = nullptr;
};

struct Function {
  std::string id;
  const Resource* resource = nullptr;
  bool sam = false;             // AWS::Serverless::Function (Globals merged) vs AWS::Lambda::Function
  std::unique_ptr<Node> props;  // properties, Globals merged for SAM; positions point into the template

  const Node* property(std::string_view key) const { return props ? props->get(key) : nullptr; }

  std::string runtime;  // empty for images or intrinsics
  std::string handler;
  std::optional<long long> timeout;  // seconds, when written (default 3)
  std::optional<long long> memorySize;
  std::optional<long long> reservedConcurrency;
  bool tracingActive = false;
  const Node* deadLetterTarget = nullptr;      // DeadLetterQueue.TargetArn / DeadLetterConfig.TargetArn
  const Node* onFailureDestination = nullptr;  // EventInvokeConfig (own or AWS::Lambda::EventInvokeConfig)
  const Node* environment = nullptr;           // the Variables mapping, merged
  std::string roleId;                          // logical id of the AWS::IAM::Role, when in this template
  std::vector<EventSource> events;
  PermissionSet permissions;
  HandlerSource source;  // filled by attachHandlerSources() (code/handler_sources.h)

  long long timeoutOrDefault() const { return timeout.value_or(3); }
  bool hasInvocation(Invocation invocation) const;
};

struct TemplateModel {
  Document doc;
  std::string directory;  // folder of the template, for CodeUri
  bool isSam = false;
  const Node* globals = nullptr;
  const Node* parameters = nullptr;
  const Node* metadata = nullptr;
  std::vector<Resource> resources;
  std::vector<Function> functions;
  // Every identity-policy statement written in this template, once each
  // (inline role/function policies, AWS::IAM::Policy/ManagedPolicy/RolePolicy,
  // expanded SAM policy templates), and every explicit managed policy
  // attachment. Rules about policies as written read these, so a role shared
  // by several functions is reported once.
  std::vector<Statement> statements;
  std::vector<ManagedPolicyAttachment> managedAttachments;

  // Functions whose permissions include the statement written at `node`.
  std::vector<const Function*> functionsReaching(const Node* node) const;

  const Resource* resource(std::string_view id) const;
  const Function* function(std::string_view id) const;

 private:
  friend class ModelBuilder;
  std::unordered_map<std::string, size_t> resourceIndex_;
  std::unordered_map<std::string, size_t> functionIndex_;
};

// True when the root looks like a CloudFormation/SAM template (by content).
bool looksLikeTemplate(const Node& root);

// Builds the model from a parsed document (SAM expansion included).
std::unique_ptr<TemplateModel> buildModel(Document doc);

}  // namespace lambdalint
