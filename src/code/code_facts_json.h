#pragma once
// CodeFacts as JSON, so facts computed in an analysis worker process reach the
// parent intact. Every field of code_facts.h is written; a field added there
// must be added here too (the isolation test compares reports made with and
// without workers on every sample application).
#include <nlohmann/json.hpp>

#include "code/code_facts.h"

namespace lambdalint::code {

nlohmann::json factsToJson(const CodeFacts& facts);
// Throws nlohmann::json::exception on a malformed document.
CodeFacts factsFromJson(const nlohmann::json& json);

}  // namespace lambdalint::code
