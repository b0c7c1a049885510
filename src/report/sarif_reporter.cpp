// SARIF 2.1.0 for code scanning: full rule metadata in tool.driver, results
// with locations relative to %SRCROOT%, stable partialFingerprints, and tool
// notifications for inputs that could not be read.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "report/relative_path.h"
#include "report/report.h"
#include "report/rule_doc.h"
#include "util/file_uri.h"

namespace lambdalint {
namespace {

using nlohmann::json;

std::string_view level(Severity s) { return to_string(s); }

json artifactLocation(const std::string& path, const std::string& srcRoot) {
  if (auto rel = relativeTo(path, srcRoot)) return {{"uri", percentEncodePath(*rel)}, {"uriBaseId", "%SRCROOT%"}};
  std::error_code ec;
  return {{"uri", pathToUri(std::filesystem::absolute(path, ec).generic_string())}};
}

// Lines and columns count code points (the run's columnKind); offsets are bytes, so they are byteOffset and
// byteLength, never charOffset.
json region(const Range& r) {
  json out = {{"startLine", std::max<uint32_t>(1, r.begin.line)},
              {"startColumn", std::max<uint32_t>(1, r.begin.column)},
              {"byteOffset", r.begin.offset}};
  if (r.end.offset > r.begin.offset) {
    out["endLine"] = r.end.line;
    out["endColumn"] = std::max<uint32_t>(1, r.end.column);
    out["byteLength"] = r.end.offset - r.begin.offset;
  }
  return out;
}

// SARIF message text: `[` and `]` (and a backslash) are escaped, so that only the links lambdalint adds are
// links.
std::string escapeMessage(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The message with a link to each related location (`[text](id)`): code scanning shows only linked ones.
std::string messageWithRelated(const Diagnostic& d) {
  std::string out = escapeMessage(d.message);
  for (size_t i = 0; i < d.related.size(); ++i) {
    if (i == 0) out += out.ends_with('.') ? " See " : ". See ";
    if (i > 0) out += ", ";
    const std::string& text = d.related[i].message.empty() ? std::string("related location") : d.related[i].message;
    out += fmt::format("[{}]({})", escapeMessage(text), i + 1);
  }
  if (!d.related.empty()) out += '.';
  return out;
}

// `category/`: code scanning takes what precedes the last slash as the category, the rest as the run id.
std::string automationId(std::string category) {
  if (category.empty()) category = "lambdalint";
  if (category.back() != '/') category += '/';
  return category;
}

json ruleDescriptor(const Rule& rule) {
  const RuleMeta& m = rule.meta();
  std::string_view doc = ruleDoc(m.id);
  std::string full = firstParagraph(docSection(doc, "Why is this bad?"));
  json tags = json::array();
  for (auto t : m.tags) tags.push_back(std::string(t));
  if (!m.cwe.empty()) tags.push_back("external/cwe/" + std::string(m.cwe));
  json properties = {{"tags", tags}, {"precision", "high"}};
  if (m.securitySeverity > 0) properties["security-severity"] = fmt::format("{:.1f}", m.securitySeverity);
  json d = {{"id", std::string(m.id)},
            {"name", std::string(m.name)},
            {"shortDescription", {{"text", std::string(m.summary)}}},
            {"fullDescription", {{"text", full.empty() ? std::string(m.summary) : full}}},
            {"defaultConfiguration", {{"level", std::string(level(m.severity))}}},
            {"properties", properties}};
  if (!doc.empty()) d["help"] = {{"text", std::string(doc)}, {"markdown", std::string(doc)}};
  if (std::string uri = helpUri(doc); !uri.empty()) d["helpUri"] = uri;
  return d;
}

}  // namespace

void writeSarif(std::ostream& out, const RunResult& result, const ReportOptions& options) {
  const auto& rules = RuleRegistry::instance().rules();
  json descriptors = json::array();
  std::map<std::string, size_t, std::less<>> ruleIndex;
  for (const auto& rule : rules) {
    ruleIndex.emplace(std::string(rule->meta().id), descriptors.size());
    descriptors.push_back(ruleDescriptor(*rule));
  }
  json results = json::array();
  json notifications = json::array();
  for (const auto& d : result.diagnostics) {
    json location = {{"physicalLocation",
                      {{"artifactLocation", artifactLocation(d.location.path, options.srcRoot)},
                       {"region", region(d.location.range)}}}};
    json r = {{"ruleId", d.ruleId},
              {"level", std::string(level(d.severity))},
              {"message", {{"text", messageWithRelated(d)}}},
              {"locations", json::array({location})},
              {"partialFingerprints", {{"lambdalintFingerprint/v1", fingerprint(d)}}}};
    if (auto it = ruleIndex.find(d.ruleId); it != ruleIndex.end()) r["ruleIndex"] = it->second;
    if (!d.resourceId.empty()) {
      location["logicalLocations"] = json::array({{{"name", d.resourceId}, {"kind", "resource"}}});
      r["locations"] = json::array({location});
    }
    if (!d.related.empty()) {
      json related = json::array();
      int id = 1;
      for (const auto& rel : d.related) {
        json physical = {{"artifactLocation", artifactLocation(rel.location.path, options.srcRoot)},
                         {"region", region(rel.location.range)}};
        related.push_back({{"id", id++}, {"message", {{"text", rel.message}}}, {"physicalLocation", physical}});
      }
      r["relatedLocations"] = related;
    }
    if (!d.flow.empty()) {
      // One thread of execution from the source (first step) to the sink (last step).
      json steps = json::array();
      for (const auto& step : d.flow) {
        if (steps.size() == kCodeScanningMaxFlowSteps) break;
        json physical = {{"artifactLocation", artifactLocation(step.location.path, options.srcRoot)},
                         {"region", region(step.location.range)}};
        steps.push_back({{"location", {{"physicalLocation", physical}, {"message", {{"text", step.message}}}}}});
      }
      r["codeFlows"] = json::array({{{"threadFlows", json::array({{{"locations", steps}}})}}});
    }
    if (d.fix) {
      json region = {{"startLine", d.fix->deleted.begin.line},
                     {"startColumn", d.fix->deleted.begin.column},
                     {"endLine", d.fix->deleted.end.line},
                     {"endColumn", d.fix->deleted.end.column}};
      json replacement = {{"deletedRegion", region}};
      if (!d.fix->inserted.empty()) replacement["insertedContent"] = {{"text", d.fix->inserted}};
      r["fixes"] = json::array(
          {{{"description", {{"text", d.fix->description}}},
            {"artifactChanges", json::array({{{"artifactLocation", artifactLocation(d.fix->path, options.srcRoot)},
                                              {"replacements", json::array({replacement})}}})}}});
    }
    results.push_back(std::move(r));
    // Inputs that could not be read are also tool notifications.
    if (d.ruleId == "TPL001") {
      notifications.push_back({{"level", "error"},
                               {"message", {{"text", d.message}}},
                               {"descriptor", {{"id", d.ruleId}}},
                               {"locations", json::array({location})}});
    }
  }
  std::string root = options.srcRoot;
  if (root.empty() || root.back() != '/') root += '/';
  json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({{{"tool",
                                        {{"driver",
                                          {{"name", "lambdalint"},
                                           {"semanticVersion", LAMBDALINT_VERSION},
                                           {"version", LAMBDALINT_VERSION},
                                           {"rules", descriptors}}}}},
                                       {"automationDetails", {{"id", automationId(options.category)}}},
                                       {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", pathToUri(root)}}}}},
                                       {"columnKind", "unicodeCodePoints"},
                                       {"invocations", json::array({{{"executionSuccessful", result.anyInput},
                                                                     {"toolExecutionNotifications", notifications}}})},
                                       {"results", results}}})}};
  // Source text may hold invalid UTF-8 (binary files): replace, never throw.
  out << sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace lambdalint
