// EVT008 event-pattern-invalid: an EventBridge event pattern or a Lambda
// event-source-mapping filter that the service rejects or that can never match
// (single values instead of arrays, unknown or malformed content filters,
// empty arrays and empty patterns).
#include <fmt/format.h>

#include <array>

#include "engine/rule.h"
#include "model/filter_pattern.h"

namespace lambdalint {
namespace {

using filter::Dialect;

// SAM event types whose Properties carry Lambda FilterCriteria.
constexpr std::array<std::string_view, 7> kPolledTypes = {"SQS", "Kinesis",          "DynamoDB",  "MSK",
                                                          "MQ",  "SelfManagedKafka", "DocumentDB"};

class EventPatternInvalid final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT008",
                            "event-pattern-invalid",
                            Severity::Error,
                            "EventBridge event pattern or Lambda event filter that the service rejects or that can "
                            "never match",
                            {"correctness", "reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& r : ctx.model().resources) {
      if (r.type == "AWS::Events::Rule") {
        if (const Node* pattern = r.property("EventPattern")) {
          checkPattern(ctx, *pattern, Dialect::EventBridge, "EventPattern", r.id);
        }
      } else if (r.type == "AWS::Lambda::EventSourceMapping") {
        checkFilters(ctx, r.property("FilterCriteria"), r.id);
      } else if (r.type == "AWS::Serverless::Function" || r.type == "AWS::Serverless::StateMachine") {
        const Node* events = r.property("Events");
        if (!events || !events->isMapping()) continue;
        for (const auto& e : events->entries) {
          const Node* type = e.value.get("Type");
          const Node* props = e.value.get("Properties");
          if (!type || !props) continue;
          std::string_view t = type->str();
          if (t == "EventBridgeRule" || t == "CloudWatchEvent") {
            if (const Node* pattern = props->get("Pattern")) {
              checkPattern(ctx, *pattern, Dialect::EventBridge, "Pattern", r.id);
            }
          } else {
            for (auto polled : kPolledTypes) {
              if (t == polled) checkFilters(ctx, props->get("FilterCriteria"), r.id);
            }
          }
        }
      }
    }
  }

 private:
  static void checkFilters(RuleContext& ctx, const Node* criteria, const std::string& id) {
    const Node* filters = criteria ? criteria->get("Filters") : nullptr;
    if (!filters || !filters->isSequence()) return;
    for (const auto& f : filters->items) {
      if (const Node* pattern = f.get("Pattern")) checkPattern(ctx, *pattern, Dialect::LambdaFilter, "Pattern", id);
    }
  }

  static void checkPattern(RuleContext& ctx, const Node& pattern, Dialect dialect, std::string_view what,
                           const std::string& id) {
    filter::Loaded loaded = filter::load(pattern);
    if (!loaded.error.empty()) {
      ctx.report(pattern,
                 fmt::format("{} is a string but not valid JSON ({}); {} rejects it: write the pattern as a YAML "
                             "mapping or fix the JSON",
                             what, loaded.error, filter::serviceName(dialect)),
                 id, std::string(what) + " not JSON");
      return;
    }
    if (!loaded.ok) return;
    for (auto& issue : filter::validate(loaded.root, dialect, what)) ctx.report(*issue.node, issue.message, id);
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(EventPatternInvalid)

}  // namespace lambdalint
