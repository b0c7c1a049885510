#pragma once
// Symbolic ARNs and IAM's resource matching over them, three-valued.
//
// A policy's Resource and a request's resource are both written as a list of
// elements: literal characters, IAM wildcards (`*`, `?`, pattern side only)
// and variables standing for values the analysis does not know as text (the
// name of template bucket `Photos`, `${AWS::Region}`, a parameter, "any object
// key"). Matching answers Yes only when the pattern matches for every value
// the variables can take, No only when it matches for none, Maybe otherwise.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lambdalint::iam {

enum class Match : std::uint8_t { No, Maybe, Yes };

std::string_view to_string(Match match);
// Yes if both are Yes, No if either is No.
Match both(Match a, Match b);
// Yes if either is Yes, No if both are No.
Match either(Match a, Match b);
Match negate(Match m);

// Characters a variable's value can contain.
enum class CharClass : std::uint8_t {
  Any,      // anything
  NoColon,  // no ':' (log group names, secret names)
  NoSep,    // neither ':' nor '/' (bucket, table, queue, topic, function names; region; account id)
};

struct ArnElem {
  enum class Kind : std::uint8_t { Char, Star, Question, Var };
  Kind kind = Kind::Char;
  char c = 0;
  // Var:
  CharClass cls = CharClass::Any;
  bool mayBeEmpty = false;
  // On the pattern side, the value may itself contain wildcards (a template parameter used as a Resource).
  bool wildcardValue = false;
  // Identity: two variables with the same key have the same value. Empty: unique (an unknown part).
  std::string key;
  // Names of distinct template resources of the same group ("AWS::S3::Bucket") are distinct values.
  std::string group;
  std::string label;  // how to print it: "${Photos}", "${AWS::Region}", "*"

  static ArnElem literal(char c) {
    ArnElem e;
    e.c = c;
    return e;
  }
  static ArnElem wildcard(Kind kind) {
    ArnElem e;
    e.kind = kind;
    return e;
  }
};

class ArnPattern {
 public:
  std::vector<ArnElem> elems;
  // False when the value has no static form (Fn::If, Fn::ImportValue, ...): everything matches Maybe.
  bool known = true;

  bool isStar() const { return known && elems.size() == 1 && elems[0].kind == ArnElem::Kind::Star; }
  // The elements as text: literal characters, `*`, `?`, variable labels.
  std::string text() const;

  void addChar(char c) { elems.push_back(ArnElem::literal(c)); }
  void addText(std::string_view text);  // literal characters only, no wildcards
  // Text whose `*` and `?` are IAM wildcards (pattern side) or unknown parts (request side).
  void addWildcardText(std::string_view text, bool requestSide);
  void addVar(ArnElem var);
  void append(const ArnPattern& other);

  // A request side built from an ARN format of the Service Authorization Reference,
  // "arn:${Partition}:s3:::${BucketName}/${ObjectName}": each `${Placeholder}` is an unknown, non-empty value.
  static ArnPattern fromFormat(std::string_view format);
};

// Does the policy resource `pattern` match the requested resource `request` (whose variables stand for unknown
// values, and which has no wildcards)? ARN matching is case-sensitive. A '*' that ends an ARN segment (followed
// by ':' or the end) may span segments, one inside a segment may not, as the IAM documentation says; Yes
// answers assume the narrower reading and No answers the wider one, so neither depends on it.
Match matchArn(const ArnPattern& pattern, const ArnPattern& request);

// Does `pattern` match every ARN of `format` within one account, whatever the resource's name: `*`,
// "arn:aws:iam::*:role/*", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*" all cover
// "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"; "...:role/app-*" does not.
bool coversEveryResourceOf(const ArnPattern& pattern, std::string_view format);

// IAM's action wildcards, case-insensitive: '*' any run of characters, '?' one character.
bool actionMatches(std::string_view pattern, std::string_view action);

}  // namespace lambdalint::iam
