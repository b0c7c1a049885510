// The C++ frontend on hostile inputs: it writes nothing, never changes the
// process's working directory, reads only regular files inside the roots,
// ignores compile_commands.json options that read or load files, and survives
// nesting deeper than any stack. Inputs are generated here (FIFOs and symlinks
// too); the reproducers they come from are in testdata/robustness/cpp-*.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "code/cpp/compile_flags.h"
#include "code/cpp/cpp_frontend.h"

namespace lambdalint::code {
namespace {

namespace fs = std::filesystem;

const char* kHandler = R"(#include <aws/lambda-runtime/runtime.h>
using namespace aws::lambda_runtime;
static invocation_response h(invocation_request const&) { return invocation_response::success("ok", "text/plain"); }
int main() { run_handler(h); return 0; }
)";

// A fresh folder under the temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> n{0};
    path =
        fs::temp_directory_path() / ("lambdalint-cpp-robust-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
    path = fs::canonical(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string problems(const CodeFacts& f) {
  std::string out;
  for (const auto& p : f.problems) out += std::to_string(p.range.begin.line) + ": " + p.message + "\n";
  return out;
}

const OutsideRead* findRead(const CodeFacts& f, const std::string& targetSuffix) {
  for (const auto& r : f.outsideReads) {
    if (r.target.size() >= targetSuffix.size() &&
        r.target.compare(r.target.size() - targetSuffix.size(), targetSuffix.size(), targetSuffix) == 0)
      return &r;
  }
  return nullptr;
}

// Runs extractCpp with a time limit; on time-out `unblock` runs (so that the test ends) and the test fails.
CodeFacts extractWithin(const fs::path& file, const CppOptions& options, const std::function<void()>& unblock) {
  auto result = std::async(std::launch::async, [&] { return extractCpp(file.string(), options); });
  if (result.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    ADD_FAILURE() << "extractCpp did not return within 60 s";
    unblock();
  }
  return result.get();
}

TEST(CppRobustness, MissingIncludesWriteNothing) {
  TempDir tmp;
  fs::path created = tmp.path / "created_by_include";
  write(tmp.path / "victim.txt", "precious");
  fs::path main = tmp.path / "app/src/main.cpp";
  write(main, "#include \"" + (created / "x.h").string() + "\"\n#include \"../../victim.txt\"\n" +
                  "#include \"sub/missing.h\"\n#include <missing/angled.h>\n" + kHandler);
  CodeFacts f = extractCpp(main.string(), CppOptions{});
  EXPECT_FALSE(fs::exists(created));
  EXPECT_EQ(read(tmp.path / "victim.txt"), "precious");
  EXPECT_FALSE(fs::exists(tmp.path / "app/src/sub"));
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.problems.empty()) << problems(f);
  // The victim exists outside the checked folder: not read, reported.
  const OutsideRead* r = findRead(f, "/victim.txt");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->what, "#include");
  EXPECT_EQ(r->range.begin.line, 2u);
}

TEST(CppRobustness, ProcessWorkingDirectoryIsUntouched) {
  TempDir tmp;
  fs::path main = tmp.path / "app/main.cpp";
  write(main, std::string("#include \"local.h\"\n") + kHandler);
  write(tmp.path / "app/local.h", "#pragma once\n");
  fs::create_directories(tmp.path / "elsewhere");
  write(tmp.path / "app/compile_commands.json",
        R"([{"directory": ")" + (tmp.path / "elsewhere").string() + R"(", "file": ")" + main.string() +
            R"(", "command": "c++ -std=c++17 -I../app -c )" + main.string() + R"("}])");
  CppOptions options;
  options.compileCommands = (tmp.path / "app/compile_commands.json").string();
  const fs::path before = fs::current_path();
  // Other threads open relative paths while a C++ file is parsed: the cwd must hold all along.
  std::atomic<bool> done{false}, changed{false};
  std::thread watcher([&] {
    while (!done) {
      std::error_code ec;
      if (fs::current_path(ec) != before) changed = true;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  CodeFacts f = extractCpp(main.string(), options);
  done = true;
  watcher.join();
  EXPECT_FALSE(changed);
  EXPECT_EQ(fs::current_path(), before);
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.problems.empty()) << problems(f);
}

TEST(CppRobustness, TextWhoseFolderDoesNotExist) {
  // The language server and the fuzzer hand over text; its folder need not exist (ClangTool aborted).
  SourceFile file("/nonexistent-lambdalint-folder/src/main.cpp", kHandler);
  CodeFacts f = extractCpp(file, CppOptions{});
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.problems.empty()) << problems(f);
}

