// Python handler frontend (tree-sitter-python).
//
// Two passes over the syntax tree, both without recursion on the tree:
//  1. one TSTreeCursor walk records functions, classes, name bindings
//     (assignments, imports, loop variables, `with ... as`), calls, subscripts,
//     except clauses, loops and returns, each with its enclosing function;
//  2. the recorded calls and subscripts are judged with a small, bounded,
//     memoised evaluator that knows what a name holds: a module path
//     (`boto3.client`), a boto3 session / client / resource, a DynamoDB Table,
//     an S3 Bucket or Object, an SQS Queue, an SNS Topic, a paginator, a
//     database connection, a string literal, an environment variable or a
//     path into the handler's `event`.
// The evaluator recurses on expressions, but never deeper than kMaxDepth, so a
// 100,000-deep expression is cut short instead of overflowing the stack.
#include "code/python/python_frontend.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "code/tree_sitter/node.h"
#include "code/tree_sitter/not_analysed.h"
#include "code/tree_sitter/syntax_tree.h"
#include "code/tree_sitter/tree_cursor.h"
#include "iam/sdk_services.h"
#include "lambdalint_languages.h"

namespace lambdalint::code {
namespace {

constexpr int kMaxDepth = 40;         // expression / name-chain depth of the evaluator
constexpr size_t kMaxBindings = 32;   // bindings of one name looked at
constexpr size_t kMaxCallSites = 16;  // call sites looked at to type a parameter
constexpr size_t kMaxSubWalk = 4096;  // nodes looked at in an except clause or a condition

// ---------------------------------------------------------------------------
// Node kinds, by symbol (so the walk compares integers, not strings).

enum class K : uint8_t {
  Other,
  FunctionDef,
  Lambda,
  ClassDef,
  DecoratedDef,
  Decorator,
  If,
  Elif,
  For,
  ForIn,
  Assignment,
  AugAssignment,
  NamedExpr,
  Global,
  Nonlocal,
  Import,
  ImportFrom,
  WithItem,
  AsPattern,
  Call,
  Subscript,
  Except,
  ExceptGroup,
  Return,
  Raise,
  Identifier,
  Attribute,
  String,
  ConcatString,
  Interpolation,
  Paren,
  BoolOp,
  CondExpr,
  Await,
  None,
  Dictionary,
  Pair,
  List,
  Tuple,
  PatternList,
  TuplePattern,
  ListPattern,
  ExprList,
  ArgList,
  KwArg,
  ListSplat,
  DictSplat,
  Slice,
  Parameters,
  LambdaParams,
  TypedParam,
  DefaultParam,
  TypedDefaultParam,
  DottedName,
  AliasedImport,
  RelativeImport,
  WildcardImport,
  Delete,
};

enum class F : uint8_t {
  alias,
  arguments,
  attribute,
  body,
  condition,
  function,
  key,
  left,
  module_name,
  name,
  object,
  operator_,
  parameters,
  right,
  subscript,
  value,
  Count
};

struct Grammar {
  const TSLanguage* language = tree_sitter_python();
  std::vector<K> kinds;
  TSFieldId fields[static_cast<size_t>(F::Count)] = {};

  Grammar() {
    static const std::pair<const char*, K> names[] = {
        {"function_definition", K::FunctionDef},
        {"lambda", K::Lambda},
        {"class_definition", K::ClassDef},
        {"decorated_definition", K::DecoratedDef},
        {"decorator", K::Decorator},
        {"if_statement", K::If},
        {"elif_clause", K::Elif},
        {"for_statement", K::For},
        {"for_in_clause", K::ForIn},
        {"assignment", K::Assignment},
        {"augmented_assignment", K::AugAssignment},
        {"named_expression", K::NamedExpr},
        {"global_statement", K::Global},
        {"nonlocal_statement", K::Nonlocal},
        {"import_statement", K::Import},
        {"import_from_statement", K::ImportFrom},
        {"with_item", K::WithItem},
        {"as_pattern", K::AsPattern},
        {"call", K::Call},
        {"subscript", K::Subscript},
        {"except_clause", K::Except},
        {"except_group_clause", K::ExceptGroup},
        {"return_statement", K::Return},
        {"raise_statement", K::Raise},
        {"identifier", K::Identifier},
        {"attribute", K::Attribute},
        {"string", K::String},
        {"concatenated_string", K::ConcatString},
        {"interpolation", K::Interpolation},
        {"parenthesized_expression", K::Paren},
        {"boolean_operator", K::BoolOp},
        {"conditional_expression", K::CondExpr},
        {"await", K::Await},
        {"none", K::None},
        {"dictionary", K::Dictionary},
        {"pair", K::Pair},
        {"list", K::List},
        {"tuple", K::Tuple},
        {"pattern_list", K::PatternList},
        {"tuple_pattern", K::TuplePattern},
        {"list_pattern", K::ListPattern},
        {"expression_list", K::ExprList},
        {"argument_list", K::ArgList},
        {"keyword_argument", K::KwArg},
        {"list_splat", K::ListSplat},
        {"dictionary_splat", K::DictSplat},
        {"slice", K::Slice},
        {"parameters", K::Parameters},
        {"lambda_parameters", K::LambdaParams},
        {"typed_parameter", K::TypedParam},
        {"default_parameter", K::DefaultParam},
        {"typed_default_parameter", K::TypedDefaultParam},
        {"dotted_name", K::DottedName},
        {"aliased_import", K::AliasedImport},
        {"relative_import", K::RelativeImport},
        {"wildcard_import", K::WildcardImport},
        {"delete_statement", K::Delete},
    };
    static const char* const kFieldNames[] = {"alias",      "arguments", "attribute",   "body", "condition", "function",
                                              "key",        "left",      "module_name", "name", "object",    "operator",
                                              "parameters", "right",     "subscript",   "value"};
    for (size_t i = 0; i < static_cast<size_t>(F::Count); ++i) {
      fields[i] =
          ts_language_field_id_for_name(language, kFieldNames[i], static_cast<uint32_t>(std::strlen(kFieldNames[i])));
    }
    uint32_t count = ts_language_symbol_count(language);
    kinds.assign(count, K::Other);
    for (uint32_t s = 0; s < count; ++s) {
      if (ts_language_symbol_type(language, static_cast<TSSymbol>(s)) != TSSymbolTypeRegular) continue;
      const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(s));
      for (const auto& [n, k] : names) {
        if (std::strcmp(n, name) == 0) kinds[s] = k;
      }
    }
  }

