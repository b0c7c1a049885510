// Tests of the JavaScript / TypeScript / TSX handler frontend
// (src/code/javascript/javascript_frontend.cpp).
#include "code/javascript/javascript_frontend.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace lambdalint::code {
namespace {

CodeFacts extract(std::string source, Language language = Language::JavaScript, std::string_view handler = "handler") {
  std::string path = language == Language::JavaScript ? "app.js" : language == Language::Tsx ? "app.tsx" : "app.ts";
  SourceFile file(path, std::move(source));
  return extractJavaScript(file, language, handler);
}
CodeFacts ts(std::string source) { return extract(std::move(source), Language::TypeScript); }

const SdkCall* findCall(const CodeFacts& f, std::string_view operation, size_t nth = 0) {
  for (const SdkCall& c : f.sdkCalls) {
    if (c.operation == operation && nth-- == 0) return &c;
  }
  return nullptr;
}
const ClientConstruction* findClient(const CodeFacts& f, std::string_view variable) {
  for (const ClientConstruction& c : f.clients) {
    if (c.variable == variable) return &c;
  }
  return nullptr;
}
const EnvRead* findEnv(const CodeFacts& f, std::string_view name) {
  for (const EnvRead& r : f.envReads) {
    if (r.name == name) return &r;
  }
  return nullptr;
}
const TracedValue* param(const SdkCall* c, std::string_view key) {
  if (c == nullptr) return nullptr;
  for (const auto& [k, v] : c->resourceParams) {
    if (k == key) return &v;
  }
  return nullptr;
}
bool hasImport(const CodeFacts& f, std::string_view module) {
  for (const Import& i : f.imports) {
    if (i.module == module) return true;
  }
  return false;
}

// ---------------------------------------------------------------- handler

TEST(JavaScriptFrontendHandler, CommonJsExportsAssignment) {
  auto f = extract("const x = 1;\nexports.handler = async (event) => {\n  return 1;\n};\n");
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.handler.isAsync);
  EXPECT_EQ(f.handler.name, "handler");
  EXPECT_EQ(f.handler.range.begin.line, 2u);
  EXPECT_EQ(f.handler.range.begin.column, 19u);
  EXPECT_EQ(f.handler.range.end.line, 4u);
  EXPECT_EQ(f.handler.nameRange.begin.line, 2u);
  EXPECT_EQ(f.handler.nameRange.begin.column, 9u);
  EXPECT_EQ(f.language, Language::JavaScript);
  EXPECT_EQ(f.path, "app.js");
  EXPECT_TRUE(f.problems.empty());
}

TEST(JavaScriptFrontendHandler, ModuleExportsPropertyFunction) {
  auto f = extract("module.exports.handler = function (event, context, callback) { callback(null, 1); };\n");
  EXPECT_TRUE(f.handler.found);
  EXPECT_FALSE(f.handler.isAsync);
  EXPECT_EQ(f.handler.range.begin.column, 26u);
}

TEST(JavaScriptFrontendHandler, ModuleExportsObjectShorthand) {
  auto f =
      extract("const handler = async (e) => { await go(); };\nasync function go() {}\nmodule.exports = { handler };\n");
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.handler.isAsync);
  EXPECT_EQ(f.handler.range.begin.line, 1u);
  EXPECT_EQ(f.handler.range.begin.column, 17u);
  EXPECT_EQ(f.handler.nameRange.begin.line, 3u);
}

TEST(JavaScriptFrontendHandler, ModuleExportsObjectPairAndMethod) {
  auto pair = extract("function impl(event) { return 2; }\nmodule.exports = { other: 1, handler: impl };\n");
  EXPECT_TRUE(pair.handler.found);
  EXPECT_EQ(pair.handler.range.begin.line, 1u);
  auto inlineArrow = extract("module.exports = {\n  handler: async (e) => e,\n};\n");
  EXPECT_TRUE(inlineArrow.handler.found);
  EXPECT_TRUE(inlineArrow.handler.isAsync);
  EXPECT_EQ(inlineArrow.handler.range.begin.line, 2u);
  EXPECT_EQ(inlineArrow.handler.range.begin.column, 12u);
  auto method = extract("module.exports = {\n  async handler(event) { return 1; },\n};\n");
  EXPECT_TRUE(method.handler.found);
  EXPECT_TRUE(method.handler.isAsync);
  EXPECT_EQ(method.handler.nameRange.begin.column, 9u);
}

TEST(JavaScriptFrontendHandler, EsmForms) {
  auto constArrow = extract("export const handler = async (event) => { return 1; };\n");
  EXPECT_TRUE(constArrow.handler.found);
  EXPECT_TRUE(constArrow.handler.isAsync);
  EXPECT_EQ(constArrow.handler.nameRange.begin.column, 14u);
  auto asyncFn = extract("export async function handler(event) {}\n");
  EXPECT_TRUE(asyncFn.handler.found);
  EXPECT_TRUE(asyncFn.handler.isAsync);
  EXPECT_EQ(asyncFn.handler.range.begin.column, 8u);
  auto plainFn = extract("export function handler(event, context) {}\n");
  EXPECT_TRUE(plainFn.handler.found);
  EXPECT_FALSE(plainFn.handler.isAsync);
  auto alias = extract("async function impl(event) {}\nexport { impl as handler };\n");
  EXPECT_TRUE(alias.handler.found);
  EXPECT_TRUE(alias.handler.isAsync);
  EXPECT_EQ(alias.handler.range.begin.line, 1u);
  EXPECT_EQ(alias.handler.nameRange.begin.line, 2u);
  EXPECT_EQ(alias.handler.nameRange.begin.column, 18u);
  auto plainClause = extract("const handler = async () => {};\nexport { handler };\n");
  EXPECT_TRUE(plainClause.handler.found);
  EXPECT_EQ(plainClause.handler.range.begin.line, 1u);
}

TEST(JavaScriptFrontendHandler, ReexportIsFoundWithoutBody) {
  auto f = extract("export { handler } from './impl.js';\n");
  EXPECT_TRUE(f.handler.found);
  EXPECT_FALSE(f.handler.isAsync);
  ASSERT_EQ(f.imports.size(), 1u);
  EXPECT_EQ(f.imports[0].module, "./impl.js");
}

TEST(JavaScriptFrontendHandler, NotExportedIsNotFound) {
  EXPECT_FALSE(extract("async function handler(event) {}\n").handler.found);
  EXPECT_FALSE(extract("export default async function handler(event) {}\n").handler.found);
  EXPECT_FALSE(extract("export default { handler: async () => {} };\n").handler.found);
  EXPECT_FALSE(extract("exports.other = async () => {};\n").handler.found);
  EXPECT_FALSE(extract("exports.handler = async () => {};\n", Language::JavaScript, "main").handler.found);
  EXPECT_TRUE(extract("exports.main = async () => {};\n", Language::JavaScript, "main").handler.found);
}

