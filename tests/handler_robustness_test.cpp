// Robustness of the tree-sitter handler frontends on real, odd and broken code:
// the reproducers of crashes under testdata/robustness/, odd-but-valid shapes,
// every prefix of a few rich handlers (error recovery leaves fields and
// children missing in shapes nobody writes on purpose), bytes that are not
// text, and the parse budget.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "code/javascript/javascript_frontend.h"
#include "code/python/python_frontend.h"

namespace lambdalint::code {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = LAMBDALINT_SOURCE_DIR;
const fs::path kRobustness = kSource / "testdata" / "robustness";

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<Language> languageOf(const fs::path& path) {
  auto ext = path.extension().string();
  if (ext == ".js" || ext == ".mjs" || ext == ".cjs") return Language::JavaScript;
  if (ext == ".ts") return Language::TypeScript;
  if (ext == ".tsx") return Language::Tsx;
  if (ext == ".py") return Language::Python;
  return std::nullopt;
}

CodeFacts extract(const SourceFile& file, Language language, const ParseBudget& budget = {}) {
  if (language == Language::Python) return extractPython(file, "handler", budget);
  return extractJavaScript(file, language, "handler", budget);
}

// Every range a frontend reports lies inside the file, begin before end.
void expectRangesInside(const CodeFacts& f, const SourceFile& file, const std::string& what) {
  auto check = [&](const Range& r, const char* name) {
    EXPECT_LE(r.begin.offset, r.end.offset) << what << ": " << name;
    EXPECT_LE(r.end.offset, file.text().size()) << what << ": " << name;
    EXPECT_GE(r.begin.line, 1u) << what << ": " << name;
    EXPECT_GE(r.begin.column, 1u) << what << ": " << name;
  };
  check(f.handler.range, "handler");
  check(f.handler.nameRange, "handler name");
  for (const auto& c : f.clients) check(c.range, "client");
  for (const auto& c : f.sdkCalls) check(c.range, "sdk call");
  for (const auto& e : f.envReads) check(e.range, "env read");
  for (const auto& i : f.imports) check(i.range, "import");
  for (const auto& c : f.catches) check(c.range, "catch");
  for (const auto& p : f.problems) check(p.range, "problem");
}

CodeFacts js(const std::string& source, Language language = Language::JavaScript) {
  SourceFile file(language == Language::JavaScript ? "app.js" : "app.ts", source);
  CodeFacts f = extractJavaScript(file, language, "handler");
  expectRangesInside(f, file, source);
  return f;
}

CodeFacts py(const std::string& source) {
  SourceFile file("app.py", source);
  CodeFacts f = extractPython(file, "handler");
  expectRangesInside(f, file, source);
  return f;
}

const SdkCall* findCall(const CodeFacts& f, std::string_view operation) {
  for (const SdkCall& c : f.sdkCalls) {
    if (c.operation == operation) return &c;
  }
  return nullptr;
}

bool hasClient(const CodeFacts& f, std::string_view service) {
  for (const ClientConstruction& c : f.clients) {
    if (c.service == service) return true;
  }
  return false;
}

bool notAnalysed(const CodeFacts& f) {
  return f.handler.found && !f.complete && f.problems.size() == 1 &&
         f.problems[0].message.find("not analysed: parsing exceeded its budget") != std::string::npos &&
         f.problems[0].range.begin.line == 1 && f.problems[0].range.begin.column == 1;
}

// ------------------------------------------------------------- the null-safe layer

// The frontends read nodes only through code/tree_sitter/node.h and
// tree_cursor.h: most ts_node_* functions crash on a null node.
TEST(HandlerRobustness, FrontendsCallNoTreeSitterNodeFunctionDirectly) {
  const std::regex direct(R"(\bts_(node|tree_cursor)_[a-z_]+\s*\()");
  std::vector<std::string> offenders;
  for (const char* folder : {"src/code/javascript", "src/code/python"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kSource / folder)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        if (std::regex_search(line, direct)) offenders.push_back(entry.path().string() + ":" + std::to_string(n));
      }
    }
  }
  EXPECT_TRUE(offenders.empty()) << "direct ts_node_* / ts_tree_cursor_* calls (use code/tree_sitter/node.h): "
                                 << ::testing::PrintToString(offenders);
}

// ------------------------------------------------------------------ reproducers

TEST(HandlerRobustness, EveryReproducerSourceExtracts) {
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kRobustness)) {
    if (!entry.is_regular_file()) continue;
    auto language = languageOf(entry.path());
    if (!language) continue;
    SourceFile file(entry.path().string(), readFile(entry.path()));
    CodeFacts f = extract(file, *language);
    expectRangesInside(f, file, entry.path().string());
    ++files;
  }
  EXPECT_GE(files, 4u);
}

