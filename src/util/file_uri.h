#pragma once
// file:// URIs for local paths (RFC 8089 / RFC 3986 percent-encoding), shared by the SARIF reporter and the
// language server.
#include <optional>
#include <string>
#include <string_view>

namespace lambdalint {

// Every byte outside the unreserved set and `/` percent-encoded: "a b/c" -> "a%20b/c".
std::string percentEncodePath(std::string_view path);

// "file:///abs/path" for an absolute path (a relative one gets a leading slash).
std::string pathToUri(std::string_view path);

// The local path of a file:// URI (host empty or localhost), percent-decoded; nullopt for other URIs.
std::optional<std::string> uriToPath(std::string_view uri);

}  // namespace lambdalint
