#pragma once
// Whether a promise is awaited (CodeFacts SdkCall::awaited): awaited,
// returned, chained with `.then`, collected into `Promise.all` or into an
// array that is, or stored in a variable used so. A promise in a function
// that is not async is not judged (callbacks, fire-and-forget by design).
#include "code/ir/program.h"

namespace lambdalint::code::analysis {

class PromiseUse {
 public:
  explicit PromiseUse(const ir::Program& program) : program_(program) {}
  bool awaited(ir::ExprId promise);

 private:
  struct Use {
    enum Kind { Consumed, Dropped, Variable } kind = Consumed;
    std::string_view name;
  };
  Use useOf(ir::ExprId node, bool ofVariable) const;
  bool anyUseConsumed(std::string_view name, ir::FunctionId function);

  const ir::Program& program_;
  std::vector<ir::ExprId> names_;  // Name expressions by start, built on first use
};

}  // namespace lambdalint::code::analysis
