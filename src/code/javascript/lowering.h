#pragma once
// JavaScript / TypeScript / TSX syntax tree → code-analysis IR. One
// postorder walk (tree_sitter/postorder_walk.h) builds every expression from
// its lowered children; functions, classes and loops are opened on the way
// down so that what is inside knows where it is. Split by concern:
//   lower_walk.cpp         dispatch, the context stacks, what statements leave behind
//   lower_expressions.cpp  expressions and patterns
//   lower_functions.cpp    functions, parameters, classes and the names calls reach them by
//   lower_bindings.cpp     declarations, assignments, destructuring; where an assignment binds
//   lower_modules.cpp      imports, exports, require()
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "code/ir/program.h"
#include "code/javascript/grammar.h"
#include "code/tree_sitter/postorder_walk.h"

namespace lambdalint::code::javascript {

class Lowering {
 public:
  Lowering(ir::Program& program, const Grammar& grammar) : p_(program), grammar_(grammar) {}

  // Lowers the tree; the Program is complete afterwards.
  void lower(TSNode root);

  // postorder_walk.h callbacks
  bool enter(TSNode node);
  uint32_t leave(TSNode node, std::span<const LoweredChild> children);

 private:
  using Children = std::span<const LoweredChild>;
  struct Context {
    bool classBody;  // a class body, else a function
    int32_t id;      // FunctionId or class index
  };

  // lower_walk.cpp
  ir::FunctionId currentFunction() const { return functions_.empty() ? ir::kModule : functions_.back(); }
  int32_t classOfBody() const { return !contexts_.empty() && contexts_.back().classBody ? contexts_.back().id : -1; }
  uint32_t leaveStatement(TSNode node, Node kind, Children children);
  // The first child with `field` that the lowering made an expression of, or kNoExpr.
  ir::ExprId operand(Children children, Field field) const;
  TSNode operandNode(Children children, Field field) const;
  std::string_view text(TSNode node) const;

  // lower_expressions.cpp
  ir::ExprId add(ir::ExprKind kind, TSNode node, std::string_view text = {});
  void attach(ir::ExprId parent, ir::ExprId child, ir::Slot slot);
  void setItems(ir::ExprId parent, const std::vector<ir::ExprId>& items);
  std::vector<ir::ExprId> exprs(Children children, Field field = Field::Count) const;
  uint32_t leaveExpression(TSNode node, Node kind, Children children);
  ir::ExprId leaveCall(TSNode node, Node kind, Children children);
  ir::ExprId leaveObject(TSNode node, Children children, bool pattern);
  ir::ExprId leavePair(TSNode node, Children children, bool pattern);
  ir::ExprId property(TSNode node, std::string_view key, ir::ExprId value, ir::ExprId keyExpr, bool computed);
  ir::ExprId leaveBinary(TSNode node, Children children);
  static std::string_view stringContent(std::string_view quoted);

  // lower_functions.cpp
  void enterFunction(TSNode node, Node kind);
  ir::ExprId leaveFunction(TSNode node, Node kind, Children children);
  void bindParameters(ir::FunctionId f, const std::vector<ir::ExprId>& params);
  void enterClass(TSNode node);
  ir::ExprId leaveClass(TSNode node, Node kind, Children children);
  void leaveField(TSNode node, Children children);
  void nameFunction(ir::ExprId value, std::string_view name, bool method);
  void noteCallArguments(ir::ExprId call);
  int32_t classOfThis(ir::FunctionId from) const;

  // lower_bindings.cpp
  void leaveDeclarator(TSNode node, Children children);
  void bindPattern(ir::ExprId pattern, const ir::Binding& like, bool declaration);
  void bindAssignment(ir::ExprId assign);
  void resolveAssignmentScopes();

  // lower_modules.cpp
  void leaveImport(TSNode node);
  void leaveExport(TSNode node, Children children);
  void noteExportAssignment(ir::ExprId assign);
  void noteRequire(ir::ExprId call);
  void exportObject(ir::ExprId object, uint32_t at);
  static bool hasToken(TSNode node, std::string_view token, uint32_t within);

  ir::Program& p_;
  const Grammar& grammar_;
  std::vector<ir::FunctionId> functions_;  // open functions
  std::vector<Context> contexts_;          // open functions and class bodies, innermost last
  std::vector<int32_t> classes_;           // open classes
  std::vector<int32_t> loops_;             // open loops
  std::vector<TSNode> path_;               // open nodes
  struct Declarator {
    uint32_t begin;
    uint32_t end;
    ir::ExprId name;
    ir::ExprId value;
  };
  std::vector<Declarator> declarators_;  // module-level declarators, for `export const ...`
};

}  // namespace lambdalint::code::javascript
