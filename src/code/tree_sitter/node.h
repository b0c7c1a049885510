#pragma once
// Null-safe access to tree-sitter nodes: the only way the frontends read a
// node. Error recovery leaves fields and children missing in shapes no
// grammar test covers (`new X` without arguments, `export let handler;`, a
// parameter list cut short), and most ts_node_* functions dereference the
// node without checking. Here a null node answers 0, a null node or an empty
// string instead, so a missing piece is just "not that shape".
#include <tree_sitter/api.h>

#include <string_view>

namespace lambdalint::code {

inline bool isNull(TSNode n) { return ts_node_is_null(n); }

inline std::string_view type(TSNode n) {
  if (isNull(n)) return {};
  const char* t = ts_node_type(n);
  return t == nullptr ? std::string_view() : std::string_view(t);
}
inline TSSymbol symbol(TSNode n) { return isNull(n) ? TSSymbol{0} : ts_node_symbol(n); }
inline const TSLanguage* language(TSNode n) { return isNull(n) ? nullptr : ts_node_language(n); }

inline uint32_t startByte(TSNode n) { return isNull(n) ? 0 : ts_node_start_byte(n); }
inline uint32_t endByte(TSNode n) { return isNull(n) ? 0 : ts_node_end_byte(n); }

inline bool isNamed(TSNode n) { return !isNull(n) && ts_node_is_named(n); }
inline bool isExtra(TSNode n) { return !isNull(n) && ts_node_is_extra(n); }
inline bool isError(TSNode n) { return !isNull(n) && ts_node_is_error(n); }
inline bool isMissing(TSNode n) { return !isNull(n) && ts_node_is_missing(n); }
inline bool hasError(TSNode n) { return !isNull(n) && ts_node_has_error(n); }
// The same node of the same tree; two null nodes are not "the same".
inline bool same(TSNode a, TSNode b) { return !isNull(a) && !isNull(b) && ts_node_eq(a, b); }

inline uint32_t childCount(TSNode n) { return isNull(n) ? 0 : ts_node_child_count(n); }
inline uint32_t namedChildCount(TSNode n) { return isNull(n) ? 0 : ts_node_named_child_count(n); }
// Child `i` (all children, or named ones only), or a null node when out of range.
inline TSNode child(TSNode n, uint32_t i) { return i < childCount(n) ? ts_node_child(n, i) : TSNode{}; }
inline TSNode namedChild(TSNode n, uint32_t i) { return i < namedChildCount(n) ? ts_node_named_child(n, i) : TSNode{}; }
inline TSNode parent(TSNode n) { return isNull(n) ? TSNode{} : ts_node_parent(n); }

// A child by field name or id, or a null node.
inline TSNode field(TSNode n, std::string_view name) {
  if (isNull(n) || name.empty()) return TSNode{};
  return ts_node_child_by_field_name(n, name.data(), static_cast<uint32_t>(name.size()));
}
inline TSNode fieldById(TSNode n, TSFieldId id) {
  return isNull(n) || id == 0 ? TSNode{} : ts_node_child_by_field_id(n, id);
}

}  // namespace lambdalint::code
