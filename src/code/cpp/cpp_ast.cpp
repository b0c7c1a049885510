// The Clang half of the C++ frontend: parses one translation unit with Clang
// LibTooling 14 and turns what the AST matchers find into CodeFacts. Every AST
// matcher of lambdalint lives in this file (each translation unit using them
// costs 20-30 s and ~0.9 GB to compile).
//
// LLVM is built without exceptions: nothing here throws through a Clang
// callback (MatchCallback, PPCallbacks, DiagnosticConsumer, ASTConsumer).
#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Basic/DiagnosticLex.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Lex/HeaderSearchOptions.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "code/cpp/big_stack.h"
#include "code/cpp/compile_flags.h"
#include "code/cpp/cpp_frontend.h"
#include "code/cpp/sandboxed_file_system.h"
#include "util/read_file.h"

#ifndef LAMBDALINT_CLANG_RESOURCE_DIR
#define LAMBDALINT_CLANG_RESOURCE_DIR ""
#endif

namespace lambdalint::code {
namespace {

namespace fs = std::filesystem;
using namespace clang;
using namespace clang::ast_matchers;

// The in-memory folder of the stand-in headers (no such folder is ever created on disk).
constexpr const char* kStubDir = "/lambdalint-stubs";
// The parser's thread: a large stack (reserved, touched only as deep as the input nests), of which the
// NestingGuard leaves the last part unused so that unwinding and the AST matchers have room.
constexpr size_t kParseStackBytes = size_t{256} << 20;
constexpr size_t kParseStackReserve = size_t{64} << 20;

// ---------------------------------------------------------------------------
// Positions: clang locations to the SourceFile's byte offsets, lines and code-point columns.

struct Locator {
  const SourceManager& sm;
  const SourceFile& file;

  std::optional<size_t> offset(SourceLocation loc) const {
    if (loc.isInvalid()) return std::nullopt;
    loc = sm.getExpansionLoc(loc);
    if (!sm.isWrittenInMainFile(loc)) return std::nullopt;
    size_t at = sm.getFileOffset(loc);
    if (at > file.text().size()) return std::nullopt;
    return at;
  }
  Range range(SourceRange r) const {
    auto b = offset(r.getBegin());
    auto e = offset(r.getEnd());
    if (!b) return {};
    size_t end = *b;
    if (e) end = *e + Lexer::MeasureTokenLength(sm.getExpansionLoc(r.getEnd()), sm, LangOptions());
    end = std::min(std::max(end, *b), file.text().size());
    return {file.positionAt(*b), file.positionAt(end)};
  }
  bool inMainFile(SourceLocation loc) const { return offset(loc).has_value(); }
};

// ---------------------------------------------------------------------------
// Expressions seen through the conversions that clang makes explicit.

const Expr* strip(const Expr* e) {
  for (int guard = 0; e && guard < 32; ++guard) {
    e = e->IgnoreParenImpCasts();
    if (const auto* m = dyn_cast<MaterializeTemporaryExpr>(e)) {
      e = m->getSubExpr();
      continue;
    }
    if (const auto* b = dyn_cast<CXXBindTemporaryExpr>(e)) {
      e = b->getSubExpr();
      continue;
    }
    if (const auto* c = dyn_cast<ExprWithCleanups>(e)) {
      e = c->getSubExpr();
      continue;
    }
    if (const auto* f = dyn_cast<CXXFunctionalCastExpr>(e)) {
      e = f->getSubExpr();
      continue;
    }
    if (const auto* s = dyn_cast<CXXStaticCastExpr>(e)) {
      e = s->getSubExpr();
      continue;
    }
    if (const auto* k = dyn_cast<CXXConstructExpr>(e); k && !isa<CXXTemporaryObjectExpr>(e) && k->getNumArgs() >= 1) {
      e = k->getArg(0);
      continue;
    }
    if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e)) {  // `s.c_str()`, `s.data()`
      if (const auto* md = mc->getMethodDecl();
          md && md->getIdentifier() && (md->getName() == "c_str" || md->getName() == "data")) {
        e = mc->getImplicitObjectArgument();
        continue;
      }
    }
    break;
  }
  return e;
}

// `Aws::<Ns>::<X>Client` -> "<Ns>", else empty.
std::string clientNamespace(const CXXRecordDecl* rd) {
  if (!rd || !rd->getIdentifier()) return {};
  llvm::StringRef name = rd->getName();
  if (!name.endswith("Client") || name == "Client") return {};
  const auto* ns = dyn_cast<NamespaceDecl>(rd->getDeclContext());
  if (!ns || !ns->getIdentifier()) return {};
  const auto* aws = dyn_cast<NamespaceDecl>(ns->getDeclContext());
  if (!aws || !aws->getIdentifier() || aws->getName() != "Aws") return {};
  if (!aws->getDeclContext()->getRedeclContext()->isTranslationUnit()) return {};
  std::string n = ns->getName().str();
  if (n == "Client" || n == "Utils" || n == "Http" || n == "Auth" || n == "Crt") return {};
  return n;
}

const CXXRecordDecl* recordOf(QualType t) {
  if (t.isNull()) return nullptr;
  if (const auto* rd = t->getAsCXXRecordDecl()) return rd;
  return nullptr;
}

bool isGetenv(const FunctionDecl* fd) {
  if (!fd || !fd->getIdentifier()) return false;
  llvm::StringRef n = fd->getName();
  if (n != "getenv" && n != "secure_getenv") return false;
  const DeclContext* dc = fd->getDeclContext()->getRedeclContext();
  return dc->isTranslationUnit() || dc->isStdNamespace();
}

std::optional<std::string> getenvName(const CallExpr* call) {
  if (!call || call->getNumArgs() < 1 || !isGetenv(call->getDirectCallee())) return std::nullopt;
  if (const auto* lit = dyn_cast<StringLiteral>(strip(call->getArg(0)))) return lit->getString().str();
  return std::nullopt;
}