  K kind(TSNode n) const {
    if (isNull(n)) return K::Other;
    TSSymbol s = symbol(n);
    return s < kinds.size() ? kinds[s] : K::Other;
  }
};

const Grammar& grammar() {
  static const Grammar g;
  return g;
}

K kindOf(TSNode n) { return grammar().kind(n); }

// A child by field, with the field id looked up once (ts_node_child_by_field_name compares strings).
TSNode fld(TSNode n, F f) { return fieldById(n, grammar().fields[static_cast<size_t>(f)]); }

bool sameNode(TSNode a, TSNode b) {
  return !isNull(a) && !isNull(b) && startByte(a) == startByte(b) && endByte(a) == endByte(b) && symbol(a) == symbol(b);
}

uint64_t nodeKey(TSNode n) { return (uint64_t{startByte(n)} << 32) | endByte(n); }

TSNode firstNamedChild(TSNode n) { return namedChildCount(n) > 0 ? namedChild(n, 0) : TSNode{}; }

// Named children, in order (uses a cursor: child(i) is linear in i).
std::vector<TSNode> namedChildren(TSNode n) {
  std::vector<TSNode> out;
  TreeCursor c(n);
  if (c.gotoFirstChild()) {
    do {
      TSNode child = c.node();
      if (isNamed(child)) out.push_back(child);
    } while (c.gotoNextSibling());
  }
  return out;
}

// Children with the given field name (import statements carry several `name`s).
std::vector<TSNode> fieldChildren(TSNode n, const char* fieldName) {
  std::vector<TSNode> out;
  TreeCursor c(n);
  if (c.gotoFirstChild()) {
    do {
      const char* f = c.fieldName();
      if (f && std::strcmp(f, fieldName) == 0) out.push_back(c.node());
    } while (c.gotoNextSibling());
  }
  return out;
}

// snake_case boto3 method → PascalCase API operation (list_objects_v2 → ListObjectsV2).
std::string pascal(std::string_view snake) {
  std::string out;
  out.reserve(snake.size());
  bool upper = true;
  for (char ch : snake) {
    if (ch == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper && ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch);
    upper = false;
  }
  return out;
}

// ---------------------------------------------------------------------------
// What the evaluator knows about a value.

enum class V : uint8_t {
  Unknown,
  None,      // Python `None`
  Literal,   // s = the string
  EnvVar,    // s = the variable name
  Event,     // s = the path under the handler's event ("" = the event itself)
  Module,    // s = a dotted path: "boto3", "boto3.client", "os.environ"
  Def,       // index = function
  ClassRef,  // index = class
  Instance,  // index = class
  Session,   // lib = "boto3" / "aioboto3"
  Client,    // s = IAM service prefix ("" when unknown), dynamic when unknown
  Resource,  // s = IAM service prefix
  Meta,      // resource.meta (s = service): `.client` gives the client
  Table,     // arg = the table name expression
  Bucket,    // arg = the bucket name expression
  BucketObjects,
  S3Object,   // arg = the bucket name expression
  Queue,      // arg = the queue URL expression (may be null)
  Topic,      // arg = the topic ARN expression
  Paginator,  // s = service, op = operation; origin = get_paginator call
  Database,   // s = library, kind = database / cache
};

struct Val {
  V k = V::Unknown;
  std::string s;
  std::string lib;
  std::string op;
  std::string kind;
  TSNode arg{};             // constructor argument naming the resource
  int argFn = -1;           // function whose scope `arg` is evaluated in
  int index = -1;           // function / class index
  TSNode origin{};          // the call that produced a paginator
  bool constructs = false;  // this very call creates the client / connection
  bool dynamic = false;     // service or operation not known statically
};

bool isObject(V k) { return k != V::Unknown && k != V::None && k != V::Literal && k != V::EnvVar && k != V::Event; }

bool sameVal(const Val& a, const Val& b) {
  if (a.k != b.k || a.s != b.s) return false;
  if (a.k == V::Def || a.k == V::ClassRef || a.k == V::Instance) return a.index == b.index;
  return true;
}

// ---------------------------------------------------------------------------
// Records of pass 1.

struct Fn {
  TSNode node{};
  TSNode nameNode{};
  std::string_view name;
  int parent = -1;  // enclosing function
  int cls = -1;     // class this function is a method of (directly in its body)
  int unit = -1;    // outermost enclosing function (itself when top level)
  bool lambda = false;
  bool isAsync = false;
  bool cached = false;  // @lru_cache / @cache / @cached_property
  std::vector<std::string_view> params;
  std::unordered_set<std::string_view> globals;
  std::unordered_set<std::string_view> nonlocals;
  std::vector<TSNode> returns;
  std::vector<TSNode> conditions;  // conditions of if / elif statements in this function
};

struct Cls {
  TSNode node{};
  std::string_view name;
  int fn = -1;
};

struct Expr {  // a call or a subscript
  TSNode node{};
  int fn = -1;
  bool isCall = false;
  bool written = false;    // target of an assignment / del (os.environ['X'] = ...)
  bool orDefault = false;  // left operand of `or`
  TSNode target{};         // assignment target the call's value goes to
  TSNode assigned{};       // the assignment's whole right side
};

struct Loop {
  TSNode left{};
  TSNode right{};
  int fn = -1;
  int parent = -1;
};

struct ExceptRec {
  TSNode node{};
  int fn = -1;
  int loop = -1;
};

struct PendingBind {
  TSNode target{};
  TSNode value{};
  int fn = -1;
  int cls = -1;
  bool classBody = false;
  bool loop = false;
};

struct Binding {
  enum Kind : uint8_t { Value, Import, LoopItem, Def, Class, Param, Opaque } kind = Opaque;
  TSNode node{};    // value expression, loop iterable, or the definition
  TSNode target{};  // the name as bound
  int fn = -1;      // scope the value is evaluated in
  int index = -1;   // function / class / parameter index
  std::string module;
};

using Names = std::unordered_map<std::string_view, std::vector<Binding>>;

struct ScopeName {
  long scope;
  std::string_view name;
  bool operator==(const ScopeName& o) const { return scope == o.scope && name == o.name; }
};
struct ScopeNameHash {
  size_t operator()(const ScopeName& k) const {
    return std::hash<std::string_view>()(k.name) ^ (static_cast<size_t>(k.scope) * 0x9E3779B97F4A7C15ULL);
  }
};

struct Memo {
  bool done = false;
  Val value;
};

bool startsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

std::string lowerNoUnderscore(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// ---------------------------------------------------------------------------

class Analyzer {
 public:
  Analyzer(const SourceFile& file, std::string_view handlerName, const ParseBudget& budget)
      : file_(file), tree_(file, grammar().language, budget), handlerName_(handlerName) {
    // `app.handler` (the template's Handler) names the symbol after the last dot
    size_t dot = handlerName_.rfind('.');
    if (dot != std::string_view::npos) handlerName_ = handlerName_.substr(dot + 1);
  }

  CodeFacts run();

 private:
  // pass 1
  void collect();
  void visit(TSNode n, uint32_t depth);
  void bindAll();
  void bindTarget(TSNode target, TSNode value, int fn, int cls, bool classBody, bool loop);
  void bindName(TSNode nameNode, Binding b, int fn, int cls, bool classBody);
  void bindImports(TSNode stmt, int fn, int cls, bool classBody);
  Names& namesFor(std::string_view name, int fn, int cls, bool classBody);
  std::vector<std::string_view> paramsOf(TSNode params);

  // handler and scopes
  void findHandler(CodeFacts& facts);
  int resolveFunctionExpr(TSNode e, int depth);
  void computeCallees();
  Scope scopeOf(int fn) const;

  // evaluator
  Val eval(TSNode e, int fn, int depth);
  Val evalName(std::string_view name, int fn, int depth);
  Val evalBindings(long scopeKey, std::string_view name, const std::vector<Binding>& bs, int depth);
  Val evalBinding(const Binding& b, int depth);
  Val evalParam(int fn, int index, int depth);
  Val evalClassAttr(int cls, std::string_view name, int depth);
  Val returnType(int fn, int depth);
  Val evalCall(TSNode call, int fn, int depth);
  Val evalCallUncached(TSNode call, int fn, int depth);
  Val moduleCall(const std::string& path, TSNode args, int fn, int depth);
  Val makeClient(V kind, std::string lib, TSNode args, int fn, int depth);
  Val combine(std::vector<Val>& vals);
  const std::vector<Binding>* lookup(std::string_view name, int fn, long& scopeKey);

  // facts
  void judgeCall(const Expr& e, CodeFacts& facts);
  void judgeSubscript(const Expr& e, CodeFacts& facts);
  void sdkCall(const Expr& e, const Val& recv, std::string_view method, CodeFacts& facts);
  void addParams(SdkCall& call, TSNode args, int fn, std::string_view service, std::string_view method);
  void addParam(SdkCall& call, std::string name, TSNode value, int fn);
  TracedValue trace(TSNode e, int fn);
  bool lazilyCached(const Expr& e);
  void judgeExcept(const ExceptRec& r, CodeFacts& facts);
  void judgeReturns(CodeFacts& facts);
  void collectImports(CodeFacts& facts);

  // helpers
  std::string_view text(TSNode n) const { return tree_.text(n); }
  Range range(TSNode n) const { return tree_.range(n); }
  bool literal(TSNode e, std::string& out) const;
  TSNode argAt(TSNode args, size_t position, std::string_view keyword) const;
  TSNode literalNode(TSNode e, int fn, K want);
  bool mentions(TSNode tree, std::string_view name) const;
  bool hasItemIdentifier(TSNode tree) const;
  int classOfSelf(int fn) const;

  const SourceFile& file_;
  SyntaxTree tree_;
  std::string_view handlerName_;

  std::vector<Fn> fns_;
  std::vector<Cls> classes_;
  std::vector<Expr> exprs_;
  std::vector<Loop> loops_;
  std::vector<ExceptRec> excepts_;
  std::vector<PendingBind> pending_;
  std::vector<TSNode> imports_;  // import statements, for the imports query
  std::unordered_map<uint64_t, int> fnByNode_;
  Names module_;
  std::vector<Names> fnNames_;
  std::vector<Names> classNames_;
  std::unordered_map<std::string_view, std::vector<size_t>> callSites_;  // callee name → call exprs

  struct Frame {
    uint32_t depth;
    int fn;
    int cls;
    bool classBody;
    int loop;
  };
  std::vector<Frame> frames_;
  std::vector<TSNode> path_;

  int handlerFn_ = -1;
  int handlerUnit_ = -1;
  int eventIndex_ = 0;
  std::vector<char> calleeUnit_;

  std::unordered_map<ScopeName, Memo, ScopeNameHash> memo_;
  std::unordered_map<int, Memo> returnMemo_;
  std::unordered_map<long, Memo> paramMemo_;
  std::unordered_map<uint64_t, Val> callMemo_;  // calls evaluated without hitting kMaxDepth
  bool depthHit_ = false;

  struct PendingPaginator {
    TSNode call;
    int fn;
    Val recv;
    std::string op;
    bool dynamic;
  };
  std::vector<PendingPaginator> paginators_;
  std::unordered_set<uint64_t> paginated_;
};

// ---------------------------------------------------------------------------
// Pass 1

void Analyzer::collect() {
  TSNode root = tree_.root();
  frames_.push_back({0, -1, -1, false, -1});
  path_.push_back(root);
  TreeCursor cur(root);
  uint32_t depth = 0;
  for (;;) {
    if (cur.gotoFirstChild()) {
      ++depth;
    } else {
      bool moved = false;
      while (!(moved = cur.gotoNextSibling())) {
        if (!cur.gotoParent()) break;
        --depth;
      }
      if (!moved) break;
    }
    while (frames_.size() > 1 && frames_.back().depth >= depth) frames_.pop_back();
    TSNode node = cur.node();
    path_.resize(depth);
    path_.push_back(node);
    if (isNamed(node)) visit(node, depth);
  }
  path_.clear();
  path_.shrink_to_fit();
}

std::vector<std::string_view> Analyzer::paramsOf(TSNode params) {
  std::vector<std::string_view> out;
  for (TSNode p : namedChildren(params)) {
    switch (kindOf(p)) {
      case K::Identifier:
        out.push_back(text(p));
        break;
      case K::TypedParam: {
        TSNode id = firstNamedChild(p);
        out.push_back(kindOf(id) == K::Identifier ? text(id) : std::string_view());
        break;
      }
      case K::DefaultParam:
      case K::TypedDefaultParam: {
        TSNode id = fld(p, F::name);
        out.push_back(kindOf(id) == K::Identifier ? text(id) : std::string_view());
        break;
      }
      default:
        break;  // *args, **kwargs, `/`, `*`: later positions are not matched
    }
  }
  return out;
}

Names& Analyzer::namesFor(std::string_view name, int fn, int cls, bool classBody) {
  if (classBody && cls >= 0) return classNames_[static_cast<size_t>(cls)];
  if (fn < 0) return module_;
  const Fn& f = fns_[static_cast<size_t>(fn)];
  if (f.globals.count(name)) return module_;
  if (f.nonlocals.count(name)) return f.parent >= 0 ? fnNames_[static_cast<size_t>(f.parent)] : module_;
  return fnNames_[static_cast<size_t>(fn)];
}

void Analyzer::bindName(TSNode nameNode, Binding b, int fn, int cls, bool classBody) {
  std::string_view name = text(nameNode);
  if (name.empty()) return;
  b.target = nameNode;
  namesFor(name, fn, cls, classBody)[name].push_back(std::move(b));
}

void Analyzer::visit(TSNode n, uint32_t depth) {
  const Frame top = frames_.back();
  switch (kindOf(n)) {
    case K::FunctionDef:
    case K::Lambda: {
      Fn f;
      f.node = n;
      f.lambda = kindOf(n) == K::Lambda;
      f.parent = top.fn;
      f.cls = top.classBody ? top.cls : -1;
      if (!f.lambda) {
        f.nameNode = fld(n, F::name);
        f.name = text(f.nameNode);
        TSNode first = child(n, 0);
        f.isAsync = type(first) == "async";
        f.params = paramsOf(fld(n, F::parameters));
        TSNode parent = depth > 0 ? path_[depth - 1] : TSNode{};
        if (kindOf(parent) == K::DecoratedDef) {
          for (TSNode d : namedChildren(parent)) {
            if (kindOf(d) != K::Decorator) continue;
            TSNode e = firstNamedChild(d);
            if (kindOf(e) == K::Call) e = fld(e, F::function);
            std::string_view t = text(e);
            size_t dot = t.rfind('.');
            std::string_view last = dot == std::string_view::npos ? t : t.substr(dot + 1);
            if (last == "lru_cache" || last == "cache" || last == "cached_property" || last == "cached")
              f.cached = true;
          }
        }
      } else {
        f.params = paramsOf(fld(n, F::parameters));
      }
      int index = static_cast<int>(fns_.size());
      fnByNode_[nodeKey(n)] = index;
      fns_.push_back(std::move(f));
      fnNames_.emplace_back();
      Fn& added = fns_.back();
      if (!added.lambda && !isNull(added.nameNode)) {
        Binding b;
        b.kind = Binding::Def;
        b.node = n;
        b.index = index;
        b.fn = top.fn;
        bindName(added.nameNode, std::move(b), top.fn, top.cls, top.classBody);
      }
      for (size_t i = 0; i < added.params.size(); ++i) {
        if (added.params[i].empty()) continue;
        Binding b;
        b.kind = Binding::Param;
        b.fn = index;
        b.index = static_cast<int>(i);
        fnNames_[static_cast<size_t>(index)][added.params[i]].push_back(std::move(b));
      }
      frames_.push_back({depth, index, top.cls, false, -1});
      return;
    }
    case K::ClassDef: {
      Cls c;
      c.node = n;
      TSNode nameNode = fld(n, F::name);
      c.name = text(nameNode);
      c.fn = top.fn;
      int index = static_cast<int>(classes_.size());
      classes_.push_back(c);
      classNames_.emplace_back();
      if (!isNull(nameNode)) {
        Binding b;
        b.kind = Binding::Class;
        b.node = n;
        b.index = index;
        b.fn = top.fn;
        bindName(nameNode, std::move(b), top.fn, top.cls, top.classBody);
      }
      frames_.push_back({depth, top.fn, index, true, -1});
      return;
    }
    case K::If:
    case K::Elif:
      if (top.fn >= 0) {
        TSNode cond = fld(n, F::condition);
        if (!isNull(cond)) fns_[static_cast<size_t>(top.fn)].conditions.push_back(cond);
      }
      return;
    case K::For: {
      Loop l;
      l.left = fld(n, F::left);
      l.right = fld(n, F::right);
      l.fn = top.fn;
      l.parent = top.loop;
      int index = static_cast<int>(loops_.size());
      loops_.push_back(l);
      pending_.push_back({l.left, l.right, top.fn, top.cls, top.classBody, true});
      frames_.push_back({depth, top.fn, top.cls, top.classBody, index});
      return;
    }
    case K::ForIn:
      pending_.push_back({fld(n, F::left), fld(n, F::right), top.fn, top.cls, top.classBody, true});
      return;
    case K::Assignment: {
      TSNode right = fld(n, F::right);
      while (kindOf(right) == K::Assignment) right = fld(right, F::right);  // a = b = value
      if (!isNull(right)) pending_.push_back({fld(n, F::left), right, top.fn, top.cls, top.classBody, false});
      return;
    }
    case K::NamedExpr:
      pending_.push_back({fld(n, F::name), fld(n, F::value), top.fn, top.cls, top.classBody, false});
      return;
    case K::WithItem: {
      TSNode value = fld(n, F::value);
      if (kindOf(value) == K::AsPattern) {
        TSNode alias = fld(value, F::alias);
        TSNode target = firstNamedChild(alias);
        if (!isNull(target))
          pending_.push_back({target, firstNamedChild(value), top.fn, top.cls, top.classBody, false});
      }
      return;
    }
    case K::Global:
    case K::Nonlocal:
      if (top.fn >= 0) {
        Fn& f = fns_[static_cast<size_t>(top.fn)];
        for (TSNode id : namedChildren(n)) {
          if (kindOf(id) != K::Identifier) continue;
          (kindOf(n) == K::Global ? f.globals : f.nonlocals).insert(text(id));
        }
      }
      return;
    case K::Import:
    case K::ImportFrom:
      imports_.push_back(n);
      bindImports(n, top.fn, top.cls, top.classBody);
      return;
    case K::Other:
      if (type(n) == "future_import_statement") imports_.push_back(n);
      return;
    case K::Call:
    case K::Subscript: {
      Expr e;
      e.node = n;
      e.fn = top.fn;
      e.isCall = kindOf(n) == K::Call;
      TSNode parent = depth > 0 ? path_[depth - 1] : TSNode{};
      K pk = kindOf(parent);
      if ((pk == K::Assignment || pk == K::AugAssignment) && sameNode(fld(parent, F::left), n)) e.written = true;
      if (pk == K::Delete) e.written = true;
      if (pk == K::BoolOp && sameNode(fld(parent, F::left), n) && text(fld(parent, F::operator_)) == "or") {
        e.orDefault = true;
      }
      if (e.isCall) {
        // The assignment this call's value flows to: through ( ), `x or call`, `await`, `a if c else b`.
        uint32_t d = depth;
        TSNode child = n;
        while (d > 0 && depth - d < 8) {
          TSNode up = path_[d - 1];
          K uk = kindOf(up);
          if (uk == K::Paren || uk == K::BoolOp || uk == K::Await || uk == K::CondExpr) {
            child = up;
            --d;
            continue;
          }
          if (uk == K::Assignment && sameNode(fld(up, F::right), child)) {
            e.target = fld(up, F::left);
            e.assigned = child;
          } else if (uk == K::NamedExpr && sameNode(fld(up, F::value), child)) {
            e.target = fld(up, F::name);
            e.assigned = child;
          } else if (uk == K::AsPattern && sameNode(firstNamedChild(up), child)) {
            e.target = firstNamedChild(fld(up, F::alias));  // with boto3.client('s3') as s3:
          }
          break;
        }
        TSNode function = fld(n, F::function);
        K fk = kindOf(function);
        std::string_view callee;
        if (fk == K::Identifier)
          callee = text(function);
        else if (fk == K::Attribute)
          callee = text(fld(function, F::attribute));
        if (!callee.empty()) callSites_[callee].push_back(exprs_.size());
      }
      exprs_.push_back(e);
      return;
    }
    case K::Except:
    case K::ExceptGroup:
      excepts_.push_back({n, top.fn, top.loop});
      return;
    case K::Return:
      if (top.fn >= 0) fns_[static_cast<size_t>(top.fn)].returns.push_back(n);
      return;
    default:
      return;
  }
}

void Analyzer::bindImports(TSNode stmt, int fn, int cls, bool classBody) {
  if (kindOf(stmt) == K::Import) {
    for (TSNode name : fieldChildren(stmt, "name")) {
      Binding b;
      b.kind = Binding::Import;
      b.fn = fn;
      if (kindOf(name) == K::DottedName) {
        // `import a.b` binds `a` to module a
        TSNode first = firstNamedChild(name);
        b.module = std::string(text(first));
        bindName(first, std::move(b), fn, cls, classBody);
      } else if (kindOf(name) == K::AliasedImport) {
        b.module = std::string(text(fld(name, F::name)));
        TSNode alias = fld(name, F::alias);
        if (!isNull(alias)) bindName(alias, std::move(b), fn, cls, classBody);
      }
    }
    return;
  }
  std::string module(text(fld(stmt, F::module_name)));
  for (TSNode name : fieldChildren(stmt, "name")) {
    Binding b;
    b.kind = Binding::Import;
    b.fn = fn;
    if (kindOf(name) == K::DottedName) {
      b.module = module + "." + std::string(text(name));
      bindName(name, std::move(b), fn, cls, classBody);
    } else if (kindOf(name) == K::AliasedImport) {
      b.module = module + "." + std::string(text(fld(name, F::name)));
      TSNode alias = fld(name, F::alias);
      if (!isNull(alias)) bindName(alias, std::move(b), fn, cls, classBody);
    }
  }
}

void Analyzer::bindAll() {
  for (const PendingBind& p : pending_) bindTarget(p.target, p.value, p.fn, p.cls, p.classBody, p.loop);
  pending_.clear();
}

int Analyzer::classOfSelf(int fn) const {
  // The class whose method (possibly through nested functions) contains `fn`.
  for (int f = fn; f >= 0; f = fns_[static_cast<size_t>(f)].parent) {
    if (fns_[static_cast<size_t>(f)].cls >= 0) return fns_[static_cast<size_t>(f)].cls;
  }
  return -1;
}

void Analyzer::bindTarget(TSNode target, TSNode value, int fn, int cls, bool classBody, bool loop) {
  K tk = kindOf(target);
  if (tk == K::Identifier) {
    Binding b;
    b.kind = loop ? Binding::LoopItem : Binding::Value;
    b.node = value;
    b.fn = fn;
    bindName(target, std::move(b), fn, cls, classBody);
    return;
  }
  if (tk == K::Attribute && !loop) {
    TSNode object = fld(target, F::object);
    std::string_view on = text(object);
    if (kindOf(object) == K::Identifier && (on == "self" || on == "cls")) {
      int c = classOfSelf(fn);
      if (c >= 0) {
        Binding b;
        b.kind = Binding::Value;
        b.node = value;
        b.fn = fn;
        TSNode attr = fld(target, F::attribute);
        b.target = attr;
        classNames_[static_cast<size_t>(c)][text(attr)].push_back(std::move(b));
      }
    }
    return;
  }
  if (tk == K::PatternList || tk == K::TuplePattern || tk == K::ListPattern || tk == K::Tuple || tk == K::List) {
    std::vector<TSNode> targets = namedChildren(target);
    if (loop && targets.size() == 2 && kindOf(value) == K::Call && text(fld(value, F::function)) == "enumerate") {
      // for i, record in enumerate(items)
      TSNode items = firstNamedChild(fld(value, F::arguments));
      bindTarget(targets[0], TSNode{}, fn, cls, classBody, false);
      if (!isNull(items)) bindTarget(targets[1], items, fn, cls, classBody, true);
      return;
    }
    std::vector<TSNode> values;
    K vk = kindOf(value);
    if (!loop && (vk == K::ExprList || vk == K::Tuple || vk == K::List)) values = namedChildren(value);
    for (size_t i = 0; i < targets.size(); ++i) {
      bindTarget(targets[i], values.size() == targets.size() ? values[i] : TSNode{}, fn, cls, classBody, false);
    }
  }
}

// ---------------------------------------------------------------------------
// The handler and the scopes

int Analyzer::resolveFunctionExpr(TSNode e, int depth) {
  if (depth > 8 || isNull(e)) return -1;
  switch (kindOf(e)) {
    case K::Paren:
      return resolveFunctionExpr(firstNamedChild(e), depth + 1);
    case K::Lambda: {
      auto it = fnByNode_.find(nodeKey(e));
      return it == fnByNode_.end() ? -1 : it->second;
    }
    case K::Identifier: {
      auto it = module_.find(text(e));
      if (it == module_.end()) return -1;
      for (auto b = it->second.rbegin(); b != it->second.rend(); ++b) {
        if (b->kind == Binding::Def) return b->index;
        if (b->kind == Binding::Value) return resolveFunctionExpr(b->node, depth + 1);
      }
      return -1;
    }
    case K::Call: {
      // handler = wrapper(impl), handler = decorator(options)(impl)
      TSNode first = firstNamedChild(fld(e, F::arguments));
      if (kindOf(first) == K::KwArg) first = TSNode{};
      int found = resolveFunctionExpr(first, depth + 1);
      if (found >= 0) return found;
      TSNode function = fld(e, F::function);
      return kindOf(function) == K::Call ? resolveFunctionExpr(function, depth + 1) : -1;
    }
    case K::Attribute: {
      // handler = Handler().handle: a method of that name in this file
      std::string_view name = text(fld(e, F::attribute));
      for (size_t i = 0; i < fns_.size(); ++i) {
        if (fns_[i].cls >= 0 && fns_[i].name == name) return static_cast<int>(i);
      }
      return -1;
    }
    default:
      return -1;
  }
}

void Analyzer::findHandler(CodeFacts& facts) {
  facts.handler.name = std::string(handlerName_);
  auto it = module_.find(handlerName_);
  if (it == module_.end()) return;
  // Python rebinds: the last module-level binding wins.
  const Binding* last = nullptr;
  for (const Binding& b : it->second) {
    if (b.kind != Binding::Def && b.kind != Binding::Value && b.kind != Binding::Import) continue;
    if (!last || startByte(b.target) >= startByte(last->target)) last = &b;
  }
  if (!last) return;
  facts.handler.found = true;
  facts.handler.nameRange = range(last->target);
  if (last->kind == Binding::Def) {
    handlerFn_ = last->index;
  } else if (last->kind == Binding::Value) {
    handlerFn_ = resolveFunctionExpr(last->node, 0);
    facts.handler.range = range(last->node);
  }
  if (handlerFn_ >= 0) {
    const Fn& f = fns_[static_cast<size_t>(handlerFn_)];
    handlerUnit_ = f.unit;
    facts.handler.range = range(f.node);
    facts.handler.isAsync = f.isAsync;
    if (last->kind == Binding::Def) facts.handler.nameRange = range(f.nameNode);
    eventIndex_ = (f.cls >= 0 && !f.params.empty() && (f.params[0] == "self" || f.params[0] == "cls")) ? 1 : 0;
  }
}

void Analyzer::computeCallees() {
  calleeUnit_.assign(fns_.size(), 0);
  if (handlerUnit_ < 0) return;
  std::vector<std::vector<size_t>> callsByUnit(fns_.size());
  for (size_t i = 0; i < exprs_.size(); ++i) {
    if (exprs_[i].isCall && exprs_[i].fn >= 0) {
      callsByUnit[static_cast<size_t>(fns_[static_cast<size_t>(exprs_[i].fn)].unit)].push_back(i);
    }
  }
  std::vector<int> queue{handlerUnit_};
  calleeUnit_[static_cast<size_t>(handlerUnit_)] = 1;
  auto reach = [&](const Val& v) {
    int target = -1;
    if (v.k == V::Def) {
      target = v.index;
    } else if (v.k == V::ClassRef) {
      Val init = evalClassAttr(v.index, "__init__", 1);
      if (init.k == V::Def) target = init.index;
    }
    if (target < 0) return;
    int unit = fns_[static_cast<size_t>(target)].unit;
    if (!calleeUnit_[static_cast<size_t>(unit)]) {
      calleeUnit_[static_cast<size_t>(unit)] = 1;
      queue.push_back(unit);
    }
  };
  while (!queue.empty()) {
    int unit = queue.back();
    queue.pop_back();
    for (size_t i : callsByUnit[static_cast<size_t>(unit)]) {
      const Expr& e = exprs_[i];
      TSNode function = fld(e.node, F::function);
      reach(eval(function, e.fn, 1));
      // functions passed along: executor.map(process, records), Thread(target=work)
      for (TSNode arg : namedChildren(fld(e.node, F::arguments))) {
        if (kindOf(arg) == K::KwArg) arg = fld(arg, F::value);
        if (kindOf(arg) == K::Identifier || kindOf(arg) == K::Attribute) reach(eval(arg, e.fn, 1));
      }
    }
  }
}

Scope Analyzer::scopeOf(int fn) const {
  if (fn < 0) return Scope::Module;
  int unit = fns_[static_cast<size_t>(fn)].unit;
  if (unit == handlerUnit_) return Scope::Handler;
  if (!calleeUnit_.empty() && calleeUnit_[static_cast<size_t>(unit)]) return Scope::HandlerCallee;
  return Scope::Other;
}

// ---------------------------------------------------------------------------
// Evaluator

bool Analyzer::literal(TSNode e, std::string& out) const {
  K k = kindOf(e);
  if (k == K::Paren) return literal(firstNamedChild(e), out);
  if (k == K::ConcatString) {
    std::string all;
    for (TSNode part : namedChildren(e)) {
      std::string piece;
      if (!literal(part, piece)) return false;
      all += piece;
    }
    out = std::move(all);
    return true;
  }
  if (k != K::String) return false;
  TSNode start{}, end{};
  for (TSNode c : namedChildren(e)) {
    std::string_view t = type(c);
    if (kindOf(c) == K::Interpolation) return false;
    if (t == "string_start") start = c;
    if (t == "string_end") end = c;
  }
  if (isNull(start) || isNull(end)) return false;
  std::string_view prefix = text(start);
  for (char c : prefix) {
    if (c == 'f' || c == 'F' || c == 'b' || c == 'B') return false;  // f-strings, bytes
  }
  uint32_t b = endByte(start), en = startByte(end);
  if (en < b) return false;
  out = std::string(file_.text().substr(b, en - b));
  return true;
}

TSNode Analyzer::argAt(TSNode args, size_t position, std::string_view keyword) const {
  size_t seen = 0;
  for (TSNode a : namedChildren(args)) {
    K k = kindOf(a);
    if (k == K::KwArg) {
      if (!keyword.empty() && text(fld(a, F::name)) == keyword) return fld(a, F::value);
      continue;
    }
    if (k == K::ListSplat || k == K::DictSplat) return TSNode{};
    if (isExtra(a)) continue;  // comments
    if (seen++ == position) return a;
  }
  return TSNode{};
}

const std::vector<Binding>* Analyzer::lookup(std::string_view name, int fn, long& scopeKey) {
  for (int f = fn; f >= 0;) {
    const Fn& info = fns_[static_cast<size_t>(f)];
    if (info.globals.count(name)) break;
    auto& names = fnNames_[static_cast<size_t>(f)];
    auto it = names.find(name);
    if (it != names.end() && !info.nonlocals.count(name)) {
      scopeKey = f + 1;
      return &it->second;
    }
    f = info.parent;
  }
  auto it = module_.find(name);
  if (it == module_.end()) return nullptr;
  scopeKey = 0;
  return &it->second;
}

Val Analyzer::combine(std::vector<Val>& vals) {
  Val best;
  bool sawUnknown = false;
  for (Val& v : vals) {
    if (v.k == V::None) continue;
    if (v.k == V::Unknown) {
      sawUnknown = true;
      continue;
    }
    if (best.k == V::Unknown) {
      best = std::move(v);
    } else if (!sameVal(best, v)) {
      if (isObject(best.k)) continue;  // first object binding wins (`x = None` ... `x = boto3.client()`)
      return Val{};
    }
  }
  if (sawUnknown && !isObject(best.k)) return Val{};  // a string that is sometimes something else
  best.constructs = false;
  return best;
}

Val Analyzer::evalBinding(const Binding& b, int depth) {
  switch (b.kind) {
    case Binding::Value:
      return isNull(b.node) ? Val{} : eval(b.node, b.fn, depth + 1);
    case Binding::Import: {
      Val v;
      v.k = V::Module;
      v.s = b.module;
      return v;
    }
    case Binding::LoopItem: {
      Val items = eval(b.node, b.fn, depth + 1);
      if (items.k != V::Event) return Val{};
      items.s += "[]";
      return items;
    }
    case Binding::Def: {
      Val v;
      v.k = V::Def;
      v.index = b.index;
      return v;
    }
    case Binding::Class: {
      Val v;
      v.k = V::ClassRef;
      v.index = b.index;
      return v;
    }
    case Binding::Param:
      return evalParam(b.fn, b.index, depth + 1);
    case Binding::Opaque:
      return Val{};
  }
  return Val{};
}

Val Analyzer::evalBindings(long scopeKey, std::string_view name, const std::vector<Binding>& bs, int depth) {
  ScopeName key{scopeKey, name};
  auto [it, inserted] = memo_.try_emplace(key);
  if (!inserted) return it->second.done ? it->second.value : Val{};  // in progress: a cycle
  std::vector<Val> vals;
  for (size_t i = 0; i < bs.size() && i < kMaxBindings; ++i) vals.push_back(evalBinding(bs[i], depth));
  Val result = combine(vals);
  Memo& m = memo_[key];
  m.done = true;
  m.value = result;
  return result;
}

Val Analyzer::evalName(std::string_view name, int fn, int depth) {
  long scopeKey = 0;
  const std::vector<Binding>* bs = lookup(name, fn, scopeKey);
  if (!bs) return Val{};
  return evalBindings(scopeKey, name, *bs, depth);
}

Val Analyzer::evalClassAttr(int cls, std::string_view name, int depth) {
  auto& names = classNames_[static_cast<size_t>(cls)];
  auto it = names.find(name);
  if (it == names.end()) return Val{};
  return evalBindings(-1 - cls, name, it->second, depth);
}

Val Analyzer::evalParam(int fn, int index, int depth) {
  const Fn& f = fns_[static_cast<size_t>(fn)];
  if (fn == handlerFn_) {
    if (index == eventIndex_) {
      Val v;
      v.k = V::Event;
      return v;
    }
    return Val{};
  }
  if (f.cls >= 0 && index == 0) {  // self / cls of a method
    std::string_view p = f.params[0];
    Val v;
    if (p == "self")
      v.k = V::Instance;
    else if (p == "cls")
      v.k = V::ClassRef;
    v.index = f.cls;
    if (v.k != V::Unknown) return v;
  }
  if (f.lambda || f.name.empty() || depth > kMaxDepth || index >= 1024) return Val{};
  long key = static_cast<long>(fn) * 1024 + index;
  auto [it, inserted] = paramMemo_.try_emplace(key);
  if (!inserted) return it->second.done ? it->second.value : Val{};
  // The arguments given at the call sites of this function in this file.
  std::vector<Val> vals;
  bool method = f.cls >= 0;
  size_t position = static_cast<size_t>(index) - (method ? 1 : 0);
  auto sites = callSites_.find(f.name);
  if (sites != callSites_.end() && (!method || index > 0)) {
    size_t looked = 0;
    for (size_t i : sites->second) {
      if (looked++ >= kMaxCallSites) break;
      const Expr& site = exprs_[i];
      TSNode function = fld(site.node, F::function);
      if ((kindOf(function) == K::Attribute) != method) continue;
      TSNode arg = argAt(fld(site.node, F::arguments), position, f.params[static_cast<size_t>(index)]);
      vals.push_back(isNull(arg) ? Val{} : eval(arg, site.fn, depth + 1));
    }
  }
  Val result = vals.empty() ? Val{} : combine(vals);
  Memo& m = paramMemo_[key];
  m.done = true;
  m.value = result;
  return result;
}

Val Analyzer::returnType(int fn, int depth) {
  auto [it, inserted] = returnMemo_.try_emplace(fn);
  if (!inserted) return it->second.done ? it->second.value : Val{};
  const Fn& f = fns_[static_cast<size_t>(fn)];
  std::vector<Val> vals;
  if (f.lambda) {
    vals.push_back(eval(fld(f.node, F::body), fn, depth + 1));
  } else {
    for (TSNode r : f.returns) {
      TSNode value = firstNamedChild(r);
      if (!isNull(value)) vals.push_back(eval(value, fn, depth + 1));
    }
  }
  Val result = combine(vals);
  Memo& m = returnMemo_[fn];
  m.done = true;
  m.value = result;
  return result;
}

Val Analyzer::eval(TSNode e, int fn, int depth) {
  if (depth > kMaxDepth) {
    depthHit_ = true;
    return Val{};
  }
  if (isNull(e)) return Val{};
  switch (kindOf(e)) {
    case K::Identifier:
      return evalName(text(e), fn, depth);
    case K::Paren:
    case K::Await:
      return eval(firstNamedChild(e), fn, depth + 1);
    case K::None: {
      Val v;
      v.k = V::None;
      return v;
    }
    case K::String:
    case K::ConcatString: {
      Val v;
      if (literal(e, v.s)) v.k = V::Literal;
      return v;
    }
    case K::Lambda: {
      auto it = fnByNode_.find(nodeKey(e));
      Val v;
      if (it != fnByNode_.end()) {
        v.k = V::Def;
        v.index = it->second;
      }
      return v;
    }
    case K::BoolOp: {
      Val left = eval(fld(e, F::left), fn, depth + 1);
      if (left.k != V::Unknown && left.k != V::None) return left;
      if (text(fld(e, F::operator_)) != "or") return Val{};
      return eval(fld(e, F::right), fn, depth + 1);
    }
    case K::CondExpr: {
      std::vector<TSNode> parts = namedChildren(e);  // body if condition else alternative
      if (parts.size() != 3) return Val{};
      std::vector<Val> vals{eval(parts[0], fn, depth + 1), eval(parts[2], fn, depth + 1)};
      return combine(vals);
    }
    case K::Attribute: {
      Val object = eval(fld(e, F::object), fn, depth + 1);
      std::string_view name = text(fld(e, F::attribute));
      switch (object.k) {
        case V::Module:
          object.s += ".";
          object.s += name;
          return object;
        case V::Instance:
        case V::ClassRef:
          return evalClassAttr(object.index, name, depth + 1);
        case V::Bucket:
          if (name == "objects") {
            object.k = V::BucketObjects;
            return object;
          }
          return Val{};
        default:
          break;
      }
      if ((object.k == V::Resource || object.k == V::Table) && name == "meta") {
        Val v;
        v.k = V::Meta;
        v.s = object.s.empty() ? std::string(object.k == V::Table ? "dynamodb" : "") : object.s;
        v.lib = object.lib;
        return v;
      }
      if (object.k == V::Meta && name == "client") {
        Val v;
        v.k = V::Client;
        v.s = object.s;
        v.lib = object.lib;
        v.dynamic = object.s.empty();
        return v;
      }
      return Val{};
    }
    case K::Subscript: {
      Val object = eval(fld(e, F::value), fn, depth + 1);
      TSNode index = fld(e, F::subscript);
      if (object.k == V::Module && object.s == "os.environ") {
        Val v;
        if (literal(index, v.s)) v.k = V::EnvVar;
        return v;
      }
      if (object.k == V::Event) {
        std::string key;
        if (literal(index, key)) {
          if (!object.s.empty()) object.s += ".";
          object.s += key;
        } else if (kindOf(index) != K::Slice) {
          object.s += "[]";
        }
        return object;
      }
      return Val{};
    }
    case K::Call:
      return evalCall(e, fn, depth);
    default:
      return Val{};
  }
}

Val Analyzer::makeClient(V kind, std::string lib, TSNode args, int fn, int depth) {
  Val v;
  v.k = kind;
  v.lib = std::move(lib);
  v.constructs = true;
  TSNode service = argAt(args, 0, "service_name");
  Val s = eval(service, fn, depth + 1);
  if (s.k == V::Literal) {
    v.s = iam::iamPrefixOfSdkService(s.s);
  } else {
    v.dynamic = true;
  }
  return v;
}

Val Analyzer::moduleCall(const std::string& path, TSNode args, int fn, int depth) {
  if (path == "boto3.client" || path == "boto3.session.client") return makeClient(V::Client, "boto3", args, fn, depth);
  if (path == "boto3.resource" || path == "boto3.session.resource")
    return makeClient(V::Resource, "boto3", args, fn, depth);
  if (path == "boto3.Session" || path == "boto3.session.Session" || path == "aioboto3.Session" ||
      path == "aioboto3.session.Session") {
    Val v;
    v.k = V::Session;
    v.lib = path.substr(0, path.find('.'));
    return v;
  }
  if (path == "os.getenv" || path == "os.environ.get" || path == "os.environ.setdefault") {
    Val v;
    if (literal(argAt(args, 0, "key"), v.s)) v.k = V::EnvVar;
    return v;
  }
  struct Db {
    const char* path;
    const char* library;
    const char* kind;
  };
  static const Db kDatabases[] = {
      {"psycopg2.connect", "psycopg2", "database"},
      {"psycopg2.pool.SimpleConnectionPool", "psycopg2", "database"},
      {"psycopg2.pool.ThreadedConnectionPool", "psycopg2", "database"},
      {"psycopg.connect", "psycopg", "database"},
      {"psycopg.Connection.connect", "psycopg", "database"},
      {"pymysql.connect", "pymysql", "database"},
      {"pymysql.Connect", "pymysql", "database"},
      {"pymysql.connections.Connection", "pymysql", "database"},
      {"mysql.connector.connect", "mysql.connector", "database"},
      {"pg8000.connect", "pg8000", "database"},
      {"pg8000.native.Connection", "pg8000", "database"},
      {"sqlalchemy.create_engine", "sqlalchemy", "database"},
      {"pymongo.MongoClient", "pymongo", "database"},
      {"redis.Redis", "redis", "cache"},
      {"redis.StrictRedis", "redis", "cache"},
      {"redis.from_url", "redis", "cache"},
      {"redis.Redis.from_url", "redis", "cache"},
      {"redis.StrictRedis.from_url", "redis", "cache"},
      {"redis.RedisCluster", "redis", "cache"},
      {"redis.cluster.RedisCluster", "redis", "cache"},
      {"redis.asyncio.Redis", "redis", "cache"},
      {"redis.asyncio.from_url", "redis", "cache"},
  };
  for (const Db& db : kDatabases) {
    if (path == db.path) {
      Val v;
      v.k = V::Database;
      v.s = db.library;
      v.lib = db.library;
      v.kind = db.kind;
      v.constructs = true;
      return v;
    }
  }
  return Val{};
}

Val Analyzer::evalCall(TSNode call, int fn, int depth) {
  if (depth > kMaxDepth) {
    depthHit_ = true;
    return Val{};
  }
  // Calls are judged innermost first, so a chain `a.b().c().d()` costs one step per call.
  uint64_t key = nodeKey(call);
  auto known = callMemo_.find(key);
  if (known != callMemo_.end()) return known->second;
  bool outerHit = depthHit_;
  depthHit_ = false;
  Val v = evalCallUncached(call, fn, depth);
  if (!depthHit_) callMemo_.emplace(key, v);
  depthHit_ = depthHit_ || outerHit;
  return v;
}

Val Analyzer::evalCallUncached(TSNode call, int fn, int depth) {
  TSNode function = fld(call, F::function);
  TSNode args = fld(call, F::arguments);
  if (kindOf(args) != K::ArgList) args = TSNode{};
  if (kindOf(function) == K::Attribute) {
    Val recv = eval(fld(function, F::object), fn, depth + 1);
    std::string_view m = text(fld(function, F::attribute));
    auto sub = [&](V kind, TSNode arg) {
      Val v;
      v.k = kind;
      v.s = recv.s;
      v.lib = recv.lib;
      v.arg = arg;
      v.argFn = fn;
      return v;
    };
    switch (recv.k) {
      case V::Module:
        return moduleCall(recv.s + "." + std::string(m), args, fn, depth);
      case V::Session:
        if (m == "client") return makeClient(V::Client, recv.lib, args, fn, depth);
        if (m == "resource") return makeClient(V::Resource, recv.lib, args, fn, depth);
        return Val{};
      case V::Resource:
        if (recv.s == "dynamodb" && m == "Table") return sub(V::Table, argAt(args, 0, "name"));
        if (recv.s == "s3" && m == "Bucket") return sub(V::Bucket, argAt(args, 0, "name"));
        if (recv.s == "s3" && m == "Object") return sub(V::S3Object, argAt(args, 0, "bucket_name"));
        if (recv.s == "sqs" && m == "Queue") return sub(V::Queue, argAt(args, 0, "url"));
        if (recv.s == "sqs" && m == "get_queue_by_name") return sub(V::Queue, TSNode{});
        if (recv.s == "sns" && m == "Topic") return sub(V::Topic, argAt(args, 0, "arn"));
        return Val{};
      case V::Bucket:
        if (m == "Object") {
          Val v = recv;
          v.k = V::S3Object;
          return v;
        }
        return Val{};
      case V::Client:
        if (m == "get_paginator") {
          Val v;
          v.k = V::Paginator;
          v.s = recv.s;
          v.lib = recv.lib;
          v.origin = call;
          v.dynamic = recv.dynamic;
          std::string op;
          if (literal(argAt(args, 0, "operation_name"), op))
            v.op = pascal(op);
          else
            v.dynamic = true;
          return v;
        }
        return Val{};
      case V::Event:
        if (m == "get") {
          std::string key;
          if (!literal(argAt(args, 0, ""), key)) return Val{};
          if (!recv.s.empty()) recv.s += ".";
          recv.s += key;
          return recv;
        }
        return Val{};
      case V::Instance:
      case V::ClassRef: {
        Val method = evalClassAttr(recv.index, m, depth + 1);
        if (method.k == V::Def) return returnType(method.index, depth + 1);
        return Val{};
      }
      default:
        return Val{};
    }
  }
  if (kindOf(function) == K::Identifier) {
    Val callee = evalName(text(function), fn, depth + 1);
    switch (callee.k) {
      case V::Module:
        return moduleCall(callee.s, args, fn, depth);
      case V::Def: {
        Val r = returnType(callee.index, depth + 1);
        r.constructs = false;
        return r;
      }
      case V::ClassRef: {
        Val v;
        v.k = V::Instance;
        v.index = callee.index;
        return v;
      }
      default:
        return Val{};
    }
  }
  return Val{};
}

// ---------------------------------------------------------------------------
// Facts

TracedValue Analyzer::trace(TSNode e, int fn) {
  TracedValue t;
  t.range = range(e);
  Val v = eval(e, fn, 0);
  switch (v.k) {
    case V::Literal:
      t.kind = TracedValue::Kind::Literal;
      t.text = v.s;
      break;
    case V::EnvVar:
      t.kind = TracedValue::Kind::EnvVar;
      t.text = v.s;
      break;
    case V::Event:
      t.kind = TracedValue::Kind::Event;
      t.text = v.s;
      break;
    default:
      t.kind = TracedValue::Kind::Unknown;
      break;
  }
  return t;
}

// The dictionary / list literal an expression is, or that a name is bound to once.
TSNode Analyzer::literalNode(TSNode e, int fn, K want) {
  for (int hop = 0; hop < 4 && !isNull(e); ++hop) {
    K k = kindOf(e);
    if (k == want) return e;
    if (k == K::Paren) {
      e = firstNamedChild(e);
      continue;
    }
    if (k != K::Identifier) break;
    long scopeKey = 0;
    const std::vector<Binding>* bs = lookup(text(e), fn, scopeKey);
    if (!bs || bs->size() != 1 || (*bs)[0].kind != Binding::Value) break;
    fn = (*bs)[0].fn;
    e = (*bs)[0].node;
  }
  return TSNode{};
}

void Analyzer::addParam(SdkCall& call, std::string name, TSNode value, int fn) {
  if (isNull(value)) return;
  call.resourceParams.emplace_back(std::move(name), trace(value, fn));
}

void Analyzer::addParams(SdkCall& call, TSNode args, int fn, std::string_view service, std::string_view method) {
  static const std::string_view kNames[] = {"Bucket",       "TableName",          "QueueUrl",     "TopicArn",
                                            "FunctionName", "StateMachineArn",    "EventBusName", "SecretId",
                                            "StreamName",   "DeliveryStreamName", "LogGroupName"};
  auto wanted = [&](std::string_view key) {
    if (key == "Name") return service == "ssm";
    return std::find(std::begin(kNames), std::end(kNames), key) != std::end(kNames);
  };
  auto fromDict = [&](TSNode dict, int dictFn) {
    for (TSNode pair : namedChildren(dict)) {
      if (kindOf(pair) != K::Pair) continue;
      std::string key;
      if (literal(fld(pair, F::key), key) && wanted(key)) addParam(call, key, fld(pair, F::value), dictFn);
    }
  };
  // s3 transfer methods take the bucket positionally
  if (service == "s3") {
    size_t position = std::string_view::npos;
    if (method == "upload_file" || method == "upload_fileobj" || method == "copy") position = 1;
    if (method == "download_file" || method == "download_fileobj") position = 0;
    if (position != std::string_view::npos) {
      TSNode bucket = argAt(args, position, "Bucket");
      if (!isNull(bucket)) addParam(call, "Bucket", bucket, fn);
      return;
    }
  }
  for (TSNode a : namedChildren(args)) {
    K k = kindOf(a);
    if (k == K::KwArg) {
      std::string key(text(fld(a, F::name)));
      TSNode value = fld(a, F::value);
      if (key == "Entries") {
        TSNode list = literalNode(value, fn, K::List);
        for (TSNode entry : namedChildren(list)) {
          TSNode dict = literalNode(entry, fn, K::Dictionary);
          if (!isNull(dict)) fromDict(dict, fn);
        }
      } else if (wanted(key)) {
        addParam(call, key, value, fn);
      }
    } else if (k == K::DictSplat) {
      TSNode dict = literalNode(firstNamedChild(a), fn, K::Dictionary);
      if (!isNull(dict)) fromDict(dict, fn);
    }
  }
}

void Analyzer::sdkCall(const Expr& e, const Val& recv, std::string_view method, CodeFacts& facts) {
  switch (recv.k) {
    case V::Client:
    case V::Paginator:
    case V::Resource:
    case V::Table:
    case V::Bucket:
    case V::BucketObjects:
    case V::S3Object:
    case V::Queue:
    case V::Topic:
      break;
    default:
      return;  // not an SDK object (most calls end here)
  }
  TSNode args = fld(e.node, F::arguments);
  if (kindOf(args) != K::ArgList) args = TSNode{};
  SdkCall call;
  call.sdk = "boto3";
  call.service = recv.s;
  call.scope = scopeOf(e.fn);
  call.awaited = true;
  call.range = range(e.node);
  call.dynamic = recv.dynamic;
  std::string ctorParam;  // the resource named when the resource object was made
  std::string op;
  auto pick = [&](std::initializer_list<std::pair<std::string_view, std::string_view>> table) {
    for (const auto& [m, o] : table) {
      if (m == method) {
        op = o;
        return;
      }
    }
  };
  switch (recv.k) {
    case V::Client: {
      static const std::string_view kNotOperations[] = {"get_waiter",
                                                        "can_paginate",
                                                        "close",
                                                        "generate_presigned_url",
                                                        "generate_presigned_post",
                                                        "generate_db_auth_token",
                                                        "get_paginator"};
      if (std::find(std::begin(kNotOperations), std::end(kNotOperations), method) != std::end(kNotOperations)) return;
      if (method.empty() || method[0] == '_') return;
      if (recv.s == "s3") {
        pick({{"upload_file", "PutObject"},
              {"upload_fileobj", "PutObject"},
              {"download_file", "GetObject"},
              {"download_fileobj", "GetObject"},
              {"copy", "CopyObject"}});
      }
      if (op.empty()) op = pascal(method);
      break;
    }
    case V::Paginator:
      if (method != "paginate") return;
      op = recv.op;
      paginated_.insert(nodeKey(recv.origin));
      break;
    case V::Resource:
      if (method.empty() || startsUpper(method) || method[0] == '_' || method == "get_available_subresources") return;
      op = method == "get_queue_by_name" ? "GetQueueUrl" : pascal(method);
      break;
    case V::Table:
      ctorParam = "TableName";
      call.service = "dynamodb";
      pick({{"put_item", "PutItem"},
            {"get_item", "GetItem"},
            {"query", "Query"},
            {"scan", "Scan"},
            {"update_item", "UpdateItem"},
            {"delete_item", "DeleteItem"},
            {"batch_writer", "BatchWriteItem"},
            {"delete", "DeleteTable"},
            {"update", "UpdateTable"},
            {"load", "DescribeTable"},
            {"reload", "DescribeTable"}});
      break;
    case V::Bucket:
      ctorParam = "Bucket";
      call.service = "s3";
      pick({{"put_object", "PutObject"},
            {"upload_file", "PutObject"},
            {"upload_fileobj", "PutObject"},
            {"download_file", "GetObject"},
            {"download_fileobj", "GetObject"},
            {"copy", "CopyObject"},
            {"delete_objects", "DeleteObjects"},
            {"create", "CreateBucket"},
            {"delete", "DeleteBucket"}});
      break;
    case V::BucketObjects:
      ctorParam = "Bucket";
      call.service = "s3";
      pick({{"all", "ListObjects"},
            {"filter", "ListObjects"},
            {"limit", "ListObjects"},
            {"page_size", "ListObjects"},
            {"delete", "DeleteObjects"}});
      break;
    case V::S3Object:
      ctorParam = "Bucket";
      call.service = "s3";
      pick({{"get", "GetObject"},
            {"put", "PutObject"},
            {"delete", "DeleteObject"},
            {"upload_file", "PutObject"},
            {"upload_fileobj", "PutObject"},
            {"download_file", "GetObject"},
            {"download_fileobj", "GetObject"},
            {"copy_from", "CopyObject"},
            {"copy", "CopyObject"},
            {"load", "HeadObject"},
            {"reload", "HeadObject"}});
      break;
    case V::Queue:
      ctorParam = "QueueUrl";
      call.service = "sqs";
      pick({{"send_message", "SendMessage"},
            {"send_messages", "SendMessageBatch"},
            {"receive_messages", "ReceiveMessage"},
            {"delete_messages", "DeleteMessageBatch"},
            {"change_message_visibility_batch", "ChangeMessageVisibilityBatch"},
            {"purge", "PurgeQueue"},
            {"delete", "DeleteQueue"},
            {"set_attributes", "SetQueueAttributes"},
            {"load", "GetQueueAttributes"},
            {"reload", "GetQueueAttributes"}});
      break;
    case V::Topic:
      ctorParam = "TopicArn";
      call.service = "sns";
      pick({{"publish", "Publish"},
            {"subscribe", "Subscribe"},
            {"delete", "DeleteTopic"},
            {"set_attributes", "SetTopicAttributes"}});
      break;
    default:
      return;
  }
  if (op.empty() && !recv.dynamic) return;
  call.operation = op;
  if (call.operation.empty()) call.dynamic = true;
  if (!ctorParam.empty() && !isNull(recv.arg)) addParam(call, ctorParam, recv.arg, recv.argFn);
  addParams(call, args, e.fn, call.service, recv.k == V::Client ? method : std::string_view());
  if (call.dynamic) facts.complete = false;
  facts.sdkCalls.push_back(std::move(call));
}

bool Analyzer::mentions(TSNode tree, std::string_view name) const {
  std::vector<TSNode> stack{tree};
  size_t seen = 0;
  while (!stack.empty() && seen++ < kMaxSubWalk) {
    TSNode n = stack.back();
    stack.pop_back();
    if (kindOf(n) == K::Identifier && text(n) == name) return true;
    for (TSNode c : namedChildren(n)) stack.push_back(c);
  }
  return false;
}

bool Analyzer::lazilyCached(const Expr& e) {
  if (e.fn < 0) return false;
  for (int f = e.fn; f >= 0; f = fns_[static_cast<size_t>(f)].parent) {
    if (fns_[static_cast<size_t>(f)].cached) return true;  // @lru_cache factory
  }
  TSNode target = e.target;
  if (isNull(target)) return false;
  const Fn& f = fns_[static_cast<size_t>(e.fn)];
  std::string_view cacheName;
  if (kindOf(target) == K::Identifier) {
    std::string_view name = text(target);
    if (!f.globals.count(name) && !f.nonlocals.count(name)) return false;
    cacheName = name;
  } else if (kindOf(target) == K::Subscript || kindOf(target) == K::Attribute) {
    // _clients[name] = boto3.client(name) with a module-level dict
    TSNode object = fld(target, kindOf(target) == K::Subscript ? F::value : F::object);
    if (kindOf(object) != K::Identifier) return false;
    std::string_view name = text(object);
    long scopeKey = 0;
    if (!lookup(name, e.fn, scopeKey) || scopeKey != 0) return false;
    cacheName = name;
  } else {
    return false;
  }
  // `x = x or boto3.client(...)`
  if (kindOf(e.assigned) == K::BoolOp && text(fld(e.assigned, F::left)) == cacheName) return true;
  for (TSNode cond : f.conditions) {
    if (mentions(cond, cacheName)) return true;  // if _client is None: ... / if not _client: return _client
  }
  return false;
}

void Analyzer::judgeCall(const Expr& e, CodeFacts& facts) {
  TSNode function = fld(e.node, F::function);
  TSNode args = fld(e.node, F::arguments);
  if (kindOf(args) != K::ArgList) args = TSNode{};
  K fk = kindOf(function);

  // Construction: boto3.client('s3'), Session().resource(...), psycopg2.connect(...)
  Val made = evalCall(e.node, e.fn, 0);
  if (made.constructs) {
    ClientConstruction c;
    c.library = made.lib;
    c.service = made.s;
    c.kind = made.k == V::Database ? made.kind : "aws-sdk";
    if (!isNull(e.target)) c.variable = std::string(text(e.target).substr(0, 200));
    c.scope = scopeOf(e.fn);
    c.lazilyCached = lazilyCached(e);
    c.range = range(e.node);
    if (made.dynamic) facts.complete = false;
    facts.clients.push_back(std::move(c));
  }
  if (made.k == V::EnvVar) {
    // os.getenv('X'), os.environ.get('X', 'y'), environ.setdefault('X', 'y')
    Val callee = eval(function, e.fn, 0);
    if (callee.k == V::Module &&
        (callee.s == "os.getenv" || callee.s == "os.environ.get" || callee.s == "os.environ.setdefault")) {
      EnvRead r;
      r.name = made.s;
      // os.getenv('X', 'y'), os.getenv('X', default='y'); a default of None is no default
      TSNode fallback = argAt(args, 1, "default");
      r.hasDefault = (!isNull(fallback) && kindOf(fallback) != K::None) || e.orDefault;
      r.scope = scopeOf(e.fn);
      r.range = range(e.node);
      facts.envReads.push_back(std::move(r));
    }
  }

  if (fk == K::Attribute) {
    Val recv = eval(fld(function, F::object), e.fn, 0);
    std::string_view method = text(fld(function, F::attribute));
    if (recv.k == V::Client && method == "get_paginator") {
      Val p = evalCall(e.node, e.fn, 0);
      paginators_.push_back({e.node, e.fn, recv, p.op, p.dynamic});
      return;
    }
    sdkCall(e, recv, method, facts);
    return;
  }
  // getattr(client, name)(...) is judged at the getattr call.
  if (fk == K::Identifier && text(function) == "getattr") {
    long scopeKey = 0;
    if (lookup("getattr", e.fn, scopeKey)) return;  // shadowed builtin
    Val recv = eval(argAt(args, 0, ""), e.fn, 0);
    if (!isObject(recv.k) || recv.k == V::Module || recv.k == V::Def || recv.k == V::ClassRef ||
        recv.k == V::Instance || recv.k == V::Database || recv.k == V::Session) {
      return;
    }
    std::string name;
    if (literal(argAt(args, 1, ""), name)) {
      // getattr(s3, 'put_object')(...): an ordinary call when called right away
      return;
    }
    SdkCall call;
    call.sdk = "boto3";
    call.service = recv.k == V::Client || recv.k == V::Resource ? recv.s : std::string();
    if (call.service.empty()) {
      switch (recv.k) {
        case V::Table:
          call.service = "dynamodb";
          break;
        case V::Bucket:
        case V::S3Object:
        case V::BucketObjects:
          call.service = "s3";
          break;
        case V::Queue:
          call.service = "sqs";
          break;
        case V::Topic:
          call.service = "sns";
          break;
        default:
          break;
      }
    }
    call.dynamic = true;
    call.scope = scopeOf(e.fn);
    call.range = range(e.node);
    facts.complete = false;
    facts.sdkCalls.push_back(std::move(call));
    return;
  }
  // getattr(s3, 'put_object')(Bucket=...)
  if (fk == K::Call) {
    TSNode inner = fld(function, F::function);
    TSNode innerArgs = fld(function, F::arguments);
    std::string name;
    long scopeKey = 0;
    if (kindOf(inner) == K::Identifier && text(inner) == "getattr" && !lookup("getattr", e.fn, scopeKey) &&
        literal(argAt(innerArgs, 1, ""), name)) {
      Val recv = eval(argAt(innerArgs, 0, ""), e.fn, 0);
      sdkCall(e, recv, name, facts);
    }
  }
}

void Analyzer::judgeSubscript(const Expr& e, CodeFacts& facts) {
  if (e.written) return;
  // Only `os.environ[...]` / `environ[...]` / `env[...]` can be environment reads.
  K vk = kindOf(fld(e.node, F::value));
  if (vk != K::Identifier && vk != K::Attribute) return;
  Val v = eval(e.node, e.fn, 0);
  if (v.k != V::EnvVar) return;
  EnvRead r;
  r.name = v.s;
  r.hasDefault = false;  // os.environ['X'] raises when X is missing, `or` or not
  r.scope = scopeOf(e.fn);
  r.range = range(e.node);
  facts.envReads.push_back(std::move(r));
}

bool Analyzer::hasItemIdentifier(TSNode tree) const {
  std::vector<TSNode> stack{tree};
  size_t seen = 0;
  while (!stack.empty() && seen++ < kMaxSubWalk) {
    TSNode n = stack.back();
    stack.pop_back();
    K k = kindOf(n);
    std::string key;
    if (k == K::Pair && literal(fld(n, F::key), key) && key == "itemIdentifier") return true;
    if (k == K::KwArg && text(fld(n, F::name)) == "itemIdentifier") return true;
    for (TSNode c : namedChildren(n)) stack.push_back(c);
  }
  return false;
}

void Analyzer::judgeExcept(const ExceptRec& r, CodeFacts& facts) {
  CatchBlock c;
  c.range = range(r.node);
  c.scope = scopeOf(r.fn);
  std::vector<TSNode> stack;
  for (TSNode child : namedChildren(r.node)) stack.push_back(child);
  size_t seen = 0;
  while (!stack.empty() && seen++ < kMaxSubWalk * 4) {
    TSNode n = stack.back();
    stack.pop_back();
    K k = kindOf(n);
    if (k == K::FunctionDef || k == K::Lambda || k == K::ClassDef) continue;  // runs later, if at all
    if (k == K::Raise) c.rethrows = true;
    if (k == K::Call) {
      TSNode function = fld(n, F::function);
      if (kindOf(function) == K::Attribute) {
        std::string_view m = text(fld(function, F::attribute));
        if (m == "append" || m == "extend" || m == "insert" || m == "add") {
          TSNode object = fld(function, F::object);
          std::string_view receiver = text(object);
          size_t dot = receiver.rfind('.');
          if (dot != std::string_view::npos) receiver = receiver.substr(dot + 1);
          if (lowerNoUnderscore(receiver) == "batchitemfailures" || hasItemIdentifier(fld(n, F::arguments))) {
            c.recordsFailure = true;
          }
        }
      }
    }
    if (k == K::AugAssignment && hasItemIdentifier(fld(n, F::right))) c.recordsFailure = true;
    // Stream handlers may return at the first failure: `return {"batchItemFailures": [{"itemIdentifier": ...}]}`.
    if (k == K::Return && hasItemIdentifier(n)) c.recordsFailure = true;
    for (TSNode child : namedChildren(n)) stack.push_back(child);
  }
  for (int l = r.loop; l >= 0; l = loops_[static_cast<size_t>(l)].parent) {
    const Loop& loop = loops_[static_cast<size_t>(l)];
    if (loop.fn != r.fn) break;
    TSNode items = loop.right;
    if (kindOf(items) == K::Call && text(fld(items, F::function)) == "enumerate") {
      items = firstNamedChild(fld(items, F::arguments));
    }
    Val v = eval(items, loop.fn, 0);
    if (v.k == V::Event && v.s == "Records") {
      c.insideRecordLoop = true;
      break;
    }
  }
  facts.catches.push_back(c);
}

void Analyzer::judgeReturns(CodeFacts& facts) {
  if (handlerFn_ < 0) return;
  const Fn& f = fns_[static_cast<size_t>(handlerFn_)];
  std::vector<TSNode> values;
  if (f.lambda) values.push_back(fld(f.node, F::body));
  for (TSNode r : f.returns) values.push_back(firstNamedChild(r));
  for (TSNode value : values) {
    for (int hop = 0; hop < 4 && !isNull(value); ++hop) {
      K k = kindOf(value);
      if (k == K::Paren) {
        value = firstNamedChild(value);
        continue;
      }
      if (k == K::Dictionary) {
        for (TSNode pair : namedChildren(value)) {
          std::string key;
          if (kindOf(pair) == K::Pair && literal(fld(pair, F::key), key) && key == "batchItemFailures") {
            facts.returnsBatchItemFailures = true;
            facts.batchItemFailuresRange = range(value);
            return;
          }
        }
        break;
      }
      if (k == K::Call) {
        // dict(batchItemFailures=...), Powertools process_partial_response(...)
        TSNode function = fld(value, F::function);
        std::string_view name = text(kindOf(function) == K::Attribute ? fld(function, F::attribute) : function);
        bool isDict = name == "dict";
        if (name == "process_partial_response" ||
            (isDict && !isNull(argAt(fld(value, F::arguments), 99, "batchItemFailures")))) {
          facts.returnsBatchItemFailures = true;
          facts.batchItemFailuresRange = range(value);
          return;
        }
        break;
      }
      if (k == K::Identifier) {
        value = literalNode(value, handlerFn_, K::Dictionary);
        continue;
      }
      break;
    }
  }
}

void Analyzer::collectImports(CodeFacts& facts) {
  static const QueryPtr query = compileQuery(grammar().language, "python-imports");
  QueryCursorPtr cursor(ts_query_cursor_new());
  // The walk found the statements: run the query on each rather than on the whole tree.
  for (TSNode statementNode : imports_) {
    ts_query_cursor_exec(cursor.get(), query.get(), statementNode);
    TSQueryMatch match;
    while (ts_query_cursor_next_match(cursor.get(), &match)) {
      Import imp;
      TSNode statement{};
      for (uint16_t i = 0; i < match.capture_count; ++i) {
        uint32_t length = 0;
        const char* captureName = ts_query_capture_name_for_id(query.get(), match.captures[i].index, &length);
        std::string_view name(captureName, length);
        if (name == "module") imp.module = std::string(text(match.captures[i].node));
        if (name == "statement") statement = match.captures[i].node;
        if (name == "future") {
          statement = match.captures[i].node;
          imp.module = "__future__";
        }
      }
      if (isNull(statement) || imp.module.empty()) continue;
      imp.range = range(statement);
      facts.imports.push_back(std::move(imp));
    }
  }
}

CodeFacts Analyzer::run() {
  if (tree_.exceededBudget()) {
    return notAnalysedFacts(file_, Language::Python, handlerName_,
                            "handler file not analysed: parsing exceeded its budget");
  }
  CodeFacts facts;
  facts.path = file_.path();
  facts.language = Language::Python;
  facts.problems = tree_.syntaxErrors();

  collect();
  bindAll();
  // Functions are recorded in pre-order: a parent always precedes its children.
  for (size_t i = 0; i < fns_.size(); ++i) {
    int parent = fns_[i].parent;
    fns_[i].unit = parent < 0 ? static_cast<int>(i) : fns_[static_cast<size_t>(parent)].unit;
  }
  findHandler(facts);
  // The evaluator's answers about parameters depend on which function is the handler.
  memo_.clear();
  paramMemo_.clear();
  returnMemo_.clear();
  callMemo_.clear();
  computeCallees();
  collectImports(facts);
  // Innermost first (reverse pre-order): a receiver is judged before the call on it.
  for (auto e = exprs_.rbegin(); e != exprs_.rend(); ++e) {
    if (e->isCall)
      judgeCall(*e, facts);
    else
      judgeSubscript(*e, facts);
  }
  for (const PendingPaginator& p : paginators_) {
    // A paginator never `.paginate()`d here still names its operation.
    if (paginated_.count(nodeKey(p.call))) continue;
    SdkCall call;
    call.sdk = "boto3";
    call.service = p.recv.s;
    call.operation = p.op;
    call.dynamic = p.dynamic;
    call.scope = scopeOf(p.fn);
    call.range = range(p.call);
    if (p.dynamic) facts.complete = false;
    facts.sdkCalls.push_back(std::move(call));
  }
  for (const ExceptRec& r : excepts_) judgeExcept(r, facts);
  judgeReturns(facts);

  auto byOffset = [](const auto& a, const auto& b) { return a.range.begin.offset < b.range.begin.offset; };
  std::stable_sort(facts.clients.begin(), facts.clients.end(), byOffset);
  std::stable_sort(facts.sdkCalls.begin(), facts.sdkCalls.end(), byOffset);
  std::stable_sort(facts.envReads.begin(), facts.envReads.end(), byOffset);
  std::stable_sort(facts.imports.begin(), facts.imports.end(), byOffset);
  std::stable_sort(facts.catches.begin(), facts.catches.end(), byOffset);
  return facts;
}

}  // namespace

CodeFacts extractPython(const SourceFile& file, std::string_view handlerName, const ParseBudget& budget) {
  // Faults stay local: an internal error loses this file's facts, not the run.
  try {
    Analyzer analyzer(file, handlerName, budget);
    return analyzer.run();
  } catch (const std::exception& e) {
    return notAnalysedFacts(file, Language::Python, handlerName,
                            std::string("handler file not analysed: internal error: ") + e.what());
  } catch (...) {
    return notAnalysedFacts(file, Language::Python, handlerName, "handler file not analysed: internal error");
  }
}

}  // namespace lambdalint::code
