#include "code/analysis/catches.h"

#include <algorithm>
#include <span>

#include "code/analysis/analysis.h"
#include "code/analysis/subtree.h"

namespace lambdalint::code::analysis {
namespace {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

bool within(uint32_t begin, uint32_t end, const ir::Catch& c) { return begin >= c.begin && end <= c.end; }

// An object key or keyword argument `itemIdentifier` anywhere in the expression.
bool carriesItemIdentifier(const ir::Program& p, ExprId e) {
  return !visitSubtree(p, e, [](ExprId, const ir::Expr& x) {
    return !((x.kind == ExprKind::Property || x.kind == ExprKind::Keyword) && x.text == "itemIdentifier");
  });
}

// `batchItemFailures`, `response.batch_item_failures`: the list a partial batch response is built in.
bool namesFailureList(std::string_view receiver) {
  size_t dot = receiver.rfind('.');
  if (dot != std::string_view::npos) receiver = receiver.substr(dot + 1);
  std::string folded;
  for (char c : receiver) {
    if (c == '_') continue;
    folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return std::string_view(folded).ends_with("batchitemfailures");
}

// What each function writes, in source order, so that a catch clause finds its own in O(log n).
struct ByFunction {
  std::vector<std::vector<ExprId>> calls, additions;
  std::vector<std::vector<uint32_t>> returns, throws;

  explicit ByFunction(const ir::Program& p) {
    size_t n = p.functions.size() + 1;
    calls.resize(n);
    additions.resize(n);
    returns.resize(n);
    throws.resize(n);
    auto at = [](ir::FunctionId f) { return static_cast<size_t>(f + 1); };
    for (ExprId call : p.calls) calls[at(p.expr(call).function)].push_back(call);
    for (ExprId id = 0; id < p.exprs.size(); ++id) {
      const ir::Expr& e = p.expr(id);
      if (e.kind == ExprKind::Assign && e.op == ir::Op::OtherAssign) additions[at(e.function)].push_back(id);
    }
    for (uint32_t i = 0; i < p.returns.size(); ++i) returns[at(p.returns[i].function)].push_back(i);
    for (uint32_t i = 0; i < p.throws.size(); ++i) throws[at(p.throws[i].function)].push_back(i);
    auto byBegin = [&](ExprId a, ExprId b) { return p.expr(a).begin < p.expr(b).begin; };
    for (auto& list : additions) std::sort(list.begin(), list.end(), byBegin);
  }
};

// The items of `list` (sorted by start) that start inside the clause.
template <typename T, typename Begin>
std::span<const T> inside(const std::vector<T>& list, const ir::Catch& c, Begin begin) {
  auto first = std::partition_point(list.begin(), list.end(), [&](const T& x) { return begin(x) < c.begin; });
  auto last = std::partition_point(first, list.end(), [&](const T& x) { return begin(x) < c.end; });
  return std::span<const T>(list.data() + (first - list.begin()), static_cast<size_t>(last - first));
}

bool recordsFailure(Analysis& analysis, const ByFunction& index, const ir::Catch& c) {
  const ir::Program& p = analysis.program();
  size_t f = static_cast<size_t>(c.function + 1);
  auto exprBegin = [&](ExprId id) { return p.expr(id).begin; };
  for (ExprId call : inside(index.calls[f], c, exprBegin)) {
    const ir::Expr& e = p.expr(call);
    if (!within(e.begin, e.end, c)) continue;
    ExprId callee = p.unwrapAwait(e.a);
    if (!p.is(callee, ExprKind::Member) || !analysis.language().addsToCollection(p.expr(callee).text)) continue;
    if (namesFailureList(p.source(p.expr(callee).a))) return true;
    for (ExprId a : p.itemsOf(e)) {
      if (carriesItemIdentifier(p, a)) return true;
    }
  }
  for (ExprId id : inside(index.additions[f], c, exprBegin)) {
    const ir::Expr& e = p.expr(id);
    if (within(e.begin, e.end, c) && carriesItemIdentifier(p, e.b)) return true;  // failures += [{...}]
  }
  // Stream handlers may return at the first failure: `return { batchItemFailures: [{ itemIdentifier }] }`.
  for (uint32_t r : inside(index.returns[f], c, [&](uint32_t i) { return p.returns[i].begin; })) {
    if (within(p.returns[r].begin, p.returns[r].end, c) && carriesItemIdentifier(p, p.returns[r].value)) return true;
  }
  return false;
}

bool isRecords(Analysis& analysis, ExprId e) {
  Value v = analysis.values().evaluate(e);
  return v.kind == Value::Kind::Event && v.text == "Records";
}

bool insideRecordLoop(Analysis& analysis, const ir::Catch& c) {
  const ir::Program& p = analysis.program();
  for (int32_t l = c.loop; l >= 0; l = p.loops[static_cast<size_t>(l)].parent) {
    const ir::Loop& loop = p.loops[static_cast<size_t>(l)];
    if (loop.function != c.function) break;
    if (loop.kind == ir::Loop::Kind::Each && isRecords(analysis, loop.items)) return true;
    if (loop.kind == ir::Loop::Kind::Counted) {
      // for (let i = 0; i < records.length; i++)
      bool counted = !visitSubtree(p, loop.condition, [&](ExprId, const ir::Expr& x) {
        return !(x.kind == ExprKind::Member && x.text == "length" && isRecords(analysis, x.a));
      });
      if (counted) return true;
    }
  }
  // The body of a callback of `event.Records.forEach(...)` is the loop body.
  if (c.function == ir::kModule) return false;
  const ir::Function& f = p.functions[static_cast<size_t>(c.function)];
  if (f.callbackOf == kNoExpr) return false;
  ExprId callee = p.unwrapAwait(p.expr(f.callbackOf).a);
  return p.is(callee, ExprKind::Member) &&
         analysis.language().elementParameter(p.expr(callee).text, f.argumentIndex).has_value() &&
         isRecords(analysis, p.expr(callee).a);
}

}  // namespace

void findCatches(Analysis& analysis) {
  const ir::Program& p = analysis.program();
  if (p.catches.empty()) return;
  ByFunction index(p);
  for (const ir::Catch& c : p.catches) {
    CatchBlock b;
    b.range = p.range(c.begin, c.end);
    b.scope = analysis.scopeOf(c.function);
    for (uint32_t t :
         inside(index.throws[static_cast<size_t>(c.function + 1)], c, [&](uint32_t i) { return p.throws[i].begin; })) {
      if (within(p.throws[t].begin, p.throws[t].end, c)) b.rethrows = true;
    }
    b.recordsFailure = recordsFailure(analysis, index, c);
    b.insideRecordLoop = insideRecordLoop(analysis, c);
    analysis.facts().catches.push_back(b);
  }
}

}  // namespace lambdalint::code::analysis
