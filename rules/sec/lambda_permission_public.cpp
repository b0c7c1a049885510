// SEC002 lambda-permission-public: an AWS::Lambda::Permission that lets anyone
// invoke the function (Principal '*'), or lets a service invoke it on behalf
// of any account (service principal without SourceArn/SourceAccount). Function
// URLs with AuthType NONE are reported as warnings: public by design.
#include <fmt/format.h>

#include <set>

#include "engine/rule.h"

namespace lambdalint {
namespace {

bool isTrue(const Node* n) { return n && n->asBool().value_or(false); }

std::string literalText(const Node* n) {
  if (!n) return {};
  FlatValue v = flatten(*n);
  if (!v.known) return {};
  // !Sub s3.${AWS::URLSuffix}
  std::string text = v.text;
  const std::string suffix = "${AWS::URLSuffix}";
  if (auto pos = text.find(suffix); pos != std::string::npos) text.replace(pos, suffix.size(), "amazonaws.com");
  return text;
}

bool isServicePrincipal(std::string_view p) {
  return p.ends_with(".amazonaws.com") || p.ends_with(".amazonaws.com.cn") || p.ends_with(".amazon.com");
}

// `{AWS: '*'}` is IAM policy syntax, not a Lambda::Permission value, but it
// reads as "anyone" and is flagged the same way.
const Node* anyonePrincipal(const Node* principal) {
  if (!principal) return nullptr;
  if (principal->isScalar() && principal->intrinsic().empty() && principal->value == "*") return principal;
  if (principal->isMapping() && principal->intrinsic().empty()) {
    const Node* aws = principal->get("AWS");
    if (aws && aws->isScalar() && aws->value == "*") return aws;
  }
  return nullptr;
}

std::string functionLabel(const Node* name) {
  if (!name) return "the function";
  std::string id = referencedId(*name);
  if (!id.empty()) return id;
  std::string text = literalText(name);
  return text.empty() ? "the function" : text;
}

class LambdaPermissionPublic final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"SEC002",
                            "lambda-permission-public",
                            Severity::Error,
                            "Lambda permission lets anyone (Principal '*') or any account's resource (service "
                            "principal without SourceArn/SourceAccount) invoke the function; public function URLs",
                            {"security"},
                            "CWE-284",
                            8.0};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& m = ctx.model();
    std::set<std::string> publicUrlFunctions;  // functions whose URL is reported already
    std::set<uint32_t> seen;
    auto publicUrl = [&](const Node* config, const std::string& fnLabel, const std::string& declaringId) {
      const Node* auth = config ? config->get("AuthType") : nullptr;
      if (!auth || auth->str() != "NONE") return;
      publicUrlFunctions.insert(fnLabel);
      if (!seen.insert(auth->range.begin.offset).second) return;  // Globals: once
      auto& d = ctx.report(*auth,
                           fmt::format("function URL of {} has AuthType NONE: it is public, anyone on the internet "
                                       "can invoke the function; this is fine only for an intentionally public "
                                       "endpoint that authenticates callers in code (webhook signature, token "
                                       "check), otherwise use AuthType AWS_IAM",
                                       fnLabel),
                           declaringId, "function URL NONE " + fnLabel);
      d.severity = Severity::Warning;
    };
    for (const auto& fn : m.functions) {
      if (fn.sam) publicUrl(fn.property("FunctionUrlConfig"), fn.id, fn.id);
    }
    for (const auto& r : m.resources) {
      if (r.type == "AWS::Lambda::Url") publicUrl(r.properties, functionLabel(r.property("TargetFunctionArn")), r.id);
    }

    for (const auto& r : m.resources) {
      if (r.type != "AWS::Lambda::Permission" || !r.properties) continue;
      const Node* principal = r.property("Principal");
      if (!principal) continue;
      const Node* functionName = r.property("FunctionName");
      std::string target = functionLabel(functionName);
      bool restricted = r.property("SourceArn") || r.property("SourceAccount");
      std::string urlAuth = literalText(r.property("FunctionUrlAuthType"));

      if (const Node* anyone = anyonePrincipal(principal)) {
        if (restricted || r.property("PrincipalOrgID") || urlAuth == "AWS_IAM") continue;
        bool forUrl = urlAuth == "NONE" || isTrue(r.property("InvokedViaFunctionUrl"));
        if (forUrl) {
          // The public URL's own permission: reported once, on the URL when it is in this template.
          if (publicUrlFunctions.count(target)) continue;
          auto& d = ctx.report(*anyone,
                               fmt::format("Permission {} makes the function URL of {} public: anyone on the internet "
                                           "can invoke it; this is fine only for an intentionally public endpoint "
                                           "that authenticates callers in code, otherwise use FunctionUrlAuthType "
                                           "AWS_IAM with an account principal",
                                           r.id, target),
                               r.id, "public function URL permission");
          d.severity = Severity::Warning;
          continue;
        }
        ctx.report(*anyone,
                   fmt::format("Principal '*' lets any AWS account invoke {}; name the account or service that calls "
                               "it, and add SourceArn/SourceAccount (or PrincipalOrgID for an organization)",
                               target),
                   r.id, "principal *");
        continue;
      }

      std::string p = literalText(principal);
      if (p.empty() || !isServicePrincipal(p)) continue;
      if (restricted || r.property("EventSourceToken") || r.property("PrincipalOrgID")) continue;
      std::string service = p.substr(0, p.find('.'));
      ctx.report(*principal,
                 fmt::format("Principal {} without SourceArn or SourceAccount lets {} in any AWS account invoke {} "
                             "(confused deputy); add SourceArn with the ARN of the calling resource and SourceAccount: "
                             "!Ref AWS::AccountId",
                             p, resourceKind(service), target),
                 r.id, "service principal " + p);
    }
  }

 private:
  static std::string resourceKind(const std::string& service) {
    if (service == "s3") return "any S3 bucket";
    if (service == "sns") return "any SNS topic";
    if (service == "events") return "any EventBridge rule";
    if (service == "apigateway") return "any API Gateway API";
    if (service == "logs") return "any CloudWatch Logs subscription";
    if (service == "sqs") return "any SQS queue";
    if (service == "iot") return "any IoT rule";
    if (service == "cognito-idp") return "any Cognito user pool";
    if (service == "elasticloadbalancing") return "any load balancer target group";
    if (service == "scheduler") return "any EventBridge schedule";
    return "a " + service + " resource";
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(LambdaPermissionPublic)

}  // namespace lambdalint
