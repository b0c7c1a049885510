#pragma once
// `lambdalint lsp`: a Language Server Protocol server (JSON-RPC 2.0 with
// Content-Length framing) that publishes lambdalint's findings for open
// documents. It reads messages from an std::istream and writes to an
// std::ostream, so tests drive it with string streams.
//
// Documents are checked on didOpen, didChange and didSave. Edited, unsaved
// buffers (didChange) are read from memory in place of the file on disk, for
// templates and handlers alike (a handler is checked through the templates
// above it); didSave and didClose return the file to the disk's version.
#include <cstdint>
#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/file_uri.h"
#include "util/source_provider.h"

namespace lambdalint::lsp {

struct ServerOptions {
  std::string version;        // serverInfo.version
  bool useConfig = true;      // look up .lambdalint.yaml upward from each document
  std::optional<Date> today;  // pinned "today" for date-dependent rules
  unsigned jobs = 0;          // worker threads per check (0 = one per core)
  // Analysis worker command (RunOptions::workerCommand): the server survives a frontend crash or hang.
  std::vector<std::string> workerCommand;
};

class LspServer {
 public:
  LspServer(std::istream& in, std::ostream& out, ServerOptions options = {});

  // Serves until `exit` or end of input. Returns the process exit code:
  // 0 after shutdown + exit, 1 otherwise.
  int run();

 private:
  // One framed message body, or nullopt at end of input.
  std::optional<std::string> readMessage();
  void handle(const std::string& body);
  void handleRequest(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void handleNotification(const std::string& method, const nlohmann::json& params);
  void check(const std::string& uri);
  void publish(const std::string& uri, nlohmann::json diagnostics);
  void send(const nlohmann::json& message);
  void reply(const nlohmann::json& id, nlohmann::json result);
  void replyError(const nlohmann::json& id, int code, const std::string& message);
  void log(int type, const std::string& message);

  std::istream& in_;
  std::ostream& out_;
  ServerOptions options_;
  bool initialized_ = false;
  bool shutdown_ = false;
  std::optional<int> exitCode_;
  std::map<std::string, std::string> open_;  // uri -> latest text known from the client
  OverlaySourceProvider unsaved_;            // edited buffers not yet saved, by path
};

// file:// URI <-> local path (util/file_uri.h).
using lambdalint::pathToUri;
using lambdalint::uriToPath;

// The UTF-16 code-unit column (0-based) of byte `offset` in its line of `text`:
// code points above U+FFFF count 2. Offsets past the end are clamped.
uint32_t utf16Character(std::string_view text, size_t offset);

}  // namespace lambdalint::lsp
