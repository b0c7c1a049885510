#pragma once
// RAII, null-safe tree cursor: the frontends walk subtrees with it instead of
// ts_tree_cursor_* (which crash on a cursor made from a null node and leak if
// an exception leaves the walk).
#include <tree_sitter/api.h>

#include "code/tree_sitter/node.h"

namespace lambdalint::code {

class TreeCursor {
 public:
  // A cursor on a null node is empty: it stays on the null node and never moves.
  explicit TreeCursor(TSNode root) : valid_(!isNull(root)) {
    if (valid_) cursor_ = ts_tree_cursor_new(root);
  }
  ~TreeCursor() {
    if (valid_) ts_tree_cursor_delete(&cursor_);
  }
  TreeCursor(const TreeCursor&) = delete;
  TreeCursor& operator=(const TreeCursor&) = delete;

  TSNode node() const { return valid_ ? ts_tree_cursor_current_node(&cursor_) : TSNode{}; }
  // The field name of the current node in its parent, or null.
  const char* fieldName() const { return valid_ ? ts_tree_cursor_current_field_name(&cursor_) : nullptr; }
  // The field id of the current node in its parent, or 0.
  TSFieldId fieldId() const { return valid_ ? ts_tree_cursor_current_field_id(&cursor_) : 0; }
  bool gotoFirstChild() { return valid_ && ts_tree_cursor_goto_first_child(&cursor_); }
  bool gotoNextSibling() { return valid_ && ts_tree_cursor_goto_next_sibling(&cursor_); }
  bool gotoParent() { return valid_ && ts_tree_cursor_goto_parent(&cursor_); }

 private:
  bool valid_;
  TSTreeCursor cursor_{};
};

}  // namespace lambdalint::code
