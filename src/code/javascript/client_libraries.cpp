// Which constructor or factory of which package builds an SDK client or a
// database / cache connection: AWS SDK v2 (`new AWS.S3()`,
// `aws-sdk/clients/s3`, `DocumentClient`), v3 (`new S3Client()`, the
// aggregated `new S3()`, `@aws-sdk/lib-dynamodb`'s `from`), and the database
// and cache drivers of the table below.
#include <array>
#include <string>
#include <string_view>

#include "code/javascript/aws_service_names.h"
#include "code/javascript/javascript_library.h"

namespace lambdalint::code::javascript {
namespace {

using analysis::Value;

Value client(ClientStyle style, std::string sdk, std::string library, std::string service, std::string kind) {
  Value v;
  v.kind = Value::Kind::Library;
  v.constructs = true;
  v.object.shape = static_cast<uint8_t>(style);
  v.object.sdk = std::move(sdk);
  v.object.library = std::move(library);
  v.object.service = std::move(service);
  v.object.kind = std::move(kind);
  return v;
}

std::optional<Value> awsSdkV2(const std::string& m, const std::vector<std::string>& mem, bool dynamic, bool isNew) {
  bool v2Client = m.rfind("aws-sdk/clients/", 0) == 0;
  if (!isNew) return std::nullopt;
  std::string serviceClass;
  size_t rest = 0;
  if (v2Client) {
    serviceClass = m.substr(16);
  } else {
    if (mem.empty()) return std::nullopt;
    serviceClass = mem[0];
    rest = 1;
    if (dynamic && serviceClass.empty()) {  // new AWS[name]()
      Value v = client(ClientStyle::V2, "js-v2", "aws-sdk", "", "aws-sdk");
      v.dynamic = true;
      return v;
    }
    if (isV2NonServiceClass(serviceClass)) return std::nullopt;
  }
  ClientStyle style;
  if (mem.size() == rest) {
    style = ClientStyle::V2;
  } else if (mem.size() == rest + 1 && mem[rest] == "DocumentClient") {
    style = ClientStyle::V2Document;
  } else {
    return std::nullopt;
  }
  return client(style, "js-v2", "aws-sdk", iamPrefixForV2Class(serviceClass), "aws-sdk");
}

std::optional<Value> awsSdkV3(const std::string& m, const std::vector<std::string>& mem, bool isNew) {
  if (!isNew || mem.size() != 1) return std::nullopt;
  std::string_view cls = mem[0];
  if (cls.empty() || !(cls[0] >= 'A' && cls[0] <= 'Z') || cls.ends_with("Command") || cls.ends_with("Exception")) {
    return std::nullopt;
  }
  ClientStyle style = cls.ends_with("Client") ? ClientStyle::V3 : ClientStyle::V3Aggregated;
  return client(style, "js-v3", m, iamPrefixForV3Package(std::string_view(m).substr(16)), "aws-sdk");
}

std::optional<Value> documentClient(const std::string& m, const std::vector<std::string>& mem, bool isNew) {
  std::string_view first = mem.empty() ? std::string_view() : std::string_view(mem[0]);
  bool bare = first == "DynamoDBDocumentClient";
  bool aggregated = first == "DynamoDBDocument";
  if (!bare && !aggregated) return std::nullopt;
  if (isNew ? mem.size() != 1 : !(mem.size() == 2 && mem[1] == "from")) return std::nullopt;
  return client(bare ? ClientStyle::V3Document : ClientStyle::V3DocumentAggregated, "js-v3", m, "dynamodb", "aws-sdk");
}

// Database and cache clients: {module, member path, constructed with `new`, kind}.
std::optional<Value> database(std::string library, const std::vector<std::string>& mem, bool isNew) {
  struct Spec {
    std::string_view module;
    std::string_view path;
    bool isNew;
    std::string_view kind;
  };
  static constexpr std::array<Spec, 30> kSpecs{{
      {"pg", "Pool", true, "database"},
      {"pg", "Client", true, "database"},
      {"pg", "native.Pool", true, "database"},
      {"pg", "native.Client", true, "database"},
      {"pg-pool", "", true, "database"},
      {"@neondatabase/serverless", "Pool", true, "database"},
      {"@neondatabase/serverless", "Client", true, "database"},
      {"postgres", "", false, "database"},
      {"mysql2", "createConnection", false, "database"},
      {"mysql2", "createPool", false, "database"},
      {"mysql2", "createPoolCluster", false, "database"},
      {"mysql", "createConnection", false, "database"},
      {"mysql", "createPool", false, "database"},
      {"mongodb", "MongoClient", true, "database"},
      {"mongodb", "MongoClient.connect", false, "database"},
      {"mongoose", "connect", false, "database"},
      {"mongoose", "createConnection", false, "database"},
      {"@prisma/client", "PrismaClient", true, "database"},
      {"sequelize", "", true, "database"},
      {"sequelize", "Sequelize", true, "database"},
      {"knex", "", false, "database"},
      {"knex", "knex", false, "database"},
      {"ioredis", "", true, "cache"},
      {"ioredis", "Redis", true, "cache"},
      {"ioredis", "Cluster", true, "cache"},
      {"ioredis", "Redis.Cluster", true, "cache"},
      {"ioredis", "default", true, "cache"},
      {"redis", "createClient", false, "cache"},
      {"redis", "createCluster", false, "cache"},
      {"@upstash/redis", "Redis", true, "cache"},
  }};
  if (library.ends_with("/promise")) library.resize(library.size() - 8);
  std::string path;
  for (size_t i = 0; i < mem.size(); ++i) {
    if (i == 0 && mem[i] == "default" && mem.size() > 1) continue;
    if (!path.empty()) path += '.';
    path += mem[i];
  }
  for (const Spec& s : kSpecs) {
    if (s.module == library && s.path == path && s.isNew == isNew) {
      return client(ClientStyle::Database, "", library, library, std::string(s.kind));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> clientBuiltBy(const Value& callee, bool isNew) {
  const std::string& m = callee.text;
  if (m == "aws-sdk" || m == "aws-sdk/global" || m.rfind("aws-sdk/clients/", 0) == 0) {
    return awsSdkV2(m, callee.members, callee.dynamic, isNew);
  }
  if (m.rfind("@aws-sdk/client-", 0) == 0) return awsSdkV3(m, callee.members, isNew);
  if (m == "@aws-sdk/lib-dynamodb") return documentClient(m, callee.members, isNew);
  return database(m, callee.members, isNew);
}

}  // namespace lambdalint::code::javascript
