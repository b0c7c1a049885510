// SAM expansion and the application model: Globals, event sources with their
// invocation model, references, and the permission set of each function.
#include <gtest/gtest.h>

#include "model/app_model.h"

using namespace lambdalint;

namespace {

std::unique_ptr<TemplateModel> model(std::string text) {
  auto file = std::make_shared<SourceFile>("t.yaml", std::move(text));
  Document doc = parseDocument(file);
  EXPECT_TRUE(doc.problems.empty()) << doc.problems[0].message;
  return buildModel(std::move(doc));
}

const char* kApp = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Timeout: 30
    Tracing: Active
    Environment:
      Variables: {STAGE: prod, LOG_LEVEL: info}
    Layers: [arn:aws:lambda:us-east-1:123456789012:layer:a:1]
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Timeout: 60
      Environment:
        Variables: {LOG_LEVEL: debug, TABLE: !Ref Table}
      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:b:1]
      Policies:
        - DynamoDBCrudPolicy: {TableName: !Ref Table}
        - AmazonS3ReadOnlyAccess
        - Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn}]
      Events:
        Api: {Type: Api, Properties: {Path: /, Method: get}}
        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn}}
        Upload: {Type: S3, Properties: {Bucket: !Ref Bucket, Events: s3:ObjectCreated:*}}
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt PlainRole.Arn
      Code: {ZipFile: "exports.handler = async () => 1"}
      TracingConfig: {Mode: PassThrough}
  PlainRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns: [!Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              - {Effect: Allow, NotAction: iam:*, Resource: "*"}
  ExtraPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [!Ref PlainRole]
      PolicyDocument:
        Statement: {Effect: Deny, Action: s3:DeleteBucket, Resource: "*"}
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Plain
      EventSourceArn: !GetAtt Stream.Arn
  Stream: {Type: AWS::Kinesis::Stream}
  Rule:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(5 minutes)
      Targets: [{Id: t, Arn: !GetAtt Plain.Arn}]
  Invoke:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Plain
      Qualifier: $LATEST
      DestinationConfig: {OnFailure: {Destination: !GetAtt Queue.Arn}}
  Queue: {Type: AWS::SQS::Queue}
  Bucket: {Type: AWS::S3::Bucket}
  Table: {Type: AWS::DynamoDB::Table}
)";

TEST(Model, GlobalsMergeWithSamRules) {
  auto m = model(kApp);
  const Function* w = m->function("Worker");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->runtime, "python3.12");  // from Globals
  EXPECT_EQ(w->timeout, 60);            // the function wins
  EXPECT_TRUE(w->tracingActive);
  ASSERT_NE(w->environment, nullptr);
  EXPECT_EQ(w->environment->get("LOG_LEVEL")->value, "debug");  // maps merge, function keys win
  EXPECT_EQ(w->environment->get("STAGE")->value, "prod");
  EXPECT_EQ(w->environment->get("LOG_LEVEL")->range.begin.line, 18u);  // positions stay in the template
  const Node* layers = w->property("Layers");
  ASSERT_EQ(layers->items.size(), 2u);  // lists concatenate, Globals first
  EXPECT_NE(layers->items[0].value.find("layer:a"), std::string::npos);
  // Globals do not apply to AWS::Lambda::Function.
  const Function* p = m->function("Plain");
  EXPECT_FALSE(p->timeout.has_value());
  EXPECT_FALSE(p->tracingActive);
}

TEST(Model, EventSourcesKnowTheirInvocationModel) {
  auto m = model(kApp);
  const Function* w = m->function("Worker");
  ASSERT_EQ(w->events.size(), 3u);
  std::map<std::string, std::pair<Invocation, std::string>> byName;
  for (const auto& e : w->events) byName[e.name] = {e.invocation, e.sourceId};
  EXPECT_EQ(byName["Api"].first, Invocation::Synchronous);
  EXPECT_EQ(byName["Jobs"], std::make_pair(Invocation::Polled, std::string("Queue")));
  EXPECT_EQ(byName["Upload"], std::make_pair(Invocation::Asynchronous, std::string("Bucket")));

  const Function* p = m->function("Plain");
  ASSERT_EQ(p->events.size(), 2u);
  for (const auto& e : p->events) {
    if (e.origin == EventOrigin::EventSourceMapping) {
      EXPECT_EQ(e.type, "Kinesis");
      EXPECT_EQ(e.invocation, Invocation::Polled);
      EXPECT_EQ(e.sourceId, "Stream");
    } else {
      EXPECT_EQ(e.origin, EventOrigin::EventBridgeTarget);
      EXPECT_EQ(e.type, "Schedule");
      EXPECT_EQ(e.invocation, Invocation::Asynchronous);
    }
  }
  ASSERT_NE(p->onFailureDestination, nullptr);  // from AWS::Lambda::EventInvokeConfig
}

