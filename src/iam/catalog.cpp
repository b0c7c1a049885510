#include "iam/catalog.h"

#include <algorithm>
#include <bit>

#include "iam_generated.h"
#include "util/ascii_case.h"

namespace lambdalint::iam {
namespace {

namespace gen = generated;

// FNV-1a over the lower-cased bytes: hashing while lower-casing avoids building a lower-case copy per lookup.
std::uint64_t hashIgnoreCase(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(asciiLower(c));
    hash *= 1099511628211ull;
  }
  return hash;
}

// The first element of a span sorted case-insensitively by `key` whose key equals `wanted`, or null.
template <class T, class Key>
const T* findSorted(std::span<const T> items, std::string_view wanted, Key key) {
  auto it = std::lower_bound(items.begin(), items.end(), wanted,
                             [&](const T& item, std::string_view w) { return compareIgnoreCase(key(item), w) < 0; });
  return (it != items.end() && equalsIgnoreCase(key(*it), wanted)) ? &*it : nullptr;
}

// IAM's action wildcards, case-insensitive: '*' matches any run of characters, '?' exactly one.
// Greedy with backtracking to the last '*': linear for patterns with one '*', and never worse than O(n*m).
bool wildcardMatch(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  std::size_t lastStar = std::string_view::npos, resumeText = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || asciiLower(pattern[p]) == asciiLower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      lastStar = p++;
      resumeText = t;
    } else if (lastStar != std::string_view::npos) {
      p = lastStar + 1;
      t = ++resumeText;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions, "GetObejct"), case-insensitive.
// Returns limit + 1 as soon as the distance is known to exceed `limit`. `rows` is scratch space reused across calls.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit, std::vector<std::size_t>& rows) {
  const std::size_t aSize = a.size(), bSize = b.size();
  if ((aSize > bSize ? aSize - bSize : bSize - aSize) > limit) return limit + 1;
  const std::size_t width = bSize + 1;
  rows.assign(3 * width, 0);
  std::size_t* beforePrevious = rows.data();
  std::size_t* previous = beforePrevious + width;
  std::size_t* current = previous + width;
  for (std::size_t j = 0; j <= bSize; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= aSize; ++i) {
    current[0] = i;
    std::size_t rowMinimum = current[0];
    for (std::size_t j = 1; j <= bSize; ++j) {
      const bool same = asciiLower(a[i - 1]) == asciiLower(b[j - 1]);
      std::size_t value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && asciiLower(a[i - 1]) == asciiLower(b[j - 2]) &&
          asciiLower(a[i - 2]) == asciiLower(b[j - 1]))
        value = std::min(value, beforePrevious[j - 2] + 1);
      current[j] = value;
      rowMinimum = std::min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    std::swap(beforePrevious, previous);
    std::swap(previous, current);
  }
  return std::min(previous[bSize], limit + 1);
}

std::string_view view(const char* blob, gen::Str s) { return {blob + s.offset, s.size}; }

}  // namespace

std::string_view to_string(AccessLevel level) {
  switch (level) {
    case AccessLevel::List:
      return "List";
    case AccessLevel::Read:
      return "Read";
    case AccessLevel::Write:
      return "Write";
    case AccessLevel::PermissionsManagement:
      return "Permissions management";
    case AccessLevel::Tagging:
      return "Tagging";
  }
  return "Unknown";
}

const Catalog& Catalog::get() {
  static const Catalog catalog;  // C++11 guarantees thread-safe one-time construction
  return catalog;
}

