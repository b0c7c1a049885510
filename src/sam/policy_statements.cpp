#include "sam/policy_statements.h"

#include <nlohmann/json.hpp>

namespace lambdalint {
namespace {

std::vector<FlatValue> jsonList(const nlohmann::json& value, const Node* at) {
  std::vector<FlatValue> out;
  auto add = [&](const nlohmann::json& v) {
    FlatValue f;
    f.node = at;
    if (v.is_string()) {
      f.text = v.get<std::string>();
    } else {
      f.known = false;
    }
    out.push_back(std::move(f));
  };
  if (value.is_array()) {
    for (const auto& v : value) add(v);
  } else if (!value.is_null()) {
    add(value);
  }
  return out;
}

}  // namespace

std::vector<Statement> statementsFromJson(std::string_view json, const Node* at, const std::string& origin,
                                          const std::string& holderId) {
  std::vector<Statement> out;
  auto document = nlohmann::json::parse(json, nullptr, false);
  if (document.is_discarded() || !document.is_object()) return out;
  auto statements = document["Statement"];
  if (statements.is_object()) statements = nlohmann::json::array({statements});
  if (!statements.is_array()) return out;
  for (const auto& st : statements) {
    if (!st.is_object()) continue;
    Statement s;
    s.source = StatementSource::ManagedPolicy;
    s.node = at;
    s.origin = origin;
    s.holderId = holderId;
    s.allow = st.value("Effect", "Allow") != "Deny";
    if (st.contains("Action")) {
      s.actions = jsonList(st["Action"], at);
    } else if (st.contains("NotAction")) {
      s.actions = jsonList(st["NotAction"], at);
      s.notAction = true;
    }
    if (st.contains("Resource")) {
      s.resources = jsonList(st["Resource"], at);
    } else if (st.contains("NotResource")) {
      s.resources = jsonList(st["NotResource"], at);
      s.notResource = true;
    }
    s.conditional = st.contains("Condition");
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace lambdalint
