// Orders: stores the order in DynamoDB, then queues a notification.
#include <aws/core/Aws.h>
#include <aws/core/client/ClientConfiguration.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/AttributeValue.h>
#include <aws/dynamodb/model/PutItemRequest.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/sqs/SQSClient.h>
#include <aws/sqs/model/SendMessageRequest.h>

#include <cstdlib>
#include <memory>

using namespace aws::lambda_runtime;

static std::shared_ptr<Aws::DynamoDB::DynamoDBClient> orders;

static invocation_response handler(invocation_request const& request) {
  Aws::DynamoDB::Model::PutItemRequest put;
  put.SetTableName(std::getenv("ORDERS_TABLE"));
  put.AddItem("id", Aws::DynamoDB::Model::AttributeValue(request.request_id));
  auto outcome = orders->PutItem(put);
  if (!outcome.IsSuccess()) {
    return invocation_response::failure("PutItem failed", "PutItemFailed");
  }

  Aws::Client::ClientConfiguration config;
  Aws::SQS::SQSClient sqs(config);  // built on every invocation
  Aws::SQS::Model::SendMessageRequest send;
  send.SetQueueUrl(std::getenv("QUEUE_URL"));
  send.SetMessageBody(request.payload);
  sqs.SendMessage(send);
  return invocation_response::success("{}", "application/json");
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  {
    Aws::Client::ClientConfiguration config;
    orders = std::make_shared<Aws::DynamoDB::DynamoDBClient>(config);
    run_handler(handler);
  }
  Aws::ShutdownAPI(options);
  return 0;
}
