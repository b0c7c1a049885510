#include "sam_generator.h"

#include <fmt/format.h>

namespace lambdalint::bench {

std::string generateSamTemplate(int functions, int seed) {
  std::string out = fmt::format(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: synthetic application {}
Parameters:
  Stage: {{Type: String, Default: dev}}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  IsBoth: !And [!Condition IsProd, !Condition IsDev]
Globals:
  Function:
    Runtime: python3.12
    MemorySize: 512
    Tracing: Active
    Environment:
      Variables: {{STAGE: !Ref Stage, LOG_LEVEL: info}}
Resources:
)",
                                seed);
  for (int i = 0; i < functions; ++i) {
    out += fmt::format(R"(  Queue{0}:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 180
      RedrivePolicy: {{deadLetterTargetArn: !GetAtt Dlq{0}.Arn, maxReceiveCount: 5}}
  Dlq{0}:
    Type: AWS::SQS::Queue
  Bucket{0}:
    Type: AWS::S3::Bucket
  Table{0}:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{{AttributeName: id, KeyType: HASH}}]
      AttributeDefinitions: [{{AttributeName: id, AttributeType: S}}]
  Function{0}:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/f{0}/
      Handler: app.handler
      Timeout: !If [IsProd, !If [IsBoth, 30, !If [IsDev, 20, 25]], 15]
      Environment:
        Variables:
          TABLE_NAME: !Ref Table{0}
          BUCKET: !Ref Bucket{0}
          QUEUE_URL: !Ref Queue{0}
      Policies:
        - DynamoDBCrudPolicy: {{TableName: !Ref Table{0}}}
        - S3ReadPolicy: {{BucketName: !Ref Bucket{0}}}
        - SQSSendMessagePolicy: {{QueueName: !GetAtt Queue{0}.QueueName}}
        - Statement:
            - Effect: Allow
              Action: [s3:PutObject, s3:GetObject]
              Resource: !Sub "${{Bucket{0}.Arn}}/*"
            - Effect: Allow
              Action: {1}
              Resource: "*"
      Events:
        Jobs:
          Type: SQS
          Properties: {{Queue: !GetAtt Queue{0}.Arn, BatchSize: 10, FunctionResponseTypes: [ReportBatchItemFailures]}}
        Api:
          Type: Api
          Properties: {{Path: /f{0}, Method: post}}
        Nightly:
          Type: Schedule
          Properties: {{Schedule: rate(1 day)}}
      EventInvokeConfig:
        MaximumRetryAttempts: 1
        DestinationConfig: {{OnFailure: {{Type: SQS, Destination: !GetAtt Dlq{0}.Arn}}}}
)",
                       i, (i + seed) % 7 == 0 ? "dynamodb:*" : "dynamodb:Query");
  }
  return out;
}

}  // namespace lambdalint::bench
