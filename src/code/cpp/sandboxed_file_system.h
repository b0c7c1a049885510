#pragma once
// The file system clang sees when lambdalint parses a C++ handler: the real
// disk, read-only, narrowed to what a linter may read. Every status, open and
// directory listing passes through here, so the rules hold for every file clang
// touches (includes, includes of includes, __has_include, search folders):
//  - only regular files are opened (a FIFO would block, /dev/zero never ends),
//    with O_NONBLOCK and an fstat of the opened descriptor, so a file swapped
//    for a FIFO after its status was taken is refused too;
//  - files above a size limit are refused;
//  - once locked down, only files whose real path lies inside the roots (the
//    folders the user asked to check) or the toolchain folders (clang's
//    resource dir, the system include folders its driver adds) exist, and only
//    such folders can be listed (any folder's status is given).
// A refused path looks missing to clang; refusals of paths that exist are
// kept for the caller to report.
//
// The working directory is this object's own: setCurrentWorkingDirectory never
// changes the process's (other threads open relative paths meanwhile).
//
// Derives from an LLVM class: compile with -fno-rtti (LLVM is built without).
#include <llvm/Support/VirtualFileSystem.h>

#include <cstdint>
#include <string>
#include <vector>

namespace lambdalint::code {

struct SandboxRefusal {
  std::string path;    // absolute, as requested (dots removed)
  std::string reason;  // "outside the checked folders", "not a regular file", "larger than ..."
};

class SandboxedFileSystem : public llvm::vfs::FileSystem {
 public:
  // `roots`: absolute folders whose files may be read. `base`: the disk (createPhysicalFileSystem()).
  SandboxedFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base, std::vector<std::string> roots,
                      uint64_t maxFileBytes);

  // Until then the clang driver probes the toolchain (GCC installation, distribution files) freely, though
  // still only regular files below the size limit are opened. After it, only roots and `toolchainDirs`.
  void lockDown(const std::vector<std::string>& toolchainDirs);

  // Refusals of existing paths, in order. takeRefusals() hands over the ones not yet taken.
  std::vector<SandboxRefusal> takeRefusals();

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine& path) override;
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine& path) override;
  llvm::vfs::directory_iterator dir_begin(const llvm::Twine& dir, std::error_code& ec) override;
  std::error_code setCurrentWorkingDirectory(const llvm::Twine& path) override;
  llvm::ErrorOr<std::string> getCurrentWorkingDirectory() const override;
  std::error_code getRealPath(const llvm::Twine& path, llvm::SmallVectorImpl<char>& output) const override;
  std::error_code isLocal(const llvm::Twine& path, bool& result) override;

 private:
  // The absolute, dot-free form of `path` against this object's working directory.
  std::string absolute(const llvm::Twine& path) const;
  bool allowed(const std::string& realPath) const;
  // Status of `path` if it may be used; records a refusal of an existing path.
  llvm::ErrorOr<llvm::vfs::Status> check(const std::string& path, const llvm::Twine& requested);
  void refuse(const std::string& path, std::string reason);

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base_;
  std::vector<std::string> roots_;
  std::vector<std::string> allowedDirs_;  // roots + toolchain, real paths
  uint64_t maxFileBytes_;
  bool locked_ = false;
  std::string workingDir_;
  std::vector<SandboxRefusal> refusals_;
  size_t taken_ = 0;
};

// A folder's real path (symlinks resolved) when it exists, else its absolute dot-free form.
std::string realPathOrAbsolute(const std::string& path);

}  // namespace lambdalint::code
