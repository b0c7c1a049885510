#include "code/analysis/analysis.h"

#include <algorithm>

#include "code/analysis/batch_response.h"
#include "code/analysis/catches.h"
#include "code/analysis/client_constructions.h"
#include "code/analysis/environment_reads.h"
#include "code/analysis/handler.h"
#include "code/analysis/hyphenated_access.h"
#include "code/analysis/resource_params.h"

namespace lambdalint::code::analysis {

Analysis::Analysis(const ir::Program& program, const Language& language)
    : program_(program),
      language_(language),
      bindings_(program),
      values_(program, bindings_, language),
      promises_(program) {}

CodeFacts Analysis::run(CodeFacts facts, std::string_view handlerName) {
  facts_ = std::move(facts);
  ResolvedHandler handler = resolveHandler(program_, bindings_, handlerName, facts_.handler);
  values_.setHandler(handler.function, handler.eventIndex);
  scopes_.compute(program_, bindings_, values_, language_.traits().dispatchByName, handler.function);
  for (const ir::Import& i : program_.imports) facts_.imports.push_back({i.module, program_.range(i.begin, i.end)});
  findClientConstructions(*this);
  language_.findSdkCalls(*this);
  findEnvironmentReads(*this);
  findCatches(*this);
  if (language_.traits().hyphenatedMembers) findHyphenatedAccesses(*this);
  findBatchResponse(*this);
  auto byStart = [](const auto& a, const auto& b) { return a.range.begin.offset < b.range.begin.offset; };
  std::stable_sort(facts_.clients.begin(), facts_.clients.end(), byStart);
  std::stable_sort(facts_.sdkCalls.begin(), facts_.sdkCalls.end(), byStart);
  std::stable_sort(facts_.envReads.begin(), facts_.envReads.end(), byStart);
  std::stable_sort(facts_.imports.begin(), facts_.imports.end(), byStart);
  std::stable_sort(facts_.catches.begin(), facts_.catches.end(), byStart);
  std::stable_sort(facts_.hyphenatedAccesses.begin(), facts_.hyphenatedAccesses.end(), byStart);
  return std::move(facts_);
}

void Analysis::addSdkCall(const SdkCallSite& site, std::string sdk, std::string service, std::string operation,
                          bool dynamic) {
  const ir::Expr& call = program_.expr(site.call);
  SdkCall c;
  c.sdk = std::move(sdk);
  c.service = std::move(service);
  c.operation = std::move(operation);
  c.dynamic = dynamic;
  c.scope = scopeOf(call.function);
  c.awaited = site.awaited || !language_.traits().promises ||
              promises_.awaited(site.promise != ir::kNoExpr ? site.promise : site.call);
  c.range = program_.range(site.call);
  if (site.leadingValue != ir::kNoExpr) {
    c.resourceParams.emplace_back(std::string(site.leadingName), values_.trace(site.leadingValue));
  }
  collectResourceParams(values_, site.params, site.keywords, c.service, c.resourceParams);
  if (dynamic) facts_.complete = false;
  facts_.sdkCalls.push_back(std::move(c));
}

}  // namespace lambdalint::code::analysis