// Turns the generated offset tables into views. Every vector is sized before anything points into it.
Catalog::Catalog() {
  const char* blob = gen::kCatalogStrings;

  arnFormats_.reserve(gen::kArnFormatCount);
  for (std::uint32_t i = 0; i < gen::kArnFormatCount; ++i) arnFormats_.push_back(view(blob, gen::kArnFormats[i]));

  resourceTypes_.reserve(gen::kResourceTypeCount);
  for (std::uint32_t i = 0; i < gen::kResourceTypeCount; ++i) {
    const gen::ResourceType& raw = gen::kResourceTypes[i];
    resourceTypes_.push_back(
        {view(blob, gen::kServices[raw.service].prefix), view(blob, raw.name),
         std::span<const std::string_view>(arnFormats_).subspan(raw.firstArnFormat, raw.arnFormatCount)});
  }

  actionResourceTypes_.reserve(gen::kActionResourceCount);
  for (std::uint32_t i = 0; i < gen::kActionResourceCount; ++i) {
    const gen::ActionResource& raw = gen::kActionResources[i];
    const ResourceTypeInfo* info =
        raw.resourceType == gen::kNoResourceType ? nullptr : &resourceTypes_[raw.resourceType];
    actionResourceTypes_.push_back({view(blob, raw.name), raw.required != 0, info});
  }

  actions_.reserve(gen::kActionCount);
  for (std::uint32_t i = 0; i < gen::kActionCount; ++i) {
    const gen::Action& raw = gen::kActions[i];
    const std::string_view qualifiedName = view(blob, raw.qualifiedName);
    const std::size_t prefixSize = gen::kServices[raw.service].prefix.size;
    actions_.push_back(
        {qualifiedName, qualifiedName.substr(0, prefixSize), qualifiedName.substr(prefixSize + 1),
         static_cast<AccessLevel>(raw.accessLevel),
         std::span<const ActionResourceType>(actionResourceTypes_).subspan(raw.firstResource, raw.resourceCount)});
  }

  services_.reserve(gen::kServiceCount);
  for (std::uint32_t i = 0; i < gen::kServiceCount; ++i) {
    const gen::Service& raw = gen::kServices[i];
    services_.push_back(
        {view(blob, raw.prefix), view(blob, raw.name),
         std::span<const ActionInfo>(actions_).subspan(raw.firstAction, raw.actionCount),
         std::span<const ResourceTypeInfo>(resourceTypes_).subspan(raw.firstResourceType, raw.resourceTypeCount)});
  }

  // Load factor at most 1/2 keeps probe sequences short.
  actionSlots_.assign(std::bit_ceil(2 * actions_.size() + 1), 0);
  const std::size_t mask = actionSlots_.size() - 1;
  for (std::uint32_t i = 0; i < actions_.size(); ++i) {
    std::size_t slot = hashIgnoreCase(actions_[i].qualifiedName) & mask;
    while (actionSlots_[slot] != 0) slot = (slot + 1) & mask;
    actionSlots_[slot] = i + 1;
  }
}

const ActionInfo* Catalog::find(std::string_view action) const {
  const std::size_t mask = actionSlots_.size() - 1;
  for (std::size_t slot = hashIgnoreCase(action) & mask; actionSlots_[slot] != 0; slot = (slot + 1) & mask) {
    const ActionInfo& candidate = actions_[actionSlots_[slot] - 1];
    if (equalsIgnoreCase(candidate.qualifiedName, action)) return &candidate;
  }
  return nullptr;
}

const ServiceInfo* Catalog::service(std::string_view prefix) const {
  return findSorted(std::span<const ServiceInfo>(services_), prefix, [](const ServiceInfo& s) { return s.prefix; });
}

std::span<const ActionInfo> Catalog::actionsOf(std::string_view prefix) const {
  const ServiceInfo* found = service(prefix);
  return found ? found->actions : std::span<const ActionInfo>();
}

std::vector<const ActionInfo*> Catalog::expand(std::string_view pattern) const {
  std::vector<const ActionInfo*> matches;
  // A literal service part ("s3:Get*") narrows the scan to that service's actions.
  std::span<const ActionInfo> candidates = actions_;
  if (const std::size_t colon = pattern.find(':'); colon != std::string_view::npos) {
    const std::string_view servicePart = pattern.substr(0, colon);
    if (servicePart.find_first_of("*?") == std::string_view::npos) candidates = actionsOf(servicePart);
  }
  for (const ActionInfo& action : candidates)
    if (wildcardMatch(pattern, action.qualifiedName)) matches.push_back(&action);
  return matches;
}

const ResourceTypeInfo* Catalog::resourceType(std::string_view serviceName, std::string_view name) const {
  const ServiceInfo* found = service(serviceName);
  if (!found) return nullptr;
  return findSorted(found->resourceTypes, name, [](const ResourceTypeInfo& r) { return r.name; });
}

std::vector<std::string_view> Catalog::nearest(std::string_view action, std::size_t n) const {
  if (n == 0 || action.empty()) return {};
  const std::size_t limit = std::max<std::size_t>(2, action.size() / 3);
  const std::string_view wantedService = action.substr(0, action.find(':'));

  struct Candidate {
    std::size_t distance;
    bool otherService;
    std::uint32_t index;  // catalogue order breaks remaining ties, so results are deterministic
    bool operator<(const Candidate& o) const {
      if (distance != o.distance) return distance < o.distance;
      if (otherService != o.otherService) return !otherService;
      return index < o.index;
    }
  };
  std::vector<Candidate> candidates;
  std::vector<std::size_t> scratch;
  for (std::uint32_t i = 0; i < actions_.size(); ++i) {
    const ActionInfo& candidate = actions_[i];
    const std::size_t distance = editDistance(action, candidate.qualifiedName, limit, scratch);
    if (distance <= limit) candidates.push_back({distance, !equalsIgnoreCase(candidate.service, wantedService), i});
  }
  const std::size_t count = std::min(n, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count), candidates.end());

  std::vector<std::string_view> result;
  result.reserve(count);
  for (std::size_t i = 0; i < count; ++i) result.push_back(actions_[candidates[i].index].qualifiedName);
  return result;
}

std::string_view Catalog::dataVersion() const { return gen::kIamDataVersion; }

}  // namespace lambdalint::iam
