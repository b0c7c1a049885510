// libFuzzer target: the YAML template reader (libyaml events -> Node tree).
// Any input must give a tree and problems whose ranges lie inside the file.
#include <memory>

#include "fuzz_util.h"
#include "template/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  auto file = std::make_shared<SourceFile>("fuzz/template.yaml", fuzz::bytes(data, size));
  Document doc = parseYaml(file);
  fuzz::checkDocument(doc);
  return 0;
}