bool isResourceParam(std::string_view key, std::string_view service) {
  static const std::set<std::string_view> keys{"Bucket",    "TableName",    "QueueUrl",           "TopicArn",
                                               "TargetArn", "FunctionName", "StateMachineArn",    "EventBusName",
                                               "SecretId",  "StreamName",   "DeliveryStreamName", "LogGroupName",
                                               "StreamARN"};
  if (key == "Name") return service == "ssm";
  return keys.count(key) > 0;
}

// ---------------------------------------------------------------------------
// Everything the matchers collect, resolved into facts once the TU is matched.

struct Setter {
  std::string param;  // "TableName" of SetTableName / WithTableName
  const Expr* value;
  const FunctionDecl* function;
};

class Collector : public MatchFinder::MatchCallback {
 public:
  Collector(const SourceFile& file, CodeFacts& facts) : file_(file), facts_(facts) {}

  void run(const MatchFinder::MatchResult& result) override {
    if (const auto* call = result.Nodes.getNodeAs<CallExpr>("runHandler")) runHandlers_.push_back(call);
    if (const auto* call = result.Nodes.getNodeAs<CallExpr>("call")) calls_.push_back(call);
    if (const auto* var = result.Nodes.getNodeAs<VarDecl>("var")) vars_.push_back(var);
    if (const auto* n = result.Nodes.getNodeAs<CXXNewExpr>("new")) news_.push_back(n);
    if (const auto* l = result.Nodes.getNodeAs<LambdaExpr>("lambda")) lambdas_.push_back(l);
  }

  void finish(ASTContext& ctx);

 private:
  struct Where {
    const FunctionDecl* function = nullptr;  // innermost function (a lambda's call operator for lambdas)
    bool staticInit = false;                 // inside the initializer of a static or global variable
  };
  Where where(const DynTypedNode& start);
  template <class T>
  Where where(const T* node) {
    return where(DynTypedNode::create(*node));
  }
  Scope scopeOf(const Where& w) const;
  void findHandler(const CallExpr* run);
  void handlerFromExpr(const Expr* arg, std::string name);
  void handlerFromFunction(const FunctionDecl* fd, std::string name, SourceRange range, SourceLocation nameLoc);
  TracedValue trace(const Expr* e, int depth = 0) const;
  void addClient(const CXXRecordDecl* rd, SourceRange range, std::string variable, const Where& w, bool lazy);
  void addSdkCall(const CXXMemberCallExpr* call, const std::string& ns);
  std::vector<std::pair<std::string, const Expr*>> settersOf(const Expr* request, const FunctionDecl* fn) const;

  const SourceFile& file_;
  CodeFacts& facts_;
  ASTContext* ctx_ = nullptr;
  std::optional<Locator> loc_;
  std::vector<const CallExpr*> runHandlers_, calls_;
  std::vector<const VarDecl*> vars_;
  std::vector<const CXXNewExpr*> news_;
  std::vector<const LambdaExpr*> lambdas_;
  const FunctionDecl* handler_ = nullptr;
  std::set<const FunctionDecl*> reachable_;  // canonical decls the handler calls, transitively
  std::map<const VarDecl*, std::vector<Setter>> setters_;
};

Collector::Where Collector::where(const DynTypedNode& start) {
  Where w;
  DynTypedNode node = start;
  for (int guard = 0; guard < 512; ++guard) {
    auto parents = ctx_->getParents(node);
    if (parents.empty()) return w;
    node = parents[0];
    if (const auto* vd = node.get<VarDecl>(); vd && vd->hasGlobalStorage() && !isa<ParmVarDecl>(vd)) {
      w.staticInit = true;
    }
    if (const auto* le = node.get<LambdaExpr>()) {
      w.function = le->getCallOperator();
      return w;
    }
    if (const auto* fd = node.get<FunctionDecl>()) {
      w.function = fd;
      return w;
    }
  }
  return w;
}

bool isMain(const FunctionDecl* fd) { return fd && fd->isMain(); }

Scope Collector::scopeOf(const Where& w) const {
  if (w.staticInit || !w.function || isMain(w.function)) return Scope::Module;
  const FunctionDecl* c = w.function->getCanonicalDecl();
  if (handler_ && c == handler_->getCanonicalDecl()) return Scope::Handler;
  if (reachable_.count(c)) return Scope::HandlerCallee;
  return Scope::Other;
}

void Collector::handlerFromFunction(const FunctionDecl* fd, std::string name, SourceRange range,
                                    SourceLocation nameLoc) {
  if (!fd) return;
  const FunctionDecl* def = fd->getDefinition();
  facts_.handler.name = std::move(name);
  if (!def || !loc_->inMainFile(def->getLocation())) return;  // defined in another translation unit
  handler_ = def;
  facts_.handler.found = true;
  facts_.handler.range = loc_->range(range.isValid() ? range : def->getSourceRange());
  if (nameLoc.isValid()) facts_.handler.nameRange = loc_->range(SourceRange(nameLoc, nameLoc));
}

const CXXMethodDecl* callOperator(const CXXRecordDecl* rd) {
  if (!rd || !rd->hasDefinition()) return nullptr;
  if (rd->isLambda()) return rd->getLambdaCallOperator();
  for (const auto* m : rd->methods()) {
    if (m->getOverloadedOperator() == OO_Call) return m;
  }
  return nullptr;
}

