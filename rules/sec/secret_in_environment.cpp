// SEC001 secret-in-environment: a secret written into a function's
// environment variables: a secret-named variable with a literal value (or a
// parameter without NoEcho), a value in a known credential format (AWS access
// key id, Slack, GitHub, Stripe, PEM private key, JWT), or a high-entropy
// literal that looks like a generated key.
#include <fmt/format.h>
#include <re2/re2.h>

#include <array>
#include <cctype>
#include <cmath>
#include <memory>

#include "engine/rule.h"
#include "model/environment_variables.h"

namespace lambdalint {
namespace {

// Known credential formats. The value is never printed, only the kind.
struct KeyFormat {
  std::string_view kind;
  std::unique_ptr<RE2> pattern;
};

const std::vector<KeyFormat>& keyFormats() {
  static const std::vector<KeyFormat> formats = [] {
    std::vector<KeyFormat> v;
    auto add = [&](std::string_view kind, const char* re) { v.push_back({kind, std::make_unique<RE2>(re)}); };
    add("an AWS access key id", R"(\b(?:AKIA|ASIA)[A-Z0-9]{16}\b)");
    add("a Slack token", R"(\bxox[abprs]-[0-9A-Za-z-]{10,})");
    add("a GitHub token", R"(\b(?:gh[pos]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}))");
    add("a Stripe live secret key", R"(\bsk_live_[0-9A-Za-z]{16,})");
    add("a PEM private key", R"(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----)");
    add("a JSON Web Token", R"(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)");
    return v;
  }();
  return formats;
}

// High-entropy literal: at least kMinLength characters from a token alphabet
// (letters, digits, + / = _ -), upper case, lower case and digits all present,
// not made of words (at most 30% of it in runs like "Table" or "PROD"), and a
// Shannon entropy of at least kMinEntropy bits per character. Random base62
// tokens of 24+ characters pass about 80% of the time; CloudFormation physical
// names, camel-case identifiers, dates and ARNs do not.
constexpr size_t kMinLength = 20;
constexpr double kMinEntropy = 3.9;
constexpr double kMaxWordShare = 0.3;

double shannonEntropy(std::string_view s) {
  std::array<size_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  for (size_t n : counts) {
    if (n == 0) continue;
    double p = static_cast<double>(n) / static_cast<double>(s.size());
    h -= p * std::log2(p);
  }
  return h;
}

// Share of characters in word-like runs: [A-Z]?[a-z]{3,} anywhere, and [A-Z]{3,}
// between separators (PROD, LOG_LEVEL).
double wordShare(std::string_view s) {
  size_t inWords = 0;
  size_t i = 0;
  auto isSep = [&](size_t k) { return k >= s.size() || s[k] == '-' || s[k] == '_'; };
  while (i < s.size()) {
    size_t start = i;
    if (std::isupper(static_cast<unsigned char>(s[i]))) {
      size_t j = i;
      while (j < s.size() && std::isupper(static_cast<unsigned char>(s[j]))) ++j;
      if (j - i >= 3 && (i == 0 || isSep(i - 1)) && isSep(j)) {
        inWords += j - i;
        i = j;
        continue;
      }
      ++start;  // a capital may open a camel-case word
    }
    size_t j = start;
    while (j < s.size() && std::islower(static_cast<unsigned char>(s[j]))) ++j;
    if (j - start >= 3) {
      inWords += j - i;
      i = j;
    } else {
      i = std::max(i + 1, j);
    }
  }
  return static_cast<double>(inWords) / static_cast<double>(s.size());
}

bool highEntropy(std::string_view s) {
  if (s.size() < kMinLength) return false;
  bool upper = false, lower = false, digit = false;
  for (unsigned char c : s) {
    if (std::isupper(c)) {
      upper = true;
    } else if (std::islower(c)) {
      lower = true;
    } else if (std::isdigit(c)) {
      digit = true;
    } else if (c != '+' && c != '/' && c != '=' && c != '_' && c != '-') {
      return false;
    }
  }
  return upper && lower && digit && wordShare(s) < kMaxWordShare && shannonEntropy(s) >= kMinEntropy;
}

// Splits DB_PASSWORD, dbPassword, db-password into upper-case words.
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (!std::isalnum(c)) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    bool boundary = std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
    if (boundary && !cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
    cur.push_back(static_cast<char>(std::toupper(c)));
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Last words that make the variable a reference to a secret or a setting
// about it, not the secret itself: SECRET_ARN, TOKEN_TABLE, DB_SECRET_NAME,
// API_KEY_PARAM, TOKEN_URL, PASSWORD_MIN_LENGTH.
constexpr std::array<std::string_view, 26> kReferenceWords = {
    "ARN",     "ID",     "NAME",  "PARAM",    "PARAMETER", "TABLE",    "BUCKET", "QUEUE",  "TOPIC",
    "PATH",    "URL",    "URI",   "ENDPOINT", "HOST",      "REGION",   "HEADER", "TTL",    "EXPIRY",
    "TIMEOUT", "LENGTH", "FIELD", "TYPE",     "ISSUER",    "AUDIENCE", "SCOPE",  "ENABLED"};

// What kind of secret the name announces, or empty.
std::string secretKind(std::string_view name) {
  auto w = words(name);
  if (w.empty()) return {};
  for (auto ref : kReferenceWords) {
    if (w.back() == ref) return {};
  }
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string& x = w[i];
    const std::string next = i + 1 < w.size() ? w[i + 1] : std::string();
    if (x.find("PASSWORD") != std::string::npos || x.find("PASSWD") != std::string::npos) return "password";
    if (x.find("PRIVATEKEY") != std::string::npos || (x == "PRIVATE" && next == "KEY")) return "private key";
    if (x.find("ACCESSKEY") != std::string::npos || (x == "ACCESS" && next == "KEY")) return "access key";
    if (x.find("APIKEY") != std::string::npos || (x == "API" && next == "KEY")) return "API key";
    if (x.find("SECRET") != std::string::npos) return "secret";
    if (x.find("CREDENTIAL") != std::string::npos) return "credential";
    // TOKEN, AUTHTOKEN, BEARERTOKEN; not TOKENS (MAX_TOKENS) or TOKENIZER.
    if (x.size() >= 5 && x.compare(x.size() - 5, 5, "TOKEN") == 0) return "token";
  }
  return {};
}

bool isBoolOrNumber(const Node& n) {
  if (n.asBool()) return true;
  static const RE2 number(R"([-+]?[0-9]+(?:\.[0-9]+)?)");
  return RE2::FullMatch(n.value, number);
}

class SecretInEnvironment final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"SEC001",
                            "secret-in-environment",
                            Severity::Error,
                            "Secret written into a function's environment variables (secret-named literal, known "
                            "key format, high-entropy value)",
                            {"security"},
                            "CWE-798",
                            8.0};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& v : environmentVariables(ctx.model())) {
      checkVariable(ctx, v.owner, v.resourceId, v.entry->key.value, v.entry->value);
    }
  }

 private:
  // `owner`: "of function Api" or "in Globals (every function)"; `id`: resource for suppressions.
  void checkVariable(RuleContext& ctx, const std::string& owner, const std::string& id, const std::string& name,
                     const Node& value) const {
    const std::string fix =
        "store it in Secrets Manager (or SSM SecureString), pass the secret's ARN or name instead and read it at "
        "runtime";
    std::string kind = secretKind(name);
    std::string_view intrinsic = value.intrinsic();
    if (intrinsic == "Ref") {
      checkParameterRef(ctx, owner, id, name, kind, value);
      return;
    }
    std::string text;
    if (intrinsic.empty()) {
      if (!value.isScalar()) return;
      text = value.value;
    } else if (intrinsic == "Fn::Sub" || intrinsic == "Fn::Join") {
      FlatValue flat = flatten(value);
      text = flat.text;  // ${...} placeholders stay as text; literal parts still show a key
      kind.clear();      // a name-only finding needs a literal, not a composed value
    } else {
      return;
    }
    if (text.empty() || text.find("{{resolve:") != std::string::npos) return;

    for (const auto& f : keyFormats()) {
      if (RE2::PartialMatch(text, *f.pattern)) {
        ctx.report(value,
                   fmt::format("environment variable {} {} holds {} in the template, readable by anyone "
                               "who can read the template, the stack or the function configuration; revoke it, then "
                               "{}",
                               name, owner, f.kind, fix),
                   id, fmt::format("{} {}", name, f.kind));
        return;
      }
    }
    if (!kind.empty() && intrinsic.empty() && text.rfind("arn:", 0) != 0 && !isBoolOrNumber(value)) {
      ctx.report(value,
                 fmt::format("environment variable {} {} holds a literal {} in the template, readable by "
                             "anyone who can read the template, the stack or the function configuration; {}",
                             name, owner, kind, fix),
                 id, fmt::format("{} literal {}", name, kind));
      return;
    }
    if (intrinsic.empty() && highEntropy(text)) {
      ctx.report(value,
                 fmt::format("environment variable {} {} holds a high-entropy literal ({} characters) "
                             "that looks like a generated key or token; if it is a secret, {}",
                             name, owner, text.size(), fix),
                 id, fmt::format("{} high entropy", name));
    }
  }

  // `!Ref Param`: a secret-named variable fed by a parameter that is not
  // NoEcho shows the value in the console and in DescribeStacks.
  static void checkParameterRef(RuleContext& ctx, const std::string& owner, const std::string& id,
                                const std::string& name, const std::string& kind, const Node& value) {
    if (kind.empty()) return;
    const Node* target = value.intrinsicArgument();
    const Node* params = ctx.model().parameters;
    if (!target || !params) return;
    const Node* param = params->get(target->str());
    if (!param) return;  // a resource (e.g. an AWS::SecretsManager::Secret): a reference, not a value
    if (const Node* noEcho = param->get("NoEcho"); noEcho && noEcho->asBool().value_or(false)) return;
    if (const Node* type = param->get("Type");
        type && type->str().find("AWS::SSM::Parameter") != std::string_view::npos) {
      return;
    }
    ctx.report(value,
               fmt::format("environment variable {} {} takes a {} from parameter {}, which is not "
                           "`NoEcho: true`, so CloudFormation shows it in the console and in DescribeStacks; set "
                           "NoEcho on the parameter, or store the value in Secrets Manager and pass its ARN",
                           name, owner, kind, target->str()),
               id, fmt::format("{} parameter {}", name, target->str()));
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SecretInEnvironment)

}  // namespace lambdalint
