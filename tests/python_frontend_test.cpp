// Python handler frontend: every fact kind, every supported syntax variant,
// broken and hostile input. Sources are raw strings whose first line is the
// line after `R"PY(` (the helper drops that first newline), so `line` in the
// expectations is the line as it reads in the literal.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "code/python/python_frontend.h"
#include "code/tree_sitter/syntax_tree.h"
#include "lambdalint_languages.h"

namespace lambdalint::code {
namespace {

CodeFacts extract(std::string source, std::string_view handler = "handler") {
  if (!source.empty() && source.front() == '\n') source.erase(0, 1);
  SourceFile file("app.py", std::move(source));
  return extractPython(file, handler);
}

const SdkCall* findCall(const CodeFacts& f, std::string_view operation, size_t nth = 0) {
  for (const auto& c : f.sdkCalls) {
    if (c.operation == operation && nth-- == 0) return &c;
  }
  return nullptr;
}

const ClientConstruction* findClient(const CodeFacts& f, std::string_view service, size_t nth = 0) {
  for (const auto& c : f.clients) {
    if (c.service == service && nth-- == 0) return &c;
  }
  return nullptr;
}

const EnvRead* findEnv(const CodeFacts& f, std::string_view name, size_t nth = 0) {
  for (const auto& e : f.envReads) {
    if (e.name == name && nth-- == 0) return &e;
  }
  return nullptr;
}

const TracedValue* param(const SdkCall* call, std::string_view name) {
  if (!call) return nullptr;
  for (const auto& [k, v] : call->resourceParams) {
    if (k == name) return &v;
  }
  return nullptr;
}

std::vector<std::string> operations(const CodeFacts& f) {
  std::vector<std::string> out;
  for (const auto& c : f.sdkCalls) out.push_back(c.service + ":" + c.operation);
  return out;
}

std::vector<std::string> envNames(const CodeFacts& f) {
  std::vector<std::string> out;
  for (const auto& e : f.envReads) out.push_back(e.name);
  return out;
}

#define EXPECT_AT(range, l, c)          \
  do {                                  \
    EXPECT_EQ((range).begin.line, l);   \
    EXPECT_EQ((range).begin.column, c); \
  } while (0)

#define EXPECT_TRACED(value, k, t)                                   \
  do {                                                               \
    ASSERT_NE((value), nullptr);                                     \
    EXPECT_EQ((value)->kind, TracedValue::Kind::k) << (value)->text; \
    EXPECT_EQ((value)->text, t);                                     \
  } while (0)

// ---------------------------------------------------------------------------
// The handler

TEST(PythonFrontend, QueriesCompile) { EXPECT_NO_THROW(compileQuery(tree_sitter_python(), "python-imports")); }

TEST(PythonFrontend, PlainHandler) {
  auto f = extract(R"PY(
import json

def handler(event, context):
    return {"statusCode": 200}
)PY");
  EXPECT_EQ(f.language, Language::Python);
  EXPECT_EQ(f.path, "app.py");
  EXPECT_EQ(f.handler.name, "handler");
  EXPECT_TRUE(f.handler.found);
  EXPECT_FALSE(f.handler.isAsync);
  EXPECT_AT(f.handler.range, 3u, 1u);
  EXPECT_EQ(f.handler.range.end.line, 4u);
  EXPECT_AT(f.handler.nameRange, 3u, 5u);
  EXPECT_TRUE(f.problems.empty());
  EXPECT_TRUE(f.hyphenatedAccesses.empty());
  EXPECT_TRUE(f.complete);
}

TEST(PythonFrontend, AsyncHandlerAndOtherName) {
  auto f = extract(R"PY(
async def lambda_handler(event, context):
    return 1
)PY",
                   "lambda_handler");
  EXPECT_TRUE(f.handler.found);
  EXPECT_TRUE(f.handler.isAsync);
  EXPECT_AT(f.handler.nameRange, 1u, 11u);
}

TEST(PythonFrontend, HandlerAbsentKeepsOtherFacts) {
  auto f = extract(R"PY(
import boto3
s3 = boto3.client('s3')
def main(event, context):
    s3.put_object(Bucket='b', Key='k')
class Handler:
    def handler(self, event, context):  # a method is not the module-level symbol
        pass
)PY");
  EXPECT_FALSE(f.handler.found);
  EXPECT_EQ(f.handler.name, "handler");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].scope, Scope::Module);
  const SdkCall* put = findCall(f, "PutObject");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->scope, Scope::Other);  // no handler: nothing runs per invocation
}

TEST(PythonFrontend, DecoratedHandlerIsTheDecoratedDef) {
  auto f = extract(R"PY(
import boto3
from aws_lambda_powertools import Logger, Tracer
logger = Logger()
tracer = Tracer()

@logger.inject_lambda_context(log_event=True)
@tracer.capture_lambda_handler
def handler(event, context):
    boto3.client('sqs').send_message(QueueUrl='q', MessageBody='m')
)PY");
  EXPECT_TRUE(f.handler.found);
  EXPECT_AT(f.handler.range, 8u, 1u);  // the def, after its decorators
  EXPECT_AT(f.handler.nameRange, 8u, 5u);
  const SdkCall* send = findCall(f, "SendMessage");
  ASSERT_NE(send, nullptr);
  EXPECT_EQ(send->scope, Scope::Handler);
}

