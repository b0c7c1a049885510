#include "code/analysis/handler.h"

#include <algorithm>
#include <array>

namespace lambdalint::code::analysis {
namespace {

using ir::ExprId;
using ir::ExprKind;
using ir::FunctionId;
using ir::kModule;
using ir::kNoExpr;

constexpr int kMaxResolveSteps = 32;  // steps of one resolution, recursion included
constexpr size_t kMaxChain = 64;      // calls in one method chain
constexpr size_t kMaxArguments = 8;   // arguments of a wrapper call looked at

class FunctionResolver {
 public:
  FunctionResolver(const ir::Program& program, const BindingIndex& bindings) : p_(program), bindings_(bindings) {}

  FunctionId resolve(ExprId e) {
    for (; budget_ > 0 && e != kNoExpr; --budget_) {
      e = p_.unwrap(e);
      if (e == kNoExpr) return kModule;
      const ir::Expr& x = p_.expr(e);
      switch (x.kind) {
        case ExprKind::Function:
          return x.ref;
        case ExprKind::Assign:
          e = x.b;
          break;
        case ExprKind::Name:
          e = moduleValue(x.text);
          if (e == kNoExpr) return kModule;
          break;
        case ExprKind::Call:
          return fromWrapper(e);
        case ExprKind::Member:
          return methodNamed(x.text);  // `Handler().handle`: a method of that name in this file
        default:
          return kModule;
      }
    }
    return kModule;
  }

 private:
  // The value of the last module-level binding of `name` that binds a value.
  ExprId moduleValue(std::string_view name) const {
    const BindingList* list = bindings_.variable(kModule, name);
    if (!list) return kNoExpr;
    for (auto it = list->rbegin(); it != list->rend(); ++it) {
      const ir::Binding& b = p_.bindings[*it];
      if (b.kind == ir::Binding::Kind::Value && b.property.empty() && b.value != kNoExpr) return b.value;
    }
    return kNoExpr;
  }

  FunctionId methodNamed(std::string_view name) const {
    for (size_t i = 0; i < p_.functions.size(); ++i) {
      const ir::Function& f = p_.functions[i];
      if (f.classId >= 0 && p_.source(f.nameBegin, f.nameEnd) == name) return static_cast<FunctionId>(i);
    }
    return kModule;
  }

  std::string_view methodOf(ExprId call) const {
    ExprId callee = p_.unwrapAwait(p_.expr(call).a);
    return p_.is(callee, ExprKind::Member) ? p_.expr(callee).text : std::string_view();
  }

  // `middy().use(logger).handler(base)`: the `.handler(...)` argument first, then the wrapped call's own
  // arguments (`middy(base)`, `wrap(async (e) => ...)`); never a middleware given to `.use(...)`.
  FunctionId fromWrapper(ExprId e) {
    std::vector<ExprId> chain;
    for (ExprId c = e; p_.is(c, ExprKind::Call) && chain.size() < kMaxChain;) {
      chain.push_back(c);
      ExprId callee = p_.unwrapAwait(p_.expr(c).a);
      if (!p_.is(callee, ExprKind::Member)) break;
      c = p_.unwrap(p_.expr(callee).a);
    }
    std::reverse(chain.begin(), chain.end());  // innermost call first
    std::stable_partition(chain.begin(), chain.end(), [&](ExprId c) { return methodOf(c) == "handler"; });
    static constexpr std::array<std::string_view, 4> kMiddleware{"use", "before", "after", "onError"};
    for (ExprId c : chain) {
      std::string_view method = methodOf(c);
      if (std::find(kMiddleware.begin(), kMiddleware.end(), method) != kMiddleware.end()) continue;
      auto args = p_.itemsOf(c);
      for (size_t i = 0; i < args.size() && i < kMaxArguments; ++i) {
        ExprId a = p_.unwrap(args[i]);
        if (p_.is(a, ExprKind::Function)) return p_.expr(a).ref;
        if (p_.is(a, ExprKind::Name) || p_.is(a, ExprKind::Call)) {
          --budget_;
          FunctionId f = resolve(a);
          if (f != kModule) return f;
        }
      }
    }
    return kModule;
  }

  const ir::Program& p_;
  const BindingIndex& bindings_;
  int budget_ = kMaxResolveSteps;
};

}  // namespace

ResolvedHandler resolveHandler(const ir::Program& program, const BindingIndex& bindings, std::string_view name,
                               HandlerInfo& handler) {
  ResolvedHandler out;
  const ir::Export* last = nullptr;
  for (const ir::Export& e : program.exports) {
    if (e.name == name && (last == nullptr || e.at >= last->at)) last = &e;
  }
  if (last == nullptr) return out;
  handler.found = true;
  handler.nameRange = program.range(last->nameBegin, last->nameEnd);
  handler.range = program.range(last->value);
  if (last->reexport) return out;
  out.function = FunctionResolver(program, bindings).resolve(last->value);
  if (out.function == kModule) return out;
  const ir::Function& f = program.functions[static_cast<size_t>(out.function)];
  handler.isAsync = f.isAsync;
  handler.range = program.range(f.begin, f.end);
  out.eventIndex = f.receiver != ir::Function::Receiver::None ? 1 : 0;
  return out;
}

}  // namespace lambdalint::code::analysis
