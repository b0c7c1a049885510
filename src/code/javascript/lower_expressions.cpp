// Expressions and patterns.
#include "code/javascript/lowering.h"

namespace lambdalint::code::javascript {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

ExprId Lowering::add(ExprKind kind, TSNode node, std::string_view text) {
  ir::Expr e;
  e.kind = kind;
  e.function = currentFunction();
  e.begin = startByte(node);
  e.end = endByte(node);
  e.text = text;
  p_.exprs.push_back(e);
  return static_cast<ExprId>(p_.exprs.size() - 1);
}

void Lowering::attach(ExprId parent, ExprId child, ir::Slot slot) {
  if (child == kNoExpr) return;
  ir::Expr& c = p_.exprs[child];
  c.parent = parent;
  c.slot = slot;
  ir::Expr& e = p_.exprs[parent];
  if (slot == ir::Slot::A) e.a = child;
  if (slot == ir::Slot::B) e.b = child;
  if (slot == ir::Slot::C) e.c = child;
}

void Lowering::setItems(ExprId parent, const std::vector<ExprId>& items) {
  ir::Expr& e = p_.exprs[parent];
  e.itemsBegin = static_cast<uint32_t>(p_.items.size());
  e.itemsCount = static_cast<uint32_t>(items.size());
  for (ExprId i : items) {
    p_.items.push_back(i);
    p_.exprs[i].parent = parent;
    p_.exprs[i].slot = ir::Slot::Item;
  }
}

std::vector<ExprId> Lowering::exprs(Children children, Field field) const {
  std::vector<ExprId> out;
  for (const LoweredChild& c : children) {
    if (c.value == kNothing) continue;
    if (field != Field::Count && grammar_.field(c.field) != field) continue;
    out.push_back(c.value);
  }
  return out;
}

std::string_view Lowering::stringContent(std::string_view quoted) {
  return quoted.size() >= 2 ? quoted.substr(1, quoted.size() - 2) : std::string_view();
}

uint32_t Lowering::leaveExpression(TSNode node, Node kind, Children children) {
  switch (kind) {
    case Node::Identifier:
      return add(ExprKind::Name, node, text(node));
    case Node::ImportKeyword:
      return add(ExprKind::Name, node, "import");
    case Node::PropertyIdentifier:
      return kNothing;  // read by its parent
    case Node::ShorthandProperty: {
      ExprId value = add(ExprKind::Name, node, text(node));
      return property(node, text(node), value, kNoExpr, false);
    }
    case Node::ShorthandPattern:
      return add(ExprKind::Name, node, text(node));
    case Node::This:
      return add(ExprKind::This, node);
    case Node::Null:
      return add(ExprKind::Null, node);
    case Node::String:
      return add(ExprKind::String, node, stringContent(text(node)));
    case Node::Template: {
      std::vector<ExprId> parts = exprs(children);
      if (parts.empty()) return add(ExprKind::String, node, stringContent(text(node)));
      ExprId t = add(ExprKind::Template, node);
      setItems(t, parts);
      return t;
    }
    case Node::Member: {
      ExprId m = add(ExprKind::Member, node, text(operandNode(children, Field::Property)));
      attach(m, operand(children, Field::Object), ir::Slot::A);
      return m;
    }
    case Node::Subscript: {
      ExprId m = add(ExprKind::Index, node);
      attach(m, operand(children, Field::Object), ir::Slot::A);
      attach(m, operand(children, Field::Index), ir::Slot::B);
      return m;
    }
    case Node::Call:
    case Node::New:
      return leaveCall(node, kind, children);
    case Node::Object:
      return leaveObject(node, children, false);
    case Node::ObjectPattern:
      return leaveObject(node, children, true);
    case Node::Pair:
      return leavePair(node, children, false);
    case Node::PairPattern:
      return leavePair(node, children, true);
    case Node::ComputedKey: {
      std::vector<ExprId> inner = exprs(children);
      return inner.empty() ? kNothing : inner.front();
    }
    case Node::Spread:
    case Node::RestPattern:
    case Node::Await:
    case Node::Yield:
    case Node::Transparent:
    case Node::TypeAssertion: {
      ExprKind k;
      switch (kind) {
        case Node::Spread:
        case Node::RestPattern:
          k = ExprKind::Spread;
          break;
        case Node::Await:
          k = ExprKind::Await;
          break;
        case Node::Yield:
          k = ExprKind::Yield;
          break;
        default:
          k = ExprKind::Group;
          break;
      }
      std::vector<ExprId> inner = exprs(children);
      ExprId e = add(k, node);
      // `<T>x`: the expression follows the type.
      attach(e, inner.empty() ? kNoExpr : (kind == Node::TypeAssertion ? inner.back() : inner.front()), ir::Slot::A);
      return e;
    }
    case Node::Array:
    case Node::ArrayPattern:
    case Node::Sequence: {
      ExprId a = add(kind == Node::Sequence ? ExprKind::Sequence : ExprKind::Array, node);
      setItems(a, exprs(children));
      return a;
    }
    case Node::Binary:
      return leaveBinary(node, children);
    case Node::Parameter: {
      // TypeScript `name: T = default`
      ExprId pattern = operand(children, Field::Pattern);
      ExprId fallback = operand(children, Field::Value);
      if (fallback == kNoExpr) return pattern == kNoExpr ? kNothing : pattern;
      ExprId a = add(ExprKind::Assign, node);
      p_.exprs[a].op = ir::Op::Assign;
      attach(a, pattern, ir::Slot::A);
      attach(a, fallback, ir::Slot::B);
      return a;
    }
    case Node::Unary: {
      ExprId u = add(ExprKind::Unary, node);
      p_.exprs[u].op = type(operandNode(children, Field::Operator)) == "void" ? ir::Op::Void : ir::Op::Other;
      std::vector<ExprId> inner = exprs(children);
      attach(u, inner.empty() ? kNoExpr : inner.front(), ir::Slot::A);
      return u;
    }
    case Node::Ternary: {
      ExprId t = add(ExprKind::Conditional, node);
      attach(t, operand(children, Field::Condition), ir::Slot::A);
      attach(t, operand(children, Field::Consequence), ir::Slot::B);
      attach(t, operand(children, Field::Alternative), ir::Slot::C);
      return t;
    }
    case Node::Assign:
    case Node::AugmentedAssign:
    case Node::AssignmentPattern: {
      ExprId a = add(ExprKind::Assign, node);
      ir::Op op = ir::Op::Assign;
      if (kind == Node::AugmentedAssign) {
        std::string_view o = type(operandNode(children, Field::Operator));
        op = o == "?\?=" ? ir::Op::NullishAssign : o == "||=" ? ir::Op::OrAssign : ir::Op::OtherAssign;
      }
      p_.exprs[a].op = op;
      ExprId left = operand(children, Field::Left);
      attach(a, left, ir::Slot::A);
      attach(a, operand(children, Field::Right), ir::Slot::B);
      if (left != kNoExpr) p_.exprs[left].target = true;
      if (kind != Node::AssignmentPattern) {
        bindAssignment(a);
        noteExportAssignment(a);
      }
      return a;
    }
    default: {
      // Numbers, JSX, `a++`, regular expressions...: a value the analyses do not look into, with what is
      // inside it still lowered (a call in JSX is a call).
      ExprId o = add(ExprKind::Opaque, node);
      setItems(o, exprs(children));
      return o;
    }
  }
}

ExprId Lowering::leaveBinary(TSNode node, Children children) {
  std::string_view op = type(operandNode(children, Field::Operator));
  bool logical = op == "||" || op == "??" || op == "&&";
  ExprId b = add(logical ? ExprKind::Logical : ExprKind::Binary, node);
  ir::Op o = ir::Op::Other;
  if (op == "||") o = ir::Op::Or;
  if (op == "??") o = ir::Op::Nullish;
  if (op == "&&") o = ir::Op::And;
  if (op == "-") o = ir::Op::Minus;
  p_.exprs[b].op = o;
  attach(b, operand(children, Field::Left), ir::Slot::A);
  attach(b, operand(children, Field::Right), ir::Slot::B);
  return b;
}

ExprId Lowering::leaveCall(TSNode node, Node kind, Children children) {
  ExprId c = add(kind == Node::New ? ExprKind::New : ExprKind::Call, node);
  attach(c, operand(children, kind == Node::New ? Field::Constructor : Field::Function), ir::Slot::A);
  setItems(c, exprs(children, Field::Arguments));
  p_.calls.push_back(c);
  noteCallArguments(c);
  noteRequire(c);
  return c;
}

ExprId Lowering::property(TSNode node, std::string_view key, ExprId value, ExprId keyExpr, bool computed) {
  ExprId prop = add(ExprKind::Property, node, key);
  p_.exprs[prop].op = computed ? ir::Op::Other : ir::Op::None;
  attach(prop, value, ir::Slot::A);
  attach(prop, keyExpr, ir::Slot::B);
  return prop;
}

// `key: value`, `'key': value`, `[expr]: value`; a number key matches no name.
ExprId Lowering::leavePair(TSNode node, Children children, bool pattern) {
  TSNode keyNode = operandNode(children, Field::Key);
  Node keyKind = grammar_.node(keyNode);
  ExprId value = operand(children, Field::Value);
  // A pattern binds names; anything else there is error recovery's guess, read as written.
  if (pattern && p_.is(value, ExprKind::Name)) p_.exprs[value].target = true;
  if (keyKind == Node::ComputedKey) return property(node, {}, value, operand(children, Field::Key), true);
  std::string_view key;
  if (keyKind == Node::PropertyIdentifier || keyKind == Node::Identifier) key = text(keyNode);
  if (keyKind == Node::String) key = stringContent(text(keyNode));
  if (key.empty() && keyKind != Node::String) return property(node, {}, value, kNoExpr, true);
  // The key as written, for positions (`RequestItems: { 'table': ... }`); no operand of anything.
  ExprId keyExpr = operand(children, Field::Key);
  if (keyExpr == kNoExpr) keyExpr = add(ExprKind::String, keyNode, key);
  return property(node, key, value, keyExpr, false);
}

ExprId Lowering::leaveObject(TSNode node, Children children, bool pattern) {
  std::vector<ExprId> items;
  for (const LoweredChild& c : children) {
    if (c.value == kNothing) continue;
    const ir::Expr& e = p_.exprs[c.value];
    if (e.kind == ExprKind::Property || e.kind == ExprKind::Spread) {
      items.push_back(c.value);
    } else if (e.kind == ExprKind::Function) {
      // `{ async handler(event) {} }`: a method is an entry named after it.
      const ir::Function& f = p_.functions[static_cast<size_t>(e.ref)];
      items.push_back(property(c.node, p_.source(f.nameBegin, f.nameEnd), c.value, kNoExpr, false));
    } else if (pattern && e.kind == ExprKind::Name) {
      items.push_back(property(c.node, e.text, c.value, kNoExpr, false));  // `{ a }`
    } else if (pattern && e.kind == ExprKind::Assign && p_.is(e.a, ExprKind::Name)) {
      items.push_back(property(c.node, p_.expr(e.a).text, c.value, kNoExpr, false));  // `{ a = 1 }`
    }
  }
  ExprId o = add(ExprKind::Object, node);
  setItems(o, items);
  if (pattern) p_.exprs[o].target = true;
  return o;
}

}  // namespace lambdalint::code::javascript
