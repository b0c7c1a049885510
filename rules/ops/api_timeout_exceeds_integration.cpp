// OPS001 api-timeout-exceeds-integration: a function behind API Gateway whose
// Timeout is longer than the integration timeout of the API that invokes it
// (REST and WebSocket APIs 29 s, HTTP APIs 30 s, or the TimeoutInMillis
// written on the integration).
#include <fmt/format.h>

#include <algorithm>

#include "ops_support.h"
#include "util/ascii_case.h"

namespace lambdalint {
namespace {

constexpr long long kRestDefaultMs = 29'000;       // REST API integration timeout (default and maximum)
constexpr long long kHttpDefaultMs = 30'000;       // HTTP API integration timeout (default and maximum)
constexpr long long kWebSocketDefaultMs = 29'000;  // WebSocket API integration timeout

struct Integration {
  std::string api;  // "API Gateway REST API", ...
  long long limitMs = 0;
  bool explicitLimit = false;  // TimeoutInMillis written
  const Node* node = nullptr;  // related location
  std::string label;           // "Api event GetItem", ...
};

std::string seconds(long long ms) {
  if (ms % 1000 == 0) return fmt::format("{} s", ms / 1000);
  return fmt::format("{:g} s", static_cast<double>(ms) / 1000.0);
}

class ApiTimeoutExceedsIntegration final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"OPS001",
                            "api-timeout-exceeds-integration",
                            Severity::Warning,
                            "Function behind API Gateway has a Timeout above the API's integration timeout (REST 29 s, "
                            "HTTP 30 s)",
                            {"reliability", "cost"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    std::vector<std::vector<Integration>> perFunction(model.functions.size());
    auto add = [&](const Function* fn, Integration i) {
      if (fn) perFunction[static_cast<size_t>(fn - model.functions.data())].push_back(std::move(i));
    };

    for (const auto& fn : model.functions) {
      for (const auto& e : fn.events) {
        if (e.origin != EventOrigin::SamEvent || (e.type != "Api" && e.type != "HttpApi")) continue;
        bool rest = e.type == "Api";
        Integration i{rest ? "API Gateway REST API" : "API Gateway HTTP API", rest ? kRestDefaultMs : kHttpDefaultMs,
                      false, e.node, e.type + " event " + e.name};
        if (!applyTimeoutInMillis(e.properties ? e.properties->get("TimeoutInMillis") : nullptr, i)) continue;
        add(&fn, std::move(i));
      }
    }

    for (const auto& r : model.resources) {
      if (r.type == "AWS::ApiGateway::Method") {
        const Node* integration = r.property("Integration");
        if (!integration || !lambdaType(integration->get("Type")) || invokedAsynchronously(integration)) continue;
        const Node* uri = integration->get("Uri");
        Integration i{"API Gateway REST API", kRestDefaultMs, false, uri, "method " + r.id};
        if (!uri || !applyTimeoutInMillis(integration->get("TimeoutInMillis"), i)) continue;
        for (const Function* fn : functionsReferencedBy(model, *uri)) add(fn, i);
      } else if (r.type == "AWS::ApiGatewayV2::Integration") {
        const Node* uri = r.property("IntegrationUri");
        if (!uri || !lambdaType(r.property("IntegrationType"))) continue;
        bool webSocket = false;
        if (const Node* apiId = r.property("ApiId")) {
          for (const auto& id : flatten(*apiId).refs) {
            const Resource* api = model.resource(id);
            const Node* protocol = api ? api->property("ProtocolType") : nullptr;
            webSocket = webSocket || (protocol && protocol->str() == "WEBSOCKET");
          }
        }
        Integration i{webSocket ? "API Gateway WebSocket API" : "API Gateway HTTP API",
                      webSocket ? kWebSocketDefaultMs : kHttpDefaultMs, false, uri, "integration " + r.id};
        if (!applyTimeoutInMillis(r.property("TimeoutInMillis"), i)) continue;
        for (const Function* fn : functionsReferencedBy(model, *uri)) add(fn, i);
      } else if (const Node* body = openApiBody(r)) {
        bool rest = r.type == "AWS::Serverless::Api" || r.type == "AWS::ApiGateway::RestApi";
        std::vector<const Node*> found;
        collectOpenApiIntegrations(*body, found);
        for (const Node* x : found) {
          const Node* uri = x->get("uri");
          if (!uri || !lambdaType(x->get("type")) || invokedAsynchronously(x)) continue;
          Integration i{rest ? "API Gateway REST API" : "API Gateway HTTP API", rest ? kRestDefaultMs : kHttpDefaultMs,
                        false, uri, "OpenAPI integration of " + r.id};
          if (!applyTimeoutInMillis(x->get("timeoutInMillis"), i)) continue;
          for (const Function* fn : functionsReferencedBy(model, *uri)) add(fn, i);
        }
      }
    }

    struct Item {
      std::vector<Integration> exceeded;
    };
    ops::PropertyUses<Item> uses;
    for (size_t f = 0; f < model.functions.size(); ++f) {
      const Function& fn = model.functions[f];
      const Node* timeout = fn.property("Timeout");
      std::optional<long long> timeoutS = timeout ? timeout->asInt() : std::nullopt;
      if (!timeoutS || perFunction[f].empty()) continue;  // default 3 s, or written with an intrinsic
      Item item;
      for (const auto& i : perFunction[f]) {
        if (i.limitMs < *timeoutS * 1000) item.exceeded.push_back(i);
      }
      if (!item.exceeded.empty()) uses.add(*timeout, fn, std::move(item));
    }

    for (const auto& use : uses.all()) {
      long long timeoutS = *use.node->asInt();
      const Integration* tightest = nullptr;
      const Function* tightestFn = nullptr;
      for (size_t k = 0; k < use.functions.size(); ++k) {
        for (const auto& i : use.items[k].exceeded) {
          if (!tightest || i.limitMs < tightest->limitMs) {
            tightest = &i;
            tightestFn = use.functions[k];
          }
        }
      }
      std::string limit = seconds(tightest->limitMs);
      if (tightest->explicitLimit) limit += fmt::format(" (TimeoutInMillis {})", tightest->limitMs);
      std::string who = use.functions.size() == 1
                            ? fmt::format("{} that invokes {} ({})", tightest->api, tightestFn->id, tightest->label)
                            : fmt::format("{} that invokes {} ({}); it applies to {}", tightest->api, tightestFn->id,
                                          tightest->label, ops::joinNames(use.functions));
      std::string message = fmt::format(
          "{}Timeout {} s is above the {} integration timeout of the {}: the client gets a 504 after {} while the "
          "function keeps running, and billing, for up to {} s; lower Timeout to {} s or less, or hand the slow work "
          "to an asynchronous path",
          ops::inGlobals(ctx.model(), *use.node) ? "Globals " : "", timeoutS, limit, who, seconds(tightest->limitMs),
          timeoutS, tightest->limitMs / 1000);
      auto& d = ctx.report(*use.node, std::move(message), ops::resourceIdOf(use.functions));
      for (size_t k = 0; k < use.functions.size(); ++k) {
        for (const auto& i : use.items[k].exceeded) {
          RuleContext::relate(d, ctx.path(), *i.node,
                              fmt::format("{} invokes {} with a {} integration timeout ({})", i.api,
                                          use.functions[k]->id, seconds(i.limitMs), i.label));
        }
      }
    }
  }

