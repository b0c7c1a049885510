#pragma once
// A parsed YAML or JSON file: its node tree and the problems found while
// reading it. Problems are values with positions; parsing never throws.
#include <string>
#include <vector>

#include "base/source_file.h"
#include "template/node.h"

namespace lambdalint {

enum class ProblemKind {
  Syntax,        // not valid YAML/JSON, bad encoding, too deep, too large, unreadable
  Alias,         // YAML anchor/alias: CloudFormation rejects them
  DuplicateKey,  // the same key twice in one mapping
  Internal,      // lambdalint itself failed on the file (crash, time-out, memory): a bug to report
};

struct ParseProblem {
  ProblemKind kind;
  Range range;
  std::string message;
};

struct Document {
  SourceFilePtr file;
  Node root;
  std::vector<ParseProblem> problems;
  bool complete = true;  // false when a syntax error cut the tree short
};

struct ParseLimits {
  size_t maxDepth = 256;  // real templates nest < 30 levels
};

Document parseYaml(SourceFilePtr file, const ParseLimits& limits = {});
Document parseJson(SourceFilePtr file, const ParseLimits& limits = {});
// JSON if the first non-blank byte is `{` or `[`, YAML otherwise (YAML is a
// superset, but JSON needs the stricter parser: see STACK.md).
Document parseDocument(SourceFilePtr file, const ParseLimits& limits = {});

}  // namespace lambdalint
