#pragma once
// RAII over the tree-sitter C API and the few conversions every frontend
// needs: positions, node text, compiled queries and syntax-error collection.
// Walks use cursors or explicit stacks, never recursion: a minified bundle or
// a 100,000-deep expression must not overflow the C++ stack.
#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "code/tree_sitter/node.h"
#include "code/tree_sitter/parse_budget.h"
#include "template/document.h"

namespace lambdalint::code {

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
struct QueryDeleter {
  void operator()(TSQuery* q) const { ts_query_delete(q); }
};
struct CursorDeleter {
  void operator()(TSQueryCursor* c) const { ts_query_cursor_delete(c); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;
using QueryPtr = std::unique_ptr<TSQuery, QueryDeleter>;
using QueryCursorPtr = std::unique_ptr<TSQueryCursor, CursorDeleter>;

class SyntaxTree {
 public:
  // Parses `file` with `language`. Never fails for text input: tree-sitter
  // recovers from errors and keeps the rest of the tree. A parse over
  // `budget` is cancelled: the tree is then empty (root() is a null node).
  SyntaxTree(const SourceFile& file, const TSLanguage* language, const ParseBudget& budget = {});

  TSNode root() const { return tree_ ? ts_tree_root_node(tree_.get()) : TSNode{}; }
  bool exceededBudget() const { return !tree_; }
  // Parser operations the parse took (in steps of 100, as tree-sitter reports them).
  uint64_t operations() const { return operations_; }
  const SourceFile& file() const { return file_; }
  // Empty text and an empty range at 1:1 for a null node.
  std::string_view text(TSNode node) const;
  Range range(TSNode node) const;
  // Up to `limit` ERROR / MISSING nodes as parse problems with positions.
  std::vector<ParseProblem> syntaxErrors(size_t limit = 5) const;

 private:
  const SourceFile& file_;
  TreePtr tree_;
  uint64_t operations_ = 0;
};

// Compiles a query from src/code/<language>/queries/<stem>.scm (embedded in
// the binary). A broken query is a programming error: it throws with the
// offset tree-sitter reports, and the tests compile every query.
QueryPtr compileQuery(const TSLanguage* language, std::string_view stem);

}  // namespace lambdalint::code
