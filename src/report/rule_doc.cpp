#include "report/rule_doc.h"

#include <re2/re2.h>

#include "util/embedded.h"

namespace lambdalint {

std::string_view ruleDoc(std::string_view id) { return embeddedRuleDoc(id); }

std::string_view docSection(std::string_view doc, std::string_view title) {
  std::string heading = "\n## " + std::string(title) + "\n";
  auto start = doc.find(heading);
  if (start == std::string_view::npos) return {};
  start += heading.size();
  auto end = doc.find("\n## ", start);
  std::string_view section = doc.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  while (!section.empty() && (section.front() == '\n')) section.remove_prefix(1);
  while (!section.empty() && (section.back() == '\n')) section.remove_suffix(1);
  return section;
}

std::string firstParagraph(std::string_view section) {
  auto end = section.find("\n\n");
  std::string out(section.substr(0, end));
  for (auto& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

std::string helpUri(std::string_view doc) {
  std::string_view refs = docSection(doc, "References");
  std::string uri;
  static const RE2 link(R"((https?://[^\s)>\]]+))");
  RE2::PartialMatch(refs, link, &uri);
  return uri;
}

}  // namespace lambdalint
