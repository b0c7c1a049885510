#pragma once
// Reading a file named by untrusted input: a FIFO must not block, a device or a
// symlink to one (/dev/zero) must not be read without end, a huge file must not
// be loaded. No Clang or LLVM types: usable anywhere.
#include <cstdint>
#include <optional>
#include <string>

namespace lambdalint::code {

// The whole of `path` if it is a regular file of at most `maxBytes` (opened without blocking, checked on the
// opened descriptor); else nullopt and why in `error`.
std::optional<std::string> readRegularFile(const std::string& path, uint64_t maxBytes, std::string* error = nullptr);

}  // namespace lambdalint::code
