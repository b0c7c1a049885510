// AWS SDK for JavaScript calls: v2 methods (`s3.putObject(p).promise()`,
// DocumentClient `put`), v3 commands (`client.send(new PutObjectCommand(p))`,
// lib-dynamodb `PutCommand`), aggregated v3 clients (`s3.putObject(p)`),
// paginators (`paginateListObjectsV2(...)`) and lib-storage `new Upload(...)`.
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "code/analysis/analysis.h"
#include "code/analysis/client_constructions.h"
#include "code/javascript/aws_service_names.h"
#include "code/javascript/javascript_library.h"

namespace lambdalint::code::javascript {
namespace {

using analysis::Analysis;
using analysis::Value;
using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;
using std::string_view;

constexpr int kMaxTrace = 8;

std::string pascal(string_view method) {
  std::string out(method);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// DocumentClient (v2) and DynamoDBDocument (v3) methods → DynamoDB operations.
std::optional<std::string> documentOperation(string_view method) {
  static const std::unordered_map<string_view, string_view> kOps{
      {"put", "PutItem"},
      {"get", "GetItem"},
      {"query", "Query"},
      {"scan", "Scan"},
      {"update", "UpdateItem"},
      {"delete", "DeleteItem"},
      {"batchWrite", "BatchWriteItem"},
      {"batchGet", "BatchGetItem"},
      {"transactWrite", "TransactWriteItems"},
      {"transactGet", "TransactGetItems"},
      {"executeStatement", "ExecuteStatement"},
      {"batchExecuteStatement", "BatchExecuteStatement"},
      {"executeTransaction", "ExecuteTransaction"},
  };
  auto it = kOps.find(method);
  if (it == kOps.end()) return std::nullopt;
  return std::string(it->second);
}

// `@aws-sdk/lib-dynamodb` commands (`PutCommand`) → DynamoDB operations.
std::optional<std::string> documentCommandOperation(string_view className) {
  if (!className.ends_with("Command")) return std::nullopt;
  std::string method(className.substr(0, className.size() - 7));
  if (method.empty()) return std::nullopt;
  method[0] = static_cast<char>(method[0] >= 'A' && method[0] <= 'Z' ? method[0] - 'A' + 'a' : method[0]);
  return documentOperation(method);
}

bool isV3Package(const Value& v) { return v.kind == Value::Kind::Module && v.text.rfind("@aws-sdk/client-", 0) == 0; }

class Recognizer {
 public:
  explicit Recognizer(Analysis& analysis) : a_(analysis), p_(analysis.program()), values_(analysis.values()) {
    for (const ir::Import& i : p_.imports) {
      if (i.module.rfind("aws-sdk", 0) == 0 && (i.module.size() == 7 || i.module[7] == '/')) usesSdkV2_ = true;
    }
  }

  void run() {
    for (ExprId call : p_.calls) {
      const ir::Expr& e = p_.expr(call);
      if (e.kind == ExprKind::New) {
        upload(call);
      } else {
        callOn(call);
      }
    }
  }

 private:
  struct Command {
    std::string operation;
    std::string service;  // empty when the command class is not imported from a known package
    ExprId params = kNoExpr;
  };

  ExprId arg(ExprId call, size_t i) const {
    auto args = p_.itemsOf(call);
    return i < args.size() ? args[i] : kNoExpr;
  }

  void add(ExprId call, ExprId promise, ExprId params, std::string sdk, std::string service, std::string operation,
           bool dynamic) {
    Analysis::SdkCallSite site;
    site.call = call;
    site.promise = promise;
    site.params = params;
    a_.addSdkCall(site, std::move(sdk), std::move(service), std::move(operation), dynamic);
  }

  // `s3.putObject(p).promise()`: the `.promise()` call carries the promise.
  ExprId promiseOf(ExprId call) const {
    const ir::Expr& e = p_.expr(call);
    if (e.parent == kNoExpr || e.slot != ir::Slot::A) return call;
    const ir::Expr& m = p_.expr(e.parent);
    if (m.kind != ExprKind::Member || m.text != "promise" || m.parent == kNoExpr || m.slot != ir::Slot::A) return call;
    return p_.expr(m.parent).kind == ExprKind::Call ? m.parent : call;
  }

  std::optional<Value> clientOf(ExprId object) {
    Value v = values_.evaluate(object);
    if (v.kind != Value::Kind::Library) return std::nullopt;
    return v;
  }

  // `new PutObjectCommand(p)`, directly or through a name bound to it.
  std::optional<Command> command(ExprId e) {
    e = p_.unwrapAwait(values_.definition(p_.unwrapAwait(e), kMaxTrace));
    if (!p_.is(e, ExprKind::New)) return std::nullopt;
    ExprId ctor = p_.expr(e).a;
    ExprId last = p_.unwrap(ctor);
    std::string cls;
    if (p_.is(last, ExprKind::Name) || p_.is(last, ExprKind::Member)) cls = std::string(p_.expr(last).text);
    Command c;
    c.params = arg(e, 0);
    Value q = values_.evaluate(ctor);
    if (q.kind == Value::Kind::Module && q.text == "@aws-sdk/lib-dynamodb") {
      auto op = documentCommandOperation(cls);
      if (!op) return std::nullopt;
      c.operation = *op;
      c.service = "dynamodb";
      return c;
    }
    if (!string_view(cls).ends_with("Command") || cls.size() == 7) return std::nullopt;
    c.operation = cls.substr(0, cls.size() - 7);
    if (isV3Package(q)) c.service = iamPrefixForV3Package(string_view(q.text).substr(16));
    return c;
  }

  void callOn(ExprId call) {
    ExprId callee = p_.unwrapAwait(p_.expr(call).a);
    if (callee == kNoExpr) return;
    const ir::Expr& f = p_.expr(callee);
    if (f.kind == ExprKind::Name) {
      paginator(call, callee);
      return;
    }
    ExprId object;
    std::string method;
    bool computed = false;
    if (f.kind == ExprKind::Member) {
      object = f.a;
      method = std::string(f.text);
    } else if (f.kind == ExprKind::Index) {
      object = f.a;
      const string_view* literal = p_.stringValue(f.b);
      computed = literal == nullptr;
      method = literal ? std::string(*literal) : std::string();
    } else {
      return;
    }
    std::optional<Value> ct = clientOf(object);
    ExprId arg0 = arg(call, 0);
    if (!ct) {
      if (method == "send" && !computed) {
        // A v3 command sent through a client the file does not show (a parameter, an import).
        auto cmd = command(arg0);
        if (cmd && !cmd->service.empty()) {
          add(call, call, cmd->params, "js-v3", cmd->service, cmd->operation, false);
        } else if (cmd) {
          // Neither the client nor the command's package known: maybe an SDK call of unknown service, maybe a
          // command bus. Not recorded, but incomplete.
          a_.facts().complete = false;
        }
      } else if (method == "promise" && usesSdkV2_) {
        // `x.putObject(...).promise()` on an object that is no known client.
        ExprId inner = p_.unwrap(object);
        if (p_.is(inner, ExprKind::Call) && p_.is(p_.expr(inner).a, ExprKind::Member) &&
            !clientOf(p_.expr(p_.expr(inner).a).a)) {
          a_.facts().complete = false;
        }
      }
      return;
    }
    auto style = static_cast<ClientStyle>(ct->object.shape);
    if (style == ClientStyle::Database) return;
    const std::string& sdk = ct->object.sdk;
    const std::string& service = ct->object.service;
    if (computed) {
      add(call, promiseOf(call), kNoExpr, sdk, service, "", true);
      return;
    }
    switch (style) {
      case ClientStyle::V2: {
        static const std::unordered_set<string_view> kNotOperations{"on",
                                                                    "waitFor",
                                                                    "setupRequestListeners",
                                                                    "defineService",
                                                                    "constructor",
                                                                    "bindServiceObject",
                                                                    "promise",
                                                                    "send",
                                                                    "abort",
                                                                    "eachPage",
                                                                    "createReadStream",
                                                                    "makeUnauthenticatedRequest"};
        if (kNotOperations.count(method)) break;
        if (method == "makeRequest" || method == "getSignedUrl" || method == "getSignedUrlPromise") {
          const string_view* op = p_.stringValue(arg0);
          add(call, promiseOf(call), arg(call, 1), sdk, service, op ? pascal(*op) : "", !op);
        } else if (method == "upload" && service == "s3") {
          add(call, promiseOf(call), arg0, sdk, service, "PutObject", false);
        } else if (method == "createPresignedPost" && service == "s3") {
          add(call, call, arg0, sdk, service, "PutObject", false);
        } else {
          add(call, promiseOf(call), arg0, sdk, service, pascal(method), false);
        }
        break;
      }
      case ClientStyle::V2Document:
        if (auto op = documentOperation(method)) add(call, promiseOf(call), arg0, sdk, service, *op, false);
        break;
      case ClientStyle::V3:
      case ClientStyle::V3Document:
      case ClientStyle::V3Aggregated:
      case ClientStyle::V3DocumentAggregated: {
        bool document = style == ClientStyle::V3Document || style == ClientStyle::V3DocumentAggregated;
        if (method == "send") {
          auto cmd = command(arg0);
          if (!cmd) {
            add(call, call, kNoExpr, sdk, service, "", true);
          } else {
            std::string svc = cmd->service.empty() ? service : cmd->service;
            if (document) {
              if (auto op = documentCommandOperation(cmd->operation + "Command")) cmd->operation = *op;
            }
            add(call, call, cmd->params, sdk, svc, cmd->operation, false);
          }
        } else if (style == ClientStyle::V3Aggregated) {
          if (method == "destroy" || method == "middlewareStack" || method == "config") break;
          add(call, call, arg0, sdk, service, pascal(method), false);
        } else if (style == ClientStyle::V3DocumentAggregated) {
          if (auto op = documentOperation(method)) add(call, call, arg0, sdk, service, *op, false);
        }
        break;
      }
      case ClientStyle::Database:
        break;
    }
  }

  // `paginateListObjectsV2({ client }, { Bucket })` from a v3 client package.
  void paginator(ExprId call, ExprId callee) {
    Value q = values_.evaluate(callee);
    if (q.kind != Value::Kind::Module || q.members.size() != 1) return;
    const std::string& name = q.members[0];
    if (name.rfind("paginate", 0) != 0 || name.size() <= 8) return;
    std::string op = name.substr(8);
    std::string service;
    if (q.text == "@aws-sdk/lib-dynamodb") {
      if (op != "Query" && op != "Scan") return;
      service = "dynamodb";
    } else if (isV3Package(q)) {
      service = iamPrefixForV3Package(string_view(q.text).substr(16));
    } else {
      return;
    }
    add(call, call, arg(call, 1), "js-v3", service, op, false);
  }

  // `new Upload({ client, params: { Bucket, Key, Body } })` from @aws-sdk/lib-storage: an S3 PutObject
  // (multipart uploads need the same s3:PutObject permission), run when `.done()` is called.
  void upload(ExprId call) {
    Value q = values_.evaluate(p_.expr(call).a);
    if (q.kind != Value::Kind::Module || q.text != "@aws-sdk/lib-storage" ||
        q.members != std::vector<std::string>{"Upload"}) {
      return;
    }
    ExprId options = values_.objectLiteral(arg(call, 0));
    ExprId params = kNoExpr;
    for (ExprId item : p_.itemsOf(options)) {
      const ir::Expr& prop = p_.expr(item);
      if (p_.is(options, ExprKind::Object) && prop.kind == ExprKind::Property && prop.op == ir::Op::None &&
          prop.text == "params") {
        params = prop.a;
        break;
      }
    }
    ExprId promise = kNoExpr;
    ExprId at = call;
    for (int i = 0; i < 8 && p_.expr(at).parent != kNoExpr && p_.expr(p_.expr(at).parent).kind == ExprKind::Group;
         ++i) {
      at = p_.expr(at).parent;
    }
    const ir::Expr& up = p_.expr(at);
    if (up.parent != kNoExpr && p_.expr(up.parent).kind == ExprKind::Member && p_.expr(up.parent).text == "done") {
      const ir::Expr& member = p_.expr(up.parent);
      if (member.parent != kNoExpr && member.slot == ir::Slot::A && p_.expr(member.parent).kind == ExprKind::Call) {
        promise = member.parent;
      }
    }
    if (promise == kNoExpr) {
      string_view variable = analysis::storedIn(a_, call);
      ir::FunctionId where = p_.expr(call).function;
      for (ExprId c : p_.calls) {
        ExprId callee = p_.unwrapAwait(p_.expr(c).a);
        if (variable.empty() || !p_.is(callee, ExprKind::Member) || p_.expr(callee).text != "done" ||
            p_.source(p_.expr(callee).a) != variable || !within(p_.expr(c).function, where)) {
          continue;
        }
        promise = c;
        break;
      }
    }
    Analysis::SdkCallSite site;
    site.call = call;
    site.promise = promise;
    site.params = params;
    site.awaited = promise == kNoExpr;
    a_.addSdkCall(site, "js-v3", "s3", "PutObject", false);
  }

  bool within(ir::FunctionId f, ir::FunctionId ancestor) const {
    for (int i = 0; f != ir::kModule && i < 100000; ++i) {
      if (f == ancestor) return true;
      f = p_.functions[static_cast<size_t>(f)].parent;
    }
    return ancestor == ir::kModule;
  }

  Analysis& a_;
  const ir::Program& p_;
  analysis::Evaluator& values_;
  bool usesSdkV2_ = false;
};

}  // namespace

void JavaScriptLanguage::findSdkCalls(Analysis& analysis) const { Recognizer(analysis).run(); }

}  // namespace lambdalint::code::javascript
