#pragma once
// One tree for YAML and JSON templates. Every node knows where it was written.
// Short-form intrinsics (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) are normalized to
// their long form (`{Ref: X}`, `{Fn::GetAtt: [A, B]}`, `{Fn::Sub: ...}`) so a
// rule never has to care which form the author used.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_file.h"

namespace lambdalint {

enum class NodeKind { Null, Scalar, Sequence, Mapping, Alias };

struct MapEntry;

class Node {
 public:
  NodeKind kind = NodeKind::Null;
  std::string value;       // scalar text; for an alias, the anchor name
  std::string tag;         // explicit tag as written (`!Ref`, `!!str`), empty if none
  bool quoted = false;     // a quoted scalar is always a string
  bool shortForm = false;  // mapping that came from a `!Tag` short-form intrinsic
  Range range;
  std::vector<Node> items;        // Sequence
  std::vector<MapEntry> entries;  // Mapping, in source order, duplicates kept

  bool isNull() const { return kind == NodeKind::Null; }
  bool isScalar() const { return kind == NodeKind::Scalar; }
  bool isSequence() const { return kind == NodeKind::Sequence; }
  bool isMapping() const { return kind == NodeKind::Mapping; }

  // First value under `key` in a mapping; nullptr if absent or not a mapping.
  const Node* get(std::string_view key) const;
  // The key node of the first entry under `key` (for positions), or nullptr.
  const Node* keyNode(std::string_view key) const;
  // Follows a path of mapping keys.
  const Node* at(std::initializer_list<std::string_view> path) const;

  // Scalar text, or empty for anything else.
  std::string_view str() const { return kind == NodeKind::Scalar ? std::string_view(value) : std::string_view(); }
  std::optional<long long> asInt() const;
  std::optional<double> asNumber() const;
  std::optional<bool> asBool() const;

  // "Ref", "Fn::GetAtt", "Condition", ... when this node is a one-key
  // mapping naming an intrinsic function; empty otherwise.
  std::string_view intrinsic() const;
  const Node* intrinsicArgument() const;
};

struct MapEntry {
  Node key;
  Node value;
};

// Long-form name for a short-form tag (`!GetAtt` -> `Fn::GetAtt`), or empty.
std::string_view longFormOfTag(std::string_view tag);

}  // namespace lambdalint
