// EVT012 s3-recursive-trigger: a function triggered by a bucket writes into
// that same bucket with no prefix/suffix filter keeping its writes out.
#include <fmt/format.h>

#include "engine/rule.h"

namespace lambdalint {
namespace {

bool writesObjects(const code::SdkCall& call) {
  return call.service == "s3" &&
         (call.operation == "PutObject" || call.operation == "CopyObject" || call.operation == "CreateMultipartUpload");
}

// Does the S3 event declaration carry a key filter (SAM Filter.S3Key.Rules,
// or the notification configuration's Filter)?
bool hasKeyFilter(const EventSource& e) {
  const Node* props = e.properties;
  if (!props) return false;
  const Node* rules = props->at({"Filter", "S3Key", "Rules"});
  return rules && rules->isSequence() && !rules->items.empty();
}

// The bucket logical id a traced value names, through the function's environment.
std::string bucketOf(const Function& fn, const code::TracedValue& v, const TemplateModel& model) {
  if (v.kind == code::TracedValue::Kind::EnvVar && fn.environment) {
    if (const Node* value = fn.environment->get(v.text)) {
      std::string id = referencedId(*value);
      if (const Resource* r = model.resource(id); r && r->type == "AWS::S3::Bucket") return id;
    }
  }
  if (v.kind == code::TracedValue::Kind::Literal) {
    for (const auto& r : model.resources) {
      const Node* name = r.type == "AWS::S3::Bucket" ? r.property("BucketName") : nullptr;
      if (name && name->isScalar() && name->value == v.text) return r.id;
    }
  }
  return {};
}

class S3RecursiveTrigger final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT012",
                            "s3-recursive-trigger",
                            Severity::Error,
                            "Function triggered by a bucket writes into the same bucket: an invocation loop",
                            {"reliability", "cost"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& fn : ctx.model().functions) {
      const HandlerSource& source = ctx.source(fn);
      const auto& facts = source.facts;
      if (!facts) continue;
      for (const auto& e : fn.events) {
        if (e.type != "S3" || e.sourceId.empty() || hasKeyFilter(e)) continue;
        for (const auto& call : facts->sdkCalls) {
          if (!writesObjects(call) || call.scope == code::Scope::Other) continue;
          for (const auto& [param, value] : call.resourceParams) {
            if (param != "Bucket" || bucketOf(fn, value, ctx.model()) != e.sourceId) continue;
            auto& d = ctx.reportAt(
                source.path, call.range,
                fmt::format("{} writes into bucket {}, whose object-created events invoke this function: each "
                            "write triggers another invocation, in a loop that runs up the bill. Write to another "
                            "bucket, or filter the event by prefix/suffix so the function's own objects are "
                            "excluded",
                            call.operation, e.sourceId),
                fn.id, e.sourceId + ":" + call.operation);
            RuleContext::relate(d, ctx.path(), *e.node, "S3 trigger of function " + fn.id);
          }
        }
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(S3RecursiveTrigger)

}  // namespace lambdalint
