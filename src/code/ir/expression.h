#pragma once
// Expressions of the code-analysis IR: what a handler file computes, as far as
// the analyses look into it. Each language lowers its syntax tree into these
// (code/javascript/lower_*.cpp, code/python/lower_*.cpp); the analyses in
// code/analysis/ read nothing else. Expressions live in one array of the
// Program and refer to each other by index, so nothing in the IR owns a tree
// and no analysis needs recursion to walk one.
#include <cstdint>
#include <string_view>

namespace lambdalint::code::ir {

using ExprId = uint32_t;
inline constexpr ExprId kNoExpr = UINT32_MAX;
using FunctionId = int32_t;
inline constexpr FunctionId kModule = -1;  // code at the top level of the file (or in a class body there)

enum class ExprKind : uint8_t {
  Opaque,       // not modelled (numbers, arithmetic, comprehensions, JSX): only its items are
  String,       // a string whose text is known: `text` ('x', "x", `x`, 'a' 'b')
  Null,         // null, undefined, None
  Name,         // an identifier: `text`
  This,         // JavaScript `this`
  Member,       // a.text (property access by name)
  Index,        // a[b]
  Call,         // a(items...)
  New,          // new a(items...)
  Function,     // a function, method, arrow or lambda: `ref` is its FunctionId
  Class,        // a class: `ref` is its class index
  Object,       // an object or dict literal: items are Property and Spread
  Property,     // `text: a` in an Object (`b`: the computed key expression of `[b]: a`)
  Array,        // an array, list, tuple or set literal: items
  Keyword,      // a keyword argument `text=a`
  Spread,       // ...a, *a, **a (op)
  Group,        // (a), a as T, a!, <T>a, a satisfies T: the same value as a
  Await,        // await a
  Yield,        // yield a
  Logical,      // a || b, a ?? b, a or b, a && b, a and b (op)
  Conditional,  // a ? b : c, b if a else c
  Assign,       // a = b, a ??= b, a += b, a := b (op)
  Unary,        // !a, not a, void a, typeof a, -a (op)
  Binary,       // a - b and the other binary operators (op)
  Sequence,     // a, b (items)
  Template,     // a string with substitutions: items
  Slice,        // Python a[b:c]'s `b:c`
};

enum class Op : uint8_t {
  None,
  Or,             // || or
  Nullish,        // ??
  And,            // && and
  Assign,         // =, :=
  OrAssign,       // ||=
  NullishAssign,  // ??=
  OtherAssign,    // +=, -=, &&=, ...
  Minus,          // binary -
  Void,           // void
  Star,           // *a
  DoubleStar,     // **a
  Other,
};

// Where an expression sits: an operand of its parent expression, or the
// top of a statement (for which the statement is named).
enum class Slot : uint8_t {
  A,             // parent's `a`
  B,             // parent's `b`
  C,             // parent's `c`
  Item,          // one of the parent's items
  Statement,     // an expression statement: its value is dropped
  Return,        // return / yield-less arrow result
  Throw,         // throw / raise
  BindingValue,  // initializer of a declaration, right side of a binding (owner: the target)
  Target,        // a declaration, loop or parameter target
  LoopIterable,  // for (... of a), for x in a
  Condition,     // if / while condition, for (;a;)
  FunctionBody,  // the expression body of an arrow function or lambda
  Deleted,       // del a
  Other,
};

struct Expr {
  ExprKind kind = ExprKind::Opaque;
  Op op = Op::None;
  Slot slot = Slot::Other;
  bool target = false;            // written, not read: an assignment target, a pattern, `del a[k]`
  FunctionId function = kModule;  // the innermost function the expression is written in
  ExprId parent = kNoExpr;        // the enclosing expression, or kNoExpr at the top of a statement
  ExprId owner = kNoExpr;         // for a BindingValue: the target it is bound to
  ExprId a = kNoExpr;
  ExprId b = kNoExpr;
  ExprId c = kNoExpr;
  uint32_t itemsBegin = 0;  // into Program::items
  uint32_t itemsCount = 0;
  int32_t ref = -1;    // Function: FunctionId; Class: class index
  uint32_t begin = 0;  // source bytes
  uint32_t end = 0;
  std::string_view text;  // see ExprKind; a view into the source or into Program::strings
};

}  // namespace lambdalint::code::ir