TEST(PythonFrontend, WrappedHandlerUsesTheWrappedFunction) {
  auto f = extract(R"PY(
import boto3
def impl(event, context):
    boto3.client('sns').publish(TopicArn=event['topic'], Message='x')
    return {'batchItemFailures': []}

handler = some_wrapper(impl)
)PY");
  EXPECT_TRUE(f.handler.found);
  EXPECT_AT(f.handler.range, 2u, 1u);      // impl's def
  EXPECT_AT(f.handler.nameRange, 6u, 1u);  // the exported name
  const SdkCall* publish = findCall(f, "Publish");
  ASSERT_NE(publish, nullptr);
  EXPECT_EQ(publish->scope, Scope::Handler);
  EXPECT_TRACED(param(publish, "TopicArn"), Event, "topic");  // impl's first parameter is the event
  EXPECT_TRUE(f.returnsBatchItemFailures);

  auto decoratorFactory = extract(R"PY(
def impl(event, context):
    pass
handler = middleware(option=1)(impl)
)PY");
  EXPECT_TRUE(decoratorFactory.handler.found);
  EXPECT_AT(decoratorFactory.handler.range, 1u, 1u);

  auto lambdaHandler = extract("handler = lambda event, context: {'batchItemFailures': []}\n");
  EXPECT_TRUE(lambdaHandler.handler.found);
  EXPECT_AT(lambdaHandler.handler.range, 1u, 11u);
  EXPECT_TRUE(lambdaHandler.returnsBatchItemFailures);

  auto opaque = extract(R"PY(
from mangum import Mangum
from app import app
handler = Mangum(app)
)PY");
  EXPECT_TRUE(opaque.handler.found);  // exists, body not in this file
  EXPECT_AT(opaque.handler.nameRange, 3u, 1u);
}

TEST(PythonFrontend, TemplateHandlerStringNamesTheSymbol) {
  auto f = extract("def main(event, context):\n    pass\n", "src/app.main");
  EXPECT_EQ(f.handler.name, "main");
  EXPECT_TRUE(f.handler.found);
}

TEST(PythonFrontend, LastDefinitionWins) {
  auto f = extract(R"PY(
def handler(event, context):
    pass
def handler(event, context):
    pass
)PY");
  EXPECT_AT(f.handler.range, 3u, 1u);
}

// ---------------------------------------------------------------------------
// Clients

TEST(PythonFrontend, Boto3ClientConstructionVariants) {
  auto f = extract(R"PY(
import boto3
import boto3.session
from boto3 import client
from boto3 import resource as make_resource
from boto3.session import Session

s3 = boto3.client('s3')
ddb = boto3.resource('dynamodb')
sqs = boto3.session.Session().client('sqs')
session = boto3.Session(region_name='eu-west-1')
sns = session.client('sns')
s3b = client('s3')
sfn = boto3.client(service_name='stepfunctions')
ses = boto3.client("sesv2", region_name="us-east-1")
logs = Session().client('logs')
events = make_resource('events')

def handler(event, context):
    pass
)PY");
  ASSERT_EQ(f.clients.size(), 9u);
  const auto& s3 = f.clients[0];
  EXPECT_EQ(s3.kind, "aws-sdk");
  EXPECT_EQ(s3.library, "boto3");
  EXPECT_EQ(s3.service, "s3");
  EXPECT_EQ(s3.variable, "s3");
  EXPECT_EQ(s3.scope, Scope::Module);
  EXPECT_FALSE(s3.lazilyCached);
  EXPECT_AT(s3.range, 7u, 6u);
  EXPECT_EQ(s3.range.end.column, 24u);

  EXPECT_EQ(f.clients[1].service, "dynamodb");
  EXPECT_EQ(f.clients[1].variable, "ddb");
  EXPECT_EQ(f.clients[2].service, "sqs");
  EXPECT_EQ(f.clients[2].variable, "sqs");
  EXPECT_AT(f.clients[2].range, 9u, 7u);
  EXPECT_EQ(f.clients[3].service, "sns");  // session = boto3.Session(); session.client('sns')
  EXPECT_AT(f.clients[3].range, 11u, 7u);
  EXPECT_EQ(f.clients[4].service, "s3");  // from boto3 import client
  EXPECT_EQ(f.clients[4].variable, "s3b");
  EXPECT_EQ(f.clients[5].service, "states");  // keyword service_name, IAM prefix
  EXPECT_EQ(f.clients[6].service, "ses");
  EXPECT_EQ(f.clients[7].service, "logs");
  EXPECT_EQ(f.clients[8].service, "events");
  EXPECT_TRUE(f.complete);  // every service known; the Session is not a client

  auto with = extract(R"PY(
import aioboto3
session = aioboto3.Session()
async def handler(event, context):
    async with session.client('s3') as s3:
        await s3.put_object(Bucket='b', Key='k')
)PY");
  ASSERT_EQ(with.clients.size(), 1u);
  EXPECT_EQ(with.clients[0].library, "aioboto3");
  EXPECT_EQ(with.clients[0].variable, "s3");
  EXPECT_EQ(with.clients[0].scope, Scope::Handler);
  ASSERT_NE(findCall(with, "PutObject"), nullptr);
  EXPECT_TRUE(findCall(with, "PutObject")->awaited);
}

