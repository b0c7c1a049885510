#pragma once
// The content-filter language shared by EventBridge event patterns, Lambda
// event-source-mapping filters and SNS filter policies (EVT008, EVT009).
// A pattern is read from the template as written (a mapping) or from a JSON
// string (parsed with nlohmann::json); both become the same `Value` tree, so
// one validator serves every place a pattern can be written.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "template/node.h"

namespace lambdalint::filter {

struct Member;

struct Value {
  enum class Kind { Null, Bool, Number, String, Array, Object, Unknown };
  Kind kind = Kind::Unknown;  // Unknown: an intrinsic, no static value
  std::string text;           // String and Number text, "true"/"false"
  double number = 0;
  bool numeric = false;           // Number, or a String that reads as a number
  std::vector<Value> items;       // Array
  std::vector<Member> members;    // Object, in written order
  const Node* node = nullptr;     // where a finding about this value lands
  const Node* keyNode = nullptr;  // the key it sits under, when written in the template
  bool fromJsonText = false;      // parsed from a JSON string: types are exactly as written

  bool isScalar() const {
    return kind == Kind::Null || kind == Kind::Bool || kind == Kind::Number || kind == Kind::String;
  }
  const Node* where() const { return keyNode ? keyNode : node; }
};

// An object member. Not an std::pair: pair<std::string, Value> inside Value is
// rejected by clang with libstdc++ (Value is incomplete where pair checks it).
struct Member {
  Member(std::string key, Value value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  Value second;
};

struct Loaded {
  bool ok = false;  // root holds the pattern
  bool fromString = false;
  std::string error;  // set when the value is a string that is not JSON
  Value root;
};

// Reads a pattern property: a mapping as written, or a JSON string (also a
// !Sub whose variables sit inside JSON strings). Not ok with no error when the
// value has no static form (!Ref, !If, !Sub that only parses once resolved).
Loaded load(const Node& property);

enum class Dialect {
  EventBridge,    // AWS::Events::Rule EventPattern, SAM EventBridgeRule/CloudWatchEvent Pattern
  LambdaFilter,   // event source mapping FilterCriteria.Filters[].Pattern
  SnsAttributes,  // SNS FilterPolicy, FilterPolicyScope MessageAttributes (the default)
  SnsBody,        // SNS FilterPolicy, FilterPolicyScope MessageBody
};

struct Issue {
  const Node* node = nullptr;
  std::string message;
};

// Everything the service would reject (or that can never match) in a pattern.
// `what` names the property in messages ("EventPattern", "FilterPolicy").
std::vector<Issue> validate(const Value& root, Dialect dialect, std::string_view what);

// "EventBridge", "Lambda event filtering", "SNS".
std::string_view serviceName(Dialect dialect);

}  // namespace lambdalint::filter
