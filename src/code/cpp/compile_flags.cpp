#include "code/cpp/compile_flags.h"

#include <array>
#include <filesystem>
#include <string_view>

namespace lambdalint::code {
namespace {

namespace fs = std::filesystem;

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Options whose argument (next word, or joined after the spelling) is a file clang would read or load.
constexpr std::array<std::string_view, 9> kFileOptionsSeparate{"-include", "-imacros",     "-include-pch",
                                                               "--config", "-ivfsoverlay", "-fmodule-file",
                                                               "-load",    "-plugin",      "-fmodule-map-file"};
constexpr std::array<std::string_view, 20> kFileOptionsJoined{"-include",
                                                              "-imacros",
                                                              "--config=",
                                                              "-fplugin=",
                                                              "-fpass-plugin=",
                                                              "-fmodule-file=",
                                                              "-fmodule-map-file=",
                                                              "-fprofile-use=",
                                                              "-fprofile-instr-use=",
                                                              "-fprofile-sample-use=",
                                                              "-fsanitize-blacklist=",
                                                              "-fsanitize-ignorelist=",
                                                              "-fsanitize-coverage-allowlist=",
                                                              "-fsanitize-coverage-ignorelist=",
                                                              "-fxray-always-instrument=",
                                                              "-fxray-never-instrument=",
                                                              "-fxray-attr-list=",
                                                              "-fprofile-list=",
                                                              "-ivfsoverlay",
                                                              "-include-pch"};

}  // namespace

FilteredCompileFlags filterCompileFlags(const std::vector<std::string>& args, const std::string& directory) {
  FilteredCompileFlags out;
  auto absolute = [&](const std::string& p) {
    fs::path path(p);
    return (path.is_absolute() ? path : fs::path(directory) / path).lexically_normal().string();
  };
  auto keepDir = [&](std::string_view flag, const std::string& dir) {
    std::string abs = absolute(dir);
    out.flags.push_back(std::string(flag));
    out.flags.push_back(abs);
    if (flag == "-isystem") out.systemDirs.push_back(abs);
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool hasNext = i + 1 < args.size();
    bool handled = false;
    for (std::string_view flag : {"-I", "-isystem", "-iquote", "-idirafter"}) {
      if (a == flag && hasNext) {
        keepDir(flag, args[++i]);
        handled = true;
        break;
      }
      if (startsWith(a, flag) && a.size() > flag.size()) {  // `-I/x`, `-isystem/x`
        keepDir(flag, a.substr(flag.size()));
        handled = true;
        break;
      }
    }
    if (handled) continue;
    if (a == "-D" || a == "-U") {
      if (hasNext) {
        out.flags.push_back(a);
        out.flags.push_back(args[++i]);
      }
      continue;
    }
    if (startsWith(a, "-D") || startsWith(a, "-U") || startsWith(a, "-std=")) {
      out.flags.push_back(a);
      continue;
    }
    // Everything below is dropped; the ones that name files are reported.
    if (startsWith(a, "@")) {
      out.dropped.emplace_back("@file", a.substr(1));
      continue;
    }
    if (a == "-Xclang" || a == "-Xpreprocessor" || a == "-Xcompiler") {
      // `-Xclang -load -Xclang x.so`: the option and its argument each behind their own -Xclang.
      if (!hasNext) continue;
      const std::string& inner = args[++i];
      for (std::string_view f : kFileOptionsSeparate) {
        if (inner == f && i + 2 < args.size() && args[i + 1] == a) {
          out.dropped.emplace_back(a + " " + inner, args[i + 2]);
          i += 2;
          break;
        }
      }
      continue;
    }
    bool dropped = false;
    for (std::string_view f : kFileOptionsSeparate) {
      if (a == f && hasNext) {
        out.dropped.emplace_back(a, args[++i]);
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    for (std::string_view f : kFileOptionsJoined) {
      if (startsWith(a, f) && a.size() > f.size()) {
        out.dropped.emplace_back(std::string(f), a.substr(f.size()));
        break;
      }
    }
  }
  return out;
}

}  // namespace lambdalint::code
