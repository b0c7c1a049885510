// EVT010 s3-notification-filter-overlap: two notification configurations on
// one bucket (Lambda/Queue/Topic configurations, and SAM S3 events that SAM
// adds to the same bucket) share an event type and have overlapping key
// filters; S3 rejects the whole NotificationConfiguration.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "engine/rule.h"
#include "util/ascii_case.h"

namespace lambdalint {
namespace {

// One (event type, key filter) pair as S3 stores it: SAM and the bucket
// resource both produce one stored configuration per event type.
struct Config {
  std::string bucket;
  std::string event;
  const Node* eventNode = nullptr;
  std::string prefix, suffix;
  bool filterKnown = true;
  std::string resourceId;  // resource the finding belongs to
  std::string label;       // "LambdaConfigurations of bucket Uploads", "S3 event Upload of function Resize"
  size_t order = 0;        // position in the template, for "second" and determinism
};

bool literal(const Node& n, std::string& out) {
  if (!n.isScalar() || !n.intrinsic().empty()) return false;
  out = n.value;
  return true;
}

// Filter.S3Key.Rules: [{Name: prefix|suffix, Value: ...}]
void readFilter(const Node* filter, Config& c) {
  const Node* rules = filter ? filter->at({"S3Key", "Rules"}) : nullptr;
  if (!filter) return;
  if (!rules) {
    c.filterKnown = filter->isMapping() && filter->intrinsic().empty() && !filter->get("S3Key");
    return;
  }
  if (!rules->isSequence()) {
    c.filterKnown = false;
    return;
  }
  for (const auto& rule : rules->items) {
    const Node* name = rule.get("Name");
    const Node* value = rule.get("Value");
    std::string n, v;
    if (!name || !value || !literal(*name, n) || !literal(*value, v)) {
      c.filterKnown = false;
      continue;
    }
    if (equalsIgnoreCase(n, "prefix")) c.prefix = v;
    if (equalsIgnoreCase(n, "suffix")) c.suffix = v;
  }
}

// `s3:ObjectCreated:*` covers every `s3:ObjectCreated:...` type.
bool covers(std::string_view wildcard, std::string_view event) {
  if (wildcard.empty() || wildcard.back() != '*') return false;
  return event.substr(0, wildcard.size() - 1) == wildcard.substr(0, wildcard.size() - 1);
}

bool eventsOverlap(std::string_view a, std::string_view b) { return a == b || covers(a, b) || covers(b, a); }

bool prefixesOverlap(std::string_view a, std::string_view b) { return a.starts_with(b) || b.starts_with(a); }
bool suffixesOverlap(std::string_view a, std::string_view b) { return a.ends_with(b) || b.ends_with(a); }

std::string describe(const Config& c) {
  std::string filter;
  if (!c.prefix.empty()) filter += fmt::format("prefix '{}'", c.prefix);
  if (!c.suffix.empty()) filter += fmt::format("{}suffix '{}'", filter.empty() ? "" : ", ", c.suffix);
  return fmt::format("{} ({})", c.event, filter.empty() ? "every key" : filter);
}

void addEvents(std::vector<Config>& out, const Config& base, const Node* events) {
  if (!events) return;
  auto one = [&](const Node& e) {
    std::string type;
    if (!literal(e, type)) return;
    Config c = base;
    c.event = type;
    c.eventNode = &e;
    c.order = e.range.begin.offset;
    out.push_back(std::move(c));
  };
  if (events->isSequence()) {
    for (const auto& e : events->items) one(e);
  } else {
    one(*events);
  }
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kBucketConfigurations = {{
    {"LambdaConfigurations", "Lambda"},
    {"QueueConfigurations", "queue"},
    {"TopicConfigurations", "topic"},
}};

class S3NotificationFilterOverlap final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"EVT010",
                            "s3-notification-filter-overlap",
                            Severity::Error,
                            "Two S3 notification configurations on one bucket share an event type and overlapping "
                            "prefix/suffix filters; S3 rejects the configuration",
                            {"correctness"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    std::map<std::string, std::vector<Config>> byBucket;
    const TemplateModel& m = ctx.model();
    for (const auto& r : m.resources) {
      if (r.type != "AWS::S3::Bucket" || !r.properties) continue;
      const Node* nc = r.property("NotificationConfiguration");
      if (!nc) continue;
      for (const auto& [key, kind] : kBucketConfigurations) {
        const Node* list = nc->get(key);
        if (!list || !list->isSequence()) continue;
        for (const auto& item : list->items) {
          Config base;
          base.bucket = r.id;
          base.resourceId = r.id;
          base.label = fmt::format("a {} configuration of bucket {}", kind, r.id);
          readFilter(item.get("Filter"), base);
          addEvents(byBucket[r.id], base, item.get("Event"));
        }
      }
    }
    for (const auto& fn : m.functions) {
      for (const auto& e : fn.events) {
        if (e.origin != EventOrigin::SamEvent || e.type != "S3" || e.sourceId.empty() || !e.properties) continue;
        const Resource* bucket = m.resource(e.sourceId);
        if (!bucket || bucket->type != "AWS::S3::Bucket") continue;
        Config base;
        base.bucket = bucket->id;
        base.resourceId = fn.id;
        base.label = fmt::format("S3 event {} of function {}", e.name, fn.id);
        readFilter(e.properties->get("Filter"), base);
        addEvents(byBucket[bucket->id], base, e.properties->get("Events"));
      }
    }

    for (auto& [bucket, configs] : byBucket) {
      std::stable_sort(configs.begin(), configs.end(),
                       [](const Config& a, const Config& b) { return a.order < b.order; });
      for (size_t j = 1; j < configs.size(); ++j) {
        const Config& second = configs[j];
        if (!second.filterKnown) continue;
        for (size_t i = 0; i < j; ++i) {
          const Config& first = configs[i];
          if (!first.filterKnown || !eventsOverlap(first.event, second.event) ||
              !prefixesOverlap(first.prefix, second.prefix) || !suffixesOverlap(first.suffix, second.suffix)) {
            continue;
          }
          auto& d = ctx.report(
              *second.eventNode,
              fmt::format("S3 rejects the notification configuration of bucket {} (\"Configurations overlap\"): {} "
                          "in {} overlaps {} in {}; give them different event types, or prefixes/suffixes that "
                          "are not prefixes/suffixes of each other",
                          bucket, describe(second), second.label, describe(first), first.label),
              second.resourceId, fmt::format("{} {} {} {}", bucket, second.event, second.prefix, second.suffix));
          RuleContext::relate(d, ctx.path(), *first.eventNode, "overlapping configuration: " + first.label);
          break;
        }
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(S3NotificationFilterOverlap)

}  // namespace lambdalint
