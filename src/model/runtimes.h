#pragma once
// Lambda managed runtimes and their end-of-support dates, from
// data/lambda-runtimes.json (embedded in the binary). The table is data, not
// code: refresh it from the AWS Lambda runtimes page when AWS changes a date.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"

namespace lambdalint {

struct LambdaRuntime {
  std::string identifier;   // the Runtime property value: python3.12
  std::string name;         // Python 3.12
  std::string os;           // Amazon Linux 2023
  Date deprecation;         // end of support (phase 1): no more patches
  Date blockCreate;         // creating functions with it fails from this date
  Date blockUpdate;         // updating functions that use it fails from this date
  std::string replacement;  // newest runtime of the language; empty for the newest
};

// Every runtime of the table, in table order. Throws if the embedded table is malformed.
const std::vector<LambdaRuntime>& lambdaRuntimes();
const LambdaRuntime* findLambdaRuntime(std::string_view identifier);
// The table's `reviewed` date, YYYY-MM-DD.
std::string_view lambdaRuntimesReviewed();

}  // namespace lambdalint
