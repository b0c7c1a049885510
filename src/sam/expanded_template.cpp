#include "sam/expanded_template.h"

#include "sam/expander.h"
#include "sam/globals.h"

namespace lambdalint {

bool Function::hasInvocation(Invocation invocation) const {
  for (const auto& e : events) {
    if (e.invocation == invocation) return true;
  }
  return false;
}

const Resource* ExpandedTemplate::resource(std::string_view id) const {
  auto it = resourceIndex_.find(std::string(id));
  return it == resourceIndex_.end() ? nullptr : &resources[it->second];
}

const Function* ExpandedTemplate::function(std::string_view id) const {
  auto it = functionIndex_.find(std::string(id));
  return it == functionIndex_.end() ? nullptr : &functions[it->second];
}

std::vector<const Function*> ExpandedTemplate::functionsReaching(const Node* node) const {
  std::vector<const Function*> out;
  for (const auto& fn : functions) {
    for (const auto& s : fn.permissions.statements) {
      if (s.node == node) {
        out.push_back(&fn);
        break;
      }
    }
  }
  return out;
}

void expandTemplate(const Node& root, ExpandedTemplate& out) { Expander(root, out).build(); }

void Expander::build() {
  const Node& root = root_;
  m_.globals = root.get("Globals");
  m_.parameters = root.get("Parameters");
  m_.metadata = root.get("Metadata");
  m_.isSam = false;
  if (const Node* t = root.get("Transform")) {
    m_.isSam = t->str().find("AWS::Serverless") != std::string_view::npos;
    for (const auto& item : t->items)
      m_.isSam = m_.isSam || item.str().find("AWS::Serverless") != std::string_view::npos;
  }
  collectResources();
  collectFunctions();
  collectEventSources();
  applyEventInvokeConfigs();
  collectPermissions();
  collectTemplateStatements();
}

void Expander::collectResources() {
  const Node* resources = root_.get("Resources");
  if (!resources || !resources->isMapping()) return;
  m_.resources.reserve(resources->entries.size());
  for (const auto& e : resources->entries) {
    if (!e.key.isScalar() || !e.value.isMapping()) continue;
    Resource r;
    r.id = e.key.value;
    r.keyNode = &e.key;
    r.node = &e.value;
    if (const Node* type = e.value.get("Type")) r.type = std::string(type->str());
    r.properties = e.value.get("Properties");
    r.metadata = e.value.get("Metadata");
    m_.resourceIndex_.emplace(r.id, m_.resources.size());
    m_.resources.push_back(std::move(r));
  }
}

void Expander::collectFunctions() {
  for (const auto& r : m_.resources) {
    if (r.type != "AWS::Serverless::Function" && r.type != "AWS::Lambda::Function") continue;
    m_.functionIndex_.emplace(r.id, m_.functions.size());
    m_.functions.push_back(makeFunction(r));
  }
}

namespace {

Node mappingNode() {
  Node n;
  n.kind = NodeKind::Mapping;
  return n;
}

}  // namespace

Function Expander::makeFunction(const Resource& r) {
  Function fn;
  fn.id = r.id;
  fn.resource = &r;
  fn.sam = r.type == "AWS::Serverless::Function";
  Node props = r.properties && r.properties->isMapping() ? *r.properties : mappingNode();
  if (fn.sam && m_.globals) {
    if (const Node* g = m_.globals->get("Function"); g && g->isMapping()) props = mergeGlobals(*g, props);
  }
  fn.props = std::make_unique<Node>(std::move(props));
  const Node& p = *fn.props;

  if (const Node* runtime = p.get("Runtime")) fn.runtime = std::string(runtime->str());
  if (const Node* handler = p.get("Handler")) fn.handler = std::string(handler->str());
  if (const Node* timeout = p.get("Timeout")) fn.timeout = timeout->asInt();
  if (const Node* memory = p.get("MemorySize")) fn.memorySize = memory->asInt();
  if (const Node* reserved = p.get("ReservedConcurrentExecutions")) fn.reservedConcurrency = reserved->asInt();
  fn.environment = p.at({"Environment", "Variables"});
  if (fn.sam) {
    if (const Node* tracing = p.get("Tracing")) fn.tracingActive = tracing->str() == "Active";
    fn.deadLetterTarget = p.at({"DeadLetterQueue", "TargetArn"});
    fn.onFailureDestination = p.at({"EventInvokeConfig", "DestinationConfig", "OnFailure", "Destination"});
    if (!fn.onFailureDestination) {
      // SAM lets OnFailure name only a Type (SQS/SNS/Lambda/EventBridge/S3) and creates the target.
      fn.onFailureDestination = p.at({"EventInvokeConfig", "DestinationConfig", "OnFailure", "Type"});
    }
  } else {
    if (const Node* mode = p.at({"TracingConfig", "Mode"})) fn.tracingActive = mode->str() == "Active";
    fn.deadLetterTarget = p.at({"DeadLetterConfig", "TargetArn"});
  }
  return fn;
}

void Expander::applyEventInvokeConfigs() {
  for (const auto& r : m_.resources) {
    if (r.type != "AWS::Lambda::EventInvokeConfig") continue;
    Function* fn = functionReferencedBy(r.property("FunctionName"));
    if (!fn || fn->onFailureDestination) continue;
    if (r.properties) fn->onFailureDestination = r.properties->at({"DestinationConfig", "OnFailure", "Destination"});
  }
}

Function* Expander::functionReferencedBy(const Node* node) {
  if (!node) return nullptr;
  FlatValue v = flatten(*node);
  for (const auto& id : v.refs) {
    auto it = m_.functionIndex_.find(id);
    if (it != m_.functionIndex_.end()) return &m_.functions[it->second];
  }
  // A function name written as a literal matches FunctionName properties.
  if (v.known) {
    for (auto& fn : m_.functions) {
      const Node* name = fn.property("FunctionName");
      if (name && name->isScalar() && name->value == v.text) return &fn;
    }
  }
  return nullptr;
}

const Resource* Expander::resourceReferencedBy(const Node* node) const {
  if (!node) return nullptr;
  for (const auto& id : flatten(*node).refs) {
    if (const Resource* r = m_.resource(id)) return r;
  }
  return nullptr;
}

}  // namespace lambdalint
