#include "engine/suppressions.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/problems.h"
#include "engine/rule.h"

namespace lambdalint {
namespace {

Diagnostic unknownRule(const std::string& path, Range range, const std::string& id) {
  Diagnostic d =
      engineDiagnostic("TPL004", path, range, "suppression names unknown rule '" + id + "'; see `lambdalint rules`");
  d.fingerprintKey = "unknown-rule:" + id;
  return d;
}

// Ids listed under Metadata.lambdalint.ignore, reporting unknown ones.
std::set<std::string> metadataIgnores(const Node* metadata, const std::string& path, std::vector<Diagnostic>& extra) {
  std::set<std::string> ids;
  const Node* list = metadata ? metadata->at({"lambdalint", "ignore"}) : nullptr;
  if (!list) return ids;
  std::vector<const Node*> items;
  if (list->isSequence()) {
    for (const auto& item : list->items) items.push_back(&item);
  } else {
    items.push_back(list);
  }
  for (const Node* item : items) {
    std::string id(item->str());
    if (const Rule* rule = RuleRegistry::instance().find(id)) {
      ids.insert(std::string(rule->meta().id));
    } else {
      extra.push_back(unknownRule(path, item->range, id));
    }
  }
  return ids;
}

bool contains(const Range& outer, const Range& inner) {
  return inner.begin.offset >= outer.begin.offset && inner.begin.offset < outer.end.offset;
}

}  // namespace

void applyCommentSuppressions(const SourceFile& file, std::string_view commentPrefix,
                              std::vector<Diagnostic>& diagnostics) {
  if (file.text().find("lambdalint-ignore") == std::string_view::npos) return;
  // `# lambdalint-ignore IAM001, iam-admin-access  reason...`
  static constexpr std::string_view kId = R"((?:[A-Z]{3}[0-9]{3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+))";
  const RE2 re(RE2::QuoteMeta(commentPrefix) + R"(\s*lambdalint-ignore\s+()" + std::string(kId) + R"((?:\s*,\s*)" +
               std::string(kId) + ")*)");
  std::map<uint32_t, std::set<std::string>> silenced;  // line -> rule ids
  std::vector<Diagnostic> extra;
  for (uint32_t line = 1; line <= file.lineCount(); ++line) {
    std::string_view lineText = file.lineText(line);
    re2::StringPiece captured;  // this re2 predates string_view captures
    if (lineText.find("lambdalint-ignore") == std::string_view::npos || !RE2::PartialMatch(lineText, re, &captured)) {
      continue;
    }
    std::string_view ids(captured.data(), captured.size());
    size_t start = 0;
    while (start < ids.size()) {
      size_t end = ids.find(',', start);
      if (end == std::string_view::npos) end = ids.size();
      std::string_view id = ids.substr(start, end - start);
      while (!id.empty() && id.front() == ' ') id.remove_prefix(1);
      while (!id.empty() && id.back() == ' ') id.remove_suffix(1);
      if (const Rule* rule = RuleRegistry::instance().find(id)) {
        silenced[line].insert(std::string(rule->meta().id));
        silenced[line + 1].insert(std::string(rule->meta().id));
      } else {
        auto column = static_cast<uint32_t>(id.data() - lineText.data()) + 1;
        Position p = file.positionAtLineColumn(line, column);
        extra.push_back(unknownRule(file.path(), {p, p}, std::string(id)));
      }
      start = end + 1;
    }
  }
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (d.location.path != file.path()) return false;
    auto it = silenced.find(d.location.range.begin.line);
    return it != silenced.end() && it->second.count(d.ruleId);
  });
  diagnostics.insert(diagnostics.end(), extra.begin(), extra.end());
}

void applySuppressions(const TemplateModel& model, std::vector<Diagnostic>& diagnostics) {
  const std::string& path = model.doc.file->path();
  std::vector<Diagnostic> extra;
  std::set<std::string> templateWide = metadataIgnores(model.metadata, path, extra);
  struct ResourceIgnore {
    const Resource* resource;
    std::set<std::string> ids;
  };
  std::vector<ResourceIgnore> perResource;
  for (const auto& r : model.resources) {
    auto ids = metadataIgnores(r.metadata, path, extra);
    if (!ids.empty()) perResource.push_back({&r, std::move(ids)});
  }
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (d.location.path != path) return false;
    if (templateWide.count(d.ruleId)) return true;
    for (const auto& ri : perResource) {
      if (!ri.ids.count(d.ruleId)) continue;
      if (d.resourceId == ri.resource->id) return true;
      if (d.resourceId.empty() && contains(ri.resource->node->range, d.location.range)) return true;
    }
    return false;
  });
  diagnostics.insert(diagnostics.end(), extra.begin(), extra.end());
  applyCommentSuppressions(*model.doc.file, "#", diagnostics);
}

}  // namespace lambdalint
