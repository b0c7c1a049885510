// The C++ frontend (Clang LibTooling) on small translation units, without the
// AWS SDK / aws-lambda-cpp headers (lambdalint's stand-ins take their place).
#include "code/cpp/cpp_frontend.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace lambdalint::code {
namespace {

namespace fs = std::filesystem;

// Writes `text` as a .cpp file in a fresh folder (so includes resolve against a real directory).
CodeFacts facts(const std::string& text, CppOptions options = {}) {
  static int n = 0;
  fs::path dir =
      fs::temp_directory_path() / ("lambdalint-cpp-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::create_directories(dir);
  fs::path file = dir / "main.cpp";
  std::ofstream(file) << text;
  CodeFacts f = extractCpp(file.string(), options);
  fs::remove_all(dir);
  return f;
}

const char* kIncludes = R"(#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/PutItemRequest.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <aws/s3/model/PutObjectRequest.h>
#include <cstdlib>
#include <memory>
using namespace aws::lambda_runtime;
)";

TEST(CppFrontend, HandlerIsAFunctionPassedToRunHandler) {
  auto f = facts(std::string(kIncludes) + R"(
static invocation_response my_handler(invocation_request const& req) {
  return invocation_response::success(req.payload, "text/plain");
}
int main() { run_handler(my_handler); }
)");
  EXPECT_EQ(f.language, Language::Cpp);
  ASSERT_TRUE(f.handler.found);
  EXPECT_EQ(f.handler.name, "my_handler");
  EXPECT_EQ(f.handler.range.begin.line, 11u);
  EXPECT_EQ(f.handler.range.end.line, 13u);
  EXPECT_EQ(f.handler.nameRange.begin.line, 11u);
  EXPECT_EQ(f.handler.nameRange.begin.column, 28u);
  EXPECT_TRUE(f.problems.empty()) << f.problems.front().message;
}

TEST(CppFrontend, HandlerIsALambda) {
  auto f = facts(std::string(kIncludes) + R"(
int main() {
  run_handler([](invocation_request const& req) {
    Aws::S3::S3Client s3;
    return invocation_response::success(req.payload, "text/plain");
  });
}
)");
  ASSERT_TRUE(f.handler.found);
  EXPECT_EQ(f.handler.name, "(lambda)");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].scope, Scope::Handler);
  EXPECT_EQ(f.clients[0].service, "s3");
}

TEST(CppFrontend, HandlerIsALambdaInAVariable) {
  auto f = facts(std::string(kIncludes) + R"(
int main() {
  Aws::S3::S3Client s3;
  auto handler = [&](invocation_request const& req) { return invocation_response::success(req.payload, "x"); };
  run_handler(handler);
}
)");
  ASSERT_TRUE(f.handler.found);
  EXPECT_EQ(f.handler.name, "handler");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].scope, Scope::Module);
}

TEST(CppFrontend, HandlerIsAFunctionObject) {
  auto f = facts(std::string(kIncludes) + R"(
struct OrderHandler {
  invocation_response operator()(invocation_request const& req) const {
    auto db = std::make_shared<Aws::DynamoDB::DynamoDBClient>();
    return invocation_response::success(req.payload, "x");
  }
};
int main() { run_handler(OrderHandler{}); }
)");
  ASSERT_TRUE(f.handler.found);
  EXPECT_EQ(f.handler.name, "OrderHandler");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].scope, Scope::Handler);
  EXPECT_EQ(f.clients[0].service, "dynamodb");
  EXPECT_EQ(f.clients[0].variable, "db");
}

