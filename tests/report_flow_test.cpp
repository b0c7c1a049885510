// Data-flow steps of a finding (Diagnostic::flow) reach every output format: numbered lines in text, `flow`
// in JSON, one codeFlow thread in SARIF.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/report.h"

using namespace lambdalint;
using nlohmann::json;

namespace {

Location at(uint32_t line, uint32_t column, uint32_t endColumn) {
  Location l;
  l.path = "src/app.js";
  l.range.begin = {.offset = 0, .line = line, .column = column};
  l.range.end = {.offset = 0, .line = line, .column = endColumn};
  return l;
}

RunResult resultWithFlow() {
  Diagnostic d = makeDiagnostic("TPL005", Severity::Error, "src/app.js", at(9, 3, 20).range, "the sink");
  d.flow = {{at(3, 15, 25), "event.body enters here"},
            {at(5, 9, 12), "assigned to `sql`"},
            {at(9, 3, 20), "reaches query()"}};
  RunResult result;
  result.diagnostics.push_back(d);
  result.templates = 1;
  return result;
}

std::string render(Format format) {
  std::ostringstream out;
  ReportOptions options;
  options.format = format;
  options.srcRoot = std::filesystem::current_path().string();
  writeReport(out, resultWithFlow(), options);
  return out.str();
}

TEST(ReportFlow, TextListsTheStepsInOrder) {
  const std::string text = render(Format::Text);
  const auto first = text.find("  1. src/app.js:3:15: event.body enters here\n");
  const auto second = text.find("  2. src/app.js:5:9: assigned to `sql`\n");
  const auto third = text.find("  3. src/app.js:9:3: reaches query()\n");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(second, std::string::npos) << text;
  ASSERT_NE(third, std::string::npos) << text;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

TEST(ReportFlow, JsonCarriesTheSteps) {
  const json doc = json::parse(render(Format::Json));
  const json& flow = doc.at("diagnostics").at(0).at("flow");
  ASSERT_EQ(flow.size(), 3u);
  EXPECT_EQ(flow[0].at("message"), "event.body enters here");
  EXPECT_EQ(flow[0].at("start").at("line"), 3);
  EXPECT_EQ(flow[2].at("end").at("column"), 20);
}

TEST(ReportFlow, SarifHasOneThreadFlowFromSourceToSink) {
  const json doc = json::parse(render(Format::Sarif));
  const json& result = doc.at("runs").at(0).at("results").at(0);
  ASSERT_EQ(result.at("codeFlows").size(), 1u);
  const json& threads = result.at("codeFlows")[0].at("threadFlows");
  ASSERT_EQ(threads.size(), 1u);
  const json& steps = threads[0].at("locations");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].at("location").at("message").at("text"), "event.body enters here");
  EXPECT_EQ(steps[0].at("location").at("physicalLocation").at("region").at("startLine"), 3);
  EXPECT_EQ(steps[2].at("location").at("physicalLocation").at("artifactLocation").at("uri"), "src/app.js");
}

TEST(ReportFlow, NoFlowNoCodeFlows) {
  RunResult result = resultWithFlow();
  result.diagnostics[0].flow.clear();
  std::ostringstream out;
  ReportOptions options;
  options.format = Format::Sarif;
  writeReport(out, result, options);
  EXPECT_FALSE(json::parse(out.str()).at("runs").at(0).at("results").at(0).contains("codeFlows"));
}

}  // namespace
