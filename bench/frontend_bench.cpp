// Handler frontends: MB/s of fact extraction against tree-sitter's bare parse
// of the same 5,000-line handler, per language.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "code/cpp/cpp_frontend.h"
#include "code/javascript/javascript_frontend.h"
#include "code/python/python_frontend.h"
#include "code/tree_sitter/syntax_tree.h"
#include "lambdalint_languages.h"

using namespace lambdalint;

namespace {

std::string javascriptHandler(int lines) {
  std::string out =
      "const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\n";
  for (int i = 0; out.size() < static_cast<size_t>(lines) * 30; ++i) {
    out += fmt::format(R"(async function step{0}(record) {{
  try {{
    const key = `out/${{record.id}}/{0}`;
    await s3.send(new PutObjectCommand({{ Bucket: process.env.BUCKET_{0}, Key: key, Body: JSON.stringify(record) }}));
  }} catch (err) {{
    console.error('step {0} failed', err);
    throw err;
  }}
}}
)",
                       i);
  }
  out += "exports.handler = async (event) => {\n  for (const r of event.Records) await step0(r);\n};\n";
  return out;
}

std::string pythonHandler(int lines) {
  std::string out = "import os\n\nimport boto3\n\ns3 = boto3.client('s3')\n\n";
  for (int i = 0; out.size() < static_cast<size_t>(lines) * 30; ++i) {
    out += fmt::format(R"(
def step{0}(record):
    try:
        key = f"out/{{record['id']}}/{0}"
        s3.put_object(Bucket=os.environ["BUCKET_{0}"], Key=key, Body=str(record))
    except Exception:
        print("step {0} failed")
        raise

)",
                       i);
  }
  out += "\ndef handler(event, context):\n    for r in event['Records']:\n        step0(r)\n";
  return out;
}

template <typename Extract>
void run(benchmark::State& state, const std::string& text, Extract extract) {
  SourceFile file("bench", text);
  for (auto _ : state) benchmark::DoNotOptimize(extract(file));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["lines"] = static_cast<double>(std::count(text.begin(), text.end(), '\n'));
}

void BM_JavaScriptParseOnly(benchmark::State& state) {
  run(state, javascriptHandler(5000), [](const SourceFile& f) {
    code::SyntaxTree tree(f, tree_sitter_javascript());
    return ts_node_child_count(tree.root());
  });
}
BENCHMARK(BM_JavaScriptParseOnly)->Unit(benchmark::kMillisecond);

void BM_JavaScriptFacts(benchmark::State& state) {
  run(state, javascriptHandler(5000), [](const SourceFile& f) {
    return code::extractJavaScript(f, code::Language::JavaScript, "handler").sdkCalls.size();
  });
}
BENCHMARK(BM_JavaScriptFacts)->Unit(benchmark::kMillisecond);

void BM_TypeScriptFacts(benchmark::State& state) {
  run(state, javascriptHandler(5000), [](const SourceFile& f) {
    return code::extractJavaScript(f, code::Language::TypeScript, "handler").sdkCalls.size();
  });
}
BENCHMARK(BM_TypeScriptFacts)->Unit(benchmark::kMillisecond);

void BM_PythonParseOnly(benchmark::State& state) {
  run(state, pythonHandler(5000), [](const SourceFile& f) {
    code::SyntaxTree tree(f, tree_sitter_python());
    return ts_node_child_count(tree.root());
  });
}
BENCHMARK(BM_PythonParseOnly)->Unit(benchmark::kMillisecond);

void BM_PythonFacts(benchmark::State& state) {
  run(state, pythonHandler(5000),
      [](const SourceFile& f) { return code::extractPython(f, "handler").sdkCalls.size(); });
}
BENCHMARK(BM_PythonFacts)->Unit(benchmark::kMillisecond);

// One C++ translation unit: the cpp-orders sample's main.cpp, parsed by Clang with the stand-in AWS headers
// (the standard headers it includes dominate). Time per TU, not MB/s: Clang's cost is per translation unit.
void BM_CppFacts(benchmark::State& state) {
  const std::string path = LAMBDALINT_SOURCE_DIR "/testdata/apps/cpp-orders/main.cpp";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  SourceFile file(path, text.str());
  code::CppOptions options;
  for (auto _ : state) benchmark::DoNotOptimize(code::extractCpp(file, options).sdkCalls.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file.text().size()));
}
BENCHMARK(BM_CppFacts)->Unit(benchmark::kMillisecond);

}  // namespace