TEST(CppFrontend, ClientScopes) {
  auto f = facts(std::string(kIncludes) + R"(
Aws::S3::S3Client global_s3;
static std::shared_ptr<Aws::DynamoDB::DynamoDBClient> cached;
static void helper() { auto* c = new Aws::S3::S3Client(); delete c; }
static void unrelated() { Aws::S3::S3Client other; }
static invocation_response handler(invocation_request const& req) {
  Aws::DynamoDB::DynamoDBClient inside;
  static Aws::S3::S3Client once;
  if (!cached) cached = std::make_shared<Aws::DynamoDB::DynamoDBClient>();
  helper();
  return invocation_response::success(req.payload, "x");
}
int main() {
  Aws::DynamoDB::DynamoDBClient in_main;
  run_handler(handler);
}
)");
  std::map<std::string, std::pair<Scope, bool>> byVariable;
  for (const auto& c : f.clients) byVariable[c.variable] = {c.scope, c.lazilyCached};
  EXPECT_EQ(byVariable["global_s3"].first, Scope::Module);
  EXPECT_EQ(byVariable["c"].first, Scope::HandlerCallee);
  EXPECT_EQ(byVariable["other"].first, Scope::Other);
  EXPECT_EQ(byVariable["inside"].first, Scope::Handler);
  EXPECT_EQ(byVariable["once"].first, Scope::Module);
  EXPECT_EQ(byVariable["cached"].first, Scope::Handler);
  EXPECT_TRUE(byVariable["cached"].second);
  EXPECT_EQ(byVariable["in_main"].first, Scope::Module);
  EXPECT_EQ(f.clients.size(), 7u);
}

TEST(CppFrontend, SdkCallWithTableNameFromTheEnvironment) {
  auto f = facts(std::string(kIncludes) + R"(
static std::shared_ptr<Aws::DynamoDB::DynamoDBClient> db;
static Aws::S3::S3Client s3;
static const char* BUCKET = std::getenv("BUCKET");
static invocation_response handler(invocation_request const& req) {
  Aws::DynamoDB::Model::PutItemRequest request;
  request.SetTableName(std::getenv("TABLE"));
  auto outcome = db->PutItem(request);
  s3.PutObject(Aws::S3::Model::PutObjectRequest().WithBucket(BUCKET).WithKey("k"));
  return invocation_response::success(req.payload, "x");
}
int main() { run_handler(handler); }
)");
  ASSERT_EQ(f.sdkCalls.size(), 2u);
  const auto& put = f.sdkCalls[0];
  EXPECT_EQ(put.sdk, "cpp");
  EXPECT_EQ(put.service, "dynamodb");
  EXPECT_EQ(put.operation, "PutItem");
  EXPECT_EQ(put.scope, Scope::Handler);
  ASSERT_EQ(put.resourceParams.size(), 1u);
  EXPECT_EQ(put.resourceParams[0].first, "TableName");
  EXPECT_EQ(put.resourceParams[0].second.kind, TracedValue::Kind::EnvVar);
  EXPECT_EQ(put.resourceParams[0].second.text, "TABLE");
  EXPECT_EQ(put.range.begin.line, 17u);
  EXPECT_EQ(put.range.begin.column, 18u);
  const auto& obj = f.sdkCalls[1];
  EXPECT_EQ(obj.service, "s3");
  EXPECT_EQ(obj.operation, "PutObject");
  ASSERT_EQ(obj.resourceParams.size(), 1u);
  EXPECT_EQ(obj.resourceParams[0].first, "Bucket");
  EXPECT_EQ(obj.resourceParams[0].second.kind, TracedValue::Kind::EnvVar);
  EXPECT_EQ(obj.resourceParams[0].second.text, "BUCKET");
}

TEST(CppFrontend, EnvironmentReads) {
  auto f = facts(std::string(kIncludes) + R"(
static const char* A = std::getenv("A");
static invocation_response handler(invocation_request const& req) {
  const char* b = getenv("B") ?: "default";
  const char* c = secure_getenv("C");
  return invocation_response::success(req.payload, "x");
}
int main() { run_handler(handler); }
)");
  ASSERT_EQ(f.envReads.size(), 3u);
  EXPECT_EQ(f.envReads[0].name, "A");
  EXPECT_EQ(f.envReads[0].scope, Scope::Module);
  EXPECT_FALSE(f.envReads[0].hasDefault);
  EXPECT_EQ(f.envReads[0].range.begin.line, 11u);
  EXPECT_EQ(f.envReads[0].range.begin.column, 24u);
  EXPECT_EQ(f.envReads[0].range.end.column, 40u);
  EXPECT_EQ(f.envReads[1].name, "B");
  EXPECT_EQ(f.envReads[1].scope, Scope::Handler);
  EXPECT_TRUE(f.envReads[1].hasDefault);
  EXPECT_EQ(f.envReads[2].name, "C");
}