TEST(PythonFrontend, UnknownServiceMakesFactsIncomplete) {
  auto f = extract(R"PY(
import boto3
def handler(event, context):
    name = event['service']
    c = boto3.client(name)
    c.do_something()
)PY");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_EQ(f.clients[0].service, "");
  EXPECT_EQ(f.clients[0].scope, Scope::Handler);
  EXPECT_FALSE(f.complete);
  const SdkCall* call = findCall(f, "DoSomething");
  ASSERT_NE(call, nullptr);
  EXPECT_TRUE(call->dynamic);
}

TEST(PythonFrontend, DatabaseAndCacheClients) {
  auto f = extract(R"PY(
import psycopg2
import pymysql
import sqlalchemy
import redis
import pymongo
from redis import StrictRedis

pg = psycopg2.connect(host='h')
my = pymysql.connect(host='h')
engine = sqlalchemy.create_engine('postgresql://')
r1 = redis.Redis(host='h')
r2 = StrictRedis(host='h')
r3 = redis.from_url('redis://')
mongo = pymongo.MongoClient('mongodb://')

def handler(event, context):
    pass
)PY");
  ASSERT_EQ(f.clients.size(), 7u);
  std::vector<std::string> got;
  for (const auto& c : f.clients) got.push_back(c.kind + "/" + c.library + "/" + c.service + "/" + c.variable);
  EXPECT_EQ(got, (std::vector<std::string>{"database/psycopg2/psycopg2/pg", "database/pymysql/pymysql/my",
                                           "database/sqlalchemy/sqlalchemy/engine", "cache/redis/redis/r1",
                                           "cache/redis/redis/r2", "cache/redis/redis/r3",
                                           "database/pymongo/pymongo/mongo"}));
  EXPECT_AT(f.clients[0].range, 8u, 6u);
  EXPECT_TRUE(f.sdkCalls.empty());
}

TEST(PythonFrontend, TableIsNotAClientButNamesTheTable) {
  auto f = extract(R"PY(
import os
import boto3
dynamodb = boto3.resource('dynamodb')
table = dynamodb.Table(os.environ['TABLE'])

def handler(event, context):
    table.put_item(Item={'pk': '1'})
    table.get_item(Key={'pk': '1'})
    table.query(KeyConditionExpression='x')
    table.scan()
    table.update_item(Key={}, UpdateExpression='x')
    table.delete_item(Key={})
    with table.batch_writer() as batch:
        batch.put_item(Item={})
    table.wait_until_exists()
)PY");
  ASSERT_EQ(f.clients.size(), 1u);  // the resource only
  EXPECT_EQ(f.clients[0].service, "dynamodb");
  EXPECT_EQ(operations(f),
            (std::vector<std::string>{"dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan",
                                      "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"}));
  const SdkCall* put = findCall(f, "PutItem");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->sdk, "boto3");
  EXPECT_TRUE(put->awaited);
  EXPECT_EQ(put->scope, Scope::Handler);
  EXPECT_AT(put->range, 7u, 5u);
  const TracedValue* name = param(put, "TableName");
  EXPECT_TRACED(name, EnvVar, "TABLE");
  EXPECT_AT(name->range, 4u, 24u);  // the expression given to .Table(...)
  EXPECT_TRACED(param(findCall(f, "BatchWriteItem"), "TableName"), EnvVar, "TABLE");
}

TEST(PythonFrontend, ResourceObjects) {
  auto f = extract(R"PY(
import os
import boto3
s3 = boto3.resource('s3')
sqs = boto3.resource('sqs')
sns = boto3.resource('sns')
BUCKET = os.environ.get('BUCKET')

def handler(event, context):
    s3.Bucket(BUCKET).put_object(Key='k', Body=b'')
    s3.Object('literal-bucket', 'k').get()
    bucket = s3.Bucket('b2')
    bucket.Object('k').delete()
    for obj in bucket.objects.filter(Prefix='p/'):
        pass
    queue = sqs.Queue(os.environ['QUEUE_URL'])
    queue.send_message(MessageBody='x')
    sns.Topic(os.getenv('TOPIC')).publish(Message='m')
    boto3.resource('dynamodb').batch_write_item(RequestItems={})
)PY");
  EXPECT_EQ(operations(f),
            (std::vector<std::string>{"s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:ListObjects",
                                      "sqs:SendMessage", "sns:Publish", "dynamodb:BatchWriteItem"}));
  EXPECT_TRACED(param(findCall(f, "PutObject"), "Bucket"), EnvVar, "BUCKET");
  EXPECT_TRACED(param(findCall(f, "GetObject"), "Bucket"), Literal, "literal-bucket");
  EXPECT_TRACED(param(findCall(f, "DeleteObject"), "Bucket"), Literal, "b2");
  EXPECT_TRACED(param(findCall(f, "ListObjects"), "Bucket"), Literal, "b2");
  EXPECT_TRACED(param(findCall(f, "SendMessage"), "QueueUrl"), EnvVar, "QUEUE_URL");
  EXPECT_TRACED(param(findCall(f, "Publish"), "TopicArn"), EnvVar, "TOPIC");
}

// ---------------------------------------------------------------------------
// SDK calls

