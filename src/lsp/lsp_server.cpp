#include "lsp/lsp_server.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>

#include "config/config.h"
#include "engine/runner.h"
#include "util/source_provider.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace lambdalint::lsp {

namespace {

// JSON-RPC / LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

constexpr int kMaxMessageDepth = 128;  // JSON nesting of one message body

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Two paths name the same file (the runner may report a path spelled
// differently from the one it was given, e.g. through a template's CodeUri).
std::string normalKey(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::path(path).lexically_normal();
  return p.generic_string();
}

int lspSeverity(Severity s) {
  switch (s) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    case Severity::Note:
      return 3;
  }
  return 2;
}

constexpr uint64_t kMaxTextBytes = 256u * 1024 * 1024;

// File texts read for one check, to convert byte offsets to UTF-16 columns.
class TextCache {
 public:
  explicit TextCache(const SourceProvider& sources) : sources_(sources) {}
  const std::string* get(const std::string& path) {
    auto it = texts_.find(path);
    if (it == texts_.end()) {
      FileRead read = sources_.read(path, kMaxTextBytes);
      it = texts_.emplace(path, read.ok() ? std::optional<std::string>(std::move(read.text)) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  const SourceProvider& sources_;
  std::map<std::string, std::optional<std::string>> texts_;
};

json lspPosition(const Position& p, const std::string* text) {
  uint32_t line = p.line > 0 ? p.line - 1 : 0;
  uint32_t character = text ? utf16Character(*text, p.offset) : (p.column > 0 ? p.column - 1 : 0);
  return {{"line", line}, {"character", character}};
}

json lspRange(const Location& loc, TextCache& texts) {
  const std::string* text = texts.get(loc.path);
  return {{"start", lspPosition(loc.range.begin, text)}, {"end", lspPosition(loc.range.end, text)}};
}

}  // namespace

uint32_t utf16Character(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  size_t start = 0;
  if (offset > 0) {
    size_t newline = text.rfind('\n', offset - 1);
    if (newline != std::string_view::npos) start = newline + 1;
  }
  uint32_t units = 0;
  for (size_t i = start; i < offset;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    units += len == 4 ? 2 : 1;  // a 4-byte sequence is above U+FFFF: a surrogate pair
    i += len;
  }
  return units;
}

LspServer::LspServer(std::istream& in, std::ostream& out, ServerOptions options)
    : in_(in), out_(out), options_(std::move(options)) {}

int LspServer::run() {
  while (!exitCode_) {
    std::optional<std::string> body = readMessage();
    if (!body) break;
    handle(*body);
  }
  return exitCode_.value_or(shutdown_ ? 0 : 1);
}

std::optional<std::string> LspServer::readMessage() {
  while (true) {
    size_t contentLength = 0;
    bool haveLength = false;
    std::string line;
    bool any = false;
    while (std::getline(in_, line)) {
      any = true;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) break;  // end of the header
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      if (lower(trim(line.substr(0, colon))) == "content-length") {
        try {
          contentLength = std::stoul(trim(line.substr(colon + 1)));
          haveLength = true;
        } catch (...) {
          haveLength = false;
        }
      }
    }
    if (!any || (!in_ && !haveLength)) return std::nullopt;
    if (!haveLength) {
      // A header without Content-Length: the body cannot be delimited.
      replyError(nullptr, kParseError, "missing or invalid Content-Length header");
      if (!in_) return std::nullopt;
      continue;
    }
    if (contentLength > (size_t{256} << 20)) {
      // Larger than any document lambdalint reads: refuse rather than allocate it.
      replyError(nullptr, kParseError, "Content-Length too large");
      return std::nullopt;
    }
    std::string body(contentLength, '\0');
    in_.read(body.data(), static_cast<std::streamsize>(contentLength));
    if (static_cast<size_t>(in_.gcount()) != contentLength) return std::nullopt;
    return body;
  }
}

void LspServer::handle(const std::string& body) {
  // nlohmann::json parses and destroys without recursion, but copies and dumps
  // recurse: a body nested some 10^4 levels deep would overflow the stack.
  // Real messages nest a dozen levels.
  bool tooDeep = false;
  auto depthCheck = [&tooDeep](int depth, json::parse_event_t, json&) {
    if (depth > kMaxMessageDepth) tooDeep = true;
    return true;
  };
  json message = json::parse(body, depthCheck, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    replyError(nullptr, kParseError, "parse error: the message body is not JSON");
    return;
  }
  if (tooDeep) {
    replyError(nullptr, kInvalidRequest,
               "invalid request: nested deeper than " + std::to_string(kMaxMessageDepth) + " levels");
    return;
  }
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A response from the client (to a request we never send) or an invalid message.
    if (message.is_object() && message.contains("id") && (message.contains("result") || message.contains("error")))
      return;
    json id = message.is_object() && message.contains("id") ? message["id"] : json(nullptr);
    replyError(id, kInvalidRequest, "invalid request");
    return;
  }
  const std::string method = message["method"].get<std::string>();
  json params = message.contains("params") ? message["params"] : json::object();
  try {
    if (message.contains("id")) {
      handleRequest(message["id"], method, params);
    } else {
      handleNotification(method, params);
    }
  } catch (const std::exception& e) {
    if (message.contains("id"))
      replyError(message["id"], kInternalError, e.what());
    else
      log(1, "lambdalint: " + method + ": " + e.what());
  }
}

void LspServer::handleRequest(const json& id, const std::string& method, const json& params) {
  if (method == "initialize") {
    initialized_ = true;
    json capabilities = {
        {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
    };
    reply(id,
          {{"capabilities", capabilities}, {"serverInfo", {{"name", "lambdalint"}, {"version", options_.version}}}});
    return;
  }
  if (!initialized_) {
    replyError(id, kServerNotInitialized, "the server is not initialized");
    return;
  }
  if (shutdown_) {
    replyError(id, kInvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    reply(id, nullptr);
    return;
  }
  (void)params;
  replyError(id, kMethodNotFound, "method not found: " + method);
}

void LspServer::handleNotification(const std::string& method, const json& params) {
  if (method == "exit") {
    exitCode_ = shutdown_ ? 0 : 1;
    return;
  }
  if (!initialized_ || shutdown_) return;  // notifications before initialize / after shutdown are dropped
  auto uriOf = [&]() -> std::string {
    if (!params.is_object() || !params.contains("textDocument") || !params["textDocument"].is_object()) return {};
    const json& doc = params["textDocument"];
    return doc.contains("uri") && doc["uri"].is_string() ? doc["uri"].get<std::string>() : std::string();
  };
  if (method == "textDocument/didOpen") {
    std::string uri = uriOf();
    if (uri.empty()) return;
    const json& doc = params["textDocument"];
    open_[uri] = doc.contains("text") && doc["text"].is_string() ? doc["text"].get<std::string>() : std::string();
    check(uri);
  } else if (method == "textDocument/didChange") {
    // Full sync: the last change holds the whole text, checked as it is in the editor.
    std::string uri = uriOf();
    if (uri.empty() || !params.contains("contentChanges") || !params["contentChanges"].is_array()) return;
    const json& changes = params["contentChanges"];
    if (!changes.empty() && changes.back().is_object() && changes.back().contains("text") &&
        changes.back()["text"].is_string()) {
      open_[uri] = changes.back()["text"].get<std::string>();
      if (auto path = uriToPath(uri)) unsaved_.set(*path, open_[uri]);
      check(uri);
    }
  } else if (method == "textDocument/didSave") {
    std::string uri = uriOf();
    if (uri.empty()) return;
    if (auto path = uriToPath(uri)) unsaved_.erase(*path);  // the disk holds the buffer now
    check(uri);
  } else if (method == "textDocument/didClose") {
    std::string uri = uriOf();
    if (uri.empty()) return;
    open_.erase(uri);
    if (auto path = uriToPath(uri)) unsaved_.erase(*path);
    publish(uri, json::array());
  }
  // initialized, $/cancelRequest, workspace/didChangeConfiguration, ...: nothing to do.
}

void LspServer::check(const std::string& uri) {
  std::optional<std::string> path = uriToPath(uri);
  if (!path) {
    log(3, "lambdalint: not a file URI, not checked: " + uri);
    return;
  }
  std::error_code ec;
  if (!fs::is_regular_file(*path, ec)) {
    publish(uri, json::array());
    return;
  }
  RunOptions options;
  options.paths = {*path};
  if (options_.useConfig) {
    if (std::optional<std::string> configPath = findConfig(fs::path(*path).parent_path().string())) {
      options.config = loadConfig(*configPath);
    }
  }
  options.maxFileSizeMb = options.config.maxFileSizeMb.value_or(16);
  options.today = options_.today;
  options.jobs = options_.jobs;
  options.workerCommand = options_.workerCommand;
  options.sources = &unsaved_;
  RunResult result = runCheck(options);

  const std::string key = normalKey(*path);
  TextCache texts(unsaved_);
  json diagnostics = json::array();
  for (const Diagnostic& d : result.diagnostics) {
    if (d.location.path != *path && normalKey(d.location.path) != key) continue;
    json diag = {
        {"range", lspRange(d.location, texts)},
        {"severity", lspSeverity(d.severity)},
        {"code", d.ruleId},
        {"source", "lambdalint"},
        {"message", d.message},
    };
    // Related locations, then the data-flow steps numbered from source to sink.
    json related = json::array();
    auto relate = [&](const Location& location, const std::string& message) {
      std::string relPath = fs::absolute(location.path, ec).string();
      related.push_back({{"location", {{"uri", pathToUri(relPath)}, {"range", lspRange(location, texts)}}},
                         {"message", message.empty() ? d.message : message}});
    };
    for (const RelatedLocation& r : d.related) relate(r.location, r.message);
    for (size_t i = 0; i < d.flow.size(); ++i) {
      relate(d.flow[i].location, fmt::format("step {}: {}", i + 1, d.flow[i].message));
    }
    if (!related.empty()) diag["relatedInformation"] = std::move(related);
    diagnostics.push_back(std::move(diag));
  }
  publish(uri, std::move(diagnostics));
}

void LspServer::publish(const std::string& uri, json diagnostics) {
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", {{"uri", uri}, {"diagnostics", std::move(diagnostics)}}}});
}

void LspServer::send(const json& message) {
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

void LspServer::reply(const json& id, json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void LspServer::replyError(const json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void LspServer::log(int type, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", type}, {"message", message}}}});
}

}  // namespace lambdalint::lsp
