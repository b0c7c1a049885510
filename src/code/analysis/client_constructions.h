#pragma once
// SDK clients, database pools and cache connections the file builds
// (CodeFacts::clients): every call or `new` the evaluator sees construct a
// library object, with the variable it is stored in, where it runs, and
// whether it is built lazily once and cached (`client ??= new X()`,
// `if not _client: _client = boto3.client(...)`, `@lru_cache`).
#include <string_view>

#include "code/ir/expression.h"

namespace lambdalint::code::analysis {

class Analysis;

void findClientConstructions(Analysis& analysis);

// The variable the value of `construction` is stored in, as written (`s3`, `this.client`, `_clients[name]`),
// or empty.
std::string_view storedIn(Analysis& analysis, ir::ExprId construction);

}  // namespace lambdalint::code::analysis