TEST(JavaScriptFrontendHandler, MiddlewareWrappedHandlerBodyIsTheBaseHandler) {
  auto f = extract(R"(import middy from '@middy/core';
import jsonBodyParser from '@middy/http-json-body-parser';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
const baseHandler = async (event) => {
  await s3.send(new PutObjectCommand({ Bucket: 'b' }));
};
export const handler = middy(baseHandler).use(jsonBodyParser());
)");
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.handler.isAsync);
  EXPECT_EQ(f.handler.range.begin.line, 5u);
  EXPECT_EQ(f.handler.nameRange.begin.line, 8u);
  ASSERT_EQ(f.sdkCalls.size(), 1u);
  EXPECT_EQ(f.sdkCalls[0].scope, Scope::Handler);

  auto inlineFn = extract(
      "const middy = require('@middy/core');\n"
      "module.exports.handler = middy().handler(async (event) => { process.env.A; });\n");
  EXPECT_TRUE(inlineFn.handler.found);
  ASSERT_NE(findEnv(inlineFn, "A"), nullptr);
  EXPECT_EQ(findEnv(inlineFn, "A")->scope, Scope::Handler);
}

TEST(JavaScriptFrontendHandler, MiddlewareChainPrefersHandlerOverUse) {
  auto f = extract(R"(const middy = require('@middy/core');
function logger() { return { before: async () => {} }; }
async function base(event) { return 1; }
exports.handler = middy().use(logger()).use(logger).handler(base);
)");
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.handler.isAsync);
  EXPECT_EQ(f.handler.range.begin.line, 3u);
  auto wrapped = extract(
      "const Sentry = require('@sentry/serverless');\n"
      "exports.handler = Sentry.AWSLambda.wrapHandler(async (event) => {});\n");
  EXPECT_TRUE(wrapped.handler.found);
  EXPECT_TRUE(wrapped.handler.isAsync);
  EXPECT_EQ(wrapped.handler.range.begin.column, 48u);
}

TEST(JavaScriptFrontendHandler, TypeScriptExportEquals) {
  auto f = ts("const handler = async (e: unknown) => {};\nexport = { handler };\n");
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.handler.isAsync);
}

// ----------------------------------------------------------------- scopes

TEST(JavaScriptFrontendScope, ModuleHandlerCalleeOther) {
  auto f = extract(R"(const { S3Client } = require('@aws-sdk/client-s3');
const atModule = new S3Client({});
function helper() { const inHelper = new S3Client({}); deeper(); }
function deeper() { const inDeeper = new S3Client({}); }
function unused() { const inOther = new S3Client({}); }
exports.handler = async (event) => {
  const inHandler = new S3Client({});
  const nested = () => { const inNested = new S3Client({}); };
  nested();
  helper();
};
class Service { client = new S3Client({}); }
(() => { const inIife = new S3Client({}); })();
)");
  ASSERT_EQ(f.clients.size(), 8u);
  EXPECT_EQ(findClient(f, "atModule")->scope, Scope::Module);
  EXPECT_EQ(findClient(f, "inHelper")->scope, Scope::HandlerCallee);
  EXPECT_EQ(findClient(f, "inDeeper")->scope, Scope::HandlerCallee);
  EXPECT_EQ(findClient(f, "inOther")->scope, Scope::Other);
  EXPECT_EQ(findClient(f, "inHandler")->scope, Scope::Handler);
  EXPECT_EQ(findClient(f, "inNested")->scope, Scope::Handler);
  EXPECT_EQ(findClient(f, "this.client")->scope, Scope::Module);
  EXPECT_EQ(findClient(f, "inIife")->scope, Scope::Module);
}

TEST(JavaScriptFrontendScope, CallbacksPassedByNameAndMethods) {
  auto f = extract(R"(const { SQSClient } = require('@aws-sdk/client-sqs');
async function processRecord(record) { const c = new SQSClient({}); }
class Repo { save() { const r = new SQSClient({}); } }
const repo = new Repo();
exports.handler = async (event) => {
  await Promise.all(event.Records.map(processRecord));
  repo.save();
};
)");
  EXPECT_EQ(findClient(f, "c")->scope, Scope::HandlerCallee);
  EXPECT_EQ(findClient(f, "r")->scope, Scope::HandlerCallee);
}

// ------------------------------------------------------------- lazy caching

TEST(JavaScriptFrontendLazy, GuardedByModuleVariable) {
  auto f = extract(R"(const { S3Client } = require('@aws-sdk/client-s3');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { SQSClient } = require('@aws-sdk/client-sqs');
const { SNSClient } = require('@aws-sdk/client-sns');
let a, b, c, d, e;
function getD() {
  if (d) return d;
  d = new SNSClient({});
  return d;
}
exports.handler = async (event) => {
  a ??= new S3Client({});
  if (!b) b = new DynamoDBClient({});
  if (c === undefined) {
    c = new SQSClient({});
  }
  e = e || new S3Client({});
  getD();
  let local;
  local ??= new S3Client({});
  a = new S3Client({});
};
)");
  ASSERT_EQ(f.clients.size(), 7u);
  EXPECT_TRUE(f.clients[0].lazilyCached);  // d, in getD
  EXPECT_EQ(f.clients[0].variable, "d");
  EXPECT_EQ(f.clients[0].scope, Scope::HandlerCallee);
  EXPECT_TRUE(f.clients[1].lazilyCached);  // a ??=
  EXPECT_EQ(f.clients[1].scope, Scope::Handler);
  EXPECT_TRUE(f.clients[2].lazilyCached);  // if (!b)
  EXPECT_TRUE(f.clients[3].lazilyCached);  // if (c === undefined) { ... }
  EXPECT_TRUE(f.clients[4].lazilyCached);  // e = e || new
  EXPECT_EQ(f.clients[4].variable, "e");
  EXPECT_FALSE(f.clients[5].lazilyCached);  // a local variable is no cache
  EXPECT_EQ(f.clients[5].variable, "local");
  EXPECT_FALSE(f.clients[6].lazilyCached);  // unguarded assignment: a new client per invocation
  EXPECT_EQ(f.clients[6].variable, "a");
  EXPECT_EQ(f.clients[6].scope, Scope::Handler);
}

TEST(JavaScriptFrontendLazy, TypeScriptGetterWithReturnGuard) {
  auto f = ts(R"(import { S3Client } from '@aws-sdk/client-s3';
let client: S3Client | undefined;
const getClient = (): S3Client => client ?? (client = new S3Client({}) as S3Client);
export const handler = async (event: unknown): Promise<void> => {
  await getClient().send(new PutObjectCommand({ Bucket: 'b' }));
};
)");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_TRUE(f.clients[0].lazilyCached);
  EXPECT_EQ(f.clients[0].variable, "client");
  EXPECT_EQ(f.clients[0].scope, Scope::HandlerCallee);
  ASSERT_EQ(f.sdkCalls.size(), 1u);
  EXPECT_EQ(f.sdkCalls[0].service, "s3");  // from the client returned by getClient()
  EXPECT_EQ(f.sdkCalls[0].operation, "PutObject");
}

// ----------------------------------------------------------------- clients

