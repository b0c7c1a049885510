#include "template/source_file.h"

#include <algorithm>

namespace lambdalint {
namespace {

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') lineStarts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

Position SourceFile::positionAt(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  size_t lineIndex = static_cast<size_t>(it - lineStarts_.begin()) - 1;
  uint32_t column = 1;
  for (size_t i = lineStarts_[lineIndex]; i < offset; ++i) {
    if (!isContinuationByte(static_cast<unsigned char>(text_[i]))) ++column;
  }
  return {static_cast<uint32_t>(offset), static_cast<uint32_t>(lineIndex + 1), column};
}

Position SourceFile::positionAtLineColumn(uint32_t line, uint32_t column) const {
  if (line == 0) line = 1;
  if (line > lineStarts_.size()) return positionAt(text_.size());
  size_t offset = lineStarts_[line - 1];
  uint32_t seen = 1;
  while (offset < text_.size() && seen < column && text_[offset] != '\n') {
    ++offset;
    while (offset < text_.size() && isContinuationByte(static_cast<unsigned char>(text_[offset]))) ++offset;
    ++seen;
  }
  return {static_cast<uint32_t>(offset), line, column};
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
