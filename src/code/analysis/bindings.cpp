#include "code/analysis/bindings.h"

#include <algorithm>

namespace lambdalint::code::analysis {
namespace {

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const std::vector<ir::ExprId> kNoCalls;
const std::vector<ir::FunctionId> kNoFunctions;
const std::vector<uint32_t> kNoReturns;

template <typename Map, typename K>
const typename Map::mapped_type* find(const Map& map, const K& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

BindingIndex::BindingIndex(const ir::Program& program) : program_(program) {
  for (uint32_t i = 0; i < program.bindings.size(); ++i) {
    const ir::Binding& b = program.bindings[i];
    switch (b.target) {
      case ir::Binding::Target::Name:
        variables_[Key{b.scope + 1, b.name, {}}].push_back(i);
        declared_.insert(b.name);
        break;
      case ir::Binding::Target::ClassAttribute:
        classAttributes_[Key{b.classId, b.name, {}}].push_back(i);
        break;
      case ir::Binding::Target::Property:
        properties_[Key{b.scope + 1, b.root, b.name}].push_back(i);
        break;
    }
  }
  for (ir::ExprId call : program.calls) {
    const ir::Expr& c = program.expr(call);
    ir::ExprId callee = program.unwrapAwait(c.a);
    if (program.is(callee, ir::ExprKind::Name)) {
      calls_[program.expr(callee).text].push_back(call);
    } else if (program.is(callee, ir::ExprKind::Member)) {
      methodCalls_[program.expr(callee).text].push_back(call);
    }
    for (ir::ExprId a : program.itemsOf(c)) {
      a = program.unwrap(a);
      if (program.is(a, ir::ExprKind::Name)) {
        auto& list = passed_[program.expr(a).text];
        if (list.empty() || list.back() != call) list.push_back(call);
      }
    }
  }
  for (size_t f = 0; f < program.functions.size(); ++f) {
    const ir::Function& fn = program.functions[f];
    for (std::string_view n : fn.plainNames) functions_[n].push_back(static_cast<ir::FunctionId>(f));
    for (std::string_view n : fn.methodNames) methods_[n].push_back(static_cast<ir::FunctionId>(f));
  }
  returns_.resize(program.functions.size());
  for (uint32_t i = 0; i < program.returns.size(); ++i) {
    ir::FunctionId f = program.returns[i].function;
    if (f != ir::kModule) returns_[static_cast<size_t>(f)].push_back(i);
  }
}

const BindingList* BindingIndex::lookup(std::string_view name, ir::FunctionId function, ir::FunctionId* scope) const {
  for (ir::FunctionId f = function; f != ir::kModule;) {
    const ir::Function& info = program_.functions[static_cast<size_t>(f)];
    if (contains(info.globalNames, name)) break;
    if (const BindingList* list = find(variables_, Key{f + 1, name, {}}); list && !contains(info.nonlocalNames, name)) {
      if (scope) *scope = f;
      return list;
    }
    f = info.parent;
  }
  const BindingList* list = find(variables_, Key{0, name, {}});
  if (list && scope) *scope = ir::kModule;
  return list;
}

const BindingList* BindingIndex::variable(ir::FunctionId scope, std::string_view name) const {
  return find(variables_, Key{scope + 1, name, {}});
}

const BindingList* BindingIndex::classAttribute(int32_t classId, std::string_view name) const {
  return find(classAttributes_, Key{classId, name, {}});
}

const BindingList* BindingIndex::property(ir::FunctionId scope, std::string_view root, std::string_view name) const {
  return find(properties_, Key{scope + 1, root, name});
}

const std::vector<ir::ExprId>& BindingIndex::callsOf(std::string_view name) const {
  const auto* v = find(calls_, name);
  return v ? *v : kNoCalls;
}

const std::vector<ir::ExprId>& BindingIndex::methodCallsOf(std::string_view name) const {
  const auto* v = find(methodCalls_, name);
  return v ? *v : kNoCalls;
}

const std::vector<ir::ExprId>& BindingIndex::callsPassing(std::string_view name) const {
  const auto* v = find(passed_, name);
  return v ? *v : kNoCalls;
}

const std::vector<ir::FunctionId>& BindingIndex::functionsNamed(std::string_view name) const {
  const auto* v = find(functions_, name);
  return v ? *v : kNoFunctions;
}

const std::vector<ir::FunctionId>& BindingIndex::methodsNamed(std::string_view name) const {
  const auto* v = find(methods_, name);
  return v ? *v : kNoFunctions;
}

const std::vector<uint32_t>& BindingIndex::returnsOf(ir::FunctionId function) const {
  if (function == ir::kModule || static_cast<size_t>(function) >= returns_.size()) return kNoReturns;
  return returns_[static_cast<size_t>(function)];
}

}  // namespace lambdalint::code::analysis
