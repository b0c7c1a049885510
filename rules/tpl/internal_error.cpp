// TPL005 internal-error: lambdalint itself failed on a file (a crash, a time-out or a memory blow-up of a
// handler frontend, or an exception in a rule). The finding is produced by the engine, which analyses each
// handler in a worker process so that the failure stays on that file; the rule gives it an id and a doc.
#include "engine/rule.h"

namespace lambdalint {
namespace {

class InternalError final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL005",
                            "internal-error",
                            Severity::Error,
                            "lambdalint failed on this file; the file was not fully checked (please report it)",
                            {"correctness"}};
    return m;
  }
  // Reported by the engine, not from the model.
  void check(RuleContext&) const override {}
};

}  // namespace

LAMBDALINT_REGISTER_RULE(InternalError)

}  // namespace lambdalint
