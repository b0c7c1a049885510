#include "model/app_model.h"

#include <filesystem>

namespace lambdalint {

bool looksLikeTemplate(const Node& root) {
  if (!root.isMapping()) return false;
  if (root.get("AWSTemplateFormatVersion")) return true;
  if (const Node* t = root.get("Transform")) {
    if (t->str().find("AWS::Serverless") != std::string_view::npos) return true;
    for (const auto& item : t->items) {
      if (item.str().find("AWS::Serverless") != std::string_view::npos) return true;
    }
  }
  if (const Node* resources = root.get("Resources"); resources && resources->isMapping()) {
    for (const auto& e : resources->entries) {
      const Node* type = e.value.get("Type");
      if (type && (type->str().substr(0, 5) == "AWS::" || type->str().substr(0, 8) == "Custom::")) return true;
    }
  }
  return false;
}

std::unique_ptr<TemplateModel> buildModel(Document doc) {
  auto model = std::make_unique<TemplateModel>();
  model->directory = std::filesystem::path(doc.file->path()).parent_path().string();
  model->doc = std::move(doc);
  expandTemplate(model->doc.root, *model);
  return model;
}

}  // namespace lambdalint
