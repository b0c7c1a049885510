#include "model/filter_pattern.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <array>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "template/flat_value.h"

namespace lambdalint::filter {
namespace {

using Kind = Value::Kind;

bool readsAsNumber(const std::string& text, double& out) {
  static const RE2 number(R"([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)");
  if (!RE2::FullMatch(text, number)) return false;
  out = std::strtod(text.c_str(), nullptr);
  return true;
}

// Deeper than any real pattern; past it a value is left unjudged (and the recursion bounded).
constexpr int kMaxDepth = 64;

Value fromNode(const Node& node, const Node* key, int depth = 0) {
  Value v;
  v.node = &node;
  v.keyNode = key;
  if (!node.intrinsic().empty() || depth > kMaxDepth) return v;  // Unknown
  switch (node.kind) {
    case NodeKind::Null:
      v.kind = Kind::Null;
      v.text = "null";
      break;
    case NodeKind::Alias:
      break;
    case NodeKind::Mapping:
      v.kind = Kind::Object;
      for (const auto& e : node.entries) v.members.emplace_back(e.key.value, fromNode(e.value, &e.key, depth + 1));
      break;
    case NodeKind::Sequence:
      v.kind = Kind::Array;
      for (const auto& item : node.items) v.items.push_back(fromNode(item, nullptr, depth + 1));
      break;
    case NodeKind::Scalar: {
      v.text = node.value;
      bool plain = !node.quoted && (node.tag.empty() || node.tag == "!");
      if (plain && node.asBool()) {
        v.kind = Kind::Bool;
      } else if (plain && (node.value == "null" || node.value == "Null" || node.value == "~")) {
        v.kind = Kind::Null;
      } else if (readsAsNumber(node.value, v.number)) {
        // A quoted number stays a string for matching, but still reads as a number.
        v.kind = plain ? Kind::Number : Kind::String;
        v.numeric = true;
      } else {
        v.kind = Kind::String;
      }
      break;
    }
  }
  return v;
}

Value fromJson(const nlohmann::ordered_json& j, const Node& at, int depth = 0) {
  Value v;
  v.node = &at;
  v.fromJsonText = true;
  if (depth > kMaxDepth) return v;  // Unknown
  if (j.is_null()) {
    v.kind = Kind::Null;
    v.text = "null";
  } else if (j.is_boolean()) {
    v.kind = Kind::Bool;
    v.text = j.get<bool>() ? "true" : "false";
  } else if (j.is_number()) {
    v.kind = Kind::Number;
    v.numeric = true;
    v.number = j.get<double>();
    v.text = j.dump();
  } else if (j.is_string()) {
    v.kind = Kind::String;
    v.text = j.get<std::string>();
    double ignored = 0;
    v.numeric = readsAsNumber(v.text, ignored);
    if (v.numeric) v.number = ignored;
  } else if (j.is_array()) {
    v.kind = Kind::Array;
    for (const auto& item : j) v.items.push_back(fromJson(item, at, depth + 1));
  } else if (j.is_object()) {
    v.kind = Kind::Object;
    for (const auto& [k, item] : j.items()) v.members.emplace_back(k, fromJson(item, at, depth + 1));
  }
  return v;
}

constexpr std::string_view kOr = "$or";

bool isOperator(std::string_view key) {
  static constexpr std::array<std::string_view, 8> kAll = {"prefix", "suffix", "anything-but",       "numeric",
                                                           "exists", "cidr",   "equals-ignore-case", "wildcard"};
  for (auto k : kAll) {
    if (k == key) return true;
  }
  return false;
}

std::string_view operatorsOf(Dialect d) {
  return d == Dialect::SnsAttributes || d == Dialect::SnsBody
             ? "prefix, suffix, anything-but, numeric, exists, cidr, equals-ignore-case"
             : "prefix, suffix, anything-but, numeric, exists, cidr, equals-ignore-case, wildcard";
}

bool supported(Dialect d, std::string_view op) {
  if (!isOperator(op)) return false;
  return !(op == "wildcard" && (d == Dialect::SnsAttributes || d == Dialect::SnsBody));
}

// Spellings borrowed from other filter languages, and what they are here.
std::string_view likelyMeant(std::string_view op) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kHints = {{
      {"begins-with", "prefix"},
      {"beginsWith", "prefix"},
      {"starts-with", "prefix"},
      {"ends-with", "suffix"},
      {"endsWith", "suffix"},
      {"anything_but", "anything-but"},
      {"anythingBut", "anything-but"},
      {"not", "anything-but"},
      {"exist", "exists"},
      {"equalsIgnoreCase", "equals-ignore-case"},
      {"equals_ignore_case", "equals-ignore-case"},
      {"contains", "wildcard"},
  }};
  for (const auto& [from, to] : kHints) {
    if (from == op) return to;
  }
  return {};
}

std::string label(const std::string& path) { return path.empty() ? std::string("the pattern") : "`" + path + "`"; }

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

bool isLower(std::string_view op) { return op == ">" || op == ">="; }
bool isUpper(std::string_view op) { return op == "<" || op == "<="; }

bool validCidr(const std::string& text) {
  static const RE2 v4(R"(([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})(?:/([0-9]{1,3}))?)");
  static const RE2 v6(R"([0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?:/([0-9]{1,3}))?)");
  int a = 0, b = 0, c = 0, d = 0;
  std::string mask;
  if (RE2::FullMatch(text, v4, &a, &b, &c, &d, &mask)) {
    return a <= 255 && b <= 255 && c <= 255 && d <= 255 && (mask.empty() || std::atoi(mask.c_str()) <= 32);
  }
  if (RE2::FullMatch(text, v6, &mask)) return mask.empty() || std::atoi(mask.c_str()) <= 128;
  return false;
}

class Validator {
 public:
  Validator(Dialect dialect, std::string_view what) : d_(dialect), what_(what), service_(serviceName(dialect)) {}

