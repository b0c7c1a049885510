// JavaScript / TypeScript / TSX handler frontend.
//
// One cursor walk over the tree collects the functions (with their lexical
// nesting and the names they call) and the few node kinds the facts come
// from; the facts are then derived from those lists. Nothing here recurses on
// the syntax tree: context is read by bounded parent hops, subtree scans use
// cursors, and the few identifier → declaration hops are bounded.
#include "code/javascript/javascript_frontend.h"

#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "code/javascript/aws_service_names.h"
#include "code/tree_sitter/node.h"
#include "code/tree_sitter/not_analysed.h"
#include "code/tree_sitter/syntax_tree.h"
#include "code/tree_sitter/tree_cursor.h"
#include "lambdalint_languages.h"

namespace lambdalint::code {
namespace {

using std::string_view;

constexpr int kModule = -1;
constexpr int kMaxHops = 64;              // parent hops when reading a node's context
constexpr int kMaxLoopHops = 512;         // parent hops from a try to an enclosing record loop
constexpr int kMaxTrace = 8;              // identifier → declaration → ... hops
constexpr int kMaxResolveSteps = 32;      // steps of one client / handler resolution, recursion included
constexpr size_t kMaxSameName = 8;        // functions sharing a name beyond which a call by that name is not followed
constexpr size_t kMaxScanNodes = 200000;  // nodes visited by one subtree scan
constexpr const char* kBudgetExceeded = "handler file not analysed: parsing exceeded its budget";

enum class Kind : uint8_t {
  Other,
  Function,
  Call,
  New,
  Declarator,
  Import,
  Export,
  Assign,
  Catch,
  Binary,
  Return,
  ForIn,
  Params,
  ClassDecl,
  Member,  // member or subscript expression: `process.env.X`, `process.env['X']`
};

// ---------------------------------------------------------------------------
// Grammars: node kinds by symbol id, built once.
//
// No tree-sitter queries here: the query cursor costs O(depth of the hidden
// node chain) per node (ts_tree_cursor_current_status), and error recovery on
// input such as 100,000 `[` builds such a chain: a query over that tree takes
// 20 s where this cursor walk takes 0.2 s. set_max_start_depth does not help
// (it counts visible nodes only).

struct Grammar {
  const TSLanguage* language = nullptr;
  std::vector<Kind> kinds;  // by TSSymbol
};

Grammar makeGrammar(const TSLanguage* language) {
  static const std::unordered_map<string_view, Kind> kByName{
      {"function_declaration", Kind::Function},
      {"generator_function_declaration", Kind::Function},
      {"function_expression", Kind::Function},
      {"function", Kind::Function},
      {"generator_function", Kind::Function},
      {"arrow_function", Kind::Function},
      {"method_definition", Kind::Function},
      {"call_expression", Kind::Call},
      {"new_expression", Kind::New},
      {"variable_declarator", Kind::Declarator},
      {"import_statement", Kind::Import},
      {"export_statement", Kind::Export},
      {"assignment_expression", Kind::Assign},
      {"catch_clause", Kind::Catch},
      {"binary_expression", Kind::Binary},
      {"return_statement", Kind::Return},
      {"for_in_statement", Kind::ForIn},
      {"formal_parameters", Kind::Params},
      {"member_expression", Kind::Member},
      {"subscript_expression", Kind::Member},
      {"class_declaration", Kind::ClassDecl},
      {"abstract_class_declaration", Kind::ClassDecl},
  };
  Grammar g;
  g.language = language;
  uint32_t count = ts_language_symbol_count(language);
  g.kinds.assign(count, Kind::Other);
  for (uint32_t i = 0; i < count; ++i) {
    const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(i));
    if (name == nullptr) continue;
    auto it = kByName.find(name);
    if (it != kByName.end() && ts_language_symbol_type(language, static_cast<TSSymbol>(i)) == TSSymbolTypeRegular) {
      g.kinds[i] = it->second;
    }
  }
  return g;
}

const Grammar& grammarFor(Language language) {
  switch (language) {
    case Language::TypeScript: {
      static const Grammar g = makeGrammar(tree_sitter_typescript());
      return g;
    }
    case Language::Tsx: {
      static const Grammar g = makeGrammar(tree_sitter_tsx());
      return g;
    }
    default: {
      static const Grammar g = makeGrammar(tree_sitter_javascript());
      return g;
    }
  }
}

const TSLanguage* tsLanguageFor(Language language) { return grammarFor(language).language; }

// ---------------------------------------------------------------------------
// Node helpers.

// Field ids by name, looked up once per grammar (ts_node_child_by_field_name
// compares the name with every field of the grammar on each call).
enum class F : uint8_t {
  Alias,
  Arguments,
  Body,
  Condition,
  Consequence,
  Constructor,
  Declaration,
  Function,
  Index,
  Key,
  Left,
  Name,
  Object,
  Operator,
  Parameter,
  Parameters,
  Pattern,
  Property,
  Right,
  Source,
  Value,
  Count
};
constexpr std::array<string_view, static_cast<size_t>(F::Count)> kFieldNames{
    "alias",     "arguments",  "body",    "condition", "consequence", "constructor", "declaration",
    "function",  "index",      "key",     "left",      "name",        "object",      "operator",
    "parameter", "parameters", "pattern", "property",  "right",       "source",      "value"};

TSNode field(TSNode n, F f) {
  struct Table {
    const TSLanguage* language;
    std::array<TSFieldId, static_cast<size_t>(F::Count)> ids;
  };
  auto make = [](const TSLanguage* language) {
    Table t{language, {}};
    for (size_t i = 0; i < kFieldNames.size(); ++i) {
      t.ids[i] =
          ts_language_field_id_for_name(language, kFieldNames[i].data(), static_cast<uint32_t>(kFieldNames[i].size()));
    }
    return t;
  };
  static const std::array<Table, 3> kTables{make(tree_sitter_javascript()), make(tree_sitter_typescript()),
                                            make(tree_sitter_tsx())};
  if (isNull(n)) return n;
  const TSLanguage* nodeLanguage = language(n);
  for (const Table& t : kTables) {
    if (t.language == nodeLanguage) return fieldById(n, t.ids[static_cast<size_t>(f)]);
  }
  return lambdalint::code::field(n, kFieldNames[static_cast<size_t>(f)]);
}

bool is(TSNode n, string_view t) { return !isNull(n) && type(n) == t; }

bool isFunctionType(string_view t) {
  return t == "function_declaration" || t == "generator_function_declaration" || t == "function_expression" ||
         t == "function" || t == "generator_function" || t == "arrow_function" || t == "method_definition";
}

// Expression wrappers that do not change the value: parentheses and the
// TypeScript casts (`x as T`, `<T>x`, `x!`, `x satisfies T`).
bool isTransparent(string_view t) {
  return t == "parenthesized_expression" || t == "as_expression" || t == "satisfies_expression" ||
         t == "non_null_expression" || t == "type_assertion";
}

TSNode unwrap(TSNode n) {
  for (int i = 0; i < 256 && !isNull(n); ++i) {
    string_view t = type(n);
    if (t == "type_assertion") {
      n = namedChild(n, 1);
    } else if (isTransparent(t)) {
      n = namedChild(n, 0);
    } else {
      break;
    }
  }
  return n;
}

TSNode unwrapAwait(TSNode n) {
  n = unwrap(n);
  if (is(n, "await_expression")) n = unwrap(namedChild(n, 0));
  return n;
}

// The callee of a call. TypeScript parses `await f<T>(x)` as a call whose
// callee is `await f`: look through that.
TSNode calleeOf(TSNode call) { return unwrapAwait(field(call, F::Function)); }

bool isIterationMethod(string_view m) {
  static constexpr std::array<string_view, 9> kMethods{"forEach", "map",   "flatMap", "filter",   "reduce",
                                                       "some",    "every", "find",    "findIndex"};
  return std::find(kMethods.begin(), kMethods.end(), m) != kMethods.end();
}

std::string pascal(string_view method) {
  std::string out(method);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// DocumentClient (v2) and DynamoDBDocument (v3) methods → DynamoDB operations.
std::optional<std::string> documentOperation(string_view method) {
  static const std::unordered_map<string_view, string_view> kOps{
      {"put", "PutItem"},
      {"get", "GetItem"},
      {"query", "Query"},
      {"scan", "Scan"},
      {"update", "UpdateItem"},
      {"delete", "DeleteItem"},
      {"batchWrite", "BatchWriteItem"},
      {"batchGet", "BatchGetItem"},
      {"transactWrite", "TransactWriteItems"},
      {"transactGet", "TransactGetItems"},
      {"executeStatement", "ExecuteStatement"},
      {"batchExecuteStatement", "BatchExecuteStatement"},
      {"executeTransaction", "ExecuteTransaction"},
  };
  auto it = kOps.find(method);
  if (it == kOps.end()) return std::nullopt;
  return std::string(it->second);
}

// `@aws-sdk/lib-dynamodb` commands (`PutCommand`) → DynamoDB operations.
std::optional<std::string> documentCommandOperation(string_view className) {
  if (!className.ends_with("Command")) return std::nullopt;
  std::string method(className.substr(0, className.size() - 7));
  if (method.empty()) return std::nullopt;
  method[0] = static_cast<char>(method[0] >= 'A' && method[0] <= 'Z' ? method[0] - 'A' + 'a' : method[0]);
  return documentOperation(method);
}

// Resource-naming parameters reported in SdkCall::resourceParams.
bool isResourceParam(string_view key, string_view service) {
  static const std::array<string_view, 12> kKeys{"Bucket",       "TableName",          "QueueUrl",     "TopicArn",
                                                 "FunctionName", "StateMachineArn",    "EventBusName", "SecretId",
                                                 "StreamName",   "DeliveryStreamName", "LogGroupName", "StreamARN"};
  if (key == "Name") return service == "ssm";
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

enum class Style { V2, V2Document, V3, V3Aggregated, V3Document, V3DocumentAggregated, Database };

struct ClientType {
  Style style = Style::Database;
  std::string sdk;  // "js-v2" / "js-v3" for AWS clients
  std::string library;
  std::string service;
  std::string kind;
  bool serviceKnown = true;
};

struct Func {
  TSNode node{};
  TSNode body{};
  int parent = kModule;
  bool isAsync = false;
  bool iife = false;
  // Names are views into the source text, which outlives the extraction.
  std::vector<string_view> calls;        // plain names called or passed as arguments
  std::vector<string_view> methodCalls;  // `x.name()` / `this.name`
  std::vector<int> children;
};

struct Site {
  TSNode node;
  int func;
};

struct EnvSite {
  TSNode node;
  int func;
  bool hasDefault;
};

// A catch clause with the loops around its try (read off the walk's ancestor
// stack; judged once the record variables are known).
struct CatchSite {
  TSNode node;
  int func;
  std::vector<TSNode> iterables;   // `for (x of <iterable>)`
  std::vector<TSNode> conditions;  // `for (...; <condition>; ...)`
  TSNode callbackCallee{};         // `<callee>(function containing the try)`
};

struct Decl {
  TSNode value{};  // initializer (null for `let x;`), or the function itself
  int func = kModule;
  std::string property;  // `const { P: name } = value` → "P"
};

struct Binding {
  std::string module;
  std::vector<std::string> members;
};

struct QualifiedName {
  std::string module;
  std::vector<std::string> members;
  bool dynamic = false;
};

// How a promise-valued expression is used.
struct Use {
  enum Kind { Consumed, Dropped, Variable } kind = Consumed;
  std::string name;
};

class Extractor {
 public:
  Extractor(const SourceFile& file, Language language, string_view handlerName, const ParseBudget& budget)
      : grammar_(grammarFor(language)), tree_(file, tsLanguageFor(language), budget), handlerName_(handlerName) {
    facts_.path = file.path();
    facts_.language = language;
    facts_.handler.name = std::string(handlerName);
  }

  CodeFacts run() {
    if (tree_.exceededBudget()) {
      return notAnalysedFacts(tree_.file(), facts_.language, handlerName_, kBudgetExceeded);
    }
    walk();
    for (const Site& s : returns_) returnsByFunc_[s.func].push_back(s.node);
    buildDeclarations();
    buildBindings();
    collectImports();
    findHandler();
    computeScopes();
    computeRecordNames();
    collectClients();
    collectSdkCalls();
    collectEnvReads();
    collectCatches();
    collectHyphenatedAccesses();
    collectBatchItemFailures();
    facts_.problems = tree_.syntaxErrors();
    sortFacts();
    return std::move(facts_);
  }

 private:
  // ------------------------------------------------------------------ walk
  Kind kindOf(TSNode n) const {
    TSSymbol s = symbol(n);
    return s < grammar_.kinds.size() ? grammar_.kinds[s] : Kind::Other;
  }

  string_view text(TSNode n) const { return isNull(n) ? string_view() : tree_.text(n); }

  void walk() {
    TreeCursor cursor(tree_.root());
    if (isNull(cursor.node())) return;
    std::vector<TSNode> path;
    std::vector<std::pair<int, uint32_t>> frames;  // function index, depth
    uint32_t depth = 0;
    for (;;) {
      TSNode n = cursor.node();
      if (path.size() <= depth) path.resize(depth + 1);
      path[depth] = n;
      while (!frames.empty() && frames.back().second >= depth) frames.pop_back();
      int cur = frames.empty() ? kModule : frames.back().first;
      TSNode up = depth >= 1 ? path[depth - 1] : TSNode{};
      TSNode up2 = depth >= 2 ? path[depth - 2] : TSNode{};
      switch (kindOf(n)) {
        case Kind::Function: {
          int index = addFunction(n, cur, up, up2);
          frames.emplace_back(index, depth);
          break;
        }
        case Kind::Call:
          calls_.push_back({n, cur});
          noteCall(n, cur);
          break;
        case Kind::New:
          news_.push_back({n, cur});
          break;
        case Kind::Declarator:
          declarators_.push_back({n, cur});
          addDeclaredNames(field(n, F::Name));
          break;
        case Kind::Import:
          importStatements_.push_back({n, cur});
          break;
        case Kind::Export:
          exportStatements_.push_back({n, cur});
          break;
        case Kind::Assign:
          assignments_.push_back({n, cur});
          break;
        case Kind::Catch:
          catches_.push_back(catchSite(n, cur, path, depth));
          addDeclaredNames(field(n, F::Parameter));
          break;
        case Kind::Binary:
          if (text(field(n, F::Operator)) == "-") subtractions_.push_back({n, cur});
          break;
        case Kind::Return:
          returns_.push_back({n, cur});
          break;
        case Kind::ForIn:
          forIns_.push_back({n, cur});
          break;
        case Kind::Params:
          addDeclaredNames(n);
          break;
        case Kind::Member:
          if (isProcessEnv(field(n, F::Object))) envReadSites_.push_back({n, cur, envDefaulted(n, path, depth)});
          break;
        case Kind::ClassDecl:
          declared_.emplace(text(field(n, F::Name)));
          break;
        case Kind::Other:
          break;
      }
      if (cursor.gotoFirstChild()) {
        ++depth;
        continue;
      }
      bool done = false;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
        --depth;
      }
      if (done) break;
    }
  }

  // `process.env.X ?? 'd'`, `(process.env.X as string) || 'd'`, `process.env.X ?? process.env.Y ?? 'd'`.
  static bool envDefaulted(TSNode read, const std::vector<TSNode>& path, uint32_t depth) {
    TSNode cur = read;
    for (uint32_t i = depth; i-- > 0 && depth - i < static_cast<uint32_t>(kMaxHops);) {
      TSNode p = path[i];
      string_view t = type(p);
      if (isTransparent(t)) {
        cur = p;
        continue;
      }
      if (t != "binary_expression") return false;
      string_view op = type(field(p, F::Operator));
      if (op != "??" && op != "||") return false;
      if (same(field(p, F::Left), cur)) return true;
      cur = p;
    }
    return false;
  }

  static CatchSite catchSite(TSNode n, int func, const std::vector<TSNode>& path, uint32_t depth) {
    CatchSite site{n, func, {}, {}, {}};
    // path[depth - 1] is the try statement.
    for (uint32_t i = depth >= 1 ? depth - 1 : 0; i-- > 0 && depth - i < static_cast<uint32_t>(kMaxLoopHops);) {
      TSNode p = path[i];
      string_view t = type(p);
      if (t == "for_in_statement") site.iterables.push_back(field(p, F::Right));
      if (t == "for_statement") site.conditions.push_back(field(p, F::Condition));
      if (isFunctionType(t)) {
        uint32_t j = i;
        while (j-- > 0 && isTransparent(type(path[j]))) {
        }
        if (j >= 1 && j < i && is(path[j], "arguments") && is(path[j - 1], "call_expression")) {
          site.callbackCallee = calleeOf(path[j - 1]);
        }
        break;
      }
    }
    return site;
  }

  int addFunction(TSNode n, int parent, TSNode up, TSNode up2) {
    Func f;
    f.node = n;
    f.body = field(n, F::Body);
    f.parent = parent;
    uint32_t count = childCount(n);
    for (uint32_t i = 0; i < count && i < 8; ++i) {
      TSNode c = child(n, i);
      if (!isNamed(c) && type(c) == "async") {
        f.isAsync = true;
        break;
      }
    }
    int index = static_cast<int>(funcs_.size());
    string_view t = type(n);
    auto addPlain = [&](TSNode nameNode) {
      if (is(nameNode, "identifier")) plainFunctions_[text(nameNode)].push_back(index);
    };
    auto addMethod = [&](string_view name) {
      if (!name.empty()) methodFunctions_[name].push_back(index);
    };
    if (t == "function_declaration" || t == "generator_function_declaration") {
      addPlain(field(n, F::Name));
      declared_.emplace(text(field(n, F::Name)));
    } else if (t == "method_definition") {
      addMethod(text(field(n, F::Name)));
    } else {
      addPlain(field(n, F::Name));               // `function named() {}`
      addDeclaredNames(field(n, F::Parameter));  // `x => ...`
      string_view u = type(up);
      if (u == "variable_declarator" && same(field(up, F::Value), n)) {
        addPlain(field(up, F::Name));
      } else if (u == "assignment_expression" && same(field(up, F::Right), n)) {
        TSNode left = field(up, F::Left);
        if (is(left, "identifier")) {
          addPlain(left);
        } else if (is(left, "member_expression")) {
          addMethod(text(field(left, F::Property)));
        }
      } else if (u == "pair" && same(field(up, F::Value), n)) {
        addMethod(keyName(field(up, F::Key)));
      } else if (u == "field_definition") {
        addMethod(text(field(up, F::Property)));
      } else if (u == "public_field_definition") {
        addMethod(text(field(up, F::Name)));
      } else if (u == "call_expression" && same(field(up, F::Function), n)) {
        f.iife = true;
      } else if (u == "parenthesized_expression" && is(up2, "call_expression") && same(field(up2, F::Function), up)) {
        f.iife = true;
      }
    }
    funcByNode_[n.id] = index;
    if (parent != kModule) funcs_[parent].children.push_back(index);
    funcs_.push_back(std::move(f));
    return index;
  }

  void noteCall(TSNode call, int func) {
    if (func == kModule) return;
    TSNode callee = calleeOf(call);
    Func& f = funcs_[func];
    if (is(callee, "identifier")) {
      f.calls.emplace_back(text(callee));
    } else if (is(callee, "member_expression")) {
      f.methodCalls.emplace_back(text(field(callee, F::Property)));
    }
    TSNode args = field(call, F::Arguments);
    uint32_t count = namedChildCount(args);
    for (uint32_t i = 0; i < count && i < 16; ++i) {
      TSNode a = namedChild(args, i);
      if (is(a, "identifier")) {
        f.calls.emplace_back(text(a));
      } else if (is(a, "member_expression") && is(field(a, F::Object), "this")) {
        f.methodCalls.emplace_back(text(field(a, F::Property)));
      }
    }
  }

  // Names bound by a pattern or parameter list (for the hyphenated-access check).
  void addDeclaredNames(TSNode n) {
    if (isNull(n)) return;
    scan(n, [&](TSNode d) {
      string_view t = type(d);
      if (t == "identifier" || t == "shorthand_property_identifier_pattern") declared_.emplace(text(d));
      return !isFunctionType(t);
    });
  }

  // Visits `root` and its descendants in preorder; `visit` returns false to
  // skip a node's children. Bounded by kMaxScanNodes.
  template <typename Visit>
  void scan(TSNode root, Visit&& visit) const {
    if (isNull(root)) return;
    TreeCursor cursor(root);
    size_t visited = 0;
    for (;;) {
      TSNode n = cursor.node();
      bool descend = visit(n);
      if (++visited >= kMaxScanNodes) break;
      if (descend && cursor.gotoFirstChild()) continue;
      bool done = false;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
  }

  // `key`, `'key'`, `"key"` of a pair; empty for computed keys.
  std::string keyName(TSNode key) const {
    if (is(key, "property_identifier") || is(key, "identifier")) return std::string(text(key));
    if (auto s = stringValue(key)) return *s;
    return {};
  }

  std::optional<std::string> stringValue(TSNode n) const {
    if (is(n, "string")) {
      string_view t = text(n);
      if (t.size() >= 2) return std::string(t.substr(1, t.size() - 2));
      return std::string();
    }
    if (is(n, "template_string")) {
      uint32_t count = namedChildCount(n);
      for (uint32_t i = 0; i < count; ++i) {
        if (is(namedChild(n, i), "template_substitution")) return std::nullopt;
      }
      string_view t = text(n);
      if (t.size() >= 2) return std::string(t.substr(1, t.size() - 2));
      return std::string();
    }
    return std::nullopt;
  }

  int funcIndex(TSNode n) const {
    auto it = funcByNode_.find(n.id);
    return it == funcByNode_.end() ? kModule : it->second;
  }

  // Innermost function containing the byte offset.
  int funcAt(uint32_t offset) const {
    auto it = std::upper_bound(funcs_.begin(), funcs_.end(), offset,
                               [](uint32_t o, const Func& f) { return o < startByte(f.node); });
    if (it == funcs_.begin()) return kModule;
    int f = static_cast<int>(it - funcs_.begin()) - 1;
    while (f != kModule && offset >= endByte(funcs_[f].node)) f = funcs_[f].parent;
    return f;
  }

  bool isWithin(int f, int ancestor) const {
    for (int i = 0; f != kModule && i < 100000; ++i) {
      if (f == ancestor) return true;
      f = funcs_[f].parent;
    }
    return ancestor == kModule;
  }

  // ---------------------------------------------------- declarations, bindings
  void buildDeclarations() {
    for (const Site& s : declarators_) {
      TSNode name = field(s.node, F::Name);
      TSNode value = field(s.node, F::Value);
      if (is(name, "identifier")) {
        addDecl(text(name), {value, s.func, {}});
      } else if (is(name, "object_pattern")) {
        uint32_t count = namedChildCount(name);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode p = namedChild(name, i);
          string_view t = type(p);
          if (t == "shorthand_property_identifier_pattern") {
            addDecl(text(p), {value, s.func, std::string(text(p))});
          } else if (t == "object_assignment_pattern") {
            TSNode left = field(p, F::Left);
            addDecl(text(left), {value, s.func, std::string(text(left))});
          } else if (t == "pair_pattern") {
            TSNode v = field(p, F::Value);
            if (is(v, "assignment_pattern")) v = field(v, F::Left);
            if (is(v, "identifier")) addDecl(text(v), {value, s.func, keyName(field(p, F::Key))});
          }
        }
      }
    }
    for (size_t i = 0; i < funcs_.size(); ++i) {
      TSNode n = funcs_[i].node;
      if (is(n, "function_declaration") || is(n, "generator_function_declaration")) {
        addDecl(text(field(n, F::Name)), {n, funcs_[i].parent, {}});
      }
    }
  }

  // The declaration `name` refers to from inside function `func`: the one in
  // the innermost enclosing function (or the module) that declares it.
  const Decl* findDecl(string_view name, int func) const {
    auto it = decls_.find(name);
    if (it == decls_.end()) return nullptr;
    for (int f = func, i = 0; i < 100000; ++i) {
      auto d = it->second.find(f);
      if (d != it->second.end()) return &d->second;
      if (f == kModule) break;
      f = funcs_[f].parent;
    }
    return nullptr;
  }

  // The first declaration of a name in each function (or the module) wins.
  void addDecl(string_view name, Decl d) {
    if (!name.empty()) decls_[name].try_emplace(d.func, std::move(d));
  }

  std::optional<std::string> requireModule(TSNode call) const {
    if (!is(call, "call_expression")) return std::nullopt;
    TSNode callee = field(call, F::Function);
    if (!(is(callee, "import") || (is(callee, "identifier") && text(callee) == "require"))) return std::nullopt;
    return stringValue(namedChild(field(call, F::Arguments), 0));
  }

  // `AWS.DynamoDB.DocumentClient` → {aws-sdk, [DynamoDB, DocumentClient]} through the import bindings.
  std::optional<QualifiedName> qualifiedName(TSNode e) const {
    std::vector<std::string> chain;
    bool dynamic = false;
    for (int i = 0; i < kMaxHops && !isNull(e); ++i) {
      e = unwrap(e);
      string_view t = type(e);
      if (t == "member_expression") {
        chain.emplace_back(text(field(e, F::Property)));
        e = field(e, F::Object);
      } else if (t == "subscript_expression") {
        auto s = stringValue(field(e, F::Index));
        if (!s) dynamic = true;
        chain.push_back(s.value_or(""));
        e = field(e, F::Object);
      } else if (t == "identifier") {
        auto it = bindings_.find(std::string(text(e)));
        if (it == bindings_.end()) return std::nullopt;
        QualifiedName q{it->second.module, it->second.members, dynamic};
        q.members.insert(q.members.end(), chain.rbegin(), chain.rend());
        return q;
      } else if (auto m = requireModule(e)) {
        QualifiedName q{*m, {}, dynamic};
        q.members.insert(q.members.end(), chain.rbegin(), chain.rend());
        return q;
      } else {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // `export default ...`: Lambda resolves named exports only.
  static bool isDefaultExport(TSNode statement) {
    uint32_t count = childCount(statement);
    for (uint32_t i = 0; i < count && i < 3; ++i) {
      TSNode c = child(statement, i);
      if (!isNamed(c) && type(c) == "default") return true;
    }
    return false;
  }

  static bool isTypeOnly(TSNode statementOrSpecifier) {
    uint32_t count = childCount(statementOrSpecifier);
    for (uint32_t i = 0; i < count && i < 2; ++i) {
      TSNode c = child(statementOrSpecifier, i);
      if (!isNamed(c) && type(c) == "type") return true;
    }
    return false;
  }

  void bind(std::string name, Binding b) {
    if (name.empty()) return;
    auto [it, inserted] = bindings_.emplace(std::move(name), std::move(b));
    declared_.insert(it->first);  // node-based map: the key's storage is stable
  }

  void buildBindings() {
    for (const Site& s : importStatements_) {
      TSNode st = s.node;
      if (isTypeOnly(st)) continue;
      uint32_t count = namedChildCount(st);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode c = namedChild(st, i);
        if (is(c, "import_require_clause")) {
          if (auto m = stringValue(field(c, F::Source))) bind(std::string(text(namedChild(c, 0))), {*m, {}});
        }
      }
      auto module = stringValue(field(st, F::Source));
      if (!module) continue;
      for (uint32_t i = 0; i < count; ++i) {
        TSNode clause = namedChild(st, i);
        if (!is(clause, "import_clause")) continue;
        uint32_t parts = namedChildCount(clause);
        for (uint32_t j = 0; j < parts; ++j) {
          TSNode p = namedChild(clause, j);
          string_view t = type(p);
          if (t == "identifier") {
            bind(std::string(text(p)), {*module, {}});
          } else if (t == "namespace_import") {
            bind(std::string(text(namedChild(p, 0))), {*module, {}});
          } else if (t == "named_imports") {
            uint32_t specs = namedChildCount(p);
            for (uint32_t k = 0; k < specs; ++k) {
              TSNode spec = namedChild(p, k);
              if (!is(spec, "import_specifier") || isTypeOnly(spec)) continue;
              TSNode name = field(spec, F::Name);
              TSNode alias = field(spec, F::Alias);
              std::string imported = stringValue(name).value_or(std::string(text(name)));
              bind(std::string(text(isNull(alias) ? name : alias)), {*module, {imported}});
            }
          }
        }
      }
    }
    for (const Site& s : declarators_) {
      TSNode value = unwrapAwait(field(s.node, F::Value));
      if (isNull(value)) continue;
      std::optional<QualifiedName> q = qualifiedName(value);
      if (!q && is(value, "call_expression")) {
        // `AWSXRay.captureAWS(require('aws-sdk'))`: a wrapper around a module.
        TSNode args = field(value, F::Arguments);
        uint32_t count = namedChildCount(args);
        for (uint32_t i = 0; i < count && !q; ++i) {
          if (auto m = requireModule(unwrapAwait(namedChild(args, i)))) q = QualifiedName{*m, {}, false};
        }
      }
      if (!q || q->dynamic) continue;
      TSNode name = field(s.node, F::Name);
      if (is(name, "identifier")) {
        bind(std::string(text(name)), {q->module, q->members});
      } else if (is(name, "object_pattern")) {
        uint32_t count = namedChildCount(name);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode p = namedChild(name, i);
          std::string key, local;
          if (is(p, "shorthand_property_identifier_pattern")) {
            key = local = std::string(text(p));
          } else if (is(p, "pair_pattern")) {
            key = keyName(field(p, F::Key));
            TSNode v = field(p, F::Value);
            if (is(v, "assignment_pattern")) v = field(v, F::Left);
            if (is(v, "identifier")) local = std::string(text(v));
          } else if (is(p, "object_assignment_pattern")) {
            key = local = std::string(text(field(p, F::Left)));
          }
          if (key.empty() || local.empty()) continue;
          Binding b{q->module, q->members};
          b.members.push_back(key);
          bind(local, std::move(b));
        }
      }
    }
  }

  // ----------------------------------------------------------------- imports
  void addImport(const std::optional<std::string>& module, TSNode at) {
    if (!module) return;
    facts_.imports.push_back({*module, tree_.range(at)});
    if (module->rfind("aws-sdk", 0) == 0 && (module->size() == 7 || (*module)[7] == '/')) usesSdkV2_ = true;
  }

  // `import ... from 'm'`, `import 'm'`, `import x = require('m')`, `export ... from 'm'`,
  // `require('m')`, `import('m')`. Type-only imports load nothing and are left out.
  void collectImports() {
    for (const Site& s : importStatements_) {
      if (isTypeOnly(s.node)) continue;
      TSNode source = field(s.node, F::Source);
      if (isNull(source)) {
        TSNode clause = namedChild(s.node, 0);
        if (is(clause, "import_require_clause")) source = field(clause, F::Source);
      }
      addImport(stringValue(source), s.node);
    }
    for (const Site& s : exportStatements_) {
      TSNode source = field(s.node, F::Source);
      if (!isNull(source) && !isTypeOnly(s.node)) addImport(stringValue(source), s.node);
    }
    for (const Site& s : calls_) addImport(requireModule(s.node), s.node);
  }

  // ----------------------------------------------------------------- handler
  struct ExportCandidate {
    TSNode value{};  // expression or function the symbol is bound to
    TSNode name{};   // the exported name, for nameRange
    bool reexport = false;
  };

  // The function an exported value is: a function expression, an identifier
  // naming one, or a middleware wrapper's argument (`middy(base).use(...)`).
  int resolveFunction(TSNode e) const {
    int budget = kMaxResolveSteps;
    return resolveFunction(e, budget);
  }

  // `budget` is shared by the whole resolution, recursion included.
  int resolveFunction(TSNode e, int& budget) const {
    for (; budget > 0 && !isNull(e); --budget) {
      e = unwrap(e);
      string_view t = type(e);
      if (isFunctionType(t)) return funcIndex(e);
      if (t == "assignment_expression") {
        e = field(e, F::Right);
      } else if (t == "identifier" || t == "shorthand_property_identifier") {
        const Decl* d = findDecl(text(e), kModule);
        if (d == nullptr || !d->property.empty()) return kModule;
        e = d->value;
      } else if (t == "call_expression") {
        std::vector<TSNode> chain;
        for (TSNode c = e; is(c, "call_expression") && chain.size() < kMaxHops;) {
          chain.push_back(c);
          TSNode callee = calleeOf(c);
          if (!is(callee, "member_expression")) break;
          c = unwrap(field(callee, F::Object));
        }
        // `middy().use(logger).handler(base)`: the `.handler(...)` argument first, then the
        // wrapped call's own arguments (`middy(base)`, `wrap(async (e) => ...)`); never a
        // middleware given to `.use(...)`.
        std::reverse(chain.begin(), chain.end());  // innermost call first
        std::stable_partition(chain.begin(), chain.end(),
                              [&](TSNode c) { return text(field(calleeOf(c), F::Property)) == "handler"; });
        for (TSNode c : chain) {
          string_view method = text(field(calleeOf(c), F::Property));
          if (method == "use" || method == "before" || method == "after" || method == "onError") continue;
          TSNode args = field(c, F::Arguments);
          uint32_t count = namedChildCount(args);
          for (uint32_t i = 0; i < count && i < 8; ++i) {
            TSNode a = unwrap(namedChild(args, i));
            if (isFunctionType(type(a))) return funcIndex(a);
            if (is(a, "identifier") || is(a, "call_expression")) {
              --budget;
              int f = resolveFunction(a, budget);
              if (f != kModule) return f;
            }
          }
        }
        return kModule;
      } else {
        return kModule;
      }
    }
    return kModule;
  }

  void fromExportsObject(TSNode object, std::optional<ExportCandidate>& found) {
    if (!is(object, "object")) return;
    uint32_t count = namedChildCount(object);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = namedChild(object, i);
      string_view t = type(p);
      if (t == "pair" && keyName(field(p, F::Key)) == handlerName_) {
        found = ExportCandidate{field(p, F::Value), field(p, F::Key), false};
      } else if (t == "shorthand_property_identifier" && text(p) == handlerName_) {
        found = ExportCandidate{p, p, false};
      } else if (t == "method_definition" && text(field(p, F::Name)) == handlerName_) {
        found = ExportCandidate{p, field(p, F::Name), false};
      }
    }
  }

  bool isModuleExports(TSNode n) const {
    n = unwrap(n);
    return is(n, "member_expression") && text(field(n, F::Object)) == "module" &&
           text(field(n, F::Property)) == "exports";
  }

  void findHandler() {
    std::vector<std::pair<uint32_t, ExportCandidate>> candidates;
    auto consider = [&](TSNode at, std::optional<ExportCandidate> c) {
      if (c) candidates.emplace_back(startByte(at), *c);
    };
    for (const Site& s : assignments_) {
      if (s.func != kModule) continue;
      TSNode left = unwrap(field(s.node, F::Left));
      TSNode right = field(s.node, F::Right);
      if (is(left, "member_expression") || is(left, "subscript_expression")) {
        TSNode object = unwrap(field(left, F::Object));
        bool exportsObject = (is(object, "identifier") && text(object) == "exports") || isModuleExports(object);
        if (exportsObject) {
          TSNode prop = is(left, "member_expression") ? field(left, F::Property) : field(left, F::Index);
          std::string name = is(left, "member_expression") ? std::string(text(prop)) : stringValue(prop).value_or("");
          if (name == handlerName_) consider(s.node, ExportCandidate{right, prop, false});
        } else if (isModuleExports(left)) {
          std::optional<ExportCandidate> c;
          TSNode value = unwrap(right);
          // `module.exports = exports = { ... }`
          for (int i = 0; i < 4 && is(value, "assignment_expression"); ++i) value = unwrap(field(value, F::Right));
          fromExportsObject(value, c);
          consider(s.node, c);
        }
      }
    }
    for (const Site& s : exportStatements_) {
      TSNode st = s.node;
      if (isTypeOnly(st) || isDefaultExport(st)) continue;
      TSNode declaration = field(st, F::Declaration);
      TSNode source = field(st, F::Source);
      if (!isNull(declaration)) {
        string_view t = type(declaration);
        if (t == "lexical_declaration" || t == "variable_declaration") {
          uint32_t count = namedChildCount(declaration);
          for (uint32_t i = 0; i < count; ++i) {
            TSNode d = namedChild(declaration, i);
            if (is(d, "variable_declarator") && text(field(d, F::Name)) == handlerName_) {
              consider(st, ExportCandidate{field(d, F::Value), field(d, F::Name), false});
            }
          }
        } else if (isFunctionType(t) && text(field(declaration, F::Name)) == handlerName_) {
          consider(st, ExportCandidate{declaration, field(declaration, F::Name), false});
        }
        continue;
      }
      uint32_t count = namedChildCount(st);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode c = namedChild(st, i);
        if (is(c, "export_clause")) {
          uint32_t specs = namedChildCount(c);
          for (uint32_t k = 0; k < specs; ++k) {
            TSNode spec = namedChild(c, k);
            if (!is(spec, "export_specifier") || isTypeOnly(spec)) continue;
            TSNode name = field(spec, F::Name);
            TSNode alias = field(spec, F::Alias);
            TSNode exported = isNull(alias) ? name : alias;
            std::string exportedName = stringValue(exported).value_or(std::string(text(exported)));
            if (exportedName != handlerName_) continue;
            consider(st, ExportCandidate{isNull(source) ? name : spec, exported, !isNull(source)});
          }
        } else if (is(c, "object") && isNull(source)) {
          // TypeScript `export = { handler }`
          std::optional<ExportCandidate> found;
          fromExportsObject(c, found);
          consider(st, found);
        }
      }
    }
    if (candidates.empty()) return;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const ExportCandidate& c = candidates.back().second;
    HandlerInfo& h = facts_.handler;
    h.found = true;
    h.nameRange = tree_.range(c.name);
    h.range = tree_.range(c.value);
    if (c.reexport) return;
    handler_ = resolveFunction(c.value);
    if (handler_ == kModule) return;
    h.isAsync = funcs_[handler_].isAsync;
    h.range = tree_.range(funcs_[handler_].node);
  }

  // ------------------------------------------------------------------ scopes
  void computeScopes() {
    size_t n = funcs_.size();
    inHandler_.assign(n, 0);
    reachable_.assign(n, 0);
    if (handler_ == kModule) return;
    std::deque<int> queue;
    // Functions come in preorder: a parent precedes its children.
    for (size_t i = 0; i < n; ++i) {
      int p = funcs_[i].parent;
      if (static_cast<int>(i) == handler_ || (p != kModule && inHandler_[p])) {
        inHandler_[i] = 1;
        queue.push_back(static_cast<int>(i));
      }
    }
    std::vector<char> seen(inHandler_.begin(), inHandler_.end());
    auto reach = [&](int g) {
      std::vector<int> stack{g};
      while (!stack.empty()) {
        int x = stack.back();
        stack.pop_back();
        if (seen[x]) continue;
        seen[x] = 1;
        reachable_[x] = 1;
        queue.push_back(x);
        for (int c : funcs_[x].children) stack.push_back(c);
      }
    };
    // Each name is expanded once: every function of that name is reached alike, so the
    // work stays linear even in a minified bundle with thousands of functions named `e`.
    std::unordered_set<string_view> plainDone, methodDone;
    while (!queue.empty()) {
      int f = queue.front();
      queue.pop_front();
      for (string_view name : funcs_[f].calls) {
        if (!plainDone.insert(name).second) continue;
        auto it = plainFunctions_.find(name);
        if (it != plainFunctions_.end()) {
          for (int g : it->second) reach(g);
        }
      }
      for (string_view name : funcs_[f].methodCalls) {
        if (!methodDone.insert(name).second) continue;
        auto it = methodFunctions_.find(name);
        if (it != methodFunctions_.end()) {
          for (int g : it->second) reach(g);
        }
      }
    }
  }

  Scope scopeOf(int f) const {
    // An immediately invoked function runs where it is written.
    while (f != kModule && funcs_[f].iife && !inHandler_[f] && !reachable_[f]) f = funcs_[f].parent;
    if (f == kModule) return Scope::Module;
    if (inHandler_[f]) return Scope::Handler;
    if (reachable_[f]) return Scope::HandlerCallee;
    return Scope::Other;
  }

  // ---------------------------------------------------- event and its records
  // Name of parameter `index` of function `f`, if it is a plain identifier.
  std::string paramName(int f, uint32_t index) const {
    TSNode node = funcs_[f].node;
    TSNode single = field(node, F::Parameter);
    if (!isNull(single)) return index == 0 ? std::string(text(single)) : std::string();
    TSNode p = paramNode(f, index);
    if (is(p, "identifier")) return std::string(text(p));
    return {};
  }

  // Parameter `index` of function `f` without its TypeScript annotation or default.
  TSNode paramNode(int f, uint32_t index) const {
    TSNode params = field(funcs_[f].node, F::Parameters);
    uint32_t count = namedChildCount(params);
    uint32_t seen = 0;
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = namedChild(params, i);
      string_view t = type(p);
      if (t == "comment" || t == "decorator") continue;
      if (seen++ != index) continue;
      if (t == "required_parameter" || t == "optional_parameter") p = field(p, F::Pattern);
      if (is(p, "assignment_pattern")) p = field(p, F::Left);
      return p;
    }
    return {};
  }

