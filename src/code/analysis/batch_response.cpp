#include "code/analysis/batch_response.h"

#include "code/analysis/analysis.h"

namespace lambdalint::code::analysis {
namespace {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

// The `batchItemFailures` entry of an object literal, or kNoExpr.
ExprId failuresEntry(const ir::Program& p, ExprId object) {
  for (ExprId item : p.itemsOf(object)) {
    const ir::Expr& e = p.expr(item);
    if (e.kind == ExprKind::Property && e.op == ir::Op::None && e.text == "batchItemFailures") return item;
  }
  return kNoExpr;
}

}  // namespace

void findBatchResponse(Analysis& analysis) {
  const ir::Program& p = analysis.program();
  ir::FunctionId handler = analysis.values().handler();
  if (handler == ir::kModule) return;
  std::vector<ExprId> returned;
  const ir::Function& f = p.functions[static_cast<size_t>(handler)];
  if (f.expressionBody != kNoExpr) returned.push_back(f.expressionBody);
  for (uint32_t r : analysis.bindings().returnsOf(handler)) {
    if (p.returns[r].value != kNoExpr) returned.push_back(p.returns[r].value);
  }
  bool atProperty = analysis.language().traits().batchResponseAtProperty;
  for (ExprId v : returned) {
    ExprId d = p.unwrap(analysis.values().definition(v));
    if (p.is(d, ExprKind::Call) && analysis.language().buildsBatchResponse(d, analysis.values())) {
      analysis.facts().returnsBatchItemFailures = true;
      analysis.facts().batchItemFailuresRange = p.range(d);
      return;
    }
    ExprId object = p.is(d, ExprKind::Object) ? d : analysis.values().objectLiteral(v);
    ExprId entry = object == kNoExpr ? kNoExpr : failuresEntry(p, object);
    if (entry == kNoExpr) continue;
    analysis.facts().returnsBatchItemFailures = true;
    analysis.facts().batchItemFailuresRange = p.range(atProperty ? entry : object);
    return;
  }
}

}  // namespace lambdalint::code::analysis
