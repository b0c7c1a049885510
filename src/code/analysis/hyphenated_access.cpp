#include "code/analysis/hyphenated_access.h"

#include "code/analysis/analysis.h"

namespace lambdalint::code::analysis {

void findHyphenatedAccesses(Analysis& analysis) {
  const ir::Program& p = analysis.program();
  constexpr int kMaxHops = 64;
  for (ir::ExprId id = 0; id < p.exprs.size(); ++id) {
    const ir::Expr& e = p.expr(id);
    if (e.kind != ir::ExprKind::Binary || e.op != ir::Op::Minus || !p.is(e.b, ir::ExprKind::Name)) continue;
    ir::ExprId left = p.unwrap(e.a);
    if (!p.is(left, ir::ExprKind::Member) && !p.is(left, ir::ExprKind::Index)) continue;
    ir::ExprId root = left;
    for (int i = 0; i < kMaxHops && (p.is(root, ir::ExprKind::Member) || p.is(root, ir::ExprKind::Index)); ++i) {
      root = p.unwrap(p.expr(root).a);
    }
    if (!p.is(root, ir::ExprKind::Name)) continue;
    if (analysis.values().evaluate(root).kind != Value::Kind::Event) continue;
    std::string_view word = p.expr(e.b).text;
    bool typical = word == "type" || word == "id" || word == "name";
    if (!typical && analysis.bindings().declaresAnywhere(word)) continue;
    analysis.facts().hyphenatedAccesses.push_back({std::string(p.source(id)), p.range(id)});
  }
}

}  // namespace lambdalint::code::analysis
