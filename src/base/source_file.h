#pragma once
// A file read into memory with a table of line starts and column checkpoints,
// so any byte offset maps to a line and column (and back) in O(log n): a
// minified bundle or template is one line of megabytes, and scanning it from
// the line start on every lookup was quadratic.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lambdalint {

struct Position {
  uint32_t offset = 0;  // byte offset from the start of the file
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in Unicode code points
};

struct Range {
  Position begin;
  Position end;  // one past the last character
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  Position positionAt(size_t offset) const;
  // line and column (1-based, code points) to a position with its byte offset.
  Position positionAtLineColumn(uint32_t line, uint32_t column) const;
  std::string_view lineText(uint32_t line) const;  // without the newline
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }

 private:
  std::string path_;
  std::string text_;
  // Checkpoint k: code points (non-continuation bytes) from the start of the
  // line holding byte k * kCheckpointBytes up to that byte. A lookup scans at
  // most kCheckpointBytes from the nearest one.
  static constexpr uint32_t kCheckpointBytes = 1024;
  std::vector<uint32_t> lineStarts_;
  std::vector<uint32_t> checkpoints_;
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

}  // namespace lambdalint
