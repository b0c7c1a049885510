// XRF004 code-outside-project: CodeUri, Handler or a build entry point leads outside the folders being
// checked. lambdalint reads nothing outside them, so the function's code is not analysed; and code outside
// the project is built from whatever happens to be on the machine that deploys.
#include <fmt/format.h>

#include "engine/rule.h"

namespace lambdalint {
namespace {

class CodeOutsideProject final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"XRF004",
                            "code-outside-project",
                            Severity::Warning,
                            "A function's code path leads outside the project; it is neither versioned with the "
                            "template nor analysed",
                            {"correctness", "security"},
                            "CWE-829",  // inclusion of functionality from an untrusted control sphere
                            3.0};       // low: unreviewed code ships with the function
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& src = fn.source;
      // Inside the code: a C++ `#include` that resolves outside the project (it was treated as missing).
      if (src.facts && !src.inlineCode) {
        for (const auto& read : src.facts->outsideReads) {
          if (read.reason.rfind("outside the checked folders", 0) != 0 || read.range.end.offset == 0) continue;
          ctx.reportAt(src.path, read.range,
                       fmt::format("{} of {} leads outside the checked folders; lambdalint does not read it, so "
                                   "what it declares is unknown here. Keep the code's dependencies inside the project "
                                   "(or check a folder that contains them)",
                                   read.what, read.target),
                       fn.id, "outside-include:" + read.target);
        }
      }
      if (src.status != HandlerSource::Status::OutsideRoots) continue;
      const Node* node = src.outsideNode ? src.outsideNode : fn.resource->node;
      if (!node) continue;
      ctx.report(*node,
                 fmt::format("the code of function {} is outside the checked folders ({}); lambdalint does not "
                             "read it. Keep CodeUri and Handler relative and inside the project, or check a folder "
                             "that contains both the template and the code",
                             fn.id, src.outsidePath),
                 fn.id, "outside:" + fn.id);
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(CodeOutsideProject)

}  // namespace lambdalint