TEST(CppRobustness, IncludesOutsideTheRootsAreNotRead) {
  TempDir tmp;
  write(tmp.path / "outside/secret.h", "#define SECRET_1 1\n");
  write(tmp.path / "outside/secret2.h", "#define SECRET_2 1\n");
  write(tmp.path / "outside/secret3.h", "#define SECRET_3 1\n");
  write(tmp.path / "outside/nested.h", "#define SECRET_4 1\n");
  write(tmp.path / "app/inside.h", "#pragma once\n#include \"../outside/nested.h\"\n");
  fs::create_symlink(tmp.path / "outside/secret2.h", tmp.path / "app/link.h");
  fs::path main = tmp.path / "app/main.cpp";
  write(main, "#include \"../outside/secret.h\"\n#include \"link.h\"\n#include \"" +
                  (tmp.path / "outside/secret3.h").string() + "\"\n#include \"inside.h\"\n" +
                  "#if defined(SECRET_1) || defined(SECRET_2) || defined(SECRET_3) || defined(SECRET_4)\n"
                  "int read_outside = ;\n#endif\n" +
                  kHandler);
  CodeFacts f = extractCpp(main.string(), CppOptions{});
  EXPECT_TRUE(f.problems.empty()) << problems(f);
  EXPECT_TRUE(f.handler.found);
  for (auto [target, line] : {std::pair{"/outside/secret.h", 1u},
                              {"/app/link.h", 2u},
                              {"/outside/secret3.h", 3u},
                              {"/outside/nested.h", 4u}}) {
    const OutsideRead* r = findRead(f, target);
    ASSERT_NE(r, nullptr) << target;
    EXPECT_EQ(r->what, "#include");
    EXPECT_EQ(r->range.begin.line, line) << target;
  }

  // With the parent folder among the roots, the same files are read.
  CppOptions wide;
  wide.roots = {tmp.path.string()};
  CodeFacts g = extractCpp(main.string(), wide);
  EXPECT_FALSE(g.problems.empty());
  EXPECT_TRUE(g.outsideReads.empty());
}

TEST(CppRobustness, FifoIncludeDoesNotHang) {
  TempDir tmp;
  fs::path fifo = tmp.path / "pipe.h";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fs::path main = tmp.path / "main.cpp";
  write(main, std::string("#include \"pipe.h\"\n") + kHandler);
  CodeFacts f = extractWithin(main, CppOptions{}, [&] {
    int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
  });
  EXPECT_TRUE(f.handler.found);
  const OutsideRead* r = findRead(f, "/pipe.h");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->reason, "not a regular file");
  EXPECT_EQ(r->range.begin.line, 1u);
}

TEST(CppRobustness, FifoMainFileDoesNotHang) {
  TempDir tmp;
  fs::path fifo = tmp.path / "main.cpp";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  CodeFacts f = extractWithin(fifo, CppOptions{}, [&] {
    int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
  });
  ASSERT_FALSE(f.problems.empty());
  EXPECT_NE(f.problems[0].message.find("not a regular file"), std::string::npos) << f.problems[0].message;
}

TEST(CppRobustness, DeviceAndOversizedIncludesAreNotRead) {
  TempDir tmp;
  fs::create_symlink("/dev/zero", tmp.path / "zero.h");
  // Every file clang opens is size-checked, the toolchain's headers too: the limit must leave room for them.
  constexpr uint64_t kLimit = 4 << 20;
  write(tmp.path / "big.h", "#define BIG_READ 1\n" + std::string(kLimit, '\n'));
  fs::path main = tmp.path / "main.cpp";
  write(main,
        std::string("#include \"zero.h\"\n#include \"big.h\"\n#ifdef BIG_READ\nint read_big = ;\n#endif\n") + kHandler);
  CppOptions options;
  options.maxFileBytes = kLimit;
  CodeFacts f = extractCpp(main.string(), options);
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.problems.empty()) << problems(f);
  const OutsideRead* zero = findRead(f, "/zero.h");
  ASSERT_NE(zero, nullptr);
  EXPECT_EQ(zero->reason, "not a regular file");
  const OutsideRead* big = findRead(f, "/big.h");
  ASSERT_NE(big, nullptr);
  EXPECT_EQ(big->reason, "larger than " + std::to_string(kLimit) + " bytes");
}

