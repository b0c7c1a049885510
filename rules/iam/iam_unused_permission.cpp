// IAM008 iam-unused-permission: the role grants actions the function's code
// never uses. Only where the code is fully known: every SDK call resolved,
// no local modules the handler imports, the role defined in the template.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "engine/rule.h"
#include "iam/arn_pattern.h"
#include "policy/derived_policy.h"

namespace fs = std::filesystem;

namespace lambdalint {
namespace {

// Local modules may make SDK calls the handler's facts do not show.
bool importsLocalCode(const HandlerSource& source) {
  const auto& facts = *source.facts;
  fs::path dir = fs::path(source.path).parent_path();
  for (const auto& import : facts.imports) {
    if (import.module.rfind('.', 0) == 0) return true;  // './lib', '../x', Python relative imports
    if (source.language == code::Language::Python) {
      std::string first = import.module.substr(0, import.module.find('.'));
      std::error_code ec;
      if (fs::exists(dir / (first + ".py"), ec) || fs::is_directory(dir / first, ec)) return true;
    }
  }
  return false;
}

// Deleting the line of one block-list item (`- s3:DeleteObject`), when the
// list keeps other items and the line holds nothing else.
std::optional<Fix> removeActionFix(const SourceFile& file, const Statement& s, const FlatValue& action) {
  const Node* list = s.node->get("Action");
  if (!list || !list->isSequence() || list->items.size() < 2 || !action.node) return std::nullopt;
  uint32_t line = action.node->range.begin.line;
  std::string_view text = file.lineText(line);
  auto dash = text.find_first_not_of(' ');
  if (dash == std::string_view::npos || text.substr(dash, 2) != "- ") return std::nullopt;
  for (const auto& item : list->items) {
    if (&item != action.node && item.range.begin.line == line) return std::nullopt;
  }
  Position begin = file.positionAtLineColumn(line, 1);
  Position end = file.positionAtLineColumn(line + 1, 1);
  if (end.line != line + 1) return std::nullopt;  // last line of the file
  return Fix{"remove " + action.text, file.path(), {begin, end}, ""};
}

bool analysable(const Function& fn, const HandlerSource& source) {
  const auto& facts = source.facts;
  return facts && facts->handler.found && facts->complete && facts->problems.empty() && fn.permissions.complete &&
         !source.inlineCode && !importsLocalCode(source);
}

class IamUnusedPermission final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM008",
                            "iam-unused-permission",
                            Severity::Note,
                            "Role grants actions the function's code never uses",
                            {"security", "iam"},
                            "CWE-250",
                            3.0};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    // Actions each analysable function uses, computed once; absent = not analysable.
    std::map<const Function*, std::set<std::string>> usedBy;
    for (const auto& fn : model.functions) {
      const HandlerSource& source = ctx.source(fn);
      if (!analysable(fn, source)) continue;
      auto& used = usedBy[&fn];
      for (const auto& need : iam::neededPermissions(model, fn, source)) used.insert(need.action);
      for (auto& action : iam::serviceUsedActions(model, fn)) used.insert(std::move(action));
    }
    // Union of what the functions a statement reaches use; nullopt when one of them is not analysable.
    auto usedByAll = [&](const std::vector<const Function*>& fns) -> std::optional<std::set<std::string>> {
      std::set<std::string> used;
      for (const Function* fn : fns) {
        auto it = usedBy.find(fn);
        if (it == usedBy.end()) return std::nullopt;
        used.insert(it->second.begin(), it->second.end());
      }
      return used;
    };
    auto anyMatch = [](const std::string& pattern, const std::set<std::string>& used) {
      for (const auto& action : used) {
        if (iam::actionMatches(pattern, action)) return true;
      }
      return false;
    };

    std::map<const Node*, std::vector<const Statement*>> templateUses;  // policy template use -> its statements
    for (const auto& s : model.statements) {
      if (!s.allow || s.notAction) continue;
      if (s.source == StatementSource::PolicyTemplate) {
        templateUses[s.node].push_back(&s);
        continue;
      }
      auto fns = model.functionsReaching(s.node);
      auto used = fns.empty() ? std::nullopt : usedByAll(fns);
      if (!used) continue;
      std::string names;
      for (const Function* fn : fns) names += (names.empty() ? "" : ", ") + fn->id;
      for (const auto& action : s.actions) {
        if (!action.known || anyMatch(action.text, *used)) continue;
        auto& d = ctx.report(*action.node,
                             fmt::format("{} is granted but the code of {} never calls an API that needs it; remove "
                                         "it (`lambdalint policy {}` prints the policy the code needs)",
                                         action.text, names, fns.front()->id),
                             s.holderId, "unused:" + action.text);
        d.fix = removeActionFix(*model.doc.file, s, action);
      }
    }
    for (const auto& [use, statements] : templateUses) {
      auto fns = model.functionsReaching(use);
      auto used = fns.empty() ? std::nullopt : usedByAll(fns);
      if (!used) continue;
      bool any = false;
      for (const Statement* s : statements) {
        for (const auto& a : s->actions) any = any || anyMatch(a.text, *used);
      }
      if (any) continue;
      const std::string& origin = statements.front()->origin;
      ctx.report(*use,
                 fmt::format("{} grants actions none of which the code of {} uses; remove it", origin, fns.front()->id),
                 statements.front()->holderId, "unused:" + origin);
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamUnusedPermission)

}  // namespace lambdalint