void Collector::handlerFromExpr(const Expr* arg, std::string name) {
  const Expr* e = arg;
  for (int guard = 0; e && guard < 16; ++guard) {
    e = strip(e);
    if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_AddrOf) {
      e = u->getSubExpr();
      continue;
    }
    break;
  }
  if (!e) return;
  if (const auto* le = dyn_cast<LambdaExpr>(e)) {
    handlerFromFunction(le->getCallOperator(), name.empty() ? "(lambda)" : name, le->getSourceRange(),
                        le->getBeginLoc());
    return;
  }
  if (const auto* dre = dyn_cast<DeclRefExpr>(e)) {
    if (const auto* fd = dyn_cast<FunctionDecl>(dre->getDecl())) {
      const FunctionDecl* def = fd->getDefinition();
      handlerFromFunction(fd, fd->getNameAsString(), def ? def->getSourceRange() : SourceRange(),
                          def ? def->getLocation() : SourceLocation());
      return;
    }
    if (const auto* vd = dyn_cast<VarDecl>(dre->getDecl())) {
      if (vd->getInit() && !isa<ParmVarDecl>(vd)) {
        const Expr* init = strip(vd->getInit());
        if (isa<LambdaExpr>(init)) {
          const auto* le = cast<LambdaExpr>(init);
          handlerFromFunction(le->getCallOperator(), vd->getNameAsString(), le->getSourceRange(), vd->getLocation());
          return;
        }
        if (const auto* op = callOperator(recordOf(vd->getType()))) {
          const FunctionDecl* def = op->getDefinition();
          handlerFromFunction(op, vd->getNameAsString(), def ? def->getSourceRange() : SourceRange(),
                              vd->getLocation());
          return;
        }
        if (name.empty()) handlerFromExpr(vd->getInit(), vd->getNameAsString());
        return;
      }
      if (const auto* op = callOperator(recordOf(vd->getType()))) {  // `Handler h; run_handler(h);`
        const FunctionDecl* def = op->getDefinition();
        handlerFromFunction(op, vd->getNameAsString(), def ? def->getSourceRange() : SourceRange(), vd->getLocation());
      }
      return;
    }
  }
  // `run_handler(Handler{})`, `run_handler(Handler(config))`
  if (const auto* op = callOperator(recordOf(e->getType()))) {
    const FunctionDecl* def = op->getDefinition();
    const CXXRecordDecl* rd = op->getParent();
    handlerFromFunction(op, rd->getNameAsString(), def ? def->getSourceRange() : SourceRange(),
                        def ? def->getLocation() : SourceLocation());
  }
}

void Collector::findHandler(const CallExpr* run) {
  if (handler_ || run->getNumArgs() < 1) return;
  Where w = where(run);
  if (!isMain(w.function)) return;
  handlerFromExpr(run->getArg(0), "");
}

TracedValue Collector::trace(const Expr* e, int depth) const {
  TracedValue v;
  if (!e) return v;
  v.range = loc_->range(e->getSourceRange());
  const Expr* s = strip(e);
  if (!s) return v;
  if (const auto* lit = dyn_cast<StringLiteral>(s)) {
    v.kind = TracedValue::Kind::Literal;
    v.text = lit->getString().str();
    return v;
  }
  if (const auto* call = dyn_cast<CallExpr>(s)) {
    if (auto name = getenvName(call)) {
      v.kind = TracedValue::Kind::EnvVar;
      v.text = *name;
      return v;
    }
  }
  if (const auto* c = dyn_cast<ConditionalOperator>(s); c && depth < 4) {
    TracedValue t = trace(c->getTrueExpr(), depth + 1);
    return t.kind != TracedValue::Kind::Unknown ? t : trace(c->getFalseExpr(), depth + 1);
  }
  if (const auto* c = dyn_cast<BinaryConditionalOperator>(s); c && depth < 4) return trace(c->getCommon(), depth + 1);
  if (const auto* dre = dyn_cast<DeclRefExpr>(s); dre && depth < 4) {
    if (const auto* vd = dyn_cast<VarDecl>(dre->getDecl()); vd && vd->getInit() && !isa<ParmVarDecl>(vd)) {
      TracedValue t = trace(vd->getInit(), depth + 1);
      if (t.kind != TracedValue::Kind::Unknown) return t;
    }
  }
  return v;
}

void Collector::addClient(const CXXRecordDecl* rd, SourceRange range, std::string variable, const Where& w, bool lazy) {
  std::string ns = clientNamespace(rd);
  if (ns.empty()) return;
  ClientConstruction c;
  c.library = "aws-sdk-cpp";
  c.service = cppServicePrefix(ns);
  c.kind = "aws-sdk";
  c.variable = std::move(variable);
  c.scope = scopeOf(w);
  c.lazilyCached = lazy;
  c.range = loc_->range(range);
  facts_.clients.push_back(std::move(c));
}

// Setters applied to a request: on the variable it names (in the same function), or chained on a temporary.
std::vector<std::pair<std::string, const Expr*>> Collector::settersOf(const Expr* request,
                                                                      const FunctionDecl* fn) const {
  std::vector<std::pair<std::string, const Expr*>> out;
  const Expr* e = strip(request);
  for (int guard = 0; e && guard < 64; ++guard) {
    if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_Deref) {
      e = strip(u->getSubExpr());
      continue;
    }
    if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e)) {
      const auto* md = mc->getMethodDecl();
      if (md && md->getIdentifier() && mc->getNumArgs() >= 1) {
        llvm::StringRef n = md->getName();
        if (n.startswith("Set"))
          out.emplace_back(n.drop_front(3).str(), mc->getArg(0));
        else if (n.startswith("With"))
          out.emplace_back(n.drop_front(4).str(), mc->getArg(0));
      }
      e = strip(mc->getImplicitObjectArgument());
      continue;
    }
    break;
  }
  if (const auto* dre = e ? dyn_cast<DeclRefExpr>(e) : nullptr) {
    if (const auto* vd = dyn_cast<VarDecl>(dre->getDecl())) {
      if (auto it = setters_.find(vd); it != setters_.end()) {
        for (const auto& s : it->second) {
          if (s.function == fn) out.emplace_back(s.param, s.value);
        }
      }
      if (vd->getInit() && vd->getType()->isRecordType()) {  // `auto req = Model::PutItemRequest().WithTableName(...)`
        auto more = settersOf(vd->getInit(), fn);
        out.insert(out.end(), more.begin(), more.end());
      }
    }
  }
  return out;
}

