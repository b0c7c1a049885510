#include "policy/derived_policy.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "iam/sdk_actions.h"

namespace lambdalint::iam {
namespace {

// The name property each resource type is known by in code.
constexpr std::pair<std::string_view, std::string_view> kNameProperties[] = {
    {"AWS::S3::Bucket", "BucketName"},         {"AWS::DynamoDB::Table", "TableName"},
    {"AWS::SQS::Queue", "QueueName"},          {"AWS::SNS::Topic", "TopicName"},
    {"AWS::Lambda::Function", "FunctionName"}, {"AWS::Serverless::Function", "FunctionName"},
    {"AWS::Kinesis::Stream", "Name"},          {"AWS::SecretsManager::Secret", "Name"},
};

// ARN of a template resource in Sub form, by what its Ref and Arn return.
std::string arnOf(const TemplateModel& model, const std::string& id, bool objects) {
  const Resource* r = model.resource(id);
  std::string type = r ? r->type : std::string();
  if (type == "AWS::S3::Bucket") return objects ? "${" + id + ".Arn}/*" : "${" + id + ".Arn}";
  // Ref already is the ARN for these types.
  if (type == "AWS::SNS::Topic" || type == "AWS::StepFunctions::StateMachine" ||
      type == "AWS::Serverless::StateMachine" || type == "AWS::SecretsManager::Secret") {
    return "${" + id + "}";
  }
  return "${" + id + ".Arn}";
}

}  // namespace

std::optional<std::string> targetResource(const TemplateModel& model, const Function& fn, const code::SdkCall& call) {
  for (const auto& [param, value] : call.resourceParams) {
    if (value.kind == code::TracedValue::Kind::EnvVar && fn.environment && fn.environment->isMapping()) {
      if (const Node* v = fn.environment->get(value.text)) {
        std::string id = referencedId(*v);
        if (model.resource(id)) return id;
      }
    }
    // `record.s3.bucket.name` is the bucket whose notification invoked the function.
    if (value.kind == code::TracedValue::Kind::Event && value.text.rfind("Records[].s3.bucket", 0) == 0) {
      std::string bucket;
      for (const auto& e : fn.events) {
        if (e.type != "S3" || e.sourceId.empty()) continue;
        if (!bucket.empty() && bucket != e.sourceId) return std::nullopt;  // several buckets: which one?
        bucket = e.sourceId;
      }
      if (!bucket.empty()) return bucket;
    }
    if (value.kind == code::TracedValue::Kind::Literal) {
      for (const auto& r : model.resources) {
        for (const auto& [type, property] : kNameProperties) {
          const Node* name = r.type == type ? r.property(property) : nullptr;
          if (name && name->isScalar() && name->value == value.text) return r.id;
        }
      }
    }
  }
  return std::nullopt;
}

std::vector<NeededPermission> neededPermissions(const TemplateModel& model, const Function& fn,
                                                const HandlerSource& source) {
  std::vector<NeededPermission> out;
  const auto& facts = source.facts;
  if (!facts || !facts->handler.found) return out;
  for (const auto& call : facts->sdkCalls) {
    if (call.dynamic || call.scope == code::Scope::Other) continue;
    std::optional<std::string> target = targetResource(model, fn, call);
    for (const auto& required : actionsForOperation(call.service, call.operation)) {
      NeededPermission need;
      need.action = required.action;
      need.onObjects = required.onObjects;
      need.call = &call;
      need.resourceId = target.value_or(std::string());
      need.resource = target ? arnOf(model, *target, required.onObjects) : std::string(1, '*');
      out.push_back(std::move(need));
    }
  }
  return out;
}

std::vector<std::string> serviceUsedActions(const TemplateModel& model, const Function& fn) {
  std::vector<std::string> out = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"};
  if (fn.tracingActive) out.insert(out.end(), {"xray:PutTraceSegments", "xray:PutTelemetryRecords"});
  if (fn.property("VpcConfig")) {
    out.insert(out.end(), {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
                           "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"});
  }
  if (fn.property("KmsKeyArn")) out.push_back("kms:Decrypt");
  for (const auto& e : fn.events) {
    if (e.type == "SQS") {
      out.insert(out.end(),
                 {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"});
    } else if (e.type == "Kinesis" || e.type == "DynamoDB") {
      std::string svc = e.type == "Kinesis" ? "kinesis:" : "dynamodb:";
      for (const char* a : {"GetRecords", "GetShardIterator", "DescribeStream", "ListStreams", "ListShards",
                            "SubscribeToShard", "DescribeStreamSummary"}) {
        out.push_back(svc + a);
      }
    }
  }
  // Failure destinations are written by Lambda with the function's role.
  for (const Node* target : {fn.deadLetterTarget, fn.onFailureDestination}) {
    if (!target) continue;
    std::string text = flatten(*target).text;
    std::string id = referencedId(*target);
    const Resource* r = model.resource(id);
    std::string type = r ? r->type : text;
    if (type.find("SQS") != std::string::npos || text.find(":sqs:") != std::string::npos)
      out.push_back("sqs:SendMessage");
    if (type.find("SNS") != std::string::npos || text.find(":sns:") != std::string::npos) out.push_back("sns:Publish");
    if (type.find("Lambda") != std::string::npos || type == "Lambda") out.push_back("lambda:InvokeFunction");
    if (type.find("Events") != std::string::npos || type == "EventBridge") out.push_back("events:PutEvents");
    if (type.find("S3") != std::string::npos) out.push_back("s3:PutObject");
  }
  return out;
}

namespace {

// resource -> sorted actions, resources in a stable order.
std::map<std::string, std::set<std::string>> grouped(const std::vector<NeededPermission>& needs) {
  std::map<std::string, std::set<std::string>> byResource;
  for (const auto& n : needs) byResource[n.resource].insert(n.action);
  return byResource;
}

}  // namespace

std::string derivedPolicyJson(const std::vector<NeededPermission>& needs) {
  // ordered_json keeps IAM's conventional key order (Effect, Action, Resource).
  using Json = nlohmann::ordered_json;
  Json statements = Json::array();
  for (const auto& [resource, actions] : grouped(needs)) {
    Json res = resource == "*" ? Json("*") : Json{{"Fn::Sub", resource}};
    statements.push_back({{"Effect", "Allow"}, {"Action", actions}, {"Resource", res}});
  }
  Json doc = {{"Version", "2012-10-17"}, {"Statement", statements}};
  return doc.dump(2);
}

std::string derivedPolicySamYaml(const std::vector<NeededPermission>& needs) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "Policies" << YAML::Value << YAML::BeginSeq;
  out << YAML::BeginMap << YAML::Key << "Statement" << YAML::Value << YAML::BeginSeq;
  for (const auto& [resource, actions] : grouped(needs)) {
    out << YAML::BeginMap;
    out << YAML::Key << "Effect" << YAML::Value << "Allow";
    out << YAML::Key << "Action" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& a : actions) out << a;
    out << YAML::EndSeq;
    out << YAML::Key << "Resource" << YAML::Value;
    if (resource == "*") {
      out << YAML::SingleQuoted << "*";
    } else {
      out << YAML::LocalTag("Sub") << YAML::DoubleQuoted << resource;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace lambdalint::iam
