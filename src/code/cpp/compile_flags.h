#pragma once
// Which compiler options of a compile_commands.json (or of CppOptions::compileArgs) reach clang. A
// compilation database comes from the repository being checked, so it is untrusted: only options that
// shape parsing and read nothing by themselves pass (-I -isystem -iquote -idirafter -D -U -std=). The
// folders they name still go through the sandboxed file system. Everything else is dropped; options that
// would make clang read or load a file (-include, -imacros, @file, --config, -include-pch, -fmodule-file=,
// -fprofile-use=, -fsanitize-ignorelist=, -Xclang -load, -fplugin= ...) are reported.
#include <string>
#include <utility>
#include <vector>

namespace lambdalint::code {

struct FilteredCompileFlags {
  std::vector<std::string> flags;       // what clang gets
  std::vector<std::string> systemDirs;  // absolute -isystem folders among them (not toolchain folders)
  // Dropped options that name a file: {option as written, its file argument}.
  std::vector<std::pair<std::string, std::string>> dropped;
};

// `args`: the options without the compiler; `directory`: the absolute folder relative paths are against.
FilteredCompileFlags filterCompileFlags(const std::vector<std::string>& args, const std::string& directory);

}  // namespace lambdalint::code
