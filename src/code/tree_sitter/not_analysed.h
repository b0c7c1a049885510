#pragma once
// CodeFacts for a handler file the frontend gave up on (parse over budget,
// internal error): one problem at 1:1, the handler assumed present so no rule
// reports it missing, and incomplete so no rule trusts the absence of a fact.
#include <string>
#include <string_view>

#include "base/source_file.h"
#include "code/code_facts.h"

namespace lambdalint::code {

CodeFacts notAnalysedFacts(const SourceFile& file, Language language, std::string_view handlerName,
                           std::string message);

}  // namespace lambdalint::code