TEST(HandlerRobustness, NewWithoutArgumentsIsACommand) {
  SourceFile file("app.js", readFile(kRobustness / "js-new-without-args" / "src" / "app.js"));
  CodeFacts f = extractJavaScript(file, Language::JavaScript, "handler");
  EXPECT_TRUE(f.handler.found);
  const SdkCall* list = findCall(f, "ListBuckets");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->service, "s3");
  EXPECT_EQ(list->sdk, "js-v3");
}

TEST(HandlerRobustness, ExportLetWithoutInitializer) {
  SourceFile file("app.mjs", readFile(kRobustness / "js-export-let-without-init" / "src" / "app.mjs"));
  CodeFacts f = extractJavaScript(file, Language::JavaScript, "handler");
  EXPECT_TRUE(f.handler.found);
  EXPECT_EQ(f.handler.nameRange.begin.line, 1u);
  EXPECT_EQ(f.handler.nameRange.begin.column, 12u);
}

TEST(HandlerRobustness, NulByteBeforeTheInitializer) {
  SourceFile file("nul.ts", readFile(kRobustness / "js-export-let-without-init" / "src" / "nul.ts"));
  ASSERT_NE(file.text().find('\0'), std::string_view::npos);
  CodeFacts f = extractJavaScript(file, Language::TypeScript, "handler");
  EXPECT_FALSE(f.problems.empty());
  expectRangesInside(f, file, "nul.ts");
}

TEST(HandlerRobustness, ArrowFunctionWithBrokenParameterList) {
  SourceFile file("notify.ts", readFile(kRobustness / "ts-arrow-missing-params" / "src" / "notify.ts"));
  CodeFacts f = extractJavaScript(file, Language::TypeScript, "handler");
  EXPECT_TRUE(f.handler.found);
  EXPECT_FALSE(f.problems.empty());
}

// ------------------------------------------------------------ odd but valid shapes

TEST(HandlerRobustness, OddButValidJavaScriptShapes) {
  struct Case {
    const char* source;
    bool found;
  };
  const Case cases[] = {
      {"exports.handler = async event => 1;", true},
      {"export let handler;", true},
      {"export let handler, other;\nhandler = async (e) => e;", true},
      {"export var handler = undefined;", true},
      {"module.exports = { handler };\nasync function handler(event) { return event; }", true},
      {"const handler = async () => 1;\nmodule.exports = { handler, other: 1 };", true},
      {"module.exports = { async handler(event) { return 1; } };", true},
      {"module.exports = { handler: async function () {} };", true},
      {"module.exports.handler = function named(e) {};", true},
      {"exports['handler'] = () => 1;", true},
      {"class App { async handler(event) { return 1; } }\nexports.handler = new App().handler;", true},
      {"class App { static handler = async (e) => e; }\nexports.handler = App.handler;", true},
      {"export class Handler { handler() {} }", false},
      {"export default async function handler(event) {}", false},
      {"export default { handler: async () => 1 };", false},
      {"const handler = 1;\nexport { handler };", true},
      {"export { handler } from './impl.js';", true},
      {"export * from './impl.js';", false},
      {"// only a comment", false},
      {"/* only a comment */", false},
      {"", false},
      {"#!/usr/bin/env node\nexports.handler = async () => {};", true},
      {"exports.handler = async () => { throw new Error; };", true},
      {"exports.handler = new Function;", true},
      {"exports.handler = async () => new (class {})", true},
      {"exports.handler = async () => new new X;", true},
      {"exports.handler = async () => new X.Y;", true},
      {"exports.handler = async () => new X?.Y;", true},
  };
  for (const Case& c : cases) {
    for (Language language : {Language::JavaScript, Language::TypeScript, Language::Tsx}) {
      CodeFacts f = js(c.source, language);
      EXPECT_EQ(f.handler.found, c.found) << c.source << " (" << to_string(language) << ")";
    }
  }
}

