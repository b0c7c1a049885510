#pragma once
// Internal: the steps that turn a parsed template into a TemplateModel.
#include "model/app_model.h"

namespace lambdalint {

class ModelBuilder {
 public:
  explicit ModelBuilder(TemplateModel& model) : m_(model) {}
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

  TemplateModel& m_;
};

}  // namespace lambdalint
