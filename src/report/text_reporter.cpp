// path:line:col: severity: message [ID name], the source line and a caret.
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "engine/rule.h"
#include "report/report.h"
#include "util/read_file.h"

namespace lambdalint {
namespace {

constexpr uint64_t kQuotedFileLimit = 256u * 1024 * 1024;

class LineCache {
 public:
  std::string_view line(const std::string& path, uint32_t number) {
    auto it = files_.find(path);
    if (it == files_.end()) {
      // Only regular files, size-checked: a finding may be about /dev/zero or a FIFO named on the command line.
      it = files_.emplace(path, SourceFile(path, readRegularFileText(path, kQuotedFileLimit).value_or(""))).first;
    }
    return it->second.lineText(number);
  }

 private:
  std::map<std::string, SourceFile> files_;
};

const char* colorOf(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    case Severity::Note:
      return "\x1b[1;36m";
  }
  return "";
}

// The caret goes under the column; tabs are kept so it lines up.
std::string caretLine(std::string_view line, uint32_t column, uint32_t width) {
  std::string out;
  uint32_t col = 1;
  for (size_t i = 0; i < line.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
    ++col;
  }
  out += '^';
  if (width > 1) out.append(std::min<uint32_t>(width - 1, 200), '~');
  return out;
}

// Control bytes of a binary file must not reach the terminal.
std::string printable(std::string_view line) {
  std::string out(line.substr(0, 400));
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') c = '?';
  }
  return out;
}

}  // namespace

void writeText(std::ostream& out, const RunResult& result, const ReportOptions& options) {
  LineCache cache;
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  size_t counts[3] = {0, 0, 0};
  for (const auto& d : result.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    const Rule* rule = RuleRegistry::instance().find(d.ruleId);
    std::string_view name = rule ? rule->meta().name : std::string_view();
    const auto& b = d.location.range.begin;
    out << bold << d.location.path << ':' << b.line << ':' << b.column << ':' << reset << ' '
        << (options.color ? colorOf(d.severity) : "") << to_string(d.severity) << ':' << reset << ' ' << d.message
        << " [" << d.ruleId;
    if (!name.empty()) out << ' ' << name;
    out << "]\n";
    std::string line = printable(cache.line(d.location.path, b.line));
    if (!line.empty()) {
      const auto& e = d.location.range.end;
      uint32_t width = e.line == b.line && e.column > b.column ? e.column - b.column : 1;
      out << "  " << line << "\n  " << (options.color ? colorOf(d.severity) : "") << caretLine(line, b.column, width)
          << reset << '\n';
    }
    if (d.fix) out << "  fix: " << d.fix->description << '\n';
    for (size_t i = 0; i < d.flow.size(); ++i) {
      const FlowStep& step = d.flow[i];
      out << "  " << (i + 1) << ". " << step.location.path << ':' << step.location.range.begin.line << ':'
          << step.location.range.begin.column << ": " << step.message << '\n';
    }
    for (const auto& r : d.related) {
      out << "  " << r.location.path << ':' << r.location.range.begin.line << ':' << r.location.range.begin.column
          << ": note: " << r.message << '\n';
    }
  }
  size_t total = counts[0] + counts[1] + counts[2];
  if (total == 0) {
    out << fmt::format("No problems found in {} template{}.\n", result.templates, result.templates == 1 ? "" : "s");
  } else {
    out << fmt::format("Found {} problem{} ({} error{}, {} warning{}, {} note{}) in {} template{}.\n", total,
                       total == 1 ? "" : "s", counts[2], counts[2] == 1 ? "" : "s", counts[1],
                       counts[1] == 1 ? "" : "s", counts[0], counts[0] == 1 ? "" : "s", result.templates,
                       result.templates == 1 ? "" : "s");
  }
}

void writeReport(std::ostream& out, const RunResult& result, const ReportOptions& options) {
  switch (options.format) {
    case Format::Text:
      writeText(out, result, options);
      break;
    case Format::Json:
      writeJson(out, result, options);
      break;
    case Format::Sarif:
      writeSarif(out, result, options);
      break;
    case Format::Github:
      writeGithub(out, result, options);
      break;
    case Format::Junit:
      writeJunit(out, result, options);
      break;
    case Format::Gitlab:
      writeGitlab(out, result, options);
      break;
  }
}

}  // namespace lambdalint
