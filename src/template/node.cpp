#include "template/node.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <utility>

namespace lambdalint {

const Node* Node::get(std::string_view key) const {
  if (kind != NodeKind::Mapping) return nullptr;
  for (const auto& e : entries) {
    if (e.key.kind == NodeKind::Scalar && e.key.value == key) return &e.value;
  }
  return nullptr;
}

const Node* Node::keyNode(std::string_view key) const {
  if (kind != NodeKind::Mapping) return nullptr;
  for (const auto& e : entries) {
    if (e.key.kind == NodeKind::Scalar && e.key.value == key) return &e.key;
  }
  return nullptr;
}

const Node* Node::at(std::initializer_list<std::string_view> path) const {
  const Node* n = this;
  for (auto key : path) {
    n = n->get(key);
    if (!n) return nullptr;
  }
  return n;
}

std::optional<long long> Node::asInt() const {
  if (kind != NodeKind::Scalar) return std::nullopt;
  long long out = 0;
  const char* begin = value.data();
  const char* end = begin + value.size();
  if (begin != end && *begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return out;
}

std::optional<double> Node::asNumber() const {
  if (kind != NodeKind::Scalar || value.empty()) return std::nullopt;
  char* end = nullptr;
  double out = std::strtod(value.c_str(), &end);
  if (end != value.c_str() + value.size()) return std::nullopt;
  return out;
}

std::optional<bool> Node::asBool() const {
  if (kind != NodeKind::Scalar) return std::nullopt;
  if (value == "true" || value == "True" || value == "TRUE") return true;
  if (value == "false" || value == "False" || value == "FALSE") return false;
  return std::nullopt;
}

std::string_view Node::intrinsic() const {
  if (kind != NodeKind::Mapping || entries.size() != 1) return {};
  const Node& key = entries.front().key;
  if (key.kind != NodeKind::Scalar) return {};
  std::string_view k = key.value;
  if (k == "Ref" || k == "Condition" || k.substr(0, 4) == "Fn::") return k;
  return {};
}

const Node* Node::intrinsicArgument() const { return intrinsic().empty() ? nullptr : &entries.front().value; }

std::string_view longFormOfTag(std::string_view tag) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTags = {{
      {"!Ref", "Ref"},
      {"!Condition", "Condition"},
      {"!And", "Fn::And"},
      {"!Base64", "Fn::Base64"},
      {"!Cidr", "Fn::Cidr"},
      {"!Equals", "Fn::Equals"},
      {"!FindInMap", "Fn::FindInMap"},
      {"!ForEach", "Fn::ForEach"},
      {"!GetAZs", "Fn::GetAZs"},
      {"!GetAtt", "Fn::GetAtt"},
      {"!If", "Fn::If"},
      {"!ImportValue", "Fn::ImportValue"},
      {"!Join", "Fn::Join"},
      {"!Length", "Fn::Length"},
      {"!Not", "Fn::Not"},
      {"!Or", "Fn::Or"},
      {"!Select", "Fn::Select"},
      {"!Split", "Fn::Split"},
      {"!Sub", "Fn::Sub"},
      {"!ToJsonString", "Fn::ToJsonString"},
      {"!Transform", "Fn::Transform"},
      {"!GetParam", "Fn::GetParam"},
  }};
  for (const auto& [shortName, longName] : kTags) {
    if (shortName == tag) return longName;
  }
  return {};
}

}  // namespace lambdalint
