// IAM005 iam-resource-mismatch: an Allow statement none of whose actions can
// act on any of its resources (s3:GetObject on a bucket ARN without `/*`,
// dynamodb:Query on a bucket), so it grants nothing.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/rule.h"
#include "iam/catalog.h"
#include "policy/policy_evaluator.h"

namespace lambdalint {
namespace {

using iam::ArnPattern;
using iam::Match;

std::string listOf(const std::vector<std::string>& items, size_t shown, std::string_view conjunction = "and") {
  std::string out;
  const size_t n = std::min(items.size(), shown);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += (i + 1 == n && items.size() == n) ? fmt::format(" {} ", conjunction) : std::string(", ");
    out += items[i];
  }
  if (items.size() > n) out += fmt::format(" and {} more", items.size() - n);
  return out;
}

// The ARN segments of a resolved value, split at literal colons; variables print as their labels.
std::vector<std::string> segmentsOf(const ArnPattern& p) {
  std::vector<std::string> out(1);
  for (const auto& e : p.elems) {
    if (e.kind == iam::ArnElem::Kind::Char && e.c == ':' && out.size() < 6) {
      out.emplace_back();
    } else if (e.kind == iam::ArnElem::Kind::Char) {
      out.back() += e.c;
    } else if (e.kind == iam::ArnElem::Kind::Var) {
      out.back() += e.label.empty() ? std::string("*") : e.label;
    } else {
      out.back() += e.kind == iam::ArnElem::Kind::Star ? '*' : '?';
    }
  }
  return out;
}

// The service segment of a resolved ARN ("s3" of "arn:${AWS::Partition}:s3:::${Bucket}"), if written literally.
std::string serviceOf(const ArnPattern& p) {
  auto segments = segmentsOf(p);
  if (segments.size() < 6 || segments[0] != "arn") return {};
  return segments[2].find_first_of("*?${}") == std::string::npos ? segments[2] : std::string();
}

// How alike an ARN format is to a resolved resource: the number of equal segments, placeholders aside. Puts
// "s3 object" before "s3 accesspointobject" when the resource is a bucket ARN.
int likeness(const ArnPattern& p, std::string_view format) {
  auto a = segmentsOf(p);
  auto b = segmentsOf(ArnPattern::fromFormat(format));
  int score = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) score += 2;
    if (i == 5 && !a[i].empty() && !b[i].empty() && a[i][0] == b[i][0]) score += 1;
  }
  return score;
}

