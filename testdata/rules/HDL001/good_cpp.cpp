// C++ (aws-lambda-cpp): clients built once per execution environment.
#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <aws/sqs/SQSClient.h>

#include <memory>

using namespace aws::lambda_runtime;

static Aws::S3::S3Client* s3 = nullptr;
static std::shared_ptr<Aws::SQS::SQSClient> sqs;

struct Handler {
  Aws::DynamoDB::DynamoDBClient& dynamo;
  invocation_response operator()(invocation_request const& req) const {
    static Aws::SQS::SQSClient once;                          // a function-local static is built once
    if (!sqs) sqs = std::make_shared<Aws::SQS::SQSClient>();  // lazily cached in a global
    (void)req;
    return invocation_response::success("{}", "application/json");
  }
};

// Not called by the handler.
static void warm() {
  Aws::S3::S3Client other;
  (void)other;
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  Aws::Client::ClientConfiguration config;
  Aws::DynamoDB::DynamoDBClient dynamo(config);
  s3 = new Aws::S3::S3Client(config);
  run_handler(Handler{dynamo});
  warm();
  Aws::ShutdownAPI(options);
  return 0;
}