void Collector::addSdkCall(const CXXMemberCallExpr* mc, const std::string& ns) {
  const auto* md = mc->getMethodDecl();
  std::string op = md->getNameAsString();
  if (op.empty() || !std::isupper(static_cast<unsigned char>(op[0]))) return;
  static const std::set<std::string> notOperations{"OverrideEndpoint", "GetServiceName", "GetAllocationTag",
                                                   "DisableRequestProcessing", "EnableRequestProcessing"};
  if (notOperations.count(op)) return;
  for (std::string_view suffix : {"Async", "Callable"}) {
    if (op.size() > suffix.size() && op.compare(op.size() - suffix.size(), suffix.size(), suffix) == 0) {
      op.resize(op.size() - suffix.size());
      break;
    }
  }
  SdkCall call;
  call.sdk = "cpp";
  call.service = cppServicePrefix(ns);
  call.operation = op;
  Where w = where(static_cast<const Stmt*>(mc));
  call.scope = scopeOf(w);
  call.range = loc_->range(mc->getSourceRange());
  if (mc->getNumArgs() >= 1) {
    for (const auto& [param, value] : settersOf(mc->getArg(0), w.function)) {
      if (!isResourceParam(param, call.service)) continue;
      bool seen = false;
      for (const auto& p : call.resourceParams) seen = seen || p.first == param;
      if (!seen) call.resourceParams.emplace_back(param, trace(value));
    }
  }
  facts_.sdkCalls.push_back(std::move(call));
}

void Collector::finish(ASTContext& ctx) {
  ctx_ = &ctx;
  loc_.emplace(Locator{ctx.getSourceManager(), file_});
  for (const auto* run : runHandlers_) findHandler(run);

  // Call graph among the file's functions, lambdas belonging to the function that writes them.
  std::map<const FunctionDecl*, std::set<const FunctionDecl*>> edges;
  for (const auto* call : calls_) {
    const FunctionDecl* callee = call->getDirectCallee();
    if (!callee) continue;
    Where w = where(static_cast<const Stmt*>(call));
    if (w.function) edges[w.function->getCanonicalDecl()].insert(callee->getCanonicalDecl());
  }
  for (const auto* l : lambdas_) {
    Where w = where(static_cast<const Stmt*>(l));
    if (w.function) edges[w.function->getCanonicalDecl()].insert(l->getCallOperator()->getCanonicalDecl());
  }
  if (handler_) {
    std::vector<const FunctionDecl*> work{handler_->getCanonicalDecl()};
    while (!work.empty()) {
      const FunctionDecl* f = work.back();
      work.pop_back();
      for (const auto* g : edges[f]) {
        if (g != handler_->getCanonicalDecl() && reachable_.insert(g).second) work.push_back(g);
      }
    }
  }

  // Setters on request variables, per function.
  for (const auto* call : calls_) {
    const auto* mc = dyn_cast<CXXMemberCallExpr>(call);
    if (!mc || !mc->getMethodDecl() || !mc->getMethodDecl()->getIdentifier() || mc->getNumArgs() < 1) continue;
    llvm::StringRef n = mc->getMethodDecl()->getName();
    std::string param;
    if (n.startswith("Set"))
      param = n.drop_front(3).str();
    else if (n.startswith("With"))
      param = n.drop_front(4).str();
    else
      continue;
    const Expr* obj = strip(mc->getImplicitObjectArgument());
    while (const auto* inner = obj ? dyn_cast<CXXMemberCallExpr>(obj) : nullptr)
      obj = strip(inner->getImplicitObjectArgument());
    if (const auto* u = obj ? dyn_cast<UnaryOperator>(obj) : nullptr; u && u->getOpcode() == UO_Deref)
      obj = strip(u->getSubExpr());
    const auto* dre = obj ? dyn_cast<DeclRefExpr>(obj) : nullptr;
    const auto* vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
    if (!vd) continue;
    setters_[vd].push_back(Setter{param, mc->getArg(0), where(static_cast<const Stmt*>(mc)).function});
  }

  // Clients: variables of a client type, `new XClient`, `std::make_shared<XClient>` and friends.
  for (const auto* vd : vars_) {
    if (isa<ParmVarDecl>(vd) || vd->hasExternalStorage()) continue;
    const Type* t = vd->getType().getTypePtrOrNull();
    if (!t || t->isReferenceType() || t->isPointerType()) continue;
    const CXXRecordDecl* rd = recordOf(vd->getType());
    if (clientNamespace(rd).empty()) continue;
    Where w = where(static_cast<const Decl*>(vd));
    if (vd->hasGlobalStorage()) w.staticInit = true;
    addClient(rd, vd->getSourceRange(), vd->getNameAsString(), w, false);
  }
  auto assignedTo = [&](const Expr* e) -> std::pair<std::string, bool> {  // variable, lazily cached in a global
    DynTypedNode node = DynTypedNode::create(*e);
    for (int guard = 0; guard < 8; ++guard) {
      auto parents = ctx_->getParents(node);
      if (parents.empty()) break;
      node = parents[0];
      if (const auto* vd = node.get<VarDecl>()) return {vd->getNameAsString(), false};
      if (const auto* bo = node.get<BinaryOperator>(); bo && bo->isAssignmentOp()) {
        if (const auto* dre = dyn_cast<DeclRefExpr>(strip(bo->getLHS()))) {
          const auto* vd = dyn_cast<VarDecl>(dre->getDecl());
          return {dre->getDecl()->getNameAsString(), vd && vd->hasGlobalStorage()};
        }
        break;
      }
      if (const auto* oc = node.get<CXXOperatorCallExpr>();
          oc && oc->getOperator() == OO_Equal && oc->getNumArgs() == 2) {
        if (const auto* dre = dyn_cast<DeclRefExpr>(strip(oc->getArg(0)))) {
          const auto* vd = dyn_cast<VarDecl>(dre->getDecl());
          return {dre->getDecl()->getNameAsString(), vd && vd->hasGlobalStorage()};
        }
        break;
      }
      if (!node.get<Expr>()) break;
    }
    return {"", false};
  };
  for (const auto* n : news_) {
    const CXXRecordDecl* rd = recordOf(n->getAllocatedType());
    if (clientNamespace(rd).empty()) continue;
    auto [variable, lazy] = assignedTo(n);
    addClient(rd, n->getSourceRange(), variable, where(static_cast<const Stmt*>(n)), lazy);
  }
  for (const auto* call : calls_) {
    const FunctionDecl* fd = call->getDirectCallee();
    if (!fd || !fd->getIdentifier()) continue;
    llvm::StringRef n = fd->getName();
    if (n != "make_shared" && n != "make_unique" && n != "MakeShared" && n != "MakeUnique" && n != "New") continue;
    const auto* args = fd->getTemplateSpecializationArgs();
    if (!args || args->size() < 1 || args->get(0).getKind() != TemplateArgument::Type) continue;
    const CXXRecordDecl* rd = recordOf(args->get(0).getAsType());
    if (clientNamespace(rd).empty()) continue;
    auto [variable, lazy] = assignedTo(call);
    addClient(rd, call->getSourceRange(), variable, where(static_cast<const Stmt*>(call)), lazy);
  }

  // SDK operations and environment reads.
  for (const auto* call : calls_) {
    if (const auto* mc = dyn_cast<CXXMemberCallExpr>(call)) {
      if (const auto* md = mc->getMethodDecl()) {
        std::string ns = clientNamespace(md->getParent());
        if (!ns.empty()) addSdkCall(mc, ns);
      }
      continue;
    }
    if (auto name = getenvName(call)) {
      EnvRead r;
      r.name = *name;
      r.scope = scopeOf(where(static_cast<const Stmt*>(call)));
      r.range = loc_->range(call->getSourceRange());
      // `getenv("X") ?: "default"` / `getenv("X") ? getenv("X") : "default"`
      DynTypedNode node = DynTypedNode::create(*static_cast<const Stmt*>(call));
      for (int guard = 0; guard < 6 && !r.hasDefault; ++guard) {
        auto parents = ctx_->getParents(node);
        if (parents.empty()) break;
        node = parents[0];
        if (node.get<BinaryConditionalOperator>() || node.get<ConditionalOperator>())
          r.hasDefault = true;
        else if (!node.get<ImplicitCastExpr>() && !node.get<ParenExpr>() && !node.get<OpaqueValueExpr>())
          break;
      }
      facts_.envReads.push_back(std::move(r));
    }
  }
  // A template instantiated twice yields the same construct twice: keep one.
  auto dedupe = [](auto& v) {
    std::set<std::pair<uint32_t, uint32_t>> seen;
    v.erase(
        std::remove_if(v.begin(), v.end(),
                       [&](const auto& x) { return !seen.emplace(x.range.begin.offset, x.range.end.offset).second; }),
        v.end());
  };
  dedupe(facts_.clients);
  dedupe(facts_.sdkCalls);
  dedupe(facts_.envReads);
  for (const auto& c : facts_.clients) facts_.complete = facts_.complete && !c.service.empty();
}