TEST(PythonFrontend, ClientOperationsArePascalCase) {
  auto f = extract(R"PY(
import boto3
s3 = boto3.client('s3')
ddb = boto3.client('dynamodb')
sqs = boto3.client('sqs')
sfn = boto3.client('stepfunctions')
logs = boto3.client('logs')

def handler(event, context):
    s3.put_object(Bucket='b', Key='k')
    s3.list_objects_v2(Bucket='b')
    ddb.get_item(TableName='t', Key={})
    sqs.send_message(QueueUrl='u', MessageBody='m')
    sfn.start_execution(stateMachineArn='arn')
    logs.put_log_events(logGroupName='g', logStreamName='s', logEvents=[])
    s3.generate_presigned_url('get_object', Params={})
    s3.get_waiter('object_exists').wait(Bucket='b', Key='k')
    s3.upload_file('/tmp/f', 'up-bucket', 'key')
    s3.download_file('down-bucket', 'key', '/tmp/f')
)PY");
  EXPECT_EQ(operations(f),
            (std::vector<std::string>{"s3:PutObject", "s3:ListObjectsV2", "dynamodb:GetItem", "sqs:SendMessage",
                                      "states:StartExecution", "logs:PutLogEvents", "s3:PutObject", "s3:GetObject"}));
  const SdkCall* put = findCall(f, "PutObject");
  EXPECT_AT(put->range, 9u, 5u);
  EXPECT_EQ(put->range.end.line, 9u);
  EXPECT_EQ(put->range.end.column, 39u);
  EXPECT_FALSE(put->dynamic);
  EXPECT_TRACED(param(findCall(f, "PutObject", 1), "Bucket"), Literal, "up-bucket");
  EXPECT_TRACED(param(findCall(f, "GetObject"), "Bucket"), Literal, "down-bucket");
  EXPECT_TRUE(f.complete);
}

TEST(PythonFrontend, Paginators) {
  auto f = extract(R"PY(
import boto3
s3 = boto3.client('s3')
ddb = boto3.client('dynamodb')

def handler(event, context):
    paginator = s3.get_paginator('list_objects_v2')
    for page in paginator.paginate(Bucket='b'):
        pass
    ddb.get_paginator('scan')
)PY");
  EXPECT_EQ(operations(f), (std::vector<std::string>{"s3:ListObjectsV2", "dynamodb:Scan"}));
  const SdkCall* list = findCall(f, "ListObjectsV2");
  EXPECT_AT(list->range, 7u, 17u);  // the paginate call, which carries the parameters
  EXPECT_TRACED(param(list, "Bucket"), Literal, "b");
  EXPECT_AT(findCall(f, "Scan")->range, 9u, 5u);  // never paginated here: the get_paginator call
}

TEST(PythonFrontend, DynamicOperations) {
  auto f = extract(R"PY(
import boto3
s3 = boto3.client('s3')

def handler(event, context):
    getattr(s3, 'put_object')(Bucket='b', Key='k')
    op = event['op']
    getattr(s3, op)(Bucket='b')
)PY");
  ASSERT_EQ(f.sdkCalls.size(), 2u);
  EXPECT_EQ(f.sdkCalls[0].operation, "PutObject");
  EXPECT_FALSE(f.sdkCalls[0].dynamic);
  EXPECT_EQ(f.sdkCalls[1].service, "s3");
  EXPECT_EQ(f.sdkCalls[1].operation, "");
  EXPECT_TRUE(f.sdkCalls[1].dynamic);
  EXPECT_AT(f.sdkCalls[1].range, 7u, 5u);
  EXPECT_FALSE(f.complete);
}

TEST(PythonFrontend, ResourceParameters) {
  auto f = extract(R"PY(
import boto3
lam = boto3.client('lambda')
sfn = boto3.client('stepfunctions')
ev = boto3.client('events')
sm = boto3.client('secretsmanager')
ssm = boto3.client('ssm')
kin = boto3.client('kinesis')
fh = boto3.client('firehose')
logs = boto3.client('logs')
sns = boto3.client('sns')
glue = boto3.client('glue')

def handler(event, context):
    lam.invoke(FunctionName='f')
    sfn.start_execution(StateMachineArn='sm')
    ev.put_events(Entries=[{'Source': 's', 'EventBusName': 'bus-a'}, {'EventBusName': 'bus-b'}])
    sm.get_secret_value(SecretId='sec')
    ssm.get_parameter(Name='/p')
    kin.put_record(StreamName='st', Data=b'', PartitionKey='k')
    fh.put_record(DeliveryStreamName='ds', Record={})
    logs.create_log_group(LogGroupName='lg')
    sns.publish(TopicArn='t', Message='m')
    glue.get_table(DatabaseName='d', Name='not-ssm')
)PY");
  EXPECT_TRACED(param(findCall(f, "Invoke"), "FunctionName"), Literal, "f");
  EXPECT_TRACED(param(findCall(f, "StartExecution"), "StateMachineArn"), Literal, "sm");
  const SdkCall* put = findCall(f, "PutEvents");
  ASSERT_NE(put, nullptr);
  ASSERT_EQ(put->resourceParams.size(), 2u);
  EXPECT_EQ(put->resourceParams[0].first, "EventBusName");
  EXPECT_EQ(put->resourceParams[0].second.text, "bus-a");
  EXPECT_EQ(put->resourceParams[1].second.text, "bus-b");
  EXPECT_TRACED(param(findCall(f, "GetSecretValue"), "SecretId"), Literal, "sec");
  EXPECT_TRACED(param(findCall(f, "GetParameter"), "Name"), Literal, "/p");
  EXPECT_TRACED(param(findCall(f, "PutRecord"), "StreamName"), Literal, "st");
  EXPECT_TRACED(param(findCall(f, "PutRecord", 1), "DeliveryStreamName"), Literal, "ds");
  EXPECT_TRACED(param(findCall(f, "CreateLogGroup"), "LogGroupName"), Literal, "lg");
  EXPECT_TRACED(param(findCall(f, "Publish"), "TopicArn"), Literal, "t");
  const SdkCall* glue = findCall(f, "GetTable");
  ASSERT_NE(glue, nullptr);
  EXPECT_TRUE(glue->resourceParams.empty());  // Name is a resource parameter of SSM only
}

