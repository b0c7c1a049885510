// libFuzzer target: the JavaScript handler frontend (tree-sitter-javascript
// -> CodeFacts) on arbitrary bytes, as src/app.js with `Handler: app.handler`.
#include "code/javascript/javascript_frontend.h"
#include "frontend_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  SourceFile file("fuzz/src/app.js", fuzz_frontend::bytes(data, size));
  code::CodeFacts facts = code::extractJavaScript(file, code::Language::JavaScript, "handler");
  fuzz_frontend::require(facts.language == code::Language::JavaScript);
  fuzz_frontend::checkFacts(facts, size);
  return 0;
}
