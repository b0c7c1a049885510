// The permission engine: IAM identity-policy evaluation over a function's PermissionSet, with the template's
// references resolved to canonical ARNs, and the three-valued ARN matching under it.
#include "policy/policy_evaluator.h"

#include <gtest/gtest.h>

#include "iam/arn_pattern.h"
#include "model/app_model.h"

using namespace lambdalint;
using namespace lambdalint::iam;

namespace lambdalint::iam {
// Readable gtest failures.
void PrintTo(Access a, std::ostream* os) { *os << to_string(a); }
void PrintTo(Match m, std::ostream* os) { *os << to_string(m); }
}  // namespace lambdalint::iam

namespace {

std::unique_ptr<TemplateModel> model(std::string text) {
  auto file = std::make_shared<SourceFile>("t.yaml", std::move(text));
  Document doc = parseDocument(file);
  EXPECT_TRUE(doc.problems.empty()) << doc.problems[0].message;
  return buildModel(std::move(doc));
}

// A SAM function `Fn` whose Policies are `policies` (YAML, indented for the list), next to a bucket, a second
// bucket, a table, a queue, a topic, a state machine, a secret and a parameter.
std::unique_ptr<TemplateModel> app(const std::string& policies, const std::string& extraResources = {}) {
  return model(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  ExternalBucketArn: {Type: String}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies:
)" + policies + R"(
  Bucket:
    Type: AWS::S3::Bucket
  OtherBucket:
    Type: AWS::S3::Bucket
  NamedBucket:
    Type: AWS::S3::Bucket
    Properties: {BucketName: my-named-bucket}
  Table:
    Type: AWS::DynamoDB::Table
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  Machine:
    Type: AWS::Serverless::StateMachine
  Secret:
    Type: AWS::SecretsManager::Secret
)" + extraResources);
}

struct Harness {
  std::unique_ptr<TemplateModel> m;
  std::unique_ptr<PolicyEvaluator> eval;
  explicit Harness(std::unique_ptr<TemplateModel> model, DeploymentContext context = {}) : m(std::move(model)) {
    const Function* fn = m->function("Fn");
    EXPECT_NE(fn, nullptr);
    eval = std::make_unique<PolicyEvaluator>(*m, *fn, std::move(context));
  }
  Access access(std::string_view action, const ResourceArn& r) const { return eval->evaluate(action, r).access; }
};

std::string statement(const std::string& effect, const std::string& action, const std::string& resource,
                      const std::string& extra = {}) {
  return "        - Statement:\n            - Effect: " + effect + "\n              " + action + "\n              " +
         resource + (extra.empty() ? "" : "\n              " + extra);
}

// ------------------------------------------------------------------ ARN matching

ArnPattern pat(std::string_view text) {
  ArnPattern p;
  p.addWildcardText(text, false);
  return p;
}
ArnPattern req(std::string_view text) {
  ArnPattern p;
  p.addWildcardText(text, true);
  return p;
}

TEST(ArnMatch, LiteralAndWildcards) {
  EXPECT_EQ(matchArn(pat("*"), req("arn:aws:s3:::b/k")), Match::Yes);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b/*"), req("arn:aws:s3:::b/k/deeper")), Match::Yes);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b/*"), req("arn:aws:s3:::c/k")), Match::No);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b?/*"), req("arn:aws:s3:::b1/k")), Match::Yes);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b?/*"), req("arn:aws:s3:::b12/k")), Match::No);
  // Case-sensitive, unlike actions.
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::Bucket"), req("arn:aws:s3:::bucket")), Match::No);
  // A bucket ARN is not an object ARN.
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b"), req("arn:aws:s3:::b/k")), Match::No);
  // '*' inside a segment does not span colons; at the end of one it does.
  EXPECT_EQ(matchArn(pat("arn:aws:logs:*:*:*"), req("arn:aws:logs:eu-west-1:123:log-group:/x:log-stream:y")),
            Match::Yes);
  EXPECT_EQ(matchArn(pat("arn:aws:lambda:*:*:function:f*"), req("arn:aws:lambda:us-east-1:1:function:fn:prod")),
            Match::Yes);
}

TEST(ArnMatch, UnknownPartsOfTheRequest) {
  // Any object key: covered by "/*", maybe by "/uploads/*", never by the bucket alone.
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b/*"), req("arn:aws:s3:::b/*")), Match::Yes);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b/uploads/*"), req("arn:aws:s3:::b/*")), Match::Maybe);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b"), req("arn:aws:s3:::b/*")), Match::No);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b/*.jpg"), req("arn:aws:s3:::b/*")), Match::Maybe);
}

TEST(ArnMatch, FormatsOfTheServiceAuthorizationReference) {
  ArnPattern object = ArnPattern::fromFormat("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  ArnPattern bucket = ArnPattern::fromFormat("arn:${Partition}:s3:::${BucketName}");
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b"), object), Match::No);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b"), bucket), Match::Maybe);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b/*"), object), Match::Maybe);
  EXPECT_EQ(matchArn(pat("arn:aws:s3:::b/*"), bucket), Match::No);
  EXPECT_EQ(matchArn(pat("arn:aws:dynamodb:*:*:table/t"), bucket), Match::No);
  EXPECT_TRUE(coversEveryResourceOf(pat("*"), "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
  EXPECT_TRUE(
      coversEveryResourceOf(pat("arn:aws:iam::*:role/*"), "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
  EXPECT_TRUE(
      coversEveryResourceOf(pat("arn:aws:iam::*"), "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
  EXPECT_FALSE(coversEveryResourceOf(pat("arn:aws:iam::1:role/app-*"),
                                     "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
  EXPECT_FALSE(
      coversEveryResourceOf(pat("arn:aws:s3:::*"), "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
}

TEST(ActionMatch, WildcardsAreCaseInsensitive) {
  EXPECT_TRUE(actionMatches("s3:*", "s3:GetObject"));
  EXPECT_TRUE(actionMatches("S3:get*", "s3:GetObject"));
  EXPECT_TRUE(actionMatches("s3:*Object", "s3:PutObject"));
  EXPECT_TRUE(actionMatches("s3:?etObject", "s3:GetObject"));
  EXPECT_TRUE(actionMatches("*", "dynamodb:PutItem"));
  EXPECT_FALSE(actionMatches("s3:Get*", "s3:PutObject"));
  EXPECT_FALSE(actionMatches("s3:GetObject", "s3:GetObjectAcl"));
  EXPECT_FALSE(actionMatches("s3:?Object", "s3:GetObject"));
}

// ------------------------------------------------------------------ evaluation

TEST(PolicyEvaluator, WildcardActions) {
  Harness h(app(statement("Allow", "Action: [s3:Get*, 'dynamodb:*Item']", "Resource: '*'")));
  EXPECT_EQ(h.access("s3:GetObject", ResourceArn::s3Objects("Bucket")), Access::Allowed);
  EXPECT_EQ(h.access("S3:GETOBJECT", ResourceArn::s3Objects("Bucket")), Access::Allowed);
  EXPECT_EQ(h.access("dynamodb:PutItem", ResourceArn::dynamodbTable("Table")), Access::Allowed);
  EXPECT_EQ(h.access("s3:PutObject", ResourceArn::s3Objects("Bucket")), Access::ImplicitDeny);
  EXPECT_EQ(h.access("dynamodb:Query", ResourceArn::dynamodbTable("Table")), Access::ImplicitDeny);
}

TEST(PolicyEvaluator, NotActionAndNotResource) {
  Harness h(app(statement("Allow", "NotAction: [iam:*, 's3:Delete*']", "Resource: '*'") + "\n" +
                statement("Allow", "Action: sqs:SendMessage", "NotResource: !GetAtt Queue.Arn")));
  EXPECT_EQ(h.access("s3:GetObject", ResourceArn::s3Objects("Bucket")), Access::Allowed);
  EXPECT_EQ(h.access("iam:PassRole", ResourceArn::unknown()), Access::ImplicitDeny);
  EXPECT_EQ(h.access("s3:DeleteObject", ResourceArn::s3Objects("Bucket")), Access::ImplicitDeny);
  // NotResource: every queue but Queue (and sqs:* is not excluded by the NotAction above: iam and s3 only).
  Harness only(app(statement("Allow", "Action: sqs:SendMessage", "NotResource: !GetAtt Queue.Arn"),
                   "  OtherQueue:\n    Type: AWS::SQS::Queue\n"));
  EXPECT_EQ(only.access("sqs:SendMessage", ResourceArn::sqsQueue("Queue")), Access::ImplicitDeny);
  EXPECT_EQ(only.access("sqs:SendMessage", ResourceArn::sqsQueue("OtherQueue")), Access::Allowed);
}

TEST(PolicyEvaluator, ExplicitDenyWins) {
  auto m = app(statement("Allow", "Action: s3:*", "Resource: '*'") + "\n" +
               statement("Deny", "Action: s3:DeleteObject", "Resource: !Sub '${Bucket.Arn}/*'"));
  Harness h(std::move(m));
  Decision d = h.eval->evaluate("s3:DeleteObject", ResourceArn::s3Objects("Bucket"));
  EXPECT_EQ(d.access, Access::ExplicitDeny);
  ASSERT_EQ(d.statements.size(), 1u);
  EXPECT_FALSE(d.statements[0]->allow);
  ASSERT_NE(d.statements[0]->node, nullptr);
  // Other buckets are not denied.
  EXPECT_EQ(h.access("s3:DeleteObject", ResourceArn::s3Objects("OtherBucket")), Access::Allowed);
  // A conditional Deny leaves the answer Allowed, conditionally.
  Harness c(
      app(statement("Allow", "Action: s3:*", "Resource: '*'") + "\n" +
          statement("Deny", "Action: s3:*", "Resource: '*'", "Condition: {Bool: {aws:SecureTransport: 'false'}}")));
  Decision dc = c.eval->evaluate("s3:GetObject", ResourceArn::s3Objects("Bucket"));
  EXPECT_EQ(dc.access, Access::Allowed);
  EXPECT_TRUE(dc.conditional);
}

TEST(PolicyEvaluator, ConditionalAllow) {
  Harness h(app(statement("Allow", "Action: s3:GetObject", "Resource: '*'",
                          "Condition: {StringEquals: {s3:ExistingObjectTag/public: 'yes'}}")));
  Decision d = h.eval->evaluate("s3:GetObject", ResourceArn::s3Objects("Bucket"));
  EXPECT_EQ(d.access, Access::Allowed);
  EXPECT_TRUE(d.conditional);
  ASSERT_EQ(d.statements.size(), 1u);
  EXPECT_NE(d.statements[0]->condition, nullptr);
}

TEST(PolicyEvaluator, BothS3FormsCoverTheObjectsOfTheBucket) {
  Harness sub(
      app(statement("Allow", "Action: s3:PutObject", "Resource: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'")));
  EXPECT_EQ(sub.access("s3:PutObject", ResourceArn::s3Objects("Bucket")), Access::Allowed);
  EXPECT_EQ(sub.access("s3:PutObject", ResourceArn::s3Objects("Bucket", "thumbnails/")), Access::Allowed);
  EXPECT_EQ(sub.access("s3:PutObject", ResourceArn::s3Objects("OtherBucket")), Access::ImplicitDeny);

  Harness arn(app(statement("Allow", "Action: s3:PutObject", "Resource: !Sub '${Bucket.Arn}/*'")));
  EXPECT_EQ(arn.access("s3:PutObject", ResourceArn::s3Objects("Bucket")), Access::Allowed);
  EXPECT_EQ(arn.access("s3:PutObject", ResourceArn::s3Objects("OtherBucket")), Access::ImplicitDeny);

  // Long forms and Join write the same thing.
  Harness join(app(statement("Allow", "Action: s3:PutObject",
                             "Resource: {'Fn::Join': ['', [{'Fn::GetAtt': [Bucket, Arn]}, '/*']]}")));
  EXPECT_EQ(join.access("s3:PutObject", ResourceArn::s3Objects("Bucket")), Access::Allowed);
}

TEST(PolicyEvaluator, BucketArnWithoutSlashStarDoesNotCoverObjects) {
  Harness h(app(statement("Allow", "Action: [s3:GetObject, s3:ListBucket]", "Resource: !GetAtt Bucket.Arn")));
  EXPECT_EQ(h.access("s3:GetObject", ResourceArn::s3Objects("Bucket")), Access::ImplicitDeny);
  EXPECT_EQ(h.access("s3:ListBucket", ResourceArn::s3Bucket("Bucket")), Access::Allowed);
  EXPECT_EQ(h.access("s3:ListBucket", ResourceArn::s3Bucket("OtherBucket")), Access::ImplicitDeny);
}

TEST(PolicyEvaluator, TableArnDoesNotCoverItsIndexes) {
  Harness h(app(statement("Allow", "Action: dynamodb:Query", "Resource: !GetAtt Table.Arn")));
  EXPECT_EQ(h.access("dynamodb:Query", ResourceArn::dynamodbTable("Table")), Access::Allowed);
  EXPECT_EQ(h.access("dynamodb:Query", ResourceArn::dynamodbIndex("Table")), Access::ImplicitDeny);
  EXPECT_EQ(h.access("dynamodb:Query", ResourceArn::dynamodbIndex("Table", "byDate")), Access::ImplicitDeny);
  Harness idx(
      app(statement("Allow", "Action: dynamodb:Query", "Resource: [!GetAtt Table.Arn, !Sub '${Table.Arn}/index/*']")));
  EXPECT_EQ(idx.access("dynamodb:Query", ResourceArn::dynamodbIndex("Table", "byDate")), Access::Allowed);
  // The table written by name in a Sub ARN is the same table.
  Harness byName(app(
      statement("Allow", "Action: dynamodb:PutItem",
                "Resource: !Sub 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}'")));
  EXPECT_EQ(byName.access("dynamodb:PutItem", ResourceArn::dynamodbTable("Table")), Access::Allowed);
}

TEST(PolicyEvaluator, ManagedPolicyExpansion) {
  Harness h(app("        - AmazonS3ReadOnlyAccess"));
  Decision d = h.eval->evaluate("s3:GetObject", ResourceArn::s3Objects("Bucket"));
  EXPECT_EQ(d.access, Access::Allowed);
  ASSERT_FALSE(d.statements.empty());
  EXPECT_EQ(d.statements[0]->source, StatementSource::ManagedPolicy);
  EXPECT_EQ(h.access("s3:GetObject", ResourceArn::sub("arn:aws:s3:::anything/at/all")), Access::Allowed);
  EXPECT_EQ(h.access("s3:PutObject", ResourceArn::s3Objects("Bucket")), Access::ImplicitDeny);
  // SAM's implicit AWSLambdaBasicExecutionRole is part of every SAM function's role.
  EXPECT_EQ(h.access("logs:PutLogEvents", ResourceArn::sub("arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/f:*")),
            Access::Allowed);
}

TEST(PolicyEvaluator, SamPolicyTemplates) {
  Harness crud(app("        - S3CrudPolicy: {BucketName: !Ref Bucket}"));
  EXPECT_EQ(crud.access("s3:PutObject", ResourceArn::s3Objects("Bucket")), Access::Allowed);
  EXPECT_EQ(crud.access("s3:ListBucket", ResourceArn::s3Bucket("Bucket")), Access::Allowed);
  EXPECT_EQ(crud.access("s3:PutObject", ResourceArn::s3Objects("OtherBucket")), Access::ImplicitDeny);
  EXPECT_EQ(crud.access("s3:PutBucketPolicy", ResourceArn::s3Bucket("Bucket")), Access::ImplicitDeny);

  Harness read(app("        - DynamoDBReadPolicy: {TableName: !Ref Table}"));
  EXPECT_EQ(read.access("dynamodb:GetItem", ResourceArn::dynamodbTable("Table")), Access::Allowed);
  EXPECT_EQ(read.access("dynamodb:Query", ResourceArn::dynamodbIndex("Table", "byDate")), Access::Allowed);
  EXPECT_EQ(read.access("dynamodb:PutItem", ResourceArn::dynamodbTable("Table")), Access::ImplicitDeny);

  Harness sqs(app("        - SQSSendMessagePolicy: {QueueName: !GetAtt Queue.QueueName}"));
  EXPECT_EQ(sqs.access("sqs:SendMessage", ResourceArn::sqsQueue("Queue")), Access::Allowed);
  Harness sns(app("        - SNSPublishMessagePolicy: {TopicName: !GetAtt Topic.TopicName}"));
  EXPECT_EQ(sns.access("sns:Publish", ResourceArn::snsTopic("Topic")), Access::Allowed);
  Harness sfn(app("        - StepFunctionsExecutionPolicy: {StateMachineName: !GetAtt Machine.Name}"));
  EXPECT_EQ(sfn.access("states:StartExecution", ResourceArn::stateMachine("Machine")), Access::Allowed);
  Harness secret(app("        - AWSSecretsManagerGetSecretValuePolicy: {SecretArn: !Ref Secret}"));
  EXPECT_EQ(secret.access("secretsmanager:GetSecretValue", ResourceArn::secret("Secret")), Access::Allowed);

  // A template given the bucket's ARN where it takes the name grants nothing on the bucket.
  Harness wrong(app("        - S3ReadPolicy: {BucketName: !GetAtt Bucket.Arn}"));
  EXPECT_EQ(wrong.access("s3:GetObject", ResourceArn::s3Objects("Bucket")), Access::ImplicitDeny);
}

TEST(PolicyEvaluator, RefsResolveByResourceType) {
  // Topic and state machine: Ref is the ARN. Queue: GetAtt Arn. Function: GetAtt Arn.
  Harness h(app(statement("Allow", "Action: [sns:Publish, states:StartExecution, sqs:SendMessage]",
                          "Resource: [!Ref Topic, !Ref Machine, !GetAtt Queue.Arn]")));
  EXPECT_EQ(h.access("sns:Publish", ResourceArn::snsTopic("Topic")), Access::Allowed);
  EXPECT_EQ(h.access("states:StartExecution", ResourceArn::stateMachine("Machine")), Access::Allowed);
  EXPECT_EQ(h.access("sqs:SendMessage", ResourceArn::sqsQueue("Queue")), Access::Allowed);
  // A name written as the bucket's BucketName is the same bucket in a literal ARN (partition aside).
  Harness named(app(statement("Allow", "Action: s3:GetObject", "Resource: arn:aws:s3:::my-named-bucket/*")));
  EXPECT_EQ(named.access("s3:GetObject", ResourceArn::s3Objects("NamedBucket")), Access::Unknown);
  EXPECT_EQ(named.access("s3:GetObject", ResourceArn::s3Objects("Bucket")), Access::Unknown);
  Harness inAws(app(statement("Allow", "Action: s3:GetObject", "Resource: arn:aws:s3:::my-named-bucket/*")),
                DeploymentContext{"aws", "eu-west-1", "123456789012"});
  EXPECT_EQ(inAws.access("s3:GetObject", ResourceArn::s3Objects("NamedBucket")), Access::Allowed);
  EXPECT_EQ(inAws.access("s3:GetObject", ResourceArn::s3Objects("Bucket")), Access::Unknown);  // generated name
  EXPECT_EQ(inAws.access("s3:GetObject", ResourceArn::sub("arn:aws:s3:::other-bucket/key")), Access::ImplicitDeny);
}

TEST(PolicyEvaluator, UnknownValuesGiveUnknown) {
  // A parameter may hold any ARN, even '*'.
  Harness param(app(statement("Allow", "Action: s3:GetObject", "Resource: !Sub '${ExternalBucketArn}/*'")));
  Decision d = param.eval->evaluate("s3:GetObject", ResourceArn::s3Objects("Bucket"));
  EXPECT_EQ(d.access, Access::Unknown);
  EXPECT_EQ(d.statements.size(), 1u);
  // Fn::If has no static value.
  Harness cond(app(statement("Allow", "Action: s3:GetObject",
                             "Resource: !If [IsProd, !Sub '${Bucket.Arn}/*', !Sub '${OtherBucket.Arn}/*']")));
  EXPECT_EQ(cond.access("s3:GetObject", ResourceArn::s3Objects("Bucket")), Access::Unknown);
  // A wrong action still is not allowed, whatever the resource.
  EXPECT_EQ(cond.access("s3:PutObject", ResourceArn::s3Objects("Bucket")), Access::ImplicitDeny);
  // A role defined outside the template: nothing can be said.
  auto m = model(R"(Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: {Runtime: python3.12, Handler: a.h, Role: arn:aws:iam::123456789012:role/external, Code: {ZipFile: x}}
)");
  PolicyEvaluator external(*m, *m->function("Fn"));
  EXPECT_EQ(external.evaluate("s3:GetObject", ResourceArn::unknown()).access, Access::Unknown);
}

TEST(PolicyEvaluator, CloudFormationRoleAndPolicyResources) {
  auto m = model(R"(Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: {Runtime: python3.12, Handler: a.h, Role: !GetAtt FnRole.Arn, Code: {ZipFile: x}}
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      Policies:
        - PolicyName: write
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: 'dynamodb:PutItem', Resource: {'Fn::GetAtt': [Table, Arn]}}
  Extra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: deny
      Roles: [!Ref FnRole]
      PolicyDocument:
        Statement:
          - {Effect: Deny, Action: 'dynamodb:*', Resource: '*'}
  Table:
    Type: AWS::DynamoDB::Table
)");
  PolicyEvaluator eval(*m, *m->function("Fn"));
  Decision d = eval.evaluate("dynamodb:PutItem", ResourceArn::dynamodbTable("Table"));
  EXPECT_EQ(d.access, Access::ExplicitDeny);
  ASSERT_EQ(d.statements.size(), 1u);
  EXPECT_EQ(d.statements[0]->holderId, "Extra");
}

}  // namespace

namespace {

TEST(PolicyEvaluator, MoreResourceTypes) {
  auto m = app(statement("Allow", "Action: [iam:PassRole, kinesis:PutRecord, logs:GetLogEvents, kms:Decrypt]",
                         "Resource: [!GetAtt JobRole.Arn, !GetAtt Stream.Arn, !GetAtt Logs.Arn, !GetAtt Key.Arn]"),
               R"(  JobRole:
    Type: AWS::IAM::Role
    Properties: {Path: /jobs/, AssumeRolePolicyDocument: {}}
  Stream:
    Type: AWS::Kinesis::Stream
  Logs:
    Type: AWS::Logs::LogGroup
    Properties: {LogGroupName: /app/orders}
  Key:
    Type: AWS::KMS::Key
)");
  Harness h(std::move(m), DeploymentContext{"aws", "eu-west-1", "123456789012"});
  EXPECT_EQ(h.access("iam:PassRole", ResourceArn::of("JobRole")), Access::Allowed);
  EXPECT_EQ(h.access("iam:PassRole", ResourceArn::sub("arn:aws:iam::123456789012:role/jobs/other")), Access::Unknown);
  EXPECT_EQ(h.access("iam:PassRole", ResourceArn::sub("arn:aws:iam::123456789012:role/admin")), Access::ImplicitDeny);
  EXPECT_EQ(h.access("kinesis:PutRecord", ResourceArn::of("Stream")), Access::Allowed);
  // A log group's Arn attribute ends with ":*", so it covers its streams. (Not logs:PutLogEvents: SAM's implicit
  // AWSLambdaBasicExecutionRole allows that on every log group.)
  EXPECT_EQ(h.access("logs:GetLogEvents",
                     ResourceArn::sub("arn:aws:logs:eu-west-1:123456789012:log-group:/app/orders:log-stream:x")),
            Access::Allowed);
  EXPECT_EQ(h.access("logs:GetLogEvents",
                     ResourceArn::sub("arn:aws:logs:eu-west-1:123456789012:log-group:/app/other:log-stream:x")),
            Access::ImplicitDeny);
  EXPECT_EQ(h.access("kms:Decrypt", ResourceArn::of("Key")), Access::Allowed);
  EXPECT_EQ(h.access("kms:Decrypt", ResourceArn::sub("arn:aws:kms:eu-west-1:123456789012:alias/app")),
            Access::ImplicitDeny);
}

TEST(PolicyEvaluator, LargeManagedPoliciesStayFast) {
  Harness h(app("        - ReadOnlyAccess\n        - PowerUserAccess"));
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(h.access("dynamodb:Query", ResourceArn::dynamodbIndex("Table", "byDate")), Access::Allowed);
    EXPECT_EQ(h.access("iam:CreateUser", ResourceArn::unknown()), Access::ImplicitDeny);
  }
}

}  // namespace

namespace {

TEST(PolicyEvaluator, ConditionsOfPolicyTemplatesAndManagedPoliciesAreKept) {
  Harness h(app("        - AWSSecretsManagerRotationPolicy: {FunctionName: rotator}"));
  Decision d = h.eval->evaluate("secretsmanager:PutSecretValue", ResourceArn::secret("Secret"));
  EXPECT_EQ(d.access, Access::Allowed);
  EXPECT_TRUE(d.conditional);
  ASSERT_FALSE(d.statements.empty());
  EXPECT_TRUE(d.statements[0]->conditional);
  EXPECT_EQ(d.statements[0]->source, StatementSource::PolicyTemplate);
}

}  // namespace
