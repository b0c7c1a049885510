#pragma once
// "Did you mean ...?" for names typed by a user.
#include <string>
#include <string_view>
#include <vector>

namespace lambdalint {

// The candidate closest to `word` (case-insensitive edit distance), or empty
// when none is close enough to be a likely typo.
std::string nearestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace lambdalint