  std::vector<Issue> run(const Value& root) {
    if (root.kind == Kind::Unknown) return {};
    if (root.kind != Kind::Object) {
      add(root.node,
          fmt::format("{} must be a JSON object of fields to match; {} rejects anything else", what_, service_));
    } else if (root.members.empty()) {
      // SNS documents `{}` as the way to remove a subscription's filter policy.
      if (d_ == Dialect::SnsAttributes || d_ == Dialect::SnsBody) return {};
      add(root.node, fmt::format("{} is empty; {} rejects an empty pattern: list at least one field with the values "
                                 "to match, such as {}",
                                 what_, service_,
                                 d_ == Dialect::LambdaFilter ? "`{\"body\": {\"status\": [\"PAID\"]}}`"
                                                             : "`source: [\"aws.s3\"]`"));
    } else {
      object(root, "");
    }
    return std::move(issues_);
  }

 private:
  void add(const Node* node, std::string message) { issues_.push_back({node, std::move(message)}); }

  void object(const Value& obj, const std::string& path) {
    if (obj.members.empty()) {
      add(obj.node, fmt::format("{} is an empty object, which {} rejects; remove it or list fields to match under it",
                                label(path), service_));
      return;
    }
    for (const auto& [key, value] : obj.members) {
      if (key == kOr) {
        orBranches(value, path);
        continue;
      }
      std::string at = join(path, key);
      switch (value.kind) {
        case Kind::Unknown:
          break;
        case Kind::Object:
          if (value.members.size() == 1 && isOperator(value.members.front().first) &&
              value.members.front().second.isScalar()) {
            const std::string& op = value.members.front().first;
            add(value.where(), fmt::format("{} has a `{}` filter outside an array; {} expects content filters inside "
                                           "the array of values: `{}: [{{\"{}\": ...}}]`",
                                           label(at), op, service_, key, op));
          } else if (d_ == Dialect::SnsAttributes) {
            add(value.where(),
                fmt::format("{} is a nested object, which SNS rejects for attribute-based filtering "
                            "(FilterPolicyScope MessageAttributes, the default); set `FilterPolicyScope: MessageBody` "
                            "to filter on the message payload, or flatten the policy to attribute names",
                            label(at)));
          } else {
            object(value, at);
          }
          break;
        case Kind::Array:
          values(value, at);
          break;
        default:
          add(value.node, fmt::format("{} is a single value ({}); {} expects an array of values to match: "
                                      "`{}: [{}]`",
                                      label(at), shown(value), service_, key, shown(value)));
      }
    }
  }