class IamResourceMismatch final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM005",
                            "iam-resource-mismatch",
                            Severity::Warning,
                            "Allow statement whose actions cannot act on any of its resources, so it grants nothing",
                            {"correctness", "iam"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const auto& catalog = iam::Catalog::get();
    iam::ArnResolver resolver(ctx.model());
    std::set<const Node*> reportedTemplates;
    for (const auto& s : ctx.model().statements) {
      if (!s.allow || s.notAction || s.notResource || s.resources.empty() || s.actions.empty() || !s.node) continue;
      // Every value must be known, or nothing can be said.
      bool known = true;
      for (const auto& r : s.resources) known = known && r.known;
      for (const auto& a : s.actions) known = known && a.known && a.text.find("${") == std::string::npos;
      if (!known) continue;

      std::vector<const iam::ActionInfo*> scoped;
      std::set<const iam::ActionInfo*> seen;
      for (const auto& a : s.actions) {
        for (const auto* info : catalog.expand(a.text)) {
          if (!info->resourceTypes.empty() && seen.insert(info).second) scoped.push_back(info);
        }
      }
      if (scoped.empty()) continue;  // unknown actions are IAM004's; '*'-only actions accept no ARN at all

      std::vector<ArnPattern> patterns;
      for (const auto& r : s.resources) patterns.push_back(resolver.policyResource(r));
      bool anyStar = false;
      for (const auto& p : patterns) anyStar = anyStar || p.isStar();
      if (anyStar) continue;

      // Can some action act on some resource? Memoized per resource type.
      std::map<const iam::ResourceTypeInfo*, bool> fits;
      auto typeFits = [&](const iam::ResourceTypeInfo* type) {
        auto [it, inserted] = fits.try_emplace(type, false);
        if (!inserted) return it->second;
        bool ok = type->arnFormats.empty();
        for (auto format : type->arnFormats) {
          ArnPattern request = ArnPattern::fromFormat(format);
          for (const auto& p : patterns) ok = ok || iam::matchArn(p, request) != Match::No;
        }
        return it->second = ok;
      };
      bool canAct = false;
      std::vector<const iam::ResourceTypeInfo*> wanted;
      for (const auto* action : scoped) {
        for (const auto& rt : action->resourceTypes) {
          if (!rt.info) {
            canAct = true;  // a type the data does not define: cannot tell
            break;
          }
          if (typeFits(rt.info)) canAct = true;
          if (std::find(wanted.begin(), wanted.end(), rt.info) == wanted.end()) wanted.push_back(rt.info);
        }
        if (canAct) break;
      }
      if (canAct) continue;

      std::stable_sort(wanted.begin(), wanted.end(), [&](const auto* a, const auto* b) {
        auto score = [&](const iam::ResourceTypeInfo* t) {
          return t->arnFormats.empty() ? -1 : likeness(patterns[0], t->arnFormats[0]);
        };
        auto length = [](const iam::ResourceTypeInfo* t) {
          return t->arnFormats.empty() ? size_t(0) : t->arnFormats[0].size();
        };
        if (score(a) != score(b)) return score(a) > score(b);
        return length(a) < length(b);  // the plainer form: "table" before "table/.../index"
      });
      if (s.source == StatementSource::PolicyTemplate) {
        if (!reportedTemplates.insert(s.node).second) continue;
        reportTemplate(ctx, s, scoped);
      } else {
        reportWritten(ctx, s, scoped, wanted, patterns);
      }
    }
  }

 private:
  static std::string actionsText(const std::vector<const iam::ActionInfo*>& scoped) {
    std::vector<std::string> names;
    for (const auto* a : scoped) names.emplace_back(a->qualifiedName);
    return listOf(names, 3);
  }

  // The resource type most like the statement's resource, and how many others the actions take.
  static std::string wantedText(const std::vector<const iam::ResourceTypeInfo*>& wanted) {
    const auto* t = wanted.front();
    std::string out = t->arnFormats.empty() ? fmt::format("{} {} ARNs", t->service, t->name)
                                            : fmt::format("{} {} ARNs ({})", t->service, t->name, t->arnFormats[0]);
    return out;
  }

  // The resource types of the ARN's own service that it may name: "s3 bucket".
  static std::vector<const iam::ResourceTypeInfo*> kindsOf(const ArnPattern& p) {
    std::vector<const iam::ResourceTypeInfo*> kinds;
    const std::string service = serviceOf(p);
    const auto* info = service.empty() ? nullptr : iam::Catalog::get().service(service);
    if (!info) return kinds;
    for (const auto& type : info->resourceTypes) {
      if (type.service != info->prefix) continue;  // types a service borrows from another
      for (auto format : type.arnFormats) {
        if (iam::matchArn(p, ArnPattern::fromFormat(format)) != Match::No) {
          kinds.push_back(&type);
          break;
        }
      }
    }
    return kinds;
  }

  static std::string kindText(const ArnPattern& p) {
    auto kinds = kindsOf(p);
    if (kinds.empty()) {
      std::string service = serviceOf(p);
      return service.empty() ? std::string() : fmt::format("no {} resource type has such an ARN", service);
    }
    std::vector<std::string> names;
    for (const auto* k : kinds) names.push_back(fmt::format("{} {}", k->service, k->name));
    // "an s3 bucket", "an sqs queue", "a dynamodb table": the article of the letter's spoken name.
    const char first = kinds.front()->service.empty() ? 'x' : kinds.front()->service[0];
    const bool an =
        std::string_view("aeiosfhlmnrx").find(first) != std::string_view::npos && kinds.front()->service != "lambda";
    return fmt::format("{} {} ARN", an ? "an" : "a", listOf(names, 2, "or"));
  }

  static bool isKind(const ArnPattern& p, std::string_view service, std::string_view name) {
    auto kinds = kindsOf(p);
    return kinds.size() == 1 && kinds[0]->service == service && kinds[0]->name == name;
  }

  static bool wantsType(const std::vector<const iam::ResourceTypeInfo*>& wanted, std::string_view service,
                        std::string_view name) {
    for (const auto* t : wanted) {
      if (t->service == service && t->name == name) return true;
    }
    return false;
  }

  // How to write a Sub-form value in YAML: "${B.Arn}" -> "!GetAtt B.Arn", "${B}" -> "!Ref B".
  static std::string written(const std::string& subText) {
    if (subText.find("${") == std::string::npos) return "'" + subText + "'";
    auto vars = subVariables(subText);
    if (vars.size() == 1 && subText == "${" + vars[0] + "}" && !vars[0].starts_with("AWS::")) {
      return (vars[0].find('.') == std::string::npos ? "!Ref " : "!GetAtt ") + vars[0];
    }
    return "!Sub '" + subText + "'";
  }

  // A concrete fix for the usual slips, else the ARN form the actions take.
  static std::string fixFor(const std::vector<const iam::ResourceTypeInfo*>& wanted, const FlatValue& resource,
                            const ArnPattern& resolved) {
    if (wantsType(wanted, "s3", "object") && isKind(resolved, "s3", "bucket")) {
      return fmt::format("for the objects in the bucket write {}", written(resource.text + "/*"));
    }
    if (wantsType(wanted, "s3", "bucket") && isKind(resolved, "s3", "object") && resource.text.ends_with("/*")) {
      return fmt::format("for the bucket itself write {}", written(resource.text.substr(0, resource.text.size() - 2)));
    }
    if (wantsType(wanted, "dynamodb", "index") && isKind(resolved, "dynamodb", "table")) {
      return fmt::format("for the indexes write {}", written(resource.text + "/index/*"));
    }
    return fmt::format("use an ARN of the form {}",
                       wanted.front()->arnFormats.empty() ? std::string_view("*") : wanted.front()->arnFormats[0]);
  }

  static void relateFunctions(RuleContext& ctx, Diagnostic& d, const Statement& s) {
    for (const Function* fn : ctx.model().functionsReaching(s.node)) {
      RuleContext::relate(d, ctx.path(), *fn->resource->keyNode, "reaches function " + fn->id);
    }
  }

  static void reportWritten(RuleContext& ctx, const Statement& s, const std::vector<const iam::ActionInfo*>& scoped,
                            const std::vector<const iam::ResourceTypeInfo*>& wanted,
                            const std::vector<ArnPattern>& patterns) {
    std::vector<std::string> resources;
    for (size_t i = 0; i < s.resources.size(); ++i) {
      std::string kind = kindText(patterns[i]);
      resources.push_back(kind.empty() ? fmt::format("'{}'", s.resources[i].text)
                                       : fmt::format("'{}' ({})", s.resources[i].text, kind));
    }
    const bool one = scoped.size() == 1;
    std::string message = fmt::format("{} {} on {}, not on {}, so this statement grants nothing; {}",
                                      actionsText(scoped), one ? "acts" : "act", wantedText(wanted),
                                      listOf(resources, 3), fixFor(wanted, s.resources[0], patterns[0]));
    const Node* at = s.resources.size() == 1 ? s.resources[0].node : s.node->keyNode("Resource");
    auto& d = ctx.report(at ? *at : *s.node, std::move(message), s.holderId,
                         "mismatch:" + std::string(scoped.front()->qualifiedName) + ":" + s.resources[0].text);
    relateFunctions(ctx, d, s);
  }

  static void reportTemplate(RuleContext& ctx, const Statement& s, const std::vector<const iam::ActionInfo*>& scoped) {
    // `use` is {TemplateName: {Parameter: value}}: find the parameter given an ARN where the template takes a name.
    const Node& use = *s.node;
    std::string name = use.entries.empty() ? std::string() : use.entries.front().key.value;
    const Node* at = nullptr;
    std::string hint;
    if (!use.entries.empty() && use.entries.front().value.isMapping()) {
      for (const auto& param : use.entries.front().value.entries) {
        if (param.key.value.ends_with("Arn")) continue;  // SecretArn, CertificateArn: an ARN is what they take
        FlatValue v = flatten(param.value);
        bool isArn = v.text.starts_with("arn:") || v.text.find("Arn}") != std::string::npos;
        if (!isArn) continue;
        at = &param.value;
        std::string fix = v.refs.empty() ? std::string("the name") : "!Ref " + v.refs.front() + " or the name";
        hint = fmt::format("its {} parameter takes a name, not an ARN: pass {}", param.key.value, fix);
        break;
      }
    }
    // Otherwise the mismatch is in SAM's own table (a few templates lag behind the Service Authorization
    // Reference), which the author cannot change: not reported.
    if (!at) return;
    std::vector<std::string> resources;
    for (const auto& r : s.resources) resources.push_back("'" + r.text + "'");
    std::string message = fmt::format(
        "policy template {} expands to Resource {}, on which none of its actions ({}) can act, so it "
        "grants nothing; {}",
        name, listOf(resources, 2), actionsText(scoped), hint);
    auto& d = ctx.report(*at, std::move(message), s.holderId, "mismatch:" + name);
    relateFunctions(ctx, d, s);
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamResourceMismatch)

}  // namespace lambdalint
