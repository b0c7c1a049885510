// Writes N synthetic SAM templates of M functions into DIR, e.g. to compare
// with cfn-lint: bench/compare_cfn_lint.sh.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "sam_generator.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: lambdalint_gen_apps TEMPLATES FUNCTIONS DIR\n";
    return 2;
  }
  int templates = std::atoi(argv[1]);
  int functions = std::atoi(argv[2]);
  std::filesystem::path dir = argv[3];
  std::filesystem::create_directories(dir);
  for (int t = 0; t < templates; ++t) {
    std::ofstream(dir / fmt::format("t{}.yaml", t)) << lambdalint::bench::generateSamTemplate(functions, t);
  }
  return 0;
}
