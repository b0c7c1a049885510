// libFuzzer target: the `.lambdalint.yaml` reader (src/config), and its
// exclude globs turned into re2 patterns and matched.
#include <string>

#include "config/config.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  Config config = parseConfig("/nonexistent/lambdalint-fuzz/.lambdalint.yaml", fuzz::bytes(data, size));
  for (const auto& d : config.problems) {
    fuzz::require(!d.message.empty());
    fuzz::checkRange(d.location.range, size);
  }
  for (const auto& pattern : config.exclude) {
    for (const char* path : {"src/app.js", "legacy/a/b/template.yaml", "", "template.yaml"}) globMatch(pattern, path);
    globMatch(pattern, pattern);
  }
  return 0;
}