// ---------------------------------------------------------------------------
// Preprocessor: includes as imports, missing includes recovered with in-memory stand-ins, and the files the
// sandbox refused attributed to the include that asked for them.

// Where `loc` sits in the main file: itself, or the main file's include that led to its file.
Range mainFileLine(const SourceManager& sm, const SourceFile& file, SourceLocation loc) {
  Locator locator{sm, file};
  for (int guard = 0; loc.isValid() && guard < 256; ++guard) {
    loc = sm.getExpansionLoc(loc);
    if (auto at = locator.offset(loc)) {
      size_t end = file.text().find('\n', *at);
      if (end == std::string_view::npos) end = file.text().size();
      return {file.positionAt(*at), file.positionAt(end)};
    }
    loc = sm.getIncludeLoc(sm.getFileID(loc));
  }
  return {};
}

class Includes : public PPCallbacks {
 public:
  Includes(const SourceManager& sm, const SourceFile& file, CodeFacts& facts, SandboxedFileSystem& sandbox,
           llvm::vfs::InMemoryFileSystem& standIns, bool useStubs)
      : sm_(sm), file_(file), facts_(facts), sandbox_(sandbox), standIns_(standIns), useStubs_(useStubs) {}

  void InclusionDirective(SourceLocation hashLoc, const Token&, StringRef fileName, bool, CharSourceRange range,
                          const FileEntry*, StringRef, StringRef, const Module*, SrcMgr::CharacteristicKind) override {
    noteRefusals("#include", hashLoc);  // the lookup of this include has just happened
    Locator loc{sm_, file_};
    if (!loc.inMainFile(hashLoc)) return;
    Import i;
    i.module = fileName.str();
    i.range = loc.range(SourceRange(hashLoc, range.getEnd()));
    if (auto e = loc.offset(range.getEnd())) i.range.end = file_.positionAt(*e);
    facts_.imports.push_back(std::move(i));
  }
  void HasInclude(SourceLocation loc, StringRef, bool, Optional<FileEntryRef>, SrcMgr::CharacteristicKind) override {
    noteRefusals("__has_include", loc);
  }
  void EndOfMainFile() override { noteRefusals("file", SourceLocation()); }

  // A header found nowhere: its stand-in (empty for unknown headers) goes into a fresh in-memory folder,
  // which clang adds to the search path and retries (a fresh one each time: the FileManager caches misses).
  // Absolute names and names climbing out with `..` cannot be served that way; they stay missing, which
  // is made a non-fatal error (Action) and reads like an empty stand-in.
  bool FileNotFound(StringRef fileName, SmallVectorImpl<char>& recoveryPath) override {
    if (!useStubs_ || fileName.empty() || llvm::sys::path::is_absolute(fileName)) return false;
    for (auto it = llvm::sys::path::begin(fileName), e = llvm::sys::path::end(fileName); it != e; ++it) {
      if (*it == ".." || *it == ".") return false;
    }
    std::string dir = std::string(kStubDir) + "/recovered/" + std::to_string(count_++);
    std::string text = cppStubFor(fileName, file_.text());
    if (!standIns_.addFile(dir + "/" + fileName.str(), 0, llvm::MemoryBuffer::getMemBufferCopy(text, fileName)))
      return false;
    recoveryPath.assign(dir.begin(), dir.end());
    return true;
  }

