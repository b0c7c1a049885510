#pragma once
// What the evaluator knows about the value of an expression: a string, an
// environment variable, a path into the handler's event, a module member, a
// function, a class or instance, a literal object, or an object a library
// made (an SDK client, a DynamoDB table, a database pool).
#include <cstdint>
#include <string>
#include <vector>

#include "code/ir/expression.h"

namespace lambdalint::code::analysis {

// An object a library made; `shape` is the recognizer's own kind (a JavaScript client style, a boto3 Table...).
struct LibraryObject {
  uint8_t shape = 0;
  std::string sdk;                    // "js-v2", "js-v3", "boto3" for AWS SDK objects
  std::string library;                // "@aws-sdk/client-s3", "aws-sdk", "boto3", "pg", ...
  std::string service;                // IAM service prefix ("" when not known); the library for databases and caches
  std::string kind;                   // "aws-sdk", "database", "cache"
  std::string operation;              // a paginator's operation
  ir::ExprId resource = ir::kNoExpr;  // the argument that named the resource when the object was made
  ir::ExprId origin = ir::kNoExpr;    // the call that made it
};

struct Value {
  enum class Kind : uint8_t {
    Unknown,
    Null,       // null, undefined, None
    Literal,    // text: the string
    EnvVar,     // text: the variable's name
    Event,      // text: the path in the handler's event ("" for the event itself, "Records[].body")
    EnvObject,  // process.env, os.environ
    Module,     // text: the module, members: the path inside it ("boto3" + {"client"}; "aws-sdk" + {"S3"})
    Global,     // text: a name the language provides unbound (`process`, `require`)
    Function,   // ref: FunctionId
    Class,      // ref: class index
    Instance,   // ref: class index
    Object,     // ref: the object literal's ExprId
    Library,    // object
  };
  Kind kind = Kind::Unknown;
  bool dynamic = false;     // Module: a member chosen at run time; Library: service or operation unknown
  bool constructs = false;  // Library: this very expression builds the object
  int32_t ref = -1;
  std::string text;
  std::vector<std::string> members;
  LibraryObject object;

  bool known() const { return kind != Kind::Unknown && kind != Kind::Null; }
  // Objects, as opposed to strings and paths: the first one of several bindings wins.
  bool isObject() const {
    return kind != Kind::Unknown && kind != Kind::Null && kind != Kind::Literal && kind != Kind::EnvVar &&
           kind != Kind::Event;
  }
  bool isLibrary(uint8_t shape) const { return kind == Kind::Library && object.shape == shape; }
  bool sameAs(const Value& o) const;

  static Value unknown() { return {}; }
  static Value of(Kind kind, std::string text = {}) {
    Value v;
    v.kind = kind;
    v.text = std::move(text);
    return v;
  }
  static Value ofRef(Kind kind, int32_t ref) {
    Value v;
    v.kind = kind;
    v.ref = ref;
    return v;
  }
};

}  // namespace lambdalint::code::analysis
