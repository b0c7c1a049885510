#pragma once
// One lowered source file: everything the analyses read. Built by a
// language's lowering in one walk over its syntax tree, then read-only.
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_file.h"
#include "code/ir/binding.h"
#include "code/ir/expression.h"
#include "code/ir/function.h"
#include "code/ir/statements.h"

namespace lambdalint::code::ir {

class Program {
 public:
  explicit Program(const SourceFile& file) : file_(&file) {}

  const SourceFile& file() const { return *file_; }

  std::vector<Expr> exprs;
  std::vector<ExprId> items;  // the items of every expression, each expression's contiguous
  std::vector<Function> functions;
  std::vector<Class> classes;
  std::vector<Binding> bindings;
  std::vector<Loop> loops;
  std::vector<Catch> catches;
  std::vector<IfStatement> ifs;
  std::vector<Return> returns;
  std::vector<Throw> throws;
  std::vector<Import> imports;
  std::vector<Export> exports;
  std::vector<ExprId> calls;        // Call and New expressions, in source order (an outer call before the inner ones)
  std::deque<std::string> strings;  // texts that are no substring of the source (joined Python strings)

  const Expr& expr(ExprId id) const { return exprs[id]; }
  std::span<const ExprId> itemsOf(const Expr& e) const {
    return std::span<const ExprId>(items).subspan(e.itemsBegin, e.itemsCount);
  }
  std::span<const ExprId> itemsOf(ExprId id) const {
    return id == kNoExpr ? std::span<const ExprId>() : itemsOf(exprs[id]);
  }

  // The expression as written (empty for kNoExpr).
  std::string_view source(ExprId id) const;
  std::string_view source(uint32_t begin, uint32_t end) const;
  // Positions of a span or an expression (an empty range at 1:1 for kNoExpr, as for a null syntax node).
  Range range(uint32_t begin, uint32_t end) const;
  Range range(ExprId id) const;

  // Through parentheses and type assertions (Group).
  ExprId unwrap(ExprId id) const;
  // Through Group and Await.
  ExprId unwrapAwait(ExprId id) const;
  bool is(ExprId id, ExprKind kind) const { return id != kNoExpr && exprs[id].kind == kind; }
  // The text of a String expression (through Group), or nullopt.
  const std::string_view* stringValue(ExprId id) const;

  // Argument `position` of a call (keyword arguments and comments aside), or the keyword argument `keyword`;
  // kNoExpr when absent or after a `*args` / `**kwargs` splat (which may hold it).
  ExprId argument(ExprId call, size_t position, std::string_view keyword = {}) const;

 private:
  const SourceFile* file_;
};

}  // namespace lambdalint::code::ir
