#pragma once
// Whether the handler returns a partial batch response (CodeFacts::
// returnsBatchItemFailures): an object with `batchItemFailures`, returned
// directly or through a variable, or built by a library call the language
// knows (Powertools `process_partial_response`).
namespace lambdalint::code::analysis {

class Analysis;

void findBatchResponse(Analysis& analysis);

}  // namespace lambdalint::code::analysis
