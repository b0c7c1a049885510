#include "code/analysis/language.h"

namespace lambdalint::code::analysis {

// Defaults: a language without the feature answers "nothing known".
Value Language::global(std::string_view) const { return {}; }
Value Language::refine(Value module) const { return module; }
std::optional<Value> Language::member(const Value&, std::string_view) const { return std::nullopt; }
Value Language::call(const Value&, ir::ExprId, Evaluator&) const { return {}; }
Value Language::methodCall(const Value&, std::string_view, ir::ExprId, Evaluator&) const { return {}; }
bool Language::isEventName(std::string_view) const { return false; }
std::optional<uint32_t> Language::elementParameter(std::string_view, uint32_t) const { return std::nullopt; }
ir::ExprId Language::environmentDefault(ir::ExprId, const Evaluator&) const { return ir::kNoExpr; }
bool Language::addsToCollection(std::string_view) const { return false; }
bool Language::buildsBatchResponse(ir::ExprId, Evaluator&) const { return false; }

}  // namespace lambdalint::code::analysis
