#pragma once
// The anatomy of a rule: metadata plus one check function over the model.
// A rule file defines a class deriving from Rule and registers it with
// LAMBDALINT_REGISTER_RULE; nothing central lists rules.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "code/handler_source.h"
#include "model/app_model.h"
#include "util/date.h"

namespace lambdalint {

struct RuleMeta {
  std::string_view id;                 // area prefix + three digits, never reused: IAM001
  std::string_view name;               // kebab-case: iam-wildcard-action
  Severity severity;                   // default
  std::string_view summary;            // one line, shown by `lambdalint rules` and SARIF shortDescription
  std::vector<std::string_view> tags;  // security, reliability, performance, cost, correctness
  std::string_view cwe = {};           // e.g. "CWE-732" where one fits
  double securitySeverity = 0;         // 0..10 for GitHub code scanning, security rules only
};

class RuleContext;

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(RuleContext& ctx) const = 0;
};

// A finding the engine produces while loading input (a parse error, an unknown suppression, an internal
// error): metadata only, nothing to check on the model (rules/tpl/engine_findings.cpp).
class EngineRule final : public Rule {
 public:
  explicit EngineRule(RuleMeta meta) : meta_(std::move(meta)) {}
  const RuleMeta& meta() const override { return meta_; }
  void check(RuleContext&) const override {}

 private:
  RuleMeta meta_;
};

class RuleRegistry {
 public:
  static RuleRegistry& instance();
  bool add(std::unique_ptr<Rule> rule);
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }  // sorted by id
  const Rule* find(std::string_view idOrName) const;

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
};

// Context handed to a rule: the template model, its functions' handler code and a way to report.
class RuleContext {
 public:
  // `sources`: the handler of each function of `model`; null when no handler was read (all NotLocal).
  RuleContext(const Rule& rule, const TemplateModel& model, std::vector<Diagnostic>& out, Date today = currentDate(),
              const HandlerSources* sources = nullptr)
      : rule_(rule), model_(model), out_(out), today_(today), sources_(sources) {}

  const TemplateModel& model() const { return model_; }
  // Where the handler code of `fn` (one of the model's functions) is, and its facts when it was read.
  const HandlerSource& source(const Function& fn) const;
  // The run's "today" (RunOptions::today, else the system date), for rules
  // that compare with published dates such as runtime deprecations.
  Date today() const { return today_; }
  const std::string& path() const { return model_.doc.file->path(); }

  // Reports at `node` in the template. `resourceId` ties the finding to a
  // resource for Metadata suppressions; `key` identifies the finding for
  // fingerprints (defaults to the message).
  Diagnostic& report(const Node& node, std::string message, std::string resourceId, std::string key = {});
  Diagnostic& report(Range range, std::string message, std::string resourceId, std::string key = {});
  // Reports in another file: a handler's source (`path` as in HandlerSource).
  Diagnostic& reportAt(const std::string& path, Range range, std::string message, std::string resourceId,
                       std::string key = {});
  // Adds a related location in the same template.
  static void relate(Diagnostic& d, const std::string& path, const Node& node, std::string message);

 private:
  const Rule& rule_;
  const TemplateModel& model_;
  std::vector<Diagnostic>& out_;
  Date today_;
  const HandlerSources* sources_;
};

#define LAMBDALINT_CONCAT_INNER(a, b) a##b
#define LAMBDALINT_CONCAT(a, b) LAMBDALINT_CONCAT_INNER(a, b)
#define LAMBDALINT_REGISTER_RULE(RuleClass)                                      \
  namespace {                                                                    \
  [[maybe_unused]] const bool LAMBDALINT_CONCAT(kRegistered_, RuleClass) =       \
      ::lambdalint::RuleRegistry::instance().add(std::make_unique<RuleClass>()); \
  }

}  // namespace lambdalint
