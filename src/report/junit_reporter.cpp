// JUnit XML, as CI systems read test reports: one test suite per checked file, one failed test case per
// finding (a passing one for a file without findings), so a file's problems show up as its failed tests.
#include <fmt/format.h>

#include <map>
#include <vector>

#include "engine/rule.h"
#include "report/report.h"

namespace lambdalint {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0.
size_t utf8Length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) >> 6) != 2) return 0;
  }
  return n;
}

// XML 1.0 text: the five special characters escaped; control characters XML cannot carry dropped, and
// bytes that are not UTF-8 (from a binary file's text) replaced by U+FFFD.
std::string xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      size_t n = utf8Length(text, i);
      out += n == 0 ? std::string_view("\xEF\xBF\xBD") : text.substr(i, n);
      i += n == 0 ? 0 : n - 1;
      continue;
    }
    char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

}  // namespace

void writeJunit(std::ostream& out, const RunResult& result, const ReportOptions&) {
  std::map<std::string, std::vector<const Diagnostic*>> byFile;
  for (const auto& file : result.files) byFile[file];
  for (const auto& d : result.diagnostics) byFile[d.location.path].push_back(&d);
  size_t failures = result.diagnostics.size();
  size_t tests = 0;
  for (const auto& [file, findings] : byFile) tests += findings.empty() ? 1 : findings.size();

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"lambdalint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", tests, failures);
  for (const auto& [file, findings] : byFile) {
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", xml(file),
                       findings.empty() ? 1 : findings.size(), findings.size());
    if (findings.empty()) out << fmt::format("    <testcase name=\"lambdalint\" classname=\"{}\"/>\n", xml(file));
    for (const Diagnostic* d : findings) {
      const Rule* rule = RuleRegistry::instance().find(d->ruleId);
      std::string name = d->ruleId + (rule ? " " + std::string(rule->meta().name) : "");
      const auto& b = d->location.range.begin;
      out << fmt::format("    <testcase name=\"{} at {}:{}\" classname=\"{}\">\n", xml(name), b.line, b.column,
                         xml(file));
      out << fmt::format("      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {}: {} [{}]</failure>\n",
                         to_string(d->severity), xml(d->message), xml(file), b.line, b.column, to_string(d->severity),
                         xml(d->message), xml(name));
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace lambdalint
