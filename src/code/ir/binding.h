#pragma once
// A binding: a place where a name (or an attribute of a class or object)
// gets a value. Declarations, assignments, imports, parameters, loop
// variables, `with ... as`, destructuring: each lowering decides which of its
// constructs bind, and in which namespace, so that lookup and evaluation
// (analysis/bindings.h, analysis/evaluator.h) follow one set of rules.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "code/ir/expression.h"

namespace lambdalint::code::ir {

struct Binding {
  enum class Kind : uint8_t {
    Value,     // `value` (kNoExpr: declared without one, `let x;`)
    Import,    // the module `module`, member path `members`
    LoopItem,  // an element of the iterable `value`
    Param,     // parameter `index` of `function`
    Opaque,    // bound to something no analysis follows (catch parameter, tuple element of a call)
  };
  // The namespace the binding lands in.
  enum class Target : uint8_t {
    Name,            // a variable of `scope` (a function, or kModule)
    ClassAttribute,  // attribute `name` of class `classId` (`self.x = ...`, `this.x = ...`, a method)
    Property,        // property `name` of the variable `root` of `scope` (`clients.s3 = ...`)
  };
  Kind kind = Kind::Opaque;
  Target target = Target::Name;
  // A declaration (JavaScript `let`/`const`/`var`/`function`/`class`/`import`) names the variable's value; an
  // assignment only matters where no declaration gives one. Python has assignments only.
  bool declaration = false;
  bool hasDefault = false;        // destructuring with a default: `const { A = 'a' } = process.env`
  FunctionId scope = kModule;     // Name / Property: the function whose variable it is
  int32_t classId = -1;           // ClassAttribute
  FunctionId function = kModule;  // where the binding is written (for Param: the function of the parameter)
  std::string_view name;          // the variable, attribute or property bound
  std::string_view root;          // Property: the variable the property is set on
  std::string_view property;      // destructuring: the key read from the value (`const { P: name } = value`)
  ExprId value = kNoExpr;         // Value: the value; LoopItem: the iterable
  ExprId targetExpr = kNoExpr;    // the target as written, for positions and text
  uint32_t index = 0;             // Param: position
  std::string module;             // Import
  std::vector<std::string> members;
  uint32_t begin = 0;  // the binding as written (a destructuring element, a target)
  uint32_t end = 0;
};

}  // namespace lambdalint::code::ir
