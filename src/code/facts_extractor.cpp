#include "code/facts_extractor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>

#include "code/code_facts_json.h"
#include "code/handler_sources.h"
#include "util/sanitizers.h"

extern char** environ;

namespace lambdalint::code {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kOutOfMemoryExit = 3;

CodeFacts extractDirect(const SourceFile& file, Language language, const std::string& symbol, const CppOptions* cpp) {
  if (language == Language::Cpp) return extractCpp(file, cpp ? *cpp : CppOptions{});
  return extractFacts(file, language, symbol);
}

// Facts of a file lambdalint failed on: nothing is claimed about it, so no rule reports a false positive.
CodeFacts failedFacts(const SourceFile& file, Language language, const std::string& why) {
  CodeFacts facts;
  facts.path = file.path();
  facts.language = language;
  facts.handler.found = true;
  facts.complete = false;
  facts.problems.push_back({ProblemKind::Internal,
                            {},
                            "lambdalint could not analyse this file: " + why +
                                "; the other files were checked. Please report it with the file attached"});
  return facts;
}

// Frames: 8-byte little-endian length, then that many bytes of CBOR (CBOR keeps strings byte for byte, where
// JSON text would have to reject or replace invalid UTF-8 in source text and messages).
bool sendAll(int fd, const char* data, size_t size, Clock::time_point deadline) {
  while (size > 0) {
    ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n > 0) {
      data += n;
      size -= static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p{fd, POLLOUT, 0};
      ::poll(&p, 1, static_cast<int>(left));
      continue;
    }
    return false;
  }
  return true;
}

// Reads exactly `size` bytes; false on end of file, error or deadline (`timedOut` tells which).
bool receiveAll(int fd, char* data, size_t size, Clock::time_point deadline, bool& timedOut) {
  while (size > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      timedOut = true;
      return false;
    }
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;
    ssize_t n = ::recv(fd, data, size, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool sendFrame(int fd, const std::vector<uint8_t>& payload, Clock::time_point deadline) {
  char header[8];
  uint64_t size = payload.size();
  for (int i = 0; i < 8; ++i) header[i] = static_cast<char>((size >> (8 * i)) & 0xff);
  return sendAll(fd, header, 8, deadline) &&
         sendAll(fd, reinterpret_cast<const char*>(payload.data()), payload.size(), deadline);
}

bool receiveFrame(int fd, std::vector<uint8_t>& payload, Clock::time_point deadline, bool& timedOut) {
  unsigned char header[8];
  if (!receiveAll(fd, reinterpret_cast<char*>(header), 8, deadline, timedOut)) return false;
  uint64_t size = 0;
  for (int i = 0; i < 8; ++i) size |= static_cast<uint64_t>(header[i]) << (8 * i);
  if (size > (uint64_t{1} << 32)) return false;  // not a frame of ours
  payload.resize(static_cast<size_t>(size));
  return receiveAll(fd, reinterpret_cast<char*>(payload.data()), payload.size(), deadline, timedOut);
}

json cppOptionsToJson(const CppOptions& o) {
  return {{"compileArgs", o.compileArgs},
          {"compileCommands", o.compileCommands},
          {"roots", o.roots},
          {"maxFileBytes", o.maxFileBytes},
          {"useStubs", o.useStubs},
          {"resourceDir", o.resourceDir}};
}

CppOptions cppOptionsFromJson(const json& j) {
  CppOptions o;
  o.compileArgs = j.value("compileArgs", std::vector<std::string>{});
  o.compileCommands = j.value("compileCommands", std::string());
  o.roots = j.value("roots", std::vector<std::string>{});
  o.maxFileBytes = j.value("maxFileBytes", o.maxFileBytes);
  o.useStubs = j.value("useStubs", true);
  o.resourceDir = j.value("resourceDir", std::string());
  return o;
}

// One worker process and the parent's end of its socket.
struct Worker {
  pid_t pid = -1;
  int fd = -1;
};

std::string describeExit(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char* name = sigabbrev_np(sig);
    return std::string("the analysis crashed (signal ") + std::to_string(sig) +
           (name ? std::string(" SIG") + name : "") + ")";
  }
  if (WIFEXITED(status))
    return "the analysis stopped unexpectedly (exit code " + std::to_string(WEXITSTATUS(status)) + ")";
  return "the analysis stopped unexpectedly";
}

class WorkerPool {
 public:
  WorkerPool(std::vector<std::string> command, WorkerLimits limits) : command_(std::move(command)), limits_(limits) {}
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool() {
    for (auto& w : idle_) stop(w, /*kill=*/false);
  }

  CodeFacts extract(const SourceFile& file, Language language, const std::string& symbol, const CppOptions* cpp) {
    json request = {{"path", file.path()},
                    {"language", static_cast<int>(language)},
                    {"symbol", symbol},
                    {"text", json::binary_t(std::vector<uint8_t>(file.text().begin(), file.text().end()))},
                    {"memoryMb", limits_.memoryMb}};
    if (cpp) request["cpp"] = cppOptionsToJson(*cpp);
    std::vector<uint8_t> payload = json::to_cbor(request);

    Worker worker = acquire();
    if (worker.pid < 0) return failedFacts(file, language, "no analysis worker could be started");
    const auto deadline = Clock::now() + std::chrono::seconds(limits_.timeoutSeconds);
    std::vector<uint8_t> reply;
    bool timedOut = false;
    if (sendFrame(worker.fd, payload, deadline) && receiveFrame(worker.fd, reply, deadline, timedOut)) {
      try {
        json answer = json::from_cbor(reply);
        if (answer.contains("error")) {
          release(worker);
          return failedFacts(file, language, answer["error"].get<std::string>());
        }
        CodeFacts facts = factsFromJson(answer.at("facts"));
        if (cpp && cpp->onTiming && answer.contains("milliseconds")) {
          cpp->onTiming(file.path(), answer["milliseconds"].get<double>());
        }
        release(worker);
        return facts;
      } catch (const std::exception& e) {
        stop(worker, true);
        return failedFacts(file, language, std::string("its worker sent a malformed reply (") + e.what() + ")");
      }
    }
    if (timedOut) {
      stop(worker, true);
      return failedFacts(file, language,
                         "the analysis took longer than " + std::to_string(limits_.timeoutSeconds) + " s");
    }
    int status = stop(worker, false);
    if (WIFEXITED(status) && WEXITSTATUS(status) == kOutOfMemoryExit) {
      return failedFacts(file, language,
                         "the analysis ran out of memory (limit " + std::to_string(limits_.memoryMb) + " MB)");
    }
    return failedFacts(file, language, describeExit(status));
  }

 private:
  Worker acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        Worker w = idle_.back();
        idle_.pop_back();
        return w;
      }
    }
    return spawn();
  }

  void release(Worker w) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(w);
  }

  Worker spawn() const {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return {};
    // dup2 onto an fd that is already kWorkerFd would keep its close-on-exec flag.
    int childEnd = fds[1];
    if (childEnd == kWorkerFd) {
      childEnd = ::fcntl(fds[1], F_DUPFD_CLOEXEC, kWorkerFd + 1);
      ::close(fds[1]);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, childEnd, kWorkerFd);
    std::vector<char*> argv;
    for (const auto& a : command_) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = ::posix_spawn(&pid, command_.front().c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(childEnd);
    if (rc != 0) {
      ::close(fds[0]);
      return {};
    }
    return {pid, fds[0]};
  }

  // Ends a worker: closing its socket lets a healthy one exit; `kill` ends a hung one. Returns its wait status.
  static int stop(Worker& w, bool kill) {
    if (kill) ::kill(w.pid, SIGKILL);
    ::close(w.fd);
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    w = {};
    return status;
  }

  std::vector<std::string> command_;
  WorkerLimits limits_;
  std::mutex mutex_;
  std::vector<Worker> idle_;
};

