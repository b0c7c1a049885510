// JSON through simdjson's on-demand API. Positions come from pointers into the
// padded buffer; container ends are found by skipping whitespace to the
// closing bracket, which JSON's grammar makes exact.
#include <simdjson.h>

#include <unordered_set>

#include "template/document.h"

namespace lambdalint {
namespace {

namespace od = simdjson::ondemand;

class JsonBuilder {
 public:
  JsonBuilder(Document& doc, const ParseLimits& limits)
      : doc_(doc), file_(*doc.file), limits_(limits), buffer_(file_.text()) {}

  void run() {
    od::parser parser;
    if (auto err = parser.allocate(buffer_.length() + 64, limits_.maxDepth + 1); err) {
      fail(err, nullptr);
      return;
    }
    od::document d;
    if (auto err = parser.iterate(buffer_).get(d); err) {
      fail(err, nullptr);
      return;
    }
    od::value root;
    // A scalar document is not a template; simdjson also refuses it as a value.
    auto rootType = d.type();
    if (rootType.error()) {
      fail(rootType.error(), locationOf(d));
      return;
    }
    if (rootType.value_unsafe() != od::json_type::object && rootType.value_unsafe() != od::json_type::array) {
      Position p = file_.positionAt(0);
      problem({p, p}, "a template must be a JSON object");
      doc_.complete = false;
      return;
    }
    if (auto err = d.get_value().get(root); err) {
      fail(err, locationOf(d));
      return;
    }
    if (!build(root, doc_.root, 1)) {
      fail(error_, locationOf(d));
      return;
    }
    // simdjson 3.0 has no document::at_end(): check the tail ourselves.
    if (!onlyWhitespaceFrom(doc_.root.range.end.offset)) {
      Position p = file_.positionAt(doc_.root.range.end.offset);
      problem({p, p}, "unexpected content after the end of the JSON document");
      doc_.complete = false;
    }
  }

 private:
  const char* base() const { return buffer_.data(); }
  Position positionOf(const char* p) const {
    if (!p) return file_.positionAt(file_.text().size());
    return file_.positionAt(static_cast<size_t>(p - base()));
  }
  static const char* locationOf(od::document& d) {
    const char* loc = nullptr;
    if (d.current_location().get(loc)) return nullptr;
    return loc;
  }
  void problem(Range r, std::string message) { doc_.problems.push_back({ProblemKind::Syntax, r, std::move(message)}); }

  void fail(simdjson::error_code err, const char* where) {
    Position p = positionOf(where);
    problem({p, p}, std::string("invalid JSON: ") + simdjson::error_message(err));
    doc_.complete = false;
  }

  // Offset just past the closing bracket that ends a container whose
  // content ends at `from`.
  const char* closingBracket(const char* from, char bracket) const {
    const char* end = base() + file_.text().size();
    while (from < end && *from != bracket) ++from;
    return from < end ? from + 1 : end;
  }

  bool build(od::value v, Node& out, size_t depth) {
    if (depth > limits_.maxDepth) {
      error_ = simdjson::DEPTH_ERROR;
      return false;
    }
    std::string_view token;
    od::json_type type;
    if ((error_ = v.type().get(type))) return false;
    token = v.raw_json_token();
    const char* start = token.data();
    out.range.begin = positionOf(start);
    out.range.end = out.range.begin;  // until the value is read whole: a syntax error may cut it short
    switch (type) {
      case od::json_type::object: {
        out.kind = NodeKind::Mapping;
        od::object obj;
        if ((error_ = v.get_object().get(obj))) return false;
        const char* last = start + 1;
        std::unordered_set<std::string> seen;
        for (auto field : obj) {
          MapEntry entry;
          od::raw_json_string rawKey;
          if ((error_ = field.key().get(rawKey))) return false;
          std::string_view key;
          if ((error_ = field.unescaped_key().get(key))) return false;
          const char* keyStart = rawKey.raw() - 1;
          entry.key.kind = NodeKind::Scalar;
          entry.key.quoted = true;
          entry.key.value = std::string(key);
          entry.key.range = {positionOf(keyStart), positionOf(closingQuote(rawKey.raw()) + 1)};
          if (!seen.insert(entry.key.value).second) {
            doc_.problems.push_back({ProblemKind::DuplicateKey, entry.key.range,
                                     "duplicate key '" + entry.key.value + "'; CloudFormation keeps only one of them"});
          }
          if (!build(field.value(), entry.value, depth + 1)) return false;
          last = base() + entry.value.range.end.offset;
          out.entries.push_back(std::move(entry));
        }
        out.range.end = positionOf(closingBracket(last, '}'));
        return true;
      }
      case od::json_type::array: {
        out.kind = NodeKind::Sequence;
        od::array arr;
        if ((error_ = v.get_array().get(arr))) return false;
        const char* last = start + 1;
        for (auto element : arr) {
          od::value child;
          if ((error_ = element.get(child))) return false;
          Node n;
          if (!build(child, n, depth + 1)) return false;
          last = base() + n.range.end.offset;
          out.items.push_back(std::move(n));
        }
        out.range.end = positionOf(closingBracket(last, ']'));
        return true;
      }
      case od::json_type::string: {
        std::string_view s;
        if ((error_ = v.get_string().get(s))) return false;
        out.kind = NodeKind::Scalar;
        out.quoted = true;
        out.value = std::string(s);
        out.range.end = positionOf(start + trimmed(token).size());
        return true;
      }
      case od::json_type::number: {
        od::number number;
        auto err = v.get_number().get(number);
        if (err && err != simdjson::NUMBER_OUT_OF_RANGE) {
          error_ = err;
          return false;
        }
        break;
      }
      case od::json_type::boolean: {
        bool b;
        if ((error_ = v.get_bool().get(b))) return false;
        break;
      }
      case od::json_type::null: {
        bool isNull = false;
        if ((error_ = v.is_null().get(isNull))) return false;
        if (!isNull) {
          error_ = simdjson::N_ATOM_ERROR;
          return false;
        }
        out.kind = NodeKind::Null;
        out.value = "null";
        out.range.end = positionOf(start + 4);
        return true;
      }
    }
    std::string_view text = trimmed(token);
    out.kind = NodeKind::Scalar;
    out.value = std::string(text);
    out.range.end = positionOf(start + text.size());
    return true;
  }

  bool onlyWhitespaceFrom(size_t offset) const {
    auto text = file_.text();
    for (size_t i = offset; i < text.size(); ++i) {
      char c = text[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
  }

  static std::string_view trimmed(std::string_view token) {
    while (!token.empty() &&
           (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t' ||
            token.back() == ',' || token.back() == ':' || token.back() == ']' || token.back() == '}')) {
      token.remove_suffix(1);
    }
    return token;
  }

  // The unescaped quote that closes a string whose content starts at `p`.
  const char* closingQuote(const char* p) const {
    const char* end = base() + file_.text().size();
    while (p < end && *p != '"') p += (*p == '\\') ? 2 : 1;
    return p;
  }

  Document& doc_;
  const SourceFile& file_;
  const ParseLimits& limits_;
  simdjson::padded_string buffer_;
  simdjson::error_code error_ = simdjson::SUCCESS;
};

}  // namespace

Document parseJson(SourceFilePtr file, const ParseLimits& limits) {
  Document doc;
  doc.file = std::move(file);
  JsonBuilder(doc, limits).run();
  return doc;
}

}  // namespace lambdalint
