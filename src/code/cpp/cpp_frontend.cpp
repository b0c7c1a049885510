// The parts of the C++ frontend that need no Clang: the stand-in headers served
// for missing aws-lambda-cpp / AWS SDK includes, and the SDK namespace to IAM
// prefix map. The Clang part (one translation unit, all AST matchers) is
// cpp_ast.cpp.
#include "code/cpp/cpp_frontend.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "iam/sdk_services.h"
#include "util/embedded.h"

namespace lambdalint::code {
namespace {

// The SDK's include folder (`aws/<folder>/...`) of each namespace the spelling alone cannot give.
struct NamespaceInfo {
  std::string_view sdkNamespace;
  std::string_view includeDir;
};

constexpr std::array<NamespaceInfo, 16> kNamespaces{{
    {"S3", "s3"},
    {"S3Crt", "s3-crt"},
    {"DynamoDB", "dynamodb"},
    {"SQS", "sqs"},
    {"SNS", "sns"},
    {"Lambda", "lambda"},
    {"SFN", "states"},
    {"EventBridge", "eventbridge"},
    {"CloudWatchEvents", "events"},
    {"SecretsManager", "secretsmanager"},
    {"SSM", "ssm"},
    {"Kinesis", "kinesis"},
    {"Firehose", "firehose"},
    {"CloudWatchLogs", "logs"},
    {"KMS", "kms"},
    {"STS", "sts"},
}};

// Namespaces the core stand-in declares itself.
bool isCoreNamespace(std::string_view ns) {
  static const std::set<std::string_view> core{"Client",   "Utils",       "Region",     "Auth",           "Http", "Crt",
                                               "Internal", "Environment", "Monitoring", "LambdalintStub", "Model"};
  return core.count(ns) > 0;
}

bool isKeyword(std::string_view name) {
  static const std::set<std::string_view> words{
      "operator", "template",    "sizeof",       "decltype",   "alignof",
      "noexcept", "static_cast", "dynamic_cast", "const_cast", "reinterpret_cast",
      "typeid",   "new",         "delete",       "return",     "if",
      "while",    "for",         "switch",       "catch",      "throw",
      "co_await", "co_return",   "co_yield",     "requires",   "static_assert",
      "Value"};
  return words.count(name) > 0;
}

std::string namespaceOfDir(std::string_view dir, std::string_view text) {
  for (const auto& n : kNamespaces) {
    if (n.includeDir == dir) return std::string(n.sdkNamespace);
  }
  // A namespace the file spells whose lower case is the folder (`aws/acm/...` -> `Aws::ACM`).
  static const RE2 qualified(R"(Aws::(\w+)::)");
  re2::StringPiece input(text.data(), text.size());
  std::string ns;
  while (RE2::FindAndConsume(&input, qualified, &ns)) {
    std::string lower = ns;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string want(dir);
    want.erase(std::remove(want.begin(), want.end(), '-'), want.end());
    if (lower == want) return ns;
  }
  std::string out(dir);
  out.erase(std::remove(out.begin(), out.end(), '-'), out.end());
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Every class the file can reach through a missing SDK include, with every member name the file calls
// (`x.Name(` / `x->Name(`) declared on each: setters return the object, anything else a catch-all value.
std::string generatedSdkDeclarations(std::string_view text) {
  std::set<std::string> members;
  {
    static const RE2 memberCall(R"((?:\.|->)\s*([A-Za-z_]\w*)\s*\()");
    re2::StringPiece input(text.data(), text.size());
    std::string name;
    while (RE2::FindAndConsume(&input, memberCall, &name)) {
      if (!isKeyword(name)) members.insert(name);
    }
  }
  std::set<std::tuple<std::string, bool, std::string>> classes;  // namespace, in Model, name
  {
    static const RE2 include(R"(#\s*include\s*[<"]aws/([\w-]+)/(model/)?(\w+)\.h[>"])");
    re2::StringPiece input(text.data(), text.size());
    std::string dir, model, name;
    while (RE2::FindAndConsume(&input, include, &dir, &model, &name)) {
      if (dir == "core" || dir == "lambda-runtime") continue;
      classes.emplace(namespaceOfDir(dir, text), !model.empty(), name);
    }
  }
  {
    static const RE2 qualified(R"(Aws::(\w+)::(Model::)?([A-Za-z_]\w*))");
    re2::StringPiece input(text.data(), text.size());
    std::string ns, model, name;
    while (RE2::FindAndConsume(&input, qualified, &ns, &model, &name)) {
      if (isCoreNamespace(ns) || name == "Model") continue;
      classes.emplace(ns, !model.empty(), name);
    }
  }
  auto memberList = [&](std::string_view self) {
    std::string out;
    for (const auto& m : members) {
      if (m == self) continue;
      bool setter = m.rfind("Set", 0) == 0 || m.rfind("With", 0) == 0 || m.rfind("Add", 0) == 0;
      out += setter ? fmt::format("  template <class... A> {}& {}(A&&...);\n", self, m)
                    : fmt::format("  template <class... A> ::Aws::LambdalintStub::Value {}(A&&...) const;\n", m);
    }
    return out;
  };
  std::string out =
      "namespace Aws { namespace LambdalintStub {\nstruct Value {\n  Value();\n"
      "  template <class T> Value(const T&);\n  template <class T> operator T() const;\n"
      "  explicit operator bool() const;\n  Value operator*() const;\n  Value& operator++();\n"
      "  bool operator!=(const Value&) const;\n  bool operator==(const Value&) const;\n"
      "  template <class T> Value operator[](const T&) const;\n  Value begin() const;\n"
      "  Value end() const;\n";
  out += memberList("Value");
  out += "};\n} }\n";
  for (const auto& [ns, model, name] : classes) {
    out += fmt::format(
        "namespace Aws {{ namespace {} {{ {}\nclass {} {{\n public:\n  {}();\n"
        "  template <class... A> explicit {}(A&&...);\n{}}};\n{}}} }}\n",
        ns, model ? "namespace Model {" : "", name, name, name, memberList(name), model ? "} " : "");
  }
  return out;
}

}  // namespace

std::string cppServicePrefix(std::string_view sdkNamespace) { return iam::iamPrefixOfSdkService(sdkNamespace); }

std::string cppStubFor(std::string_view name, std::string_view mainText) {
  if (name == "aws/lambda-runtime/runtime.h") return std::string(embeddedCppStub("lambda_runtime"));
  if (name.rfind("aws/", 0) != 0) return {};
  // One text for every missing SDK include of the file, guarded so it is read once.
  std::string out = "#ifndef LAMBDALINT_AWS_SDK_STUBS\n#define LAMBDALINT_AWS_SDK_STUBS\n";
  out += embeddedCppStub("aws_core");
  out += generatedSdkDeclarations(mainText);
  out += "#endif\n";
  return out;
}

}  // namespace lambdalint::code
