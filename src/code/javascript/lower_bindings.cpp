// Declarations, assignments and destructuring, and where an assignment binds.
#include <unordered_set>

#include "code/javascript/lowering.h"

namespace lambdalint::code::javascript {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

void Lowering::leaveDeclarator(TSNode node, Children children) {
  ExprId name = operand(children, Field::Name);
  ExprId value = operand(children, Field::Value);
  if (name == kNoExpr) return;
  p_.exprs[name].slot = ir::Slot::Target;
  p_.exprs[name].target = true;
  if (value != kNoExpr) {
    p_.exprs[value].slot = ir::Slot::BindingValue;
    p_.exprs[value].owner = name;
  }
  ir::Binding like;
  like.kind = ir::Binding::Kind::Value;
  like.value = value;
  bindPattern(name, like, true);
  if (p_.is(name, ExprKind::Name)) nameFunction(value, p_.expr(name).text, false);
  if (currentFunction() == ir::kModule) declarators_.push_back({startByte(node), endByte(node), name, value});
}

// Binds the names of a target: `x`, `{ a, b: c, d = 1, ...rest }`, `[x, y]`. An object pattern reads one
// property per name; anything nested deeper binds its names to nothing known.
void Lowering::bindPattern(ExprId pattern, const ir::Binding& like, bool declaration) {
  if (pattern == kNoExpr) return;
  ir::FunctionId here = currentFunction();
  auto bind = [&](ExprId nameExpr, std::string_view property, bool hasDefault, uint32_t begin, uint32_t end,
                  bool opaque) {
    ir::Binding b = like;
    if (opaque) {
      b.kind = ir::Binding::Kind::Opaque;
      b.value = kNoExpr;
    }
    b.target = ir::Binding::Target::Name;
    b.declaration = declaration;
    if (like.kind != ir::Binding::Kind::Param) {
      b.scope = here;
      b.function = here;
    }
    b.name = p_.expr(nameExpr).text;
    b.property = property;
    b.hasDefault = hasDefault;
    b.targetExpr = nameExpr;
    b.begin = begin;
    b.end = end;
    p_.bindings.push_back(std::move(b));
  };
  auto opaqueNames = [&](ExprId root) {
    std::vector<ExprId> stack{root};
    for (size_t seen = 0; !stack.empty() && seen < 4096; ++seen) {
      ExprId id = stack.back();
      stack.pop_back();
      const ir::Expr& e = p_.expr(id);
      if (e.kind == ExprKind::Name) bind(id, {}, false, e.begin, e.end, true);
      if (e.kind == ExprKind::Assign) {
        if (e.a != kNoExpr) stack.push_back(e.a);  // the default is no name of the pattern
        continue;
      }
      for (ExprId c : p_.itemsOf(e)) stack.push_back(c);
      if (e.kind == ExprKind::Property || e.kind == ExprKind::Spread || e.kind == ExprKind::Group) {
        if (e.a != kNoExpr) stack.push_back(e.a);
      }
    }
  };
  const ir::Expr& e = p_.expr(pattern);
  switch (e.kind) {
    case ExprKind::Name:
      bind(pattern, {}, false, e.begin, e.end, false);
      return;
    case ExprKind::Assign:
      bindPattern(e.a, like, declaration);
      return;
    case ExprKind::Object:
      for (ExprId item : p_.itemsOf(e)) {
        const ir::Expr& prop = p_.expr(item);
        if (prop.kind != ExprKind::Property || prop.op != ir::Op::None) {
          opaqueNames(item);
          continue;
        }
        ExprId v = prop.a;
        bool hasDefault = p_.is(v, ExprKind::Assign);
        if (hasDefault) v = p_.expr(v).a;
        if (p_.is(v, ExprKind::Name)) {
          bind(v, prop.text, hasDefault, prop.begin, prop.end, false);
        } else if (v != kNoExpr) {
          opaqueNames(v);
        }
      }
      return;
    case ExprKind::Array:
      opaqueNames(pattern);
      return;
    default:
      return;
  }
}

// `x = v`, `x ??= v`, `this.client = v`, `clients.s3 = v`, `({ a } = v)`.
void Lowering::bindAssignment(ExprId assign) {
  const ir::Expr& a = p_.expr(assign);
  if (a.op == ir::Op::OtherAssign) return;
  ExprId left = p_.unwrap(a.a);
  ExprId value = a.b;
  if (left == kNoExpr) return;
  const ir::Expr& l = p_.expr(left);
  ir::Binding like;
  like.kind = ir::Binding::Kind::Value;
  like.value = value;
  if (l.kind == ExprKind::Name) {
    bindPattern(left, like, false);
    nameFunction(value, l.text, false);
    return;
  }
  if (l.kind == ExprKind::Object || l.kind == ExprKind::Array) {
    bindPattern(left, like, false);
    return;
  }
  if (l.kind != ExprKind::Member) return;
  nameFunction(value, l.text, true);
  ExprId object = p_.unwrap(l.a);
  ir::Binding b = like;
  b.function = currentFunction();
  b.scope = currentFunction();
  b.name = l.text;
  b.targetExpr = left;
  b.begin = l.begin;
  b.end = l.end;
  if (p_.is(object, ExprKind::This)) {
    int32_t classId = classOfThis(currentFunction());
    if (classId >= 0) {
      b.target = ir::Binding::Target::ClassAttribute;
      b.classId = classId;
    } else {
      b.target = ir::Binding::Target::Property;  // a constructor function's `this`: one per file will do
      b.root = "this";
      b.scope = ir::kModule;
      b.declaration = true;  // already resolved
    }
  } else if (p_.is(object, ExprKind::Name)) {
    b.target = ir::Binding::Target::Property;
    b.root = p_.expr(object).text;
  } else {
    return;
  }
  p_.bindings.push_back(std::move(b));
}

// An assignment binds the variable where it is declared: in the function that declares it, an enclosing one,
// or (declared nowhere) the module.
void Lowering::resolveAssignmentScopes() {
  struct Key {
    ir::FunctionId scope;
    std::string_view name;
    bool operator==(const Key& o) const { return scope == o.scope && name == o.name; }
  };
  struct Hash {
    size_t operator()(const Key& k) const {
      return std::hash<std::string_view>()(k.name) ^ static_cast<size_t>(k.scope + 1) * 0x9E3779B97F4A7C15ULL;
    }
  };
  std::unordered_set<Key, Hash> declared;
  for (const ir::Binding& b : p_.bindings) {
    if (b.declaration && b.target == ir::Binding::Target::Name) declared.insert({b.scope, b.name});
  }
  auto declaringScope = [&](std::string_view name, ir::FunctionId from) {
    for (ir::FunctionId f = from; f != ir::kModule; f = p_.functions[static_cast<size_t>(f)].parent) {
      if (declared.count({f, name})) return f;
    }
    return ir::kModule;
  };
  for (ir::Binding& b : p_.bindings) {
    if (b.declaration) continue;
    if (b.target == ir::Binding::Target::Name) b.scope = declaringScope(b.name, b.function);
    if (b.target == ir::Binding::Target::Property) b.scope = declaringScope(b.root, b.function);
  }
}

}  // namespace lambdalint::code::javascript
