// libFuzzer target: the Python handler frontend (tree-sitter-python ->
// CodeFacts) on arbitrary bytes, as src/app.py with `Handler: app.handler`.
#include "code/python/python_frontend.h"
#include "frontend_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  SourceFile file("fuzz/src/app.py", fuzz_frontend::bytes(data, size));
  code::CodeFacts facts = code::extractPython(file, "handler");
  fuzz_frontend::require(facts.language == code::Language::Python);
  fuzz_frontend::checkFacts(facts, size);
  return 0;
}
