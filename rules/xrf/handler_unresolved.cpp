// XRF002 handler-unresolved: the Handler names a file or an export that does
// not exist, so every invocation fails.
#include <fmt/format.h>

#include <filesystem>

#include "engine/rule.h"

namespace lambdalint {
namespace {

// The folder the handler was looked for in, relative to the template.
std::string codeFolder(const TemplateModel& model, const HandlerSource& src) {
  if (src.candidates.empty()) return "its code folder";
  std::error_code ec;
  auto folder = std::filesystem::path(src.candidates.front()).parent_path();
  auto relative = std::filesystem::relative(folder, model.directory.empty() ? "." : model.directory, ec);
  return "'" + (ec || relative.empty() ? folder : relative).generic_string() + "/'";
}

class HandlerUnresolved final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"XRF002",
                            "handler-unresolved",
                            Severity::Error,
                            "Handler names a source file or exported function that does not exist",
                            {"correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& src = ctx.source(fn);
      const Node* handler = fn.property("Handler");
      if (!handler) continue;
      if (src.status == HandlerSource::Status::FileMissing) {
        std::string tried;
        for (size_t i = 0; i < src.candidates.size() && i < 4; ++i) {
          tried += (i ? ", " : "") + std::filesystem::path(src.candidates[i]).filename().string();
        }
        if (src.candidates.size() > 4) tried += ", ...";
        ctx.report(*handler,
                   fmt::format("Handler '{}' of function {} does not resolve: no {} in {}; the function would fail "
                               "on every invocation (Runtime.ImportModuleError)",
                               fn.handler, fn.id, tried, codeFolder(ctx.model(), src)),
                   fn.id, "file:" + fn.handler);
      } else if (src.status == HandlerSource::Status::Resolved && src.facts && !src.facts->handler.found) {
        ctx.report(
            *handler,
            fmt::format("{} has no exported function '{}' (Handler '{}' of function {}); the function would "
                        "fail on every invocation (Runtime.HandlerNotFound)",
                        src.inlineCode ? std::string("the inline code") : src.path, src.symbol, fn.handler, fn.id),
            fn.id, "symbol:" + fn.handler);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(HandlerUnresolved)

}  // namespace lambdalint
