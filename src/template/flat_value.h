#pragma once
// A template value flattened to Fn::Sub text, so ARNs, policy resources and
// environment values compare as strings whatever intrinsic wrote them:
//   !GetAtt Bucket.Arn                    -> "${Bucket.Arn}"
//   !Sub arn:${AWS::Partition}:s3:::${B}/* -> "arn:${AWS::Partition}:s3:::${B}/*"
//   !Join ['', [!GetAtt B.Arn, '/*']]      -> "${B.Arn}/*"
#include <map>
#include <string>
#include <vector>

#include "template/node.h"

namespace lambdalint {

struct FlatValue {
  std::string text;
  bool known = true;              // false when part of it has no static value (If, Select, ImportValue, ...)
  std::vector<std::string> refs;  // logical ids referenced (pseudo parameters excluded), in order
  const Node* node = nullptr;     // where it was written

  bool isWildcard() const { return known && text == "*"; }
};

using SubVariables = std::map<std::string, FlatValue, std::less<>>;

FlatValue flatten(const Node& node, const SubVariables* variables = nullptr);
// Flattens a scalar-or-list value (IAM Action/Resource) into one entry per item.
std::vector<FlatValue> flattenList(const Node& node);
// The `${Name}` / `${Name.Attr}` variables of a Sub string, in order.
std::vector<std::string> subVariables(std::string_view text);
// First logical id a value refers to (`!Ref X`, `!GetAtt X.Arn`, `${X.Arn}`).
std::string referencedId(const Node& node);

}  // namespace lambdalint
