#include "model/runtimes.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/embedded.h"

namespace lambdalint {
namespace {

Date dateField(const nlohmann::json& row, const char* field) {
  const std::string text = row.at(field).get<std::string>();
  std::optional<Date> date = parseDate(text);
  if (!date) throw std::runtime_error("data/lambda-runtimes.json: bad date '" + text + "' in " + field);
  return *date;
}

struct Table {
  std::string reviewed;
  std::vector<LambdaRuntime> runtimes;
};

const Table& table() {
  static const Table t = [] {
    Table out;
    const nlohmann::json data = nlohmann::json::parse(embeddedData("lambda-runtimes"));
    out.reviewed = data.at("reviewed").get<std::string>();
    for (const auto& row : data.at("runtimes")) {
      LambdaRuntime r;
      r.identifier = row.at("identifier").get<std::string>();
      r.name = row.at("name").get<std::string>();
      r.os = row.at("os").get<std::string>();
      r.deprecation = dateField(row, "deprecation");
      r.blockCreate = dateField(row, "blockCreate");
      r.blockUpdate = dateField(row, "blockUpdate");
      if (!row.at("replacement").is_null()) r.replacement = row.at("replacement").get<std::string>();
      out.runtimes.push_back(std::move(r));
    }
    return out;
  }();
  return t;
}

}  // namespace

const std::vector<LambdaRuntime>& lambdaRuntimes() { return table().runtimes; }

const LambdaRuntime* findLambdaRuntime(std::string_view identifier) {
  for (const auto& r : lambdaRuntimes()) {
    if (r.identifier == identifier) return &r;
  }
  return nullptr;
}

std::string_view lambdaRuntimesReviewed() { return table().reviewed; }

}  // namespace lambdalint
