// HDL002 event-detail-type-subtraction: `event.detail-type` in JavaScript is
// `event.detail - type`, a subtraction that yields NaN (or a ReferenceError).
#include <fmt/format.h>

#include "engine/rule.h"

namespace lambdalint {
namespace {

class EventDetailTypeSubtraction final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"HDL002",
                            "event-detail-type-subtraction",
                            Severity::Error,
                            "Hyphenated event field written as member access (`event.detail-type`) is a subtraction",
                            {"correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& source = ctx.source(fn);
      const auto& facts = source.facts;
      if (!facts) continue;
      for (const auto& h : facts->hyphenatedAccesses) {
        ctx.reportAt(source.path, h.range,
                     fmt::format("`{}` is a subtraction in JavaScript, not the hyphenated field; use bracket "
                                 "access such as event['detail-type']",
                                 h.text),
                     fn.id, h.text);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(EventDetailTypeSubtraction)

}  // namespace lambdalint
