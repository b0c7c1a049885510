#pragma once
// What a handler's source says, in language-neutral terms. Frontends
// (tree-sitter for JavaScript/TypeScript/Python, Clang for C++) fill it;
// rules read it and never see a syntax tree.
#include <string>
#include <vector>

#include "template/document.h"

namespace lambdalint::code {

enum class Language { JavaScript, TypeScript, Tsx, Python, Cpp };

std::string_view to_string(Language language);

// Where a construct sits relative to the handler.
enum class Scope {
  Module,         // top level: runs once per cold start
  Handler,        // inside the handler function body: runs on every invocation
  HandlerCallee,  // inside a function the handler calls (directly or transitively)
  Other,          // inside some other function (not known to run per invocation)
};

// A value traced to where it comes from, as far as the frontend can see.
struct TracedValue {
  enum class Kind { Literal, EnvVar, Event, Unknown };
  Kind kind = Kind::Unknown;
  std::string text;  // the literal, or the environment variable name, or the event path (`Records[].s3.bucket.name`)
  Range range;       // the expression in the source
};

struct HandlerInfo {
  std::string name;    // exported symbol the template names
  bool found = false;  // the symbol exists and is exported as Lambda requires
  bool isAsync = false;
  Range range;      // the function's definition (whole body)
  Range nameRange;  // the name, for positions
};

// `new S3Client()`, `boto3.client('s3')`, `new Pool()`, `redis.Redis()`.
struct ClientConstruction {
  std::string library;   // "@aws-sdk/client-s3", "aws-sdk", "boto3", "pg", "mysql2", "ioredis", "redis", ...
  std::string service;   // IAM prefix for AWS SDK clients ("s3", "dynamodb"); the library name otherwise
  std::string kind;      // "aws-sdk" or "database" or "cache"
  std::string variable;  // the variable it is assigned to, if any
  Scope scope = Scope::Module;
  bool lazilyCached = false;  // `client ??= new X()` / `if (!client) client = new X()` with a module-level variable
  Range range;                // the construction expression
};

// One AWS SDK operation call: `s3.putObject(...)`, `client.send(new PutObjectCommand(...))`,
// `table.put_item(...)`, `client.PutItem(request)`.
struct SdkCall {
  std::string sdk;        // "js-v2", "js-v3", "boto3", "cpp"
  std::string service;    // IAM service prefix: "s3", "dynamodb", "sqs", "sns", "lambda", "states", "events", ...
  std::string operation;  // API operation name in PascalCase: "PutObject", "GetItem", "ListObjectsV2"
  bool dynamic = false;   // service or operation not known statically
  Scope scope = Scope::Handler;
  bool awaited = true;  // awaited, returned, `.promise()`-awaited, or collected (Promise.all); Python/C++: always true
  Range range;          // the call expression
  // Parameters that name the resource: Bucket, TableName, QueueUrl, TopicArn, FunctionName, StateMachineArn,
  // EventBusName, SecretId, Name (SSM) ..., as written in the call.
  std::vector<std::pair<std::string, TracedValue>> resourceParams;
};

struct EnvRead {
  std::string name;
  bool hasDefault = false;  // `process.env.X ?? 'y'`, `os.environ.get('X', 'y')`, `os.getenv('X', 'y')`
  Scope scope = Scope::Module;
  Range range;  // the whole read expression
};

struct Import {
  std::string module;  // "aws-sdk", "@aws-sdk/client-s3", "boto3"
  Range range;
};

// A try/catch (try/except) whose catch block handles errors.
struct CatchBlock {
  Range range;                    // the catch/except clause
  bool rethrows = false;          // throw/raise in the clause
  bool recordsFailure = false;    // pushes to / appends a batch item failure (itemIdentifier)
  bool insideRecordLoop = false;  // the try sits in a loop over event.Records / event['Records']
  Scope scope = Scope::Handler;
};

// `event.detail-type` written as member access (JavaScript parses a subtraction).
struct HyphenatedMemberAccess {
  std::string text;  // "event.detail - type"
  Range range;
};

// A file the frontend did not read although the code (or its compile_commands.json) names it: outside the
// checked folders, not a regular file (FIFO, device), too large, or behind a compiler option that reads or
// loads files. Reported so that the user knows the facts may miss what that file would have added.
struct OutsideRead {
  std::string what;    // "#include", "__has_include", or the dropped option ("-include", "@file", "-fplugin=")
  std::string target;  // the path (absolute for includes; as written for options)
  std::string reason;  // "outside the checked folders", "not a regular file", "larger than N bytes", ...
  Range range;         // the include line in the file (for one inside a header, the main file's include of it);
                       // empty for options
};

struct CodeFacts {
  std::string path;
  Language language = Language::JavaScript;
  HandlerInfo handler;
  std::vector<ClientConstruction> clients;
  std::vector<SdkCall> sdkCalls;
  std::vector<EnvRead> envReads;
  std::vector<Import> imports;
  std::vector<CatchBlock> catches;
  std::vector<HyphenatedMemberAccess> hyphenatedAccesses;
  bool returnsBatchItemFailures = false;  // the handler returns an object with `batchItemFailures`
  Range batchItemFailuresRange;
  // False when something the IAM rules need could not be resolved: a client of unknown service, a dynamic
  // operation name, an SDK call through an unknown object. iam-unused-permission stays silent then.
  bool complete = true;
  std::vector<ParseProblem> problems;     // syntax errors (tree-sitter recovers; facts of the rest are kept)
  std::vector<OutsideRead> outsideReads;  // C++: files not read (see OutsideRead)
};

}  // namespace lambdalint::code
