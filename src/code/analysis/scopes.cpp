#include "code/analysis/scopes.h"

#include <deque>
#include <unordered_set>

namespace lambdalint::code::analysis {

using ir::ExprId;
using ir::ExprKind;
using ir::FunctionId;

void Scopes::compute(const ir::Program& program, const BindingIndex& bindings, Evaluator& values, bool dispatchByName,
                     FunctionId handler) {
  program_ = &program;
  size_t n = program.functions.size();
  inHandler_.assign(n, 0);
  reachable_.assign(n, 0);
  if (handler == ir::kModule) return;
  std::vector<std::vector<FunctionId>> children(n);
  std::vector<std::vector<ExprId>> calls(n);
  for (size_t i = 0; i < n; ++i) {
    FunctionId p = program.functions[i].parent;
    if (p != ir::kModule) children[static_cast<size_t>(p)].push_back(static_cast<FunctionId>(i));
  }
  for (ExprId c : program.calls) {
    FunctionId f = program.expr(c).function;
    if (f != ir::kModule) calls[static_cast<size_t>(f)].push_back(c);
  }
  std::deque<FunctionId> queue;
  // Functions come in preorder: a parent precedes its children.
  for (size_t i = 0; i < n; ++i) {
    FunctionId p = program.functions[i].parent;
    if (static_cast<FunctionId>(i) == handler || (p != ir::kModule && inHandler_[static_cast<size_t>(p)])) {
      inHandler_[i] = 1;
      queue.push_back(static_cast<FunctionId>(i));
    }
  }
  std::vector<char> seen(inHandler_.begin(), inHandler_.end());
  auto reach = [&](FunctionId g) {
    if (g == ir::kModule) return;
    std::vector<FunctionId> stack{g};
    while (!stack.empty()) {
      FunctionId x = stack.back();
      stack.pop_back();
      if (seen[static_cast<size_t>(x)]) continue;
      seen[static_cast<size_t>(x)] = 1;
      reachable_[static_cast<size_t>(x)] = 1;
      queue.push_back(x);
      for (FunctionId c : children[static_cast<size_t>(x)]) stack.push_back(c);
    }
  };
  auto reachValue = [&](const Value& v) {
    if (v.kind == Value::Kind::Function) reach(v.ref);
    if (v.kind == Value::Kind::Class) reach(program.classes[static_cast<size_t>(v.ref)].constructor);
  };
  std::unordered_set<std::string_view> plainDone, methodDone;
  auto byName = [&](std::string_view name, bool method) {
    if (!(method ? methodDone : plainDone).insert(name).second) return;
    for (FunctionId g : method ? bindings.methodsNamed(name) : bindings.functionsNamed(name)) reach(g);
  };
  while (!queue.empty()) {
    FunctionId f = queue.front();
    queue.pop_front();
    for (ExprId call : calls[static_cast<size_t>(f)]) {
      ExprId callee = program.unwrapAwait(program.expr(call).a);
      reachValue(values.evaluate(callee, 1));
      if (dispatchByName && callee != ir::kNoExpr) {
        const ir::Expr& c = program.expr(callee);
        if (c.kind == ExprKind::Name) byName(c.text, false);
        if (c.kind == ExprKind::Member) byName(c.text, true);
      }
      // Functions passed along run too: `records.map(process)`, `Thread(target=work)`.
      for (ExprId a : program.itemsOf(call)) {
        if (program.is(a, ExprKind::Keyword)) a = program.expr(a).a;
        a = program.unwrap(a);
        if (a == ir::kNoExpr) continue;
        const ir::Expr& arg = program.expr(a);
        if (arg.kind != ExprKind::Name && arg.kind != ExprKind::Member) continue;
        reachValue(values.evaluate(a, 1));
        if (!dispatchByName) continue;
        if (arg.kind == ExprKind::Name) byName(arg.text, false);
        if (arg.kind == ExprKind::Member && program.is(program.unwrap(arg.a), ExprKind::This)) byName(arg.text, true);
      }
    }
  }
}

Scope Scopes::of(FunctionId f) const {
  if (program_ == nullptr || f == ir::kModule) return Scope::Module;
  auto idx = [](FunctionId x) { return static_cast<size_t>(x); };
  // A function invoked where it is written runs where it is written.
  while (f != ir::kModule && program_->functions[idx(f)].invokedInPlace && !inHandler_[idx(f)] && !reachable_[idx(f)]) {
    f = program_->functions[idx(f)].parent;
  }
  if (f == ir::kModule) return Scope::Module;
  if (inHandler_[idx(f)]) return Scope::Handler;
  if (reachable_[idx(f)]) return Scope::HandlerCallee;
  return Scope::Other;
}

}  // namespace lambdalint::code::analysis