  // `event.Records`, `records` (assigned from it), `event.Records.filter(...)`.
  bool isRecordsExpr(TSNode e) const {
    for (int i = 0; i < kMaxHops && !isNull(e); ++i) {
      e = unwrapAwait(e);
      string_view t = type(e);
      if (t == "binary_expression") {
        string_view op = text(field(e, F::Operator));
        if (op != "??" && op != "||") return false;
        e = field(e, F::Left);
      } else if (t == "member_expression") {
        return text(field(e, F::Property)) == "Records";
      } else if (t == "subscript_expression") {
        return stringValue(field(e, F::Index)).value_or("") == "Records";
      } else if (t == "call_expression") {
        TSNode callee = calleeOf(e);
        string_view m = text(field(callee, F::Property));
        if (!is(callee, "member_expression") ||
            !(m == "filter" || m == "slice" || m == "concat" || m == "sort" || m == "reverse" || m == "values")) {
          return false;
        }
        e = field(callee, F::Object);
      } else if (t == "identifier") {
        return recordsArrays_.count(std::string(text(e))) > 0;
      } else {
        return false;
      }
    }
    return false;
  }

  void computeRecordNames() {
    eventRoots_.insert("event");
    if (handler_ != kModule) {
      TSNode first = paramNode(handler_, 0);
      TSNode single = field(funcs_[handler_].node, F::Parameter);
      if (!isNull(single)) first = single;
      if (is(first, "identifier")) {
        eventRoots_.emplace(text(first));
      } else if (is(first, "object_pattern")) {
        addRecordsFromPattern(first);
      }
    }
    for (int pass = 0; pass < 3; ++pass) {
      size_t before = eventRoots_.size() + recordsArrays_.size() + recordVars_.size();
      for (const Site& s : declarators_) {
        TSNode name = field(s.node, F::Name);
        TSNode value = unwrapAwait(field(s.node, F::Value));
        if (isNull(value)) continue;
        if (is(name, "identifier")) {
          std::string n(text(name));
          if (is(value, "identifier") && eventRoots_.count(std::string(text(value)))) eventRoots_.insert(n);
          if (isRecordsExpr(value)) recordsArrays_.insert(n);
          if (is(value, "subscript_expression") && isRecordsExpr(field(value, F::Object))) recordVars_.insert(n);
        } else if (is(name, "object_pattern") && is(value, "identifier") &&
                   eventRoots_.count(std::string(text(value)))) {
          addRecordsFromPattern(name);
        }
      }
      for (const Site& s : forIns_) {
        TSNode left = field(s.node, F::Left);
        if (is(left, "identifier") && isRecordsExpr(field(s.node, F::Right))) recordVars_.emplace(text(left));
      }
      for (const Site& s : calls_) {
        TSNode callee = calleeOf(s.node);
        TSNode args = field(s.node, F::Arguments);
        if (is(callee, "member_expression")) {
          string_view m = text(field(callee, F::Property));
          if (!isIterationMethod(m) || !isRecordsExpr(field(callee, F::Object))) continue;
          uint32_t index = m == "reduce" ? 1 : 0;
          TSNode cb = unwrap(namedChild(args, 0));
          if (isFunctionType(type(cb))) {
            addRecordVar(funcIndex(cb), index);
          } else if (is(cb, "identifier")) {
            auto it = plainFunctions_.find(text(cb));
            if (it != plainFunctions_.end() && it->second.size() <= kMaxSameName) {
              for (int f : it->second) addRecordVar(f, index);
            }
          }
        } else if (is(callee, "identifier")) {
          // `processRecord(record)`: the callee's parameter is a record too.
          auto it = plainFunctions_.find(text(callee));
          if (it == plainFunctions_.end() || it->second.size() > kMaxSameName) continue;
          uint32_t count = namedChildCount(args);
          for (uint32_t i = 0; i < count && i < 8; ++i) {
            TSNode a = unwrap(namedChild(args, i));
            if (!is(a, "identifier")) continue;
            std::string name(text(a));
            bool record = recordVars_.count(name) > 0;
            bool event = eventRoots_.count(name) > 0;
            if (!record && !event) continue;
            for (int f : it->second) {
              std::string p = paramName(f, i);
              if (p.empty()) continue;
              if (record) recordVars_.insert(p);
              if (event) eventRoots_.insert(p);
            }
          }
        }
      }
      if (eventRoots_.size() + recordsArrays_.size() + recordVars_.size() == before) break;
    }
  }

