#include "code/javascript/javascript_library.h"

#include <algorithm>
#include <array>

#include "code/analysis/evaluator.h"

namespace lambdalint::code::javascript {

using analysis::Value;
using Kind = Value::Kind;

const analysis::LanguageTraits& JavaScriptLanguage::traits() const {
  static const analysis::LanguageTraits kTraits{
      .fieldsAreProperties = true,
      .dispatchByName = true,
      .promises = true,
      .unknownValueText = true,
      .batchResponseAtProperty = true,
      .hyphenatedMembers = true,
  };
  return kTraits;
}

// `event` unbound is the event (a handler written for a wrapper that passes it in); `process`, `require` and
// `import(...)` are the runtime's.
Value JavaScriptLanguage::global(std::string_view name) const {
  if (isEventName(name)) return Value::of(Kind::Event);
  if (name == "process" || name == "require" || name == "import") return Value::of(Kind::Global, std::string(name));
  return {};
}

Value JavaScriptLanguage::refine(Value module) const {
  bool process = module.text == "process" || module.text == "node:process";
  if (process && module.members.size() == 1 && module.members[0] == "env") return Value::of(Kind::EnvObject);
  return module;
}

std::optional<Value> JavaScriptLanguage::member(const Value& object, std::string_view name) const {
  if (object.kind == Kind::Global && object.text == "process" && name == "env") return Value::of(Kind::EnvObject);
  return std::nullopt;
}

Value JavaScriptLanguage::call(const Value& callee, ir::ExprId call, analysis::Evaluator& values) const {
  const ir::Program& p = values.program();
  const ir::Expr& c = p.expr(call);
  bool isNew = c.kind == ir::ExprKind::New;
  auto args = p.itemsOf(c);
  if (callee.kind == Kind::Global && (callee.text == "require" || callee.text == "import")) {
    if (isNew || args.empty() || !p.is(args.front(), ir::ExprKind::String)) return {};
    return Value::of(Kind::Module, std::string(p.expr(args.front()).text));
  }
  if (callee.kind != Kind::Module) return {};
  if (auto client = clientBuiltBy(callee, isNew)) return *client;
  // A wrapper around a module or a fresh client is that module or client:
  // `AWSXRay.captureAWS(require('aws-sdk'))`, `AWSXRay.captureAWSv3Client(new S3Client({}))`.
  for (ir::ExprId a : args) {
    a = p.unwrapAwait(a);
    if (!p.is(a, ir::ExprKind::Call) && !p.is(a, ir::ExprKind::New)) continue;
    Value inner = values.evaluateCall(a);
    if (inner.kind == Kind::Library && inner.constructs) {
      inner.constructs = false;
      return inner;
    }
    ir::ExprId innerCallee = p.expr(a).a;
    if (inner.kind == Kind::Module && p.is(innerCallee, ir::ExprKind::Name) &&
        (p.expr(innerCallee).text == "require" || p.expr(innerCallee).text == "import")) {
      return inner;
    }
  }
  return {};
}

// `event.Records.filter(...)` and friends are still the records.
Value JavaScriptLanguage::methodCall(const Value& receiver, std::string_view method, ir::ExprId,
                                     analysis::Evaluator&) const {
  static constexpr std::array<std::string_view, 6> kKeepElements{"filter", "slice",   "concat",
                                                                 "sort",   "reverse", "values"};
  if (receiver.kind == Kind::Event &&
      std::find(kKeepElements.begin(), kKeepElements.end(), method) != kKeepElements.end()) {
    return receiver;
  }
  return {};
}

bool JavaScriptLanguage::isEventName(std::string_view name) const { return name == "event"; }

std::optional<uint32_t> JavaScriptLanguage::elementParameter(std::string_view method, uint32_t argument) const {
  static constexpr std::array<std::string_view, 9> kIterate{"forEach", "map",   "flatMap", "filter",   "reduce",
                                                            "some",    "every", "find",    "findIndex"};
  if (argument != 0 || std::find(kIterate.begin(), kIterate.end(), method) == kIterate.end()) return std::nullopt;
  return method == "reduce" ? 1u : 0u;
}

bool JavaScriptLanguage::addsToCollection(std::string_view method) const {
  return method == "push" || method == "unshift";
}

const JavaScriptLanguage& javascriptLanguage() {
  static const JavaScriptLanguage kLanguage;
  return kLanguage;
}

}  // namespace lambdalint::code::javascript
