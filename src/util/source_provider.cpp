#include "util/source_provider.h"

#include <algorithm>

#include "util/path_roots.h"

namespace lambdalint {
namespace {

std::string canonicalKey(const std::string& path) { return canonicalPath(path); }

FileRead fromMemory(const std::string& text, uint64_t maxBytes, bool prefix) {
  FileRead out;
  out.size = text.size();
  if (text.size() > maxBytes && !prefix) {
    out.status = FileRead::Status::TooLarge;
    out.error = "is " + std::to_string(out.size) + " bytes, above the limit of " + std::to_string(maxBytes);
    return out;
  }
  out.status = FileRead::Status::Ok;
  out.text = text.substr(0, static_cast<size_t>(std::min<uint64_t>(text.size(), maxBytes)));
  return out;
}

}  // namespace

FileRead SourceProvider::read(const std::string& path, uint64_t maxBytes) const {
  return readRegularFile(path, maxBytes);
}

FileRead SourceProvider::readPrefix(const std::string& path, uint64_t maxBytes) const {
  return readRegularFilePrefix(path, maxBytes);
}

void OverlaySourceProvider::set(const std::string& path, std::string text) {
  overlays_[canonicalKey(path)] = std::move(text);
}

void OverlaySourceProvider::erase(const std::string& path) { overlays_.erase(canonicalKey(path)); }

const std::string* OverlaySourceProvider::find(const std::string& path) const {
  if (overlays_.empty()) return nullptr;
  auto it = overlays_.find(canonicalKey(path));
  return it == overlays_.end() ? nullptr : &it->second;
}

FileRead OverlaySourceProvider::read(const std::string& path, uint64_t maxBytes) const {
  if (const std::string* text = find(path)) return fromMemory(*text, maxBytes, false);
  return SourceProvider::read(path, maxBytes);
}

FileRead OverlaySourceProvider::readPrefix(const std::string& path, uint64_t maxBytes) const {
  if (const std::string* text = find(path)) return fromMemory(*text, maxBytes, true);
  return SourceProvider::readPrefix(path, maxBytes);
}

const SourceProvider& diskSources() {
  static const SourceProvider disk;
  return disk;
}

}  // namespace lambdalint
