#pragma once
// The statements the analyses need, as records of the Program: loops and
// catch clauses (record loops, swallowed errors), `if` statements (lazy
// initialisation guards), returns and throws, imports and exports.
#include <cstdint>
#include <string>
#include <string_view>

#include "code/ir/expression.h"

namespace lambdalint::code::ir {

struct Loop {
  enum class Kind : uint8_t {
    Each,     // for (x of items), for x in items: `items`
    Counted,  // for (...; condition; ...): `condition`
  };
  Kind kind = Kind::Each;
  FunctionId function = kModule;
  int32_t parent = -1;  // the enclosing loop (in any function)
  ExprId items = kNoExpr;
  ExprId condition = kNoExpr;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A catch / except clause.
struct Catch {
  FunctionId function = kModule;
  int32_t loop = -1;  // the innermost loop around the try
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct IfStatement {
  FunctionId function = kModule;
  ExprId condition = kNoExpr;
  uint32_t begin = 0;  // the whole statement
  uint32_t end = 0;
  uint32_t consequenceBegin = 0;  // the branch taken when the condition holds
  uint32_t consequenceEnd = 0;
  uint32_t blockBegin = 0;  // the block the statement is written in
  uint32_t blockEnd = 0;
};

struct Return {
  FunctionId function = kModule;
  ExprId value = kNoExpr;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Throw {
  FunctionId function = kModule;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A module the file loads (for CodeFacts::imports).
struct Import {
  std::string module;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A name the module exports (JavaScript `export`, `exports.x = `; every top-level binding in Python).
struct Export {
  std::string_view name;
  ExprId value = kNoExpr;  // what the name is bound to
  uint32_t nameBegin = 0;
  uint32_t nameEnd = 0;
  uint32_t at = 0;        // where the exporting statement starts: the last export of a name wins
  bool reexport = false;  // bound in another module (`export { x } from './y'`, Python `from y import x`)
};

}  // namespace lambdalint::code::ir
