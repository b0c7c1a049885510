#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;

namespace lambdalint {
namespace {

std::string lastError() { return std::strerror(errno); }

std::optional<std::string> writeAll(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? lastError() : std::string("short write");
    content.remove_prefix(static_cast<size_t>(n));
  }
  return std::nullopt;
}

std::string randomSuffix() {
  std::random_device random;
  return std::to_string(random()) + std::to_string(random());
}

}  // namespace

std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return std::string("is a directory");
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return lastError();
    auto error = writeAll(fd, content);
    if (::close(fd) != 0 && !error) error = lastError();
    return error;
  }
  fs::path target(path);
  std::string folder = target.parent_path().empty() ? std::string(".") : target.parent_path().string();
  // O_TMPFILE: the file has no name until it is complete, so an interrupted run leaves nothing behind.
  int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  std::string tempName;
  if (fd < 0) {
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return lastError();
    tempName = path + ".lambdalint-" + randomSuffix() + ".tmp";
    fd = ::open(tempName.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return lastError();
  }
  auto fail = [&](std::string why) -> std::optional<std::string> {
    ::close(fd);
    if (!tempName.empty()) ::unlink(tempName.c_str());
    return why;
  };
  if (auto error = writeAll(fd, content)) return fail(*error);
  if (::fsync(fd) != 0) return fail(lastError());
  if (tempName.empty()) {
    tempName = path + ".lambdalint-" + randomSuffix() + ".tmp";
    std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tempName.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      tempName.clear();
      return fail(lastError());
    }
  }
  if (::close(fd) != 0) {
    ::unlink(tempName.c_str());
    return lastError();
  }
  if (::rename(tempName.c_str(), path.c_str()) != 0) {
    std::string why = lastError();
    ::unlink(tempName.c_str());
    return why;
  }
  return std::nullopt;
}

}  // namespace lambdalint