TEST(HandlerRobustness, NewWithoutParenthesesWhereverTheExtractorLooks) {
  // v3 client, command inline and through a variable.
  CodeFacts v3 =
      js("const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');\n"
         "const s3 = new S3Client;\n"
         "exports.handler = async (event) => {\n"
         "  await s3.send(new GetObjectCommand);\n"
         "  const put = new PutObjectCommand;\n"
         "  await s3.send(put);\n"
         "};\n");
  EXPECT_TRUE(hasClient(v3, "s3"));
  EXPECT_NE(findCall(v3, "GetObject"), nullptr);
  EXPECT_NE(findCall(v3, "PutObject"), nullptr);

  // v2 clients, the document client, lib-dynamodb, lib-storage, databases.
  CodeFacts v2 =
      js("const AWS = require('aws-sdk');\n"
         "const s3 = new AWS.S3;\n"
         "const doc = new AWS.DynamoDB.DocumentClient;\n"
         "exports.handler = async () => {\n"
         "  await s3.getObject({ Bucket: 'b', Key: 'k' }).promise();\n"
         "  await doc.put({ TableName: 't', Item: {} }).promise();\n"
         "};\n");
  EXPECT_TRUE(hasClient(v2, "s3"));
  EXPECT_NE(findCall(v2, "GetObject"), nullptr);
  EXPECT_NE(findCall(v2, "PutItem"), nullptr);

  CodeFacts doc =
      js("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n"
         "import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';\n"
         "import { Upload } from '@aws-sdk/lib-storage';\n"
         "import { Pool } from 'pg';\n"
         "const db = DynamoDBDocumentClient.from(new DynamoDBClient);\n"
         "const pool = new Pool;\n"
         "export const handler = async () => {\n"
         "  await db.send(new PutCommand);\n"
         "  await new Upload;\n"
         "  new Upload.done;\n"
         "};\n");
  EXPECT_TRUE(doc.handler.found);
  EXPECT_NE(findCall(doc, "PutItem"), nullptr);
}

TEST(HandlerRobustness, ArrowFunctionsWithBrokenParameterLists) {
  const char* sources[] = {
      "export const handler = async (eve Promise<void> => { };",
      "export const handler = async (a, => 1;",
      "export const handler = async (, ) => 1;",
      "export const handler = (event = ) => {};",
      "export const handler = async ({ => {};",
      "export const handler = async ([a, => {};",
      "export const handler = async (...) => {};",
      "export const handler = async (event: ) => { event.Records.map(r => r); };",
      "export const handler = async (event, context: Context<) => {};",
      "export const handler = async <T>(event: T => {};",
      "export const handler = async",
      "export const handler = (",
      "export const handler = async (event) =>",
  };
  for (const char* s : sources) {
    for (Language language : {Language::JavaScript, Language::TypeScript, Language::Tsx}) js(s, language);
  }
}

TEST(HandlerRobustness, OddButValidPythonShapes) {
  struct Case {
    const char* source;
    bool found;
  };
  const Case cases[] = {
      {"def handler(event, context): return 1", true},
      {"handler = lambda event, context: 1", true},
      {"class App:\n    def handle(self, e, c): pass\nhandler = App().handle", true},
      {"from impl import handler", true},
      {"import boto3\nc = boto3.client\ndef handler(e, c):\n    boto3.client()\n    boto3.resource().Table()", true},
      {"# only a comment", false},
      {"", false},
      {"def handler(event, context):\n\treturn event['Records'][0]['body']\n", true},
  };
  for (const Case& c : cases) {
    CodeFacts f = py(c.source);
    EXPECT_EQ(f.handler.found, c.found) << c.source;
  }
  // Broken parameter lists: only "no crash" is asked of them.
  for (const char* s : {"def handler(event, context:", "def handler(", "async def handler(*, **): pass",
                        "def handler(event, *, context=): pass", "handler = lambda e, : 1", "def handler(e, c) -> :"}) {
    py(s);
  }
}

// ---------------------------------------------------------- bytes that are not text

TEST(HandlerRobustness, NulBytesLoneSurrogatesCrlf) {
  const std::string nul("exports.handler = async (e) => {\0 return 1; };\0", 48);
  const std::string surrogate = "exports.handler = async () => '\xED\xA0\x80';\n// \xED\xBF\xBF\xFF\xFE\x80\n";
  const std::string crlf = "const x = 1;\r\nexports.handler = async (event) => {\r\n  return process.env.X;\r\n};\r\n";
  for (Language language : {Language::JavaScript, Language::TypeScript, Language::Tsx}) {
    js(nul, language);
    EXPECT_TRUE(js(surrogate, language).handler.found);
    CodeFacts f = js(crlf, language);
    EXPECT_TRUE(f.handler.found);
    EXPECT_EQ(f.handler.nameRange.begin.line, 2u);
    EXPECT_EQ(f.handler.nameRange.begin.column, 9u);
    ASSERT_EQ(f.envReads.size(), 1u);
    EXPECT_EQ(f.envReads[0].range.begin.line, 3u);
  }
  py(std::string("def handler(e, c):\0\n    return 1\0", 32));
  EXPECT_TRUE(py("def handler(e, c):\n    return '\xED\xA0\x80'\n").handler.found);
  CodeFacts f = py("import os\r\ndef handler(e, c):\r\n    return os.environ['X']\r\n");
  EXPECT_TRUE(f.handler.found);
  EXPECT_EQ(f.handler.nameRange.begin.line, 2u);
  ASSERT_EQ(f.envReads.size(), 1u);
  EXPECT_EQ(f.envReads[0].range.begin.line, 3u);
}

