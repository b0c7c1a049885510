#include "policy/policy_evaluator.h"

#include <algorithm>
#include <array>

#include "iam/managed_policies.h"
#include "sam/policy_statements.h"

namespace lambdalint::iam {
namespace {

// How references to a resource type read as text. In a form, `%` is the resource's name (its name property when
// written, else a variable standing for the generated name), `#` a value only AWS knows (a stream label),
// `~` an IAM role's path; the rest is Sub text. `ref` is what Ref returns, `arn` the canonical ARN (also what
// `${X.Arn}` gives, whatever the type calls its ARN attribute).
struct TypeForms {
  std::array<std::string_view, 3> types;  // the first names the group distinct names are compared in
  CharClass nameClass;
  std::array<std::string_view, 2> nameProperties;
  std::string_view ref;
  std::string_view arn;
  std::array<std::pair<std::string_view, std::string_view>, 2> attributes;
};

// CloudFormation's documented return values (Ref and Fn::GetAtt) of the types policies name most.
const TypeForms kForms[] = {
    {{"AWS::S3::Bucket"}, CharClass::NoSep, {"BucketName"}, "%", "arn:${AWS::Partition}:s3:::%", {}},
    {{"AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable", "AWS::DynamoDB::GlobalTable"},
     CharClass::NoSep,
     {"TableName"},
     "%",
     "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/%",
     {{{"StreamArn", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/%/stream/#"}}}},
    {{"AWS::SQS::Queue"},
     CharClass::NoSep,
     {"QueueName"},
     "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/%",
     "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:%",
     {{{"QueueName", "%"}, {"QueueUrl", "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/%"}}}},
    {{"AWS::SNS::Topic"},
     CharClass::NoSep,
     {"TopicName"},
     "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:%",
     "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:%",
     {{{"TopicName", "%"}, {"TopicArn", "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:%"}}}},
    {{"AWS::Lambda::Function", "AWS::Serverless::Function"},
     CharClass::NoSep,
     {"FunctionName"},
     "%",
     "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:%",
     {}},
    {{"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
     CharClass::NoSep,
     {"StateMachineName", "Name"},
     "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:%",
     "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:%",
     {{{"Name", "%"}}}},
    // The ARN of a secret ends with a random suffix after its name: `%` stands for both, never the Name property.
    {{"AWS::SecretsManager::Secret"},
     CharClass::NoColon,
     {},
     "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:%",
     "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:%",
     {{{"Id", "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:%"}}}},
    {{"AWS::KMS::Key"},
     CharClass::NoSep,
     {},
     "%",
     "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/%",
     {{{"KeyId", "%"}}}},
    {{"AWS::Kinesis::Stream"},
     CharClass::NoSep,
     {"Name"},
     "%",
     "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/%",
     {}},
    {{"AWS::Events::EventBus"},
     CharClass::NoSep,
     {"Name"},
     "%",
     "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/%",
     {{{"Name", "%"}}}},
    {{"AWS::IAM::Role"},
     CharClass::NoSep,
     {"RoleName"},
     "%",
     "arn:${AWS::Partition}:iam::${AWS::AccountId}:role~%",
     {{{"RoleId", "#"}}}},
    {{"AWS::Logs::LogGroup"},
     CharClass::NoColon,
     {"LogGroupName"},
     "%",
     "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:%:*",
     {}},
    {{"AWS::ECR::Repository"},
     CharClass::NoSep,
     {"RepositoryName"},
     "%",
     "arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/%",
     {}},
    {{"AWS::SSM::Parameter"}, CharClass::NoColon, {"Name"}, "%", {}, {}},
};

const TypeForms* formsOf(std::string_view type) {
  for (const auto& f : kForms) {
    if (!type.empty() && std::find(f.types.begin(), f.types.end(), type) != f.types.end()) return &f;
  }
  return nullptr;
}

constexpr int kMaxDepth = 4;

ArnElem variable(std::string key, CharClass cls, std::string label) {
  ArnElem v;
  v.kind = ArnElem::Kind::Var;
  v.key = std::move(key);
  v.cls = cls;
  v.label = std::move(label);
  return v;
}

}  // namespace

// ---------------------------------------------------------------- ResourceArn

ResourceArn ResourceArn::of(std::string_view logicalId) { return ResourceArn("${" + std::string(logicalId) + ".Arn}"); }

ResourceArn ResourceArn::s3Objects(std::string_view bucketId, std::string_view keyPrefix) {
  return ResourceArn("${" + std::string(bucketId) + ".Arn}/" + std::string(keyPrefix) + "*");
}

ResourceArn ResourceArn::dynamodbIndex(std::string_view tableId, std::string_view indexName) {
  return ResourceArn("${" + std::string(tableId) + ".Arn}/index/" +
                     (indexName.empty() ? std::string("*") : std::string(indexName)));
}

ResourceArn ResourceArn::sub(std::string_view text) { return ResourceArn(std::string(text)); }

// ---------------------------------------------------------------- ArnResolver

ArnResolver::ArnResolver(const TemplateModel& model, DeploymentContext context)
    : model_(model), context_(std::move(context)) {}

ArnPattern ArnResolver::policyResource(const FlatValue& value) const {
  ArnPattern out;
  if (!value.known) {
    out.known = false;
    return out;
  }
  resolve(out, value.text, true, true, 0);
  return out;
}

ArnPattern ArnResolver::policyResource(std::string_view subText) const {
  ArnPattern out;
  resolve(out, subText, true, true, 0);
  return out;
}

ArnPattern ArnResolver::request(const ResourceArn& resource) const {
  ArnPattern out;
  resolve(out, resource.text(), false, true, 0);
  return out;
}

void ArnResolver::resolve(ArnPattern& out, std::string_view text, bool policySide, bool wildcards, int depth) const {
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "${") == 0) {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        resolveReference(out, text.substr(i + 2, close - i - 2), policySide, depth);
        i = close + 1;
        continue;
      }
    }
    if (wildcards) {
      out.addWildcardText(text.substr(i, 1), !policySide);
    } else {
      out.addChar(text[i]);
    }
    ++i;
  }
}

void ArnResolver::resolveReference(ArnPattern& out, std::string_view name, bool policySide, int depth) const {
  const std::string label = "${" + std::string(name) + "}";
  if (name.starts_with("AWS::")) {
    const std::string* known = nullptr;
    if (name == "AWS::Partition") known = &context_.partition;
    if (name == "AWS::Region") known = &context_.region;
    if (name == "AWS::AccountId") known = &context_.accountId;
    if (known && !known->empty()) {
      out.addText(*known);
      return;
    }
    // Partition, region, account id, URL suffix and stack name hold neither ':' nor '/'.
    bool plain = name == "AWS::Partition" || name == "AWS::Region" || name == "AWS::AccountId" ||
                 name == "AWS::URLSuffix" || name == "AWS::StackName";
    ArnElem v = variable("pseudo:" + std::string(name), plain ? CharClass::NoSep : CharClass::Any, label);
    v.mayBeEmpty = !plain;
    out.addVar(std::move(v));
    return;
  }
  const size_t dot = name.find('.');
  const std::string id(name.substr(0, dot));
  const std::string_view attribute = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
  const Resource* resource = model_.resource(id);
  if (!resource) {
    // A parameter (or a name we do not know): any value, on a policy's side possibly a wildcard pattern.
    ArnElem v = variable("param:" + std::string(name), CharClass::Any, label);
    v.mayBeEmpty = true;
    v.wildcardValue = policySide;
    out.addVar(std::move(v));
    return;
  }
  const TypeForms* forms = formsOf(resource->type);
  std::string_view form;
  if (forms) {
    if (attribute.empty()) {
      form = forms->ref;
    } else if (attribute == "Arn") {
      form = forms->arn;
    } else {
      for (const auto& [attr, f] : forms->attributes) {
        if (!attr.empty() && attr == attribute) form = f;
      }
    }
  }
  if (form.empty() || depth >= kMaxDepth) {
    // A value AWS assigns and we cannot spell: equal only to itself.
    out.addVar(variable((attribute.empty() ? "ref:" : "attr:") + std::string(name), CharClass::Any, label));
    return;
  }
  for (size_t i = 0; i < form.size(); ++i) {
    const char c = form[i];
    if (c == '%') {
      const Node* written = nullptr;
      for (auto property : forms->nameProperties) {
        if (!written && !property.empty()) written = resource->property(property);
      }
      if (written && written->isScalar()) {
        out.addText(written->value);
        continue;
      }
      if (written) {
        FlatValue flat = flatten(*written);
        if (flat.known) {
          resolve(out, flat.text, policySide, false, depth + 1);
          continue;
        }
      }
      ArnElem v = variable("name:" + id, forms->nameClass, "${" + id + "}");
      v.group = std::string(forms->types[0]);
      out.addVar(std::move(v));
    } else if (c == '#') {
      out.addVar(variable("attr:" + std::string(name), CharClass::Any, label));
    } else if (c == '~') {
      const Node* path = resource->property("Path");
      if (!path) {
        out.addChar('/');
      } else if (path->isScalar()) {
        out.addText(path->value);
      } else {
        out.addVar(variable("attr:" + id + ".Path", CharClass::Any, "${" + id + ".Path}"));
      }
    } else if (form.compare(i, 2, "${") == 0) {
      size_t close = form.find('}', i);
      resolveReference(out, form.substr(i + 2, close - i - 2), policySide, depth + 1);
      i = close;
    } else {
      out.addWildcardText(form.substr(i, 1), !policySide);
    }
  }
}

// ---------------------------------------------------------------- PolicyEvaluator

std::string_view to_string(Access access) {
  switch (access) {
    case Access::Allowed:
      return "allowed";
    case Access::ImplicitDeny:
      return "implicitly denied";
    case Access::ExplicitDeny:
      return "explicitly denied";
    case Access::Unknown:
      return "unknown";
  }
  return "";
}

PolicyEvaluator::PolicyEvaluator(const TemplateModel& model, const PermissionSet& permissions,
                                 DeploymentContext context)
    : resolver_(model, std::move(context)), complete_(permissions.complete) {
  for (const auto& a : permissions.managed) {
    if (!a.implicit) continue;
    // SAM lists them by ARN: "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole".
    if (const ManagedPolicy* policy = findManagedPolicy(a.arn.text.empty() ? a.name : a.arn.text)) {
      for (auto& s : statementsFromJson(policy->document, nullptr, "managed policy " + a.name, a.holderId)) {
        implicit_.push_back(std::move(s));
      }
    } else {
      complete_ = false;
    }
  }
  for (const auto& s : permissions.statements) add(s);
  for (const auto& s : implicit_) add(s);
}

PolicyEvaluator::PolicyEvaluator(const TemplateModel& model, const Function& function, DeploymentContext context)
    : PolicyEvaluator(model, function.permissions, std::move(context)) {}

void PolicyEvaluator::add(const Statement& statement) {
  Entry e{&statement, {}};
  for (const auto& r : statement.resources) e.resources.push_back(resolver_.policyResource(r));
  entries_.push_back(std::move(e));
}

std::vector<const Statement*> PolicyEvaluator::statements() const {
  std::vector<const Statement*> out;
  for (const auto& e : entries_) out.push_back(e.statement);
  return out;
}

Match PolicyEvaluator::coversAction(const Statement& statement, std::string_view action) {
  if (statement.actions.empty()) return Match::No;
  Match any = Match::No;
  for (const auto& a : statement.actions) {
    if (!a.known || a.text.find("${") != std::string::npos) {
      any = either(any, Match::Maybe);
    } else if (actionMatches(a.text, action)) {
      any = Match::Yes;
    }
  }
  return statement.notAction ? negate(any) : any;
}

namespace {

Match coversResource(const Statement& statement, const std::vector<ArnPattern>& patterns, const ArnPattern& request) {
  if (patterns.empty()) return Match::No;
  Match any = Match::No;
  for (const auto& p : patterns) {
    any = either(any, matchArn(p, request));
    if (any == Match::Yes) break;
  }
  return statement.notResource ? negate(any) : any;
}

}  // namespace

Match PolicyEvaluator::applies(const Statement& statement, std::string_view action, const ArnPattern& resource) const {
  Match a = coversAction(statement, action);
  if (a == Match::No) return a;
  for (const auto& e : entries_) {
    if (e.statement == &statement) return both(a, coversResource(statement, e.resources, resource));
  }
  std::vector<ArnPattern> patterns;
  for (const auto& r : statement.resources) patterns.push_back(resolver_.policyResource(r));
  return both(a, coversResource(statement, patterns, resource));
}

Decision PolicyEvaluator::evaluate(std::string_view action, const ResourceArn& resource) const {
  return evaluate(action, resolver_.request(resource));
}

Decision PolicyEvaluator::evaluate(std::string_view action, const ArnPattern& resource) const {
  std::vector<const Statement*> denies, uncertainDenies, conditionalDenies, allows, conditionalAllows, maybeAllows;
  for (const auto& e : entries_) {
    const Statement& s = *e.statement;
    Match a = coversAction(s, action);
    if (a == Match::No) continue;
    Match m = both(a, coversResource(s, e.resources, resource));
    if (m == Match::No) continue;
    if (!s.allow) {
      if (m == Match::Maybe) {
        uncertainDenies.push_back(&s);
      } else {
        (s.conditional ? conditionalDenies : denies).push_back(&s);
      }
    } else if (m == Match::Maybe) {
      maybeAllows.push_back(&s);
    } else {
      (s.conditional ? conditionalAllows : allows).push_back(&s);
    }
  }
  Decision d;
  if (!denies.empty()) {
    d.access = Access::ExplicitDeny;
    d.statements = std::move(denies);
    return d;
  }
  if (!allows.empty() || !conditionalAllows.empty()) {
    if (!uncertainDenies.empty()) {
      d.access = Access::Unknown;
      d.reason = "a Deny may apply to this resource";
      d.statements = std::move(uncertainDenies);
      d.statements.insert(d.statements.end(), allows.begin(), allows.end());
      d.statements.insert(d.statements.end(), conditionalAllows.begin(), conditionalAllows.end());
      return d;
    }
    d.access = Access::Allowed;
    d.conditional = allows.empty() || !conditionalDenies.empty();
    d.statements = std::move(allows);
    d.statements.insert(d.statements.end(), conditionalAllows.begin(), conditionalAllows.end());
    d.statements.insert(d.statements.end(), conditionalDenies.begin(), conditionalDenies.end());
    return d;
  }
  if (!maybeAllows.empty()) {
    d.access = Access::Unknown;
    d.reason = "a statement may apply, depending on values not known from the template";
    d.statements = std::move(maybeAllows);
    d.statements.insert(d.statements.end(), uncertainDenies.begin(), uncertainDenies.end());
    return d;
  }
  if (!complete_) {
    d.access = Access::Unknown;
    d.reason = "some of the role's policies are not in the template";
    return d;
  }
  d.access = Access::ImplicitDeny;
  d.reason = "no statement allows it";
  return d;
}

}  // namespace lambdalint::iam
