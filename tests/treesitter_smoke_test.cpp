// Smoke test for the vendored tree-sitter runtime and grammars
// (vendor/tree-sitter, CMake target `lambdalint_treesitter`).
//
// Checks, for each language: the grammar's ABI is accepted by the runtime,
// a small handler snippet parses without errors, and a known node type sits at
// a known position. Also checks that error recovery yields a tree with ERROR /
// MISSING nodes for broken input. Link with GTest::gtest_main.

#include <gtest/gtest.h>
#include <tree_sitter/api.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "lambdalint_languages.h"

namespace {

struct ParserDeleter {
  void operator()(TSParser *p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree *t) const { ts_tree_delete(t); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

struct Parsed {
  ParserPtr parser;
  TreePtr tree;
  std::string source;  // the tree refers to byte offsets in this text
  TSNode root() const { return ts_tree_root_node(tree.get()); }
};

Parsed parse(const TSLanguage *language, std::string source) {
  Parsed out;
  out.source = std::move(source);
  out.parser.reset(ts_parser_new());
  EXPECT_NE(out.parser, nullptr);
  EXPECT_TRUE(ts_parser_set_language(out.parser.get(), language));
  out.tree.reset(
      ts_parser_parse_string(out.parser.get(), nullptr, out.source.data(), static_cast<uint32_t>(out.source.size())));
  EXPECT_NE(out.tree, nullptr);
  return out;
}

std::string type_of(TSNode node) { return ts_node_is_null(node) ? "<null>" : ts_node_type(node); }

std::string text_of(const Parsed &p, TSNode node) {
  const uint32_t start = ts_node_start_byte(node);
  const uint32_t end = ts_node_end_byte(node);
  return p.source.substr(start, end - start);
}

// Smallest named node covering the single point (row, column), both 0-based.
TSNode named_node_at(const Parsed &p, uint32_t row, uint32_t column) {
  const TSPoint point{row, column};
  return ts_node_named_descendant_for_point_range(p.root(), point, point);
}

// Walks up from `node` to the first ancestor (or itself) of the given type.
TSNode ancestor_of_type(TSNode node, const char *type) {
  while (!ts_node_is_null(node)) {
    if (std::strcmp(ts_node_type(node), type) == 0) return node;
    node = ts_node_parent(node);
  }
  return node;
}

// Depth-first search for a node (itself included) matching `pred`, e.g.
// ts_node_is_error (ERROR nodes) or ts_node_is_missing (MISSING nodes).
bool contains_node(TSNode node, bool (*pred)(TSNode)) {
  if (pred(node)) return true;
  const uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    if (contains_node(ts_node_child(node, i), pred)) return true;
  }
  return false;
}

struct LanguageCase {
  const char *name;
  const TSLanguage *(*fn)(void);
};

const LanguageCase kLanguages[] = {
    {"javascript", tree_sitter_javascript},
    {"typescript", tree_sitter_typescript},
    {"tsx", tree_sitter_tsx},
    {"python", tree_sitter_python},
};

}  // namespace

TEST(TreeSitterSmoke, EveryGrammarHasAnAbiTheRuntimeAccepts) {
  for (const auto &lang : kLanguages) {
    SCOPED_TRACE(lang.name);
    const TSLanguage *language = lang.fn();
    ASSERT_NE(language, nullptr);
    const uint32_t abi = ts_language_abi_version(language);
    EXPECT_GE(abi, static_cast<uint32_t>(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION));
    EXPECT_LE(abi, static_cast<uint32_t>(TREE_SITTER_LANGUAGE_VERSION));
    EXPECT_GT(ts_language_symbol_count(language), 0u);

    ParserPtr parser(ts_parser_new());
    ASSERT_NE(parser, nullptr);
    EXPECT_TRUE(ts_parser_set_language(parser.get(), language));
    EXPECT_EQ(ts_parser_language(parser.get()), language);
  }
}

TEST(TreeSitterSmoke, JavaScriptHandler) {
  //                     0         1         2         3
  //                     0123456789012345678901234567890123456789
  const char *source = "exports.handler = async (event) => { return 1; }\n";
  Parsed p = parse(tree_sitter_javascript(), source);
  ASSERT_NE(p.tree, nullptr);
  TSNode root = p.root();
  EXPECT_EQ(type_of(root), "program");
  EXPECT_FALSE(ts_node_has_error(root)) << ts_node_string(root);

  // `async (event) => {...}` starts at column 18 and is the assignment's right side.
  TSNode assignment = ts_node_named_child(ts_node_named_child(root, 0), 0);
  EXPECT_EQ(type_of(assignment), "assignment_expression");
  TSNode left = ts_node_child_by_field_name(assignment, "left", 4);
  EXPECT_EQ(type_of(left), "member_expression");
  EXPECT_EQ(text_of(p, left), "exports.handler");
  TSNode right = ts_node_child_by_field_name(assignment, "right", 5);
  EXPECT_EQ(type_of(right), "arrow_function");
  EXPECT_EQ(ts_node_start_point(right).row, 0u);
  EXPECT_EQ(ts_node_start_point(right).column, 18u);

  // The `1` at column 44 is a number inside a return statement.
  TSNode one = named_node_at(p, 0, 44);
  EXPECT_EQ(type_of(one), "number");
  EXPECT_EQ(type_of(ts_node_parent(one)), "return_statement");
}

TEST(TreeSitterSmoke, TypeScriptHandlerWithTypeAnnotation) {
  //                     0         1         2         3         4
  //                     01234567890123456789012345678901234567890123456789
  const char *source = "export const handler = async (event: APIGatewayProxyEvent): Promise<number> => 1;\n";
  Parsed p = parse(tree_sitter_typescript(), source);
  ASSERT_NE(p.tree, nullptr);
  TSNode root = p.root();
  EXPECT_EQ(type_of(root), "program");
  EXPECT_FALSE(ts_node_has_error(root)) << ts_node_string(root);

  // `APIGatewayProxyEvent` (column 37) is a type identifier in the parameter's
  // type annotation.
  TSNode type_id = named_node_at(p, 0, 37);
  EXPECT_EQ(type_of(type_id), "type_identifier");
  EXPECT_EQ(text_of(p, type_id), "APIGatewayProxyEvent");
  TSNode annotation = ts_node_parent(type_id);
  EXPECT_EQ(type_of(annotation), "type_annotation");
  EXPECT_EQ(type_of(ts_node_parent(annotation)), "required_parameter");
  EXPECT_EQ(type_of(ancestor_of_type(type_id, "arrow_function")), "arrow_function");
  EXPECT_EQ(type_of(ancestor_of_type(type_id, "export_statement")), "export_statement");
}

TEST(TreeSitterSmoke, TsxHandlerWithJsx) {
  //                     0         1         2         3
  //                     0123456789012345678901234567890123456789
  const char *source = "const el = (name: string) => <div className=\"x\">{name}</div>;\n";
  Parsed p = parse(tree_sitter_tsx(), source);
  ASSERT_NE(p.tree, nullptr);
  TSNode root = p.root();
  EXPECT_EQ(type_of(root), "program");
  EXPECT_FALSE(ts_node_has_error(root)) << ts_node_string(root);

  // `<div ...>` starts at column 29: a jsx_element whose opening tag is `div`.
  TSNode element = ancestor_of_type(named_node_at(p, 0, 30), "jsx_element");
  ASSERT_FALSE(ts_node_is_null(element));
  EXPECT_EQ(ts_node_start_point(element).column, 29u);
  TSNode open = ts_node_child_by_field_name(element, "open_tag", 8);
  EXPECT_EQ(type_of(open), "jsx_opening_element");
  EXPECT_EQ(text_of(p, ts_node_child_by_field_name(open, "name", 4)), "div");
  // The type annotation still works in the TSX grammar.
  EXPECT_EQ(type_of(named_node_at(p, 0, 18)), "predefined_type");

  // The same JSX is not valid in the plain TypeScript grammar: checks that the
  // two grammars are not swapped.
  Parsed plain = parse(tree_sitter_typescript(), source);
  ASSERT_NE(plain.tree, nullptr);
  EXPECT_TRUE(ts_node_has_error(plain.root()));
}

TEST(TreeSitterSmoke, PythonHandler) {
  //                     0         1         2         3
  //                     0123456789012345678901234567890123456789
  const char *source = "def handler(event, context): return 1\n";
  Parsed p = parse(tree_sitter_python(), source);
  ASSERT_NE(p.tree, nullptr);
  TSNode root = p.root();
  EXPECT_EQ(type_of(root), "module");
  EXPECT_FALSE(ts_node_has_error(root)) << ts_node_string(root);

  TSNode function = ts_node_named_child(root, 0);
  EXPECT_EQ(type_of(function), "function_definition");
  TSNode name = ts_node_child_by_field_name(function, "name", 4);
  EXPECT_EQ(type_of(name), "identifier");
  EXPECT_EQ(text_of(p, name), "handler");
  EXPECT_EQ(ts_node_start_point(name).column, 4u);
  TSNode params = ts_node_child_by_field_name(function, "parameters", 10);
  EXPECT_EQ(type_of(params), "parameters");
  EXPECT_EQ(ts_node_named_child_count(params), 2u);
  // `context` at column 19.
  TSNode context = named_node_at(p, 0, 19);
  EXPECT_EQ(text_of(p, context), "context");
  EXPECT_EQ(type_of(ts_node_parent(context)), "parameters");
}

TEST(TreeSitterSmoke, BrokenInputRecoversWithAnErrorNode) {
  // A stray token: recovery wraps it in an ERROR node and keeps the rest.
  const char *source = "const a = 1;\nconst b = ;\nexports.handler = async (event) => 1;\n";
  Parsed p = parse(tree_sitter_javascript(), source);
  ASSERT_NE(p.tree, nullptr);
  TSNode root = p.root();
  EXPECT_EQ(type_of(root), "program");
  EXPECT_EQ(ts_node_end_byte(root), static_cast<uint32_t>(std::strlen(source)));
  EXPECT_TRUE(ts_node_has_error(root));
  EXPECT_TRUE(contains_node(root, ts_node_is_error)) << ts_node_string(root);
  // The valid first statement is intact and error-free.
  TSNode first = ts_node_named_child(root, 0);
  EXPECT_EQ(type_of(first), "lexical_declaration");
  EXPECT_FALSE(ts_node_has_error(first));

  // A missing closing brace: recovery inserts a MISSING "}" node and the
  // handler's arrow function is still recognised.
  Parsed unclosed = parse(tree_sitter_javascript(), "exports.handler = async (event) => { return 1;\n");
  ASSERT_NE(unclosed.tree, nullptr);
  EXPECT_EQ(type_of(unclosed.root()), "program");
  EXPECT_TRUE(ts_node_has_error(unclosed.root()));
  EXPECT_TRUE(contains_node(unclosed.root(), ts_node_is_missing)) << ts_node_string(unclosed.root());
  EXPECT_EQ(type_of(named_node_at(unclosed, 0, 18)), "arrow_function");

  // Python: an unclosed parameter list.
  Parsed py = parse(tree_sitter_python(), "import os\ndef handler(event, context:\n    return 1\n");
  ASSERT_NE(py.tree, nullptr);
  EXPECT_EQ(type_of(py.root()), "module");
  EXPECT_TRUE(ts_node_has_error(py.root()));
  EXPECT_TRUE(contains_node(py.root(), ts_node_is_error)) << ts_node_string(py.root());
}
