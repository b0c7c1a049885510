#pragma once
// Where the load stage gets file contents: the disk, or the disk with some
// files replaced by texts held in memory (the language server's unsaved
// editor buffers). Either way only regular files are read from disk, within
// the size limit (util/read_file.h).
#include <map>
#include <string>

#include "util/read_file.h"

namespace lambdalint {

class SourceProvider {
 public:
  virtual ~SourceProvider() = default;
  virtual FileRead read(const std::string& path, uint64_t maxBytes) const;
  // The first bytes only, to sniff a file above the size limit.
  virtual FileRead readPrefix(const std::string& path, uint64_t maxBytes) const;
};

// The disk, with `path -> text` overlays taking precedence (paths compared after canonicalisation).
class OverlaySourceProvider : public SourceProvider {
 public:
  void set(const std::string& path, std::string text);
  void erase(const std::string& path);
  FileRead read(const std::string& path, uint64_t maxBytes) const override;
  FileRead readPrefix(const std::string& path, uint64_t maxBytes) const override;

 private:
  const std::string* find(const std::string& path) const;
  std::map<std::string, std::string> overlays_;  // canonical path -> text
};

// The provider that reads the disk only.
const SourceProvider& diskSources();

}  // namespace lambdalint
