// Templates per second and MB/s, parse-only (the floor) against the full
// check, on synthetic SAM applications. Run: build/bench/lambdalint_bench
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "commands/check.h"
#include "model/app_model.h"
#include "sam_generator.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

// ~3,000-line template: 50 functions of ~60 lines.
void BM_ParseOnly(benchmark::State& state) {
  std::string text = bench::generateSamTemplate(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) {
    Document d = parseDocument(std::make_shared<SourceFile>("t.yaml", text));
    benchmark::DoNotOptimize(d.root.entries.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["lines"] = static_cast<double>(std::count(text.begin(), text.end(), '\n'));
  state.counters["templates/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseOnly)->Arg(1)->Arg(50)->Arg(500)->Unit(benchmark::kMillisecond);

void BM_ParseAndModel(benchmark::State& state) {
  std::string text = bench::generateSamTemplate(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) {
    auto m = buildModel(parseDocument(std::make_shared<SourceFile>("t.yaml", text)));
    benchmark::DoNotOptimize(m->functions.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["templates/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseAndModel)->Arg(1)->Arg(50)->Arg(500)->Unit(benchmark::kMillisecond);

// Full check through the runner (files on disk, every rule, one thread), for
// N templates of M functions.
void BM_FullCheck(benchmark::State& state) {
  const int templates = static_cast<int>(state.range(0));
  const int functions = static_cast<int>(state.range(1));
  fs::path dir = fs::temp_directory_path() / fmt::format("lambdalint-bench-{}-{}", templates, functions);
  fs::create_directories(dir);
  size_t bytes = 0;
  for (int t = 0; t < templates; ++t) {
    std::string text = bench::generateSamTemplate(functions, t);
    bytes += text.size();
    std::ofstream(dir / fmt::format("t{}.yaml", t)) << text;
  }
  RunOptions options;
  options.paths = {dir.string()};
  options.jobs = 1;
  for (auto _ : state) {
    RunResult r = runCheck(options);
    benchmark::DoNotOptimize(r.diagnostics.size());
  }
  fs::remove_all(dir);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["templates/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * templates), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FullCheck)->Args({1, 50})->Args({1000, 1})->Args({100, 10})->Unit(benchmark::kMillisecond);

}  // namespace
