// lambdalint stand-in for <aws/lambda-runtime/runtime.h> (aws-lambda-cpp):
// declarations only, used when the real header is not found.
#pragma once
#include <chrono>
#include <functional>
#include <string>

namespace aws {
namespace lambda_runtime {

struct invocation_request {
  std::string payload;
  std::string request_id;
  std::string xray_trace_id;
  std::string client_context;
  std::string cognito_identity;
  std::string function_arn;
  std::chrono::time_point<std::chrono::system_clock> deadline;
  std::chrono::milliseconds get_time_remaining() const;
};

class invocation_response {
 public:
  invocation_response();
  invocation_response(std::string const& payload, std::string const& content_type, bool success);
  static invocation_response success(std::string const& payload, std::string const& content_type);
  static invocation_response failure(std::string const& error_message, std::string const& error_type);
  std::string const& get_payload() const;
  std::string const& get_content_type() const;
  bool is_success() const;
};

struct no_result {};

void run_handler(std::function<invocation_response(invocation_request const&)> const& handler);

}  // namespace lambda_runtime
}  // namespace aws