TEST(CppRobustness, CompileCommandsCannotIncludeOrLoad) {
  TempDir tmp;
  fs::path app = tmp.path / "app";
  write(app / "prefix.h", "#define PREFIX_READ 1\n");
  write(app / "inc/ok.h", "#define FROM_INCLUDE_DIR 1\n");
  write(app / "rsp", "-include prefix.h\n");
  fs::path main = app / "main.cpp";
  write(main,
        std::string("#include <ok.h>\n#if defined(PREFIX_READ) || !defined(FROM_DB) || !defined(FROM_INCLUDE_DIR)\n"
                    "int honoured = ;\n#endif\n") +
            kHandler);
  write(
      app / "compile_commands.json",
      R"([{"directory": ".", "file": "main.cpp", "command": "c++ -include prefix.h -imacros prefix.h )"
      R"(-Xclang -load -Xclang /tmp/evil.so -fplugin=/tmp/evil.so @rsp --config prefix.h -DFROM_DB=1 -I inc -c main.cpp"}])");
  CppOptions options;
  options.compileCommands = (app / "compile_commands.json").string();
  CodeFacts f = extractCpp(main.string(), options);
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.problems.empty()) << problems(f);
  std::vector<std::string> dropped;
  for (const auto& r : f.outsideReads) dropped.push_back(r.what + " " + r.target);
  for (const char* want : {"-include prefix.h", "-imacros prefix.h", "-Xclang -load /tmp/evil.so",
                           "-fplugin= /tmp/evil.so", "@file rsp", "--config prefix.h"}) {
    EXPECT_NE(std::find(dropped.begin(), dropped.end(), want), dropped.end()) << want;
  }
}

TEST(CppRobustness, CompileFlagsKeepOnlyWhatShapesParsing) {
  auto f = filterCompileFlags({"-Iinc",
                               "-isystem",
                               "/sys",
                               "-iquote",
                               "q",
                               "-idirafter/after",
                               "-DA=1",
                               "-D",
                               "B",
                               "-UC",
                               "-std=c++20",
                               "-O2",
                               "-include",
                               "/etc/passwd",
                               "-include/etc/shadow",
                               "-include-pch",
                               "x.pch",
                               "-fmodule-file=m.pcm",
                               "-fprofile-use=p.prof",
                               "-fsanitize-ignorelist=i.txt",
                               "-fsanitize-blacklist=b.txt",
                               "@r.rsp",
                               "-o",
                               "x.o"},
                              "/work/app");
  std::vector<std::string> want{"-I",     "/work/app/inc", "-isystem", "/sys", "-iquote", "/work/app/q", "-idirafter",
                                "/after", "-DA=1",         "-D",       "B",    "-UC",     "-std=c++20"};
  EXPECT_EQ(f.flags, want);
  EXPECT_EQ(f.systemDirs, std::vector<std::string>{"/sys"});
  EXPECT_EQ(f.dropped.size(), 8u);
}

TEST(CppRobustness, DeepNestingEndsWithAProblem) {
  // `x: ` and 100000 '(' overflowed the stack in Parser::SkipUntil; unary operators and closed
  // parentheses recurse the same way; a long chain of assignments overflowed in Sema::CheckCompletedExpr.
  for (const std::string& tail : {"x: " + std::string(100000, '('), "int y = " + std::string(200000, '!') + "0;",
                                  "int z = " + std::string(100000, '(') + "1" + std::string(100000, ')') + ";",
                                  "int w = " + std::string(100000, '[') + ";", "void v() " + std::string(100000, '{'),
                                  // Built by a loop in the parser, checked recursively by Sema once complete.
                                  [] {
                                    std::string s = "int a; void f() { ";
                                    for (int i = 0; i < 300000; ++i) s += "a=";
                                    return s + "1; }";
                                  }()}) {
    SourceFile file("/nonexistent-lambdalint-folder/main.cpp", std::string(kHandler) + tail + "\n");
    CodeFacts f = extractCpp(file, CppOptions{});
    EXPECT_TRUE(f.handler.found) << tail.substr(0, 12);
    EXPECT_FALSE(f.problems.empty()) << tail.substr(0, 12);
  }
}

}  // namespace
}  // namespace lambdalint::code
