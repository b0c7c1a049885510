#include "code/analysis/promise_use.h"

#include <algorithm>

namespace lambdalint::code::analysis {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

bool PromiseUse::awaited(ExprId promise) {
  ir::FunctionId f = program_.expr(promise).function;
  if (f == ir::kModule || !program_.functions[static_cast<size_t>(f)].isAsync) return true;
  Use use = useOf(promise, false);
  if (use.kind == Use::Consumed) return true;
  if (use.kind == Use::Dropped) return false;
  return anyUseConsumed(use.name, f);
}

// `ofVariable`: `node` is a use of a variable holding the promise (`promises.push(...)` is then no use of the
// value); otherwise it is the promise itself.
PromiseUse::Use PromiseUse::useOf(ExprId node, bool ofVariable) const {
  const ir::Program& p = program_;
  if (p.is(node, ExprKind::Call) && p.is(p.expr(node).a, ExprKind::Await)) return {};  // TypeScript `await f<T>()`
  ExprId cur = node;
  for (int hop = 0; hop < 64; ++hop) {
    const ir::Expr& e = p.expr(cur);
    if (e.parent == kNoExpr) {
      switch (e.slot) {
        case ir::Slot::Statement:
        case ir::Slot::Target:
          return {Use::Dropped, {}};
        case ir::Slot::BindingValue:
          if (p.is(e.owner, ExprKind::Name)) return {Use::Variable, p.expr(e.owner).text};
          return {};
        default:
          return {};  // returned, thrown, iterated, an arrow's result
      }
    }
    const ir::Expr& up = p.expr(e.parent);
    switch (up.kind) {
      case ExprKind::Group:
      case ExprKind::Conditional:
      case ExprKind::Logical:
      case ExprKind::Binary:
      case ExprKind::Array:
      case ExprKind::Spread:
      case ExprKind::Property:
      case ExprKind::Object:
      case ExprKind::Sequence:
      case ExprKind::New:
        break;
      case ExprKind::Await:
      case ExprKind::Yield:
        return {};
      case ExprKind::Unary:
        return {Use::Dropped, {}};  // `void promise`
      case ExprKind::Member:
        if (up.text == "then" || up.text == "catch" || up.text == "finally") return {};
        // A v2 request used through `.on(...)`, `.createReadStream()`, `.send(cb)` is no promise to await.
        return {ofVariable ? Use::Dropped : Use::Consumed, {}};
      case ExprKind::Call: {
        if (e.slot != ir::Slot::Item) return {};
        ExprId callee = p.unwrapAwait(up.a);
        if (p.is(callee, ExprKind::Member)) {
          const ir::Expr& m = p.expr(callee);
          if (p.source(m.a) == "Promise" &&
              (m.text == "all" || m.text == "allSettled" || m.text == "race" || m.text == "any")) {
            return {};
          }
          if (m.text == "push" || m.text == "unshift") {
            ExprId array = p.unwrap(m.a);
            if (p.is(array, ExprKind::Name)) return {Use::Variable, p.expr(array).text};
            return {};
          }
        }
        break;  // passed to a wrapper: what happens to the wrapper's result decides
      }
      case ExprKind::Assign:
        if (up.op != ir::Op::Assign) return {};
        if (e.slot == ir::Slot::B && p.is(up.a, ExprKind::Name)) return {Use::Variable, p.expr(up.a).text};
        return {e.slot == ir::Slot::B ? Use::Consumed : Use::Dropped, {}};
      default:
        return {};
    }
    cur = e.parent;
  }
  return {};
}

bool PromiseUse::anyUseConsumed(std::string_view name, ir::FunctionId function) {
  const ir::Program& p = program_;
  if (names_.empty()) {
    for (ExprId id = 0; id < p.exprs.size(); ++id) {
      if (p.expr(id).kind == ExprKind::Name) names_.push_back(id);
    }
    std::sort(names_.begin(), names_.end(), [&](ExprId a, ExprId b) { return p.expr(a).begin < p.expr(b).begin; });
  }
  const ir::Function& f = p.functions[static_cast<size_t>(function)];
  auto first = std::partition_point(names_.begin(), names_.end(), [&](ExprId n) { return p.expr(n).begin < f.begin; });
  for (auto it = first; it != names_.end() && p.expr(*it).begin < f.end; ++it) {
    if (p.expr(*it).text == name && useOf(*it, true).kind == Use::Consumed) return true;
  }
  return false;
}

}  // namespace lambdalint::code::analysis