 private:
  // Lambda integrations: AWS_PROXY or AWS (non-proxy), any case (OpenAPI writes aws_proxy).
  static bool lambdaType(const Node* type) {
    if (!type) return false;
    std::string t = asciiLower(type->str());
    return t == "aws_proxy" || t == "aws";
  }

  // Sets the limit from TimeoutInMillis; false when it is written with an intrinsic (unknown).
  static bool applyTimeoutInMillis(const Node* value, Integration& i) {
    if (!value) return true;
    std::optional<long long> ms = value->asInt();
    if (!ms) return false;
    i.limitMs = *ms;
    i.explicitLimit = true;
    return true;
  }

  // A non-proxy integration that sets X-Amz-Invocation-Type: 'Event' invokes the
  // function asynchronously: the API answers at once and the function timeout is free.
  static bool invokedAsynchronously(const Node* integration) {
    const Node* params = integration->get("RequestParameters");
    if (!params) params = integration->get("requestParameters");
    if (!params || !params->isMapping()) return false;
    for (const auto& e : params->entries) {
      if (asciiLower(e.key.value) == "integration.request.header.x-amz-invocation-type" &&
          e.value.str().find("Event") != std::string_view::npos) {
        return true;
      }
    }
    return false;
  }

  static const Node* openApiBody(const Resource& r) {
    if (r.type == "AWS::Serverless::Api" || r.type == "AWS::Serverless::HttpApi") return r.property("DefinitionBody");
    if (r.type == "AWS::ApiGateway::RestApi" || r.type == "AWS::ApiGatewayV2::Api") return r.property("Body");
    return nullptr;
  }

  static void collectOpenApiIntegrations(const Node& node, std::vector<const Node*>& out) {
    if (node.isMapping()) {
      for (const auto& e : node.entries) {
        if (e.key.value == "x-amazon-apigateway-integration" && e.value.isMapping()) {
          out.push_back(&e.value);
        } else {
          collectOpenApiIntegrations(e.value, out);
        }
      }
    } else if (node.isSequence()) {
      for (const auto& item : node.items) collectOpenApiIntegrations(item, out);
    }
  }

  // Functions an integration URI or ARN points at, through aliases and versions.
  static std::vector<const Function*> functionsReferencedBy(const TemplateModel& model, const Node& uri) {
    std::vector<const Function*> out;
    auto push = [&](const Function* fn) {
      if (fn && std::find(out.begin(), out.end(), fn) == out.end()) out.push_back(fn);
    };
    for (const auto& id : flatten(uri).refs) {
      if (const Function* fn = model.function(id)) {
        push(fn);
      } else if (const Resource* r = model.resource(id)) {
        if ((r->type == "AWS::Lambda::Alias" || r->type == "AWS::Lambda::Version") && r->property("FunctionName")) {
          for (const auto& target : flatten(*r->property("FunctionName")).refs) push(model.function(target));
        }
      } else {
        // SAM AutoPublishAlias: `${Fn.Alias}` or the generated `FnAliaslive`.
        for (const auto& fn : model.functions) {
          if (fn.sam && id.size() > fn.id.size() + 5 && id.compare(0, fn.id.size(), fn.id) == 0 &&
              id.compare(fn.id.size(), 5, "Alias") == 0) {
            push(&fn);
          }
        }
      }
    }
    return out;
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(ApiTimeoutExceedsIntegration)

}  // namespace lambdalint