 private:
  void noteRefusals(const char* what, SourceLocation loc) {
    for (auto& r : sandbox_.takeRefusals()) {
      facts_.outsideReads.push_back({what, std::move(r.path), std::move(r.reason), mainFileLine(sm_, file_, loc)});
    }
  }

  const SourceManager& sm_;
  const SourceFile& file_;
  CodeFacts& facts_;
  SandboxedFileSystem& sandbox_;
  llvm::vfs::InMemoryFileSystem& standIns_;
  bool useStubs_;
  int count_ = 0;
};

// Parser recursion follows the nesting of the input (`((((...` recurses once per parenthesis in
// Parser::SkipUntil, unary operators and declarators likewise). Every level lexes a token, so the token
// watcher sees the stack grow: past the budget, every further token becomes end-of-file and the parser
// unwinds with what it has. Sema's checks of a finished full-expression (Sema::CheckCompletedExpr) recurse
// over its tree, which the parser may have built in a loop (`a=a=a=...`): a statement's length in tokens
// bounds that depth.
class NestingGuard {
 public:
  static constexpr size_t kMaxStatementTokens = 200000;

  NestingGuard(const SourceManager& sm, const SourceFile& file, CodeFacts& facts, size_t stackBudget)
      : sm_(sm), file_(file), facts_(facts), budget_(stackBudget) {}
  void onToken(const Token& token) {
    if (!tripped_) {
      run_ = token.isOneOf(tok::semi, tok::l_brace, tok::r_brace) ? 0 : run_ + 1;
      const char* why = nullptr;
      // The stack is looked at every 64th token (a level lexes at least one; the reserve covers 64 levels).
      if ((++tokens_ & 63) == 0 && bigStackUsed() >= budget_)
        why = "code nested too deeply to parse";
      else if (run_ > kMaxStatementTokens)
        why = "statement longer than 200000 tokens";
      if (!why) return;
      tripped_ = true;
      Range at = mainFileLine(sm_, file_, token.getLocation());
      at.end = at.begin;
      facts_.problems.push_back(
          {ProblemKind::Syntax, at, std::string(why) + "; the rest of the file was not analysed"});
    }
    // The watcher gets the token the parser is about to see.
    auto& t = const_cast<Token&>(token);
    SourceLocation loc = t.getLocation();
    t.startToken();
    t.setKind(tok::eof);
    t.setLocation(loc);
  }

 private:
  const SourceManager& sm_;
  const SourceFile& file_;
  CodeFacts& facts_;
  size_t budget_;
  size_t run_ = 0;  // tokens since the last `;`, `{` or `}`
  size_t tokens_ = 0;
  bool tripped_ = false;
};

class Diagnostics : public DiagnosticConsumer {
 public:
  Diagnostics(const SourceFile& file, CodeFacts& facts, bool missingIncludesAreEmpty)
      : file_(file), facts_(facts), missingIncludesAreEmpty_(missingIncludesAreEmpty) {}
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < DiagnosticsEngine::Error) return;
    // With stand-ins, a header that stays missing (absolute, outside the roots) reads as an empty one.
    if (missingIncludesAreEmpty_ && info.getID() == diag::err_pp_file_not_found) return;
    llvm::SmallString<256> message;
    info.FormatDiagnostic(message);
    if (!info.hasSourceManager() || info.getLocation().isInvalid()) {
      if (level == DiagnosticsEngine::Fatal || driverErrors_ < 5) {
        ++driverErrors_;
        facts_.problems.push_back({ProblemKind::Syntax, {}, "clang: " + message.str().str()});
      }
      return;
    }
    Locator loc{info.getSourceManager(), file_};
    auto at = loc.offset(info.getLocation());
    if (!at) return;
    // Syntax errors matter; semantic ones mostly come from headers lambdalint does not have.
    llvm::StringRef category =
        DiagnosticIDs::getCategoryNameFromID(DiagnosticIDs::getCategoryNumberForDiag(info.getID()));
    if (category != "Parse Issue" && category != "Lexical or Preprocessor Issue") return;
    Position p = file_.positionAt(*at);
    facts_.problems.push_back({ProblemKind::Syntax, {p, p}, message.str().str()});
  }

 private:
  const SourceFile& file_;
  CodeFacts& facts_;
  bool missingIncludesAreEmpty_;
  int driverErrors_ = 0;
};

// Runs the matchers once the TU is parsed; bodies of functions outside the main file are skipped.
class Consumer : public ASTConsumer {
 public:
  Consumer(const SourceManager& sm, Collector& collector) : sm_(sm), collector_(collector) {
    auto inMain = isExpansionInMainFile();
    finder_.addMatcher(
        callExpr(inMain, callee(functionDecl(hasName("::aws::lambda_runtime::run_handler")))).bind("runHandler"),
        &collector_);
    finder_.addMatcher(callExpr(inMain).bind("call"), &collector_);
    finder_.addMatcher(varDecl(inMain, unless(parmVarDecl())).bind("var"), &collector_);
    finder_.addMatcher(cxxNewExpr(inMain).bind("new"), &collector_);
    finder_.addMatcher(lambdaExpr(inMain).bind("lambda"), &collector_);
  }
  bool shouldSkipFunctionBody(Decl* d) override {
    return !sm_.isWrittenInMainFile(sm_.getExpansionLoc(d->getLocation()));
  }
  void HandleTranslationUnit(ASTContext& ctx) override {
    // Only the main file's declarations: matching and the parent map skip the standard headers.
    std::vector<Decl*> scope;
    for (Decl* d : ctx.getTranslationUnitDecl()->decls()) {
      if (sm_.isWrittenInMainFile(sm_.getExpansionLoc(d->getLocation()))) scope.push_back(d);
    }
    ctx.setTraversalScope(scope);
    finder_.matchAST(ctx);
    collector_.finish(ctx);
    done = true;
  }
  bool done = false;

