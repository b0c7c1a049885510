// XRF003 sdk-v2-unavailable: `aws-sdk` (v2) required on a Node.js 18+
// runtime, which ships only SDK v3, without bundling it.
#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/rule.h"

namespace fs = std::filesystem;

namespace lambdalint {
namespace {

int nodeMajor(std::string_view runtime) {
  if (runtime.rfind("nodejs", 0) != 0) return 0;
  int major = 0;
  std::from_chars(runtime.data() + 6, runtime.data() + runtime.size(), major);
  return major;
}

// dependencies of the nearest package.json between the handler and the template.
bool bundlesSdkV2(const std::string& handlerPath, const std::string& templateDir) {
  std::error_code ec;
  fs::path stop = fs::weakly_canonical(templateDir.empty() ? "." : templateDir, ec);
  fs::path dir = fs::weakly_canonical(handlerPath, ec).parent_path();
  for (int depth = 0; depth < 16 && !dir.empty(); ++depth) {
    std::ifstream in(dir / "package.json");
    if (in) {
      std::stringstream s;
      s << in.rdbuf();
      auto pkg = nlohmann::json::parse(s.str(), nullptr, false);
      if (pkg.is_discarded()) return true;  // unreadable: do not guess
      return pkg.contains("dependencies") && pkg["dependencies"].contains("aws-sdk");
    }
    if (dir == stop || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return false;
}

class SdkV2Unavailable final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"XRF003",
                            "sdk-v2-unavailable",
                            Severity::Error,
                            "`aws-sdk` (v2) used on a Node.js 18+ runtime that does not include it",
                            {"correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& source = ctx.source(fn);
      const auto& facts = source.facts;
      if (!facts || nodeMajor(fn.runtime) < 18) continue;
      for (const auto& import : facts->imports) {
        if (import.module != "aws-sdk" && import.module.rfind("aws-sdk/", 0) != 0) continue;
        if (!source.inlineCode && bundlesSdkV2(source.path, ctx.model().directory)) continue;
        auto& d = ctx.reportAt(source.path, import.range,
                               fmt::format("'{}' is the AWS SDK for JavaScript v2, which the {} runtime does not "
                                           "include (only v3 is preinstalled from nodejs18.x on); the import fails "
                                           "at cold start. Move to the v3 clients (@aws-sdk/client-*) or add "
                                           "aws-sdk to the function's package.json dependencies",
                                           import.module, fn.runtime),
                               fn.id, import.module);
        if (const Node* runtime = fn.property("Runtime")) {
          RuleContext::relate(d, ctx.path(), *runtime, "runtime of function " + fn.id);
        }
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SdkV2Unavailable)

}  // namespace lambdalint
