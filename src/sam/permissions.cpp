#include "sam/permissions.h"

#include <set>

#include "iam/managed_policies.h"
#include "sam/expander.h"
#include "sam/policy_statements.h"
#include "sam/policy_templates.h"

namespace lambdalint {
namespace {

// AWS managed policy name from an ARN such as
// arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole.
std::string managedPolicyName(const FlatValue& arn) {
  auto pos = arn.text.find(":iam::aws:policy/");
  if (pos == std::string::npos) return arn.known && arn.text.find(':') == std::string::npos ? arn.text : std::string();
  return arn.text.substr(pos + std::string_view(":iam::aws:policy/").size());
}

}  // namespace

void Expander::collectPermissions() {
  for (auto& fn : m_.functions) {
    const Node* role = fn.property("Role");
    if (role) {
      const Resource* r = resourceReferencedBy(role);
      if (r && r->type == "AWS::IAM::Role") {
        fn.roleId = r->id;
        addRolePermissions(fn, r->id);
      } else {
        fn.permissions.complete = false;  // a role defined elsewhere
      }
    } else if (fn.sam) {
      addSamPolicies(fn);
    } else {
      fn.permissions.complete = false;
    }
  }
}

void Expander::collectTemplateStatements() {
  // SAM functions without a Role: their Policies, as written.
  for (const auto& fn : m_.functions) {
    if (!fn.sam || fn.property("Role")) continue;
    for (const auto& s : fn.permissions.statements) {
      if (s.source != StatementSource::ManagedPolicy) m_.statements.push_back(s);
    }
    for (const auto& a : fn.permissions.managed) {
      if (!a.implicit) m_.managedAttachments.push_back(a);
    }
  }
  PermissionSet roles;
  for (const auto& r : m_.resources) {
    if (r.type == "AWS::IAM::Role") {
      if (const Node* policies = r.property("Policies")) {
        for (const auto& policy : policies->items) {
          std::string origin = "inline policy";
          if (const Node* name = policy.get("PolicyName"); name && name->isScalar()) origin += " " + name->value;
          if (const Node* doc = policy.get("PolicyDocument")) addPolicyDocument(roles, *doc, origin, r.id);
        }
      }
      if (const Node* arns = r.property("ManagedPolicyArns")) {
        for (const auto& arn : arns->items) addManagedPolicy(roles, arn, r.id);
      }
    } else if (r.type == "AWS::IAM::Policy" || r.type == "AWS::IAM::ManagedPolicy" ||
               r.type == "AWS::IAM::RolePolicy") {
      if (const Node* doc = r.property("PolicyDocument")) addPolicyDocument(roles, *doc, r.type + " " + r.id, r.id);
    }
  }
  for (auto& s : roles.statements) {
    if (s.source != StatementSource::ManagedPolicy) m_.statements.push_back(std::move(s));
  }
  for (auto& a : roles.managed) m_.managedAttachments.push_back(std::move(a));
  // A template-defined managed policy is reached both as a resource and
  // through the roles that attach it: keep each statement once.
  std::set<std::pair<const Node*, std::string>> seen;
  std::erase_if(m_.statements, [&](const Statement& s) { return !seen.insert({s.node, s.origin}).second; });
}

void Expander::addSamPolicies(Function& fn) {
  PermissionSet& set = fn.permissions;
  // The role SAM creates always carries the basic execution policy, plus the
  // X-Ray policy when tracing is on, plus one per polled event source.
  addImplicitManagedPolicy(set, "service-role/AWSLambdaBasicExecutionRole", fn.id);
  if (fn.tracingActive) addImplicitManagedPolicy(set, "AWSXrayWriteOnlyAccess", fn.id);
  for (const auto& e : fn.events) {
    if (e.origin != EventOrigin::SamEvent) continue;
    if (e.type == "SQS") addImplicitManagedPolicy(set, "service-role/AWSLambdaSQSQueueExecutionRole", fn.id);
    if (e.type == "Kinesis") addImplicitManagedPolicy(set, "service-role/AWSLambdaKinesisExecutionRole", fn.id);
    if (e.type == "DynamoDB") addImplicitManagedPolicy(set, "service-role/AWSLambdaDynamoDBExecutionRole", fn.id);
  }
  const Node* policies = fn.property("Policies");
  if (!policies) return;
  std::vector<const Node*> items;
  if (policies->isSequence()) {
    for (const auto& item : policies->items) items.push_back(&item);
  } else {
    items.push_back(policies);
  }
  for (const Node* item : items) {
    if (item->isScalar() || item->intrinsic() == "Ref" || item->intrinsic() == "Fn::Sub" ||
        item->intrinsic() == "Fn::GetAtt") {
      addManagedPolicy(set, *item, fn.id);
    } else if (item->isMapping() && item->get("Statement")) {
      addPolicyDocument(set, *item, "inline policy", fn.id);
    } else if (item->isMapping() && item->intrinsic().empty() && item->entries.size() == 1 &&
               isPolicyTemplate(item->entries.front().key.value)) {
      for (auto& s : expandPolicyTemplate(item->entries.front().key.value, *item, fn.id)) {
        set.statements.push_back(std::move(s));
      }
    } else {
      set.complete = false;  // Fn::If and friends: not statically known
    }
  }
}

void Expander::addRolePermissions(Function& fn, const std::string& roleId) {
  PermissionSet& set = fn.permissions;
  const Resource* role = m_.resource(roleId);
  if (const Node* policies = role->property("Policies")) {
    for (const auto& policy : policies->items) {
      std::string origin = "inline policy";
      if (const Node* name = policy.get("PolicyName"); name && name->isScalar()) origin += " " + name->value;
      if (const Node* doc = policy.get("PolicyDocument")) addPolicyDocument(set, *doc, origin, roleId);
    }
  }
  if (const Node* arns = role->property("ManagedPolicyArns")) {
    for (const auto& arn : arns->items) addManagedPolicy(set, arn, roleId);
  }
  // Policies attached to the role from other resources.
  for (const auto& r : m_.resources) {
    bool attachesByList = r.type == "AWS::IAM::Policy" || r.type == "AWS::IAM::ManagedPolicy";
    bool attachesByName = r.type == "AWS::IAM::RolePolicy";
    if (!attachesByList && !attachesByName) continue;
    bool attached = false;
    if (attachesByList) {
      if (const Node* roles = r.property("Roles")) {
        for (const auto& item : roles->items) attached = attached || referencedId(item) == roleId;
      }
    } else if (const Node* name = r.property("RoleName")) {
      attached = referencedId(*name) == roleId;
    }
    if (!attached) continue;
    if (const Node* doc = r.property("PolicyDocument")) addPolicyDocument(set, *doc, r.type + " " + r.id, r.id);
  }
  // A role referenced by a ManagedPolicy's own property list is covered above;
  // customer managed policies attached by ARN from elsewhere are not visible.
}

void Expander::addPolicyDocument(PermissionSet& set, const Node& document, const std::string& origin,
                                 const std::string& holderId) {
  const Node* statements = document.get("Statement");
  if (!statements) {
    set.complete = false;
    return;
  }
  std::vector<const Node*> items;
  if (statements->isSequence()) {
    for (const auto& item : statements->items) items.push_back(&item);
  } else {
    items.push_back(statements);
  }
  for (const Node* st : items) {
    if (!st->isMapping() || !st->intrinsic().empty()) {
      set.complete = false;
      continue;
    }
    Statement s;
    s.node = st;
    s.origin = origin;
    s.holderId = holderId;
    if (const Node* effect = st->get("Effect")) s.allow = effect->str() != "Deny";
    if (const Node* a = st->get("Action")) {
      s.actions = flattenList(*a);
    } else if (const Node* na = st->get("NotAction")) {
      s.actions = flattenList(*na);
      s.notAction = true;
    }
    if (const Node* r = st->get("Resource")) {
      s.resources = flattenList(*r);
    } else if (const Node* nr = st->get("NotResource")) {
      s.resources = flattenList(*nr);
      s.notResource = true;
    }
    s.condition = st->get("Condition");
    s.conditional = s.condition != nullptr;
    set.statements.push_back(std::move(s));
  }
}

void Expander::addManagedPolicy(PermissionSet& set, const Node& arn, const std::string& holderId) {
  ManagedPolicyAttachment a;
  a.arn = flatten(arn);
  a.node = &arn;
  a.holderId = holderId;
  a.name = managedPolicyName(a.arn);
  // A customer managed policy defined in this template.
  if (a.name.empty() && !a.arn.refs.empty()) {
    if (const Resource* r = m_.resource(a.arn.refs.front()); r && r->type == "AWS::IAM::ManagedPolicy") {
      if (const Node* doc = r->property("PolicyDocument")) {
        addPolicyDocument(set, *doc, "AWS::IAM::ManagedPolicy " + r->id, r->id);
        return;
      }
    }
  }
  bool awsManagedArn = a.arn.text.find(":iam::aws:policy/") != std::string::npos;
  const iam::ManagedPolicy* policy =
      a.name.empty() ? nullptr : iam::findManagedPolicy(awsManagedArn ? std::string_view(a.arn.text) : a.name);
  if (!policy) {
    set.complete = false;
    set.managed.push_back(std::move(a));
    return;
  }
  a.name = std::string(policy->name);
  for (auto& s : statementsFromJson(policy->document, &arn, "managed policy " + a.name, holderId)) {
    set.statements.push_back(std::move(s));
  }
  set.managed.push_back(std::move(a));
}

void Expander::addImplicitManagedPolicy(PermissionSet& set, const std::string& name, const std::string& holderId) {
  ManagedPolicyAttachment a;
  a.name = name;
  a.arn.text = "arn:${AWS::Partition}:iam::aws:policy/" + name;
  a.holderId = holderId;
  a.implicit = true;
  set.managed.push_back(std::move(a));
}

}  // namespace lambdalint