void applyWorkerLimits(size_t memoryMb) {
  rlimit none{0, 0};
  ::setrlimit(RLIMIT_CORE, &none);   // a crash must not leave a core file in the user's repository
  ::setrlimit(RLIMIT_FSIZE, &none);  // the analysis never writes a file
  if (!kAddressSanitizer && memoryMb > 0) {
    rlim_t bytes = static_cast<rlim_t>(memoryMb) * 1024 * 1024;
    rlimit memory{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &memory);
  }
}

}  // namespace

FactsExtractor inProcessExtractor() { return extractDirect; }

FactsExtractor isolatedExtractor(std::vector<std::string> command, WorkerLimits limits) {
  auto pool = std::make_shared<WorkerPool>(std::move(command), limits);
  return [pool](const SourceFile& file, Language language, const std::string& symbol, const CppOptions* cpp) {
    return pool->extract(file, language, symbol, cpp);
  };
}

int runAnalysisWorker(int fd) {
  bool limited = false;
  const auto never = Clock::time_point::max();
  std::vector<uint8_t> payload;
  for (;;) {
    bool timedOut = false;
    if (!receiveFrame(fd, payload, never, timedOut)) return 0;  // the parent closed: done
    json reply;
    try {
      json request = json::from_cbor(payload);
      if (!limited) {
        applyWorkerLimits(request.value("memoryMb", size_t{0}));
        limited = true;
      }
      const auto& bytes = request.at("text").get_binary();
      SourceFile file(request.at("path").get<std::string>(), std::string(bytes.begin(), bytes.end()));
      auto language = static_cast<Language>(request.at("language").get<int>());
      std::string symbol = request.value("symbol", std::string());
      CodeFacts facts;
      if (request.contains("cpp")) {
        CppOptions cpp = cppOptionsFromJson(request["cpp"]);
        double milliseconds = -1;
        cpp.onTiming = [&](const std::string&, double ms) { milliseconds = ms; };
        facts = extractDirect(file, language, symbol, &cpp);
        if (milliseconds >= 0) reply["milliseconds"] = milliseconds;
      } else {
        facts = extractDirect(file, language, symbol, nullptr);
      }
      reply["facts"] = factsToJson(facts);
    } catch (const std::bad_alloc&) {
      return kOutOfMemoryExit;  // the heap may be too short to build a reply: the parent reports the exit
    } catch (const std::exception& e) {
      reply = {{"error", std::string("internal exception: ") + e.what()}};
    }
    if (!sendFrame(fd, json::to_cbor(reply), never)) return 0;
  }
}

}  // namespace lambdalint::code
