#pragma once
// Where a name is bound, and which calls name a function: the lookup tables
// the evaluator and the call graph use, built once from a Program.
//
// Lookup follows the rules both languages share: a name is looked up in the
// function it is used in, then in the enclosing functions, then at module
// level; class bodies are namespaces of their own, reached through the class
// or an instance. Python's `global` / `nonlocal` declarations are honoured.
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "code/ir/program.h"

namespace lambdalint::code::analysis {

using BindingList = std::vector<uint32_t>;  // indexes into Program::bindings, in source order

class BindingIndex {
 public:
  explicit BindingIndex(const ir::Program& program);

  // The bindings `name` refers to from inside `function`, and the function whose variable it is (kModule for
  // module level); nullptr when the name is bound nowhere on the way.
  const BindingList* lookup(std::string_view name, ir::FunctionId function, ir::FunctionId* scope = nullptr) const;
  const BindingList* variable(ir::FunctionId scope, std::string_view name) const;
  const BindingList* classAttribute(int32_t classId, std::string_view name) const;
  const BindingList* property(ir::FunctionId scope, std::string_view root, std::string_view name) const;
  bool anyProperties() const { return !properties_.empty(); }

  // Calls whose callee is `name(...)` / `x.name(...)`, and calls given `name` as an argument, in source order.
  const std::vector<ir::ExprId>& callsOf(std::string_view name) const;
  const std::vector<ir::ExprId>& methodCallsOf(std::string_view name) const;
  const std::vector<ir::ExprId>& callsPassing(std::string_view name) const;
  // Functions reachable by a plain name / a method name.
  const std::vector<ir::FunctionId>& functionsNamed(std::string_view name) const;
  const std::vector<ir::FunctionId>& methodsNamed(std::string_view name) const;

  const std::vector<uint32_t>& returnsOf(ir::FunctionId function) const;
  // Every name bound anywhere in the file (variables, parameters, functions, classes, imports).
  bool declaresAnywhere(std::string_view name) const { return declared_.count(name) > 0; }

 private:
  struct Key {
    int64_t scope;
    std::string_view name;
    std::string_view member;
    bool operator==(const Key& o) const { return scope == o.scope && name == o.name && member == o.member; }
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      std::hash<std::string_view> h;
      return h(k.name) ^ (h(k.member) * 31) ^ (static_cast<size_t>(k.scope) * 0x9E3779B97F4A7C15ULL);
    }
  };
  template <typename V>
  using Table = std::unordered_map<std::string_view, V>;

  const ir::Program& program_;
  std::unordered_map<Key, BindingList, KeyHash> variables_;
  std::unordered_map<Key, BindingList, KeyHash> classAttributes_;
  std::unordered_map<Key, BindingList, KeyHash> properties_;
  Table<std::vector<ir::ExprId>> calls_, methodCalls_, passed_;
  Table<std::vector<ir::FunctionId>> functions_, methods_;
  std::vector<std::vector<uint32_t>> returns_;  // by function
  std::unordered_set<std::string_view> declared_;
};

}  // namespace lambdalint::code::analysis