  void orBranches(const Value& value, const std::string& path) {
    if (value.kind == Kind::Unknown) return;
    if (value.kind != Kind::Array) {
      add(value.where(), fmt::format("`$or` in {} must be an array of at least two patterns; {} rejects anything else",
                                     label(path), service_));
      return;
    }
    if (value.items.size() < 2) {
      add(value.where(), fmt::format("`$or` in {} has {} pattern(s); {} requires at least two alternatives",
                                     label(path), value.items.size(), service_));
    }
    for (const auto& branch : value.items) {
      if (branch.kind == Kind::Unknown) continue;
      if (branch.kind != Kind::Object) {
        add(branch.node,
            fmt::format("`$or` in {} may only hold patterns (objects); found {}", label(path), shown(branch)));
        continue;
      }
      object(branch, path);
    }
  }

  void values(const Value& arr, const std::string& path) {
    if (arr.items.empty()) {
      add(arr.node, fmt::format("{} is an empty array; {} rejects it (an empty list can never match): list the "
                                "values to match, or use `[{{\"exists\": true}}]`",
                                label(path), service_));
      return;
    }
    for (const auto& item : arr.items) {
      switch (item.kind) {
        case Kind::Array:
          add(item.node, fmt::format("{} holds a nested array; {} expects strings, numbers, true, false, null or "
                                     "content filters in the array of values",
                                     label(path), service_));
          break;
        case Kind::Object:
          filter(item, path);
          break;
        default:
          break;
      }
    }
  }

  void filter(const Value& f, const std::string& path) {
    if (f.members.empty()) {
      add(f.node, fmt::format("{} holds an empty content filter `{{}}`; {} expects one of: {}", label(path), service_,
                              operatorsOf(d_)));
      return;
    }
    if (f.members.size() > 1) {
      std::string keys;
      for (const auto& [k, v] : f.members) keys += (keys.empty() ? "`" : ", `") + k + "`";
      add(f.node,
          fmt::format("{} has a content filter with {} keys ({}); {} allows one key per filter object: write each "
                      "filter as its own array item",
                      label(path), f.members.size(), keys, service_));
    }
    for (const auto& [op, arg] : f.members) operatorArgument(op, arg, path);
  }

  void operatorArgument(const std::string& op, const Value& arg, const std::string& path) {
    const Node* opNode = arg.keyNode ? arg.keyNode : arg.node;
    if (!supported(d_, op)) {
      std::string_view hint = likelyMeant(op);
      std::string message = fmt::format("{} uses unknown content filter `{}`; {} supports {}", label(path), op,
                                        service_, operatorsOf(d_));
      if (!hint.empty() && supported(d_, hint)) message += fmt::format(" (did you mean `{}`?)", hint);
      add(opNode, std::move(message));
      return;
    }
    if (arg.kind == Kind::Unknown) return;
    if (op == "prefix" || op == "suffix") {
      if (arg.kind == Kind::String) return;
      if (arg.kind == Kind::Object && arg.members.size() == 1 && arg.members.front().first == "equals-ignore-case") {
        const Value& inner = arg.members.front().second;
        if (inner.kind != Kind::String && inner.kind != Kind::Unknown) {
          add(inner.node, fmt::format("{}: `{}` with `equals-ignore-case` takes a string; found {}", label(path), op,
                                      shown(inner)));
        }
        return;
      }
      add(arg.node, fmt::format("{}: `{}` takes a string (or `{{\"equals-ignore-case\": \"...\"}}`); found {}",
                                label(path), op, shown(arg)));
    } else if (op == "equals-ignore-case" || op == "wildcard") {
      if (arg.kind != Kind::String) {
        add(arg.node, fmt::format("{}: `{}` takes a string; found {}", label(path), op, shown(arg)));
      } else if (op == "wildcard" && arg.text.find("**") != std::string::npos) {
        add(arg.node, fmt::format("{}: wildcard \"{}\" has consecutive `*`, which {} rejects; use a single `*`",
                                  label(path), arg.text, service_));
      }
    } else if (op == "cidr") {
      if (arg.kind != Kind::String || !validCidr(arg.text)) {
        add(arg.node, fmt::format("{}: `cidr` takes an IPv4 or IPv6 CIDR block such as \"10.0.0.0/24\"; found {}",
                                  label(path), shown(arg)));
      }
    } else if (op == "exists") {
      // A quoted 'true' in YAML may reach the service as a boolean or a string: only JSON text is certain.
      bool boolean = arg.kind == Kind::Bool ||
                     (arg.kind == Kind::String && !arg.fromJsonText && (arg.text == "true" || arg.text == "false"));
      if (!boolean) {
        add(arg.node, fmt::format("{}: `exists` takes true or false; found {}", label(path), shown(arg)));
      }
    } else if (op == "numeric") {
      numeric(arg, path);
    } else if (op == "anything-but") {
      anythingBut(arg, path);
    }
  }

