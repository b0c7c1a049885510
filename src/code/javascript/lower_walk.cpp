// The walk: what is opened on the way down, what each node leaves behind.
#include <algorithm>

#include "code/javascript/lowering.h"

namespace lambdalint::code::javascript {

using ir::ExprId;
using ir::kNoExpr;

void Lowering::lower(TSNode root) {
  p_.exprs.reserve(p_.file().text().size() / 6);
  walkPostorder(root, *this);
  resolveAssignmentScopes();
  // Calls in source order, an outer call before the calls inside it.
  std::sort(p_.calls.begin(), p_.calls.end(), [&](ExprId a, ExprId b) {
    const ir::Expr& x = p_.expr(a);
    const ir::Expr& y = p_.expr(b);
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
}

std::string_view Lowering::text(TSNode node) const { return p_.source(startByte(node), endByte(node)); }

ExprId Lowering::operand(Children children, Field field) const {
  for (const LoweredChild& c : children) {
    if (c.value != kNothing && grammar_.field(c.field) == field) return c.value;
  }
  return kNoExpr;
}

TSNode Lowering::operandNode(Children children, Field field) const {
  for (const LoweredChild& c : children) {
    if (grammar_.field(c.field) == field) return c.node;
  }
  return TSNode{};
}

bool Lowering::enter(TSNode node) {
  if (!isNamed(node)) return false;
  Node kind = grammar_.node(node);
  switch (kind) {
    case Node::Skipped:
    case Node::ImportStatement:
    case Node::String:
      return false;
    case Node::Function:
    case Node::FunctionDeclaration:
    case Node::Method:
      enterFunction(node, kind);
      break;
    case Node::Class:
    case Node::ClassDeclaration:
      enterClass(node);
      break;
    case Node::ClassBody:
      contexts_.push_back({true, classes_.empty() ? -1 : classes_.back()});
      break;
    case Node::ForIn:
    case Node::For: {
      ir::Loop loop;
      loop.kind = kind == Node::ForIn ? ir::Loop::Kind::Each : ir::Loop::Kind::Counted;
      loop.function = currentFunction();
      loop.parent = loops_.empty() ? -1 : loops_.back();
      loop.begin = startByte(node);
      loop.end = endByte(node);
      loops_.push_back(static_cast<int32_t>(p_.loops.size()));
      p_.loops.push_back(loop);
      break;
    }
    default:
      break;
  }
  path_.push_back(node);
  return true;
}

uint32_t Lowering::leave(TSNode node, Children children) {
  if (!isNamed(node)) return kNothing;
  Node kind = grammar_.node(node);
  if (kind == Node::Skipped) return kNothing;
  if (kind == Node::ImportStatement) {
    leaveImport(node);
    return kNothing;
  }
  if (kind == Node::String) return leaveExpression(node, kind, children);
  path_.pop_back();
  switch (kind) {
    case Node::Function:
    case Node::FunctionDeclaration:
    case Node::Method:
      return leaveFunction(node, kind, children);
    case Node::Class:
    case Node::ClassDeclaration:
      return leaveClass(node, kind, children);
    case Node::ClassBody:
      contexts_.pop_back();
      return kNothing;
    case Node::Field:
      leaveField(node, children);
      return kNothing;
    case Node::Declarator:
      leaveDeclarator(node, children);
      return kNothing;
    case Node::ExportStatement:
      leaveExport(node, children);
      return kNothing;
    case Node::Arguments:
    case Node::Parameters:
    case Node::TemplateSubstitution:
      return kSplice;
    case Node::ExpressionStatement:
    case Node::Return:
    case Node::Throw:
    case Node::If:
    case Node::ForIn:
    case Node::For:
    case Node::Catch:
    case Node::Block:
    case Node::Program:
    case Node::Container:
      return leaveStatement(node, kind, children);
    default:
      return leaveExpression(node, kind, children);
  }
}

// Statements leave their expressions standing alone (parent kNoExpr), each with the slot that says what the
// statement does with its value.
uint32_t Lowering::leaveStatement(TSNode node, Node kind, Children children) {
  auto first = [&]() -> ExprId {
    for (const LoweredChild& c : children) {
      if (c.value != kNothing && c.value < p_.exprs.size()) return c.value;
    }
    return kNoExpr;
  };
  auto mark = [&](ExprId e, ir::Slot slot) {
    if (e != kNoExpr && p_.exprs[e].parent == kNoExpr) p_.exprs[e].slot = slot;
  };
  ir::FunctionId f = currentFunction();
  switch (kind) {
    case Node::ExpressionStatement: {
      ExprId e = first();
      mark(e, ir::Slot::Statement);
      return e == kNoExpr ? kNothing : e;  // a `for (;cond;)` reads its condition through this
    }
    case Node::Return: {
      ExprId e = first();
      mark(e, ir::Slot::Return);
      p_.returns.push_back({f, e, startByte(node), endByte(node)});
      return kNothing;
    }
    case Node::Throw:
      mark(first(), ir::Slot::Throw);
      p_.throws.push_back({f, startByte(node), endByte(node)});
      return kNothing;
    case Node::If: {
      ir::IfStatement s;
      s.function = f;
      s.condition = operand(children, Field::Condition);
      mark(s.condition, ir::Slot::Condition);
      s.begin = startByte(node);
      s.end = endByte(node);
      TSNode consequence = operandNode(children, Field::Consequence);
      s.consequenceBegin = startByte(consequence);
      s.consequenceEnd = endByte(consequence);
      if (!path_.empty() && grammar_.node(path_.back()) == Node::Block) {
        s.blockBegin = startByte(path_.back());
        s.blockEnd = endByte(path_.back());
      }
      p_.ifs.push_back(s);
      return kNothing;
    }
    case Node::ForIn: {
      ir::Loop& loop = p_.loops[static_cast<size_t>(loops_.back())];
      loop.items = operand(children, Field::Right);
      mark(loop.items, ir::Slot::LoopIterable);
      ExprId left = operand(children, Field::Left);
      if (left != kNoExpr) {
        mark(left, ir::Slot::Target);
        ir::Binding like;
        like.kind = ir::Binding::Kind::LoopItem;
        like.value = loop.items;
        // `for (const x of ...)` declares x; `for (x of ...)` assigns an outer x.
        bool declares = hasToken(node, "const", 4) || hasToken(node, "let", 4) || hasToken(node, "var", 4);
        bindPattern(left, like, declares);
      }
      loops_.pop_back();
      return kNothing;
    }
    case Node::For: {
      ir::Loop& loop = p_.loops[static_cast<size_t>(loops_.back())];
      loop.condition = operand(children, Field::Condition);
      mark(loop.condition, ir::Slot::Condition);
      loops_.pop_back();
      return kNothing;
    }
    case Node::Catch: {
      ir::Catch c;
      c.function = f;
      c.loop = loops_.empty() ? -1 : loops_.back();
      c.begin = startByte(node);
      c.end = endByte(node);
      p_.catches.push_back(c);
      ExprId param = operand(children, Field::Parameter);
      if (param != kNoExpr) {
        mark(param, ir::Slot::Target);
        ir::Binding like;
        like.kind = ir::Binding::Kind::Opaque;
        bindPattern(param, like, true);
      }
      return kNothing;
    }
    default:
      return kNothing;
  }
}

}  // namespace lambdalint::code::javascript
