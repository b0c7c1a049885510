// Reading and writing files safely: only regular files are read, and never
// more than the limit; reports are replaced whole or not at all; paths out of
// the checked folders are recognised.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"
#include "util/nearest.h"
#include "util/path_roots.h"
#include "util/read_file.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "lambdalint-safety-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReadFile, ReadsARegularFileWhole) {
  TempDir dir;
  std::ofstream(dir.path() / "a.txt") << "hello\n";
  FileRead r = readRegularFile((dir.path() / "a.txt").string(), 100);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.text, "hello\n");
}

TEST(ReadFile, RefusesAFifoWithoutBlocking) {
  TempDir dir;
  fs::path fifo = dir.path() / "pipe.js";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  FileRead r = readRegularFile(fifo.string(), 100);
  EXPECT_EQ(r.status, FileRead::Status::NotRegular);
  EXPECT_NE(r.error.find("FIFO"), std::string::npos) << r.error;
}

TEST(ReadFile, RefusesASymlinkToDevZero) {
  TempDir dir;
  fs::path link = dir.path() / "zero.cpp";
  fs::create_symlink("/dev/zero", link);
  FileRead r = readRegularFile(link.string(), 100);
  EXPECT_EQ(r.status, FileRead::Status::NotRegular);
  EXPECT_NE(r.error.find("character device"), std::string::npos) << r.error;
}

TEST(ReadFile, RefusesAFileAboveTheLimitButCanReadItsHead) {
  TempDir dir;
  std::ofstream(dir.path() / "big.yaml") << std::string(1000, 'x');
  FileRead r = readRegularFile((dir.path() / "big.yaml").string(), 999);
  EXPECT_EQ(r.status, FileRead::Status::TooLarge);
  EXPECT_EQ(r.size, 1000u);
  EXPECT_TRUE(r.text.empty());
  FileRead head = readRegularFilePrefix((dir.path() / "big.yaml").string(), 10);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head.text, std::string(10, 'x'));
}

TEST(ReadFile, MissingAndDirectory) {
  TempDir dir;
  EXPECT_EQ(readRegularFile((dir.path() / "none").string(), 10).status, FileRead::Status::NotFound);
  EXPECT_EQ(readRegularFile(dir.path().string(), 10).status, FileRead::Status::NotRegular);
}

TEST(AtomicFile, ReplacesTheFileWhole) {
  TempDir dir;
  fs::path out = dir.path() / "report.sarif";
  std::ofstream(out) << "old";
  EXPECT_EQ(writeFileAtomically(out.string(), "new content"), std::nullopt);
  EXPECT_EQ(slurp(out), "new content");
  // Nothing else is left in the folder: no temporary files.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(AtomicFile, ReportsAFullDevice) {
  auto error = writeFileAtomically("/dev/full", "x");
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("No space"), std::string::npos) << *error;
}

TEST(AtomicFile, ReportsAMissingFolderAndKeepsTheOldFile) {
  TempDir dir;
  EXPECT_TRUE(writeFileAtomically((dir.path() / "no" / "such" / "report.json").string(), "x").has_value());
  fs::path out = dir.path() / "report.json";
  std::ofstream(out) << "old";
  EXPECT_TRUE(writeFileAtomically((dir.path()).string(), "x").has_value()) << "a folder is not a report";
  EXPECT_EQ(slurp(out), "old");
}

TEST(PathRoots, ContainsOnlyWhatIsBelowARoot) {
  TempDir dir;
  fs::create_directories(dir.path() / "app" / "src");
  fs::create_directories(dir.path() / "elsewhere");
  PathRoots roots;
  roots.add((dir.path() / "app").string());
  EXPECT_TRUE(roots.contains((dir.path() / "app" / "src" / "x.js").string()));
  EXPECT_TRUE(roots.contains((dir.path() / "app" / "src" / ".." / "y.js").string()));
  EXPECT_FALSE(roots.contains((dir.path() / "app" / ".." / "elsewhere" / "x.js").string()));
  EXPECT_FALSE(roots.contains((dir.path() / "app-sibling" / "x.js").string())) << "a prefix is not a parent";
  EXPECT_FALSE(roots.contains("/etc/passwd"));
  // A symlink out of the root is outside.
  fs::create_symlink(dir.path() / "elsewhere", dir.path() / "app" / "link");
  EXPECT_FALSE(roots.contains((dir.path() / "app" / "link" / "x.js").string()));
}

TEST(PathRoots, WidenToTheGitWorkTree) {
  TempDir dir;
  fs::create_directories(dir.path() / "repo" / ".git");
  fs::create_directories(dir.path() / "repo" / "infra");
  PathRoots roots = PathRoots::forCheckedPaths({(dir.path() / "repo" / "infra").string()});
  EXPECT_TRUE(roots.contains((dir.path() / "repo" / "src" / "app.js").string()));
  EXPECT_FALSE(roots.contains((dir.path() / "other" / "app.js").string()));
}

TEST(NearestMatch, SuggestsTyposOnly) {
  std::vector<std::string> known{"IAM001", "IAM002", "iam-wildcard-action", "EVT", "IAM"};
  EXPECT_EQ(nearestMatch("IAM01", known), "IAM001");
  EXPECT_EQ(nearestMatch("iam-wildcard-actions", known), "iam-wildcard-action");
  EXPECT_EQ(nearestMatch("EVTT", known), "EVT");
  EXPECT_EQ(nearestMatch("completely-different", known), "");
}

}  // namespace
