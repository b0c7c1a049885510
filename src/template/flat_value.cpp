#include "template/flat_value.h"

namespace lambdalint {
namespace {

bool isPseudo(std::string_view name) { return name.substr(0, 5) == "AWS::"; }

void addRef(FlatValue& v, std::string_view name) {
  auto dot = name.find('.');
  std::string id(name.substr(0, dot));
  if (isPseudo(id) || id.empty()) return;
  for (const auto& r : v.refs) {
    if (r == id) return;
  }
  v.refs.push_back(std::move(id));
}

void append(FlatValue& into, const FlatValue& part) {
  into.text += part.text;
  into.known = into.known && part.known;
  for (const auto& r : part.refs) addRef(into, r);
}

FlatValue unknown(const Node& node) {
  FlatValue v;
  v.known = false;
  v.node = &node;
  return v;
}

// Fn::Sub body: substitute variables given in the map form; leave the rest
// as ${...} references. `${!Literal}` is Sub's escape for a literal `${`.
FlatValue flattenSub(const Node& node, std::string_view body, const SubVariables* outer, const SubVariables& local) {
  FlatValue v;
  v.node = &node;
  size_t i = 0;
  while (i < body.size()) {
    auto open = body.find("${", i);
    if (open == std::string_view::npos) {
      v.text.append(body.substr(i));
      break;
    }
    v.text.append(body.substr(i, open - i));
    auto close = body.find('}', open);
    if (close == std::string_view::npos) {
      v.text.append(body.substr(open));
      break;
    }
    std::string_view name = body.substr(open + 2, close - open - 2);
    if (!name.empty() && name[0] == '!') {
      v.text.append("${").append(name.substr(1)).append("}");
    } else if (auto it = local.find(name); it != local.end()) {
      append(v, it->second);
    } else if (auto it2 = outer ? outer->find(name) : SubVariables::const_iterator(); outer && it2 != outer->end()) {
      append(v, it2->second);
    } else {
      v.text.append(body.substr(open, close - open + 1));
      addRef(v, name);
    }
    i = close + 1;
  }
  return v;
}

}  // namespace

FlatValue flatten(const Node& node, const SubVariables* variables) {
  std::string_view fn = node.intrinsic();
  if (fn.empty()) {
    if (node.isScalar()) {
      FlatValue v;
      v.node = &node;
      v.text = node.value;
      // Policy templates and our own tables use ${Name} placeholders.
      if (variables && node.value.find("${") != std::string::npos) {
        return flattenSub(node, node.value, variables, {});
      }
      return v;
    }
    return unknown(node);
  }
  const Node& arg = *node.intrinsicArgument();
  if (fn == "Ref") {
    FlatValue v;
    v.node = &node;
    if (variables) {
      if (auto it = variables->find(arg.str()); it != variables->end()) {
        FlatValue out = it->second;
        out.node = &node;
        return out;
      }
    }
    v.text = "${" + std::string(arg.str()) + "}";
    addRef(v, arg.str());
    return v;
  }
  if (fn == "Fn::GetAtt") {
    FlatValue v;
    v.node = &node;
    std::string name;
    if (arg.isSequence() && arg.items.size() == 2 && arg.items[0].isScalar() && arg.items[1].isScalar()) {
      name = arg.items[0].value + "." + arg.items[1].value;
    } else if (arg.isScalar()) {
      name = arg.value;
    } else {
      return unknown(node);
    }
    v.text = "${" + name + "}";
    addRef(v, name);
    return v;
  }
  if (fn == "Fn::Sub") {
    if (arg.isScalar()) return flattenSub(node, arg.value, variables, {});
    if (arg.isSequence() && arg.items.size() == 2 && arg.items[0].isScalar() && arg.items[1].isMapping()) {
      SubVariables local;
      for (const auto& e : arg.items[1].entries) local.emplace(e.key.value, flatten(e.value, variables));
      return flattenSub(node, arg.items[0].value, variables, local);
    }
    return unknown(node);
  }
  if (fn == "Fn::Join") {
    if (!arg.isSequence() || arg.items.size() != 2 || !arg.items[0].isScalar() || !arg.items[1].isSequence()) {
      return unknown(node);
    }
    FlatValue v;
    v.node = &node;
    bool first = true;
    for (const auto& item : arg.items[1].items) {
      if (!first) v.text += arg.items[0].value;
      first = false;
      append(v, flatten(item, variables));
    }
    return v;
  }
  // If, Select, FindInMap, ImportValue, ...: no single static value. Keep the
  // references so a rule can still tell what the value is about.
  FlatValue v = unknown(node);
  std::vector<const Node*> pending{&arg};
  while (!pending.empty()) {
    const Node* n = pending.back();
    pending.pop_back();
    if (n->intrinsic() == "Ref" || n->intrinsic() == "Fn::GetAtt") {
      for (const auto& r : flatten(*n).refs) addRef(v, r);
      continue;
    }
    for (const auto& item : n->items) pending.push_back(&item);
    for (const auto& e : n->entries) pending.push_back(&e.value);
  }
  return v;
}

std::vector<FlatValue> flattenList(const Node& node) {
  std::vector<FlatValue> out;
  if (node.isSequence()) {
    for (const auto& item : node.items) out.push_back(flatten(item));
  } else if (!node.isNull()) {
    out.push_back(flatten(node));
  }
  return out;
}

std::vector<std::string> subVariables(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = text.find("${", i)) != std::string_view::npos) {
    auto close = text.find('}', i);
    if (close == std::string_view::npos) break;
    auto name = text.substr(i + 2, close - i - 2);
    if (!name.empty() && name[0] != '!') out.emplace_back(name);
    i = close + 1;
  }
  return out;
}

std::string referencedId(const Node& node) {
  FlatValue v = flatten(node);
  return v.refs.empty() ? std::string() : v.refs.front();
}

}  // namespace lambdalint
