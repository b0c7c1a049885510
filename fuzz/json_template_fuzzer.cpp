// libFuzzer target: the JSON template reader (simdjson on-demand -> Node tree),
// through parseDocument's JSON/YAML choice as the runner calls it.
#include <memory>

#include "fuzz_util.h"
#include "template/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  auto file = std::make_shared<SourceFile>("fuzz/template.json", fuzz::bytes(data, size));
  fuzz::checkDocument(parseJson(file));
  fuzz::checkDocument(parseDocument(file));
  return 0;
}
