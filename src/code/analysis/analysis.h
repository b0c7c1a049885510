#pragma once
// The code-analysis core: from a lowered Program to CodeFacts. Every
// analysis here is written once for all languages; a language contributes
// its lowering (the Program) and its Language (traits, library recognizers).
//
// Order: handler resolution → scopes (call graph from the handler) → values
// (the evaluator, which needs the handler's event parameter) → the facts.
#include <memory>
#include <string>
#include <string_view>

#include "code/analysis/bindings.h"
#include "code/analysis/evaluator.h"
#include "code/analysis/language.h"
#include "code/analysis/promise_use.h"
#include "code/analysis/scopes.h"
#include "code/code_facts.h"
#include "code/ir/program.h"

namespace lambdalint::code::analysis {

class Analysis {
 public:
  Analysis(const ir::Program& program, const Language& language);

  // Runs every analysis and returns the facts; `facts` arrives with path, language, handler name and problems
  // filled in by the frontend.
  CodeFacts run(CodeFacts facts, std::string_view handlerName);

  const ir::Program& program() const { return program_; }
  const Language& language() const { return language_; }
  const BindingIndex& bindings() const { return bindings_; }
  Evaluator& values() { return values_; }
  const Scopes& scopes() const { return scopes_; }
  CodeFacts& facts() { return facts_; }
  Scope scopeOf(ir::FunctionId function) const { return scopes_.of(function); }

  // An SDK call as the language's recognizer found it; scope, range, awaiting and resource parameters are
  // filled in here. `params`: the object literal (or a name bound to one) holding the request parameters.
  struct SdkCallSite {
    ir::ExprId call = ir::kNoExpr;      // for range and scope
    ir::ExprId promise = ir::kNoExpr;   // the expression whose use decides `awaited` (default: the call)
    ir::ExprId params = ir::kNoExpr;    // an object / dict literal of request parameters
    ir::ExprId keywords = ir::kNoExpr;  // a call whose keyword arguments are the request parameters
    // A parameter named outside the request, listed first: the table of `Table('t').put_item(...)`.
    std::string_view leadingName;
    ir::ExprId leadingValue = ir::kNoExpr;
    bool awaited = false;  // known to be awaited (or to need no awaiting)
  };
  void addSdkCall(const SdkCallSite& site, std::string sdk, std::string service, std::string operation, bool dynamic);

 private:
  const ir::Program& program_;
  const Language& language_;
  BindingIndex bindings_;
  Evaluator values_;
  Scopes scopes_;
  PromiseUse promises_;
  CodeFacts facts_;
};

}  // namespace lambdalint::code::analysis
