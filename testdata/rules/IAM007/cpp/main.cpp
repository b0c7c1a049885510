// The role grants dynamodb:GetItem only: PutItem is denied.
#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/PutItemRequest.h>
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <memory>

using namespace aws::lambda_runtime;

static std::shared_ptr<Aws::DynamoDB::DynamoDBClient> table;

static invocation_response handler(invocation_request const& request) {
  Aws::DynamoDB::Model::PutItemRequest put;
  put.SetTableName(std::getenv("TABLE"));
  table->PutItem(put);  // expect: IAM007
  return invocation_response::success("{}", "application/json");
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  table = std::make_shared<Aws::DynamoDB::DynamoDBClient>(Aws::Client::ClientConfiguration());
  run_handler(handler);
  Aws::ShutdownAPI(options);
  return 0;
}
