// libFuzzer target for the C++ frontend: the input is the text of a handler
// file. Nothing is written to disk: the text goes to extractCpp as a SourceFile
// whose folder does not exist, and that folder is the only root, so includes
// resolve only to clang's own headers (and in-memory stand-ins).
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/source_file.h"
#include "code/cpp/cpp_frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lambdalint::code::CppOptions options = [] {
    lambdalint::code::CppOptions o;
    o.roots = {"/lambdalint-fuzz"};
    o.maxFileBytes = 1 << 20;
    return o;
  }();
  lambdalint::SourceFile file("/lambdalint-fuzz/main.cpp", std::string(reinterpret_cast<const char*>(data), size));
  (void)lambdalint::code::extractCpp(file, options);  // never throws; problems are values
  return 0;
}
