#pragma once
// The load stage, the one way every command turns paths into checked input:
// discover files, read them through a source provider, parse, expand SAM,
// build each template's model and attach its handlers' code facts. What goes
// wrong on the way comes back as typed problems with positions, never as an
// exception. `check`, `policy`, the language server and the benchmarks all
// call it; rules, suppressions and reporting come after it (commands/check.h).
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "code/handler_sources.h"
#include "engine/discovery.h"
#include "model/app_model.h"
#include "util/path_roots.h"
#include "util/source_provider.h"

namespace lambdalint {

struct LoadOptions {
  std::vector<std::string> paths;
  std::vector<std::string> exclude;  // globs, relative to excludeBase
  std::string excludeBase;
  unsigned jobs = 0;          // 0 = hardware concurrency
  size_t maxFileSizeMb = 16;  // saturating: a huge value means no limit, never a wrap-around
  // Handler analysis in worker processes (code/facts_extractor.h); empty: in this process.
  std::vector<std::string> workerCommand;
  unsigned fileTimeoutSeconds = 60;
  size_t workerMemoryMb = 4096;
  const SourceProvider* sources = nullptr;  // null: the disk

  uint64_t maxFileBytes() const;
};

// What one discovered file gave.
struct LoadedFile {
  DiscoveredFile input;
  SourceFilePtr file;                       // the text, when it was read
  std::unique_ptr<TemplateModel> model;     // when the file is a template
  HandlerSources handlers;                  // the handler code of each of the model's functions
  std::vector<Diagnostic> problems;         // read, parse and internal problems, already as engine findings
  std::vector<Diagnostic> handlerProblems;  // those of the handler files the template points at
  bool read = false;                        // read and mentioning CloudFormation
  bool unreadable = false;
};

struct Application {
  PathRoots roots;
  Discovery discovery;                    // its `problems` are path problems (missing, unreadable folders)
  std::vector<LoadedFile> files;          // in discovery order
  std::shared_ptr<code::CodeCache> code;  // handler facts shared by the templates
};

Application loadApplication(const LoadOptions& options);

// Runs `work(i)` for i in [0, count) on up to `jobs` threads (0 = one per core).
void parallelFor(size_t count, unsigned jobs, const std::function<void(size_t)>& work);

}  // namespace lambdalint
