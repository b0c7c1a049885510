#pragma once
// Which function the template's handler names: the last export of that name
// in the file, followed through names, assignments and wrapper calls
// (`middy(base).use(...)`, `wrap(impl)`, `decorator(options)(impl)`) to a
// function written here.
#include <string_view>

#include "code/analysis/bindings.h"
#include "code/code_facts.h"
#include "code/ir/program.h"

namespace lambdalint::code::analysis {

struct ResolvedHandler {
  ir::FunctionId function = ir::kModule;  // kModule: no body in this file
  uint32_t eventIndex = 0;                // the event parameter (1 after a Python method's `self`)
};

// Fills `handler` (found, ranges, async) and returns the handler's function.
ResolvedHandler resolveHandler(const ir::Program& program, const BindingIndex& bindings, std::string_view name,
                               HandlerInfo& handler);

}  // namespace lambdalint::code::analysis
