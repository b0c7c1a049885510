#pragma once
// The application as rules see it: a template's parsed document and its
// expansion (resources, functions with their merged properties, event sources
// and permissions: sam/expanded_template.h). Language-neutral, AST-free. The
// facts several rules share sit beside it (model/event_facts.h,
// model/filter_pattern.h, model/runtimes.h); the handlers' code facts are
// joined in the next stage (code/handler_source.h).
#include <memory>
#include <string>

#include "sam/expanded_template.h"
#include "template/document.h"

namespace lambdalint {

struct TemplateModel : ExpandedTemplate {
  Document doc;
  std::string directory;  // folder of the template, for CodeUri
};

// True when the root looks like a CloudFormation/SAM template (by content).
bool looksLikeTemplate(const Node& root);

// Builds the model from a parsed document (SAM expansion included).
std::unique_ptr<TemplateModel> buildModel(Document doc);

}  // namespace lambdalint
