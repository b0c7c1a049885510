#include "code/analysis/resource_params.h"

#include <algorithm>
#include <array>

#include "code/analysis/evaluator.h"

namespace lambdalint::code::analysis {
namespace {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

struct Entry {
  std::string_view key;  // empty for a computed key
  ExprId keyExpr;        // the key as written (computed: its expression)
  ExprId value;
};

// The entries of an object / dict literal.
void entriesOf(const ir::Program& p, ExprId object, std::vector<Entry>& out) {
  if (!p.is(object, ExprKind::Object)) return;
  for (ExprId item : p.itemsOf(object)) {
    const ir::Expr& e = p.expr(item);
    if (e.kind != ExprKind::Property) continue;
    out.push_back({e.op == ir::Op::None ? e.text : std::string_view(), e.b, e.a});
  }
}

class Collector {
 public:
  Collector(Evaluator& values, std::string_view service, std::vector<std::pair<std::string, TracedValue>>& out)
      : values_(values), p_(values.program()), service_(service), out_(out) {}

  void entries(const std::vector<Entry>& entries) {
    for (const Entry& e : entries) {
      if (e.key.empty()) continue;
      if (isResourceParam(e.key, service_)) {
        add(e.key, e.value);
      } else if (e.key == "Entries") {
        // EventBridge PutEvents: Entries[].EventBusName
        eachObject(e.value, [&](const std::vector<Entry>& entry) {
          for (const Entry& x : entry) {
            if (!x.key.empty() && isResourceParam(x.key, service_)) add(x.key, x.value);
          }
        });
      } else if (e.key == "RequestItems") {
        // DynamoDB BatchWriteItem / BatchGetItem: table names are the keys.
        std::vector<Entry> tables;
        entriesOf(p_, values_.objectLiteral(e.value), tables);
        for (const Entry& t : tables) {
          if (t.keyExpr == kNoExpr) continue;  // `{ tbl }` shorthand
          if (t.key.empty()) {
            out_.emplace_back("TableName", values_.trace(t.keyExpr));
          } else {
            TracedValue v;
            v.kind = TracedValue::Kind::Literal;
            v.text = std::string(t.key);
            v.range = p_.range(t.keyExpr);
            out_.emplace_back("TableName", std::move(v));
          }
        }
      } else if (e.key == "TransactItems") {
        // DynamoDB TransactWriteItems: TransactItems[].{Put,Update,Delete,ConditionCheck,Get}.TableName
        eachObject(e.value, [&](const std::vector<Entry>& item) {
          for (const Entry& operation : item) {
            std::vector<Entry> inner;
            entriesOf(p_, values_.objectLiteral(operation.value), inner);
            for (const Entry& x : inner) {
              if (x.key == "TableName") add(x.key, x.value);
            }
          }
        });
      }
    }
  }

 private:
  void add(std::string_view key, ExprId value) { out_.emplace_back(std::string(key), values_.trace(value)); }

  template <typename Fn>
  void eachObject(ExprId array, Fn&& fn) {
    array = p_.unwrap(values_.definition(array));
    if (!p_.is(array, ExprKind::Array)) return;
    for (ExprId element : p_.itemsOf(array)) {
      std::vector<Entry> entries;
      entriesOf(p_, values_.objectLiteral(element), entries);
      if (!entries.empty()) fn(entries);
    }
  }

  Evaluator& values_;
  const ir::Program& p_;
  std::string_view service_;
  std::vector<std::pair<std::string, TracedValue>>& out_;
};

}  // namespace

bool isResourceParam(std::string_view key, std::string_view service) {
  static constexpr std::array<std::string_view, 12> kKeys{
      "Bucket",       "TableName", "QueueUrl",   "TopicArn",           "FunctionName", "StateMachineArn",
      "EventBusName", "SecretId",  "StreamName", "DeliveryStreamName", "LogGroupName", "StreamARN"};
  if (key == "Name") return service == "ssm";
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

void collectResourceParams(Evaluator& values, ExprId params, ExprId keywordsOf, std::string_view service,
                           std::vector<std::pair<std::string, TracedValue>>& out) {
  const ir::Program& p = values.program();
  std::vector<Entry> entries;
  if (params != kNoExpr) entriesOf(p, values.objectLiteral(params), entries);
  if (keywordsOf != kNoExpr) {
    for (ExprId a : p.itemsOf(keywordsOf)) {
      const ir::Expr& e = p.expr(a);
      if (e.kind == ExprKind::Keyword) {
        entries.push_back({e.text, kNoExpr, e.a});
      } else if (e.kind == ExprKind::Spread && e.op == ir::Op::DoubleStar) {
        entriesOf(p, values.objectLiteral(e.a), entries);  // **params
      }
    }
  }
  Collector(values, service, out).entries(entries);
}

}  // namespace lambdalint::code::analysis
