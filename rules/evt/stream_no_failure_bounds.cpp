// EVT004 stream-no-failure-bounds: a Kinesis or DynamoDB stream mapping
// without an OnFailure destination, with unbounded retries, or without a way
// to isolate the failing record (BisectBatchOnFunctionError or
// ReportBatchItemFailures): one poison record blocks its shard.
#include <fmt/format.h>

#include "engine/rule.h"
#include "model/event_facts.h"

namespace lambdalint {
namespace {

bool hasReportBatchItemFailures(const Node* props) {
  const Node* types = props ? props->get("FunctionResponseTypes") : nullptr;
  if (!types) return false;
  for (const auto& t : types->items) {
    if (t.str() == "ReportBatchItemFailures") return true;
  }
  return types->str() == "ReportBatchItemFailures";
}

// -1 (or absent) means unlimited; a value written with an intrinsic counts as bounded.
bool unlimited(const Node* n) { return !n || n->asInt() == -1; }

class StreamNoFailureBounds final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT004",
                            "stream-no-failure-bounds",
                            Severity::Warning,
                            "Kinesis/DynamoDB stream mapping without OnFailure destination, retry bound or "
                            "BisectBatchOnFunctionError: one bad record blocks the shard",
                            {"reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    for (const auto& fn : model.functions) {
      for (const auto& e : fn.events) {
        std::string_view kind = evt::pollKind(model, e);
        if (kind != "Kinesis" && kind != "DynamoDB") continue;
        const Node* p = e.properties;
        const Node* retries = p ? p->get("MaximumRetryAttempts") : nullptr;
        const Node* age = p ? p->get("MaximumRecordAgeInSeconds") : nullptr;
        const Node* bisect = p ? p->get("BisectBatchOnFunctionError") : nullptr;
        bool noOnFailure = !evt::presentOrUnknown(p, {"DestinationConfig", "OnFailure"});
        bool unbounded = unlimited(retries) && unlimited(age);
        // With ReportBatchItemFailures Lambda retries from the failed record on: no need to bisect.
        bool noBisect = !evt::isTrue(bisect) && !hasReportBatchItemFailures(p) &&
                        !(bisect && bisect->isMapping());  // intrinsic: unknown, assume set
        if (!noOnFailure && !unbounded && !noBisect) continue;

        std::vector<std::string> missing, fixes;
        const Node* writtenCause = nullptr;  // the written value (-1, false) when it is the only cause
        if (noOnFailure) {
          missing.push_back("no OnFailure destination");
          fixes.push_back("DestinationConfig.OnFailure.Destination (an SQS queue or SNS topic)");
        }
        if (unbounded) {
          writtenCause = retries ? retries : age;
          missing.push_back("unbounded retries (MaximumRetryAttempts and MaximumRecordAgeInSeconds unset or -1)");
          fixes.push_back("MaximumRetryAttempts (e.g. 3)");
        }
        if (noBisect) {
          writtenCause = bisect;
          missing.push_back("no BisectBatchOnFunctionError");
          fixes.push_back("BisectBatchOnFunctionError: true");
        }
        if (missing.size() != 1 || noOnFailure) writtenCause = nullptr;

        std::string consequence;
        if (unbounded) {
          consequence = fmt::format(
              "a batch holding one record the function cannot process is retried until that "
              "record expires from the stream ({}) and the shard does not advance meanwhile",
              kind == "Kinesis" ? "24 h by default, up to 365 days" : "24 h");
        } else if (noBisect) {
          consequence = fmt::format("once the retries are spent the whole batch, good records included, {}",
                                    noOnFailure ? "is skipped without a trace" : "is given up on");
        } else {
          consequence = "a record still failing once the retries are spent is skipped without a trace";
        }
        std::string list, fix;
        for (size_t i = 0; i < missing.size(); ++i) {
          list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
          fix += (i == 0 ? "" : i + 1 == fixes.size() ? " and " : ", ") + fixes[i];
        }
        const Node& anchor = evt::eventAnchor(model, fn, e);
        const Node& at = writtenCause ? *writtenCause : anchor;
        auto& d = ctx.report(at,
                             fmt::format("{} of function '{}' ({} stream) has {}: {}; set {}", evt::describeEvent(e),
                                         fn.id, kind, list, consequence, fix),
                             e.origin == EventOrigin::SamEvent ? fn.id : e.declaringId,
                             "stream-no-failure-bounds:" + fn.id + ":" + e.name);
        if (&at != &anchor) {
          RuleContext::relate(d, ctx.path(), anchor, evt::describeEvent(e));
        }
        if (const Resource* stream = model.resource(e.sourceId)) {
          RuleContext::relate(d, ctx.path(), *stream->keyNode, "the stream read by " + evt::describeEvent(e));
        }
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(StreamNoFailureBounds)

}  // namespace lambdalint
