#pragma once
// Python handler frontend: turns a Python source file into CodeFacts with the
// tree-sitter-python grammar. See python_frontend.cpp for what each fact covers.
#include <string_view>

#include "base/source_file.h"
#include "code/code_facts.h"
#include "code/tree_sitter/parse_budget.h"

namespace lambdalint::code {

// Facts of `file` relative to the handler function `handlerName` (the symbol
// after the last dot of the template's `Handler: module.function`).
// Never throws for any input text; syntax errors land in `problems`. A parse
// over `budget` gives facts with one "not analysed" problem at 1:1, the
// handler counted as found and `complete` false.
CodeFacts extractPython(const SourceFile& file, std::string_view handlerName, const ParseBudget& budget = {});

}  // namespace lambdalint::code
