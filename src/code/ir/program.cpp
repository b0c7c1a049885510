#include "code/ir/program.h"

namespace lambdalint::code::ir {

std::string_view Program::source(uint32_t begin, uint32_t end) const {
  std::string_view all = file_->text();
  if (begin > all.size() || end > all.size() || end < begin) return {};
  return all.substr(begin, end - begin);
}

std::string_view Program::source(ExprId id) const {
  if (id == kNoExpr) return {};
  return source(exprs[id].begin, exprs[id].end);
}

Range Program::range(uint32_t begin, uint32_t end) const { return {file_->positionAt(begin), file_->positionAt(end)}; }

Range Program::range(ExprId id) const {
  if (id == kNoExpr) return {};
  return range(exprs[id].begin, exprs[id].end);
}

ExprId Program::unwrap(ExprId id) const {
  while (id != kNoExpr && exprs[id].kind == ExprKind::Group) id = exprs[id].a;
  return id;
}

ExprId Program::unwrapAwait(ExprId id) const {
  while (id != kNoExpr && (exprs[id].kind == ExprKind::Group || exprs[id].kind == ExprKind::Await)) id = exprs[id].a;
  return id;
}

const std::string_view* Program::stringValue(ExprId id) const {
  id = unwrap(id);
  if (id == kNoExpr || exprs[id].kind != ExprKind::String) return nullptr;
  return &exprs[id].text;
}

ExprId Program::argument(ExprId call, size_t position, std::string_view keyword) const {
  if (call == kNoExpr) return kNoExpr;
  size_t seen = 0;
  for (ExprId a : itemsOf(call)) {
    const Expr& e = exprs[a];
    if (e.kind == ExprKind::Keyword) {
      if (!keyword.empty() && e.text == keyword) return e.a;
      continue;
    }
    if (e.kind == ExprKind::Spread && e.op != Op::None) return kNoExpr;
    if (seen++ == position) return a;
  }
  return kNoExpr;
}

}  // namespace lambdalint::code::ir
