// The language server driven through string streams: framing, lifecycle,
// errors, and diagnostics at 0-based UTF-16 positions.
#include "commands/lsp_server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "commands/check.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace lambdalint;
using namespace lambdalint::lsp;

namespace {

const std::string kSource = LAMBDALINT_SOURCE_DIR;

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}
std::string frame(const json& message) { return frame(message.dump()); }

json request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

std::string initialize() {
  return frame(request(1, "initialize",
                       {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}})) +
         frame(notification("initialized"));
}
std::string shutdownExit() { return frame(request(99, "shutdown")) + frame(notification("exit")); }

struct Session {
  int exitCode;
  std::vector<json> messages;
};

Session serve(const std::string& input, std::vector<std::string> workerCommand = {}) {
  std::istringstream in(input);
  std::ostringstream out;
  ServerOptions options;
  options.version = "test";
  options.useConfig = false;
  options.jobs = 1;
  options.workerCommand = std::move(workerCommand);
  LspServer server(in, out, options);
  Session session{server.run(), {}};
  std::string text = out.str();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t header = text.find("\r\n\r\n", pos);
    EXPECT_NE(header, std::string::npos) << text.substr(pos);
    if (header == std::string::npos) break;
    std::string head = text.substr(pos, header - pos);
    EXPECT_EQ(head.rfind("Content-Length: ", 0), 0u) << head;
    size_t length = std::stoul(head.substr(16));
    session.messages.push_back(json::parse(text.substr(header + 4, length)));
    pos = header + 4 + length;
  }
  return session;
}

const json* findResponse(const Session& s, int id) {
  for (const auto& m : s.messages)
    if (m.contains("id") && m["id"] == id) return &m;
  return nullptr;
}

std::vector<json> published(const Session& s, const std::string& uri) {
  std::vector<json> out;
  for (const auto& m : s.messages)
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
      out.push_back(m["params"]);
  return out;
}

json didOpen(const std::string& uri, const std::string& text = "") {
  return notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", text}}}});
}

}  // namespace

TEST(LspServer, InitializeAnswersCapabilities) {
  Session s = serve(initialize() + shutdownExit());
  const json* init = findResponse(s, 1);
  ASSERT_NE(init, nullptr);
  const json& caps = (*init)["result"]["capabilities"];
  EXPECT_EQ(caps["textDocumentSync"]["change"], 1);
  EXPECT_EQ(caps["textDocumentSync"]["openClose"], true);
  EXPECT_TRUE(caps["textDocumentSync"].contains("save"));
  EXPECT_EQ((*init)["result"]["serverInfo"]["name"], "lambdalint");
  EXPECT_EQ((*init)["result"]["serverInfo"]["version"], "test");
  const json* shutdown = findResponse(s, 99);
  ASSERT_NE(shutdown, nullptr);
  EXPECT_TRUE((*shutdown)["result"].is_null());
  EXPECT_EQ(s.exitCode, 0);
}

TEST(LspServer, ExitWithoutShutdownIsOne) {
  EXPECT_EQ(serve(initialize() + frame(notification("exit"))).exitCode, 1);
  EXPECT_EQ(serve(initialize()).exitCode, 1);  // end of input
}

TEST(LspServer, DidOpenPublishesFixtureFindings) {
  std::string path = fs::absolute(kSource + "/testdata/rules/IAM003/bad.yaml").lexically_normal().string();
  std::string uri = pathToUri(path);
  // The fixture's `# expect: IAM003` lines, 0-based.
  std::multiset<int> expected;
  {
    std::ifstream f(path);
    std::string line;
    for (int n = 0; std::getline(f, line); ++n)
      if (line.find("# expect: IAM003") != std::string::npos) expected.insert(n);
  }
  ASSERT_FALSE(expected.empty());

  Session s = serve(initialize() + frame(didOpen(uri)) + shutdownExit());
  auto pubs = published(s, uri);
  ASSERT_EQ(pubs.size(), 1u);
  std::multiset<int> lines;
  std::vector<json> iam003;
  for (const auto& d : pubs[0]["diagnostics"]) {
    EXPECT_EQ(d["source"], "lambdalint");
    EXPECT_TRUE(d["severity"] == 1 || d["severity"] == 2 || d["severity"] == 3);
    if (d["code"] != "IAM003") continue;
    lines.insert(d["range"]["start"]["line"].get<int>());
    iam003.push_back(d);
  }
  EXPECT_EQ(lines, expected);

  // Same positions as the CLI's (ASCII file: UTF-16 character = column - 1).
  RunOptions options;
  options.paths = {path};
  options.jobs = 1;
  std::vector<Diagnostic> cli;
  for (auto& d : runCheck(options).diagnostics)
    if (d.ruleId == "IAM003") cli.push_back(d);
  ASSERT_EQ(cli.size(), iam003.size());
  for (size_t i = 0; i < cli.size(); ++i) {
    EXPECT_EQ(iam003[i]["range"]["start"]["line"], cli[i].location.range.begin.line - 1);
    EXPECT_EQ(iam003[i]["range"]["start"]["character"], cli[i].location.range.begin.column - 1);
    EXPECT_EQ(iam003[i]["range"]["end"]["line"], cli[i].location.range.end.line - 1);
    EXPECT_EQ(iam003[i]["range"]["end"]["character"], cli[i].location.range.end.column - 1);
    EXPECT_EQ(iam003[i]["message"], cli[i].message);
    EXPECT_EQ(iam003[i]["severity"], cli[i].severity == Severity::Error     ? 1
                                     : cli[i].severity == Severity::Warning ? 2
                                                                            : 3);
  }
}