 private:
  const SourceManager& sm_;
  Collector& collector_;
  MatchFinder finder_;
};

// What one parse shares between the tool, its action and the callbacks.
struct ParseContext {
  const SourceFile& file;
  CodeFacts& facts;
  SandboxedFileSystem& sandbox;
  llvm::vfs::InMemoryFileSystem& standIns;
  bool useStubs;
  std::vector<std::string> userSystemDirs;  // -isystem folders of the flags: not toolchain folders
  bool parsed = false;
};

class Action : public ASTFrontendAction {
 public:
  explicit Action(ParseContext& ctx) : ctx_(ctx) {}

 protected:
  bool BeginSourceFileAction(CompilerInstance& ci) override {
    ci.getFrontendOpts().SkipFunctionBodies = true;  // shouldSkipFunctionBody keeps the main file's
    ci.getDiagnosticOpts().ShowCarets = false;       // no "N errors generated." on stderr
    // A missing include must not end the parse (clang makes it fatal): the rest still has facts.
    ci.getDiagnostics().setSeverity(diag::err_pp_file_not_found, diag::Severity::Error, SourceLocation());
    Preprocessor& pp = ci.getPreprocessor();
    pp.addPPCallbacks(std::make_unique<Includes>(ci.getSourceManager(), ctx_.file, ctx_.facts, ctx_.sandbox,
                                                 ctx_.standIns, ctx_.useStubs));
    guard_ = std::make_unique<NestingGuard>(ci.getSourceManager(), ctx_.file, ctx_.facts,
                                            kParseStackBytes - kParseStackReserve);
    pp.setTokenWatcher([guard = guard_.get()](const Token& t) { guard->onToken(t); });
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, StringRef) override {
    collector_ = std::make_unique<Collector>(ctx_.file, ctx_.facts);
    auto consumer = std::make_unique<Consumer>(ci.getSourceManager(), *collector_);
    consumer_ = consumer.get();
    return consumer;
  }
  void EndSourceFileAction() override { ctx_.parsed = ctx_.parsed || (consumer_ && consumer_->done); }

 private:
  ParseContext& ctx_;
  std::unique_ptr<Collector> collector_;
  std::unique_ptr<NestingGuard> guard_;
  Consumer* consumer_ = nullptr;
};

class Factory : public tooling::FrontendActionFactory {
 public:
  explicit Factory(ParseContext& ctx) : ctx_(ctx) {}
  std::unique_ptr<FrontendAction> create() override { return std::make_unique<Action>(ctx_); }

  // The driver has probed the toolchain; from here on only the roots and the folders it chose are readable:
  // clang's resource dir and the system include folders it added itself (not the user's -isystem ones).
  bool runInvocation(std::shared_ptr<CompilerInvocation> invocation, FileManager* files,
                     std::shared_ptr<PCHContainerOperations> pch, DiagnosticConsumer* diagnostics) override {
    HeaderSearchOptions& search = invocation->getHeaderSearchOpts();
    std::vector<std::string> toolchain{search.ResourceDir};
    std::multiset<std::string> user(ctx_.userSystemDirs.begin(), ctx_.userSystemDirs.end());
    for (const auto& entry : search.UserEntries) {
      if (entry.Group != frontend::System && entry.Group != frontend::ExternCSystem) continue;
      if (auto it = user.find(entry.Path); it != user.end()) {
        user.erase(it);
        continue;
      }
      toolchain.push_back(entry.Path);
    }
    ctx_.sandbox.lockDown(toolchain);
    // Whatever reached the invocation, nothing it would load or pre-include is honoured.
    PreprocessorOptions& pp = invocation->getPreprocessorOpts();
    pp.Includes.clear();
    pp.MacroIncludes.clear();
    pp.ImplicitPCHInclude.clear();
    FrontendOptions& fe = invocation->getFrontendOpts();
    fe.Plugins.clear();
    fe.AddPluginActions.clear();
    fe.ModuleFiles.clear();
    fe.ModuleMapFiles.clear();
    return FrontendActionFactory::runInvocation(std::move(invocation), files, std::move(pch), diagnostics);
  }

 private:
  ParseContext& ctx_;
};

// ---------------------------------------------------------------------------
// Compiler flags.

std::string resourceDir(const CppOptions& options) {
  if (!options.resourceDir.empty()) return options.resourceDir;
  if (const char* env = std::getenv("LAMBDALINT_CLANG_RESOURCE_DIR"); env && *env) return env;
  return LAMBDALINT_CLANG_RESOURCE_DIR;
}

// The filtered flags of `path` in a compile_commands.json, relative paths made absolute against the entry's
// directory (itself against the database's folder).
std::optional<FilteredCompileFlags> flagsFromDatabase(const std::string& database, const std::string& path,
                                                      uint64_t maxBytes) {
  auto text = readRegularFileText(database, maxBytes);
  if (!text) return std::nullopt;
  std::string error;
  auto db = tooling::JSONCompilationDatabase::loadFromBuffer(*text, error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db) return std::nullopt;
  fs::path base = fs::absolute(fs::path(database)).parent_path();
  std::error_code ec;
  fs::path want = fs::weakly_canonical(path, ec);
  std::optional<tooling::CompileCommand> match;
  fs::path matchDir;
  for (auto& cmd : db->getAllCompileCommands()) {
    fs::path dir = fs::path(cmd.Directory).is_absolute() ? fs::path(cmd.Directory) : base / cmd.Directory;
    // The database already joined a relative file to the (maybe relative) directory.
    fs::path f = fs::path(cmd.Filename).is_absolute() ? fs::path(cmd.Filename) : base / cmd.Filename;
    bool exact = fs::weakly_canonical(f, ec) == want;
    if (exact || (!match && f.filename() == want.filename())) {
      match = cmd;
      matchDir = dir.lexically_normal();
    }
    if (exact) break;
  }
  if (!match || match->CommandLine.empty()) return std::nullopt;
  std::vector<std::string> args(match->CommandLine.begin() + 1, match->CommandLine.end());  // without the compiler
  return filterCompileFlags(args, matchDir.string());
}

