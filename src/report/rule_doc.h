#pragma once
// Reads the sections of a rule's documentation page (docs/rules/<ID>.md).
#include <string>
#include <string_view>

namespace lambdalint {

std::string_view ruleDoc(std::string_view id);
// Text of the `## <title>` section, without the heading; empty if absent.
std::string_view docSection(std::string_view doc, std::string_view title);
// First paragraph of a section.
std::string firstParagraph(std::string_view section);
// First http(s) link in the References section, or empty.
std::string helpUri(std::string_view doc);

}  // namespace lambdalint
