#include "util/embedded.h"

namespace lambdalint {
namespace {

std::string_view find(const std::vector<std::pair<std::string_view, std::string_view>>& files, std::string_view stem) {
  for (const auto& [name, content] : files) {
    if (name == stem) return content;
  }
  return {};
}

}  // namespace

std::string_view embeddedData(std::string_view stem) {
  static const auto files = embedded::dataFiles();
  return find(files, stem);
}

std::string_view embeddedQuery(std::string_view stem) {
  static const auto files = embedded::queryFiles();
  return find(files, stem);
}

std::string_view embeddedCppStub(std::string_view stem) {
  static const auto files = embedded::cppStubs();
  return find(files, stem);
}

std::string_view embeddedRuleDoc(std::string_view id) {
  static const auto files = embedded::ruleDocs();
  return find(files, id);
}

}  // namespace lambdalint