TEST(JavaScriptFrontendClients, AwsSdkV2) {
  auto f = extract(R"(const AWS = require('aws-sdk');
const S3 = require('aws-sdk/clients/s3');
const { DocumentClient } = require('aws-sdk/clients/dynamodb');
const s3 = new AWS.S3({ region: 'eu-west-1' });
const ddb = new AWS.DynamoDB.DocumentClient();
const sfn = new AWS.StepFunctions();
const logs = new AWS.CloudWatchLogs();
const s3b = new S3();
const doc = new DocumentClient();
const cfg = new AWS.Config({});
)");
  ASSERT_EQ(f.clients.size(), 6u);
  EXPECT_EQ(f.clients[0].variable, "s3");
  EXPECT_EQ(f.clients[0].library, "aws-sdk");
  EXPECT_EQ(f.clients[0].service, "s3");
  EXPECT_EQ(f.clients[0].kind, "aws-sdk");
  EXPECT_EQ(f.clients[0].scope, Scope::Module);
  EXPECT_EQ(f.clients[0].range.begin.line, 4u);
  EXPECT_EQ(f.clients[0].range.begin.column, 12u);
  EXPECT_EQ(f.clients[0].range.end.column, 47u);
  EXPECT_EQ(findClient(f, "ddb")->service, "dynamodb");
  EXPECT_EQ(findClient(f, "sfn")->service, "states");
  EXPECT_EQ(findClient(f, "logs")->service, "logs");
  EXPECT_EQ(findClient(f, "s3b")->service, "s3");
  EXPECT_EQ(findClient(f, "doc")->service, "dynamodb");
  EXPECT_TRUE(f.complete);
}

TEST(JavaScriptFrontendClients, AwsSdkV2EsmAndXRay) {
  auto f = extract(R"(import AWS from 'aws-sdk';
import AWSXRay from 'aws-xray-sdk-core';
const XAWS = AWSXRay.captureAWS(require('aws-sdk'));
const sqs = new AWS.SQS();
const sns = AWSXRay.captureAWSClient(new XAWS.SNS());
const Svc = 'S3';
const dyn = new AWS[Svc]();
)");
  ASSERT_EQ(f.clients.size(), 3u);
  EXPECT_EQ(findClient(f, "sqs")->service, "sqs");
  EXPECT_EQ(findClient(f, "sns")->service, "sns");
  EXPECT_EQ(findClient(f, "sns")->library, "aws-sdk");
  EXPECT_FALSE(f.complete);  // `new AWS[Svc]()`: service unknown
}

TEST(JavaScriptFrontendClients, AwsSdkV3) {
  auto f = extract(R"(import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
const s3 = new S3Client({});
const ddb = new DynamoDBClient();
const doc = DynamoDBDocumentClient.from(ddb);
const doc2 = DynamoDBDocument.from(new DynamoDBClient({}));
const sfn = new SFNClient({});
const events = new EventBridgeClient({});
const cwl = new logs.CloudWatchLogsClient({});
)");
  ASSERT_EQ(f.clients.size(), 8u);
  EXPECT_EQ(findClient(f, "s3")->library, "@aws-sdk/client-s3");
  EXPECT_EQ(findClient(f, "s3")->service, "s3");
  EXPECT_EQ(findClient(f, "ddb")->service, "dynamodb");
  EXPECT_EQ(findClient(f, "doc")->library, "@aws-sdk/lib-dynamodb");
  EXPECT_EQ(findClient(f, "doc")->service, "dynamodb");
  EXPECT_EQ(findClient(f, "doc2")->library, "@aws-sdk/lib-dynamodb");
  EXPECT_EQ(f.clients[4].variable, "");  // the DynamoDBClient inside DynamoDBDocument.from(...)
  EXPECT_EQ(f.clients[4].library, "@aws-sdk/client-dynamodb");
  EXPECT_EQ(findClient(f, "sfn")->service, "states");
  EXPECT_EQ(findClient(f, "events")->service, "events");
  EXPECT_EQ(findClient(f, "cwl")->service, "logs");
}

TEST(JavaScriptFrontendClients, DatabasesAndCaches) {
  auto f = extract(R"(const { Pool, Client } = require('pg');
const pg = require('pg');
const mysql = require('mysql2/promise');
const { MongoClient } = require('mongodb');
const mongoose = require('mongoose');
const Redis = require('ioredis');
const { createClient } = require('redis');
const pool = new Pool();
const client = new Client({});
const pool2 = new pg.Pool();
exports.handler = async () => {
  const conn = await mysql.createConnection({});
  const mp = mysql.createPool({});
  const mongo = new MongoClient(process.env.URI);
  const mongo2 = await MongoClient.connect('mongodb://x');
  await mongoose.connect('mongodb://y');
  const mc = mongoose.createConnection('mongodb://z');
  const redis = new Redis();
  const r2 = createClient();
};
)");
  ASSERT_EQ(f.clients.size(), 11u);
  EXPECT_EQ(findClient(f, "mc")->library, "mongoose");
  EXPECT_EQ(findClient(f, "pool")->library, "pg");
  EXPECT_EQ(findClient(f, "pool")->kind, "database");
  EXPECT_EQ(findClient(f, "pool")->service, "pg");
  EXPECT_EQ(findClient(f, "client")->library, "pg");
  EXPECT_EQ(findClient(f, "pool2")->library, "pg");
  EXPECT_EQ(findClient(f, "conn")->library, "mysql2");
  EXPECT_EQ(findClient(f, "conn")->scope, Scope::Handler);
  EXPECT_EQ(findClient(f, "mp")->library, "mysql2");
  EXPECT_EQ(findClient(f, "mongo")->library, "mongodb");
  EXPECT_EQ(findClient(f, "mongo2")->library, "mongodb");
  EXPECT_EQ(f.clients[7].library, "mongoose");
  EXPECT_EQ(f.clients[7].variable, "");
  EXPECT_EQ(findClient(f, "redis")->library, "ioredis");
  EXPECT_EQ(findClient(f, "redis")->kind, "cache");
  EXPECT_EQ(findClient(f, "r2")->library, "redis");
  EXPECT_EQ(findClient(f, "r2")->kind, "cache");
  EXPECT_TRUE(f.sdkCalls.empty());
}

TEST(JavaScriptFrontendClients, DatabaseEsmImports) {
  auto f = extract(R"(import pg from 'pg';
import mysql from 'mysql2';
import Redis from 'ioredis';
const pool = new pg.Pool();
const c = mysql.createConnection({});
const r = new Redis.Cluster([]);
)");
  ASSERT_EQ(f.clients.size(), 3u);
  EXPECT_EQ(findClient(f, "pool")->library, "pg");
  EXPECT_EQ(findClient(f, "c")->library, "mysql2");
  EXPECT_EQ(findClient(f, "r")->library, "ioredis");
}

// --------------------------------------------------------------- SDK calls

