#pragma once
// Runs a program found on the PATH (git, for --changed-since) and collects what it prints. Standard input
// is /dev/null; nothing is run through a shell.
#include <optional>
#include <string>
#include <vector>

namespace lambdalint {

struct ProgramOutput {
  int exitCode = -1;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};

// nullopt when the program could not be started (not installed).
std::optional<ProgramOutput> runProgram(const std::vector<std::string>& argv);

}  // namespace lambdalint