// ------------------------------------------------------------- every prefix

// Cutting a handler anywhere leaves shapes error recovery fills with MISSING
// nodes and ERROR nodes where fields are expected: none may crash.
TEST(HandlerRobustness, EveryPrefixOfRichHandlers) {
  const std::string javascript = R"JS(
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const AWS = require('aws-sdk');
const s3 = new S3Client({ region: process.env.REGION ?? 'eu-west-1' });
const doc = new AWS.DynamoDB.DocumentClient;
let cached;
export const handler = async (event, context) => {
  cached ??= new AWS.SQS();
  const failures = [];
  for (const record of event.Records) {
    try {
      const { body } = record;
      await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: body['detail-type'] }));
      doc.put({ TableName: `t`, Item: { id: event.detail-type } }).promise();
    } catch (err) {
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};
class Worker { async run(e) { return helper(e); } }
function helper(x) { return new Worker().run(x); }
)JS";
  const std::string typescript = R"TS(
import type { SQSEvent, Context } from 'aws-lambda';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}) as any);
export const handler = async <T,>(event: SQSEvent, context?: Context): Promise<void> => {
  await db.send(new PutCommand({ TableName: process.env.TABLE!, Item: {} }) satisfies object);
  event.Records.forEach((r: any) => { try { JSON.parse(r.body); } catch { } });
};
export = { handler };
)TS";
  const std::string python = R"PY(
import os, boto3
from botocore.exceptions import ClientError
s3 = boto3.client('s3', region_name=os.environ.get('REGION', 'x'))
table = boto3.resource('dynamodb').Table(os.environ['TABLE'])
class Repo:
    def save(self, item):
        table.put_item(Item=item)
async def handler(event, context):
    failures = []
    for record in event['Records']:
        try:
            s3.get_object(Bucket=os.getenv('BUCKET'), Key=record['body'])
            Repo().save({'id': record['messageId']})
        except ClientError as e:
            failures.append({'itemIdentifier': record['messageId']})
    paginator = s3.get_paginator('list_objects_v2')
    return {'batchItemFailures': failures}
)PY";
  for (size_t n = 0; n <= javascript.size(); ++n) {
    js(javascript.substr(0, n), Language::JavaScript);
    js(javascript.substr(n), Language::JavaScript);
  }
  for (size_t n = 0; n <= typescript.size(); ++n) {
    js(typescript.substr(0, n), Language::TypeScript);
    js(typescript.substr(0, n), Language::Tsx);
  }
  for (size_t n = 0; n <= python.size(); ++n) {
    py(python.substr(0, n));
    py(python.substr(n));
  }
}

// ---------------------------------------------------------------- parse budget

TEST(HandlerRobustness, ParseOverItsOperationBudgetIsNotAnalysed) {
  ParseBudget tiny;
  tiny.operations = 1000;
  tiny.operationsPerByte = 0;
  tiny.cpuMilliseconds = 0;  // deterministic: operations only
  std::string big = "exports.handler = async () => 1;\n";
  for (int i = 0; i < 2000; ++i) big += "const v" + std::to_string(i) + " = process.env.X" + std::to_string(i) + ";\n";
  SourceFile jsFile("app.js", big);
  CodeFacts f = extractJavaScript(jsFile, Language::JavaScript, "handler", tiny);
  EXPECT_TRUE(notAnalysed(f));
  EXPECT_EQ(f.handler.name, "handler");
  EXPECT_EQ(f.path, "app.js");
  EXPECT_TRUE(f.envReads.empty());
  // The default budget is far above what this file needs.
  CodeFacts full = extractJavaScript(jsFile, Language::JavaScript, "handler");
  EXPECT_TRUE(full.complete);
  EXPECT_EQ(full.envReads.size(), 2000u);

  std::string pyBig = "def handler(e, c):\n    return 1\n";
  for (int i = 0; i < 2000; ++i) pyBig += "v" + std::to_string(i) + " = 1\n";
  SourceFile pyFile("app.py", pyBig);
  EXPECT_TRUE(notAnalysed(extractPython(pyFile, "handler", tiny)));
  EXPECT_TRUE(extractPython(pyFile, "handler").problems.empty());
}

// One line of apostrophes: few parser operations, each slower than the last
// (tree-sitter error recovery). The CPU backstop stops it.
TEST(HandlerRobustness, QuoteRunStopsAtTheCpuBackstop) {
  ParseBudget quick;
  quick.cpuMilliseconds = 100;
  SourceFile file("app.js", "exports.handler = async () => 1;\nLong: " + std::string(100000, '\'') + "\n");
  CodeFacts f = extractJavaScript(file, Language::JavaScript, "handler", quick);
  EXPECT_TRUE(notAnalysed(f));
}

}  // namespace
}  // namespace lambdalint::code