TEST(JavaScriptFrontendSdkCalls, V2MethodsAndPromise) {
  auto f = extract(R"(const AWS = require('aws-sdk');
const s3 = new AWS.S3();
const ddb = new AWS.DynamoDB.DocumentClient();
const BUCKET = process.env.BUCKET;
exports.handler = async (event) => {
  await s3.putObject({ Bucket: BUCKET, Key: 'k', Body: 'x' }).promise();
  const list = await s3.listObjectsV2({ Bucket: 'literal-bucket' }).promise();
  await ddb.put({ TableName: process.env.TABLE, Item: {} }).promise();
  await ddb.batchWrite({ RequestItems: { [process.env.TABLE]: [] } }).promise();
  await ddb.transactWrite({ TransactItems: [{ Put: { TableName: 'T1' } }, { Delete: { TableName: 'T2' } }] }).promise();
  const url = s3.getSignedUrl('getObject', { Bucket: 'b2' });
};
)");
  ASSERT_EQ(f.sdkCalls.size(), 6u);
  const SdkCall* put = findCall(f, "PutObject");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->sdk, "js-v2");
  EXPECT_EQ(put->service, "s3");
  EXPECT_EQ(put->scope, Scope::Handler);
  EXPECT_TRUE(put->awaited);
  EXPECT_FALSE(put->dynamic);
  EXPECT_EQ(put->range.begin.line, 6u);
  EXPECT_EQ(put->range.begin.column, 9u);
  ASSERT_EQ(put->resourceParams.size(), 1u);  // Key is not a resource parameter
  EXPECT_EQ(put->resourceParams[0].first, "Bucket");
  EXPECT_EQ(put->resourceParams[0].second.kind, TracedValue::Kind::EnvVar);
  EXPECT_EQ(put->resourceParams[0].second.text, "BUCKET");
  EXPECT_EQ(put->resourceParams[0].second.range.begin.column, 32u);
  const TracedValue* lit = param(findCall(f, "ListObjectsV2"), "Bucket");
  ASSERT_NE(lit, nullptr);
  EXPECT_EQ(lit->kind, TracedValue::Kind::Literal);
  EXPECT_EQ(lit->text, "literal-bucket");
  const SdkCall* item = findCall(f, "PutItem");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->service, "dynamodb");
  EXPECT_EQ(param(item, "TableName")->text, "TABLE");
  const SdkCall* batch = findCall(f, "BatchWriteItem");
  ASSERT_NE(batch, nullptr);
  EXPECT_EQ(param(batch, "TableName")->kind, TracedValue::Kind::EnvVar);
  const SdkCall* transact = findCall(f, "TransactWriteItems");
  ASSERT_NE(transact, nullptr);
  ASSERT_EQ(transact->resourceParams.size(), 2u);
  EXPECT_EQ(transact->resourceParams[1].second.text, "T2");
  const SdkCall* signedUrl = findCall(f, "GetObject");
  ASSERT_NE(signedUrl, nullptr);
  EXPECT_EQ(param(signedUrl, "Bucket")->text, "b2");
  EXPECT_TRUE(f.complete);
}

TEST(JavaScriptFrontendSdkCalls, V3SendCommands) {
  auto f = extract(R"(import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
const s3 = new S3Client({});
const ddb = new DynamoDBClient({});
const doc = DynamoDBDocumentClient.from(ddb);
const sfn = new SFNClient({});
const eb = new EventBridgeClient({});
const ssm = new SSMClient({});
const sm = new SecretsManagerClient({});
const { TABLE, MACHINE = 'arn:default' } = process.env;
export const handler = async (event) => {
  for (const record of event.Records) {
    await s3.send(new PutObjectCommand({ Bucket: record.s3.bucket.name, Key: 'k' }));
  }
  const cmd = new GetItemCommand({ TableName: TABLE, Key: {} });
  const item = await ddb.send(cmd);
  await doc.send(new PutCommand({ TableName: TABLE, Item: {} }));
  await doc.send(new QueryCommand({ TableName: 'literal' }));
  await sfn.send(new StartExecutionCommand({ stateMachineArn: 'x', StateMachineArn: MACHINE }));
  await eb.send(new PutEventsCommand({ Entries: [{ EventBusName: process.env.BUS, Detail: '{}' }] }));
  await ssm.send(new GetParameterCommand({ Name: '/app/param' }));
  await sm.send(new GetSecretValueCommand({ SecretId: event.Records[0].body }));
};
)");
  ASSERT_EQ(f.sdkCalls.size(), 8u);
  const SdkCall* put = findCall(f, "PutObject");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->sdk, "js-v3");
  EXPECT_EQ(put->service, "s3");
  EXPECT_EQ(put->range.begin.line, 18u);
  EXPECT_EQ(put->range.begin.column, 11u);
  const TracedValue* bucket = param(put, "Bucket");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->kind, TracedValue::Kind::Event);
  EXPECT_EQ(bucket->text, "Records[].s3.bucket.name");
  const SdkCall* get = findCall(f, "GetItem");
  ASSERT_NE(get, nullptr);
  EXPECT_EQ(get->service, "dynamodb");
  EXPECT_EQ(param(get, "TableName")->kind, TracedValue::Kind::EnvVar);
  EXPECT_EQ(param(get, "TableName")->text, "TABLE");
  const SdkCall* docPut = findCall(f, "PutItem");
  ASSERT_NE(docPut, nullptr);
  EXPECT_EQ(docPut->service, "dynamodb");
  EXPECT_EQ(findCall(f, "Query")->service, "dynamodb");
  const SdkCall* start = findCall(f, "StartExecution");
  ASSERT_NE(start, nullptr);
  EXPECT_EQ(start->service, "states");
  EXPECT_EQ(param(start, "StateMachineArn")->text, "MACHINE");
  const SdkCall* events = findCall(f, "PutEvents");
  ASSERT_NE(events, nullptr);
  EXPECT_EQ(events->service, "events");
  EXPECT_EQ(param(events, "EventBusName")->text, "BUS");
  const SdkCall* ssmCall = findCall(f, "GetParameter");
  EXPECT_EQ(ssmCall->service, "ssm");
  EXPECT_EQ(param(ssmCall, "Name")->text, "/app/param");
  const SdkCall* secret = findCall(f, "GetSecretValue");
  EXPECT_EQ(secret->service, "secretsmanager");
  EXPECT_EQ(param(secret, "SecretId")->kind, TracedValue::Kind::Event);
  EXPECT_EQ(param(secret, "SecretId")->text, "Records[].body");
  EXPECT_TRUE(f.complete);
}

TEST(JavaScriptFrontendSdkCalls, V3AggregatedClientsUploadAndPaginators) {
  auto f = extract(R"(const { S3 } = require('@aws-sdk/client-s3');
const { DynamoDBDocument } = require('@aws-sdk/lib-dynamodb');
const { DynamoDBClient, paginateScan } = require('@aws-sdk/client-dynamodb');
const { Upload } = require('@aws-sdk/lib-storage');
const s3 = new S3({});
const doc = DynamoDBDocument.from(new DynamoDBClient({}));
exports.handler = async (event) => {
  await s3.putObject({ Bucket: 'agg', Key: 'k' });
  await doc.get({ TableName: 't', Key: {} });
  const upload = new Upload({ client: s3, params: { Bucket: process.env.UP, Key: 'k', Body: 'b' } });
  await upload.done();
  for await (const page of paginateScan({ client: doc }, { TableName: 'scanned' })) {}
};
)");
  ASSERT_EQ(f.sdkCalls.size(), 4u);
  const SdkCall* agg = findCall(f, "PutObject", 0);
  ASSERT_NE(agg, nullptr);
  EXPECT_EQ(agg->sdk, "js-v3");
  EXPECT_EQ(param(agg, "Bucket")->text, "agg");
  EXPECT_EQ(findCall(f, "GetItem")->service, "dynamodb");
  const SdkCall* upload = findCall(f, "PutObject", 1);
  ASSERT_NE(upload, nullptr);
  EXPECT_EQ(upload->service, "s3");
  EXPECT_EQ(upload->range.begin.line, 10u);
  EXPECT_TRUE(upload->awaited);
  EXPECT_EQ(param(upload, "Bucket")->text, "UP");
  const SdkCall* scan = findCall(f, "Scan");
  ASSERT_NE(scan, nullptr);
  EXPECT_EQ(scan->service, "dynamodb");
  EXPECT_EQ(param(scan, "TableName")->text, "scanned");
}