TEST(Model, PermissionSetsCollectEveryStatement) {
  auto m = model(kApp);
  const Function* w = m->function("Worker");
  const PermissionSet& ws = w->permissions;
  EXPECT_TRUE(ws.complete);
  bool crud = false, s3ReadOnly = false, sqs = false;
  for (const auto& s : ws.statements) {
    if (s.origin == "policy template DynamoDBCrudPolicy") {
      crud = true;
      EXPECT_EQ(s.resources[0].text, "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}");
      EXPECT_EQ(s.resources[0].refs, std::vector<std::string>{"Table"});
    }
    if (s.origin == "managed policy AmazonS3ReadOnlyAccess") s3ReadOnly = true;
    if (s.origin == "inline policy" && s.actions[0].text == "sqs:SendMessage") {
      sqs = true;
      EXPECT_EQ(s.resources[0].text, "${Queue.Arn}");
    }
  }
  EXPECT_TRUE(crud && s3ReadOnly && sqs);
  // SAM's implicit policies: basic execution, X-Ray (Tracing: Active), SQS poller.
  std::set<std::string> implicit;
  for (const auto& a : ws.managed) {
    if (a.implicit) implicit.insert(a.name);
  }
  EXPECT_EQ(implicit, (std::set<std::string>{"service-role/AWSLambdaBasicExecutionRole", "AWSXrayWriteOnlyAccess",
                                             "service-role/AWSLambdaSQSQueueExecutionRole"}));

  const Function* p = m->function("Plain");
  EXPECT_EQ(p->roleId, "PlainRole");
  bool notAction = false, deny = false, basic = false;
  for (const auto& s : p->permissions.statements) {
    notAction = notAction || s.notAction;
    deny = deny || (!s.allow && s.holderId == "ExtraPolicy");
    basic = basic || s.origin == "managed policy AWSLambdaBasicExecutionRole";
  }
  EXPECT_TRUE(notAction);
  EXPECT_TRUE(deny);
  EXPECT_TRUE(basic);
}

TEST(Model, TemplateStatementsAreListedOnce) {
  auto m = model(kApp);
  // Worker: 1 inline statement + DynamoDBCrudPolicy's statements; PlainRole: 1; ExtraPolicy: 1.
  size_t inline_ = 0, fromTemplates = 0;
  for (const auto& s : m->statements) {
    EXPECT_NE(s.source, StatementSource::ManagedPolicy);
    (s.source == StatementSource::PolicyTemplate ? fromTemplates : inline_)++;
  }
  EXPECT_EQ(inline_, 3u);
  EXPECT_GE(fromTemplates, 1u);
  ASSERT_EQ(m->managedAttachments.size(), 2u);  // AmazonS3ReadOnlyAccess, AWSLambdaBasicExecutionRole
  auto reaching = m->functionsReaching(m->statements.back().node);
  EXPECT_FALSE(reaching.empty());
}

TEST(Model, RecognisesTemplatesByContent) {
  EXPECT_TRUE(looksLikeTemplate(parseYaml(std::make_shared<SourceFile>("a", "AWSTemplateFormatVersion: x")).root));
  EXPECT_TRUE(
      looksLikeTemplate(parseYaml(std::make_shared<SourceFile>("a", "Resources: {A: {Type: AWS::SQS::Queue}}")).root));
  EXPECT_TRUE(
      looksLikeTemplate(parseYaml(std::make_shared<SourceFile>("a", "Transform: [AWS::Serverless-2016-10-31]")).root));
  EXPECT_FALSE(looksLikeTemplate(parseYaml(std::make_shared<SourceFile>("a", "name: ci\non: push\n")).root));
  EXPECT_FALSE(looksLikeTemplate(parseYaml(std::make_shared<SourceFile>("a", "Resources: {A: {Type: Foo}}")).root));
}

TEST(Model, ExternalRoleMakesPermissionsIncomplete) {
  auto m = model(R"(Resources:
  F:
    Type: AWS::Lambda::Function
    Properties: {Role: arn:aws:iam::123456789012:role/x, Handler: a.b, Runtime: python3.12}
)");
  EXPECT_FALSE(m->function("F")->permissions.complete);
}

}  // namespace
