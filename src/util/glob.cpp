#include "util/glob.h"

#include <re2/re2.h>

#include <string>

namespace lambdalint {

bool globMatch(std::string_view pattern, std::string_view path) {
  // Globs become re2 patterns (DESIGN.md: re2 for every pattern).
  std::string regex;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '*' && i + 1 < pattern.size() && pattern[i + 1] == '*') {
      bool slashAfter = i + 2 < pattern.size() && pattern[i + 2] == '/';
      regex += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (c == '*') {
      regex += "[^/]*";
    } else if (c == '?') {
      regex += "[^/]";
    } else {
      regex += RE2::QuoteMeta(std::string_view(&c, 1));
    }
  }
  RE2 re(regex);
  return re.ok() && RE2::FullMatch(path, re);
}

}  // namespace lambdalint
