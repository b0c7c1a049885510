#include "model/request_validation.h"

#include "model/flat_value.h"

namespace lambdalint {
namespace {

bool isTrue(const Node* node) { return node && node->isScalar() && (node->str() == "true" || node->str() == "True"); }

// A REST API whose routes come from an OpenAPI document: validators live in that document.
bool definedByOpenApi(const TemplateModel& model, const Node* restApiId) {
  if (!restApiId) return false;
  const Resource* api = model.resource(referencedId(*restApiId));
  return api && (api->property("DefinitionBody") || api->property("DefinitionUri") || api->property("Body") ||
                 api->property("BodyS3Location"));
}

// A SAM `Api` event: `RequestModel` with `ValidateBody: true` validates; a model whose ValidateBody is not
// written is left to SAM's defaults, which lambdalint does not guess.
BodyValidation samApiEvent(const TemplateModel& model, const EventSource& event) {
  const Node* props = event.properties;
  if (!props) return BodyValidation::None;
  if (definedByOpenApi(model, props->get("RestApiId"))) return BodyValidation::Unknown;
  const Node* requestModel = props->get("RequestModel");
  if (!requestModel || !requestModel->isMapping()) return BodyValidation::None;
  const Node* validateBody = requestModel->get("ValidateBody");
  if (!validateBody) return BodyValidation::Unknown;
  if (isTrue(validateBody)) return BodyValidation::Body;
  return validateBody->isScalar() ? BodyValidation::None : BodyValidation::Unknown;
}

}  // namespace

BodyValidation bodyValidationOf(const TemplateModel& model, const EventSource& event) {
  if (event.type == "HttpApi" || event.type == "FunctionUrl" || event.type == "ALB") return BodyValidation::None;
  if (event.type != "Api") return BodyValidation::Unknown;
  // A Lambda permission for API Gateway: the method, and any validator, may be anywhere.
  if (event.origin != EventOrigin::SamEvent) return BodyValidation::Unknown;
  return samApiEvent(model, event);
}

}  // namespace lambdalint
