#include "code/tree_sitter/not_analysed.h"

namespace lambdalint::code {

CodeFacts notAnalysedFacts(const SourceFile& file, Language language, std::string_view handlerName,
                           std::string message) {
  CodeFacts facts;
  facts.path = file.path();
  facts.language = language;
  facts.handler.name = std::string(handlerName);
  facts.handler.found = true;
  facts.complete = false;
  facts.problems.push_back({ProblemKind::Syntax, {}, std::move(message)});
  return facts;
}

}  // namespace lambdalint::code
