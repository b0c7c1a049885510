#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>

using namespace aws::lambda_runtime;

static const char* kTable = std::getenv("TABLE_NAME");  // expect: XRF001

int main() {
  const char* level = getenv("LOG_LEVEL") ?: "INFO";  // expect: XRF001
  auto handler = [&](invocation_request const& req) {
    std::string bucket = secure_getenv("BUCKET");  // expect: XRF001
    (void)req;
    return invocation_response::success(
        std::string(kTable) + level + bucket + std::getenv("STAGE") + std::getenv("AWS_LAMBDA_FUNCTION_NAME"),
        "text/plain");
  };
  run_handler(handler);
  return 0;
}