TEST(PythonFrontend, TracedValues) {
  auto f = extract(R"PY(
import os
import boto3
from os import environ
s3 = boto3.client('s3')
A = os.environ['A']
B = os.environ.get('B')
C = os.getenv('C', 'fallback')
D = environ['D']
LITERAL = 'my-bucket'

def handler(event, context):
    s3.put_object(Bucket=A)
    s3.put_object(Bucket=B)
    s3.put_object(Bucket=C)
    s3.put_object(Bucket=D)
    s3.put_object(Bucket=LITERAL)
    local = os.environ["LOCAL"]
    s3.put_object(Bucket=local)
    s3.put_object(Bucket=event['Records'][0]['s3']['bucket']['name'])
    for record in event['Records']:
        s3.put_object(Bucket=record['s3']['bucket']['name'])
    s3.put_object(Bucket=f"prefix-{A}")
    s3.put_object(Bucket=compute())
    s3.put_object(Bucket=os.environ.get('INLINE', 'x'))
)PY");
  ASSERT_EQ(f.sdkCalls.size(), 11u);
  EXPECT_TRACED(param(&f.sdkCalls[0], "Bucket"), EnvVar, "A");
  EXPECT_TRACED(param(&f.sdkCalls[1], "Bucket"), EnvVar, "B");
  EXPECT_TRACED(param(&f.sdkCalls[2], "Bucket"), EnvVar, "C");
  EXPECT_TRACED(param(&f.sdkCalls[3], "Bucket"), EnvVar, "D");
  EXPECT_TRACED(param(&f.sdkCalls[4], "Bucket"), Literal, "my-bucket");
  EXPECT_TRACED(param(&f.sdkCalls[5], "Bucket"), EnvVar, "LOCAL");
  EXPECT_TRACED(param(&f.sdkCalls[6], "Bucket"), Event, "Records[].s3.bucket.name");
  EXPECT_TRACED(param(&f.sdkCalls[7], "Bucket"), Event, "Records[].s3.bucket.name");
  EXPECT_TRACED(param(&f.sdkCalls[8], "Bucket"), Unknown, "");
  EXPECT_TRACED(param(&f.sdkCalls[9], "Bucket"), Unknown, "");
  EXPECT_TRACED(param(&f.sdkCalls[10], "Bucket"), EnvVar, "INLINE");
  // the range is the argument as written in the call
  const TracedValue* a = param(&f.sdkCalls[0], "Bucket");
  EXPECT_AT(a->range, 12u, 26u);
}

TEST(PythonFrontend, TracesIntoHelpersAndSplats) {
  auto f = extract(R"PY(
import os
import boto3
s3 = boto3.client('s3')

def upload(client, bucket, key):
    client.put_object(Bucket=bucket, Key=key)

def handler(event, context):
    for record in event.get('Records', []):
        upload(s3, record['s3']['bucket']['name'], 'k')
    params = {'Bucket': os.environ['OUT'], 'Key': 'k'}
    s3.copy_object(**params)
)PY");
  const SdkCall* put = findCall(f, "PutObject");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->scope, Scope::HandlerCallee);
  EXPECT_TRACED(param(put, "Bucket"), Event, "Records[].s3.bucket.name");
  EXPECT_TRACED(param(findCall(f, "CopyObject"), "Bucket"), EnvVar, "OUT");
}

// ---------------------------------------------------------------------------
// Environment

TEST(PythonFrontend, EnvironmentReads) {
  auto f = extract(R"PY(
import os
from os import environ, getenv
A = os.environ['A']
B = os.environ.get('B')
C = os.environ.get('C', 'c')
D = os.getenv('D')
E = os.getenv('E', 'e')
F = environ['F']
G = os.environ.setdefault('G', 'g')
H = os.environ.get('H') or 'h'
I = getenv('I')
J = os.getenv('J', None)
K = os.environ['K'] or 'k'
os.environ['WRITTEN'] = 'x'
del os.environ['DELETED']

def handler(event, context):
    return os.environ['IN_HANDLER']
)PY");
  EXPECT_EQ(envNames(f),
            (std::vector<std::string>{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "IN_HANDLER"}));
  auto hasDefault = [&](const char* name) { return findEnv(f, name)->hasDefault; };
  EXPECT_FALSE(hasDefault("A"));
  EXPECT_FALSE(hasDefault("B"));
  EXPECT_TRUE(hasDefault("C"));
  EXPECT_FALSE(hasDefault("D"));
  EXPECT_TRUE(hasDefault("E"));
  EXPECT_FALSE(hasDefault("F"));
  EXPECT_TRUE(hasDefault("G"));
  EXPECT_TRUE(hasDefault("H"));
  EXPECT_FALSE(hasDefault("I"));
  EXPECT_FALSE(hasDefault("J"));  // a default of None is no default
  EXPECT_FALSE(hasDefault("K"));  // os.environ['K'] raises before `or` is reached
  const EnvRead* a = findEnv(f, "A");
  EXPECT_EQ(a->scope, Scope::Module);
  EXPECT_AT(a->range, 3u, 5u);
  EXPECT_EQ(a->range.end.column, 20u);
  EXPECT_AT(findEnv(f, "C")->range, 5u, 5u);
  EXPECT_EQ(findEnv(f, "C")->range.end.column, 29u);
  EXPECT_EQ(findEnv(f, "IN_HANDLER")->scope, Scope::Handler);
}