  void numeric(const Value& arg, const std::string& path) {
    const std::string example = "[\">\", 0, \"<=\", 5]";
    if (arg.kind != Kind::Array || arg.items.empty() || arg.items.size() % 2 != 0) {
      add(arg.node, fmt::format("{}: `numeric` takes operator/number pairs such as {}; found {}", label(path), example,
                                shown(arg)));
      return;
    }
    if (arg.items.size() > 4) {
      add(arg.node, fmt::format("{}: `numeric` has {} operator/number pairs; {} accepts one bound, or one lower and "
                                "one upper bound such as {}",
                                label(path), arg.items.size() / 2, service_, example));
      return;
    }
    std::optional<std::pair<std::string, double>> lower, upper;
    bool equals = false;
    for (size_t i = 0; i + 1 < arg.items.size(); i += 2) {
      const Value& op = arg.items[i];
      const Value& num = arg.items[i + 1];
      if (op.kind == Kind::Unknown || num.kind == Kind::Unknown) return;
      if (op.kind != Kind::String || !(op.text == "=" || isLower(op.text) || isUpper(op.text))) {
        add(op.node, fmt::format("{}: `numeric` operator {} is not one of <, <=, =, >, >=", label(path), shown(op)));
        return;
      }
      if (!num.numeric || (num.fromJsonText && num.kind != Kind::Number)) {
        add(num.node,
            fmt::format("{}: `numeric` operator \"{}\" needs a number; found {}", label(path), op.text, shown(num)));
        return;
      }
      if (op.text == "=") {
        equals = true;
      } else if (isLower(op.text)) {
        if (lower) {
          add(op.node, fmt::format("{}: `numeric` has two lower bounds (\"{}\" and \"{}\"); {} accepts at most one "
                                   "lower and one upper bound",
                                   label(path), lower->first, op.text, service_));
          return;
        }
        lower = {op.text, num.number};
      } else {
        if (upper) {
          add(op.node, fmt::format("{}: `numeric` has two upper bounds (\"{}\" and \"{}\"); {} accepts at most one "
                                   "lower and one upper bound",
                                   label(path), upper->first, op.text, service_));
          return;
        }
        upper = {op.text, num.number};
      }
    }
    if (equals && arg.items.size() > 2) {
      add(arg.node, fmt::format("{}: `numeric` \"=\" stands alone (`[\"=\", n]`); it cannot be combined with other "
                                "bounds",
                                label(path)));
      return;
    }
    if (lower && upper && lower->second == upper->second) {
      add(arg.node,
          fmt::format("{}: `numeric` bounds {} {:g} and {} {:g} are equal; {} requires the lower bound below "
                      "the upper bound: write [\"=\", {:g}] to match one number",
                      label(path), lower->first, lower->second, upper->first, upper->second, service_, lower->second));
    } else if (lower && upper && lower->second > upper->second) {
      add(arg.node, fmt::format("{}: `numeric` range {} {:g} and {} {:g} is empty and {} rejects it; the lower bound "
                                "must be below the upper bound",
                                label(path), lower->first, lower->second, upper->first, upper->second, service_));
    }
  }

