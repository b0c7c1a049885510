#pragma once
// The join: each function's Handler + CodeUri (or inline code) to a source
// file, read by the frontend of its language into CodeFacts.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "code/cpp/cpp_frontend.h"
#include "code/facts_extractor.h"
#include "code/handler_source.h"
#include "model/app_model.h"
#include "util/path_roots.h"
#include "util/source_provider.h"

namespace lambdalint::code {

// Facts per (file, handler symbol), shared by every template of a run that
// points at the same handler, and by the threads checking them.
class CodeCache {
 public:
  // Files larger than this are not parsed (a bundled 20 MB handler costs
  // seconds and hundreds of MB): their facts carry a problem saying so.
  // `roots`: the folders handler files may be read from (empty: anywhere).
  // `sources`: where file contents come from (the disk, or the editor's unsaved buffers); must outlive the cache.
  explicit CodeCache(size_t maxBytes = 16u * 1024 * 1024, FactsExtractor extractor = inProcessExtractor(),
                     PathRoots roots = {}, const SourceProvider& sources = diskSources())
      : maxBytes_(maxBytes), extractor_(std::move(extractor)), roots_(std::move(roots)), sources_(sources) {}

  struct Entry {
    SourceFilePtr file;
    std::shared_ptr<const CodeFacts> facts;  // null when the file cannot be read
  };
  // `cpp`: compiler flags for Language::Cpp (defaults when null).
  Entry get(const std::string& path, Language language, const std::string& symbol, const CppOptions* cpp = nullptr);
  // Facts of code that is not a file of its own (inline code in a template).
  CodeFacts extract(const SourceFile& file, Language language, const std::string& symbol) const {
    return extractor_(file, language, symbol, nullptr);
  }

  size_t maxBytes() const { return maxBytes_; }
  // Whether `path` may be read: inside the roots (symlinks resolved).
  bool readable(const std::string& path) const { return roots_.empty() || roots_.contains(path); }
  const PathRoots& roots() const { return roots_; }
  FileRead read(const std::string& path, uint64_t maxBytes) const { return sources_.read(path, maxBytes); }

 private:
  size_t maxBytes_;
  FactsExtractor extractor_;
  PathRoots roots_;
  const SourceProvider& sources_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

// The handler source of each function of `model` (the model must outlive it).
// Functions on a Node.js or Python runtime: the Handler's module under CodeUri. Functions on an OS-only runtime
// (`provided.al2023`, `provided.al2`, `provided`) built with `BuildMethod: makefile`/`cmake`, or whose CodeUri
// holds .cpp files: the C++ file under CodeUri that calls run_handler (the one named like the Handler when
// several do), with the flags of CodeUri's compile_commands.json (or build/compile_commands.json) when present.
HandlerSources resolveHandlerSources(const TemplateModel& model, CodeCache& cache);

// Called with each C++ translation unit parsed and its wall time (`lambdalint check --verbose`).
void setCppTimingHook(std::function<void(const std::string& file, double milliseconds)> hook);

// Language of a handler file by extension, if lambdalint reads it.
std::optional<Language> languageOfPath(std::string_view path);

// Facts of a source text (used for files and for inline code).
CodeFacts extractFacts(const SourceFile& file, Language language, std::string_view symbol);

}  // namespace lambdalint::code