TEST(CppFrontend, ImportsAndUnknownIncludes) {
  auto f = facts(R"(#include "does_not_exist.h"
#include <nlohmann/nothing_here.hpp>
#include <aws/lambda-runtime/runtime.h>
#include <aws/sqs/SQSClient.h>
using namespace aws::lambda_runtime;
static invocation_response handler(invocation_request const& r) {
  Aws::SQS::SQSClient sqs;
  return invocation_response::success(r.payload, "x");
}
int main() { run_handler(handler); }
)");
  ASSERT_EQ(f.imports.size(), 4u);
  EXPECT_EQ(f.imports[3].module, "aws/sqs/SQSClient.h");
  EXPECT_EQ(f.imports[3].range.begin.line, 4u);
  EXPECT_TRUE(f.handler.found);
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].service, "sqs");
  EXPECT_TRUE(f.problems.empty()) << f.problems.front().message;
}

TEST(CppFrontend, RealHeadersWinOverStandIns) {
  // The default flags add <folder>/include: a header there is used, the stand-in is not.
  fs::path dir = fs::temp_directory_path() / ("lambdalint-cpp-real-" + std::to_string(::getpid()));
  fs::create_directories(dir / "include/aws/s3");
  std::ofstream(dir / "include/aws/s3/S3Client.h")
      << "#pragma once\nnamespace Aws { namespace S3 { class S3Client { public: S3Client(); };\n"
         "using OnlyInTheRealHeader = S3Client; } }\n";
  std::ofstream(dir / "main.cpp") << "#include <aws/s3/S3Client.h>\n#include <aws/lambda-runtime/runtime.h>\n"
                                     "using namespace aws::lambda_runtime;\n"
                                     "int main() { Aws::S3::OnlyInTheRealHeader s3; run_handler(nullptr); }\n";
  CodeFacts f = extractCpp((dir / "main.cpp").string(), CppOptions{});
  fs::remove_all(dir);
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].service, "s3");
  EXPECT_EQ(f.clients[0].scope, Scope::Module);
}

TEST(CppFrontend, WithoutStandInsMissingHeadersFindNothing) {
  CppOptions options;
  options.useStubs = false;
  auto f = facts(std::string(kIncludes) +
                     "static invocation_response h(invocation_request const&);\n"
                     "int main() { run_handler(h); }\n",
                 options);
  EXPECT_FALSE(f.handler.found);
  EXPECT_FALSE(f.problems.empty());
}

TEST(CppFrontend, SyntaxErrorKeepsFacts) {
  auto f = facts(std::string(kIncludes) + R"(
static void broken() { int x = ; }
static invocation_response handler(invocation_request const& req) {
  Aws::S3::S3Client s3;
  return invocation_response::success(req.payload, "x");
}
int main() { run_handler(handler); }
)");
  ASSERT_FALSE(f.problems.empty());
  EXPECT_EQ(f.problems[0].range.begin.line, 11u);
  EXPECT_TRUE(f.handler.found);
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].scope, Scope::Handler);
}

TEST(CppFrontend, ColumnsAreCodePoints) {
  auto f = facts(std::string(kIncludes) + R"(
static invocation_response handler(invocation_request const& req) {
  /* ü */ Aws::S3::S3Client s3;
  return invocation_response::success(req.payload, "x");
}
int main() { run_handler(handler); }
)");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].range.begin.line, 12u);
  EXPECT_EQ(f.clients[0].range.begin.column, 11u);
}

TEST(CppFrontend, ServicePrefixes) {
  EXPECT_EQ(cppServicePrefix("SFN"), "states");
  EXPECT_EQ(cppServicePrefix("EventBridge"), "events");
  EXPECT_EQ(cppServicePrefix("SecretsManager"), "secretsmanager");
  EXPECT_EQ(cppServicePrefix("Kinesis"), "kinesis");
}

}  // namespace
}  // namespace lambdalint::code