// ---------------------------------------------------------------------------
// Imports

TEST(PythonFrontend, Imports) {
  auto f = extract(R"PY(
from __future__ import annotations
import os
import boto3.session as bs, json
from botocore.exceptions import ClientError
from . import sibling
from .pkg.mod import thing as other

def handler(event, context):
    import psycopg2
)PY");
  std::vector<std::string> modules;
  for (const auto& i : f.imports) modules.push_back(i.module);
  EXPECT_EQ(modules, (std::vector<std::string>{"__future__", "os", "boto3.session", "json", "botocore.exceptions", ".",
                                               ".pkg.mod", "psycopg2"}));
  EXPECT_AT(f.imports[1].range, 2u, 1u);
  EXPECT_AT(f.imports[7].range, 9u, 5u);
}

// ---------------------------------------------------------------------------
// Errors

TEST(PythonFrontend, CatchBlocks) {
  auto f = extract(R"PY(
import json

def handler(event, context):
    batch_item_failures = []
    for record in event['Records']:
        try:
            json.loads(record['body'])
        except ValueError as e:
            batch_item_failures.append({"itemIdentifier": record['messageId']})
        except KeyError:
            raise
        except Exception:
            def later():
                raise RuntimeError()
            log(later)
    try:
        pass
    except Exception:
        failures = []
        failures.append(dict(itemIdentifier='x'))
    return {"batchItemFailures": batch_item_failures}

def other():
    try:
        pass
    except:
        pass
)PY");
  ASSERT_EQ(f.catches.size(), 5u);
  const CatchBlock& value = f.catches[0];
  EXPECT_AT(value.range, 8u, 9u);
  EXPECT_FALSE(value.rethrows);
  EXPECT_TRUE(value.recordsFailure);
  EXPECT_TRUE(value.insideRecordLoop);
  EXPECT_EQ(value.scope, Scope::Handler);
  EXPECT_TRUE(f.catches[1].rethrows);
  EXPECT_FALSE(f.catches[1].recordsFailure);
  EXPECT_FALSE(f.catches[2].rethrows);  // the raise sits in a nested def
  EXPECT_FALSE(f.catches[3].insideRecordLoop);
  EXPECT_TRUE(f.catches[3].recordsFailure);  // dict(itemIdentifier=...)
  EXPECT_EQ(f.catches[4].scope, Scope::Other);
  EXPECT_TRUE(f.returnsBatchItemFailures);
  EXPECT_AT(f.batchItemFailuresRange, 21u, 12u);
}

TEST(PythonFrontend, RecordLoopVariants) {
  auto f = extract(R"PY(
def handler(event, context):
    failures = []
    records = event.get('Records', [])
    for i, record in enumerate(records):
        try:
            work(record)
        except Exception:
            failures.append(record['messageId'])
    for record in event.get('Records', []):
        try:
            work(record)
        except Exception:
            batch_item_failures.append(record['messageId'])
    for item in event['items']:
        try:
            work(item)
        except Exception:
            pass
    response = {'batchItemFailures': [{'itemIdentifier': m} for m in failures]}
    return response
)PY");
  ASSERT_EQ(f.catches.size(), 3u);
  EXPECT_TRUE(f.catches[0].insideRecordLoop);
  EXPECT_FALSE(f.catches[0].recordsFailure);  // a message id, not an itemIdentifier dict
  EXPECT_TRUE(f.catches[1].insideRecordLoop);
  EXPECT_TRUE(f.catches[1].recordsFailure);  // batch_item_failures.append(...)
  EXPECT_FALSE(f.catches[2].insideRecordLoop);
  EXPECT_TRUE(f.returnsBatchItemFailures);  // through a local variable
  EXPECT_AT(f.batchItemFailuresRange, 19u, 16u);
}

TEST(PythonFrontend, BatchItemFailuresOnlyFromTheHandler) {
  auto f = extract(R"PY(
def helper():
    return {"batchItemFailures": []}
def handler(event, context):
    def inner():
        return {"batchItemFailures": []}
    return {"statusCode": 200}
)PY");
  EXPECT_FALSE(f.returnsBatchItemFailures);
}

// ---------------------------------------------------------------------------
// Scopes and lazy initialisation