  void addRecordsFromPattern(TSNode pattern) {
    uint32_t count = namedChildCount(pattern);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = namedChild(pattern, i);
      if (is(p, "shorthand_property_identifier_pattern") && text(p) == "Records") {
        recordsArrays_.insert("Records");
      } else if (is(p, "pair_pattern") && keyName(field(p, F::Key)) == "Records" &&
                 is(field(p, F::Value), "identifier")) {
        recordsArrays_.emplace(text(field(p, F::Value)));
      }
    }
  }

  void addRecordVar(int f, uint32_t index) {
    if (f == kModule) return;
    std::string p = paramName(f, index);
    if (!p.empty()) recordVars_.insert(std::move(p));
  }

  // `event.Records[0].s3.bucket.name` / `record.s3.bucket.name` → "Records[].s3.bucket.name".
  std::optional<std::string> eventPath(TSNode e) const {
    std::vector<std::string> segments;  // innermost last
    for (int i = 0; i < kMaxHops && !isNull(e); ++i) {
      e = unwrap(e);
      string_view t = type(e);
      if (t == "member_expression") {
        segments.emplace_back(text(field(e, F::Property)));
        e = field(e, F::Object);
      } else if (t == "subscript_expression") {
        auto s = stringValue(field(e, F::Index));
        segments.push_back(s ? *s : std::string("[]"));
        e = field(e, F::Object);
      } else if (t == "identifier") {
        std::string root(text(e));
        std::string path;
        if (recordVars_.count(root)) {
          path = "Records[]";
        } else if (recordsArrays_.count(root)) {
          path = "Records";
        } else if (!eventRoots_.count(root)) {
          return std::nullopt;
        }
        for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
          if (*it == "[]") {
            path += "[]";
          } else {
            if (!path.empty()) path += '.';
            path += *it;
          }
        }
        return path;
      } else {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // --------------------------------------------------------------- tracing
  bool isProcessEnv(TSNode n) const {
    n = unwrap(n);
    return is(n, "member_expression") && text(field(n, F::Property)) == "env" &&
           is(unwrap(field(n, F::Object)), "identifier") && text(unwrap(field(n, F::Object))) == "process";
  }

  // `process.env.X` / `process.env['X']` → "X".
  std::optional<std::string> envName(TSNode n) const {
    n = unwrap(n);
    if (is(n, "member_expression") && isProcessEnv(field(n, F::Object))) {
      return std::string(text(field(n, F::Property)));
    }
    if (is(n, "subscript_expression") && isProcessEnv(field(n, F::Object))) {
      return stringValue(field(n, F::Index));
    }
    return std::nullopt;
  }

  TracedValue trace(TSNode expr, int func) const {
    TracedValue out;
    out.range = tree_.range(expr);
    TSNode e = expr;
    for (int hop = 0; hop < kMaxTrace && !isNull(e); ++hop) {
      e = unwrap(e);
      string_view t = type(e);
      if (auto s = stringValue(e)) {
        out.kind = TracedValue::Kind::Literal;
        out.text = *s;
        return out;
      }
      if (auto env = envName(e)) {
        out.kind = TracedValue::Kind::EnvVar;
        out.text = *env;
        return out;
      }
      if (t == "binary_expression") {
        string_view op = text(field(e, F::Operator));
        if (op != "??" && op != "||") break;
        e = field(e, F::Left);
        continue;
      }
      if (t == "identifier" || t == "shorthand_property_identifier") {
        std::string name(text(e));
        const Decl* d = findDecl(name, func);
        if (d == nullptr) {
          if (auto p = eventPath(e)) {
            out.kind = TracedValue::Kind::Event;
            out.text = *p;
            return out;
          }
          break;
        }
        if (!d->property.empty()) {
          if (isProcessEnv(d->value)) {
            out.kind = TracedValue::Kind::EnvVar;
            out.text = d->property;
            return out;
          }
          if (auto p = eventPath(d->value)) {
            out.kind = TracedValue::Kind::Event;
            out.text = p->empty() ? d->property : *p + "." + d->property;
            return out;
          }
          break;
        }
        e = d->value;
        func = d->func;
        continue;
      }
      if (t == "member_expression" || t == "subscript_expression") {
        if (auto p = eventPath(e)) {
          out.kind = TracedValue::Kind::Event;
          out.text = *p;
          return out;
        }
        // `config.bucket` where `const config = { bucket: ... }`.
        TSNode object = unwrap(field(e, F::Object));
        std::string key = t == "member_expression" ? std::string(text(field(e, F::Property)))
                                                   : stringValue(field(e, F::Index)).value_or("");
        if (!is(object, "identifier") || key.empty()) break;
        const Decl* d = findDecl(text(object), func);
        if (d == nullptr || !d->property.empty()) break;
        TSNode value = propertyValue(unwrap(d->value), key);
        if (isNull(value)) break;
        e = value;
        func = d->func;
        continue;
      }
      break;
    }
    out.kind = TracedValue::Kind::Unknown;
    out.text = std::string(text(expr).substr(0, 200));
    return out;
  }

  // The value of property `key` in an object literal (null when absent).
  TSNode propertyValue(TSNode object, string_view key) const {
    if (!is(object, "object")) return {};
    uint32_t count = namedChildCount(object);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = namedChild(object, i);
      if (is(p, "pair") && keyName(field(p, F::Key)) == key) return field(p, F::Value);
      if (is(p, "shorthand_property_identifier") && text(p) == key) return p;
    }
    return {};
  }

  // An argument that is an object literal, directly or through `const params = {...}`.
  TSNode objectLiteral(TSNode e, int func) const {
    for (int hop = 0; hop < kMaxTrace && !isNull(e); ++hop) {
      e = unwrap(e);
      if (is(e, "object")) return e;
      if (!is(e, "identifier")) return {};
      const Decl* d = findDecl(text(e), func);
      if (d == nullptr || !d->property.empty()) return {};
      e = d->value;
      func = d->func;
    }
    return {};
  }

  std::vector<std::pair<std::string, TracedValue>> resourceParams(TSNode arg, int func,
                                                                  const std::string& service) const {
    std::vector<std::pair<std::string, TracedValue>> out;
    TSNode object = objectLiteral(arg, func);
    if (isNull(object)) return out;
    auto eachProperty = [&](TSNode obj, auto&& fn) {
      uint32_t count = namedChildCount(obj);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode p = namedChild(obj, i);
        if (is(p, "pair")) {
          fn(keyName(field(p, F::Key)), field(p, F::Key), field(p, F::Value));
        } else if (is(p, "shorthand_property_identifier")) {
          fn(std::string(text(p)), p, p);
        }
      }
    };
    auto eachObjectElement = [&](TSNode array, auto&& fn) {
      array = unwrap(array);
      if (!is(array, "array")) return;
      uint32_t count = namedChildCount(array);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode el = objectLiteral(namedChild(array, i), func);
        if (!isNull(el)) fn(el);
      }
    };
    eachProperty(object, [&](const std::string& key, TSNode keyNode, TSNode value) {
      if (isResourceParam(key, service)) {
        out.emplace_back(key, trace(value, func));
      } else if (key == "Entries") {
        // EventBridge PutEvents: Entries[].EventBusName
        eachObjectElement(value, [&](TSNode entry) {
          eachProperty(entry, [&](const std::string& k, TSNode, TSNode v) {
            if (k == "EventBusName") out.emplace_back(k, trace(v, func));
          });
        });
      } else if (key == "RequestItems") {
        // DynamoDB BatchWriteItem / BatchGetItem: table names are the keys.
        TSNode items = objectLiteral(value, func);
        if (isNull(items)) return;
        uint32_t count = namedChildCount(items);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode p = namedChild(items, i);
          if (!is(p, "pair")) continue;
          TSNode k = field(p, F::Key);
          if (is(k, "computed_property_name")) {
            out.emplace_back("TableName", trace(namedChild(k, 0), func));
          } else {
            TracedValue v;
            v.kind = TracedValue::Kind::Literal;
            v.text = keyName(k);
            v.range = tree_.range(k);
            out.emplace_back("TableName", std::move(v));
          }
        }
      } else if (key == "TransactItems") {
        // DynamoDB TransactWriteItems: TransactItems[].{Put,Update,Delete,ConditionCheck,Get}.TableName
        eachObjectElement(value, [&](TSNode item) {
          eachProperty(item, [&](const std::string&, TSNode, TSNode v) {
            TSNode inner = objectLiteral(v, func);
            if (isNull(inner)) return;
            eachProperty(inner, [&](const std::string& k, TSNode, TSNode tv) {
              if (k == "TableName") out.emplace_back(k, trace(tv, func));
            });
          });
        });
      }
      (void)keyNode;
    });
    return out;
  }

  // ----------------------------------------------------------------- clients
  std::optional<ClientType> classify(TSNode n) const {
    auto memo = classified_.find(n.id);
    if (memo != classified_.end()) return memo->second;
    std::optional<ClientType> out = classifyUncached(n);
    classified_.emplace(n.id, out);
    return out;
  }

  std::optional<ClientType> classifyUncached(TSNode n) const {
    bool isNew = is(n, "new_expression");
    if (!isNew && !is(n, "call_expression")) return std::nullopt;
    auto q = qualifiedName(isNew ? field(n, F::Constructor) : calleeOf(n));
    if (!q) return std::nullopt;
    const std::string& m = q->module;
    const auto& mem = q->members;
    auto member = [&](size_t i) -> string_view { return i < mem.size() ? string_view(mem[i]) : string_view(); };
    ClientType ct;
    // AWS SDK v2: `new AWS.S3()`, `new AWS.DynamoDB.DocumentClient()`, `aws-sdk/clients/s3`.
    bool v2Root = m == "aws-sdk" || m == "aws-sdk/global";
    bool v2Client = m.rfind("aws-sdk/clients/", 0) == 0;
    if (v2Root || v2Client) {
      if (!isNew) return std::nullopt;
      ct.sdk = "js-v2";
      ct.library = "aws-sdk";
      ct.kind = "aws-sdk";
      std::string serviceClass;
      size_t rest = 0;
      if (v2Client) {
        serviceClass = m.substr(16);
      } else {
        if (mem.empty()) return std::nullopt;
        serviceClass = mem[0];
        rest = 1;
        if (q->dynamic && serviceClass.empty()) {
          ct.style = Style::V2;
          ct.serviceKnown = false;
          return ct;
        }
        if (isV2NonServiceClass(serviceClass)) return std::nullopt;
      }
      if (mem.size() == rest) {
        ct.style = Style::V2;
      } else if (mem.size() == rest + 1 && mem[rest] == "DocumentClient") {
        ct.style = Style::V2Document;
      } else {
        return std::nullopt;
      }
      ct.service = iamPrefixForV2Class(serviceClass);
      return ct;
    }
    if (m.rfind("@aws-sdk/client-", 0) == 0) {
      if (!isNew || mem.size() != 1) return std::nullopt;
      string_view cls = mem[0];
      if (cls.empty() || !(cls[0] >= 'A' && cls[0] <= 'Z') || cls.ends_with("Command") || cls.ends_with("Exception") ||
          cls.ends_with("ServiceException")) {
        return std::nullopt;
      }
      ct.sdk = "js-v3";
      ct.library = m;
      ct.kind = "aws-sdk";
      ct.style = cls.ends_with("Client") ? Style::V3 : Style::V3Aggregated;
      ct.service = iamPrefixForV3Package(string_view(m).substr(16));
      return ct;
    }
    if (m == "@aws-sdk/lib-dynamodb") {
      bool bare = member(0) == "DynamoDBDocumentClient";
      bool aggregated = member(0) == "DynamoDBDocument";
      if (!bare && !aggregated) return std::nullopt;
      if (isNew ? mem.size() != 1 : !(mem.size() == 2 && mem[1] == "from")) return std::nullopt;
      ct.sdk = "js-v3";
      ct.library = m;
      ct.kind = "aws-sdk";
      ct.style = bare ? Style::V3Document : Style::V3DocumentAggregated;
      ct.service = "dynamodb";
      return ct;
    }
    // Database and cache clients: {module, member path, constructed with `new`, kind}.
    struct Spec {
      string_view module;
      string_view path;
      bool isNew;
      string_view kind;
    };
    static constexpr std::array<Spec, 30> kSpecs{{
        {"pg", "Pool", true, "database"},
        {"pg", "Client", true, "database"},
        {"pg", "native.Pool", true, "database"},
        {"pg", "native.Client", true, "database"},
        {"pg-pool", "", true, "database"},
        {"@neondatabase/serverless", "Pool", true, "database"},
        {"@neondatabase/serverless", "Client", true, "database"},
        {"postgres", "", false, "database"},
        {"mysql2", "createConnection", false, "database"},
        {"mysql2", "createPool", false, "database"},
        {"mysql2", "createPoolCluster", false, "database"},
        {"mysql", "createConnection", false, "database"},
        {"mysql", "createPool", false, "database"},
        {"mongodb", "MongoClient", true, "database"},
        {"mongodb", "MongoClient.connect", false, "database"},
        {"mongoose", "connect", false, "database"},
        {"mongoose", "createConnection", false, "database"},
        {"@prisma/client", "PrismaClient", true, "database"},
        {"sequelize", "", true, "database"},
        {"sequelize", "Sequelize", true, "database"},
        {"knex", "", false, "database"},
        {"knex", "knex", false, "database"},
        {"ioredis", "", true, "cache"},
        {"ioredis", "Redis", true, "cache"},
        {"ioredis", "Cluster", true, "cache"},
        {"ioredis", "Redis.Cluster", true, "cache"},
        {"ioredis", "default", true, "cache"},
        {"redis", "createClient", false, "cache"},
        {"redis", "createCluster", false, "cache"},
        {"@upstash/redis", "Redis", true, "cache"},
    }};
    std::string library = m;
    if (library.ends_with("/promise")) library.resize(library.size() - 8);
    std::string path;
    for (size_t i = 0; i < mem.size(); ++i) {
      if (i == 0 && mem[i] == "default" && mem.size() > 1) continue;
      if (!path.empty()) path += '.';
      path += mem[i];
    }
    for (const Spec& s : kSpecs) {
      if (s.module == library && s.path == path && s.isNew == isNew) {
        ct.style = Style::Database;
        ct.library = library;
        ct.service = library;
        ct.kind = std::string(s.kind);
        return ct;
      }
    }
    return std::nullopt;
  }

  struct BindingSite {
    std::string variable;
    bool guarded = false;
  };

  // The variable a construction is stored in, and whether that store is
  // guarded by the variable itself (lazy initialisation).
  BindingSite bindingOf(TSNode node) const {
    BindingSite out;
    TSNode cur = node;
    for (int hop = 0; hop < kMaxHops; ++hop) {
      TSNode p = parent(cur);
      if (isNull(p)) break;
      string_view t = type(p);
      if (isTransparent(t) || t == "await_expression") {
        cur = p;
        continue;
      }
      if (t == "arguments") {
        TSNode call = parent(p);
        if (is(call, "call_expression") && !classify(call)) {
          cur = call;  // a wrapper: `AWSXRay.captureAWSv3Client(new S3Client({}))`
          continue;
        }
        break;
      }
      if (t == "variable_declarator") {
        if (same(field(p, F::Value), cur) && is(field(p, F::Name), "identifier"))
          out.variable = text(field(p, F::Name));
        break;
      }
      if (t == "assignment_expression") {
        if (same(field(p, F::Right), cur)) {
          out.variable = text(field(p, F::Left));
          out.guarded = assignmentGuarded(p, out.variable);
        }
        break;
      }
      if (t == "augmented_assignment_expression") {
        if (same(field(p, F::Right), cur)) {
          out.variable = text(field(p, F::Left));
          string_view op = text(field(p, F::Operator));
          out.guarded = op == "?\?=" || op == "||=";  // `??=` (escaped: no trigraph)
        }
        break;
      }
      if (t == "binary_expression") {
        // `client = client || new X()` / `client = client ?? new X()`
        string_view op = text(field(p, F::Operator));
        if ((op == "??" || op == "||") && same(field(p, F::Right), cur)) {
          string_view left = text(unwrap(field(p, F::Left)));
          TSNode a = p;
          for (int i = 0; i < 8 && isTransparent(type(parent(a))); ++i) a = parent(a);
          TSNode assign = parent(a);
          if ((is(assign, "assignment_expression") || is(assign, "variable_declarator")) &&
              text(field(assign, is(assign, "assignment_expression") ? F::Left : F::Name)) == left) {
            out.variable = std::string(left);
            out.guarded = true;
          }
        }
        break;
      }
      if (t == "field_definition") {
        out.variable = "this." + std::string(text(field(p, F::Property)));
        break;
      }
      if (t == "public_field_definition") {
        out.variable = "this." + std::string(text(field(p, F::Name)));
        break;
      }
      break;
    }
    return out;
  }

  bool mentions(TSNode root, string_view variable) const {
    bool found = false;
    scan(root, [&](TSNode n) {
      if (found) return false;
      string_view t = type(n);
      if ((t == "identifier" || t == "member_expression") && text(n) == variable) found = true;
      return !found;
    });
    return found;
  }

  bool containsReturn(TSNode root) const {
    bool found = false;
    scan(root, [&](TSNode n) {
      if (found) return false;
      string_view t = type(n);
      if (t == "return_statement" || t == "throw_statement") found = true;
      return !found && !isFunctionType(t);
    });
    return found;
  }

  // `if (!client) client = new X()`, `if (client) return client; client = new X();`,
  // `return client ?? (client = new X())`.
  bool assignmentGuarded(TSNode assign, string_view variable) const {
    TSNode a = assign;
    for (int i = 0; i < 8 && isTransparent(type(parent(a))); ++i) a = parent(a);
    TSNode p = parent(a);
    if (is(p, "binary_expression")) {
      string_view op = text(field(p, F::Operator));
      if ((op == "??" || op == "||") && text(unwrap(field(p, F::Left))) == variable) return true;
    }
    TSNode cur = assign;
    for (int hop = 0; hop < kMaxHops; ++hop) {
      TSNode up = parent(cur);
      if (isNull(up)) break;
      string_view t = type(up);
      if (isFunctionType(t) || t == "program" || t == "class_body") break;
      if (t == "if_statement" && mentions(field(up, F::Condition), variable)) return true;
      if (t == "statement_block") {
        uint32_t count = namedChildCount(up);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode s = namedChild(up, i);
          if (startByte(s) >= startByte(cur)) break;
          if (is(s, "if_statement") && mentions(field(s, F::Condition), variable) &&
              containsReturn(field(s, F::Consequence))) {
            return true;
          }
        }
      }
      cur = up;
    }
    return false;
  }

  bool isModuleVariable(const std::string& name) const {
    auto it = decls_.find(name);
    return it != decls_.end() && it->second.count(kModule) > 0;
  }

  void collectClients() {
    std::vector<Site> sites = news_;
    for (const Site& s : calls_) {
      TSNode callee = calleeOf(s.node);
      if (is(callee, "identifier") || is(callee, "member_expression")) sites.push_back(s);
    }
    for (const Site& s : sites) {
      auto ct = classify(s.node);
      if (!ct) continue;
      BindingSite b = bindingOf(s.node);
      ClientConstruction c;
      c.library = ct->library;
      c.service = ct->service;
      c.kind = ct->kind;
      c.variable = b.variable;
      c.scope = scopeOf(s.func);
      c.lazilyCached = b.guarded && c.scope != Scope::Module && isModuleVariable(b.variable);
      c.range = tree_.range(s.node);
      if (!ct->serviceKnown) facts_.complete = false;
      if (!b.variable.empty()) registry_.emplace(b.variable, *ct);
      facts_.clients.push_back(std::move(c));
    }
  }

  // The client an expression evaluates to, if the file shows it.
  std::optional<ClientType> resolveClient(TSNode e, int func) const {
    if (facts_.clients.empty()) return std::nullopt;  // nothing to resolve to
    int budget = kMaxResolveSteps;
    return resolveClient(e, func, budget);
  }

  // `budget` is shared by the whole resolution, recursion included.
  std::optional<ClientType> resolveClient(TSNode e, int func, int& budget) const {
    for (; budget > 0 && !isNull(e); --budget) {
      e = unwrapAwait(e);
      string_view t = type(e);
      if (t == "identifier") {
        std::string name(text(e));
        auto it = registry_.find(name);
        if (it != registry_.end()) return it->second;
        const Decl* d = findDecl(name, func);
        if (d == nullptr || !d->property.empty() || isNull(d->value)) return std::nullopt;
        e = d->value;
        func = d->func;
        continue;
      }
      if (t == "member_expression") {
        auto it = registry_.find(std::string(text(e)));
        if (it != registry_.end()) return it->second;
        return std::nullopt;
      }
      if (t == "assignment_expression" || t == "augmented_assignment_expression") {
        e = field(e, F::Right);  // `client ??= new X()` as a value
        continue;
      }
      if (t == "binary_expression") {
        // `client ?? (client = new X())`: either side names the client.
        string_view op = text(field(e, F::Operator));
        if (op != "??" && op != "||") return std::nullopt;
        --budget;
        if (auto ct = resolveClient(field(e, F::Left), func, budget)) return ct;
        e = field(e, F::Right);
        continue;
      }
      if (t == "new_expression" || t == "call_expression") {
        if (auto ct = classify(e)) return ct;
        TSNode callee = calleeOf(e);
        if (!is(callee, "identifier")) return std::nullopt;
        // `getClient()`: a same-file function returning a client.
        auto it = plainFunctions_.find(text(callee));
        if (it == plainFunctions_.end() || it->second.size() > kMaxSameName) return std::nullopt;
        for (int g : it->second) {
          for (TSNode r : returnedValues(g)) {
            if (--budget <= 0) return std::nullopt;
            if (auto ct = resolveClient(r, g, budget)) return ct;
          }
        }
        return std::nullopt;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  std::vector<TSNode> returnedValues(int f) const {
    std::vector<TSNode> out;
    TSNode body = funcs_[f].body;
    if (!isNull(body) && !is(body, "statement_block")) out.push_back(body);
    auto it = returnsByFunc_.find(f);
    if (it != returnsByFunc_.end()) {
      for (TSNode r : it->second) {
        TSNode v = namedChild(r, 0);
        if (!isNull(v)) out.push_back(v);
      }
    }
    return out;
  }

  // --------------------------------------------------------------- awaiting
  // `ofVariable`: `node` is a use of a variable holding the promise (`promises.push(...)` is
  // then no use of the value); otherwise it is the SDK call itself.
  Use useOf(TSNode node, bool ofVariable = false) const {
    if (is(node, "call_expression") && is(field(node, F::Function), "await_expression")) return {Use::Consumed, {}};
    TSNode cur = node;
    for (int hop = 0; hop < kMaxHops; ++hop) {
      TSNode p = parent(cur);
      if (isNull(p)) return {Use::Consumed, {}};
      string_view t = type(p);
      if (isTransparent(t) || t == "ternary_expression" || t == "binary_expression" || t == "array" ||
          t == "spread_element" || t == "pair" || t == "object" || t == "sequence_expression" ||
          t == "new_expression") {
        cur = p;
        continue;
      }
      if (t == "await_expression" || t == "return_statement" || t == "yield_expression" || t == "for_in_statement") {
        return {Use::Consumed, {}};
      }
      if (t == "arrow_function") return {Use::Consumed, {}};  // the expression body is returned
      if (t == "expression_statement") return {Use::Dropped, {}};
      if (t == "unary_expression") return {Use::Dropped, {}};  // `void promise`
      if (t == "member_expression") {
        string_view m = text(field(p, F::Property));
        if (same(field(p, F::Object), cur) && (m == "then" || m == "catch" || m == "finally"))
          return {Use::Consumed, {}};
        // A v2 request used through `.on(...)`, `.createReadStream()`, `.send(cb)` is no promise to await.
        return {ofVariable ? Use::Dropped : Use::Consumed, {}};
      }
      if (t == "arguments") {
        TSNode call = parent(p);
        if (!is(call, "call_expression")) {
          cur = call;
          continue;
        }
        TSNode callee = calleeOf(call);
        if (is(callee, "member_expression")) {
          string_view object = text(field(callee, F::Object));
          string_view m = text(field(callee, F::Property));
          if (object == "Promise" && (m == "all" || m == "allSettled" || m == "race" || m == "any")) {
            return {Use::Consumed, {}};
          }
          if (m == "push" || m == "unshift") {
            TSNode array = unwrap(field(callee, F::Object));
            if (is(array, "identifier")) return {Use::Variable, std::string(text(array))};
            return {Use::Consumed, {}};
          }
        }
        cur = call;  // passed to a wrapper: what happens to the wrapper's result decides
        continue;
      }
      if (t == "variable_declarator") {
        if (same(field(p, F::Value), cur) && is(field(p, F::Name), "identifier")) {
          return {Use::Variable, std::string(text(field(p, F::Name)))};
        }
        return {same(field(p, F::Value), cur) ? Use::Consumed : Use::Dropped, {}};
      }
      if (t == "assignment_expression") {
        TSNode left = field(p, F::Left);
        if (same(field(p, F::Right), cur) && is(left, "identifier")) return {Use::Variable, std::string(text(left))};
        return {same(field(p, F::Right), cur) ? Use::Consumed : Use::Dropped, {}};
      }
      return {Use::Consumed, {}};
    }
    return {Use::Consumed, {}};
  }

  bool anyUseConsumed(const std::string& name, int func) const {
    bool consumed = false;
    scan(funcs_[func].node, [&](TSNode n) {
      if (consumed) return false;
      if ((is(n, "identifier") || is(n, "shorthand_property_identifier")) && text(n) == name &&
          useOf(n, true).kind == Use::Consumed) {
        consumed = true;
      }
      return !consumed;
    });
    return consumed;
  }

  bool isAwaited(TSNode promise, int func) const {
    if (func == kModule || !funcs_[func].isAsync) return true;
    Use use = useOf(promise);
    if (use.kind == Use::Consumed) return true;
    if (use.kind == Use::Dropped) return false;
    return anyUseConsumed(use.name, func);
  }

  // `s3.putObject(p).promise()` → the `.promise()` call; otherwise the call itself.
  TSNode promiseOf(TSNode call) const {
    TSNode p = parent(call);
    if (is(p, "member_expression") && same(field(p, F::Object), call) && text(field(p, F::Property)) == "promise") {
      TSNode outer = parent(p);
      if (is(outer, "call_expression") && same(field(outer, F::Function), p)) return outer;
    }
    return call;
  }

  // -------------------------------------------------------------- SDK calls
  struct Command {
    std::string operation;
    std::string service;  // empty when the command class is not imported from a known package
    TSNode params{};
  };

  std::optional<Command> resolveCommand(TSNode arg, int func) const {
    TSNode e = arg;
    for (int hop = 0; hop < kMaxTrace && !isNull(e); ++hop) {
      e = unwrapAwait(e);
      if (is(e, "new_expression")) break;
      if (!is(e, "identifier")) return std::nullopt;
      const Decl* d = findDecl(text(e), func);
      if (d == nullptr || !d->property.empty()) return std::nullopt;
      e = d->value;
      func = d->func;
    }
    if (!is(e, "new_expression")) return std::nullopt;
    TSNode ctor = field(e, F::Constructor);
    std::string cls;
    TSNode last = unwrap(ctor);
    if (is(last, "identifier")) cls = text(last);
    if (is(last, "member_expression")) cls = text(field(last, F::Property));
    Command c;
    c.params = namedChild(field(e, F::Arguments), 0);
    auto q = qualifiedName(ctor);
    if (q && q->module == "@aws-sdk/lib-dynamodb") {
      auto op = documentCommandOperation(cls);
      if (!op) return std::nullopt;
      c.operation = *op;
      c.service = "dynamodb";
      return c;
    }
    if (!cls.ends_with("Command") || cls.size() == 7) return std::nullopt;
    c.operation = cls.substr(0, cls.size() - 7);
    if (q && q->module.rfind("@aws-sdk/client-", 0) == 0)
      c.service = iamPrefixForV3Package(string_view(q->module).substr(16));
    return c;
  }

  void addSdkCall(const Site& s, std::string sdk, std::string service, std::string operation, bool dynamic,
                  TSNode promise, TSNode params) {
    SdkCall call;
    call.sdk = std::move(sdk);
    call.service = std::move(service);
    call.operation = std::move(operation);
    call.dynamic = dynamic;
    call.scope = scopeOf(s.func);
    call.awaited = isAwaited(promise, s.func);
    call.range = tree_.range(s.node);
    if (!isNull(params)) call.resourceParams = resourceParams(params, s.func, call.service);
    if (dynamic) facts_.complete = false;
    facts_.sdkCalls.push_back(std::move(call));
  }

  void collectSdkCalls() {
    for (const Site& s : news_) collectUpload(s);
    for (const Site& s : calls_) {
      TSNode callee = calleeOf(s.node);
      TSNode args = field(s.node, F::Arguments);
      TSNode arg0 = namedChild(args, 0);
      if (is(callee, "identifier")) {
        collectPaginator(s, callee);
        continue;
      }
      TSNode object;
      std::string method;
      bool computed = false;
      if (is(callee, "member_expression")) {
        object = field(callee, F::Object);
        method = text(field(callee, F::Property));
      } else if (is(callee, "subscript_expression")) {
        object = field(callee, F::Object);
        auto literal = stringValue(field(callee, F::Index));
        computed = !literal;
        method = literal.value_or("");
      } else {
        continue;
      }
      auto ct = resolveClient(object, s.func);
      if (!ct) {
        if (method == "send" && !computed) {
          // A v3 command sent through a client the file does not show (a parameter, an import).
          auto cmd = resolveCommand(arg0, s.func);
          if (cmd && !cmd->service.empty()) {
            addSdkCall(s, "js-v3", cmd->service, cmd->operation, false, s.node, cmd->params);
          } else if (cmd) {
            // `x.send(new FooCommand(...))` with neither the client nor the command's package known:
            // maybe an SDK call of unknown service, maybe a command bus. Not recorded, but incomplete.
            facts_.complete = false;
          }
        } else if (method == "promise" && usesSdkV2_) {
          // `x.putObject(...).promise()` on an object that is no known client.
          TSNode inner = unwrap(object);
          if (is(inner, "call_expression") && is(field(inner, F::Function), "member_expression") &&
              !resolveClient(field(field(inner, F::Function), F::Object), s.func)) {
            facts_.complete = false;
          }
        }
        continue;
      }
      if (ct->style == Style::Database) continue;
      const std::string& service = ct->service;
      if (computed) {
        addSdkCall(s, ct->sdk, service, "", true, promiseOf(s.node), TSNode{});
        continue;
      }
      switch (ct->style) {
        case Style::V2: {
          static const std::unordered_set<string_view> kNotOperations{"on",
                                                                      "waitFor",
                                                                      "setupRequestListeners",
                                                                      "defineService",
                                                                      "constructor",
                                                                      "bindServiceObject",
                                                                      "makeUnauthenticatedRequest",
                                                                      "promise",
                                                                      "send",
                                                                      "abort",
                                                                      "eachPage",
                                                                      "createReadStream"};
          if (kNotOperations.count(method)) break;
          if (method == "makeRequest" || method == "getSignedUrl" || method == "getSignedUrlPromise") {
            auto op = stringValue(unwrap(arg0));
            addSdkCall(s, ct->sdk, service, op ? pascal(*op) : "", !op, promiseOf(s.node), namedChild(args, 1));
          } else if (method == "upload" && service == "s3") {
            addSdkCall(s, ct->sdk, service, "PutObject", false, promiseOf(s.node), arg0);
          } else if (method == "createPresignedPost" && service == "s3") {
            addSdkCall(s, ct->sdk, service, "PutObject", false, s.node, arg0);
          } else {
            addSdkCall(s, ct->sdk, service, pascal(method), false, promiseOf(s.node), arg0);
          }
          break;
        }
        case Style::V2Document:
          if (auto op = documentOperation(method)) addSdkCall(s, ct->sdk, service, *op, false, promiseOf(s.node), arg0);
          break;
        case Style::V3:
        case Style::V3Document:
        case Style::V3Aggregated:
        case Style::V3DocumentAggregated: {
          if (method == "send") {
            auto cmd = resolveCommand(arg0, s.func);
            if (!cmd) {
              addSdkCall(s, ct->sdk, service, "", true, s.node, TSNode{});
            } else {
              std::string svc = cmd->service.empty() ? service : cmd->service;
              if (ct->style == Style::V3Document || ct->style == Style::V3DocumentAggregated) {
                if (auto op = documentCommandOperation(cmd->operation + "Command")) cmd->operation = *op;
              }
              addSdkCall(s, ct->sdk, svc, cmd->operation, false, s.node, cmd->params);
            }
          } else if (ct->style == Style::V3Aggregated) {
            if (method == "destroy" || method == "middlewareStack" || method == "config") break;
            addSdkCall(s, ct->sdk, service, pascal(method), false, s.node, arg0);
          } else if (ct->style == Style::V3DocumentAggregated) {
            if (auto op = documentOperation(method)) addSdkCall(s, ct->sdk, service, *op, false, s.node, arg0);
          }
          break;
        }
        case Style::Database:
          break;
      }
    }
  }

  // `paginateListObjectsV2({ client }, { Bucket })` from a v3 client package.
  void collectPaginator(const Site& s, TSNode callee) {
    auto q = qualifiedName(callee);
    if (!q || q->members.size() != 1 || q->members[0].rfind("paginate", 0) != 0 || q->members[0].size() <= 8) return;
    std::string op = q->members[0].substr(8);
    std::string service;
    if (q->module == "@aws-sdk/lib-dynamodb") {
      if (op != "Query" && op != "Scan") return;
      service = "dynamodb";
    } else if (q->module.rfind("@aws-sdk/client-", 0) == 0) {
      service = iamPrefixForV3Package(string_view(q->module).substr(16));
    } else {
      return;
    }
    addSdkCall(s, "js-v3", service, op, false, s.node, namedChild(field(s.node, F::Arguments), 1));
  }

  // `new Upload({ client, params: { Bucket, Key, Body } })` from @aws-sdk/lib-storage: an S3 PutObject
  // (multipart uploads need the same s3:PutObject permission).
  void collectUpload(const Site& s) {
    auto q = qualifiedName(field(s.node, F::Constructor));
    if (!q || q->module != "@aws-sdk/lib-storage" || q->members != std::vector<std::string>{"Upload"}) return;
    TSNode options = objectLiteral(namedChild(field(s.node, F::Arguments), 0), s.func);
    TSNode params = isNull(options) ? TSNode{} : propertyValue(options, "params");
    // The upload runs when `.done()` is called: judge that promise.
    TSNode promise = s.node;
    TSNode p = parent(s.node);
    for (int i = 0; i < 8 && isTransparent(type(p)); ++i) p = parent(p);
    if (is(p, "member_expression") && text(field(p, F::Property)) == "done" && is(parent(p), "call_expression")) {
      promise = parent(p);
    } else {
      BindingSite b = bindingOf(s.node);
      for (const Site& c : calls_) {
        TSNode callee = calleeOf(c.node);
        if (!b.variable.empty() && is(callee, "member_expression") && text(field(callee, F::Property)) == "done" &&
            text(field(callee, F::Object)) == b.variable && isWithin(c.func, s.func)) {
          promise = c.node;
          break;
        }
      }
    }
    SdkCall call;
    call.sdk = "js-v3";
    call.service = "s3";
    call.operation = "PutObject";
    call.scope = scopeOf(s.func);
    call.awaited = same(promise, s.node) ? true : isAwaited(promise, s.func);
    call.range = tree_.range(s.node);
    if (!isNull(params)) call.resourceParams = resourceParams(params, s.func, "s3");
    facts_.sdkCalls.push_back(std::move(call));
  }

  // ----------------------------------------------------------------- env
  void collectEnvReads() {
    for (const EnvSite& s : envReadSites_) {
      auto name = envName(s.node);
      if (!name || name->empty()) continue;
      EnvRead r;
      r.name = std::move(*name);
      r.hasDefault = s.hasDefault;
      r.scope = scopeOf(s.func);
      r.range = tree_.range(s.node);
      facts_.envReads.push_back(std::move(r));
    }
    // const { NAME, OTHER = 'default', NAME2: alias, NAME3: alias3 = 'd' } = process.env
    for (const Site& s : declarators_) {
      TSNode pattern = field(s.node, F::Name);
      if (!is(pattern, "object_pattern") || !isProcessEnv(field(s.node, F::Value))) continue;
      Scope scope = scopeOf(s.func);
      uint32_t count = namedChildCount(pattern);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode p = namedChild(pattern, i);
        string_view t = type(p);
        EnvRead r;
        r.scope = scope;
        r.range = tree_.range(p);
        if (t == "shorthand_property_identifier_pattern") {
          r.name = text(p);
        } else if (t == "object_assignment_pattern") {
          r.name = text(field(p, F::Left));
          r.hasDefault = true;
        } else if (t == "pair_pattern") {
          r.name = keyName(field(p, F::Key));
          r.hasDefault = is(field(p, F::Value), "assignment_pattern");
        }
        if (!r.name.empty()) facts_.envReads.push_back(std::move(r));
      }
    }
  }

  // ----------------------------------------------------------------- catches
  bool insideRecordLoop(const CatchSite& site) const {
    for (TSNode iterable : site.iterables) {
      if (isRecordsExpr(iterable)) return true;
    }
    for (TSNode condition : site.conditions) {
      bool loop = false;
      scan(condition, [&](TSNode n) {
        if (is(n, "member_expression") && text(field(n, F::Property)) == "length" &&
            isRecordsExpr(field(n, F::Object))) {
          loop = true;
        }
        return !loop;
      });
      if (loop) return true;
    }
    // A callback of `event.Records.forEach/map(...)` is the loop body.
    TSNode callee = site.callbackCallee;
    return is(callee, "member_expression") && isIterationMethod(text(field(callee, F::Property))) &&
           isRecordsExpr(field(callee, F::Object));
  }

  bool pushesFailure(TSNode call) const {
    TSNode callee = calleeOf(call);
    if (!is(callee, "member_expression")) return false;
    string_view m = text(field(callee, F::Property));
    if (m != "push" && m != "unshift") return false;
    if (text(field(callee, F::Object)).ends_with("batchItemFailures")) return true;
    TSNode args = field(call, F::Arguments);
    uint32_t count = namedChildCount(args);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode a = unwrap(namedChild(args, i));
      if (!isNull(propertyValue(a, "itemIdentifier"))) return true;
    }
    return false;
  }

  void collectCatches() {
    for (const CatchSite& s : catches_) {
      CatchBlock c;
      c.range = tree_.range(s.node);
      c.scope = scopeOf(s.func);
      TSNode body = field(s.node, F::Body);
      scan(body, [&](TSNode n) {
        string_view t = type(n);
        if (t == "throw_statement") c.rethrows = true;
        return !isFunctionType(t);
      });
      scan(body, [&](TSNode n) {
        if (is(n, "call_expression") && pushesFailure(n)) c.recordsFailure = true;
        // Stream handlers may return at the first failure: `return { batchItemFailures: [{ itemIdentifier }] }`.
        if (is(n, "return_statement") && tree_.text(n).find("itemIdentifier") != string_view::npos) {
          c.recordsFailure = true;
        }
        return !c.recordsFailure && !isFunctionType(type(n));
      });
      c.insideRecordLoop = insideRecordLoop(s);
      facts_.catches.push_back(c);
    }
  }

  // ----------------------------------------------------- event.detail-type
  void collectHyphenatedAccesses() {
    for (const Site& s : subtractions_) {
      TSNode left = unwrap(field(s.node, F::Left));
      TSNode right = field(s.node, F::Right);
      if (!is(right, "identifier")) continue;
      if (!is(left, "member_expression") && !is(left, "subscript_expression")) continue;
      TSNode root = left;
      for (int i = 0; i < kMaxHops && (is(root, "member_expression") || is(root, "subscript_expression")); ++i) {
        root = unwrap(field(root, F::Object));
      }
      if (!is(root, "identifier")) continue;
      std::string rootName(text(root));
      if (!eventRoots_.count(rootName) && !recordVars_.count(rootName)) continue;
      std::string word(text(right));
      bool typical = word == "type" || word == "id" || word == "name";
      if (!typical && declared_.count(word)) continue;
      facts_.hyphenatedAccesses.push_back({std::string(text(s.node)), tree_.range(s.node)});
    }
  }

  // ------------------------------------------------------ batchItemFailures
  TSNode batchItemFailuresProperty(TSNode value, int func) const {
    TSNode object = objectLiteral(value, func);
    if (isNull(object)) return {};
    uint32_t count = namedChildCount(object);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = namedChild(object, i);
      if ((is(p, "pair") && keyName(field(p, F::Key)) == "batchItemFailures") ||
          (is(p, "shorthand_property_identifier") && text(p) == "batchItemFailures")) {
        return p;
      }
    }
    return {};
  }

  void collectBatchItemFailures() {
    if (handler_ == kModule) return;
    for (TSNode v : returnedValues(handler_)) {
      TSNode p = batchItemFailuresProperty(v, handler_);
      if (isNull(p)) continue;
      facts_.returnsBatchItemFailures = true;
      facts_.batchItemFailuresRange = tree_.range(p);
      return;
    }
  }

  void sortFacts() {
    auto byStart = [](const auto& a, const auto& b) { return a.range.begin.offset < b.range.begin.offset; };
    std::stable_sort(facts_.clients.begin(), facts_.clients.end(), byStart);
    std::stable_sort(facts_.sdkCalls.begin(), facts_.sdkCalls.end(), byStart);
    std::stable_sort(facts_.envReads.begin(), facts_.envReads.end(), byStart);
    std::stable_sort(facts_.imports.begin(), facts_.imports.end(), byStart);
    std::stable_sort(facts_.catches.begin(), facts_.catches.end(), byStart);
    std::stable_sort(facts_.hyphenatedAccesses.begin(), facts_.hyphenatedAccesses.end(), byStart);
  }

  const Grammar& grammar_;
  SyntaxTree tree_;
  std::string handlerName_;
  CodeFacts facts_;

  std::vector<Func> funcs_;
  std::unordered_map<const void*, int> funcByNode_;
  // Keys are views into the source text.
  std::unordered_map<string_view, std::vector<int>> plainFunctions_;
  std::unordered_map<string_view, std::vector<int>> methodFunctions_;
  std::vector<Site> calls_, news_, declarators_, importStatements_, exportStatements_, assignments_, subtractions_,
      returns_, forIns_;
  std::vector<CatchSite> catches_;
  std::vector<EnvSite> envReadSites_;
  std::unordered_set<string_view> declared_;
  std::unordered_map<string_view, std::unordered_map<int, Decl>> decls_;
  std::unordered_map<std::string, Binding> bindings_;
  std::unordered_map<std::string, ClientType> registry_;
  mutable std::unordered_map<const void*, std::optional<ClientType>> classified_;
  std::unordered_map<int, std::vector<TSNode>> returnsByFunc_;
  std::unordered_set<std::string> eventRoots_, recordsArrays_, recordVars_;
  std::vector<char> inHandler_, reachable_;
  int handler_ = kModule;
  bool usesSdkV2_ = false;
};

}  // namespace

CodeFacts extractJavaScript(const SourceFile& file, Language language, std::string_view handlerName,
                            const ParseBudget& budget) {
  // Faults stay local: an internal error loses this file's facts, not the run.
  try {
    return Extractor(file, language, handlerName, budget).run();
  } catch (const std::exception& e) {
    return notAnalysedFacts(file, language, handlerName,
                            std::string("handler file not analysed: internal error: ") + e.what());
  } catch (...) {
    return notAnalysedFacts(file, language, handlerName, "handler file not analysed: internal error");
  }
}

}  // namespace lambdalint::code
