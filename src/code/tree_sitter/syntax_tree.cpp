#include "code/tree_sitter/syntax_tree.h"

#include <algorithm>
#include <ctime>
#include <limits>
#include <stdexcept>

#include "code/tree_sitter/tree_cursor.h"
#include "util/embedded.h"

namespace lambdalint::code {
namespace {

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

// Quoted source in a message: binary input must not put control bytes or
// invalid UTF-8 into text, JSON or SARIF output.
std::string printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  return out;
}

// CPU time of the calling thread: unlike wall time it does not grow when
// other processes load the machine.
uint64_t threadCpuMicroseconds() {
  timespec ts{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000u + static_cast<uint64_t>(ts.tv_nsec) / 1000u;
}

// Progress of one parse, reported by tree-sitter every 100 operations.
struct Progress {
  static constexpr uint64_t kOperationsPerCall = 100;
  static constexpr uint64_t kCallsPerClockRead = 8;  // reading the clock is a system call
  uint64_t calls = 0;
  uint64_t maxCalls = 0;
  uint64_t cpuLimit = 0;  // thread CPU microseconds at which to stop; 0: none
  bool cancelled = false;
};

// Returns true to cancel the parse.
bool onProgress(TSParseState* state) {
  auto* p = static_cast<Progress*>(state->payload);
  ++p->calls;
  if (p->calls > p->maxCalls) p->cancelled = true;
  if (p->cpuLimit != 0 && p->calls % Progress::kCallsPerClockRead == 0 && threadCpuMicroseconds() > p->cpuLimit) {
    p->cancelled = true;
  }
  return p->cancelled;
}

const char* readString(void* payload, uint32_t byte, TSPoint, uint32_t* length) {
  auto* text = static_cast<std::string_view*>(payload);
  if (byte >= text->size()) {
    *length = 0;
    return "";
  }
  *length = static_cast<uint32_t>(text->size() - byte);
  return text->data() + byte;
}

}  // namespace

SyntaxTree::SyntaxTree(const SourceFile& file, const TSLanguage* language, const ParseBudget& budget) : file_(file) {
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), language)) {
    throw std::runtime_error("tree-sitter grammar ABI does not match the core library");
  }
  std::string_view text = file.text();
  // tree-sitter offsets are 32-bit: a larger file cannot be parsed at all.
  if (text.size() >= std::numeric_limits<uint32_t>::max()) return;
  Progress progress;
  progress.maxCalls = budget.maxOperations(text.size()) / Progress::kOperationsPerCall;
  if (uint64_t ms = budget.maxCpuMilliseconds(text.size()); ms > 0) {
    progress.cpuLimit = threadCpuMicroseconds() + ms * 1000u;
  }
  TSInput input{&text, readString, TSInputEncodingUTF8, nullptr};
  TSParseOptions options{&progress, onProgress};
  tree_.reset(ts_parser_parse_with_options(parser.get(), nullptr, input, options));
  if (progress.cancelled) tree_.reset();  // never a partial tree: cancelled means not analysed
  operations_ = progress.calls * Progress::kOperationsPerCall;
}

std::string_view SyntaxTree::text(TSNode node) const {
  auto all = file_.text();
  uint32_t begin = startByte(node);
  uint32_t end = endByte(node);
  if (begin > all.size() || end > all.size() || end < begin) return {};
  return all.substr(begin, end - begin);
}

Range SyntaxTree::range(TSNode node) const {
  if (isNull(node)) return {};
  return {file_.positionAt(startByte(node)), file_.positionAt(endByte(node))};
}

std::vector<ParseProblem> SyntaxTree::syntaxErrors(size_t limit) const {
  std::vector<ParseProblem> out;
  TSNode r = root();
  if (!hasError(r)) return out;
  std::vector<TSNode> stack{r};
  while (!stack.empty() && out.size() < limit) {
    TSNode n = stack.back();
    stack.pop_back();
    if (isError(n) || isMissing(n)) {
      std::string message = isMissing(n) ? "syntax error: missing " + std::string(type(n))
                                         : "syntax error: unexpected '" + printable(text(n).substr(0, 40)) + "'";
      out.push_back({ProblemKind::Syntax, range(n), std::move(message)});
      continue;
    }
    if (!hasError(n)) continue;
    // Children in reverse so errors come out in source order. ts_node_child(i)
    // is linear in i: a cursor lists the children in one pass.
    size_t mark = stack.size();
    TreeCursor cursor(n);
    for (bool more = cursor.gotoFirstChild(); more; more = cursor.gotoNextSibling()) stack.push_back(cursor.node());
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
  }
  return out;
}

QueryPtr compileQuery(const TSLanguage* language, std::string_view stem) {
  std::string_view source = embeddedQuery(stem);
  if (source.empty()) throw std::runtime_error("no embedded query " + std::string(stem));
  uint32_t errorOffset = 0;
  TSQueryError error = TSQueryErrorNone;
  QueryPtr q(ts_query_new(language, source.data(), static_cast<uint32_t>(source.size()), &errorOffset, &error));
  if (!q) {
    throw std::runtime_error("query " + std::string(stem) + ".scm does not compile at offset " +
                             std::to_string(errorOffset) + " (error " + std::to_string(error) + ")");
  }
  return q;
}

}  // namespace lambdalint::code