TEST(JavaScriptFrontendSdkCalls, DynamicAndUnknownReceivers) {
  auto f = extract(R"(const AWS = require('aws-sdk');
const { PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new AWS.S3();
exports.handler = async (event, op) => {
  await s3[op]({ Bucket: 'x' }).promise();
  await s3['getObject']({ Bucket: 'y' }).promise();
  await event.client.send(new PutObjectCommand({ Bucket: 'z' }));
  await res.send('not sdk');
};
)");
  ASSERT_EQ(f.sdkCalls.size(), 3u);
  EXPECT_TRUE(f.sdkCalls[0].dynamic);
  EXPECT_EQ(f.sdkCalls[0].service, "s3");
  EXPECT_EQ(f.sdkCalls[0].operation, "");
  EXPECT_EQ(f.sdkCalls[1].operation, "GetObject");
  EXPECT_FALSE(f.sdkCalls[1].dynamic);
  EXPECT_EQ(f.sdkCalls[2].operation, "PutObject");  // service from the command's package
  EXPECT_EQ(f.sdkCalls[2].service, "s3");
  EXPECT_FALSE(f.complete);

  auto unknown = extract(R"(const AWS = require('aws-sdk');
async function save(ddb, item) { await ddb.put({ TableName: 't', Item: item }).promise(); }
)");
  EXPECT_TRUE(unknown.sdkCalls.empty());
  EXPECT_FALSE(unknown.complete);  // a v2 call through an object the file does not show
}

TEST(JavaScriptFrontendSdkCalls, ResourceParamTracing) {
  auto f = extract(R"(const AWS = require('aws-sdk');
const sqs = new AWS.SQS();
const config = { queue: process.env.QUEUE_URL };
const QUEUE = process.env.OTHER_QUEUE ?? 'fallback';
exports.handler = async (event) => {
  const params = { QueueUrl: config.queue, MessageBody: 'x' };
  await sqs.sendMessage(params).promise();
  await sqs.sendMessage({ QueueUrl: QUEUE }).promise();
  await sqs.sendMessage({ QueueUrl: `${process.env.BASE}/q` }).promise();
  await sqs.sendMessage({ QueueUrl: event.detail.queue }).promise();
  await sqs.sendMessage({ QueueUrl: 'https://sqs/q' }).promise();
  const url = event.url;
  await sqs.sendMessage({ QueueUrl: url }).promise();
};
)");
  ASSERT_EQ(f.sdkCalls.size(), 6u);
  auto q = [&](size_t i) { return f.sdkCalls[i].resourceParams.at(0).second; };
  EXPECT_EQ(q(0).kind, TracedValue::Kind::EnvVar);
  EXPECT_EQ(q(0).text, "QUEUE_URL");
  EXPECT_EQ(q(1).kind, TracedValue::Kind::EnvVar);
  EXPECT_EQ(q(1).text, "OTHER_QUEUE");
  EXPECT_EQ(q(2).kind, TracedValue::Kind::Unknown);
  EXPECT_EQ(q(3).kind, TracedValue::Kind::Event);
  EXPECT_EQ(q(3).text, "detail.queue");
  EXPECT_EQ(q(4).kind, TracedValue::Kind::Literal);
  EXPECT_EQ(q(5).kind, TracedValue::Kind::Event);
  EXPECT_EQ(q(5).text, "url");
  EXPECT_EQ(f.sdkCalls[0].operation, "SendMessage");
  EXPECT_EQ(f.sdkCalls[0].service, "sqs");
}

TEST(JavaScriptFrontendSdkCalls, DocumentClientMethodsAndStreamParams) {
  auto f = extract(R"(const AWS = require('aws-sdk');
const { KinesisClient, PutRecordCommand } = require('@aws-sdk/client-kinesis');
const { FirehoseClient, PutRecordBatchCommand } = require('@aws-sdk/client-firehose');
const { CloudWatchLogsClient, PutLogEventsCommand } = require('@aws-sdk/client-cloudwatch-logs');
const doc = new AWS.DynamoDB.DocumentClient();
const kinesis = new KinesisClient({});
const firehose = new FirehoseClient({});
const logs = new CloudWatchLogsClient({});
exports.handler = async () => {
  await doc.get({ TableName: 'a' }).promise();
  await doc.query({ TableName: 'a' }).promise();
  await doc.scan({ TableName: 'a' }).promise();
  await doc.update({ TableName: 'a' }).promise();
  await doc.delete({ TableName: 'a' }).promise();
  await doc.batchGet({ RequestItems: { 'tbl': {} } }).promise();
  await doc.transactGet({ TransactItems: [{ Get: { TableName: 'g' } }] }).promise();
  doc.createSet([1]);
  await kinesis.send(new PutRecordCommand({ StreamName: 'stream', Data: 'x' }));
  await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'fh', Records: [] }));
  await logs.send(new PutLogEventsCommand({ LogGroupName: '/lg', logEvents: [] }));
};
)");
  std::vector<std::string> ops;
  for (const SdkCall& c : f.sdkCalls) ops.push_back(c.service + ":" + c.operation);
  EXPECT_EQ(ops, (std::vector<std::string>{"dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem",
                                           "dynamodb:DeleteItem", "dynamodb:BatchGetItem", "dynamodb:TransactGetItems",
                                           "kinesis:PutRecord", "firehose:PutRecordBatch", "logs:PutLogEvents"}));
  EXPECT_EQ(param(findCall(f, "BatchGetItem"), "TableName")->text, "tbl");
  EXPECT_EQ(param(findCall(f, "TransactGetItems"), "TableName")->text, "g");
  EXPECT_EQ(param(findCall(f, "PutRecord"), "StreamName")->text, "stream");
  EXPECT_EQ(param(findCall(f, "PutRecordBatch"), "DeliveryStreamName")->text, "fh");
  EXPECT_EQ(param(findCall(f, "PutLogEvents"), "LogGroupName")->text, "/lg");
}

TEST(JavaScriptFrontendSdkCalls, V2NamedImportAndStreams) {
  auto f = extract(R"(import { S3, Lambda } from 'aws-sdk';
const s3 = new S3();
const lambda = new Lambda();
export const handler = async (event) => {
  s3.getObject({ Bucket: 'stream' }).createReadStream().pipe(process.stdout);
  await lambda.invoke({ FunctionName: process.env.WORKER }).promise();
};
)");
  ASSERT_EQ(f.sdkCalls.size(), 2u);
  EXPECT_EQ(f.sdkCalls[0].operation, "GetObject");
  EXPECT_TRUE(f.sdkCalls[0].awaited);  // a stream, not a promise
  EXPECT_EQ(f.sdkCalls[1].service, "lambda");
  EXPECT_EQ(f.sdkCalls[1].operation, "Invoke");
  EXPECT_EQ(param(&f.sdkCalls[1], "FunctionName")->text, "WORKER");
}

