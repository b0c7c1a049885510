// The json format (docs/json-format.md documents this shape; bump "version"
// on any incompatible change).
#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "report/report.h"

namespace lambdalint {
namespace {

nlohmann::json position(const Position& p) { return {{"line", p.line}, {"column", p.column}, {"offset", p.offset}}; }

}  // namespace

void writeJson(std::ostream& out, const RunResult& result, const ReportOptions&) {
  size_t counts[3] = {0, 0, 0};
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& d : result.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    const Rule* rule = RuleRegistry::instance().find(d.ruleId);
    nlohmann::json related = nlohmann::json::array();
    for (const auto& r : d.related) {
      related.push_back({{"path", r.location.path},
                         {"start", position(r.location.range.begin)},
                         {"end", position(r.location.range.end)},
                         {"message", r.message}});
    }
    nlohmann::json flow = nlohmann::json::array();
    for (const auto& step : d.flow) {
      flow.push_back({{"path", step.location.path},
                      {"start", position(step.location.range.begin)},
                      {"end", position(step.location.range.end)},
                      {"message", step.message}});
    }
    nlohmann::json fix = nullptr;
    if (d.fix) {
      fix = {{"description", d.fix->description},
             {"path", d.fix->path},
             {"start", position(d.fix->deleted.begin)},
             {"end", position(d.fix->deleted.end)},
             {"inserted", d.fix->inserted}};
    }
    diagnostics.push_back({{"rule", d.ruleId},
                           {"name", rule ? std::string(rule->meta().name) : std::string()},
                           {"severity", std::string(to_string(d.severity))},
                           {"message", d.message},
                           {"path", d.location.path},
                           {"start", position(d.location.range.begin)},
                           {"end", position(d.location.range.end)},
                           {"resource", d.resourceId},
                           {"related", related},
                           {"flow", flow},
                           {"fingerprint", fingerprint(d)},
                           {"fix", fix}});
  }
  nlohmann::json doc = {
      {"version", 1},
      {"tool", {{"name", "lambdalint"}, {"version", LAMBDALINT_VERSION}}},
      {"summary",
       {{"files", result.files.size()},
        {"templates", result.templates},
        {"errors", counts[2]},
        {"warnings", counts[1]},
        {"notes", counts[0]}}},
      {"diagnostics", diagnostics},
  };
  // Source text may hold invalid UTF-8 (binary files): replace, never throw.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace lambdalint
