#pragma once
// The permission engine: does a function's role allow an action on a resource?
//
// Identity-policy semantics: an explicit Deny that applies wins; otherwise an
// Allow that applies allows; otherwise the request is implicitly denied. A
// statement applies when its Action (or NotAction) covers the action, IAM
// wildcards `*` and `?` compared case-insensitively, and its Resource (or
// NotResource) covers the resource, wildcards within ARN segments compared
// case-sensitively. Conditions are not evaluated: an Allow whose statement has
// one answers "allowed, conditionally".
//
// Statements are written in Fn::Sub form (`${Bucket.Arn}/*`); before matching,
// every reference to a template resource is replaced by the canonical ARN of
// its type, so `!Sub ${Bucket.Arn}/*`, `!Sub arn:${AWS::Partition}:s3:::${Bucket}/*`
// and `S3CrudPolicy: {BucketName: !Ref Bucket}` all cover "the objects of
// Bucket". A value the analysis cannot know (Fn::If, a parameter, a literal
// partition against `${AWS::Partition}`) makes the answer Unknown, never a
// guessed Allowed or denied.
#include <string>
#include <string_view>
#include <vector>

#include "iam/arn_pattern.h"
#include "model/app_model.h"

namespace lambdalint::iam {

// What is known about where the stack is deployed; empty means unknown, and `${AWS::Partition}`,
// `${AWS::Region}`, `${AWS::AccountId}` then stay variables that match a literal value only "maybe".
struct DeploymentContext {
  std::string partition;  // "aws"
  std::string region;     // "eu-west-1"
  std::string accountId;  // "123456789012"
};

// A resource a request acts on, in the Fn::Sub form of templates: `${X}` and `${X.Attr}` name template resources
// (resolved like the statements' references), `${AWS::Region}` pseudo parameters, and `*` a part the analysis
// does not know (an object key, an index name). Build it with the named constructors.
class ResourceArn {
 public:
  // The template resource `logicalId` itself, by the canonical ARN of its type: bucket, table, queue, topic,
  // function, state machine, secret, key, stream, event bus, role, log group, repository.
  static ResourceArn of(std::string_view logicalId);
  // The objects of template bucket `bucketId`, optionally under a known key prefix ("thumbnails/").
  static ResourceArn s3Objects(std::string_view bucketId, std::string_view keyPrefix = {});
  static ResourceArn s3Bucket(std::string_view bucketId) { return of(bucketId); }
  static ResourceArn dynamodbTable(std::string_view tableId) { return of(tableId); }
  // An index of template table `tableId`; any index when `indexName` is empty.
  static ResourceArn dynamodbIndex(std::string_view tableId, std::string_view indexName = {});
  static ResourceArn sqsQueue(std::string_view queueId) { return of(queueId); }
  static ResourceArn snsTopic(std::string_view topicId) { return of(topicId); }
  static ResourceArn lambdaFunction(std::string_view functionId) { return of(functionId); }
  static ResourceArn stateMachine(std::string_view stateMachineId) { return of(stateMachineId); }
  static ResourceArn secret(std::string_view secretId) { return of(secretId); }
  // An ARN in Sub form, e.g. a literal "arn:aws:s3:::shared-bucket/*" or "${ImportedBucketArn}/*".
  static ResourceArn sub(std::string_view text);
  // A resource nothing is known about; also what actions without resource-level permissions are checked on.
  static ResourceArn unknown() { return sub("*"); }

  const std::string& text() const { return text_; }

 private:
  explicit ResourceArn(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

// Turns Sub-form values of one template into ArnPatterns, replacing references by canonical ARNs.
class ArnResolver {
 public:
  explicit ArnResolver(const TemplateModel& model, DeploymentContext context = {});

  // A statement's Resource/NotResource entry: `*` and `?` are wildcards; a parameter may hold any pattern.
  ArnPattern policyResource(const FlatValue& value) const;
  // Sub-form text of a policy resource (e.g. from a policy template table).
  ArnPattern policyResource(std::string_view subText) const;
  // The resource of a request: `*` is an unknown part.
  ArnPattern request(const ResourceArn& resource) const;

  const TemplateModel& model() const { return model_; }

 private:
  void resolve(ArnPattern& out, std::string_view text, bool policySide, bool wildcards, int depth) const;
  void resolveReference(ArnPattern& out, std::string_view name, bool policySide, int depth) const;

  const TemplateModel& model_;
  DeploymentContext context_;
};

enum class Access { Allowed, ImplicitDeny, ExplicitDeny, Unknown };

std::string_view to_string(Access access);

struct Decision {
  Access access = Access::Unknown;
  // Allowed only if the Condition of a deciding Allow holds, or unless the Condition of an applying Deny holds.
  bool conditional = false;
  // The statements that decided it: the Denies that apply (ExplicitDeny); the Allows that apply, unconditional
  // ones first, then conditional Denies (Allowed); the statements that may apply (Unknown); none for
  // ImplicitDeny. Statements of SAM's implicit managed policies have no node.
  std::vector<const Statement*> statements;
  // For Unknown and ImplicitDeny: why, in a few words.
  std::string reason;

  bool allowed() const { return access == Access::Allowed; }
};

class PolicyEvaluator {
 public:
  // `permissions` and `model` must outlive the evaluator. SAM's implicit managed policies (listed in
  // `permissions.managed` without statements) are expanded here.
  PolicyEvaluator(const TemplateModel& model, const PermissionSet& permissions, DeploymentContext context = {});
  PolicyEvaluator(const TemplateModel& model, const Function& function, DeploymentContext context = {});
  PolicyEvaluator(const PolicyEvaluator&) = delete;
  PolicyEvaluator& operator=(const PolicyEvaluator&) = delete;
  PolicyEvaluator(PolicyEvaluator&&) = default;

  // `action` is "service:Action" (no wildcards), e.g. "s3:PutObject".
  Decision evaluate(std::string_view action, const ResourceArn& resource) const;
  Decision evaluate(std::string_view action, const ArnPattern& resource) const;

  // Whether one statement applies to the request, whatever its Effect and Condition.
  Match applies(const Statement& statement, std::string_view action, const ArnPattern& resource) const;
  // Whether a statement's Action/NotAction covers `action`.
  static Match coversAction(const Statement& statement, std::string_view action);

  const ArnResolver& resolver() const { return resolver_; }
  // Every statement considered, implicit managed policies included.
  std::vector<const Statement*> statements() const;

 private:
  struct Entry {
    const Statement* statement;
    std::vector<ArnPattern> resources;
  };
  void add(const Statement& statement);

  ArnResolver resolver_;
  std::vector<Statement> implicit_;
  std::vector<Entry> entries_;
  bool complete_ = true;
};

}  // namespace lambdalint::iam
