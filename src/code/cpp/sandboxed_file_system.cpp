#include "code/cpp/sandboxed_file_system.h"

#include <fcntl.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <unistd.h>

#include <algorithm>

namespace lambdalint::code {
namespace {

namespace fs = llvm::sys::fs;
namespace vfs = llvm::vfs;

std::error_code missing() { return std::make_error_code(std::errc::no_such_file_or_directory); }

std::string realPath(const std::string& path) {
  llvm::SmallString<256> out;
  if (fs::real_path(path, out, /*expand_tilde=*/false)) return {};
  return out.str().str();
}

bool isUnder(const std::string& path, const std::string& dir) {
  if (dir == "/") return true;
  return path.size() >= dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         (path.size() == dir.size() || path[dir.size()] == '/');
}

// An opened regular file: its descriptor, read once with the size fstat gave (a growing file is not followed).
class SandboxedFile : public vfs::File {
 public:
  SandboxedFile(int fd, vfs::Status status) : fd_(fd), status_(std::move(status)) {}
  ~SandboxedFile() override { close(); }
  llvm::ErrorOr<vfs::Status> status() override { return status_; }
  llvm::ErrorOr<std::string> getName() override { return status_.getName().str(); }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> getBuffer(const llvm::Twine& name, int64_t,
                                                               bool requiresNullTerminator, bool isVolatile) override {
    if (fd_ < 0) return std::make_error_code(std::errc::bad_file_descriptor);
    return llvm::MemoryBuffer::getOpenFile(fd_, name, status_.getSize(), requiresNullTerminator, isVolatile);
  }
  std::error_code close() override {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    return {};
  }

