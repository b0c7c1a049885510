// Functions, parameters, classes, and the names calls reach a function by.
#include "code/javascript/lowering.h"

namespace lambdalint::code::javascript {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

void Lowering::enterFunction(TSNode node, Node kind) {
  ir::Function f;
  f.parent = currentFunction();
  f.classId = classOfBody();  // a method, or a function written in a class field
  f.begin = startByte(node);
  f.end = endByte(node);
  uint32_t count = childCount(node);
  for (uint32_t i = 0; i < count && i < 8; ++i) {
    TSNode c = child(node, i);
    if (!isNamed(c) && type(c) == "async") {
      f.isAsync = true;
      break;
    }
  }
  (void)kind;
  auto id = static_cast<ir::FunctionId>(p_.functions.size());
  p_.functions.push_back(std::move(f));
  functions_.push_back(id);
  contexts_.push_back({false, id});
}

ExprId Lowering::leaveFunction(TSNode node, Node kind, Children children) {
  ir::FunctionId id = functions_.back();
  functions_.pop_back();
  contexts_.pop_back();
  std::vector<ExprId> params = exprs(children, Field::Parameters);
  if (ExprId single = operand(children, Field::Parameter); single != kNoExpr) params.assign(1, single);  // x => ...
  ExprId body = operand(children, Field::Body);
  ExprId e = add(ExprKind::Function, node);
  p_.exprs[e].ref = id;
  {
    ir::Function& f = p_.functions[static_cast<size_t>(id)];
    f.expr = e;
    TSNode name = operandNode(children, Field::Name);
    f.nameBegin = startByte(name);
    f.nameEnd = endByte(name);
    for (ExprId param : params) {
      p_.exprs[param].slot = ir::Slot::Target;
      p_.exprs[param].target = true;
      ExprId named = p_.is(param, ExprKind::Assign) ? p_.expr(param).a : param;  // `x = default`
      f.params.push_back(p_.is(named, ExprKind::Name) ? p_.expr(named).text : std::string_view());
    }
    if (body != kNoExpr) {
      f.expressionBody = body;  // a block leaves nothing behind: only an expression body is here
      p_.exprs[body].slot = ir::Slot::FunctionBody;
    }
  }
  bindParameters(id, params);
  std::string_view name =
      p_.source(startByte(operandNode(children, Field::Name)), endByte(operandNode(children, Field::Name)));
  ir::Function& f = p_.functions[static_cast<size_t>(id)];
  if (kind == Node::Method) {
    if (!name.empty()) f.methodNames.push_back(name);
    if (f.classId >= 0 && !name.empty()) {
      ir::Binding b;
      b.kind = ir::Binding::Kind::Value;
      b.target = ir::Binding::Target::ClassAttribute;
      b.declaration = true;
      b.classId = f.classId;
      b.function = f.parent;
      b.name = name;
      b.value = e;
      b.begin = f.nameBegin;
      b.end = f.nameEnd;
      p_.bindings.push_back(std::move(b));
      if (name == "constructor") p_.classes[static_cast<size_t>(f.classId)].constructor = id;
    }
  } else if (!name.empty() && grammar_.node(operandNode(children, Field::Name)) == Node::Identifier) {
    f.plainNames.push_back(name);  // `function name() {}`, also a named function expression
    if (kind == Node::FunctionDeclaration) {
      ir::Binding b;
      b.kind = ir::Binding::Kind::Value;
      b.declaration = true;
      b.scope = f.parent;
      b.function = f.parent;
      b.name = name;
      b.value = e;
      b.begin = f.nameBegin;
      b.end = f.nameEnd;
      p_.bindings.push_back(std::move(b));
    }
  }
  return e;
}

void Lowering::bindParameters(ir::FunctionId f, const std::vector<ExprId>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    ir::Binding like;
    like.kind = ir::Binding::Kind::Param;
    like.function = f;
    like.scope = f;
    like.index = static_cast<uint32_t>(i);
    ExprId pattern = params[i];
    if (p_.is(pattern, ExprKind::Assign)) pattern = p_.expr(pattern).a;
    bindPattern(pattern, like, true);
  }
}

