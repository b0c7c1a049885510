#include "util/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lambdalint {
namespace {

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string kindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "is a FIFO";
  if (S_ISCHR(mode)) return "is a character device";
  if (S_ISBLK(mode)) return "is a block device";
  if (S_ISSOCK(mode)) return "is a socket";
  return "is not a regular file";
}

FileRead read(const std::string& path, uint64_t maxBytes, bool prefixOnly) {
  FileRead out;
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    out.status = errno == ENOENT || errno == ENOTDIR ? FileRead::Status::NotFound : FileRead::Status::Error;
    out.error = std::strerror(errno);
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    out.error = std::strerror(errno);
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.status = FileRead::Status::NotRegular;
    out.error = kindOf(st.st_mode) + ", not a regular file";
    return out;
  }
  out.size = static_cast<uint64_t>(st.st_size);
  if (out.size > maxBytes && !prefixOnly) {
    out.status = FileRead::Status::TooLarge;
    out.error = "is " + std::to_string(out.size) + " bytes, above the limit of " + std::to_string(maxBytes);
    return out;
  }
  // Read at most the limit, even if the file grew since fstat.
  const uint64_t want = out.size < maxBytes ? out.size : maxBytes;
  out.text.resize(static_cast<size_t>(want));
  size_t done = 0;
  while (done < out.text.size()) {
    ssize_t n = ::read(fd.get(), out.text.data() + done, out.text.size() - done);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) {
      out.text.clear();
      out.error = std::strerror(errno);
      return out;
    }
    if (n == 0) break;  // the file shrank
    done += static_cast<size_t>(n);
  }
  out.text.resize(done);
  out.status = FileRead::Status::Ok;
  return out;
}

}  // namespace

FileRead readRegularFile(const std::string& path, uint64_t maxBytes) { return read(path, maxBytes, false); }

FileRead readRegularFilePrefix(const std::string& path, uint64_t maxBytes) { return read(path, maxBytes, true); }

std::optional<std::string> readRegularFileText(const std::string& path, uint64_t maxBytes) {
  FileRead r = readRegularFile(path, maxBytes);
  if (!r.ok()) return std::nullopt;
  return std::move(r.text);
}

}  // namespace lambdalint
