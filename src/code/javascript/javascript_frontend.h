#pragma once
// The JavaScript / TypeScript / TSX handler frontend: one source file in,
// language-neutral CodeFacts out (see code/code_facts.h).
#include <string_view>

#include "base/source_file.h"
#include "code/code_facts.h"
#include "code/tree_sitter/parse_budget.h"

namespace lambdalint::code {

// `language` is JavaScript (.js .mjs .cjs .jsx), TypeScript (.ts .mts .cts) or
// Tsx (.tsx); `handlerName` is the exported symbol the template names
// (`handler` in `Handler: src/app.handler`). Never throws for any input text:
// syntax errors come back in `problems` with the facts of the parts that parse.
// A parse over `budget` gives facts with one "not analysed" problem at 1:1,
// the handler counted as found and `complete` false.
CodeFacts extractJavaScript(const SourceFile& file, Language language, std::string_view handlerName,
                            const ParseBudget& budget = {});

}  // namespace lambdalint::code
