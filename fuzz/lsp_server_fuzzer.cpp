// libFuzzer target: the language server's message loop. The input is the
// server's whole stdin (Content-Length framing, JSON-RPC bodies); what it
// writes back must be well-framed JSON messages. didOpen/didSave check the
// named file from disk: the seeds only name files that do not exist.
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "commands/lsp_server.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lambdalint;
  std::istringstream in(fuzz::bytes(data, size));
  std::ostringstream out;
  lsp::ServerOptions options;
  options.version = "fuzz";
  options.useConfig = false;
  options.jobs = 1;
  options.today = parseDate("2025-06-01");
  lsp::LspServer server(in, out, options);
  int code = server.run();
  fuzz::require(code == 0 || code == 1);

  // Every message written is `Content-Length: N\r\n\r\n` + N bytes of JSON.
  const std::string text = out.str();
  constexpr std::string_view kHeader = "Content-Length: ";
  size_t pos = 0;
  while (pos < text.size()) {
    fuzz::require(text.compare(pos, kHeader.size(), kHeader) == 0);
    size_t end = text.find("\r\n\r\n", pos);
    fuzz::require(end != std::string::npos);
    size_t length = std::stoul(text.substr(pos + kHeader.size(), end - pos - kHeader.size()));
    fuzz::require(end + 4 + length <= text.size());
    fuzz::require(nlohmann::json::accept(text.substr(end + 4, length)));
    pos = end + 4 + length;
  }
  return 0;
}
