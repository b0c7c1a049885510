#pragma once
// What the shared analyses ask a language about: its traits, the names it
// provides unbound, and its libraries (which call builds an SDK client, what
// `os.environ` is, which method of a client is an API operation). One
// implementation per language (javascript_library.h, python_library.h); the
// algorithms that use it exist once, in this folder.
#include <cstdint>
#include <optional>
#include <string_view>

#include "code/analysis/value.h"
#include "code/ir/expression.h"

namespace lambdalint::code::analysis {

class Analysis;
class Evaluator;

struct LanguageTraits {
  // JavaScript objects expose their fields as properties: `event.detail`, `process.env.X`, `config.bucket`
  // read fields and a missing one is undefined. Python dicts expose fields by subscript only, and
  // `os.environ['X']` raises for a missing X (so `or 'default'` after it is no default).
  bool fieldsAreProperties = false;
  // A call whose callee the evaluator cannot resolve reaches every function of that name (JavaScript: receivers
  // are rarely known and functions are passed around freely). Otherwise only resolved callees are followed.
  bool dispatchByName = false;
  // SDK calls return promises that must be awaited (CodeFacts SdkCall::awaited).
  bool promises = false;
  // The text of an untraced value is its source (JavaScript) or empty (Python).
  bool unknownValueText = false;
  // The batch response is marked at its `batchItemFailures` property (JavaScript) or at the returned dict.
  bool batchResponseAtProperty = false;
  // `event.detail-type` parses as a subtraction (JavaScript).
  bool hyphenatedMembers = false;
};

class Language {
 public:
  virtual ~Language() = default;
  virtual const LanguageTraits& traits() const = 0;

  // ---- values
  // A name bound nowhere in the file: a global of the language (`process`, `require`), or unknown.
  virtual Value global(std::string_view name) const;
  // A module member that is something else than a module path (`os.environ` is the environment).
  virtual Value refine(Value module) const;
  // `object.name` on a library object (`resource.meta`, `bucket.objects`); nullopt when not known.
  virtual std::optional<Value> member(const Value& object, std::string_view name) const;
  // A call (or `new`) of a module member or global: a client construction, `require('x')`, `os.getenv('X')`.
  virtual Value call(const Value& callee, ir::ExprId call, Evaluator& values) const;
  // `receiver.method(...)` on a library object, the event or the environment.
  virtual Value methodCall(const Value& receiver, std::string_view method, ir::ExprId call, Evaluator& values) const;
  // A parameter named so is the event wherever it is (JavaScript `event`).
  virtual bool isEventName(std::string_view name) const;
  // A function passed as argument `argument` to `receiver.method(...)` gets the receiver's elements as parameter
  // (the returned index): `records.forEach((r) => ...)`.
  virtual std::optional<uint32_t> elementParameter(std::string_view method, uint32_t argument) const;

  // ---- facts
  // The default of an environment read made by a call (`os.getenv('X', 'd')`), or kNoExpr.
  virtual ir::ExprId environmentDefault(ir::ExprId call, const Evaluator& values) const;
  // `failures.push(...)`, `failures.append(...)`.
  virtual bool addsToCollection(std::string_view method) const;
  // A call that builds a partial batch response (`process_partial_response(...)`).
  virtual bool buildsBatchResponse(ir::ExprId call, Evaluator& values) const;
  // Adds the SDK calls of the file to the facts (the recognizer of the language's SDK).
  virtual void findSdkCalls(Analysis& analysis) const = 0;
};

}  // namespace lambdalint::code::analysis
