#include <aws/lambda-runtime/runtime.h>

#include "/etc/passwd"  // expect: XRF004
#include "local.h"

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const& request) {
  return invocation_response::success(request.payload, "application/json");
}

int main() {
  run_handler(handler);
  return kExitCode;
}
