#pragma once
// Functions and classes of the IR. A function knows where it is written
// (lexical parent, class) and the names a call can reach it by; what it
// binds and returns are Binding and Return records of the Program.
#include <cstdint>
#include <string_view>
#include <vector>

#include "code/ir/expression.h"

namespace lambdalint::code::ir {

struct Function {
  ExprId expr = kNoExpr;        // its Function expression
  FunctionId parent = kModule;  // the function it is written in
  int32_t classId = -1;         // a method (or field initializer) written directly in this class
  uint32_t begin = 0;           // the whole definition
  uint32_t end = 0;
  uint32_t nameBegin = 0;  // its declared name, when it has one
  uint32_t nameEnd = 0;
  std::vector<std::string_view> params;  // parameter names in order ("" for a pattern or a rest parameter)
  ExprId expressionBody = kNoExpr;       // `x => x.y`, `lambda: y`: the body is the returned value
  // Python methods take the receiver as their first parameter; `self` is an instance of the class, `cls` the
  // class itself.
  bool receiverParam = false;
  enum class Receiver : uint8_t { None, Instance, Class } receiver = Receiver::None;
  bool isAsync = false;
  bool invokedInPlace = false;  // `(() => { ... })()`: runs where it is written
  bool memoized = false;        // `@lru_cache` and friends: its result is built once
  ExprId callbackOf = kNoExpr;  // the call it is written as an argument of (`records.map(async (r) => ...)`)
  uint32_t argumentIndex = 0;   // its position among that call's arguments
  // Names calls reach it by: `name()` for plain names, `x.name()` for method names.
  std::vector<std::string_view> plainNames;
  std::vector<std::string_view> methodNames;
  // Python `global x` / `nonlocal x`: names this function binds in the module / an enclosing function.
  std::vector<std::string_view> globalNames;
  std::vector<std::string_view> nonlocalNames;
};

struct Class {
  ExprId expr = kNoExpr;
  FunctionId function = kModule;     // where the class is written
  FunctionId constructor = kModule;  // `constructor(...)`, `__init__`: what calling the class runs
  std::string_view name;
  uint32_t begin = 0;
  uint32_t end = 0;
};

}  // namespace lambdalint::code::ir
