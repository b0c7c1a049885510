#pragma once
// Catch / except clauses (CodeFacts::catches): whether they rethrow, record
// a batch item failure (`failures.push({ itemIdentifier })`,
// `batch_item_failures.append(...)`), and sit in a loop over the event's
// records (`for (const r of event.Records)`, `event.Records.forEach(...)`,
// `for record in event['Records']`, `for (i = 0; i < records.length; ...)`).
namespace lambdalint::code::analysis {

class Analysis;

void findCatches(Analysis& analysis);

}  // namespace lambdalint::code::analysis
