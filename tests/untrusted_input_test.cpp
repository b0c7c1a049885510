// The template decides which event paths of a function are untrusted, and how exposed they are.
#include "model/untrusted_input.h"

#include <gtest/gtest.h>

#include "model/model_builder.h"
#include "template/document.h"

using namespace lambdalint;

namespace {

std::unique_ptr<TemplateModel> model(std::string text) {
  auto file = std::make_shared<SourceFile>("t.yaml", std::move(text));
  Document doc = parseYaml(file);
  EXPECT_TRUE(doc.problems.empty()) << doc.problems[0].message;
  return buildModel(std::move(doc));
}

std::vector<UntrustedInput> inputsOf(const TemplateModel& m, std::string_view function) {
  const Function* fn = m.function(function);
  EXPECT_NE(fn, nullptr) << function;
  return fn ? untrustedInputsOf(m, *fn) : std::vector<UntrustedInput>{};
}

constexpr const char* kApp = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  OpenJobs:
    Type: AWS::SQS::Queue
  OpenJobsPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref OpenJobs]
      PolicyDocument:
        Statement:
          - {Effect: Allow, Principal: '*', Action: sqs:SendMessage, Resource: '*'}
  SnsOnlyQueue:
    Type: AWS::SQS::Queue
  SnsOnlyPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref SnsOnlyQueue]
      PolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: sns.amazonaws.com}, Action: sqs:SendMessage, Resource: '*'}
  Bus:
    Type: AWS::Events::EventBus
    Properties: {Name: orders}
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      Events:
        Get: {Type: Api, Properties: {Path: '/orders/{id}', Method: get}}
        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      Events:
        Internal: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
        Open: {Type: SQS, Properties: {Queue: !GetAtt OpenJobs.Arn}}
        FromSns: {Type: SQS, Properties: {Queue: !GetAtt SnsOnlyQueue.Arn}}
        Imported: {Type: SQS, Properties: {Queue: 'arn:aws:sqs:eu-west-1:123456789012:theirs'}}
  Listener:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Events:
        Custom: {Type: EventBridgeRule, Properties: {EventBusName: !Ref Bus, Pattern: {source: [orders]}}}
        Default: {Type: EventBridgeRule, Properties: {Pattern: {source: [aws.s3]}}}
        Fixed: {Type: EventBridgeRule, Properties: {Pattern: {source: [x]}, Input: '{"task": "cleanup"}'}}
        Uploads: {Type: S3, Properties: {Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*'}}
  Uploads:
    Type: AWS::S3::Bucket
)";

TEST(UntrustedInput, ApiRequestsArePublicAndSchedulesAreNotSources) {
  auto m = model(kApp);
  auto inputs = inputsOf(*m, "Api");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].trigger, "Api");
  EXPECT_EQ(inputs[0].exposure, InputExposure::Public);
  ASSERT_NE(untrustedInputFor(inputs, "body"), nullptr);
  EXPECT_NE(untrustedInputFor(inputs, "queryStringParameters.id"), nullptr);
  EXPECT_NE(untrustedInputFor(inputs, "requestContext.http.path"), nullptr);
  EXPECT_NE(untrustedInputFor(inputs, "headers[\"x-user\"]"), nullptr);
  // Set by API Gateway, not by the caller; and a path that merely starts with the same letters.
  EXPECT_EQ(untrustedInputFor(inputs, "requestContext.requestId"), nullptr);
  EXPECT_EQ(untrustedInputFor(inputs, "bodyLength"), nullptr);
}

TEST(UntrustedInput, QueueMessagesAreInternalOnlyWhenEveryProducerIsHere) {
  auto m = model(kApp);
  auto inputs = inputsOf(*m, "Worker");
  ASSERT_EQ(inputs.size(), 4u);
  EXPECT_EQ(inputs[0].exposure, InputExposure::InternalMessage);  // queue defined here, no policy
  EXPECT_EQ(inputs[1].exposure, InputExposure::Message);          // policy lets anyone send
  EXPECT_EQ(inputs[2].exposure, InputExposure::InternalMessage);  // only a service principal may send
  EXPECT_EQ(inputs[3].exposure, InputExposure::Message);          // queue of another stack or account
  const UntrustedInput* body = untrustedInputFor(inputs, "Records[].body");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->exposure, InputExposure::Message);  // the most exposed trigger wins
  EXPECT_EQ(untrustedInputFor(inputs, "Records[].receiptHandle"), nullptr);
}

TEST(UntrustedInput, BusesFixedInputsAndUploads) {
  auto m = model(kApp);
  auto inputs = inputsOf(*m, "Listener");
  ASSERT_EQ(inputs.size(), 3u);  // the rule with a fixed Input delivers a constant
  EXPECT_EQ(inputs[0].trigger, "EventBridgeRule");
  EXPECT_EQ(inputs[0].exposure, InputExposure::InternalMessage);  // custom bus defined here
  EXPECT_EQ(inputs[1].exposure, InputExposure::Message);          // default bus: anyone in the account, AWS services
  EXPECT_EQ(inputs[2].trigger, "S3");
  EXPECT_EQ(inputs[2].exposure, InputExposure::Upload);
  EXPECT_NE(untrustedInputFor(inputs, "Records[].s3.object.key"), nullptr);
  EXPECT_EQ(untrustedInputFor(inputs, "Records[].s3.bucket.name"), nullptr);
  EXPECT_NE(untrustedInputFor(inputs, "detail.orderId"), nullptr);
}

TEST(UntrustedInput, WithoutATemplateTheWholeEventIsUntrusted) {
  std::vector<UntrustedInput> inputs{unknownTriggerInput()};
  const UntrustedInput* any = untrustedInputFor(inputs, "anything.at[0].all");
  ASSERT_NE(any, nullptr);
  EXPECT_EQ(any->exposure, InputExposure::Public);
  EXPECT_EQ(any->event, nullptr);
  EXPECT_NE(untrustedInputFor(inputs, ""), nullptr);
}

}  // namespace