TEST(JavaScriptFrontendSdkCalls, CommandOfUnknownPackageOnUnknownReceiver) {
  auto f = extract(R"(import { clients, PutObjectCommand } from './aws.js';
export const handler = async (event) => {
  await clients.s3.send(new PutObjectCommand({ Bucket: 'b' }));
};
)");
  EXPECT_TRUE(f.sdkCalls.empty());
  EXPECT_FALSE(f.complete);
}

// ---------------------------------------------------------------- awaiting

TEST(JavaScriptFrontendAwaited, EveryFormOfUse) {
  auto f = extract(R"(const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
const sns = new SNSClient({});
const send = (n) => sns.send(new PublishCommand({ TopicArn: 'returned-by-arrow' }));
exports.handler = async (event) => {
  await sns.send(new PublishCommand({ TopicArn: 'awaited' }));
  const p = sns.send(new PublishCommand({ TopicArn: 'assigned-awaited' }));
  await p;
  await Promise.all([sns.send(new PublishCommand({ TopicArn: 'all' }))]);
  const promises = [];
  promises.push(sns.send(new PublishCommand({ TopicArn: 'pushed' })));
  await Promise.allSettled(promises);
  sns.send(new PublishCommand({ TopicArn: 'then' })).then(() => {});
  sns.send(new PublishCommand({ TopicArn: 'dropped' }));
  void sns.send(new PublishCommand({ TopicArn: 'void' }));
  const never = sns.send(new PublishCommand({ TopicArn: 'assigned-never' }));
  event.Records.forEach((r) => { sns.send(new PublishCommand({ TopicArn: 'sync-callback' })); });
  return sns.send(new PublishCommand({ TopicArn: 'returned' }));
};
)");
  std::map<std::string, bool> awaited;
  for (const SdkCall& c : f.sdkCalls) awaited[c.resourceParams.at(0).second.text] = c.awaited;
  ASSERT_EQ(awaited.size(), 11u);
  EXPECT_TRUE(awaited["returned-by-arrow"]);
  EXPECT_TRUE(awaited["awaited"]);
  EXPECT_TRUE(awaited["assigned-awaited"]);
  EXPECT_TRUE(awaited["all"]);
  EXPECT_TRUE(awaited["pushed"]);
  EXPECT_TRUE(awaited["then"]);
  EXPECT_FALSE(awaited["dropped"]);
  EXPECT_FALSE(awaited["void"]);
  EXPECT_FALSE(awaited["assigned-never"]);
  EXPECT_TRUE(awaited["sync-callback"]);  // the enclosing function is not async
  EXPECT_TRUE(awaited["returned"]);
  EXPECT_EQ(f.sdkCalls[0].scope, Scope::Other);  // `send` is never called by the handler
}

TEST(JavaScriptFrontendAwaited, V2PromiseChainAndCallbacks) {
  auto f = extract(R"(const AWS = require('aws-sdk');
const s3 = new AWS.S3();
exports.handler = async (event) => {
  s3.putObject({ Bucket: 'a' }).promise();
  await s3.putObject({ Bucket: 'b' }).promise();
  s3.putObject({ Bucket: 'c' }, (err) => {});
  await new Promise((resolve) => s3.putObject({ Bucket: 'd' }, resolve));
};
)");
  ASSERT_EQ(f.sdkCalls.size(), 4u);
  EXPECT_FALSE(f.sdkCalls[0].awaited);
  EXPECT_TRUE(f.sdkCalls[1].awaited);
  EXPECT_FALSE(f.sdkCalls[2].awaited);
  EXPECT_TRUE(f.sdkCalls[3].awaited);
}

// --------------------------------------------------------------- env reads

TEST(JavaScriptFrontendEnv, AllForms) {
  auto f = extract(R"(const a = process.env.A;
const b = process.env['B'];
const { C, D = 'd', E: e, F: f = 'f' } = process.env;
const g = process.env.G ?? 'g';
const h = process.env.H || 'h';
const i = process.env.I ?? process.env.J ?? 'x';
const dynamic = process.env[name];
exports.handler = async () => { return process.env.K; };
)");
  ASSERT_EQ(f.envReads.size(), 11u);
  EXPECT_EQ(f.envReads[0].name, "A");
  EXPECT_FALSE(f.envReads[0].hasDefault);
  EXPECT_EQ(f.envReads[0].scope, Scope::Module);
  EXPECT_EQ(f.envReads[0].range.begin.line, 1u);
  EXPECT_EQ(f.envReads[0].range.begin.column, 11u);
  EXPECT_EQ(f.envReads[0].range.end.column, 24u);
  EXPECT_FALSE(findEnv(f, "B")->hasDefault);
  EXPECT_FALSE(findEnv(f, "C")->hasDefault);
  EXPECT_EQ(findEnv(f, "C")->range.begin.line, 3u);
  EXPECT_TRUE(findEnv(f, "D")->hasDefault);
  EXPECT_FALSE(findEnv(f, "E")->hasDefault);
  EXPECT_TRUE(findEnv(f, "F")->hasDefault);
  EXPECT_TRUE(findEnv(f, "G")->hasDefault);
  EXPECT_TRUE(findEnv(f, "H")->hasDefault);
  EXPECT_TRUE(findEnv(f, "I")->hasDefault);
  EXPECT_TRUE(findEnv(f, "J")->hasDefault);
  EXPECT_EQ(findEnv(f, "K")->scope, Scope::Handler);
}

// ----------------------------------------------------------------- imports

TEST(JavaScriptFrontendImports, RequireImportDynamicAndTypeOnly) {
  auto f = ts(R"(import type { Handler } from 'aws-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import * as path from 'node:path';
import 'source-map-support/register';
import fs = require('fs');
const AWS = require('aws-sdk');
export { x } from './x';
export type { T } from './types';
export const handler = async () => { const m = await import('./lazy'); };
)");
  EXPECT_FALSE(hasImport(f, "aws-lambda"));
  EXPECT_FALSE(hasImport(f, "./types"));
  EXPECT_TRUE(hasImport(f, "@aws-sdk/client-s3"));
  EXPECT_TRUE(hasImport(f, "node:path"));
  EXPECT_TRUE(hasImport(f, "source-map-support/register"));
  EXPECT_TRUE(hasImport(f, "fs"));
  EXPECT_TRUE(hasImport(f, "aws-sdk"));
  EXPECT_TRUE(hasImport(f, "./x"));
  EXPECT_TRUE(hasImport(f, "./lazy"));
  ASSERT_EQ(f.imports.size(), 7u);
  EXPECT_EQ(f.imports[0].module, "@aws-sdk/client-s3");
  EXPECT_EQ(f.imports[0].range.begin.line, 2u);
  EXPECT_EQ(f.imports[0].range.begin.column, 1u);
}

// ----------------------------------------------------------------- catches

