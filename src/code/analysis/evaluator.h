#pragma once
// The values of expressions, as far as the file shows them: an abstract
// interpreter over the IR that follows names to their bindings, parameters to
// the arguments of their call sites, calls to what the callee returns, and
// member accesses into modules, classes, object literals, the event and the
// environment. The language answers for its libraries (analysis/language.h).
//
// Bounded everywhere: an expression is followed at most kMaxDepth deep, a
// name's bindings and a parameter's call sites are capped, results are
// memoised (a cycle reads as unknown), and the whole evaluation has a step
// budget linear in the size of the file, so a hostile input neither
// overflows the stack nor takes quadratic time.
#include <string_view>
#include <unordered_map>
#include <vector>

#include "code/analysis/bindings.h"
#include "code/analysis/language.h"
#include "code/analysis/value.h"
#include "code/code_facts.h"
#include "code/ir/program.h"

namespace lambdalint::code::analysis {

class Evaluator {
 public:
  Evaluator(const ir::Program& program, const BindingIndex& bindings, const Language& language);

  // The handler and the position of its event parameter: evaluation depends on them (set once, before use).
  void setHandler(ir::FunctionId handler, uint32_t eventIndex);
  ir::FunctionId handler() const { return handler_; }

  Value evaluate(ir::ExprId e, int depth = 0);
  Value evaluateCall(ir::ExprId call, int depth = 0);
  Value name(std::string_view name, ir::FunctionId from, int depth = 0);
  Value classAttribute(int32_t classId, std::string_view name, int depth = 0);
  Value returnValue(ir::FunctionId function, int depth = 0);
  Value parameter(ir::FunctionId function, uint32_t index, int depth = 0);
  // `object.name` / the field `name` of a value.
  Value member(const Value& object, std::string_view name, int depth = 0);

  // The expression `e` stands for when it is a name bound once to a value (`const params = {...}`), followed
  // through at most `hops` names; `e` itself when it is no name; kNoExpr when the name is bound otherwise.
  ir::ExprId definition(ir::ExprId e, int hops = 8) const;
  // The object / dict literal `e` is, is bound to, or is passed in for (a parameter given one at its call
  // sites); kNoExpr when none.
  ir::ExprId objectLiteral(ir::ExprId e);
  bool isBound(std::string_view name, ir::FunctionId from) const { return bindings_.lookup(name, from) != nullptr; }

  // A value as CodeFacts reports it: a literal, an environment variable, an event path or unknown.
  TracedValue trace(ir::ExprId e);

  const ir::Program& program() const { return program_; }
  const BindingIndex& bindings() const { return bindings_; }
  const Language& language() const { return language_; }

  static constexpr int kMaxDepth = 40;         // expression / name-chain depth
  static constexpr size_t kMaxBindings = 32;   // bindings of one name looked at
  static constexpr size_t kMaxCallSites = 16;  // call sites looked at to type a parameter

 private:
  struct Memo {
    bool done = false;
    Value value;
  };
  Value index(const Value& object, ir::ExprId key, int depth);
  Value propertyBinding(const ir::Expr& access, int depth, bool& found);
  Value thisValue(ir::FunctionId from) const;
  Value bindingValue(uint32_t id, int depth);
  Value combined(const BindingList& list, int depth);
  Value callUncached(ir::ExprId call, int depth);
  Value objectEntry(const Value& object, std::string_view key, int depth);
  void parameterSites(ir::FunctionId function, uint32_t index, int depth, std::vector<Value>& out);
  static Value combine(std::vector<Value>& values);
  bool overBudget();

  const ir::Program& program_;
  const BindingIndex& bindings_;
  const Language& language_;
  ir::FunctionId handler_ = ir::kModule;
  uint32_t eventIndex_ = 0;
  bool depthHit_ = false;
  uint64_t steps_ = 0;
  uint64_t budget_ = 0;
  std::unordered_map<const BindingList*, Memo> names_;
  std::unordered_map<ir::FunctionId, Memo> returns_;
  std::unordered_map<int64_t, Memo> parameters_;
  std::unordered_map<ir::ExprId, Value> calls_;  // calls evaluated without reaching kMaxDepth
};

}  // namespace lambdalint::code::analysis
