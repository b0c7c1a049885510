#pragma once
// Where each function runs relative to the handler: the handler and the
// functions written inside it run on every invocation (Scope::Handler); the
// functions it calls, directly or through others, too (HandlerCallee);
// module code runs once per cold start; the rest is Other.
//
// The call graph: a call reaches what the evaluator resolves its callee to (a
// function, a class's constructor), and the functions passed to it as
// arguments (callbacks). Where the language dispatches by name
// (LanguageTraits::dispatchByName) a call also reaches every function of
// that name; each name is expanded once, so a minified bundle with thousands
// of functions named `e` stays linear.
#include <vector>

#include "code/analysis/bindings.h"
#include "code/analysis/evaluator.h"
#include "code/code_facts.h"
#include "code/ir/program.h"

namespace lambdalint::code::analysis {

class Scopes {
 public:
  void compute(const ir::Program& program, const BindingIndex& bindings, Evaluator& values, bool dispatchByName,
               ir::FunctionId handler);
  Scope of(ir::FunctionId function) const;

 private:
  const ir::Program* program_ = nullptr;
  std::vector<char> inHandler_;
  std::vector<char> reachable_;
};

}  // namespace lambdalint::code::analysis
