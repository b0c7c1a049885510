#include "sam/policy_templates.h"

#include <nlohmann/json.hpp>

#include "util/embedded.h"

namespace lambdalint {
namespace {

const nlohmann::json& table() {
  static const nlohmann::json data = nlohmann::json::parse(embeddedData("sam-policy-templates"));
  return data;
}

// Builds a Node holding a table string, positioned on the template use, so
// flatten() can substitute the parameters.
Node scalarAt(const std::string& text, const Node& at) {
  Node n;
  n.kind = NodeKind::Scalar;
  n.value = text;
  n.range = at.range;
  return n;
}

}  // namespace

bool isPolicyTemplate(std::string_view name) { return table()["templates"].contains(std::string(name)); }

std::string_view policyTemplatesVersion() { return table()["version"].get_ref<const std::string&>(); }

std::vector<Statement> expandPolicyTemplate(std::string_view name, const Node& use, const std::string& holderId) {
  const auto& tpl = table()["templates"][std::string(name)];
  SubVariables params;
  const Node* given = use.get(name);
  for (const auto& param : tpl["parameters"]) {
    const std::string p = param.get<std::string>();
    const Node* value = given ? given->get(p) : nullptr;
    if (value) {
      params.emplace(p, flatten(*value));
    } else {
      FlatValue missing;
      missing.known = false;
      missing.node = &use;
      params.emplace(p, missing);
    }
  }
  std::vector<Statement> out;
  for (const auto& st : tpl["statements"]) {
    Statement s;
    s.source = StatementSource::PolicyTemplate;
    s.allow = st.value("effect", "Allow") == "Allow";
    s.node = &use;
    s.origin = "policy template " + std::string(name);
    s.holderId = holderId;
    s.conditional = st.contains("condition");
    for (const auto& a : st["actions"]) {
      FlatValue v;
      v.text = a.get<std::string>();
      v.node = &use;
      s.actions.push_back(std::move(v));
    }
    for (const auto& r : st["resources"]) {
      Node text = scalarAt(r.get<std::string>(), use);
      FlatValue v = flatten(text, &params);
      v.node = &use;
      s.resources.push_back(std::move(v));
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace lambdalint
