#pragma once
// The request parameters of an SDK call that name the resource it acts on
// (CodeFacts SdkCall::resourceParams): `Bucket`, `TableName`, `QueueUrl`...,
// the table names in `RequestItems` and `TransactItems`, the event buses in
// `Entries`. Parameters come from an object / dict literal (followed through
// names bound once) or from keyword arguments and `**params` splats.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "code/code_facts.h"
#include "code/ir/program.h"

namespace lambdalint::code::analysis {

class Evaluator;

bool isResourceParam(std::string_view key, std::string_view service);

// Appends the resource parameters of `params` (an object literal or a name for one) and of the keyword
// arguments of `keywordsOf` (a call) to `out`.
void collectResourceParams(Evaluator& values, ir::ExprId params, ir::ExprId keywordsOf, std::string_view service,
                           std::vector<std::pair<std::string, TracedValue>>& out);

}  // namespace lambdalint::code::analysis