TEST(JavaScriptFrontendCatches, RethrowFailureAndRecordLoops) {
  auto f = extract(R"(exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try { await work(record); } catch (err) { batchItemFailures.push({ itemIdentifier: record.messageId }); }
  }
  const records = event.Records;
  for (let i = 0; i < records.length; i++) {
    try { await work(records[i]); } catch (e) { throw e; }
  }
  await Promise.all(event.Records.map(async (r) => {
    try { await work(r); } catch (e) { failures.push({ itemIdentifier: r.messageId }); }
  }));
  try { await work(); } catch (e) { const f = () => { throw e; }; console.log(e); }
  return { batchItemFailures };
};
async function work(x) {
  for (let i = 0; i < 3; i++) { try { await x; } catch { } }
}
)");
  ASSERT_EQ(f.catches.size(), 5u);
  EXPECT_TRUE(f.catches[0].recordsFailure);
  EXPECT_FALSE(f.catches[0].rethrows);
  EXPECT_TRUE(f.catches[0].insideRecordLoop);
  EXPECT_EQ(f.catches[0].scope, Scope::Handler);
  EXPECT_EQ(f.catches[0].range.begin.line, 4u);
  EXPECT_EQ(f.catches[0].range.begin.column, 33u);
  EXPECT_TRUE(f.catches[1].rethrows);
  EXPECT_FALSE(f.catches[1].recordsFailure);
  EXPECT_TRUE(f.catches[1].insideRecordLoop);
  EXPECT_TRUE(f.catches[2].recordsFailure);
  EXPECT_TRUE(f.catches[2].insideRecordLoop);
  EXPECT_FALSE(f.catches[3].rethrows);  // the throw is inside a nested function
  EXPECT_FALSE(f.catches[3].insideRecordLoop);
  EXPECT_FALSE(f.catches[4].insideRecordLoop);  // a loop, but not over records
  EXPECT_EQ(f.catches[4].scope, Scope::HandlerCallee);
  EXPECT_TRUE(f.returnsBatchItemFailures);
  EXPECT_EQ(f.batchItemFailuresRange.begin.line, 14u);
  EXPECT_EQ(f.batchItemFailuresRange.begin.column, 12u);
}

TEST(JavaScriptFrontendCatches, IndexLoopOverEventRecords) {
  auto f = extract(R"(export async function handler(event) {
  for (let i = 0; i < event.Records.length; i++) {
    try { await go(event.Records[i]); } catch (e) { throw e; }
  }
  for (const x of [1, 2]) { try { go(); } catch (e) {} }
}
)");
  ASSERT_EQ(f.catches.size(), 2u);
  EXPECT_TRUE(f.catches[0].insideRecordLoop);
  EXPECT_TRUE(f.catches[0].rethrows);
  EXPECT_FALSE(f.catches[1].insideRecordLoop);
  EXPECT_FALSE(f.returnsBatchItemFailures);
}

TEST(JavaScriptFrontendCatches, ForEachCallbackAndRecordsVariable) {
  auto f = extract(R"(exports.handler = async ({ Records }) => {
  Records.forEach((rec) => { try { go(rec); } catch (e) { } });
  return { batchItemFailures: [] };
};
)");
  ASSERT_EQ(f.catches.size(), 1u);
  EXPECT_TRUE(f.catches[0].insideRecordLoop);
  EXPECT_TRUE(f.returnsBatchItemFailures);
}

// ---------------------------------------------------- hyphenated, batch return

TEST(JavaScriptFrontendHyphenated, EventMemberMinusIdentifier) {
  auto f = extract(R"(exports.handler = async (evt) => {
  const t = evt.detail-type;
  const spaced = evt.detail - type;
  const alias = evt;
  if (alias.source-id) {}
  const offset = 3;
  const fine = evt.count - offset;
  const other = thing.detail-type;
};
)");
  ASSERT_EQ(f.hyphenatedAccesses.size(), 3u);
  EXPECT_EQ(f.hyphenatedAccesses[0].text, "evt.detail-type");
  EXPECT_EQ(f.hyphenatedAccesses[0].range.begin.line, 2u);
  EXPECT_EQ(f.hyphenatedAccesses[0].range.begin.column, 13u);
  EXPECT_EQ(f.hyphenatedAccesses[0].range.end.column, 28u);
  EXPECT_EQ(f.hyphenatedAccesses[1].text, "evt.detail - type");
  EXPECT_EQ(f.hyphenatedAccesses[2].text, "alias.source-id");
}

TEST(JavaScriptFrontendBatchItemFailures, OnlyHandlerReturns) {
  EXPECT_FALSE(extract("exports.handler = async () => { [1].map(() => { return { batchItemFailures: [] }; }); };\n")
                   .returnsBatchItemFailures);
  auto viaVariable =
      extract("exports.handler = async () => { const response = { batchItemFailures: [] }; return response; };\n");
  EXPECT_TRUE(viaVariable.returnsBatchItemFailures);
  auto arrow = extract("exports.handler = async () => ({ 'batchItemFailures': [] });\n");
  EXPECT_TRUE(arrow.returnsBatchItemFailures);
  EXPECT_FALSE(extract("exports.handler = async () => ({ ok: true });\n").returnsBatchItemFailures);
}

// ------------------------------------------------------- TypeScript and TSX

TEST(JavaScriptFrontendTypeScript, AnnotationsCastsGenericsSatisfies) {
  auto f = ts(R"(import type { SQSEvent, SQSBatchResponse } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const TABLE_NAME: string = process.env.TABLE_NAME!;
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}) as DynamoDBClient);
const s3 = <S3Client>new S3Client({ region: 'eu-west-1' } satisfies object);
const cache = new Map<string, number>();

async function store<T extends object>(item: T): Promise<void> {
  await ddb.send(new PutCommand({ TableName: TABLE_NAME, Item: item as Record<string, unknown> }));
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      await store<{ id: string }>({ id: record.messageId });
      await s3.send(new GetObjectCommand({ Bucket: record.body as string, Key: 'k' })!);
    } catch (err: unknown) {
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures } satisfies SQSBatchResponse;
};
)");
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.language, Language::TypeScript);
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.handler.isAsync);
  EXPECT_EQ(f.handler.range.begin.line, 15u);
  EXPECT_FALSE(hasImport(f, "aws-lambda"));
  ASSERT_EQ(f.clients.size(), 3u);
  EXPECT_EQ(f.clients[0].variable, "ddb");
  EXPECT_EQ(f.clients[1].variable, "");  // inside DynamoDBDocumentClient.from(...)
  EXPECT_EQ(f.clients[1].library, "@aws-sdk/client-dynamodb");
  EXPECT_EQ(findClient(f, "ddb")->library, "@aws-sdk/lib-dynamodb");
  EXPECT_EQ(findClient(f, "s3")->service, "s3");
  EXPECT_EQ(findClient(f, "s3")->range.begin.line, 8u);
  ASSERT_EQ(f.sdkCalls.size(), 2u);
  const SdkCall* put = findCall(f, "PutItem");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->scope, Scope::HandlerCallee);
  EXPECT_EQ(param(put, "TableName")->kind, TracedValue::Kind::EnvVar);
  EXPECT_EQ(param(put, "TableName")->text, "TABLE_NAME");
  const SdkCall* get = findCall(f, "GetObject");
  ASSERT_NE(get, nullptr);
  EXPECT_EQ(get->scope, Scope::Handler);
  EXPECT_EQ(param(get, "Bucket")->kind, TracedValue::Kind::Event);
  EXPECT_EQ(param(get, "Bucket")->text, "Records[].body");
  ASSERT_EQ(f.catches.size(), 1u);
  EXPECT_TRUE(f.catches[0].recordsFailure);
  EXPECT_TRUE(f.catches[0].insideRecordLoop);
  EXPECT_TRUE(f.returnsBatchItemFailures);
  ASSERT_NE(findEnv(f, "TABLE_NAME"), nullptr);
  EXPECT_FALSE(findEnv(f, "TABLE_NAME")->hasDefault);
}

