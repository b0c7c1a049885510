#pragma once
// Drops findings the author silenced, and reports suppressions that name an
// unknown rule (TPL004):
//   Metadata: {lambdalint: {ignore: [IAM001]}}   on the template or a resource
//   # lambdalint-ignore IAM001 reason            on the line or the line above
#include <vector>

#include "base/diagnostic.h"
#include "model/app_model.h"

namespace lambdalint {

void applySuppressions(const TemplateModel& model, std::vector<Diagnostic>& diagnostics);
// For files without a model (comment suppressions only).
void applyCommentSuppressions(const SourceFile& file, std::string_view commentPrefix,
                              std::vector<Diagnostic>& diagnostics);

}  // namespace lambdalint