 private:
  int fd_;
  vfs::Status status_;
};

}  // namespace

std::string realPathOrAbsolute(const std::string& path) {
  if (std::string real = realPath(path); !real.empty()) return real;
  llvm::SmallString<256> p(path);
  fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return p.str().str();
}

SandboxedFileSystem::SandboxedFileSystem(llvm::IntrusiveRefCntPtr<vfs::FileSystem> base, std::vector<std::string> roots,
                                         uint64_t maxFileBytes)
    : base_(std::move(base)), maxFileBytes_(maxFileBytes) {
  for (const auto& r : roots) roots_.push_back(realPathOrAbsolute(r));
  allowedDirs_ = roots_;
  if (auto wd = base_->getCurrentWorkingDirectory()) workingDir_ = *wd;
  if (workingDir_.empty()) workingDir_ = "/";
}

void SandboxedFileSystem::lockDown(const std::vector<std::string>& toolchainDirs) {
  allowedDirs_ = roots_;
  for (const auto& d : toolchainDirs) {
    if (d.empty()) continue;
    // Both forms: the driver spells libstdc++'s folder with `..` through a GCC folder.
    allowedDirs_.push_back(absolute(d));
    if (std::string real = realPath(absolute(d)); !real.empty()) allowedDirs_.push_back(real);
  }
  locked_ = true;
  taken_ = refusals_.size();  // the driver's own probes are not the code's
}

std::vector<SandboxRefusal> SandboxedFileSystem::takeRefusals() {
  std::vector<SandboxRefusal> out(refusals_.begin() + static_cast<std::ptrdiff_t>(taken_), refusals_.end());
  taken_ = refusals_.size();
  return out;
}

std::string SandboxedFileSystem::absolute(const llvm::Twine& path) const {
  llvm::SmallString<256> p;
  path.toVector(p);
  if (!llvm::sys::path::is_absolute(p)) {
    llvm::SmallString<256> w(workingDir_);
    llvm::sys::path::append(w, p);
    p = w;
  }
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return p.str().str();
}

bool SandboxedFileSystem::allowed(const std::string& real) const {
  if (!locked_) return true;
  if (real.empty()) return false;
  return std::any_of(allowedDirs_.begin(), allowedDirs_.end(), [&](const auto& d) { return isUnder(real, d); });
}

void SandboxedFileSystem::refuse(const std::string& path, std::string reason) {
  refusals_.push_back({path, std::move(reason)});
}

llvm::ErrorOr<vfs::Status> SandboxedFileSystem::check(const std::string& path, const llvm::Twine& requested) {
  auto st = base_->status(path);
  if (!st) return missing();
  // A folder's status is no read of user data, and clang looks a file up through its folder first: were
  // folders outside absent, their files would be missing without a refusal to report. Listing them is refused.
  if (st->isDirectory()) return vfs::Status::copyWithNewName(*st, requested);
  if (st->getType() != fs::file_type::regular_file) {
    refuse(path, "not a regular file");
    return missing();
  }
  if (locked_) {
    std::string real = realPath(path);
    if (!allowed(real)) {
      refuse(path, real.empty() || real == path ? "outside the checked folders"
                                                : "links to " + real + ", outside the checked folders");
      return missing();
    }
  }
  if (st->getSize() > maxFileBytes_) {
    refuse(path, "larger than " + std::to_string(maxFileBytes_) + " bytes");
    return missing();
  }
  return vfs::Status::copyWithNewName(*st, requested);
}

llvm::ErrorOr<vfs::Status> SandboxedFileSystem::status(const llvm::Twine& path) { return check(absolute(path), path); }

llvm::ErrorOr<std::unique_ptr<vfs::File>> SandboxedFileSystem::openFileForRead(const llvm::Twine& path) {
  std::string abs = absolute(path);
  auto st = check(abs, path);
  if (!st) return st.getError();
  if (st->isDirectory()) return std::make_error_code(std::errc::is_a_directory);
  // O_NONBLOCK: should the path have become a FIFO since check(), open() does not wait for a writer.
  int fd = ::open(abs.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::error_code(errno, std::generic_category());
  fs::file_status opened;
  std::error_code ec = fs::status(fd, opened);
  if (!ec && opened.type() != fs::file_type::regular_file) {
    refuse(abs, "not a regular file");
    ec = missing();
  } else if (!ec && opened.getSize() > maxFileBytes_) {
    refuse(abs, "larger than " + std::to_string(maxFileBytes_) + " bytes");
    ec = missing();
  } else if (!ec && locked_) {
    // What was opened, not what was checked: a symlink swapped in between is caught here.
    char link[4096];
    std::string self = "/proc/self/fd/" + std::to_string(fd);
    ssize_t n = ::readlink(self.c_str(), link, sizeof link);
    if (n > 0 && static_cast<size_t>(n) < sizeof link && !allowed(std::string(link, static_cast<size_t>(n)))) {
      refuse(abs, "outside the checked folders");
      ec = missing();
    }
  }
  if (ec) {
    ::close(fd);
    return ec;
  }
  return std::unique_ptr<vfs::File>(std::make_unique<SandboxedFile>(fd, vfs::Status::copyWithNewName(opened, path)));
}

vfs::directory_iterator SandboxedFileSystem::dir_begin(const llvm::Twine& dir, std::error_code& ec) {
  std::string abs = absolute(dir);
  if (locked_ && !allowed(realPath(abs))) {
    ec = missing();
    return {};
  }
  return base_->dir_begin(abs, ec);
}

std::error_code SandboxedFileSystem::setCurrentWorkingDirectory(const llvm::Twine& path) {
  // Never fails: ClangTool aborts the process when it cannot "chdir" to a compile command's folder.
  workingDir_ = absolute(path);
  return {};
}

llvm::ErrorOr<std::string> SandboxedFileSystem::getCurrentWorkingDirectory() const { return workingDir_; }

std::error_code SandboxedFileSystem::getRealPath(const llvm::Twine& path, llvm::SmallVectorImpl<char>& output) const {
  std::string real = realPath(absolute(path));
  if (real.empty() || !allowed(real)) return missing();
  output.assign(real.begin(), real.end());
  return {};
}

std::error_code SandboxedFileSystem::isLocal(const llvm::Twine& path, bool& result) {
  return base_->isLocal(absolute(path), result);
}

}  // namespace lambdalint::code
