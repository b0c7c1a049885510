// libFuzzer target: suppressions. `lambdalint-ignore` comments (`#` and `//`)
// in any file and, when the input is a template, `Metadata: {lambdalint:
// {ignore: [...]}}` on it and its resources. A finding on every line (and on
// every resource) is offered to be silenced.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/suppressions.h"
#include "fuzz_util.h"
#include "model/app_model.h"
#include "template/document.h"

namespace {

using namespace lambdalint;

// Only TPL004 (unknown rule in a suppression) may be added; everything added points inside the file.
void checkAfter(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after, size_t size) {
  size_t kept = 0;
  for (const auto& d : after) {
    fuzz::checkRange(d.location.range, size);
    if (d.ruleId == "TPL004") continue;
    ++kept;
  }
  fuzz::require(kept <= before.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = "/nonexistent/lambdalint-fuzz/input";
  auto file = std::make_shared<SourceFile>(path, fuzz::bytes(data, size));

  std::vector<Diagnostic> offered;
  for (uint32_t line = 1; line <= file->lineCount() && line <= 10000; ++line) {
    Position p = file->positionAtLineColumn(line, 1);
    for (const char* rule : {"IAM001", "HDL001", "TPL001"}) {
      offered.push_back(makeDiagnostic(rule, Severity::Warning, path, {p, p}, "finding"));
    }
  }

  for (std::string_view prefix : {"#", "//"}) {
    std::vector<Diagnostic> diagnostics = offered;
    applyCommentSuppressions(*file, prefix, diagnostics);
    checkAfter(offered, diagnostics, size);
  }

  Document doc = parseDocument(file);
  if (!looksLikeTemplate(doc.root)) return 0;
  auto model = buildModel(std::move(doc));
  std::vector<Diagnostic> diagnostics = offered;
  for (const auto& r : model->resources) {
    Diagnostic d = makeDiagnostic("IAM001", Severity::Warning, path, r.node->range, "resource finding");
    d.resourceId = r.id;
    diagnostics.push_back(std::move(d));
  }
  const std::vector<Diagnostic> before = diagnostics;
  applySuppressions(*model, diagnostics);
  checkAfter(before, diagnostics, size);
  return 0;
}