TEST(PythonFrontend, Scopes) {
  auto f = extract(R"PY(
import boto3
a = boto3.client('s3')

class Config:
    b = boto3.client('sqs')

def direct():
    boto3.client('sns')
    transitive()

def transitive():
    boto3.client('lambda')

def unrelated():
    boto3.client('kinesis')

def callback(item):
    boto3.client('firehose')

def handler(event, context):
    def nested():
        return boto3.client('ssm')
    nested()
    direct()
    list(map(callback, event['items']))
    boto3.client('dynamodb')
    return lambda: boto3.client('events')
)PY");
  auto scope = [&](const char* service) {
    const ClientConstruction* c = findClient(f, service);
    EXPECT_NE(c, nullptr) << service;
    return c ? c->scope : Scope::Other;
  };
  EXPECT_EQ(scope("s3"), Scope::Module);
  EXPECT_EQ(scope("sqs"), Scope::Module);  // class body runs at import
  EXPECT_EQ(scope("sns"), Scope::HandlerCallee);
  EXPECT_EQ(scope("lambda"), Scope::HandlerCallee);
  EXPECT_EQ(scope("kinesis"), Scope::Other);
  EXPECT_EQ(scope("firehose"), Scope::HandlerCallee);  // passed to map()
  EXPECT_EQ(scope("ssm"), Scope::Handler);
  EXPECT_EQ(scope("dynamodb"), Scope::Handler);
  EXPECT_EQ(scope("events"), Scope::Handler);
}

TEST(PythonFrontend, ClassBasedClients) {
  auto f = extract(R"PY(
import os
import boto3

class Repository:
    def __init__(self):
        self.table = boto3.resource('dynamodb').Table(os.environ['TABLE'])
        self.s3 = boto3.client('s3')

    def save(self, item):
        self.table.put_item(Item=item)
        self.s3.put_object(Bucket='b', Key='k')

repo = Repository()

def handler(event, context):
    repo.save(event)
)PY");
  ASSERT_EQ(f.clients.size(), 2u);
  EXPECT_EQ(f.clients[0].scope, Scope::Other);  // __init__ runs when the module makes `repo`
  EXPECT_EQ(f.clients[1].variable, "self.s3");
  const SdkCall* put = findCall(f, "PutItem");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->scope, Scope::HandlerCallee);
  EXPECT_TRACED(param(put, "TableName"), EnvVar, "TABLE");
  EXPECT_NE(findCall(f, "PutObject"), nullptr);
}

TEST(PythonFrontend, LazyInitialisation) {
  auto f = extract(R"PY(
import boto3
import functools
from functools import lru_cache, cache

_s3 = None
_sqs = None
_clients = {}

def get_sqs():
    global _sqs
    if not _sqs:
        _sqs = boto3.client('sqs')
    return _sqs

def get_named(name):
    if name in _clients:
        return _clients[name]
    _clients[name] = boto3.client('lambda')
    return _clients[name]

@lru_cache(maxsize=None)
def get_table():
    return boto3.resource('dynamodb').Table('t')

@functools.cache
def get_sns():
    return boto3.client('sns')

@cache
def get_kinesis():
    return boto3.client('kinesis')

def handler(event, context):
    global _s3
    if _s3 is None:
        _s3 = boto3.client('s3')
    _s3.put_object(Bucket='b', Key='k')
    get_sqs().send_message(QueueUrl='q', MessageBody='m')
    get_named('lambda')
    get_table().put_item(Item={})
    get_sns().publish(TopicArn='t', Message='m')
    get_kinesis()
    fresh = boto3.client('ssm')
    global _unguarded
    _unguarded = boto3.client('events')
)PY");
  auto lazy = [&](const char* service) {
    const ClientConstruction* c = findClient(f, service);
    EXPECT_NE(c, nullptr) << service;
    return c && c->lazilyCached;
  };
  EXPECT_TRUE(lazy("s3"));
  EXPECT_EQ(findClient(f, "s3")->scope, Scope::Handler);
  EXPECT_EQ(findClient(f, "s3")->variable, "_s3");
  EXPECT_TRUE(lazy("sqs"));
  EXPECT_EQ(findClient(f, "sqs")->scope, Scope::HandlerCallee);
  EXPECT_TRUE(lazy("lambda"));
  EXPECT_TRUE(lazy("dynamodb"));
  EXPECT_EQ(findClient(f, "dynamodb")->scope, Scope::HandlerCallee);
  EXPECT_TRUE(lazy("sns"));
  EXPECT_TRUE(lazy("kinesis"));
  EXPECT_FALSE(lazy("ssm"));
  EXPECT_FALSE(lazy("events"));  // global, but rebuilt on every call
  // calls through the cached objects are still typed
  EXPECT_NE(findCall(f, "PutObject"), nullptr);
  EXPECT_NE(findCall(f, "SendMessage"), nullptr);
  EXPECT_TRACED(param(findCall(f, "PutItem"), "TableName"), Literal, "t");
  EXPECT_NE(findCall(f, "Publish"), nullptr);
}

TEST(PythonFrontend, OrStyleLazyInitialisation) {
  auto f = extract(R"PY(
import boto3
_c = None
def handler(event, context):
    global _c
    _c = _c or boto3.client('s3')
)PY");
  ASSERT_EQ(f.clients.size(), 1u);
  EXPECT_TRUE(f.clients[0].lazilyCached);
  EXPECT_EQ(f.clients[0].variable, "_c");
}

// ---------------------------------------------------------------------------
// Broken and hostile input

TEST(PythonFrontend, Python2PrintKeepsOtherFunctions) {
  auto f = extract(R"PY(
import boto3
def old():
    print "hello"
    boto3.client('sqs')

def handler(event, context):
    boto3.client('s3').put_object(Bucket='b', Key='k')
)PY");
  EXPECT_TRUE(f.handler.found);
  EXPECT_NE(findClient(f, "sqs"), nullptr);
  EXPECT_NE(findClient(f, "s3"), nullptr);
  EXPECT_NE(findCall(f, "PutObject"), nullptr);
}

