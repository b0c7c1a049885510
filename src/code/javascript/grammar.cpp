#include "code/javascript/grammar.h"

#include <string_view>
#include <unordered_map>

#include "lambdalint_languages.h"

namespace lambdalint::code::javascript {
namespace {

Grammar makeGrammar(const TSLanguage* language) {
  static const std::unordered_map<std::string_view, Node> kNodes{
      {"program", Node::Program},
      {"statement_block", Node::Block},
      {"else_clause", Node::Container},
      {"finally_clause", Node::Container},
      {"try_statement", Node::Container},
      {"while_statement", Node::Container},
      {"do_statement", Node::Container},
      {"switch_statement", Node::Container},
      {"switch_body", Node::Container},
      {"switch_case", Node::Container},
      {"switch_default", Node::Container},
      {"labeled_statement", Node::Container},
      {"with_statement", Node::Container},
      {"lexical_declaration", Node::Container},
      {"variable_declaration", Node::Container},
      {"class_static_block", Node::Container},
      {"ambient_declaration", Node::Container},
      {"ERROR", Node::Container},
      {"comment", Node::Skipped},
      {"string_fragment", Node::Skipped},
      {"escape_sequence", Node::Skipped},
      {"regex_pattern", Node::Skipped},
      {"regex_flags", Node::Skipped},
      {"export_clause", Node::Skipped},
      {"hash_bang_line", Node::Skipped},
      {"type_annotation", Node::Skipped},
      {"type_arguments", Node::Skipped},
      {"type_parameters", Node::Skipped},
      {"interface_declaration", Node::Skipped},
      {"type_alias_declaration", Node::Skipped},
      {"implements_clause", Node::Skipped},
      {"opting_type_annotation", Node::Skipped},
      {"omitting_type_annotation", Node::Skipped},
      {"adding_type_annotation", Node::Skipped},
      {"asserts_annotation", Node::Skipped},
      {"type_predicate_annotation", Node::Skipped},
      {"identifier", Node::Identifier},
      {"property_identifier", Node::PropertyIdentifier},
      {"private_property_identifier", Node::PropertyIdentifier},
      {"shorthand_property_identifier", Node::ShorthandProperty},
      {"this", Node::This},
      {"null", Node::Null},
      {"undefined", Node::Null},
      {"string", Node::String},
      {"template_string", Node::Template},
      {"template_substitution", Node::TemplateSubstitution},
      {"member_expression", Node::Member},
      {"subscript_expression", Node::Subscript},
      {"call_expression", Node::Call},
      {"new_expression", Node::New},
      {"arguments", Node::Arguments},
      {"function_expression", Node::Function},
      {"function", Node::Function},
      {"generator_function", Node::Function},
      {"arrow_function", Node::Function},
      {"function_declaration", Node::FunctionDeclaration},
      {"generator_function_declaration", Node::FunctionDeclaration},
      {"method_definition", Node::Method},
      {"class", Node::Class},
      {"class_declaration", Node::ClassDeclaration},
      {"abstract_class_declaration", Node::ClassDeclaration},
      {"class_body", Node::ClassBody},
      {"field_definition", Node::Field},
      {"public_field_definition", Node::Field},
      {"object", Node::Object},
      {"pair", Node::Pair},
      {"computed_property_name", Node::ComputedKey},
      {"spread_element", Node::Spread},
      {"array", Node::Array},
      {"parenthesized_expression", Node::Transparent},
      {"as_expression", Node::Transparent},
      {"satisfies_expression", Node::Transparent},
      {"non_null_expression", Node::Transparent},
      {"instantiation_expression", Node::Transparent},
      {"type_assertion", Node::TypeAssertion},
      {"await_expression", Node::Await},
      {"yield_expression", Node::Yield},
      {"binary_expression", Node::Binary},
      {"unary_expression", Node::Unary},
      {"ternary_expression", Node::Ternary},
      {"sequence_expression", Node::Sequence},
      {"assignment_expression", Node::Assign},
      {"augmented_assignment_expression", Node::AugmentedAssign},
      {"object_pattern", Node::ObjectPattern},
      {"array_pattern", Node::ArrayPattern},
      {"pair_pattern", Node::PairPattern},
      {"assignment_pattern", Node::AssignmentPattern},
      {"object_assignment_pattern", Node::AssignmentPattern},
      {"rest_pattern", Node::RestPattern},
      {"shorthand_property_identifier_pattern", Node::ShorthandPattern},
      {"import", Node::ImportKeyword},
      {"variable_declarator", Node::Declarator},
      {"expression_statement", Node::ExpressionStatement},
      {"return_statement", Node::Return},
      {"throw_statement", Node::Throw},
      {"if_statement", Node::If},
      {"for_in_statement", Node::ForIn},
      {"for_statement", Node::For},
      {"catch_clause", Node::Catch},
      {"import_statement", Node::ImportStatement},
      {"import_clause", Node::ImportClause},
      {"named_imports", Node::NamedImports},
      {"import_specifier", Node::ImportSpecifier},
      {"namespace_import", Node::NamespaceImport},
      {"import_require_clause", Node::ImportRequire},
      {"export_statement", Node::ExportStatement},
      {"export_clause", Node::ExportClause},
      {"export_specifier", Node::ExportSpecifier},
      {"formal_parameters", Node::Parameters},
      {"required_parameter", Node::Parameter},
      {"optional_parameter", Node::Parameter},
  };
  static const std::unordered_map<std::string_view, Field> kFields{
      {"alias", Field::Alias},
      {"alternative", Field::Alternative},
      {"arguments", Field::Arguments},
      {"body", Field::Body},
      {"condition", Field::Condition},
      {"consequence", Field::Consequence},
      {"constructor", Field::Constructor},
      {"declaration", Field::Declaration},
      {"function", Field::Function},
      {"index", Field::Index},
      {"key", Field::Key},
      {"left", Field::Left},
      {"name", Field::Name},
      {"object", Field::Object},
      {"operator", Field::Operator},
      {"parameter", Field::Parameter},
      {"parameters", Field::Parameters},
      {"pattern", Field::Pattern},
      {"property", Field::Property},
      {"right", Field::Right},
      {"source", Field::Source},
      {"value", Field::Value},
  };
  Grammar g;
  g.language = language;
  uint32_t count = ts_language_symbol_count(language);
  g.nodes.assign(count, Node::Other);
  for (uint32_t i = 0; i < count; ++i) {
    auto s = static_cast<TSSymbol>(i);
    const char* name = ts_language_symbol_name(language, s);
    if (name == nullptr || ts_language_symbol_type(language, s) != TSSymbolTypeRegular) continue;
    auto it = kNodes.find(name);
    if (it != kNodes.end()) g.nodes[i] = it->second;
  }
  uint32_t fields = ts_language_field_count(language);
  g.fields.assign(fields + 1, Field::None);
  for (uint32_t i = 1; i <= fields; ++i) {
    const char* name = ts_language_field_name_for_id(language, static_cast<TSFieldId>(i));
    if (name == nullptr) continue;
    auto it = kFields.find(name);
    if (it != kFields.end()) g.fields[i] = it->second;
  }
  return g;
}

}  // namespace

const Grammar& grammarFor(Language language) {
  switch (language) {
    case Language::TypeScript: {
      static const Grammar g = makeGrammar(tree_sitter_typescript());
      return g;
    }
    case Language::Tsx: {
      static const Grammar g = makeGrammar(tree_sitter_tsx());
      return g;
    }
    default: {
      static const Grammar g = makeGrammar(tree_sitter_javascript());
      return g;
    }
  }
}

}  // namespace lambdalint::code::javascript