TEST(LspServer, DidCloseClearsDiagnostics) {
  std::string uri = pathToUri(fs::absolute(kSource + "/testdata/rules/IAM003/bad.yaml").lexically_normal().string());
  Session s = serve(initialize() + frame(didOpen(uri)) +
                    frame(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}})) +
                    frame(notification("textDocument/didClose", {{"textDocument", {{"uri", uri}}}})) + shutdownExit());
  auto pubs = published(s, uri);
  ASSERT_EQ(pubs.size(), 3u);  // open, save, close
  EXPECT_FALSE(pubs[0]["diagnostics"].empty());
  EXPECT_EQ(pubs[1]["diagnostics"], pubs[0]["diagnostics"]);
  EXPECT_TRUE(pubs[2]["diagnostics"].empty());
}

TEST(LspServer, PositionsCountUtf16CodeUnits) {
  // A finding on a line with an emoji (2 UTF-16 units, 1 code point, 4 bytes) before it.
  fs::path dir = fs::temp_directory_path() / ("lambdalint_lsp_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "template é.yaml";  // a space and a non-ASCII byte in the URI
  std::string line =
      "  Admin: {Type: AWS::Serverless::Function, Properties: {Description: \"\xF0\x9F\x98\x80 \xC3\xA9\", "
      "Runtime: python3.12, Handler: app.handler, InlineCode: \"x\", Policies: [AdministratorAccess]}}";
  {
    std::ofstream f(file, std::ios::binary);
    f << "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n" << line << "\n";
  }
  std::string uri = pathToUri(file.string());
  EXPECT_NE(uri.find("%20"), std::string::npos);
  EXPECT_EQ(uriToPath(uri), file.string());

  Session s = serve(initialize() + frame(didOpen(uri)) + shutdownExit());
  fs::remove_all(dir);
  auto pubs = published(s, uri);
  ASSERT_EQ(pubs.size(), 1u);
  const json* finding = nullptr;
  for (const auto& d : pubs[0]["diagnostics"])
    if (d["code"] == "IAM003") finding = &d;
  ASSERT_NE(finding, nullptr) << pubs[0].dump(2);
  size_t bytes = line.find("AdministratorAccess");
  // bytes - 4 (emoji) - 2 (é) + 2 (surrogate pair) + 1 (é)
  EXPECT_EQ((*finding)["range"]["start"]["line"], 3);
  EXPECT_EQ((*finding)["range"]["start"]["character"], bytes - 3);
  EXPECT_EQ((*finding)["range"]["end"]["character"], bytes - 3 + std::string("AdministratorAccess").size());
}

TEST(LspServer, Utf16Converter) {
  std::string text = "ab\n\xF0\x9F\x98\x80x\xC3\xA9y\xE4\xB8\xADz\n";
  EXPECT_EQ(utf16Character(text, 0), 0u);
  EXPECT_EQ(utf16Character(text, 2), 2u);
  EXPECT_EQ(utf16Character(text, 3), 0u);     // start of line 2
  EXPECT_EQ(utf16Character(text, 7), 2u);     // after the emoji
  EXPECT_EQ(utf16Character(text, 8), 3u);     // after x
  EXPECT_EQ(utf16Character(text, 10), 4u);    // after é
  EXPECT_EQ(utf16Character(text, 11), 5u);    // after y
  EXPECT_EQ(utf16Character(text, 14), 6u);    // after 中
  EXPECT_EQ(utf16Character(text, 1000), 0u);  // clamped to the end (after the last newline)
}

TEST(LspServer, UriConversion) {
  EXPECT_EQ(uriToPath("file:///tmp/a%20b/t.yaml"), "/tmp/a b/t.yaml");
  EXPECT_EQ(uriToPath("file://localhost/tmp/x"), "/tmp/x");
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(pathToUri("/tmp/a b/t.yaml"), "file:///tmp/a%20b/t.yaml");
}

TEST(LspServer, UnknownMethodIsMethodNotFound) {
  Session s = serve(initialize() + frame(request(7, "textDocument/hover")) +
                    frame(notification("$/unknownNotification")) + shutdownExit());
  const json* r = findResponse(s, 7);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ((*r)["error"]["code"], -32601);
  // The unknown notification got no answer: initialize, hover, shutdown.
  EXPECT_EQ(s.messages.size(), 3u);
  EXPECT_EQ(s.exitCode, 0);
}

TEST(LspServer, GarbageIsParseErrorAndServingGoesOn) {
  Session s = serve(initialize() + frame(std::string("{not json")) + frame(std::string("\xff\xfe")) +
                    frame(std::string("[1,2]")) + frame(request(5, "shutdown")) + frame(notification("exit")));
  int parseErrors = 0, invalid = 0;
  for (const auto& m : s.messages) {
    if (!m.contains("error")) continue;
    EXPECT_TRUE(m["id"].is_null());
    if (m["error"]["code"] == -32700) ++parseErrors;
    if (m["error"]["code"] == -32600) ++invalid;
  }
  EXPECT_EQ(parseErrors, 2);
  EXPECT_EQ(invalid, 1);
  ASSERT_NE(findResponse(s, 5), nullptr);
  EXPECT_EQ(s.exitCode, 0);
}

TEST(LspServer, DeeplyNestedMessageIsRejectedNotAStackOverflow) {
  // Copying or dumping this with nlohmann::json recursed once per level (kept as
  // fuzz/regressions/lsp_server_fuzzer/deep-params-stack-overflow).
  const size_t depth = 100000;
  std::string params = std::string(depth, '[') + std::string(depth, ']');
  Session s =
      serve(initialize() + frame(R"({"jsonrpc":"2.0","method":"textDocument/didSave","params":)" + params + "}") +
            frame(R"({"jsonrpc":"2.0","id":)" + params + R"(,"method":"shutdown"})") + shutdownExit());
  int invalid = 0;
  for (const auto& m : s.messages)
    if (m.contains("error") && m["error"]["code"] == -32600) ++invalid;
  EXPECT_EQ(invalid, 2);
  ASSERT_NE(findResponse(s, 99), nullptr);
  EXPECT_EQ(s.exitCode, 0);
}

TEST(LspServer, MissingContentLengthIsParseError) {
  Session s = serve(initialize() + "X-Other: 1\r\n\r\n" + shutdownExit());
  bool parseError = false;
  for (const auto& m : s.messages)
    if (m.contains("error") && m["error"]["code"] == -32700) parseError = true;
  EXPECT_TRUE(parseError);
  EXPECT_EQ(s.exitCode, 0);
}

TEST(LspServer, RequestBeforeInitializeIsRejected) {
  Session s = serve(frame(request(3, "shutdown")) + frame(notification("exit")));
  const json* r = findResponse(s, 3);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ((*r)["error"]["code"], -32002);
  EXPECT_EQ(s.exitCode, 1);
}

// A handler that crashes its analysis does not take the server down: the crash is a finding on the
// handler, and the next request is still answered.
TEST(LspServer, SurvivesAHandlerWhoseAnalysisCrashes) {
  std::string path = fs::absolute(kSource + "/testdata/apps/thumbnail/src/app.js").lexically_normal().string();
  std::string uri = pathToUri(path);
  Session s = serve(initialize() + frame(didOpen(uri)) + frame(request(7, "shutdown")) + frame(notification("exit")),
                    {"/bin/sh", "-c", "kill -SEGV $$"});
  EXPECT_EQ(s.exitCode, 0);
  auto pubs = published(s, uri);
  ASSERT_EQ(pubs.size(), 1u);
  bool internal = false;
  for (const auto& d : pubs[0]["diagnostics"]) internal = internal || d["code"] == "TPL005";
  EXPECT_TRUE(internal) << pubs[0].dump();
  EXPECT_NE(findResponse(s, 7), nullptr) << "the server stopped answering";
}

// An edited, unsaved buffer is checked as it is in the editor, not as it is on disk; saving returns to the disk.
TEST(LspServer, ChecksTheUnsavedBuffer) {
  std::string path = fs::absolute(kSource + "/testdata/rules/IAM003/bad.yaml").lexically_normal().string();
  std::string uri = pathToUri(path);
  std::ifstream f(path);
  std::stringstream disk;
  disk << f.rdbuf();
  std::string edited = disk.str();
  for (size_t at; (at = edited.find("AdministratorAccess")) != std::string::npos;) {
    edited.replace(at, std::string("AdministratorAccess").size(), "AmazonS3ReadOnlyAccess");
  }
  json change = notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                                        {"contentChanges", {{{"text", edited}}}}});
  json save = notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  Session s = serve(initialize() + frame(didOpen(uri)) + frame(change) + frame(save) + shutdownExit());
  auto pubs = published(s, uri);
  ASSERT_EQ(pubs.size(), 3u);
  auto count = [](const json& pub, const std::string& code) {
    size_t n = 0;
    for (const auto& d : pub["diagnostics"]) n += d["code"] == code;
    return n;
  };
  EXPECT_EQ(count(pubs[0], "IAM003"), 4u) << "on open: the file on disk";
  EXPECT_EQ(count(pubs[1], "IAM003"), 3u) << "after the edit (AdministratorAccess replaced): the buffer";
  EXPECT_EQ(count(pubs[2], "IAM003"), count(pubs[0], "IAM003")) << "after save: the disk again";
}
