#pragma once
// Whether the API in front of a function validates request bodies before the function sees them: REST APIs
// can (a request validator with a model), HTTP APIs, function URLs and ALB cannot.
#include "model/app_model.h"

namespace lambdalint {

enum class BodyValidation {
  None,     // nothing checks the body before the handler
  Body,     // API Gateway validates it against a model
  Unknown,  // decided somewhere lambdalint does not read (an OpenAPI definition, a method of another stack)
};

BodyValidation bodyValidationOf(const TemplateModel& model, const EventSource& event);

}  // namespace lambdalint
