#include "code/analysis/environment_reads.h"

#include "code/analysis/analysis.h"

namespace lambdalint::code::analysis {
namespace {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

constexpr int kMaxHops = 64;

// The value is the left operand of a default operator (`x ?? 'd'`, `x || 'd'`, `x or 'd'`), directly or
// through a chain of them (`a ?? b ?? 'd'`).
bool defaulted(const ir::Program& p, ExprId read) {
  ExprId cur = read;
  for (int hop = 0; hop < kMaxHops; ++hop) {
    const ir::Expr& e = p.expr(cur);
    if (e.parent == kNoExpr) return false;
    const ir::Expr& up = p.expr(e.parent);
    if (up.kind == ExprKind::Logical) {
      if (up.op == ir::Op::And) return false;
      if (e.slot == ir::Slot::A) return true;
    } else if (up.kind != ExprKind::Group) {
      return false;
    }
    cur = e.parent;
  }
  return false;
}

// Worth evaluating: an access on a name or on a member access (`os.environ[...]`, `process.env.X`, `env.X`).
bool plausibleEnvironment(const ir::Program& p, ExprId object) {
  object = p.unwrap(object);
  return p.is(object, ExprKind::Name) || p.is(object, ExprKind::Member);
}

void add(Analysis& analysis, std::string name, bool hasDefault, ir::FunctionId function, Range range) {
  if (name.empty()) return;
  EnvRead r;
  r.name = std::move(name);
  r.hasDefault = hasDefault;
  r.scope = analysis.scopeOf(function);
  r.range = range;
  analysis.facts().envReads.push_back(std::move(r));
}

}  // namespace

void findEnvironmentReads(Analysis& analysis) {
  const ir::Program& p = analysis.program();
  Evaluator& values = analysis.values();
  bool properties = analysis.language().traits().fieldsAreProperties;
  for (ExprId id = 0; id < p.exprs.size(); ++id) {
    const ir::Expr& e = p.expr(id);
    if (e.target || (e.kind != ExprKind::Member && e.kind != ExprKind::Index)) continue;
    if (e.kind == ExprKind::Member && !properties) continue;  // Python: `os.environ.get` is a method
    if (!plausibleEnvironment(p, e.a)) continue;
    if (values.evaluate(e.a).kind != Value::Kind::EnvObject) continue;
    std::string name;
    if (e.kind == ExprKind::Member) {
      name = std::string(e.text);
    } else if (const std::string_view* key = p.stringValue(e.b)) {
      name = std::string(*key);
    }
    // A missing key raises in Python, whatever follows the read.
    add(analysis, std::move(name), properties && defaulted(p, id), e.function, p.range(id));
  }
  // const { A, B = 'b', C: c } = process.env
  for (const ir::Binding& b : p.bindings) {
    if (b.kind != ir::Binding::Kind::Value || b.property.empty() || b.value == kNoExpr) continue;
    if (values.evaluate(b.value).kind != Value::Kind::EnvObject) continue;
    add(analysis, std::string(b.property), b.hasDefault, b.function, p.range(b.begin, b.end));
  }
  // os.getenv('X'), os.environ.get('X', 'd'): calls of the environment's own functions.
  for (ExprId call : p.calls) {
    const ir::Expr& c = p.expr(call);
    ExprId callee = p.unwrapAwait(c.a);
    if (callee == kNoExpr) continue;
    const ir::Expr& f = p.expr(callee);
    bool library = false;
    if (f.kind == ExprKind::Member) {
      if (!plausibleEnvironment(p, f.a)) continue;
      Value receiver = values.evaluate(f.a);
      library = receiver.kind == Value::Kind::EnvObject || receiver.kind == Value::Kind::Module;
    } else if (f.kind == ExprKind::Name) {
      library = values.evaluate(callee).kind == Value::Kind::Module;
    }
    if (!library) continue;
    Value read = values.evaluateCall(call);
    if (read.kind != Value::Kind::EnvVar) continue;
    ExprId fallback = analysis.language().environmentDefault(call, values);
    bool hasDefault = (fallback != kNoExpr && !p.is(p.unwrap(fallback), ExprKind::Null)) || defaulted(p, call);
    add(analysis, std::move(read.text), hasDefault, c.function, p.range(call));
  }
}

}  // namespace lambdalint::code::analysis
