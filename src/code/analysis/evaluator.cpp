#include "code/analysis/evaluator.h"

#include <algorithm>

namespace lambdalint::code::analysis {
namespace {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;
using Kind = Value::Kind;

void appendPath(std::string& path, std::string_view key) {
  if (!path.empty()) path += '.';
  path += key;
}

}  // namespace

Evaluator::Evaluator(const ir::Program& program, const BindingIndex& bindings, const Language& language)
    : program_(program),
      bindings_(bindings),
      language_(language),
      budget_(std::max<uint64_t>(2'000'000, 64 * static_cast<uint64_t>(program.exprs.size()))) {}

void Evaluator::setHandler(ir::FunctionId handler, uint32_t eventIndex) {
  handler_ = handler;
  eventIndex_ = eventIndex;
  names_.clear();
  returns_.clear();
  parameters_.clear();
  calls_.clear();
}

bool Evaluator::overBudget() { return ++steps_ > budget_; }

Value Evaluator::combine(std::vector<Value>& values) {
  Value best;
  bool sawUnknown = false;
  for (Value& v : values) {
    if (v.kind == Kind::Null) continue;
    if (v.kind == Kind::Unknown) {
      sawUnknown = true;
      continue;
    }
    if (best.kind == Kind::Unknown) {
      best = std::move(v);
    } else if (!best.sameAs(v)) {
      if (best.isObject()) continue;  // the first object wins (`x = None` ... `x = boto3.client()`)
      return {};
    }
  }
  if (sawUnknown && !best.isObject()) return {};  // a string that is sometimes something else
  best.constructs = false;
  return best;
}

Value Evaluator::evaluate(ExprId id, int depth) {
  if (depth > kMaxDepth) {
    depthHit_ = true;
    return {};
  }
  if (id == kNoExpr || overBudget()) return {};
  const ir::Expr& e = program_.expr(id);
  switch (e.kind) {
    case ExprKind::Group:
    case ExprKind::Await:
      return evaluate(e.a, depth + 1);
    case ExprKind::Null:
      return Value::of(Kind::Null);
    case ExprKind::String:
      return Value::of(Kind::Literal, std::string(e.text));
    case ExprKind::Name:
      return name(e.text, e.function, depth);
    case ExprKind::This:
      return thisValue(e.function);
    case ExprKind::Function:
      return Value::ofRef(Kind::Function, e.ref);
    case ExprKind::Class:
      return Value::ofRef(Kind::Class, e.ref);
    case ExprKind::Object:
      return Value::ofRef(Kind::Object, static_cast<int32_t>(id));
    case ExprKind::Member: {
      bool found = false;
      Value bound = propertyBinding(e, depth, found);
      if (found && bound.known()) return bound;
      return member(evaluate(e.a, depth + 1), e.text, depth + 1);
    }
    case ExprKind::Index:
      return index(evaluate(e.a, depth + 1), e.b, depth + 1);
    case ExprKind::Call:
    case ExprKind::New:
      return evaluateCall(id, depth);
    case ExprKind::Logical: {
      Value left = evaluate(e.a, depth + 1);
      if (left.known()) return left;
      if (e.op == ir::Op::And) return {};
      return evaluate(e.b, depth + 1);
    }
    case ExprKind::Conditional: {
      std::vector<Value> both{evaluate(e.b, depth + 1), evaluate(e.c, depth + 1)};
      return combine(both);
    }
    case ExprKind::Assign:
      if (e.op == ir::Op::OtherAssign) return {};
      return evaluate(e.b, depth + 1);  // `client ??= new X()` as a value
    default:
      return {};
  }
}

Value Evaluator::thisValue(ir::FunctionId from) const {
  for (ir::FunctionId f = from; f != ir::kModule; f = program_.functions[static_cast<size_t>(f)].parent) {
    int32_t c = program_.functions[static_cast<size_t>(f)].classId;
    if (c >= 0) return Value::ofRef(Kind::Instance, c);
  }
  return {};
}

// `clients.s3` after `clients.s3 = new S3Client()`: properties set on a variable (or on `this` outside a class).
Value Evaluator::propertyBinding(const ir::Expr& access, int depth, bool& found) {
  if (!bindings_.anyProperties()) return {};
  ExprId object = program_.unwrap(access.a);
  if (object == kNoExpr) return {};
  const ir::Expr& o = program_.expr(object);
  const BindingList* list = nullptr;
  if (o.kind == ExprKind::Name) {
    ir::FunctionId scope = ir::kModule;
    bindings_.lookup(o.text, o.function, &scope);
    list = bindings_.property(scope, o.text, access.text);
  } else if (o.kind == ExprKind::This && thisValue(o.function).kind == Kind::Unknown) {
    list = bindings_.property(ir::kModule, "this", access.text);
  }
  if (!list) return {};
  found = true;
  return combined(*list, depth + 1);
}

Value Evaluator::name(std::string_view n, ir::FunctionId from, int depth) {
  const BindingList* list = bindings_.lookup(n, from);
  if (!list) return language_.global(n);
  return combined(*list, depth);
}

Value Evaluator::classAttribute(int32_t classId, std::string_view n, int depth) {
  const BindingList* list = bindings_.classAttribute(classId, n);
  if (!list) return {};
  return combined(*list, depth);
}

// All bindings of one name, combined; a name being evaluated reads as unknown (a cycle).
Value Evaluator::combined(const BindingList& list, int depth) {
  auto [it, inserted] = names_.try_emplace(&list);
  if (!inserted) return it->second.done ? it->second.value : Value{};
  // A declaration names the variable's value; assignments count where no declaration gives a known one
  // (`let client = null; ... client = new S3Client()`).
  auto combineWhere = [&](bool declarationsOnly) {
    std::vector<Value> values;
    for (size_t i = 0, looked = 0; i < list.size() && looked < kMaxBindings; ++i) {
      if (declarationsOnly && !program_.bindings[list[i]].declaration) continue;
      ++looked;
      values.push_back(bindingValue(list[i], depth));
    }
    return combine(values);
  };
  bool declared = false, assigned = false;
  for (uint32_t id : list) (program_.bindings[id].declaration ? declared : assigned) = true;
  Value result = combineWhere(declared && assigned);
  if (declared && assigned && !result.known()) result = combineWhere(false);
  Memo& m = names_[&list];
  m.done = true;
  m.value = result;
  return result;
}

Value Evaluator::bindingValue(uint32_t id, int depth) {
  const ir::Binding& b = program_.bindings[id];
  Value v;
  switch (b.kind) {
    case ir::Binding::Kind::Value:
      if (b.value == kNoExpr) {
        if (b.declaration) v = Value::of(Kind::Null);
      } else {
        v = evaluate(b.value, depth + 1);
      }
      break;
    case ir::Binding::Kind::Import:
      v = Value::of(Kind::Module, b.module);
      v.members = b.members;
      v = language_.refine(std::move(v));
      break;
    case ir::Binding::Kind::LoopItem:
      v = evaluate(b.value, depth + 1);
      if (v.kind == Kind::Event) {
        v.text += "[]";
      } else {
        v = {};
      }
      break;
    case ir::Binding::Kind::Param:
      v = parameter(b.function, b.index, depth + 1);
      break;
    case ir::Binding::Kind::Opaque:
      break;
  }
  if (b.property.empty()) return v;
  // Destructuring reads a field, whatever the language's member syntax.
  switch (v.kind) {
    case Kind::EnvObject:
      return Value::of(Kind::EnvVar, std::string(b.property));
    case Kind::Event:
      appendPath(v.text, b.property);
      return v;
    case Kind::Object:
      return objectEntry(v, b.property, depth + 1);
    default:
      return member(v, b.property, depth + 1);
  }
}

Value Evaluator::objectEntry(const Value& object, std::string_view key, int depth) {
  for (ExprId p : program_.itemsOf(static_cast<ExprId>(object.ref))) {
    const ir::Expr& e = program_.expr(p);
    if (e.kind == ExprKind::Property && e.op == ir::Op::None && e.text == key) return evaluate(e.a, depth + 1);
  }
  return {};
}

Value Evaluator::member(const Value& object, std::string_view n, int depth) {
  bool fields = language_.traits().fieldsAreProperties;
  switch (object.kind) {
    case Kind::Module: {
      Value v = object;
      v.members.emplace_back(n);
      return language_.refine(std::move(v));
    }
    case Kind::Instance:
    case Kind::Class:
      return classAttribute(object.ref, n, depth + 1);
    case Kind::Event:
      if (fields) {
        Value v = object;
        appendPath(v.text, n);
        return v;
      }
      return {};
    case Kind::EnvObject:
      if (fields) return Value::of(Kind::EnvVar, std::string(n));
      return {};
    case Kind::Object:
      return fields ? objectEntry(object, n, depth) : Value{};
    case Kind::Global:
    case Kind::Library:
      return language_.member(object, n).value_or(Value{});
    default:
      return {};
  }
}

Value Evaluator::index(const Value& object, ExprId key, int depth) {
  const std::string_view* literal = program_.stringValue(key);
  switch (object.kind) {
    case Kind::Module:
      if (literal) return member(object, *literal, depth);
      {
        Value v = object;  // `AWS[name]`
        v.members.emplace_back();
        v.dynamic = true;
        return v;
      }
    case Kind::EnvObject:
      if (literal) return Value::of(Kind::EnvVar, std::string(*literal));
      return {};
    case Kind::Event: {
      Value v = object;
      if (literal) {
        appendPath(v.text, *literal);
      } else if (!program_.is(key, ExprKind::Slice)) {
        v.text += "[]";
      }
      return v;
    }
    case Kind::Object:
      return literal ? objectEntry(object, *literal, depth) : Value{};
    default:
      return {};
  }
}

Value Evaluator::evaluateCall(ExprId call, int depth) {
  if (depth > kMaxDepth) {
    depthHit_ = true;
    return {};
  }
  // Calls are memoised, so a chain `a.b().c().d()` costs one step per call.
  auto known = calls_.find(call);
  if (known != calls_.end()) return known->second;
  bool outerHit = depthHit_;
  depthHit_ = false;
  Value v = callUncached(call, depth);
  if (!depthHit_) calls_.emplace(call, v);
  depthHit_ = depthHit_ || outerHit;
  return v;
}

Value Evaluator::callUncached(ExprId call, int depth) {
  if (overBudget()) return {};
  const ir::Expr& c = program_.expr(call);
  ExprId callee = program_.unwrapAwait(c.a);
  if (callee == kNoExpr) return {};
  const ir::Expr& f = program_.expr(callee);
  const std::string_view* key = f.kind == ExprKind::Index ? program_.stringValue(f.b) : nullptr;
  if (f.kind == ExprKind::Member || key) {
    std::string_view method = key ? *key : f.text;
    Value receiver = evaluate(f.a, depth + 1);
    switch (receiver.kind) {
      case Kind::Module:
        return language_.call(member(receiver, method, depth + 1), call, *this);
      case Kind::Instance:
      case Kind::Class: {
        Value m = classAttribute(receiver.ref, method, depth + 1);
        if (m.kind == Kind::Function) return returnValue(m.ref, depth + 1);
        return {};
      }
      default:
        return language_.methodCall(receiver, method, call, *this);
    }
  }
  Value target = evaluate(callee, depth + 1);
  switch (target.kind) {
    case Kind::Module:
    case Kind::Global:
      return language_.call(target, call, *this);
    case Kind::Function: {
      Value r = returnValue(target.ref, depth + 1);
      r.constructs = false;
      return r;
    }
    case Kind::Class:
      return Value::ofRef(Kind::Instance, target.ref);
    default:
      return {};
  }
}

Value Evaluator::returnValue(ir::FunctionId function, int depth) {
  auto [it, inserted] = returns_.try_emplace(function);
  if (!inserted) return it->second.done ? it->second.value : Value{};
  const ir::Function& f = program_.functions[static_cast<size_t>(function)];
  std::vector<Value> values;
  if (f.expressionBody != kNoExpr) values.push_back(evaluate(f.expressionBody, depth + 1));
  for (uint32_t r : bindings_.returnsOf(function)) {
    ExprId v = program_.returns[r].value;
    if (v != kNoExpr) values.push_back(evaluate(v, depth + 1));
  }
  Value result = combine(values);
  Memo& m = returns_[function];
  m.done = true;
  m.value = result;
  return result;
}

Value Evaluator::parameter(ir::FunctionId function, uint32_t index, int depth) {
  const ir::Function& f = program_.functions[static_cast<size_t>(function)];
  if (function == handler_) return index == eventIndex_ ? Value::of(Kind::Event) : Value{};
  if (index == 0 && f.receiver == ir::Function::Receiver::Instance) return Value::ofRef(Kind::Instance, f.classId);
  if (index == 0 && f.receiver == ir::Function::Receiver::Class) return Value::ofRef(Kind::Class, f.classId);
  std::string_view paramName = index < f.params.size() ? f.params[index] : std::string_view();
  if (!paramName.empty() && language_.isEventName(paramName)) return Value::of(Kind::Event);
  if (depth > kMaxDepth || index >= 1024) return {};
  int64_t key = static_cast<int64_t>(function) * 1024 + index;
  auto [it, inserted] = parameters_.try_emplace(key);
  if (!inserted) return it->second.done ? it->second.value : Value{};
  std::vector<Value> values;
  parameterSites(function, index, depth, values);
  Value result = values.empty() ? Value{} : combine(values);
  Memo& m = parameters_[key];
  m.done = true;
  m.value = result;
  return result;
}

// What the file passes for parameter `index`: the arguments at the function's call sites (by the names calls
// reach it by), and the elements of the receiver when it is given as a callback (`records.forEach(fn)`).
void Evaluator::parameterSites(ir::FunctionId function, uint32_t index, int depth, std::vector<Value>& out) {
  const ir::Function& f = program_.functions[static_cast<size_t>(function)];
  std::string_view paramName = index < f.params.size() ? f.params[index] : std::string_view();
  if (!f.receiverParam || index > 0) {
    size_t position = index - (f.receiverParam ? 1 : 0);
    size_t looked = 0;
    auto fromSites = [&](const std::vector<ExprId>& sites) {
      for (ExprId site : sites) {
        if (looked++ >= kMaxCallSites) return;
        ExprId arg = program_.argument(site, position, paramName);
        out.push_back(arg == kNoExpr ? Value{} : evaluate(arg, depth + 1));
      }
    };
    for (std::string_view n : f.plainNames) fromSites(bindings_.callsOf(n));
    for (std::string_view n : f.methodNames) fromSites(bindings_.methodCallsOf(n));
  }
  auto elementsOf = [&](ExprId site, uint32_t argument) {
    ExprId callee = program_.unwrapAwait(program_.expr(site).a);
    if (!program_.is(callee, ExprKind::Member)) return;
    auto param = language_.elementParameter(program_.expr(callee).text, argument);
    if (!param || *param != index) return;
    Value items = evaluate(program_.expr(callee).a, depth + 1);
    if (items.kind != Kind::Event) return;
    items.text += "[]";
    out.push_back(std::move(items));
  };
  if (f.callbackOf != kNoExpr) elementsOf(f.callbackOf, f.argumentIndex);
  size_t looked = 0;
  for (std::string_view n : f.plainNames) {
    for (ExprId site : bindings_.callsPassing(n)) {
      if (looked++ >= kMaxCallSites) break;
      uint32_t position = 0;
      for (ExprId a : program_.itemsOf(site)) {
        ExprId u = program_.unwrap(a);
        if (program_.is(u, ExprKind::Name) && program_.expr(u).text == n) elementsOf(site, position);
        ++position;
      }
    }
  }
}

ExprId Evaluator::definition(ExprId e, int hops) const {
  for (int hop = 0; e != kNoExpr; ++hop) {
    e = program_.unwrap(e);
    if (e == kNoExpr || program_.expr(e).kind != ExprKind::Name) return e;
    if (hop == hops) return kNoExpr;
    const ir::Expr& n = program_.expr(e);
    const BindingList* list = bindings_.lookup(n.text, n.function);
    if (!list || list->size() != 1) return kNoExpr;
    const ir::Binding& b = program_.bindings[list->front()];
    if (b.kind != ir::Binding::Kind::Value || !b.property.empty()) return kNoExpr;
    e = b.value;
  }
  return kNoExpr;
}

ExprId Evaluator::objectLiteral(ExprId e) {
  ExprId d = program_.unwrap(definition(e));
  if (program_.is(d, ExprKind::Object)) return d;
  if (e == kNoExpr) return kNoExpr;
  Value v = evaluate(e);
  return v.kind == Kind::Object ? static_cast<ExprId>(v.ref) : kNoExpr;
}

TracedValue Evaluator::trace(ExprId e) {
  TracedValue t;
  t.range = program_.range(e);
  Value v = evaluate(e);
  switch (v.kind) {
    case Kind::Literal:
      t.kind = TracedValue::Kind::Literal;
      t.text = std::move(v.text);
      break;
    case Kind::EnvVar:
      t.kind = TracedValue::Kind::EnvVar;
      t.text = std::move(v.text);
      break;
    case Kind::Event:
      t.kind = TracedValue::Kind::Event;
      t.text = std::move(v.text);
      break;
    default:
      t.kind = TracedValue::Kind::Unknown;
      if (language_.traits().unknownValueText) t.text = std::string(program_.source(e).substr(0, 200));
      break;
  }
  return t;
}

}  // namespace lambdalint::code::analysis
