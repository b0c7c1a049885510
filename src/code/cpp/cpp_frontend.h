#pragma once
// The C++ handler frontend (aws-lambda-cpp + AWS SDK for C++), on Clang
// LibTooling 14: one translation unit in, language-neutral CodeFacts out.
// The handler is what `main` passes to aws::lambda_runtime::run_handler().
// Works without the aws-lambda-cpp and AWS SDK headers: when they are not
// found, declaration-only stand-ins shipped inside lambdalint take their place
// (real headers always win), and any other missing include becomes empty.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/source_file.h"
#include "code/code_facts.h"

namespace lambdalint::code {

struct CppOptions {
  // Compiler flags without the compiler and the file (`-std=c++17`, `-I...`, `-D...`).
  // Empty: `-std=c++17 -I<folder of the file>/include`.
  std::vector<std::string> compileArgs;
  // A compile_commands.json to take the file's flags from; used when it names the file (or a file of the
  // same name), otherwise compileArgs / the defaults apply. Both are filtered the same way: only -I,
  // -isystem, -iquote, -idirafter, -D, -U and -std= reach clang (see compile_flags.h).
  std::string compileCommands;
  // Absolute, canonical folders whose files may be read (the folders the user asked to check). Empty: the
  // folder of the main file. Includes resolving elsewhere (except clang's resource dir and the system include
  // folders clang itself searches) are treated as missing and listed in CodeFacts::outsideReads.
  std::vector<std::string> roots;
  // Files (the main file and every include) above this size are not read.
  uint64_t maxFileBytes = 16 * 1024 * 1024;
  bool useStubs = true;     // false: no stand-ins for missing headers (tests of the real-header path)
  std::string resourceDir;  // clang's resource dir; empty: $LAMBDALINT_CLANG_RESOURCE_DIR, then the configured one
  // Called once per parsed translation unit with its wall time (the `--verbose` line).
  std::function<void(const std::string& file, double milliseconds)> onTiming;
};

// Facts of the translation unit `mainFile` (read from disk). Never throws;
// clang's syntax errors in the file land in `problems`, and the facts of
// everything that parsed are kept. Writes nothing, never changes the process's
// working directory, and reads only regular files inside the roots (and the
// toolchain's headers). Parses on a thread with a large stack; input nested
// deeper than that stack holds ends the parse with a problem, not a crash.
CodeFacts extractCpp(const std::string& mainFile, const CppOptions& options);
// The same for a text already read (positions are computed from `file`).
CodeFacts extractCpp(const SourceFile& file, const CppOptions& options);

// IAM service prefix of an AWS SDK for C++ namespace (`DynamoDB` -> `dynamodb`, `SFN` -> `states`).
std::string cppServicePrefix(std::string_view sdkNamespace);

// The stand-in text served for a missing include `name` of a file with text
// `mainText` (empty for includes lambdalint has no stand-in for).
std::string cppStubFor(std::string_view name, std::string_view mainText);

}  // namespace lambdalint::code
