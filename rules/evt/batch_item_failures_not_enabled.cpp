// EVT005 batch-item-failures-not-enabled: an SQS, Kinesis or DynamoDB stream
// mapping without `FunctionResponseTypes: [ReportBatchItemFailures]`, so one
// failed record makes Lambda retry the whole batch.
//
// With the handler's code read, the code half is checked too: a handler that
// returns `batchItemFailures` to a mapping that ignores them (an error: the
// failed records are deleted).
#include <fmt/format.h>

#include "engine/rule.h"
#include "model/event_facts.h"

namespace lambdalint {
namespace {

class BatchItemFailuresNotEnabled final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT005",
                            "batch-item-failures-not-enabled",
                            Severity::Note,
                            "SQS/Kinesis/DynamoDB mapping without ReportBatchItemFailures: one failed record retries "
                            "the whole batch",
                            {"reliability", "performance"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    for (const auto& fn : model.functions) {
      for (const auto& e : fn.events) {
        std::string_view kind = evt::pollKind(model, e);
        if (kind != "SQS" && kind != "Kinesis" && kind != "DynamoDB") continue;
        const Node* p = e.properties;
        const Node* types = p ? p->get("FunctionResponseTypes") : nullptr;
        if (types && !types->intrinsic().empty()) continue;  // written with an intrinsic: unknown
        bool enabled = types && types->str() == "ReportBatchItemFailures";
        if (types) {
          for (const auto& t : types->items) enabled = enabled || t.str() == "ReportBatchItemFailures";
        }
        const HandlerSource& src = ctx.source(fn);
        const auto& facts = src.facts;
        bool codeKnown = facts && facts->handler.found;
        // The reverse case (enabled, but the handler never returns failures)
        // is left out: handlers often return them through a helper, which the
        // facts do not follow, and a false positive here would teach people
        // to turn the setting off.
        if (enabled) continue;
        if (codeKnown && facts->returnsBatchItemFailures) {
          auto& d = ctx.reportAt(src.path, facts->batchItemFailuresRange,
                                 fmt::format("the handler returns batchItemFailures, but {} of function '{}' does "
                                             "not set FunctionResponseTypes: [ReportBatchItemFailures], so Lambda "
                                             "ignores them and treats the whole batch as processed: the failed "
                                             "records are lost. Enable ReportBatchItemFailures on the event source",
                                             evt::describeEvent(e), fn.id),
                                 fn.id, "batch-item-failures-ignored:" + fn.id + ":" + e.name);
          d.severity = Severity::Error;
          RuleContext::relate(d, ctx.path(), evt::eventAnchor(model, fn, e), evt::describeEvent(e));
          continue;
        }
        std::optional<long long> batchSize = evt::literalInt(p ? p->get("BatchSize") : nullptr);
        if (batchSize == 1) continue;  // a batch of one record fails or succeeds as a whole anyway
        long long size = batchSize.value_or(kind == "SQS" ? 10 : 100);

        std::string consequence =
            kind == "SQS" ? fmt::format(
                                "when one message of a batch (up to {}) fails, every message of the batch becomes "
                                "visible again and is processed again, including those that succeeded",
                                size)
                          : fmt::format(
                                "when one record of a batch (up to {}) fails, the whole batch is retried and the "
                                "shard does not advance, reprocessing the records that succeeded",
                                size);
        const Node& anchor = evt::eventAnchor(model, fn, e);
        auto& d = ctx.report(types ? *types : anchor,
                             fmt::format("{} of function '{}' does not set FunctionResponseTypes: "
                                         "[ReportBatchItemFailures]: {}; enable it and have the handler return the "
                                         "failed records in batchItemFailures[].itemIdentifier",
                                         evt::describeEvent(e), fn.id, consequence),
                             e.origin == EventOrigin::SamEvent ? fn.id : e.declaringId,
                             "batch-item-failures:" + fn.id + ":" + e.name);
        if (types) RuleContext::relate(d, ctx.path(), anchor, evt::describeEvent(e));
        RuleContext::relate(d, ctx.path(), *fn.resource->keyNode, "handler of the batch: function " + fn.id);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(BatchItemFailuresNotEnabled)

}  // namespace lambdalint
