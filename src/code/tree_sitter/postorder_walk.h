#pragma once
// A postorder walk over a syntax tree with one cursor and explicit stacks:
// each node is entered on the way down and left once its children are left,
// with what the lowering made of each child. Lowerings build their IR
// bottom-up this way without recursion (a 100,000-deep tree is just a deep
// vector) and without tree-sitter queries (slow on deep error chains).
#include <tree_sitter/api.h>

#include <cstdint>
#include <span>
#include <vector>

#include "code/tree_sitter/node.h"
#include "code/tree_sitter/tree_cursor.h"

namespace lambdalint::code {

struct LoweredChild {
  TSFieldId field = 0;  // the child's field in its parent (0: none)
  TSNode node{};
  uint32_t value = 0;  // what the lowering made of it
};

// The value of a node the lowering made nothing of.
inline constexpr uint32_t kNothing = UINT32_MAX;
// A leave() result: the node's own children become children of its parent (with the node's field), as if the
// node were not there (`arguments`, `formal_parameters`, `class_body`).
inline constexpr uint32_t kSplice = UINT32_MAX - 1;

// `lowerer.enter(node)` returns false to skip the node's children; `lowerer.leave(node, children)` returns the
// node's value (kNothing, kSplice or the lowering's own id). Children valued kNothing are passed only to their
// own parent.
template <typename Lowerer>
void walkPostorder(TSNode root, Lowerer& lowerer) {
  TreeCursor cursor(root);
  if (isNull(cursor.node())) return;
  std::vector<size_t> starts;
  std::vector<LoweredChild> children;
  auto leave = [&](TSNode node, TSFieldId field, size_t start) {
    uint32_t value = lowerer.leave(node, std::span<const LoweredChild>(children).subspan(start));
    if (value == kSplice) {
      size_t out = start;
      for (size_t i = start; i < children.size(); ++i) {
        if (children[i].value == kNothing) continue;
        children[out] = children[i];
        children[out].field = field;
        ++out;
      }
      children.resize(out);
      return;
    }
    children.resize(start);
    children.push_back({field, node, value});
  };
  for (;;) {
    TSNode node = cursor.node();
    if (lowerer.enter(node) && cursor.gotoFirstChild()) {
      starts.push_back(children.size());
      continue;
    }
    leave(node, cursor.fieldId(), children.size());
    for (;;) {
      if (cursor.gotoNextSibling()) break;
      if (!cursor.gotoParent()) return;
      size_t start = starts.back();
      starts.pop_back();
      leave(cursor.node(), cursor.fieldId(), start);
    }
  }
}

}  // namespace lambdalint::code
