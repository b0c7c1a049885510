#include "engine/rule.h"

#include <algorithm>

namespace lambdalint {

RuleRegistry& RuleRegistry::instance() {
  static RuleRegistry registry;
  return registry;
}

bool RuleRegistry::add(std::unique_ptr<Rule> rule) {
  auto pos = std::lower_bound(rules_.begin(), rules_.end(), rule,
                              [](const auto& a, const auto& b) { return a->meta().id < b->meta().id; });
  rules_.insert(pos, std::move(rule));
  return true;
}

const Rule* RuleRegistry::find(std::string_view idOrName) const {
  for (const auto& r : rules_) {
    if (r->meta().id == idOrName || r->meta().name == idOrName) return r.get();
  }
  return nullptr;
}

const HandlerSource& RuleContext::source(const Function& fn) const {
  static const HandlerSources kNone;
  return (sources_ ? *sources_ : kNone).of(fn);
}

Diagnostic& RuleContext::report(const Node& node, std::string message, std::string resourceId, std::string key) {
  return report(node.range, std::move(message), std::move(resourceId), std::move(key));
}

Diagnostic& RuleContext::report(Range range, std::string message, std::string resourceId, std::string key) {
  return reportAt(path(), range, std::move(message), std::move(resourceId), std::move(key));
}

Diagnostic& RuleContext::reportAt(const std::string& file, Range range, std::string message, std::string resourceId,
                                  std::string key) {
  Diagnostic d;
  d.ruleId = std::string(rule_.meta().id);
  d.severity = rule_.meta().severity;
  d.location = {file, range};
  d.fingerprintKey = key.empty() ? message : std::move(key);
  d.message = std::move(message);
  d.resourceId = std::move(resourceId);
  out_.push_back(std::move(d));
  return out_.back();
}

void RuleContext::relate(Diagnostic& d, const std::string& path, const Node& node, std::string message) {
  d.related.push_back({{path, node.range}, std::move(message)});
}

}  // namespace lambdalint
