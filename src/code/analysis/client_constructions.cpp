#include "code/analysis/client_constructions.h"

#include "code/analysis/analysis.h"
#include "code/analysis/subtree.h"

namespace lambdalint::code::analysis {
namespace {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

constexpr int kMaxHops = 64;
constexpr size_t kMaxVariableText = 200;

// Where the value of a construction is stored.
struct Store {
  ExprId target = kNoExpr;      // the variable, attribute or element written
  ExprId value = kNoExpr;       // the expression stored there (the construction, or `x || new X()` around it)
  ExprId assignment = kNoExpr;  // the Assign expression, when it is one
  std::string_view text;        // the variable as written
};

// Climbs from a construction through the expressions that pass its value on (parentheses, `await`, `a || b`,
// `a if c else b`, a wrapper call such as `captureAWSClient(new SNS())`) to the variable it is stored in.
Store storeOf(Analysis& analysis, ExprId construction) {
  const ir::Program& p = analysis.program();
  Store out;
  ExprId cur = construction;
  for (int hop = 0; hop < kMaxHops; ++hop) {
    const ir::Expr& e = p.expr(cur);
    if (e.parent == kNoExpr) {
      if (e.slot == ir::Slot::BindingValue && p.is(e.owner, ExprKind::Name)) {
        out.target = e.owner;
        out.value = cur;
        out.text = p.expr(e.owner).text;
      }
      return out;
    }
    const ir::Expr& up = p.expr(e.parent);
    switch (up.kind) {
      case ExprKind::Group:
      case ExprKind::Await:
      case ExprKind::Logical:
        break;
      case ExprKind::Conditional:
        if (e.slot == ir::Slot::A) return out;
        break;
      case ExprKind::Call:
      case ExprKind::New: {
        // A wrapper passes the construction on: its value is the same object, built elsewhere.
        if (e.slot != ir::Slot::Item) return out;
        Value wrapped = analysis.values().evaluateCall(e.parent);
        if (wrapped.kind != Value::Kind::Library || wrapped.constructs) return out;
        break;
      }
      case ExprKind::Assign:
        if (e.slot != ir::Slot::B || up.op == ir::Op::OtherAssign) return out;
        out.target = up.a;
        out.value = cur;
        out.assignment = e.parent;
        out.text = p.source(up.a);
        return out;
      default:
        return out;
    }
    cur = e.parent;
  }
  return out;
}

// The variable a cache is kept in: `client` for `client = ...`, `_clients` for `_clients[name] = ...`.
std::string_view cacheRoot(const ir::Program& p, ExprId target) {
  target = p.unwrap(target);
  while (p.is(target, ExprKind::Member) || p.is(target, ExprKind::Index)) target = p.unwrap(p.expr(target).a);
  return p.is(target, ExprKind::Name) ? p.expr(target).text : std::string_view();
}

bool containsExit(const ir::Program& p, ir::FunctionId function, uint32_t begin, uint32_t end) {
  for (const ir::Return& r : p.returns) {
    if (r.function == function && r.begin >= begin && r.end <= end) return true;
  }
  for (const ir::Throw& t : p.throws) {
    if (t.function == function && t.begin >= begin && t.end <= end) return true;
  }
  return false;
}

// `client ??= new X()`, `client = client || new X()`, `client ?? (client = new X())`, a construction inside
// `if (!client)`, or after `if (client) return client;`.
bool guarded(Analysis& analysis, const Store& store, std::string_view root) {
  const ir::Program& p = analysis.program();
  auto sameVariable = [&](ExprId e) {
    std::string_view t = p.source(p.unwrap(e));
    return !t.empty() && (t == store.text || t == root);
  };
  if (store.assignment != kNoExpr) {
    const ir::Expr& a = p.expr(store.assignment);
    if (a.op == ir::Op::OrAssign || a.op == ir::Op::NullishAssign) return true;
    ExprId at = store.assignment;
    while (p.expr(at).parent != kNoExpr && p.expr(p.expr(at).parent).kind == ExprKind::Group) at = p.expr(at).parent;
    const ir::Expr& around = p.expr(at);
    if (around.parent != kNoExpr && around.slot == ir::Slot::B) {
      const ir::Expr& logical = p.expr(around.parent);
      if (logical.kind == ExprKind::Logical && logical.op != ir::Op::And && sameVariable(logical.a)) return true;
    }
  }
  ExprId value = p.unwrap(store.value);
  if (p.is(value, ExprKind::Logical) && p.expr(value).op != ir::Op::And && sameVariable(p.expr(value).a)) return true;
  const ir::Expr& t = p.expr(store.target);
  uint32_t begin = store.assignment != kNoExpr ? p.expr(store.assignment).begin : t.begin;
  uint32_t end = store.assignment != kNoExpr ? p.expr(store.assignment).end : p.expr(store.value).end;
  for (const ir::IfStatement& s : p.ifs) {
    if (s.function != t.function || s.begin > begin) continue;
    bool encloses = s.end >= end;
    bool exitsBefore = s.end <= begin && s.blockBegin <= begin && s.blockEnd >= end &&
                       containsExit(p, s.function, s.consequenceBegin, s.consequenceEnd);
    if ((encloses || exitsBefore) && (mentions(p, s.condition, store.text) || mentions(p, s.condition, root))) {
      return true;
    }
  }
  return false;
}

bool lazilyCached(Analysis& analysis, ir::FunctionId function, Scope scope, const Store& store) {
  const ir::Program& p = analysis.program();
  if (scope == Scope::Module) return false;
  for (ir::FunctionId f = function; f != ir::kModule; f = p.functions[static_cast<size_t>(f)].parent) {
    if (p.functions[static_cast<size_t>(f)].memoized) return true;  // an `@lru_cache` factory
  }
  if (store.target == kNoExpr) return false;
  std::string_view root = cacheRoot(p, store.target);
  if (root.empty()) return false;
  // A cache outlives the call: the variable belongs to the module or an enclosing function.
  ir::FunctionId owner = function;
  if (!analysis.bindings().lookup(root, function, &owner) || owner == function) return false;
  return guarded(analysis, store, root);
}

}  // namespace

std::string_view storedIn(Analysis& analysis, ExprId construction) { return storeOf(analysis, construction).text; }

void findClientConstructions(Analysis& analysis) {
  const ir::Program& p = analysis.program();
  // Innermost first, as the evaluator prefers (a receiver is evaluated before the call on it).
  for (auto it = p.calls.rbegin(); it != p.calls.rend(); ++it) {
    Value made = analysis.values().evaluateCall(*it);
    if (made.kind != Value::Kind::Library || !made.constructs) continue;
    const ir::Expr& call = p.expr(*it);
    Store store = storeOf(analysis, *it);
    ClientConstruction c;
    c.library = made.object.library;
    c.service = made.object.service;
    c.kind = made.object.kind;
    c.variable = std::string(store.text.substr(0, kMaxVariableText));
    c.scope = analysis.scopeOf(call.function);
    c.lazilyCached = lazilyCached(analysis, call.function, c.scope, store);
    c.range = p.range(*it);
    if (made.dynamic) analysis.facts().complete = false;
    analysis.facts().clients.push_back(std::move(c));
  }
}

}  // namespace lambdalint::code::analysis
