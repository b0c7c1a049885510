#pragma once
// Visits an IR expression and its operands without recursion, bounded (a
// condition or an argument list of a hostile file may hold 100,000 nodes).
#include <vector>

#include "code/ir/program.h"

namespace lambdalint::code::analysis {

inline constexpr size_t kMaxSubtree = 4096;

// `visit(id, expr)` returns false to stop the walk; nested functions are not entered (their bodies are not
// operands of the expression anyway).
template <typename Visit>
bool visitSubtree(const ir::Program& program, ir::ExprId root, Visit&& visit) {
  if (root == ir::kNoExpr) return true;
  std::vector<ir::ExprId> stack{root};
  size_t seen = 0;
  while (!stack.empty() && seen++ < kMaxSubtree) {
    ir::ExprId id = stack.back();
    stack.pop_back();
    const ir::Expr& e = program.expr(id);
    if (!visit(id, e)) return false;
    for (ir::ExprId c : program.itemsOf(e)) stack.push_back(c);
    for (ir::ExprId c : {e.c, e.b, e.a}) {
      if (c != ir::kNoExpr) stack.push_back(c);
    }
  }
  return true;
}

// True when the expression mentions `text` as a name or member access written exactly so.
inline bool mentions(const ir::Program& program, ir::ExprId root, std::string_view text) {
  return !visitSubtree(program, root, [&](ir::ExprId id, const ir::Expr& e) {
    return !((e.kind == ir::ExprKind::Name || e.kind == ir::ExprKind::Member) && program.source(id) == text);
  });
}

}  // namespace lambdalint::code::analysis