TEST(JavaScriptFrontendTypeScript, ExportedFunctionWithGenericsAndClassClient) {
  auto f = ts(R"(import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
class Publisher {
  private readonly sqs = new SQSClient({});
  async publish(body: string): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: body }));
  }
}
const publisher = new Publisher();
export async function handler<E extends { body: string }>(event: E): Promise<void> {
  await publisher.publish(event.body);
}
)");
  EXPECT_TRUE(f.handler.found);
  EXPECT_EQ(findClient(f, "this.sqs")->scope, Scope::Module);
  ASSERT_EQ(f.sdkCalls.size(), 1u);
  EXPECT_EQ(f.sdkCalls[0].service, "sqs");
  EXPECT_EQ(f.sdkCalls[0].operation, "SendMessage");
  EXPECT_EQ(f.sdkCalls[0].scope, Scope::HandlerCallee);
  EXPECT_EQ(param(&f.sdkCalls[0], "QueueUrl")->text, "QUEUE_URL");
}

TEST(JavaScriptFrontendTsx, ComponentAndHandler) {
  auto f = extract(R"(import { renderToString } from 'react-dom/server';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
const Page = ({ title }: { title: string }) => <html><body><h1>{title}</h1></body></html>;
export const handler = async (event: { title: string }) => {
  const html = renderToString(<Page title={event.title} />);
  await s3.send(new PutObjectCommand({ Bucket: process.env.SITE_BUCKET, Key: 'index.html', Body: html }));
  return { statusCode: 200 };
};
)",
                   Language::Tsx);
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.language, Language::Tsx);
  EXPECT_TRUE(f.handler.found);
  ASSERT_EQ(f.sdkCalls.size(), 1u);
  EXPECT_EQ(f.sdkCalls[0].operation, "PutObject");
  EXPECT_EQ(param(&f.sdkCalls[0], "Bucket")->text, "SITE_BUCKET");
  EXPECT_TRUE(hasImport(f, "react-dom/server"));
}

TEST(JavaScriptFrontendJsx, JsxInJavaScript) {
  auto f = extract("const el = <div>{x}</div>;\nexports.handler = async () => el;\n");
  EXPECT_TRUE(f.problems.empty());
  EXPECT_TRUE(f.handler.found);
}

// ------------------------------------------------------------ broken input

TEST(JavaScriptFrontendBroken, SyntaxErrorKeepsTheRest) {
  auto f = extract(R"(const AWS = require('aws-sdk');
const s3 = new AWS.S3();
function broken( {
exports.handler = async (event) => {
  await s3.putObject({ Bucket: process.env.B }).promise();
};
)");
  EXPECT_FALSE(f.problems.empty());
  EXPECT_EQ(f.problems[0].kind, ProblemKind::Syntax);
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].variable, "s3");
  EXPECT_TRUE(hasImport(f, "aws-sdk"));
  EXPECT_NE(findEnv(f, "B"), nullptr);
}

TEST(JavaScriptFrontendBroken, SyntaxErrorInsideTheHandler) {
  auto f = ts(R"(import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event: any) => {
  const broken = ;
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.Q }));
};
)");
  ASSERT_FALSE(f.problems.empty());
  EXPECT_EQ(f.problems[0].range.begin.line, 4u);
  EXPECT_TRUE(f.handler.found);
  ASSERT_EQ(f.sdkCalls.size(), 1u);
  EXPECT_EQ(f.sdkCalls[0].scope, Scope::Handler);
  EXPECT_EQ(param(&f.sdkCalls[0], "QueueUrl")->text, "Q");
}

TEST(JavaScriptFrontendBroken, BinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  for (Language l : {Language::JavaScript, Language::TypeScript, Language::Tsx}) {
    auto f = extract(garbage, l);
    EXPECT_FALSE(f.handler.found);
    EXPECT_FALSE(f.problems.empty());
  }
}

TEST(JavaScriptFrontendBroken, DeeplyNestedExpression) {
  constexpr int kDepth = 100000;
  std::string source = "exports.handler = async (event) => { const x = ";
  source.append(kDepth, '(');
  source += "process.env.DEEP";
  source.append(kDepth, ')');
  source += "; };\n";
  auto f = extract(source);
  EXPECT_TRUE(f.handler.found);
  ASSERT_NE(findEnv(f, "DEEP"), nullptr);
  EXPECT_EQ(findEnv(f, "DEEP")->scope, Scope::Handler);
  std::string calls = "const v = ";
  for (int i = 0; i < kDepth; ++i) calls += "f(";
  calls += "1";
  calls.append(kDepth, ')');
  calls += ";\n";
  auto g = extract(calls);
  EXPECT_FALSE(g.handler.found);
  std::string arrays(kDepth, '[');
  auto h = extract("const a = " + arrays + ";\n", Language::TypeScript);
  EXPECT_FALSE(h.problems.empty());
}

TEST(JavaScriptFrontendBroken, EmptyFile) {
  auto f = extract("");
  EXPECT_FALSE(f.handler.found);
  EXPECT_TRUE(f.problems.empty());
  EXPECT_TRUE(f.complete);
}

// A rough timing, printed only: extraction of a 5,000-line handler.
TEST(JavaScriptFrontendPerformance, FiveThousandLines) {
  std::string source =
      "const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\n";
  int n = 0;
  while (std::count(source.begin(), source.end(), '\n') < 5000) {
    std::string i = std::to_string(n++);
    source += "async function helper" + i + "(event, record) {\n  const key = record.s3.object.key + '" + i +
              "';\n  try {\n    await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET_" + i +
              ", Key: key }));\n  } catch (err) {\n    console.error('failed', err);\n    throw err;\n  }\n"
              "  return { ok: true, n: " +
              i + " };\n}\n\n";
  }
  source += "exports.handler = async (event) => { for (const r of event.Records) await helper0(event, r); };\n";
  SourceFile file("big.js", source);
  extractJavaScript(file, Language::JavaScript, "handler");  // warm up (query compilation)
  constexpr int kRuns = 5;
  auto start = std::chrono::steady_clock::now();
  CodeFacts f;
  for (int i = 0; i < kRuns; ++i) f = extractJavaScript(file, Language::JavaScript, "handler");
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kRuns;
  std::printf("[ perf ] 5,000-line JavaScript handler: %.1f ms per file (parse + extraction)\n", ms);
  EXPECT_EQ(f.sdkCalls.size(), static_cast<size_t>(n));
  EXPECT_EQ(f.sdkCalls[1].scope, Scope::Other);
  EXPECT_EQ(f.sdkCalls[0].scope, Scope::HandlerCallee);
}

}  // namespace
}  // namespace lambdalint::code
