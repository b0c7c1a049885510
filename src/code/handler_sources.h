#pragma once
// The join: each function's Handler + CodeUri (or inline code) to a source
// file, read by the frontend of its language into CodeFacts.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "model/app_model.h"

namespace lambdalint::code {

// Facts per (file, handler symbol), shared by every template of a run that
// points at the same handler, and by the threads checking them.
class CodeCache {
 public:
  // Files larger than this are not parsed (a bundled 20 MB handler costs
  // seconds and hundreds of MB): their facts carry a problem saying so.
  explicit CodeCache(size_t maxBytes = 16u * 1024 * 1024) : maxBytes_(maxBytes) {}

  struct Entry {
    SourceFilePtr file;
    std::shared_ptr<const CodeFacts> facts;  // null when the file cannot be read
  };
  Entry get(const std::string& path, Language language, const std::string& symbol);

 private:
  size_t maxBytes_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

void attachHandlerSources(TemplateModel& model, CodeCache& cache);

// Language of a handler file by extension, if lambdalint reads it.
std::optional<Language> languageOfPath(std::string_view path);

// Facts of a source text (used for files and for inline code).
CodeFacts extractFacts(const SourceFile& file, Language language, std::string_view symbol);

}  // namespace lambdalint::code
