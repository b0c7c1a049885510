#pragma once
// Files embedded at build time (cmake/Embed.cmake).
#include <string_view>
#include <utility>
#include <vector>

namespace lambdalint {
namespace embedded {
std::vector<std::pair<std::string_view, std::string_view>> ruleDocs();
std::vector<std::pair<std::string_view, std::string_view>> dataFiles();
std::vector<std::pair<std::string_view, std::string_view>> queryFiles();
std::vector<std::pair<std::string_view, std::string_view>> cppStubs();
}  // namespace embedded

// Contents of data/<stem>.json (or other extension); empty if absent.
std::string_view embeddedData(std::string_view stem);
// src/code/<language>/queries/<stem>.scm; empty if absent.
std::string_view embeddedQuery(std::string_view stem);
// src/code/cpp/stubs/<stem>.h: stand-ins for missing C++ headers; empty if absent.
std::string_view embeddedCppStub(std::string_view stem);
// docs/rules/<ID>.md; empty if absent.
std::string_view embeddedRuleDoc(std::string_view id);

}  // namespace lambdalint
