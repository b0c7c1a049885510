#include "util/git_changes.h"

#include <charconv>

#include "util/run_program.h"

namespace lambdalint {
namespace {

// A path as git prints it in a header: plain, or C-quoted ("a\tb", "\303\251") when it holds odd bytes.
std::string unquote(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::string(text);
  text = text.substr(1, text.size() - 2);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    char c = text[++i];
    if (c >= '0' && c <= '7' && i + 2 < text.size()) {
      out += static_cast<char>(((c - '0') << 6) | ((text[i + 1] - '0') << 3) | (text[i + 2] - '0'));
      i += 2;
    } else {
      out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
  }
  return out;
}

// "+c,d" or "+c" of a hunk header.
std::optional<std::pair<uint32_t, uint32_t>> newSide(std::string_view header) {
  size_t plus = header.find(" +");
  if (plus == std::string_view::npos) return std::nullopt;
  std::string_view rest = header.substr(plus + 2);
  uint32_t start = 0, count = 1;
  auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), start);
  if (ec != std::errc()) return std::nullopt;
  if (p < rest.data() + rest.size() && *p == ',') {
    auto [q, ec2] = std::from_chars(p + 1, rest.data() + rest.size(), count);
    if (ec2 != std::errc()) return std::nullopt;
  }
  // A pure deletion (count 0) changes the line it leaves behind: the one after it.
  if (count == 0) return std::make_pair(std::max<uint32_t>(start, 1), std::max<uint32_t>(start, 1));
  return std::make_pair(start, start + count - 1);
}

std::vector<std::string> gitCommand(const std::string& workTree) {
  return {"git",
          "-C",
          workTree,
          "-c",
          "core.fsmonitor=false",
          "-c",
          "core.quotePath=true",
          "-c",
          "diff.noprefix=false",
          "--no-pager"};
}

}  // namespace

bool ChangedLines::contains(const std::string& relativePath, uint32_t line) const {
  auto it = files.find(relativePath);
  if (it == files.end()) return false;
  if (it->second.empty()) return true;
  for (const auto& [first, last] : it->second) {
    if (line >= first && line <= last) return true;
  }
  return false;
}

ChangedLines parseUnifiedDiff(std::string_view diff) {
  ChangedLines out;
  std::vector<std::pair<uint32_t, uint32_t>>* current = nullptr;
  size_t pos = 0;
  while (pos < diff.size()) {
    size_t end = diff.find('\n', pos);
    if (end == std::string_view::npos) end = diff.size();
    std::string_view line = diff.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("+++ ")) {
      std::string path = unquote(line.substr(4));
      current = nullptr;
      if (path.starts_with("b/")) current = &out.files[path.substr(2)];
    } else if (line.starts_with("@@ ") && current) {
      if (auto range = newSide(line)) current->push_back(*range);
    }
  }
  return out;
}

std::optional<ChangedLines> changedLinesSince(const std::string& workTree, const std::string& revision,
                                              std::string& error) {
  if (revision.empty() || revision.front() == '-') {
    error = "'" + revision + "' is not a revision";
    return std::nullopt;
  }
  std::vector<std::string> diff = gitCommand(workTree);
  for (const char* arg :
       {"diff", "--no-ext-diff", "--no-textconv", "--no-color", "--no-renames", "-U0", "--end-of-options"}) {
    diff.emplace_back(arg);
  }
  diff.push_back(revision);
  diff.emplace_back("--");
  std::optional<ProgramOutput> result = runProgram(diff);
  if (!result) {
    error = "git is not installed (or not on the PATH)";
    return std::nullopt;
  }
  if (result->exitCode != 0) {
    error = result->err.empty() ? "git diff failed" : result->err.substr(0, result->err.find('\n'));
    return std::nullopt;
  }
  ChangedLines changes = parseUnifiedDiff(result->out);

  std::vector<std::string> untracked = gitCommand(workTree);
  for (const char* arg : {"ls-files", "--others", "--exclude-standard", "-z"}) untracked.emplace_back(arg);
  std::optional<ProgramOutput> files = runProgram(untracked);
  if (files && files->exitCode == 0) {
    std::string_view list = files->out;
    size_t pos = 0;
    while (pos < list.size()) {
      size_t end = list.find('\0', pos);
      if (end == std::string_view::npos) end = list.size();
      if (end > pos) changes.files[std::string(list.substr(pos, end - pos))].clear();
      pos = end + 1;
    }
  }
  return changes;
}

}  // namespace lambdalint
