#pragma once
// The JavaScript, TypeScript and TSX grammars as the lowering reads them:
// node kinds by symbol and field ids by name, looked up once per grammar
// (comparing type names or calling ts_node_child_by_field_name per node
// would cost a string comparison per grammar field each time).
#include <tree_sitter/api.h>

#include <array>
#include <cstdint>
#include <vector>

#include "code/code_facts.h"
#include "code/tree_sitter/node.h"

namespace lambdalint::code::javascript {

enum class Node : uint8_t {
  Other,
  Container,  // statements and blocks: their expressions stand alone
  Skipped,    // types and comments: nothing to read inside
  Identifier,
  PropertyIdentifier,
  ShorthandProperty,
  This,
  Null,
  String,
  Template,
  TemplateSubstitution,
  Member,
  Subscript,
  Call,
  New,
  Arguments,
  Function,  // function / generator expressions and arrows
  FunctionDeclaration,
  Method,
  Class,
  ClassDeclaration,
  ClassBody,
  Field,
  Object,
  Pair,
  ComputedKey,
  Spread,
  Array,
  Transparent,  // (a), a as T, a!, a satisfies T
  TypeAssertion,
  Await,
  Yield,
  Binary,
  Unary,
  Ternary,
  Sequence,
  Assign,
  AugmentedAssign,
  ObjectPattern,
  ArrayPattern,
  PairPattern,
  AssignmentPattern,  // `x = default` in a pattern or parameter
  RestPattern,
  ShorthandPattern,
  ImportKeyword,  // `import` as the callee of import('m')
  Declarator,
  ExpressionStatement,
  Return,
  Throw,
  If,
  Block,
  ForIn,
  For,
  Catch,
  ImportStatement,
  ImportClause,
  NamedImports,
  ImportSpecifier,
  NamespaceImport,
  ImportRequire,
  ExportStatement,
  ExportClause,
  ExportSpecifier,
  Parameters,
  Parameter,  // TypeScript required / optional parameter
  Program,
};

enum class Field : uint8_t {
  None,
  Alias,
  Alternative,
  Arguments,
  Body,
  Condition,
  Consequence,
  Constructor,
  Declaration,
  Function,
  Index,
  Key,
  Left,
  Name,
  Object,
  Operator,
  Parameter,
  Parameters,
  Pattern,
  Property,
  Right,
  Source,
  Value,
  Count
};

struct Grammar {
  const TSLanguage* language = nullptr;
  std::vector<Node> nodes;    // by symbol
  std::vector<Field> fields;  // by field id

  Node node(TSNode n) const {
    if (isError(n)) return Node::Container;
    TSSymbol s = symbol(n);
    return s < nodes.size() ? nodes[s] : Node::Other;
  }
  Field field(TSFieldId id) const { return id < fields.size() ? fields[id] : Field::None; }
};

const Grammar& grammarFor(Language language);

}  // namespace lambdalint::code::javascript
