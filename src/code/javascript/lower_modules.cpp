// Imports (`import`, `require()`, `import()`, `export ... from`) and exports (`export`, `exports.x =`,
// `module.exports = { ... }`, TypeScript `export = { ... }`). Type-only forms load nothing and are left out.
#include "code/javascript/lowering.h"

namespace lambdalint::code::javascript {

using ir::ExprId;
using ir::ExprKind;
using ir::kNoExpr;

bool Lowering::hasToken(TSNode node, std::string_view token, uint32_t within) {
  uint32_t count = childCount(node);
  for (uint32_t i = 0; i < count && i < within; ++i) {
    TSNode c = child(node, i);
    if (!isNamed(c) && type(c) == token) return true;
  }
  return false;
}

void Lowering::leaveImport(TSNode node) {
  if (hasToken(node, "type", 2)) return;  // `import type ...`
  auto moduleOf = [&](TSNode source) -> std::string_view {
    return type(source) == "string" ? stringContent(text(source)) : std::string_view();
  };
  auto bind = [&](TSNode name, std::string_view module, std::string_view member) {
    ir::Binding b;
    b.kind = ir::Binding::Kind::Import;
    b.declaration = true;
    b.scope = currentFunction();
    b.function = currentFunction();
    b.name = text(name);
    b.module = std::string(module);
    if (!member.empty()) b.members.emplace_back(member);
    b.begin = startByte(name);
    b.end = endByte(name);
    if (!b.name.empty()) p_.bindings.push_back(std::move(b));
  };
  TSNode source = field(node, "source");
  uint32_t count = namedChildCount(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = namedChild(node, i);
    if (type(c) != "import_require_clause") continue;  // import x = require('m')
    TSNode required = field(c, "source");
    if (isNull(source)) source = required;
    if (!isNull(required)) bind(namedChild(c, 0), moduleOf(required), {});
  }
  std::string_view module = moduleOf(source);
  if (isNull(source) || (module.empty() && type(source) != "string")) return;
  p_.imports.push_back({std::string(module), startByte(node), endByte(node)});
  for (uint32_t i = 0; i < count; ++i) {
    TSNode clause = namedChild(node, i);
    if (type(clause) != "import_clause") continue;
    uint32_t parts = namedChildCount(clause);
    for (uint32_t j = 0; j < parts; ++j) {
      TSNode part = namedChild(clause, j);
      std::string_view t = type(part);
      if (t == "identifier") {
        bind(part, module, {});  // import x from 'm' (default export: the module object for CommonJS)
      } else if (t == "namespace_import") {
        bind(namedChild(part, 0), module, {});
      } else if (t == "named_imports") {
        uint32_t specs = namedChildCount(part);
        for (uint32_t k = 0; k < specs; ++k) {
          TSNode spec = namedChild(part, k);
          if (type(spec) != "import_specifier" || hasToken(spec, "type", 2)) continue;
          TSNode name = field(spec, "name");
          TSNode alias = field(spec, "alias");
          std::string_view imported = type(name) == "string" ? stringContent(text(name)) : text(name);
          bind(isNull(alias) ? name : alias, module, imported);
        }
      }
    }
  }
}

// require('m'), import('m')
void Lowering::noteRequire(ExprId call) {
  const ir::Expr& c = p_.expr(call);
  if (c.kind != ExprKind::Call || !p_.is(c.a, ExprKind::Name)) return;
  std::string_view callee = p_.expr(c.a).text;
  if (callee != "require" && callee != "import") return;
  auto args = p_.itemsOf(c);
  if (args.empty()) return;
  const std::string_view* module = p_.stringValue(args.front());
  if (module && p_.is(args.front(), ExprKind::String)) p_.imports.push_back({std::string(*module), c.begin, c.end});
}

void Lowering::leaveExport(TSNode node, Children children) {
  TSNode source = field(node, "source");
  bool typeOnly = hasToken(node, "type", 2);
  if (!isNull(source) && !typeOnly && type(source) == "string") {
    p_.imports.push_back({std::string(stringContent(text(source))), startByte(node), endByte(node)});
  }
  if (typeOnly || hasToken(node, "default", 3)) return;  // Lambda resolves named exports only
  uint32_t at = startByte(node);
  TSNode declaration = operandNode(children, Field::Declaration);
  if (!isNull(declaration)) {
    Node kind = grammar_.node(declaration);
    if (kind == Node::Container) {  // export const handler = ...
      for (auto it = declarators_.rbegin(); it != declarators_.rend() && it->begin >= startByte(declaration); ++it) {
        if (!p_.is(it->name, ExprKind::Name)) continue;
        const ir::Expr& name = p_.expr(it->name);
        p_.exports.push_back({name.text, it->value, name.begin, name.end, at, false});
      }
    } else if (kind == Node::FunctionDeclaration) {
      ExprId fn = operand(children, Field::Declaration);
      if (fn != kNoExpr) {
        const ir::Function& f = p_.functions[static_cast<size_t>(p_.expr(fn).ref)];
        p_.exports.push_back({p_.source(f.nameBegin, f.nameEnd), fn, f.nameBegin, f.nameEnd, at, false});
      }
    }
    return;
  }
  uint32_t count = namedChildCount(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = namedChild(node, i);
    if (type(c) != "export_clause") continue;
    uint32_t specs = namedChildCount(c);
    for (uint32_t k = 0; k < specs; ++k) {
      TSNode spec = namedChild(c, k);
      if (type(spec) != "export_specifier" || hasToken(spec, "type", 2)) continue;
      TSNode name = field(spec, "name");
      TSNode alias = field(spec, "alias");
      TSNode exported = isNull(alias) ? name : alias;
      std::string_view exportedName = type(exported) == "string" ? stringContent(text(exported)) : text(exported);
      // export { impl as handler }: the local `impl`; export { handler } from './x': bound elsewhere.
      ExprId value = isNull(source) ? add(ExprKind::Name, name, text(name)) : add(ExprKind::Opaque, spec);
      p_.exports.push_back({exportedName, value, startByte(exported), endByte(exported), at, !isNull(source)});
    }
  }
  if (isNull(source)) {
    for (const LoweredChild& c : children) {  // TypeScript `export = { handler }`
      if (c.value != kNothing && p_.is(c.value, ExprKind::Object)) exportObject(c.value, at);
    }
  }
}

void Lowering::exportObject(ExprId object, uint32_t at) {
  object = p_.unwrap(object);
  if (!p_.is(object, ExprKind::Object)) return;
  for (ExprId item : p_.itemsOf(object)) {
    const ir::Expr& prop = p_.expr(item);
    if (prop.kind != ExprKind::Property || prop.op != ir::Op::None || prop.a == kNoExpr) continue;
    uint32_t begin = p_.expr(prop.a).begin, end = p_.expr(prop.a).end;  // `{ handler }`
    if (prop.b != kNoExpr) {
      begin = p_.expr(prop.b).begin;  // `{ handler: impl }`
      end = p_.expr(prop.b).end;
    } else if (p_.is(prop.a, ExprKind::Function)) {
      const ir::Function& f = p_.functions[static_cast<size_t>(p_.expr(prop.a).ref)];  // `{ handler() {} }`
      begin = f.nameBegin;
      end = f.nameEnd;
    }
    p_.exports.push_back({prop.text, prop.a, begin, end, at, false});
  }
}

// exports.handler = ..., module.exports.handler = ..., exports['handler'] = ..., module.exports = { ... }
void Lowering::noteExportAssignment(ExprId assign) {
  if (currentFunction() != ir::kModule) return;
  const ir::Expr& a = p_.expr(assign);
  ExprId left = p_.unwrap(a.a);
  if (!p_.is(left, ExprKind::Member) && !p_.is(left, ExprKind::Index)) return;
  auto isModuleExports = [&](ExprId e) {
    e = p_.unwrap(e);
    return p_.is(e, ExprKind::Member) && p_.expr(e).text == "exports" && p_.source(p_.expr(e).a) == "module";
  };
  const ir::Expr& l = p_.expr(left);
  ExprId object = p_.unwrap(l.a);
  bool exportsObject = (p_.is(object, ExprKind::Name) && p_.expr(object).text == "exports") || isModuleExports(object);
  if (exportsObject) {
    if (l.kind == ExprKind::Member) {
      auto length = static_cast<uint32_t>(l.text.size());
      p_.exports.push_back({l.text, a.b, l.end >= length ? l.end - length : l.end, l.end, a.begin, false});
    } else if (const std::string_view* name = p_.stringValue(l.b)) {
      p_.exports.push_back({*name, a.b, p_.expr(l.b).begin, p_.expr(l.b).end, a.begin, false});
    }
  } else if (isModuleExports(left)) {
    ExprId value = p_.unwrap(a.b);
    for (int i = 0; i < 4 && p_.is(value, ExprKind::Assign); ++i) value = p_.unwrap(p_.expr(value).b);
    exportObject(value, a.begin);  // module.exports = exports = { ... }
  }
}

}  // namespace lambdalint::code::javascript
