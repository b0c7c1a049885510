// EVT009 sns-filter-policy-invalid: an SNS subscription FilterPolicy that SNS
// rejects: values that are not arrays, unknown or malformed operators, nested
// objects under attribute-based filtering, more than 5 keys, more than 150
// value combinations.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/rule.h"
#include "model/filter_pattern.h"

namespace lambdalint {
namespace {

using filter::Dialect;
using filter::Value;
using Kind = Value::Kind;

constexpr size_t kMaxKeys = 5;
constexpr double kMaxCombinations = 150;
constexpr size_t kMaxBranches = 1024;  // $or expansion stops here; counts stay lower bounds

// One alternative of a policy once its `$or`s are expanded: the keys it names
// and the product of its value-array lengths.
struct Branch {
  std::set<std::string> keys;  // counted keys (top-level ones for payload-based filtering)
  double combinations = 1;
  std::vector<size_t> factors;
};

Branch merge(const Branch& a, const Branch& b) {
  Branch out = a;
  out.keys.insert(b.keys.begin(), b.keys.end());
  out.combinations *= b.combinations;
  out.factors.insert(out.factors.end(), b.factors.begin(), b.factors.end());
  return out;
}

std::vector<Branch> cross(const std::vector<Branch>& left, const std::vector<Branch>& right) {
  std::vector<Branch> out;
  for (const auto& l : left) {
    for (const auto& r : right) {
      if (out.size() >= kMaxBranches) return out;
      out.push_back(merge(l, r));
    }
  }
  return out;
}

// `top`: keys of this object are top-level keys of the policy.
std::vector<Branch> expand(const Value& obj, bool top, bool body) {
  std::vector<Branch> branches(1);
  for (const auto& [key, value] : obj.members) {
    if (key == "$or") {
      if (value.kind != Kind::Array) continue;
      std::vector<Branch> alternatives;
      for (const auto& alt : value.items) {
        if (alt.kind != Kind::Object) continue;
        auto sub = expand(alt, top, body);
        alternatives.insert(alternatives.end(), sub.begin(), sub.end());
      }
      if (!alternatives.empty()) branches = cross(branches, alternatives);
      continue;
    }
    Branch own;
    if (top || !body) own.keys.insert(key);
    std::vector<Branch> mine{own};
    if (value.kind == Kind::Object) {
      mine = cross(mine, expand(value, false, body));
    } else if (value.kind == Kind::Array && !value.items.empty()) {
      mine.front().combinations = static_cast<double>(value.items.size());
      mine.front().factors.push_back(value.items.size());
    }
    branches = cross(branches, mine);
  }
  return branches;
}

class SnsFilterPolicyInvalid final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT009",
                            "sns-filter-policy-invalid",
                            Severity::Error,
                            "SNS subscription FilterPolicy that SNS rejects (non-array values, unknown operators, "
                            "nested attributes, more than 5 keys or 150 combinations)",
                            {"correctness", "reliability"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& r : ctx.model().resources) {
      if (r.type == "AWS::SNS::Subscription") {
        if (r.properties) checkPolicy(ctx, *r.properties, r.id);
      } else if (r.type == "AWS::Serverless::Function") {
        const Node* events = r.property("Events");
        if (!events || !events->isMapping()) continue;
        for (const auto& e : events->entries) {
          const Node* type = e.value.get("Type");
          const Node* props = e.value.get("Properties");
          if (type && type->str() == "SNS" && props) checkPolicy(ctx, *props, r.id);
        }
      }
    }
  }

 private:
  static void checkPolicy(RuleContext& ctx, const Node& props, const std::string& id) {
    const Node* policy = props.get("FilterPolicy");
    if (!policy) return;
    const Node* where = props.keyNode("FilterPolicy");
    const Node* scope = props.get("FilterPolicyScope");
    bool scopeKnown = !scope || (scope->isScalar() && scope->intrinsic().empty());
    bool body = scope && scope->str() == "MessageBody";
    Dialect dialect = body || !scopeKnown ? Dialect::SnsBody : Dialect::SnsAttributes;

    filter::Loaded loaded = filter::load(*policy);
    if (!loaded.error.empty()) {
      ctx.report(*policy,
                 fmt::format("FilterPolicy is a string but not valid JSON ({}); SNS rejects it: write the policy as "
                             "a YAML mapping or fix the JSON",
                             loaded.error),
                 id, "FilterPolicy not JSON");
      return;
    }
    if (!loaded.ok) return;
    const Value& root = loaded.root;
    for (auto& issue : filter::validate(root, dialect, "FilterPolicy")) ctx.report(*issue.node, issue.message, id);
    if (root.kind != Kind::Object || root.members.empty()) return;

    bool countTopOnly = dialect == Dialect::SnsBody;
    auto branches = expand(root, true, countTopOnly);
    size_t keys = 0;
    const Branch* widest = nullptr;
    double total = 0;
    for (const auto& b : branches) {
      total += b.combinations;
      if (b.keys.size() > keys) {
        keys = b.keys.size();
        widest = &b;
      }
    }
    if (keys > kMaxKeys && widest) {
      // Land on the first key past the limit when it is written at the top of the policy.
      const Node* at = loaded.fromString ? policy : where;
      size_t seen = 0;
      if (!loaded.fromString) {
        for (const auto& [key, value] : root.members) {
          if (key == "$or" || !widest->keys.count(key)) continue;
          if (++seen == kMaxKeys + 1) {
            at = value.where();
            break;
          }
        }
      }
      std::string names;
      for (const auto& k : widest->keys) names += (names.empty() ? "" : ", ") + k;
      ctx.report(*at,
                 fmt::format("FilterPolicy has {} {}keys ({}); SNS accepts at most {}{}: split the filtering across "
                             "subscriptions or drop keys",
                             keys, countTopOnly ? "top-level " : "", names, kMaxKeys,
                             countTopOnly ? " top-level keys for payload-based filtering" : " attribute names"),
                 id, "FilterPolicy keys");
    }
    if (total > kMaxCombinations) {
      std::string detail;
      if (branches.size() == 1) {
        std::vector<size_t> f = branches.front().factors;
        std::erase(f, 1);
        for (size_t n : f) detail += (detail.empty() ? "" : " x ") + std::to_string(n);
        detail = "the product of its value-array lengths, " + detail;
      } else {
        detail = fmt::format("summed over its {} `$or` alternatives", branches.size());
      }
      ctx.report(loaded.fromString ? *policy : *where,
                 fmt::format("FilterPolicy has {:.0f} value combinations ({}); SNS accepts at most {:.0f}: shorten "
                             "the value lists (prefix or anything-but filters), or split the policy across "
                             "subscriptions",
                             total, detail, kMaxCombinations),
                 id, "FilterPolicy combinations");
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SnsFilterPolicyInvalid)

}  // namespace lambdalint
