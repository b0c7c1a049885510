#include "code/tree_sitter/syntax_tree.h"

#include <stdexcept>

#include "util/embedded.h"

namespace lambdalint::code {
namespace {

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

// Quoted source in a message: binary input must not put control bytes or
// invalid UTF-8 into text, JSON or SARIF output.
std::string printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  return out;
}

}  // namespace

SyntaxTree::SyntaxTree(const SourceFile& file, const TSLanguage* language) : file_(file) {
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), language)) {
    throw std::runtime_error("tree-sitter grammar ABI does not match the core library");
  }
  auto text = file.text();
  tree_.reset(ts_parser_parse_string(parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size())));
}

std::string_view SyntaxTree::text(TSNode node) const {
  auto all = file_.text();
  uint32_t begin = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  if (begin > all.size() || end > all.size() || end < begin) return {};
  return all.substr(begin, end - begin);
}

Range SyntaxTree::range(TSNode node) const {
  return {file_.positionAt(ts_node_start_byte(node)), file_.positionAt(ts_node_end_byte(node))};
}

std::vector<ParseProblem> SyntaxTree::syntaxErrors(size_t limit) const {
  std::vector<ParseProblem> out;
  TSNode r = root();
  if (!ts_node_has_error(r)) return out;
  std::vector<TSNode> stack{r};
  while (!stack.empty() && out.size() < limit) {
    TSNode n = stack.back();
    stack.pop_back();
    if (ts_node_is_error(n) || ts_node_is_missing(n)) {
      std::string message = ts_node_is_missing(n)
                                ? "syntax error: missing " + std::string(ts_node_type(n))
                                : "syntax error: unexpected '" + printable(text(n).substr(0, 40)) + "'";
      out.push_back({ProblemKind::Syntax, range(n), std::move(message)});
      continue;
    }
    if (!ts_node_has_error(n)) continue;
    // Children in reverse so errors come out in source order.
    for (uint32_t i = ts_node_child_count(n); i-- > 0;) stack.push_back(ts_node_child(n, i));
  }
  return out;
}

QueryPtr compileQuery(const TSLanguage* language, std::string_view stem) {
  std::string_view source = embeddedQuery(stem);
  if (source.empty()) throw std::runtime_error("no embedded query " + std::string(stem));
  uint32_t errorOffset = 0;
  TSQueryError error = TSQueryErrorNone;
  QueryPtr q(ts_query_new(language, source.data(), static_cast<uint32_t>(source.size()), &errorOffset, &error));
  if (!q) {
    throw std::runtime_error("query " + std::string(stem) + ".scm does not compile at offset " +
                             std::to_string(errorOffset) + " (error " + std::to_string(error) + ")");
  }
  return q;
}

TSNode field(TSNode node, std::string_view name) {
  return ts_node_child_by_field_name(node, name.data(), static_cast<uint32_t>(name.size()));
}

bool isNull(TSNode node) { return ts_node_is_null(node); }

std::string_view type(TSNode node) { return ts_node_is_null(node) ? std::string_view() : ts_node_type(node); }

}  // namespace lambdalint::code
