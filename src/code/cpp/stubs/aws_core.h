// lambdalint stand-in for the AWS SDK for C++ core (<aws/core/...>): declarations
// only, used when the real headers are not found. Service clients and request
// types are declared after this text, per file, from what the file names.
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace Aws {
using String = std::string;
using OStringStream = std::ostringstream;
template <class T>
using Vector = std::vector<T>;
template <class K, class V>
using Map = std::map<K, V>;
struct SDKOptions {
  struct LoggingOptions {
    int logLevel = 0;
  } loggingOptions;
};
void InitAPI(const SDKOptions& options);
void ShutdownAPI(const SDKOptions& options);
template <class T, class... A>
std::shared_ptr<T> MakeShared(const char* tag, A&&... args);
template <class T, class... A>
std::unique_ptr<T> MakeUnique(const char* tag, A&&... args);
template <class T, class... A>
T* New(const char* tag, A&&... args);
template <class T>
void Delete(T* p);
namespace Region {
extern const char US_EAST_1[];
extern const char US_EAST_2[];
extern const char US_WEST_2[];
extern const char EU_WEST_1[];
extern const char EU_CENTRAL_1[];
}  // namespace Region
namespace Client {
struct ClientConfiguration {
  ClientConfiguration();
  Aws::String region;
  Aws::String endpointOverride;
  Aws::String caFile;
  Aws::String userAgent;
  long connectTimeoutMs = 0;
  long requestTimeoutMs = 0;
  unsigned maxConnections = 0;
  bool verifySSL = true;
};
class AWSError {
 public:
  const Aws::String& GetMessage() const;
  const Aws::String& GetExceptionName() const;
  bool ShouldRetry() const;
};
}  // namespace Client
namespace Auth {
class AWSCredentials {
 public:
  AWSCredentials();
  AWSCredentials(const Aws::String& id, const Aws::String& secret, const Aws::String& token = "");
};
class AWSCredentialsProvider {};
class EnvironmentAWSCredentialsProvider : public AWSCredentialsProvider {};
class DefaultAWSCredentialsProviderChain : public AWSCredentialsProvider {};
}  // namespace Auth
namespace Utils {
class ByteBuffer {
 public:
  ByteBuffer();
  ByteBuffer(const unsigned char* data, std::size_t size);
};
namespace Json {
class JsonView;
class JsonValue {
 public:
  JsonValue();
  JsonValue(const Aws::String& text);
  bool WasParseSuccessful() const;
  const Aws::String& GetErrorMessage() const;
  JsonView View() const;
  JsonValue& WithString(const Aws::String& key, const Aws::String& value);
  JsonValue& WithInteger(const Aws::String& key, int value);
  JsonValue& WithInt64(const Aws::String& key, long long value);
  JsonValue& WithDouble(const Aws::String& key, double value);
  JsonValue& WithBool(const Aws::String& key, bool value);
  JsonValue& WithObject(const Aws::String& key, const JsonValue& value);
};
class JsonView {
 public:
  JsonView();
  JsonView(const JsonValue& value);
  Aws::String GetString(const Aws::String& key) const;
  int GetInteger(const Aws::String& key) const;
  long long GetInt64(const Aws::String& key) const;
  double GetDouble(const Aws::String& key) const;
  bool GetBool(const Aws::String& key) const;
  JsonView GetObject(const Aws::String& key) const;
  Aws::Vector<JsonView> GetArray(const Aws::String& key) const;
  bool ValueExists(const Aws::String& key) const;
  bool KeyExists(const Aws::String& key) const;
  Aws::String AsString() const;
  int AsInteger() const;
  JsonView AsObject() const;
  Aws::String WriteCompact(bool treatAsObject = true) const;
  Aws::String WriteReadable(bool treatAsObject = true) const;
};
}  // namespace Json
}  // namespace Utils
}  // namespace Aws
