#pragma once
// Where handler facts are computed. In-process is what tests and benchmarks
// use; isolated runs every frontend (tree-sitter, Clang) in a worker process
// so that a crash, a hang or a memory blow-up on one hostile file becomes an
// internal-error problem on that file and the run goes on.
//
// Why processes: a crash inside tree-sitter or Clang leaves the process in an
// unknown state (a signal handler that longjmps out of Clang would leak locks
// and memory it half-built), and a hang cannot be interrupted from inside at
// all. A worker can be killed at its deadline, is limited in memory
// (RLIMIT_AS), cannot write files (RLIMIT_FSIZE 0) or dump core, and costs one
// process start per thread per run, not per file.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/source_file.h"
#include "code/code_facts.h"
#include "code/cpp/cpp_frontend.h"

namespace lambdalint::code {

// Facts of `file` in `language`; `cpp` holds compiler flags for Language::Cpp (defaults when null).
using FactsExtractor = std::function<CodeFacts(const SourceFile& file, Language language, const std::string& symbol,
                                               const CppOptions* cpp)>;

// The frontends, called directly.
FactsExtractor inProcessExtractor();

struct WorkerLimits {
  unsigned timeoutSeconds = 60;  // per file, wall clock
  size_t memoryMb = 4096;        // address space of a worker (not applied under AddressSanitizer)
};

// The frontends run in worker processes started as `command` (e.g. {"/proc/self/exe", "__analysis-worker"}),
// one per concurrent caller, reused across files and restarted after a failure.
FactsExtractor isolatedExtractor(std::vector<std::string> command, WorkerLimits limits);

// The worker's side: serves requests on file descriptor `fd` until it closes. Returns the exit code.
int runAnalysisWorker(int fd);

// The file descriptor a worker is given its requests on, and the argument that starts one.
constexpr int kWorkerFd = 3;
constexpr std::string_view kWorkerArgument = "__analysis-worker";

}  // namespace lambdalint::code
