#pragma once
// What the analyses need to know about JavaScript and its libraries: the
// traits of the language, its globals (`process.env`, `require`), array
// methods that iterate or keep their elements, and the SDK and database
// libraries (client_libraries.cpp, aws_sdk_calls.cpp).
#include <optional>

#include "code/analysis/language.h"
#include "code/analysis/value.h"

namespace lambdalint::code::javascript {

// LibraryObject::shape of the clients this language knows.
enum class ClientStyle : uint8_t {
  V2 = 1,                // new AWS.S3()
  V2Document,            // new AWS.DynamoDB.DocumentClient()
  V3,                    // new S3Client()
  V3Aggregated,          // new S3()  (methods per operation)
  V3Document,            // DynamoDBDocumentClient.from(...)
  V3DocumentAggregated,  // DynamoDBDocument.from(...)
  Database,              // pg, mysql2, mongodb, ioredis, ...
};

// The client `new callee(...)` / `callee(...)` builds, when `callee` is a module member that builds one.
std::optional<analysis::Value> clientBuiltBy(const analysis::Value& callee, bool isNew);

class JavaScriptLanguage final : public analysis::Language {
 public:
  const analysis::LanguageTraits& traits() const override;
  analysis::Value global(std::string_view name) const override;
  analysis::Value refine(analysis::Value module) const override;
  std::optional<analysis::Value> member(const analysis::Value& object, std::string_view name) const override;
  analysis::Value call(const analysis::Value& callee, ir::ExprId call, analysis::Evaluator& values) const override;
  analysis::Value methodCall(const analysis::Value& receiver, std::string_view method, ir::ExprId call,
                             analysis::Evaluator& values) const override;
  bool isEventName(std::string_view name) const override;
  std::optional<uint32_t> elementParameter(std::string_view method, uint32_t argument) const override;
  bool addsToCollection(std::string_view method) const override;
  void findSdkCalls(analysis::Analysis& analysis) const override;
};

const JavaScriptLanguage& javascriptLanguage();

}  // namespace lambdalint::code::javascript
