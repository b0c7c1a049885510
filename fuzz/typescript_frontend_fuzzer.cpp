// libFuzzer target: the TypeScript and TSX handler frontends (the two
// tree-sitter-typescript grammars -> CodeFacts) on arbitrary bytes.
#include "code/javascript/javascript_frontend.h"
#include "frontend_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  SourceFile ts("fuzz/src/app.ts", fuzz_frontend::bytes(data, size));
  fuzz_frontend::checkFacts(code::extractJavaScript(ts, code::Language::TypeScript, "handler"), size);
  SourceFile tsx("fuzz/src/app.tsx", fuzz_frontend::bytes(data, size));
  fuzz_frontend::checkFacts(code::extractJavaScript(tsx, code::Language::Tsx, "handler"), size);
  return 0;
}
