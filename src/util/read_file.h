#pragma once
// The one way lambdalint reads a file from a checked repository. Only regular
// files are opened (a FIFO, a device or a symlink to /dev/zero is refused
// before a byte is read, and opening never blocks), and the size is checked
// on the open descriptor before reading, so a file cannot change kind or grow
// past the limit between the check and the read.
#include <cstdint>
#include <optional>
#include <string>

namespace lambdalint {

struct FileRead {
  enum class Status { Ok, NotFound, NotRegular, TooLarge, Error };
  Status status = Status::Error;
  std::string text;   // the content when Ok
  uint64_t size = 0;  // the size on disk (also when TooLarge)
  std::string error;  // why not, in words, when not Ok ("is a FIFO, not a regular file")

  bool ok() const { return status == Status::Ok; }
};

// Reads `path` whole when it is a regular file of at most `maxBytes`.
FileRead readRegularFile(const std::string& path, uint64_t maxBytes);

// The first `maxBytes` of a regular file (content sniffing of files above the limit).
FileRead readRegularFilePrefix(const std::string& path, uint64_t maxBytes);

// The text when `path` is a readable regular file of at most `maxBytes`, nothing otherwise.
std::optional<std::string> readRegularFileText(const std::string& path, uint64_t maxBytes);

}  // namespace lambdalint
