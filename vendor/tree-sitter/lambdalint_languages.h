// Entry points of the tree-sitter grammars vendored in vendor/tree-sitter/
// and compiled into the `lambdalint_treesitter` CMake target.
//
// Each function returns a static, immutable TSLanguage (never null, never to
// be freed) for use with ts_parser_set_language(). Usable from C and C++.
#ifndef LAMBDALINT_TREESITTER_LANGUAGES_H
#define LAMBDALINT_TREESITTER_LANGUAGES_H

#include <tree_sitter/api.h>

#ifdef __cplusplus
extern "C" {
#endif

/// JavaScript (also JSX), tree-sitter-javascript 0.25.0, ABI 15.
const TSLanguage *tree_sitter_javascript(void);
/// TypeScript without JSX (.ts), tree-sitter-typescript 0.23.2, ABI 14.
const TSLanguage *tree_sitter_typescript(void);
/// TypeScript with JSX (.tsx), tree-sitter-typescript 0.23.2, ABI 14.
const TSLanguage *tree_sitter_tsx(void);
/// Python 3, tree-sitter-python 0.25.0, ABI 15.
const TSLanguage *tree_sitter_python(void);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LAMBDALINT_TREESITTER_LANGUAGES_H