TEST(PythonFrontend, SyntaxErrorKeepsTheRest) {
  auto f = extract(R"PY(
import os
import boto3
def broken(:
    pass
s3 = boto3.client('s3')
def old(event):
    x = = 1
    return x +
def handler(event, context):
    if event[:
        pass
    s3.put_object(Bucket=os.environ['B'], Key='k')
)PY");
  ASSERT_GE(f.problems.size(), 3u);
  EXPECT_EQ(f.problems[0].kind, ProblemKind::Syntax);
  EXPECT_EQ(f.problems[0].range.begin.line, 3u);
  EXPECT_EQ(f.problems[1].range.begin.line, 7u);
  EXPECT_TRUE(f.handler.found);
  EXPECT_AT(f.handler.range, 9u, 1u);
  ASSERT_NE(findClient(f, "s3"), nullptr);
  const SdkCall* put = findCall(f, "PutObject");
  ASSERT_NE(put, nullptr);  // inside the error node that swallowed the `if`
  EXPECT_EQ(put->scope, Scope::Handler);
  EXPECT_TRACED(param(put, "Bucket"), EnvVar, "B");
  EXPECT_NE(findEnv(f, "B"), nullptr);
}

TEST(PythonFrontend, UnclosedBracketKeepsWhatPrecedesIt) {
  // Python joins every later line into the open bracket; tree-sitter recovers
  // with one large error node. What precedes it and reads inside it survive.
  auto f = extract(R"PY(
import os
import boto3
def broken():
    x = [1, 2
def handler(event, context):
    os.environ['B']
)PY");
  EXPECT_FALSE(f.problems.empty());
  EXPECT_EQ(f.imports.size(), 2u);
  EXPECT_NE(findEnv(f, "B"), nullptr);
}

TEST(PythonFrontend, TabsAndSpacesMixed) {
  auto f = extract(
      "import os\n"
      "import boto3\n"
      "def handler(event, context):\n"
      "\tif event:\n"
      "\t\tboto3.client('s3')\n"
      "        x = os.environ['SPACES']\n"
      "\treturn x\n");
  EXPECT_TRUE(f.handler.found);
  ASSERT_NE(findClient(f, "s3"), nullptr);
  EXPECT_AT(findClient(f, "s3")->range, 5u, 3u);
  EXPECT_EQ(findClient(f, "s3")->scope, Scope::Handler);
  ASSERT_NE(findEnv(f, "SPACES"), nullptr);
  EXPECT_EQ(findEnv(f, "SPACES")->range.begin.line, 6u);
}

TEST(PythonFrontend, NonUtf8Bytes) {
  std::string source =
      "# -*- coding: latin-1 -*-\n"
      "import os\n"
      "GREETING = 'caf\xe9 \xff\xfe'\n"
      "def handler(event, context):\n"
      "    name = '\xe9t\xe9'; v = os.environ['AFTER']\n";
  auto f = extract(source);
  EXPECT_TRUE(f.handler.found);
  const EnvRead* after = findEnv(f, "AFTER");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->range.begin.line, 5u);
  EXPECT_EQ(after->scope, Scope::Handler);
}

TEST(PythonFrontend, BinaryGarbage) {
  std::string garbage;
  uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(state >> 16));
  }
  CodeFacts f;
  EXPECT_NO_THROW(f = extract(garbage));
  EXPECT_FALSE(f.handler.found);
  EXPECT_FALSE(f.problems.empty());
  EXPECT_NO_THROW(extract(std::string("\0\0\0def handler(event, context):\n    pass\n", 40)));
}

TEST(PythonFrontend, DeeplyNestedExpressionsDoNotOverflow) {
  const int n = 100000;
  const std::string tail =
      "\nimport boto3\ndef handler(event, context):\n    boto3.client('s3').put_object(Bucket='b')\n";
  std::vector<std::string> sources = {
      "x = " + std::string(n, '(') + "1" + std::string(n, ')'),
      [&] {
        std::string s = "x = ";
        for (int i = 0; i < n; ++i) s += "f(";
        return s + "1" + std::string(n, ')');
      }(),
      [&] {
        std::string s = "x = event";
        for (int i = 0; i < n; ++i) s += "['a']";
        return s;
      }(),
      [&] {
        std::string s = "import os\nx = os";
        for (int i = 0; i < n; ++i) s += ".environ";
        return s + "['X']";
      }(),
      [&] {
        std::string s = "x = boto3.client('s3')";
        for (int i = 0; i < n; ++i) s += ".a()";
        return s;
      }(),
      [&] {
        std::string s = "x = ";
        for (int i = 0; i < n; ++i) s += "lambda: ";
        return s + "boto3.client('s3')";
      }(),
      "x = " + std::string(n, '[') + std::string(n, ']'),
      "x = " + std::string(n, '-') + "1",
  };
  for (const auto& s : sources) {
    CodeFacts f = extract(s + tail);
    EXPECT_TRUE(f.handler.found);
    EXPECT_NE(findCall(f, "PutObject"), nullptr);
  }
}

}  // namespace
}  // namespace lambdalint::code