// The parse itself; runs on the big-stack thread and must not throw.
void parse(const SourceFile& file, const CppOptions& options, CodeFacts& facts) {
  std::error_code ec;
  std::string path = fs::absolute(file.path(), ec).lexically_normal().string();
  if (ec) path = file.path();
  std::string folder = fs::path(path).parent_path().string();

  std::optional<FilteredCompileFlags> filtered;
  if (!options.compileCommands.empty())
    filtered = flagsFromDatabase(options.compileCommands, path, options.maxFileBytes);
  if (!filtered || filtered->flags.empty()) {
    auto fallback = filterCompileFlags(options.compileArgs.empty()
                                           ? std::vector<std::string>{"-std=c++17", "-I" + folder + "/include"}
                                           : options.compileArgs,
                                       folder);
    if (filtered) fallback.dropped.insert(fallback.dropped.begin(), filtered->dropped.begin(), filtered->dropped.end());
    filtered = std::move(fallback);
  }
  for (const auto& [option, target] : filtered->dropped) {
    facts.outsideReads.push_back({option, target, "compiler option that reads or loads files; ignored", {}});
  }
  std::vector<std::string> flags = filtered->flags;
  flags.insert(flags.begin(), {"-x", "c++"});
  std::string rd = resourceDir(options);
  if (!rd.empty()) flags.insert(flags.end(), {"-resource-dir", rd});
  flags.insert(flags.end(), {"-ferror-limit=0", "-w", "-fno-color-diagnostics", "-fno-spell-checking"});
  if (options.useStubs) flags.insert(flags.end(), {"-idirafter", kStubDir});

  // Disk (read-only, sandboxed, with its own working directory: ClangTool "chdirs" into the compile
  // command's folder) under the in-memory stand-ins. Nothing is ever written.
  std::vector<std::string> roots = options.roots;
  if (roots.empty()) roots.push_back(folder);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> physical(llvm::vfs::createPhysicalFileSystem().release());
  auto sandbox = llvm::makeIntrusiveRefCnt<SandboxedFileSystem>(physical, roots, options.maxFileBytes);
  auto standIns = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(sandbox);
  overlay->pushOverlay(standIns);
  // Stand-ins for the main file's own `#include <aws/...>` lines, behind every real include folder.
  if (options.useStubs) {
    std::string_view text = file.text();
    for (size_t at = text.find("#include"); at != std::string_view::npos; at = text.find("#include", at + 1)) {
      size_t open = text.find_first_of("<\"", at);
      size_t eol = text.find('\n', at);
      if (open == std::string_view::npos || open > eol) continue;
      size_t close = text.find_first_of(">\"", open + 1);
      if (close == std::string_view::npos || close > eol) continue;
      std::string name(text.substr(open + 1, close - open - 1));
      if (name.rfind("aws/", 0) != 0 || name.find("..") != std::string::npos) continue;
      standIns->addFile(std::string(kStubDir) + "/" + name, 0,
                        llvm::MemoryBuffer::getMemBufferCopy(cppStubFor(name, text), name));
    }
  }

  tooling::FixedCompilationDatabase db(folder, flags);
  tooling::ClangTool tool(db, {path}, std::make_shared<PCHContainerOperations>(), overlay);
  tool.mapVirtualFile(path, file.text());
  Diagnostics diagnostics(file, facts, options.useStubs);
  tool.setDiagnosticConsumer(&diagnostics);
  tool.setPrintErrorMessage(false);
  ParseContext ctx{file, facts, *sandbox, *standIns, options.useStubs, filtered->systemDirs};
  Factory factory(ctx);
  tool.run(&factory);  // 1 when the file had errors: the facts of the rest are still there
  for (auto& r : sandbox->takeRefusals())
    facts.outsideReads.push_back({"file", std::move(r.path), std::move(r.reason), {}});
  if (!ctx.parsed) facts.problems.push_back({ProblemKind::Syntax, {}, "clang could not parse " + file.path()});

  // One entry per file and way it was asked for.
  std::set<std::pair<std::string, std::string>> seen;
  auto& reads = facts.outsideReads;
  reads.erase(std::remove_if(reads.begin(), reads.end(),
                             [&](const OutsideRead& r) { return !seen.emplace(r.what, r.target).second; }),
              reads.end());
}

}  // namespace

CodeFacts extractCpp(const SourceFile& file, const CppOptions& options) {
  auto started = std::chrono::steady_clock::now();
  CodeFacts facts;
  facts.path = file.path();
  facts.language = Language::Cpp;
  if (file.text().size() > options.maxFileBytes) {
    facts.problems.push_back(
        {ProblemKind::Syntax, {}, "file larger than " + std::to_string(options.maxFileBytes) + " bytes; not analysed"});
    facts.complete = false;
    return facts;
  }
  std::string failure;
  bool ran = runWithStack(kParseStackBytes, [&] {
    try {
      parse(file, options, facts);
    } catch (const std::exception& e) {
      failure = e.what();
    } catch (...) {
      failure = "unknown exception";
    }
  });
  if (!ran) failure = "could not start the parser thread";
  if (!failure.empty()) {
    facts.problems.push_back({ProblemKind::Syntax, {}, "C++ frontend failed: " + failure});
    facts.complete = false;
  }

  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (options.onTiming) options.onTiming(file.path(), ms);
  return facts;
}

CodeFacts extractCpp(const std::string& mainFile, const CppOptions& options) {
  // Never blocks on a FIFO nor reads a device or an oversized file.
  FileRead read = readRegularFile(mainFile, options.maxFileBytes);
  if (!read.ok()) {
    CodeFacts facts;
    facts.path = mainFile;
    facts.language = Language::Cpp;
    facts.problems.push_back({ProblemKind::Syntax, {}, "cannot read " + mainFile + ": " + read.error});
    return facts;
  }
  SourceFile file(mainFile, std::move(read.text));
  return extractCpp(file, options);
}

}  // namespace lambdalint::code
