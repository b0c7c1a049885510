#pragma once
// Internal: the steps that expand a parsed template (sam/expanded_template.h).
#include "sam/expanded_template.h"

namespace lambdalint {

class Expander {
 public:
  Expander(const Node& root, ExpandedTemplate& out) : root_(root), m_(out) {}
  void build();

 private:
  void collectResources();
  void collectFunctions();
  Function makeFunction(const Resource& r);
  void applyEventInvokeConfigs();
  // event_sources.cpp
  void collectEventSources();
  void addSamEvents(Function& fn);
  void addResourceEvents();
  // permissions.cpp
  void collectPermissions();
  void collectTemplateStatements();
  void addSamPolicies(Function& fn);
  void addRolePermissions(Function& fn, const std::string& roleId);
  void addPolicyDocument(PermissionSet& set, const Node& document, const std::string& origin,
                         const std::string& holderId);
  void addManagedPolicy(PermissionSet& set, const Node& arn, const std::string& holderId);
  void addImplicitManagedPolicy(PermissionSet& set, const std::string& name, const std::string& holderId);

  Function* functionReferencedBy(const Node* node);
  const Resource* resourceReferencedBy(const Node* node) const;

  const Node& root_;
  ExpandedTemplate& m_;
};

}  // namespace lambdalint
