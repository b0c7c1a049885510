// EVT011 batch-errors-swallowed: in a handler for SQS / Kinesis / DynamoDB
// stream batches, a catch inside the record loop that neither rethrows nor
// records a batch item failure: the failed record counts as processed.
#include <fmt/format.h>

#include "engine/rule.h"

namespace lambdalint {
namespace {

bool isBatchSource(const EventSource& e) {
  return e.invocation == Invocation::Polled && (e.type == "SQS" || e.type == "Kinesis" || e.type == "DynamoDB");
}

class BatchErrorsSwallowed final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT011",
                            "batch-errors-swallowed",
                            Severity::Error,
                            "Batch handler catches a record's error without rethrowing or reporting it: the "
                            "record is lost",
                            {"reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& src = ctx.source(fn);
      const auto& facts = src.facts;
      if (!facts || !facts->handler.found) continue;
      const EventSource* source = nullptr;
      for (const auto& e : fn.events) {
        if (isBatchSource(e)) source = &e;
      }
      if (!source) continue;
      for (const auto& c : facts->catches) {
        if (!c.insideRecordLoop || c.rethrows || c.recordsFailure || c.scope == code::Scope::Other) continue;
        auto& d = ctx.reportAt(
            src.path, c.range,
            fmt::format("this catch swallows the error of one {} record: the batch then succeeds and {} deletes "
                        "or skips the record, so it is lost. Rethrow, or add {{itemIdentifier}} to "
                        "batchItemFailures (with ReportBatchItemFailures on the event source)",
                        source->type, source->type == "SQS" ? "Lambda" : "the poller"),
            fn.id, "catch");
        RuleContext::relate(d, ctx.path(), *source->node, "batch event source of function " + fn.id);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(BatchErrorsSwallowed)

}  // namespace lambdalint