void Lowering::enterClass(TSNode node) {
  ir::Class c;
  c.function = currentFunction();
  c.begin = startByte(node);
  c.end = endByte(node);
  c.name = text(field(node, "name"));
  classes_.push_back(static_cast<int32_t>(p_.classes.size()));
  p_.classes.push_back(c);
}

ExprId Lowering::leaveClass(TSNode node, Node kind, Children children) {
  int32_t id = classes_.back();
  classes_.pop_back();
  ExprId e = add(ExprKind::Class, node);
  p_.exprs[e].ref = id;
  ir::Class& c = p_.classes[static_cast<size_t>(id)];
  c.expr = e;
  if (kind == Node::ClassDeclaration && !c.name.empty()) {
    TSNode name = operandNode(children, Field::Name);
    ir::Binding b;
    b.kind = ir::Binding::Kind::Value;
    b.declaration = true;
    b.scope = currentFunction();
    b.function = currentFunction();
    b.name = c.name;
    b.value = e;
    b.begin = startByte(name);
    b.end = endByte(name);
    p_.bindings.push_back(std::move(b));
  }
  return e;
}

// `client = new S3Client({})` in a class body: an attribute of every instance, stored as `this.client`.
void Lowering::leaveField(TSNode node, Children children) {
  int32_t classId = classOfBody();
  TSNode nameNode = operandNode(children, Field::Property);
  if (isNull(nameNode)) nameNode = operandNode(children, Field::Name);
  std::string_view name = text(nameNode);
  ExprId value = operand(children, Field::Value);
  if (value == kNoExpr || name.empty()) return;
  p_.strings.push_back("this." + std::string(name));
  ExprId owner = add(ExprKind::Name, nameNode, p_.strings.back());
  p_.exprs[owner].target = true;
  p_.exprs[owner].slot = ir::Slot::Target;
  p_.exprs[value].slot = ir::Slot::BindingValue;
  p_.exprs[value].owner = owner;
  nameFunction(value, name, true);
  if (classId < 0) return;
  ir::Binding b;
  b.kind = ir::Binding::Kind::Value;
  b.target = ir::Binding::Target::ClassAttribute;
  b.declaration = true;
  b.classId = classId;
  b.function = currentFunction();
  b.name = name;
  b.value = value;
  b.begin = startByte(nameNode);
  b.end = endByte(nameNode);
  p_.bindings.push_back(std::move(b));
  (void)node;
}

// A function written directly as the value of a declaration, an assignment or a property is called by that name.
void Lowering::nameFunction(ExprId value, std::string_view name, bool method) {
  if (value == kNoExpr || name.empty() || !p_.is(value, ExprKind::Function)) return;
  ir::Function& f = p_.functions[static_cast<size_t>(p_.expr(value).ref)];
  (method ? f.methodNames : f.plainNames).push_back(name);
}

// Functions given as arguments are callbacks of the call; a function called where it is written runs there.
void Lowering::noteCallArguments(ExprId call) {
  uint32_t position = 0;
  for (ExprId a : p_.itemsOf(call)) {
    ExprId u = p_.unwrap(a);
    if (p_.is(u, ExprKind::Function)) {
      ir::Function& f = p_.functions[static_cast<size_t>(p_.expr(u).ref)];
      f.callbackOf = call;
      f.argumentIndex = position;
    }
    ++position;
  }
  ExprId callee = p_.unwrap(p_.expr(call).a);
  if (p_.is(callee, ExprKind::Function) && p_.expr(call).kind == ExprKind::Call) {
    p_.functions[static_cast<size_t>(p_.expr(callee).ref)].invokedInPlace = true;
  }
}

int32_t Lowering::classOfThis(ir::FunctionId from) const {
  for (ir::FunctionId f = from; f != ir::kModule; f = p_.functions[static_cast<size_t>(f)].parent) {
    if (p_.functions[static_cast<size_t>(f)].classId >= 0) return p_.functions[static_cast<size_t>(f)].classId;
  }
  return -1;
}

}  // namespace lambdalint::code::javascript
