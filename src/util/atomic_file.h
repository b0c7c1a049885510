#pragma once
// Writes a report so that readers never see half of it: the content goes to
// an unnamed temporary file in the destination's folder, which replaces the
// destination only once everything was written and flushed. An interrupted or
// failed run leaves the previous report as it was. A destination that is not
// a regular file (/dev/stdout, /dev/full, a FIFO) is written in place.
#include <optional>
#include <string>
#include <string_view>

namespace lambdalint {

// Nothing on success; otherwise why the write failed ("No space left on device").
std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view content);

}  // namespace lambdalint
