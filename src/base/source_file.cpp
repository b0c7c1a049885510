#include "base/source_file.h"

#include <algorithm>

namespace lambdalint {
namespace {

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  checkpoints_.reserve(text_.size() / kCheckpointBytes + 1);
  uint32_t codePoints = 0;  // since the start of the current line
  for (size_t i = 0; i < text_.size(); ++i) {
    if (i % kCheckpointBytes == 0) checkpoints_.push_back(codePoints);
    auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') {
      lineStarts_.push_back(static_cast<uint32_t>(i + 1));
      codePoints = 0;
    } else if (!isContinuationByte(c)) {
      ++codePoints;
    }
  }
}

Position SourceFile::positionAt(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  size_t lineIndex = static_cast<size_t>(it - lineStarts_.begin()) - 1;
  size_t from = lineStarts_[lineIndex];
  uint32_t column = 1;
  // Start from the last checkpoint at or before `offset` when it lies in this line.
  size_t k = offset / kCheckpointBytes;
  if (k < checkpoints_.size() && k * kCheckpointBytes >= from) {
    from = k * kCheckpointBytes;
    column += checkpoints_[k];
  }
  for (size_t i = from; i < offset; ++i) {
    if (!isContinuationByte(static_cast<unsigned char>(text_[i]))) ++column;
  }
  return {static_cast<uint32_t>(offset), static_cast<uint32_t>(lineIndex + 1), column};
}

// Column c is the c-th step from the line start, a step being one byte and the
// continuation bytes after it; steps stop at the newline (or the end of text).
// So for c >= 2 the offset is the first non-continuation byte (or the line
// end) after the line start with c - 2 non-continuation bytes between them.
Position SourceFile::positionAtLineColumn(uint32_t line, uint32_t column) const {
  if (line == 0) line = 1;
  if (line > lineStarts_.size()) return positionAt(text_.size());
  size_t lineStart = lineStarts_[line - 1];
  size_t lineEnd = line < lineStarts_.size() ? lineStarts_[line] - 1 : text_.size();
  if (column <= 1 || lineStart >= lineEnd) return {static_cast<uint32_t>(lineStart), line, column};
  uint64_t want = column - 2;  // non-continuation bytes in (lineStart, result)
  uint32_t lead = isContinuationByte(static_cast<unsigned char>(text_[lineStart])) ? 0 : 1;
  size_t at = lineStart + 1;
  uint64_t seen = 0;
  // The last checkpoint in (lineStart, lineEnd] that does not pass `want`:
  // checkpoint counts grow along a line.
  size_t first = lineStart / kCheckpointBytes + 1;
  size_t last = std::min(lineEnd / kCheckpointBytes + 1, checkpoints_.size());
  if (first < last) {
    auto begin = checkpoints_.begin() + static_cast<std::ptrdiff_t>(first);
    auto end = checkpoints_.begin() + static_cast<std::ptrdiff_t>(last);
    auto it = std::upper_bound(begin, end, want + lead);
    if (it != begin) {
      size_t k = static_cast<size_t>(it - checkpoints_.begin()) - 1;
      at = k * kCheckpointBytes;
      seen = checkpoints_[k] - lead;
    }
  }
  for (; at < lineEnd; ++at) {
    if (isContinuationByte(static_cast<unsigned char>(text_[at]))) continue;
    if (seen == want) break;
    ++seen;
  }
  return {static_cast<uint32_t>(at), line, column};
}

std::string_view SourceFile::lineText(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  size_t begin = lineStarts_[line - 1];
  size_t end = line < lineStarts_.size() ? lineStarts_[line] - 1 : text_.size();
  std::string_view result(text_.data() + begin, end - begin);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

}  // namespace lambdalint