  void anythingBut(const Value& arg, const std::string& path) {
    const std::string expected =
        "a string, a number, an array of strings or of numbers, or one of `{\"prefix\": ...}`, `{\"suffix\": ...}`, "
        "`{\"equals-ignore-case\": ...}`" +
        std::string(d_ == Dialect::SnsAttributes || d_ == Dialect::SnsBody ? "" : ", `{\"wildcard\": ...}`");
    switch (arg.kind) {
      case Kind::String:
      case Kind::Number:
        return;
      case Kind::Array: {
        if (arg.items.empty()) {
          add(arg.node, fmt::format("{}: `anything-but` has an empty array, which {} rejects; list the values to "
                                    "exclude",
                                    label(path), service_));
          return;
        }
        bool strings = false, numbers = false;
        for (const auto& item : arg.items) {
          if (item.kind == Kind::Unknown) continue;
          if (item.kind == Kind::String) {
            strings = true;
          } else if (item.kind == Kind::Number) {
            numbers = true;
          } else {
            add(item.node, fmt::format("{}: `anything-but` list may hold only strings or only numbers; found {}",
                                       label(path), shown(item)));
            return;
          }
        }
        if (strings && numbers) {
          add(arg.node, fmt::format("{}: `anything-but` list mixes strings and numbers, which {} rejects; use one "
                                    "type",
                                    label(path), service_));
        }
        return;
      }
      case Kind::Object: {
        if (arg.members.size() != 1) {
          add(arg.node, fmt::format("{}: `anything-but` takes {}", label(path), expected));
          return;
        }
        const auto& [op, inner] = arg.members.front();
        bool sns = d_ == Dialect::SnsAttributes || d_ == Dialect::SnsBody;
        if (op != "prefix" && op != "suffix" && op != "equals-ignore-case" && !(op == "wildcard" && !sns)) {
          add(inner.where(),
              fmt::format("{}: `anything-but` does not take `{}`; it takes {}", label(path), op, expected));
          return;
        }
        if (inner.kind == Kind::Unknown) return;
        if (op == "prefix" || op == "suffix") {
          if (inner.kind != Kind::String || inner.text.empty()) {
            add(inner.node, fmt::format("{}: `anything-but` `{}` takes a non-empty string; found {}", label(path), op,
                                        shown(inner)));
          }
          return;
        }
        bool ok = inner.kind == Kind::String;
        if (inner.kind == Kind::Array && !inner.items.empty()) {
          ok = true;
          for (const auto& item : inner.items) ok = ok && (item.kind == Kind::String || item.kind == Kind::Unknown);
        }
        if (!ok) {
          add(inner.node, fmt::format("{}: `anything-but` `{}` takes a string or a non-empty array of strings; "
                                      "found {}",
                                      label(path), op, shown(inner)));
        }
        return;
      }
      case Kind::Unknown:
        return;
      default:
        add(arg.node, fmt::format("{}: `anything-but` takes {}; found {}", label(path), expected, shown(arg)));
    }
  }

  static std::string shown(const Value& v) {
    switch (v.kind) {
      case Kind::String: {
        std::string t = v.text.size() > 40 ? v.text.substr(0, 37) + "..." : v.text;
        return "\"" + t + "\"";
      }
      case Kind::Number:
      case Kind::Bool:
      case Kind::Null:
        return v.text;
      case Kind::Array:
        return v.items.empty() ? "[]" : "an array";
      case Kind::Object:
        return v.members.empty() ? "{}" : "an object";
      case Kind::Unknown:
        return "an intrinsic";
    }
    return "";
  }

  Dialect d_;
  std::string_view what_;
  std::string_view service_;
  std::vector<Issue> issues_;
};

}  // namespace

std::string_view serviceName(Dialect dialect) {
  switch (dialect) {
    case Dialect::EventBridge:
      return "EventBridge";
    case Dialect::LambdaFilter:
      return "Lambda event filtering";
    case Dialect::SnsAttributes:
    case Dialect::SnsBody:
      return "SNS";
  }
  return "";
}

Loaded load(const Node& property) {
  Loaded out;
  std::string text;
  bool substituted = false;
  if ((property.isMapping() && property.intrinsic().empty()) || property.isSequence()) {
    out.ok = true;
    out.root = fromNode(property, nullptr);
    return out;
  }
  if (property.isScalar()) {
    text = property.value;
  } else if (property.intrinsic() == "Fn::Sub" || property.intrinsic() == "Fn::Join") {
    FlatValue flat = flatten(property);
    if (!flat.known) return out;
    text = flat.text;
    substituted = text.find("${") != std::string::npos;
  } else {
    return out;  // !Ref, !If, ...: no static value
  }
  out.fromString = true;
  try {
    auto json = nlohmann::ordered_json::parse(text);
    out.ok = true;
    out.root = fromJson(json, property);
  } catch (const nlohmann::json::parse_error& e) {
    if (substituted) return out;  // may well be JSON once the variables are substituted
    std::string message = e.what();
    if (auto close = message.find("] "); message.rfind("[json.exception", 0) == 0 && close != std::string::npos) {
      message = message.substr(close + 2);
    }
    out.error = message;
  }
  return out;
}

std::vector<Issue> validate(const Value& root, Dialect dialect, std::string_view what) {
  return Validator(dialect, what).run(root);
}

}  // namespace lambdalint::filter
