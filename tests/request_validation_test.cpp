// Whether API Gateway validates a request body before the function sees it.
#include "model/request_validation.h"

#include <gtest/gtest.h>

#include "model/model_builder.h"
#include "template/document.h"

using namespace lambdalint;

namespace {

constexpr const char* kApp = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Models:
        Order: {type: object, required: [id], properties: {id: {type: string}}}
  OpenApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: openapi.yaml
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      Events:
        Validated:
          Type: Api
          Properties: {RestApiId: !Ref Api, Path: /a, Method: post, RequestModel: {Model: Order, ValidateBody: true}}
        ModelOnly:
          Type: Api
          Properties: {RestApiId: !Ref Api, Path: /b, Method: post, RequestModel: {Model: Order, Required: true}}
        NotValidated:
          Type: Api
          Properties: {RestApiId: !Ref Api, Path: /c, Method: post, RequestModel: {Model: Order, ValidateBody: false}}
        Plain: {Type: Api, Properties: {Path: /d, Method: post}}
        FromOpenApi: {Type: Api, Properties: {RestApiId: !Ref OpenApi, Path: /e, Method: post}}
        Http: {Type: HttpApi, Properties: {Path: /f, Method: post}}
        Queue: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
  Q:
    Type: AWS::SQS::Queue
)";

BodyValidation of(const TemplateModel& m, std::string_view eventName) {
  const Function* fn = m.function("Fn");
  EXPECT_NE(fn, nullptr);
  if (!fn) return BodyValidation::Unknown;
  for (const EventSource& e : fn->events) {
    if (e.name == eventName) return bodyValidationOf(m, e);
  }
  ADD_FAILURE() << "no event " << eventName;
  return BodyValidation::Unknown;
}

TEST(RequestValidation, WhatTheTemplateSays) {
  Document doc = parseYaml(std::make_shared<SourceFile>("t.yaml", kApp));
  ASSERT_TRUE(doc.problems.empty()) << doc.problems[0].message;
  auto m = buildModel(std::move(doc));
  EXPECT_EQ(of(*m, "Validated"), BodyValidation::Body);
  EXPECT_EQ(of(*m, "ModelOnly"), BodyValidation::Unknown);  // SAM's default, not guessed
  EXPECT_EQ(of(*m, "NotValidated"), BodyValidation::None);
  EXPECT_EQ(of(*m, "Plain"), BodyValidation::None);
  EXPECT_EQ(of(*m, "FromOpenApi"), BodyValidation::Unknown);
  EXPECT_EQ(of(*m, "Http"), BodyValidation::None);  // HTTP APIs cannot validate bodies
  EXPECT_EQ(of(*m, "Queue"), BodyValidation::Unknown);
}

}  // namespace
