#include "iam/action_pattern.h"

#include <fmt/format.h>

#include <set>

#include "iam/catalog.h"

namespace lambdalint::iam {

bool isFullWildcard(std::string_view action) {
  return action == "*" ||
         (action.size() > 2 && action.substr(action.size() - 2) == ":*" && action.find(':') == action.size() - 2);
}

std::string_view servicePrefix(std::string_view action) {
  auto colon = action.find(':');
  return colon == std::string_view::npos ? std::string_view() : action.substr(0, colon);
}

bool hasWildcard(std::string_view action) { return action.find_first_of("*?") != std::string_view::npos; }

std::string describeExpansion(std::string_view pattern) {
  auto actions = Catalog::get().expand(pattern);
  if (actions.empty()) return "no known actions";
  // Most powerful first: what a reviewer worries about.
  static constexpr AccessLevel kOrder[] = {AccessLevel::PermissionsManagement, AccessLevel::Write, AccessLevel::Tagging,
                                           AccessLevel::Read, AccessLevel::List};
  std::set<AccessLevel> levels;
  for (const auto* a : actions) levels.insert(a->accessLevel);
  std::string list;
  for (auto level : kOrder) {
    if (!levels.count(level)) continue;
    list += (list.empty() ? "" : ", ") + std::string(to_string(level));
  }
  return fmt::format("{} action{} ({})", actions.size(), actions.size() == 1 ? "" : "s", list);
}

bool supportsResourceScoping(std::string_view pattern) {
  for (const auto* a : Catalog::get().expand(pattern)) {
    if (!a->resourceTypes.empty()) return true;
  }
  return false;
}

}  // namespace lambdalint::iam
