#include "engine/load.h"

#include <atomic>
#include <thread>

#include "engine/problems.h"

namespace lambdalint {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;

code::FactsExtractor extractorFor(const LoadOptions& options) {
  if (options.workerCommand.empty()) return code::inProcessExtractor();
  return code::isolatedExtractor(options.workerCommand, {options.fileTimeoutSeconds, options.workerMemoryMb});
}

// Handler problems (syntax errors, internal errors) of the handlers a template points at, once per file.
void addHandlerProblems(const TemplateModel& model, const HandlerSources& handlers, std::vector<Diagnostic>& problems) {
  std::vector<std::string> seen;
  for (const auto& fn : model.functions) {
    const HandlerSource& src = handlers.of(fn);
    if (!src.facts || std::find(seen.begin(), seen.end(), src.path) != seen.end()) continue;
    seen.push_back(src.path);
    for (const auto& p : src.facts->problems)
      problems.push_back(problemDiagnostic(p.kind, src.path, p.range, p.message));
  }
}

class FileLoader {
 public:
  FileLoader(const LoadOptions& options, code::CodeCache& code) : options_(options), code_(code) {}

  // Faults stay local: an exception from any stage is an internal-error finding on this file.
  LoadedFile load(const DiscoveredFile& input) const {
    LoadedFile out;
    out.input = input;
    try {
      loadInto(out);
    } catch (const std::exception& e) {
      out.handlers = {};
      out.model.reset();
      out.problems.push_back(internalErrorDiagnostic(input.path, e.what()));
    }
    return out;
  }

 private:
  const SourceProvider& sources() const { return options_.sources ? *options_.sources : diskSources(); }

  void loadInto(LoadedFile& out) const {
    const DiscoveredFile& f = out.input;
    const uint64_t limit = options_.maxFileBytes();
    FileRead read = sources().read(f.path, limit);
    if (read.status == FileRead::Status::TooLarge) {
      FileRead head = sources().readPrefix(f.path, kSniffBytes);
      if (f.explicitlyNamed || mentionsCloudFormation(head.text)) {
        out.problems.push_back(problemDiagnostic(ProblemKind::Syntax, f.path, {},
                                                 "file is " + std::to_string(read.size / (1024 * 1024)) +
                                                     " MB, above the " + std::to_string(options_.maxFileSizeMb) +
                                                     " MB limit; skipped (raise it with --max-file-size)"));
      }
      return;
    }
    if (!read.ok()) {
      out.unreadable = true;
      out.problems.push_back(problemDiagnostic(ProblemKind::Syntax, f.path, {}, "cannot read file: " + read.error));
      return;
    }
    // Only files that mention CloudFormation are ours: pre-commit also passes
    // workflow files, Kubernetes manifests and package.json.
    if (!mentionsCloudFormation(read.text)) {
      if (f.explicitlyNamed && read.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.problems.push_back(problemDiagnostic(ProblemKind::Syntax, f.path, {}, "file is empty; it is not a template",
                                                 Severity::Warning));
      }
      return;
    }
    out.read = true;
    out.file = std::make_shared<SourceFile>(f.path, std::move(read.text));
    Document doc = parseDocument(out.file);
    for (const auto& p : doc.problems) out.problems.push_back(problemDiagnostic(p.kind, f.path, p.range, p.message));
    if (!looksLikeTemplate(doc.root)) return;
    out.model = buildModel(std::move(doc));
    out.handlers = code::resolveHandlerSources(*out.model, code_);
    addHandlerProblems(*out.model, out.handlers, out.handlerProblems);
  }

  const LoadOptions& options_;
  code::CodeCache& code_;
};

}  // namespace

uint64_t LoadOptions::maxFileBytes() const {
  const uint64_t mb = maxFileSizeMb;
  return mb > (UINT64_MAX >> 20) ? UINT64_MAX : mb << 20;
}

void parallelFor(size_t count, unsigned jobs, const std::function<void(size_t)>& work) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, count)));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

Application loadApplication(const LoadOptions& options) {
  Application app;
  app.roots = PathRoots::forCheckedPaths(options.paths);
  app.discovery = discover(options.paths, options.exclude, options.excludeBase);
  app.code = std::make_shared<code::CodeCache>(options.maxFileBytes(), extractorFor(options), app.roots,
                                               options.sources ? *options.sources : diskSources());
  app.files.resize(app.discovery.files.size());
  FileLoader loader(options, *app.code);
  parallelFor(app.files.size(), options.jobs, [&](size_t i) { app.files[i] = loader.load(app.discovery.files[i]); });
  return app;
}

}  // namespace lambdalint
