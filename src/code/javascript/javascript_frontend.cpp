// JavaScript / TypeScript / TSX handler frontend: parse with tree-sitter,
// lower into the code-analysis IR (lowering.h), run the shared analyses
// (analysis/analysis.h) with JavaScript's library knowledge
// (javascript_library.h).
//
// No tree-sitter queries here: the query cursor costs O(depth of the hidden
// node chain) per node (ts_tree_cursor_current_status), and error recovery on
// input such as 100,000 `[` builds such a chain: a query over that tree takes
// 20 s where the cursor walk of the lowering takes 0.2 s.
#include "code/javascript/javascript_frontend.h"

#include <string>

#include "code/analysis/analysis.h"
#include "code/ir/program.h"
#include "code/javascript/grammar.h"
#include "code/javascript/javascript_library.h"
#include "code/javascript/lowering.h"
#include "code/tree_sitter/not_analysed.h"
#include "code/tree_sitter/syntax_tree.h"

namespace lambdalint::code {

CodeFacts extractJavaScript(const SourceFile& file, Language language, std::string_view handlerName,
                            const ParseBudget& budget) {
  // Faults stay local: an internal error loses this file's facts, not the run.
  try {
    const javascript::Grammar& grammar = javascript::grammarFor(language);
    SyntaxTree tree(file, grammar.language, budget);
    if (tree.exceededBudget()) {
      return notAnalysedFacts(file, language, handlerName, "handler file not analysed: parsing exceeded its budget");
    }
    ir::Program program(file);
    javascript::Lowering(program, grammar).lower(tree.root());
    CodeFacts facts;
    facts.path = file.path();
    facts.language = language;
    facts.handler.name = std::string(handlerName);
    facts.problems = tree.syntaxErrors();
    return analysis::Analysis(program, javascript::javascriptLanguage()).run(std::move(facts), handlerName);
  } catch (const std::exception& e) {
    return notAnalysedFacts(file, language, handlerName,
                            std::string("handler file not analysed: internal error: ") + e.what());
  } catch (...) {
    return notAnalysedFacts(file, language, handlerName, "handler file not analysed: internal error");
  }
}

}  // namespace lambdalint::code
