#pragma once
// Baselines: adopting lambdalint on an existing repository without fixing everything first. A baseline file
// records the fingerprints of the findings of one run; later runs hide findings whose fingerprint it holds,
// so only new problems are reported. Fingerprints ignore line numbers (report/fingerprint.cpp), so unrelated
// edits keep a finding baselined; fixing a finding and bringing it back counts as new only beyond the
// number of times the baseline saw it.
#include <map>
#include <optional>
#include <string>

#include "engine/runner.h"

namespace lambdalint {

struct Baseline {
  std::map<std::string, size_t> fingerprints;  // fingerprint -> how many findings had it
};

// The baseline file's text for the findings of `result` (JSON, sorted, one finding per entry with its rule
// and path for readers).
std::string renderBaseline(const RunResult& result);

// Parses a baseline file's text; nullopt with `error` set when it is not one.
std::optional<Baseline> parseBaseline(std::string_view text, std::string& error);

// Removes the findings the baseline holds; returns how many were removed.
size_t applyBaseline(RunResult& result, const Baseline& baseline);

}  // namespace lambdalint
