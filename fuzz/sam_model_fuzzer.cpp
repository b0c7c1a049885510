// libFuzzer target: SAM expansion, the app model and every rule, as the runner
// runs them on one template (src/commands/check.cpp), but without handler
// sources: nothing is read from disk. Then suppressions and every reporter.
// Every finding in the template must point inside it.
#include <algorithm>
#include <exception>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "engine/rule.h"
#include "engine/suppressions.h"
#include "fuzz_util.h"
#include "model/app_model.h"
#include "report/report.h"
#include "template/document.h"

namespace {

constexpr const char* kPath = "/nonexistent/lambdalint-fuzz/template.yaml";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  auto file = std::make_shared<SourceFile>(kPath, fuzz::bytes(data, size));
  Document doc = parseDocument(file);
  if (!looksLikeTemplate(doc.root)) return -1;  // not a template: the runner stops here too; keep it out of the corpus
  auto model = buildModel(std::move(doc));

  std::vector<Diagnostic> diagnostics;
  const Date today = *parseDate("2025-06-01");
  for (const auto& rule : RuleRegistry::instance().rules()) {
    RuleContext ctx(*rule, *model, diagnostics, today);
    try {
      rule->check(ctx);
    } catch (const std::exception& e) {
      // The runner turns this into an internal-error diagnostic; it is not a crash.
      diagnostics.push_back(makeDiagnostic("TPL001", Severity::Error, kPath, {}, e.what()));
    }
  }
  applySuppressions(*model, diagnostics);

  for (const auto& d : diagnostics) {
    fuzz::require(!d.ruleId.empty());
    if (d.location.path == kPath) fuzz::checkRange(d.location.range, size);
    for (const auto& r : d.related) {
      if (r.location.path == kPath) fuzz::checkRange(r.location.range, size);
    }
    if (d.fix && d.fix->path == kPath) fuzz::checkRange(d.fix->deleted, size);
  }

  RunResult result;
  result.diagnostics = std::move(diagnostics);
  std::sort(result.diagnostics.begin(), result.diagnostics.end());
  result.files = {kPath};
  result.templates = 1;
  result.anyInput = true;
  for (Format format : {Format::Text, Format::Json, Format::Sarif, Format::Github}) {
    std::ostringstream out;
    ReportOptions options;
    options.format = format;
    options.srcRoot = "/nonexistent/lambdalint-fuzz";
    writeReport(out, result, options);
  }
  return 0;
}
