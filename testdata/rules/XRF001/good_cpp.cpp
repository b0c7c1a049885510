#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const& req) {
  (void)req;
  return invocation_response::success(
      std::string(std::getenv("TABLE_NAME")) + std::getenv("STAGE") + std::getenv("AWS_REGION"), "text/plain");
}

// Never called from the handler: its read belongs to no function of this template.
static void unused() { (void)std::getenv("SOMETHING_ELSE"); }

int main() {
  run_handler(handler);
  return 0;
}
