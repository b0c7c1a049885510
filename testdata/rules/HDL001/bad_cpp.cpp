// C++ (aws-lambda-cpp): SDK clients built on every invocation.
#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/PutItemRequest.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <aws/sqs/SQSClient.h>

#include <cstdlib>
#include <memory>

using namespace aws::lambda_runtime;

static void notify(const std::string& body) {
  auto sqs = std::make_shared<Aws::SQS::SQSClient>();  // expect: HDL001
  (void)body;
}

static invocation_response handler(invocation_request const& req) {
  Aws::Client::ClientConfiguration config;
  Aws::DynamoDB::DynamoDBClient dynamo(config);  // expect: HDL001
  auto* s3 = new Aws::S3::S3Client(config);      // expect: HDL001
  Aws::DynamoDB::Model::PutItemRequest put;
  put.SetTableName(std::getenv("TABLE"));
  dynamo.PutItem(put);
  notify(req.payload);
  delete s3;
  return invocation_response::success("{}", "application/json");
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  run_handler(handler);
  Aws::ShutdownAPI(options);
  return 0;
}
