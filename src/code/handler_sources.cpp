#include "code/handler_sources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "code/javascript/javascript_frontend.h"
#include "code/python/python_frontend.h"
#include "util/ascii_case.h"
#include "util/read_file.h"

namespace fs = std::filesystem;

namespace lambdalint::code {
namespace {

enum class Family { Node, Python, Provided, Other };

Family familyOf(std::string_view runtime) {
  if (runtime.rfind("nodejs", 0) == 0) return Family::Node;
  if (runtime.rfind("python", 0) == 0) return Family::Python;
  if (runtime == "provided" || runtime == "provided.al2" || runtime == "provided.al2023") return Family::Provided;
  return Family::Other;
}

// A string member of a JSON object, or nothing (tsconfig.json is user input: `"outDir": 5` is not a string).
std::optional<std::string> stringMember(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

constexpr size_t kSideFileLimit = 1024 * 1024;  // tsconfig.json and the like

// tsconfig.json's outDir -> rootDir, so `dist/app.handler` finds `src/app.ts`.
std::optional<std::string> sourceForBuildOutput(const CodeCache& cache, const fs::path& codeDir,
                                                const std::string& module) {
  const std::string path = (codeDir / "tsconfig.json").string();
  if (!cache.readable(path)) return std::nullopt;
  FileRead text = cache.read(path, kSideFileLimit);
  if (!text.ok()) return std::nullopt;
  auto config = nlohmann::json::parse(text.text, nullptr, false, /*ignore_comments=*/true);
  if (config.is_discarded() || !config.is_object()) return std::nullopt;
  auto options = config.find("compilerOptions");
  if (options == config.end() || !options->is_object()) return std::nullopt;
  std::string outDir = fs::path(stringMember(*options, "outDir").value_or("")).lexically_normal().generic_string();
  std::string rootDir = fs::path(stringMember(*options, "rootDir").value_or("src")).lexically_normal().generic_string();
  if (outDir.empty() || outDir == ".") return std::nullopt;
  if (module.rfind(outDir + "/", 0) != 0) return std::nullopt;
  return (fs::path(rootDir) / module.substr(outDir.size() + 1)).generic_string();
}

std::vector<std::string> nodeCandidates(const CodeCache& cache, const Function& fn, const fs::path& codeDir,
                                        const std::string& module) {
  std::vector<std::string> out;
  // SAM's esbuild builder: EntryPoints name the sources of the bundled handlers.
  const Resource& r = *fn.resource;
  if (r.metadata) {
    if (const Node* entries = r.metadata->at({"BuildProperties", "EntryPoints"})) {
      for (const auto& e : entries->items) {
        if (!e.isScalar()) continue;
        fs::path entry(e.value);
        if (entry.stem() == fs::path(module).filename()) out.push_back((codeDir / entry).lexically_normal().string());
      }
    }
  }
  std::vector<std::string> modules{module};
  if (auto source = sourceForBuildOutput(cache, codeDir, module)) modules.push_back(*source);
  for (const auto& m : modules) {
    for (const char* ext : {".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx", ".jsx"}) {
      out.push_back((codeDir / (m + ext)).lexically_normal().string());
    }
  }
  return out;
}

// Inline code lives in a template scalar: parse it as its own text and map
// positions back (block scalars: the content starts on the next line, with
// the block's indentation; other scalars: after the opening quote).
class InlineMapping {
 public:
  InlineMapping(const SourceFile& tmpl, const Node& scalar) : tmpl_(tmpl) {
    std::string_view text = tmpl.text();
    size_t at = scalar.range.begin.offset;
    block_ = at < text.size() && (text[at] == '|' || text[at] == '>');
    if (block_) {
      firstLine_ = scalar.range.begin.line + 1;
      std::string_view line = tmpl.lineText(firstLine_);
      indent_ = static_cast<uint32_t>(line.find_first_not_of(' '));
      if (indent_ == static_cast<uint32_t>(std::string_view::npos)) indent_ = 0;
    } else {
      firstLine_ = scalar.range.begin.line;
      indent_ = scalar.range.begin.column - 1 + (scalar.quoted ? 1 : 0);
    }
  }

  Range map(const Range& r) const { return {map(r.begin), map(r.end)}; }
  Position map(const Position& p) const {
    uint32_t line = firstLine_ + p.line - 1;
    uint32_t column = p.column + (block_ || p.line == 1 ? indent_ : 0);
    return tmpl_.positionAtLineColumn(line, column);
  }

 private:
  const SourceFile& tmpl_;
  bool block_ = false;
  uint32_t firstLine_ = 1;
  uint32_t indent_ = 0;
};

void remap(CodeFacts& f, const InlineMapping& m) {
  f.handler.range = m.map(f.handler.range);
  f.handler.nameRange = m.map(f.handler.nameRange);
  for (auto& c : f.clients) c.range = m.map(c.range);
  for (auto& c : f.sdkCalls) {
    c.range = m.map(c.range);
    for (auto& [name, value] : c.resourceParams) value.range = m.map(value.range);
  }
  for (auto& e : f.envReads) e.range = m.map(e.range);
  for (auto& i : f.imports) i.range = m.map(i.range);
  for (auto& c : f.catches) c.range = m.map(c.range);
  for (auto& h : f.hyphenatedAccesses) h.range = m.map(h.range);
  f.batchItemFailuresRange = m.map(f.batchItemFailuresRange);
  for (auto& p : f.problems) p.range = m.map(p.range);
}

std::mutex cppTimingMutex;
std::function<void(const std::string&, double)> cppTimingHook;

bool isCppSource(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".cpp" || ext == ".cc" || ext == ".cxx" || ext == ".c++";
}

// C++ sources under a CodeUri folder, build output and dependency folders left out, sorted.
std::vector<fs::path> cppSources(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (it.depth() >= 3 || name.empty() || name[0] == '.' || name == "build" || name == "node_modules" ||
          name == "third_party" || name == "vendor" || name.rfind("cmake-build", 0) == 0) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (isCppSource(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The function's code is outside the checked folders: say so instead of reading it.
void markOutside(HandlerSource& src, const Function& fn, std::string path, const Node* node) {
  src.status = HandlerSource::Status::OutsideRoots;
  src.outsidePath = std::move(path);
  src.outsideNode = node ? node : fn.property("Handler");
}

// The C++ branch of the join; false when the function is not a C++ one.
bool attachCpp(const TemplateModel& model, const Function& fn, HandlerSource& src, CodeCache& cache) {
  const Node* codeUri = fn.sam ? fn.property("CodeUri") : fn.property("Code");
  std::string uri = codeUri ? std::string(codeUri->str()) : std::string(".");
  if ((codeUri && !codeUri->isScalar()) || uri.rfind("s3://", 0) == 0) return false;
  fs::path codeDir = (fs::path(model.directory) / uri).lexically_normal();
  if (!cache.readable(codeDir.string())) {
    markOutside(src, fn, codeDir.string(), codeUri);
    return true;
  }
  std::string buildMethod;
  if (fn.resource->metadata) {
    if (const Node* m = fn.resource->metadata->get("BuildMethod"); m && m->isScalar())
      buildMethod = asciiLower(m->str());
  }
  auto sources = cppSources(codeDir);
  if (buildMethod != "makefile" && buildMethod != "cmake" && sources.empty()) return false;
  src.symbol = fn.handler;
  src.language = Language::Cpp;
  src.status = HandlerSource::Status::FileMissing;
  // The file that calls run_handler; among several, the one named like the Handler (`bootstrap`, `orders.handler`).
  std::vector<fs::path> withRunHandler;
  for (const auto& p : sources) {
    src.candidates.push_back(p.string());
    if (!cache.readable(p.string())) continue;  // a symlink out of the checked folders
    FileRead text = cache.read(p.string(), cache.maxBytes());
    if (text.ok() && text.text.find("run_handler") != std::string::npos) withRunHandler.push_back(p);
  }
  if (withRunHandler.empty()) return true;
  fs::path chosen = withRunHandler.front();
  std::string stem = fn.handler.substr(0, fn.handler.find('.'));
  for (const auto& p : withRunHandler) {
    if (!stem.empty() && p.stem() == stem) chosen = p;
  }
  CppOptions options;
  for (const auto& db : {codeDir / "compile_commands.json", codeDir / "build" / "compile_commands.json"}) {
    std::error_code ec;
    if (fs::is_regular_file(db, ec) && cache.readable(db.string())) {
      options.compileCommands = db.string();
      break;
    }
  }
  options.compileArgs = {"-std=c++17", "-I" + (codeDir / "include").string()};
  options.roots = cache.roots().folders();
  options.maxFileBytes = cache.maxBytes();
  options.onTiming = [](const std::string& file, double ms) {
    std::lock_guard<std::mutex> lock(cppTimingMutex);
    if (cppTimingHook) cppTimingHook(file, ms);
  };
  auto entry = cache.get(chosen.string(), Language::Cpp, src.symbol, &options);
  if (!entry.facts) return true;
  src.module = chosen.stem().string();
  src.file = std::move(entry.file);
  src.facts = std::move(entry.facts);
  src.status = HandlerSource::Status::Resolved;
  src.path = chosen.string();
  return true;
}

}  // namespace

void setCppTimingHook(std::function<void(const std::string& file, double milliseconds)> hook) {
  std::lock_guard<std::mutex> lock(cppTimingMutex);
  cppTimingHook = std::move(hook);
}

std::optional<Language> languageOfPath(std::string_view path) {
  auto ext = fs::path(path).extension().string();
  if (ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".jsx") return Language::JavaScript;
  if (ext == ".ts" || ext == ".mts" || ext == ".cts") return Language::TypeScript;
  if (ext == ".tsx") return Language::Tsx;
  if (ext == ".py") return Language::Python;
  if (isCppSource(fs::path(path))) return Language::Cpp;
  return std::nullopt;
}

CodeFacts extractFacts(const SourceFile& file, Language language, std::string_view symbol) {
  if (language == Language::Python) return extractPython(file, symbol);
  if (language == Language::Cpp) return extractCpp(file, CppOptions{});
  return extractJavaScript(file, language, symbol);
}

CodeCache::Entry CodeCache::get(const std::string& path, Language language, const std::string& symbol,
                                const CppOptions* cpp) {
  const std::string key = path + '\0' + symbol;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
  }
  FileRead read = sources_.read(path, maxBytes_);
  std::shared_ptr<CodeFacts> facts;
  SourceFilePtr file;
  if (read.status == FileRead::Status::TooLarge) {
    const uint64_t size = read.size;
    file = std::make_shared<const SourceFile>(path, std::string());
    facts = std::make_shared<CodeFacts>();
    facts->language = language;
    facts->handler.found = true;  // unknown: not a reason to report the handler missing
    facts->complete = false;
    facts->problems.push_back({ProblemKind::Syntax,
                               {},
                               "handler file is " + std::to_string(size / (1024 * 1024)) + " MB, above the " +
                                   std::to_string(maxBytes_ / (1024 * 1024)) +
                                   " MB limit; not analysed (raise it with --max-file-size)"});
  } else {
    if (!read.ok()) return {};
    file = std::make_shared<const SourceFile>(path, std::move(read.text));
    facts = std::make_shared<CodeFacts>(extractor_(*file, language, symbol, cpp));
  }
  facts->path = path;
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.emplace(key, Entry{std::move(file), std::move(facts)}).first->second;
}

HandlerSources resolveHandlerSources(const TemplateModel& model, CodeCache& cache) {
  std::vector<HandlerSource> sources(model.functions.size());
  for (size_t i = 0; i < model.functions.size(); ++i) {
    const Function& fn = model.functions[i];
    HandlerSource& src = sources[i];
    Family family = familyOf(fn.runtime);
    if (family == Family::Provided) {
      if (const Node* type = fn.property("PackageType"); type && type->str() == "Image") continue;
      attachCpp(model, fn, src, cache);
      continue;
    }
    if (family == Family::Other || fn.handler.empty()) continue;
    if (const Node* type = fn.property("PackageType"); type && type->str() == "Image") continue;
    auto dot = fn.handler.rfind('.');
    if (dot == std::string::npos || dot == 0) continue;
    src.symbol = fn.handler.substr(dot + 1);
    src.module = fn.handler.substr(0, dot);
    if (family == Family::Python) std::replace(src.module.begin(), src.module.end(), '.', '/');

    const Node* inlineCode = fn.sam ? fn.property("InlineCode") : fn.props->at({"Code", "ZipFile"});
    if (inlineCode && inlineCode->isScalar()) {
      Language language = family == Family::Python ? Language::Python : Language::JavaScript;
      SourceFile code(model.doc.file->path(), inlineCode->value);
      auto facts = std::make_shared<CodeFacts>(cache.extract(code, language, src.symbol));
      remap(*facts, InlineMapping(*model.doc.file, *inlineCode));
      facts->path = model.doc.file->path();
      src.status = HandlerSource::Status::Resolved;
      src.inlineCode = true;
      src.language = language;
      src.path = facts->path;
      src.file = model.doc.file;
      src.facts = std::move(facts);
      continue;
    }
    const Node* codeUri = fn.sam ? fn.property("CodeUri") : fn.property("Code");
    std::string uri = codeUri ? std::string(codeUri->str()) : std::string(".");
    if ((codeUri && !codeUri->isScalar()) || uri.rfind("s3://", 0) == 0) continue;  // code in S3
    fs::path codeDir = fs::path(model.directory) / uri;
    if (!cache.readable(codeDir.string())) {
      markOutside(src, fn, codeDir.lexically_normal().string(), codeUri);
      continue;
    }
    src.candidates = family == Family::Python
                         ? std::vector<std::string>{(codeDir / (src.module + ".py")).lexically_normal().string()}
                         : nodeCandidates(cache, fn, codeDir, src.module);
    src.status = HandlerSource::Status::FileMissing;
    for (const auto& candidate : src.candidates) {
      if (!cache.readable(candidate)) {
        // An absolute Handler, a `..` in it or in an EntryPoint, or a symlink out of the project.
        markOutside(src, fn, candidate, nullptr);
        break;
      }
      std::error_code ec;
      if (!fs::is_regular_file(candidate, ec)) continue;
      Language language = family == Family::Python ? Language::Python : *languageOfPath(candidate);
      auto entry = cache.get(candidate, language, src.symbol);
      if (!entry.facts) continue;
      src.file = std::move(entry.file);
      src.facts = std::move(entry.facts);
      src.status = HandlerSource::Status::Resolved;
      src.language = language;
      src.path = candidate;
      break;
    }
  }
  return HandlerSources(model, std::move(sources));
}

}  // namespace lambdalint::code
