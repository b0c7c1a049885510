#include "report/baseline.h"

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace lambdalint {

std::string renderBaseline(const RunResult& result) {
  nlohmann::json findings = nlohmann::json::array();
  for (const Diagnostic& d : result.diagnostics) {
    findings.push_back({{"fingerprint", fingerprint(d)}, {"rule", d.ruleId}, {"path", d.location.path}});
  }
  nlohmann::json doc = {{"lambdalint-baseline", 1}, {"findings", findings}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::optional<Baseline> parseBaseline(std::string_view text, std::string& error) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    error = "not JSON";
    return std::nullopt;
  }
  if (!doc.is_object() || !doc.contains("lambdalint-baseline") || !doc["lambdalint-baseline"].is_number_integer()) {
    error = "not a lambdalint baseline (no \"lambdalint-baseline\" version)";
    return std::nullopt;
  }
  if (doc["lambdalint-baseline"].get<int>() != 1) {
    error = "baseline version " + doc["lambdalint-baseline"].dump() + " is not supported (this lambdalint reads 1)";
    return std::nullopt;
  }
  const auto findings = doc.find("findings");
  if (findings == doc.end() || !findings->is_array()) {
    error = "no \"findings\" list";
    return std::nullopt;
  }
  Baseline out;
  for (size_t i = 0; i < findings->size(); ++i) {
    const auto& f = (*findings)[i];
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      error = "findings[" + std::to_string(i) + "] has no \"fingerprint\" string";
      return std::nullopt;
    }
    ++out.fingerprints[f["fingerprint"].get<std::string>()];
  }
  return out;
}

size_t applyBaseline(RunResult& result, const Baseline& baseline) {
  std::map<std::string, size_t> left = baseline.fingerprints;
  std::vector<Diagnostic> kept;
  kept.reserve(result.diagnostics.size());
  for (Diagnostic& d : result.diagnostics) {
    auto it = left.find(fingerprint(d));
    if (it != left.end() && it->second > 0) {
      --it->second;
      continue;
    }
    kept.push_back(std::move(d));
  }
  size_t hidden = result.diagnostics.size() - kept.size();
  result.diagnostics = std::move(kept);
  return hidden;
}

}  // namespace lambdalint
