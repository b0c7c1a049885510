#pragma once
// Which parts of a function's event someone outside the application controls, decided by the function's
// triggers in the template: the sources of the input-validation (VAL) rules. docs/rules/VAL-sources.md
// has the same table for users.
#include <string>
#include <string_view>
#include <vector>

#include "model/app_model.h"

namespace lambdalint {

// How far the author can trust an input, from the least to the most exposed.
enum class InputExposure {
  InternalMessage,  // a message whose every producer is in this template (the queue, topic, stream or bus is
                    // defined here and no resource policy opens it to others)
  Message,          // a message from producers outside this template, or from any that may be
  Upload,           // an S3 object key: whoever may upload chooses it
  Public,           // a request from the internet or an end user: API, URL, ALB, AppSync, Cognito, IoT
};

std::string_view to_string(InputExposure exposure);

// One trigger's untrusted event paths. A path is written as the frontends trace event values
// (`queryStringParameters.id`, `Records[].body`); a traced value is untrusted when its path is one of these
// or starts with one followed by `.` or `[`. The empty path is the whole event.
struct UntrustedInput {
  const EventSource* event = nullptr;  // null for a handler checked without a template
  std::string trigger;                 // the event type (`Api`, `SQS`, ...), or "unknown trigger"
  InputExposure exposure = InputExposure::Public;
  std::vector<std::string> paths;
};

// The untrusted inputs of `fn`, one per trigger that delivers any (schedules, fixed `Input` payloads, log
// subscriptions and Alexa skills deliver none). Order: the function's events.
std::vector<UntrustedInput> untrustedInputsOf(const TemplateModel& model, const Function& fn);

// For a handler read without a template: the whole event, as exposed as it can be.
UntrustedInput unknownTriggerInput();

// The most exposed input whose paths cover `eventPath`, or null.
const UntrustedInput* untrustedInputFor(const std::vector<UntrustedInput>& inputs, std::string_view eventPath);

}  // namespace lambdalint
