// YAML through libyaml's event API, building our Node tree with an explicit
// stack (no recursion, so nesting depth cannot overflow the C++ stack).
#include <yaml.h>

#include <memory>
#include <unordered_set>

#include "template/document.h"

namespace lambdalint {
namespace {

struct Frame {
  Node node;
  bool haveKey = false;
  Node pendingKey;
  std::unordered_set<std::string> seenKeys;
};

class YamlBuilder {
 public:
  YamlBuilder(Document& doc, const ParseLimits& limits) : doc_(doc), file_(*doc.file), limits_(limits) {}

  void run() {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&parser, yaml_parser_delete);
    auto text = file_.text();
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    int documents = 0;
    while (true) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        reportParserError(parser);
        return;
      }
      std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> eventGuard(&event, yaml_event_delete);
      switch (event.type) {
        case YAML_STREAM_END_EVENT:
          return;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents == 2) {
            problem(ProblemKind::Syntax, rangeOf(event),
                    "more than one YAML document in the file; CloudFormation reads a single document");
          }
          break;
        case YAML_SCALAR_EVENT:
          if (documents == 1) attach(scalar(event));
          break;
        case YAML_ALIAS_EVENT:
          if (documents == 1) attach(alias(event));
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (documents == 1) {
            if (stack_.size() >= limits_.maxDepth) {
              problem(ProblemKind::Syntax, rangeOf(event),
                      "nesting is deeper than " + std::to_string(limits_.maxDepth) + " levels; stopped reading");
              doc_.complete = false;
              unwind();
              return;
            }
            open(event);
          }
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          if (documents == 1) close(event);
          break;
        default:
          break;
      }
    }
  }

 private:
  Range rangeOf(const yaml_event_t& e) const {
    return {file_.positionAtLineColumn(e.start_mark.line + 1, e.start_mark.column + 1),
            file_.positionAtLineColumn(e.end_mark.line + 1, e.end_mark.column + 1)};
  }

  static std::string tagOf(const yaml_char_t* tag) { return tag ? reinterpret_cast<const char*>(tag) : std::string(); }

  void problem(ProblemKind kind, Range range, std::string message) {
    doc_.problems.push_back({kind, range, std::move(message)});
  }

  void noteAnchor(const yaml_char_t* anchor, const yaml_event_t& e) {
    if (anchor) {
      problem(ProblemKind::Alias, rangeOf(e),
              "YAML anchor &" + std::string(reinterpret_cast<const char*>(anchor)) +
                  " is not supported by CloudFormation; repeat the value or use a parameter");
    }
  }

  Node scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    noteAnchor(s.anchor, e);
    Node n;
    n.range = rangeOf(e);
    n.value.assign(reinterpret_cast<const char*>(s.value), s.length);
    n.tag = tagOf(s.tag);
    n.quoted = s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ||
               s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE;
    bool plainNull = !n.quoted && n.tag.empty() &&
                     (n.value.empty() || n.value == "~" || n.value == "null" || n.value == "Null" || n.value == "NULL");
    n.kind = plainNull ? NodeKind::Null : NodeKind::Scalar;
    return applyShortForm(std::move(n));
  }

  Node alias(const yaml_event_t& e) {
    Node n;
    n.kind = NodeKind::Alias;
    n.range = rangeOf(e);
    n.value = reinterpret_cast<const char*>(e.data.alias.anchor);
    // Never expanded: an alias bomb stays one node. The anchor it names is
    // the reported problem; one finding per alias would only repeat it.
    return n;
  }

  // `!GetAtt A.B` -> {Fn::GetAtt: [A, B]}, `!Ref X` -> {Ref: X}, ...
  Node applyShortForm(Node n) {
    if (n.tag.size() < 2 || n.tag[0] != '!' || n.tag[1] == '!') return n;
    std::string_view longName = longFormOfTag(n.tag);
    if (longName.empty()) return n;
    Node key;
    key.kind = NodeKind::Scalar;
    key.value = std::string(longName);
    key.range = {n.range.begin, n.range.begin};
    Node wrapper;
    wrapper.kind = NodeKind::Mapping;
    wrapper.shortForm = true;
    wrapper.range = n.range;
    wrapper.tag = n.tag;
    n.tag.clear();
    if (longName == "Fn::GetAtt" && n.kind == NodeKind::Scalar) {
      n = splitGetAtt(std::move(n));
    }
    wrapper.entries.push_back({std::move(key), std::move(n)});
    return wrapper;
  }

  static Node splitGetAtt(Node n) {
    auto dot = n.value.find('.');
    if (dot == std::string::npos) return n;
    Node seq;
    seq.kind = NodeKind::Sequence;
    seq.range = n.range;
    Node logical = n;
    logical.value = n.value.substr(0, dot);
    Node attribute = n;
    attribute.value = n.value.substr(dot + 1);
    seq.items.push_back(std::move(logical));
    seq.items.push_back(std::move(attribute));
    return seq;
  }

  void open(const yaml_event_t& e) {
    Frame f;
    bool isMap = e.type == YAML_MAPPING_START_EVENT;
    f.node.kind = isMap ? NodeKind::Mapping : NodeKind::Sequence;
    f.node.range = rangeOf(e);
    f.node.tag = tagOf(isMap ? e.data.mapping_start.tag : e.data.sequence_start.tag);
    noteAnchor(isMap ? e.data.mapping_start.anchor : e.data.sequence_start.anchor, e);
    stack_.push_back(std::move(f));
  }

  void close(const yaml_event_t& e) {
    if (stack_.empty()) return;
    Node n = std::move(stack_.back().node);
    stack_.pop_back();
    n.range.end = rangeOf(e).end;
    attach(applyShortForm(std::move(n)));
  }

  void attach(Node n) {
    if (stack_.empty()) {
      doc_.root = std::move(n);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.kind == NodeKind::Sequence) {
      f.node.items.push_back(std::move(n));
      return;
    }
    if (!f.haveKey) {
      f.pendingKey = std::move(n);
      f.haveKey = true;
      return;
    }
    if (f.pendingKey.kind == NodeKind::Scalar && !f.seenKeys.insert(f.pendingKey.value).second) {
      problem(ProblemKind::DuplicateKey, f.pendingKey.range,
              "duplicate key '" + f.pendingKey.value + "'; CloudFormation keeps only one of them");
    }
    f.node.entries.push_back({std::move(f.pendingKey), std::move(n)});
    f.pendingKey = Node();
    f.haveKey = false;
  }

  // After a syntax error, keep what was read so rules can still look at it.
  void unwind() {
    while (!stack_.empty()) {
      Node n = std::move(stack_.back().node);
      bool danglingKey = stack_.back().haveKey;
      Node key = std::move(stack_.back().pendingKey);
      stack_.pop_back();
      if (danglingKey) {
        n.entries.push_back({std::move(key), Node()});
      }
      attach(std::move(n));
    }
  }

  void reportParserError(const yaml_parser_t& parser) {
    Position pos;
    if (parser.error == YAML_READER_ERROR) {
      pos = file_.positionAt(parser.problem_offset);
    } else {
      pos = file_.positionAtLineColumn(parser.problem_mark.line + 1, parser.problem_mark.column + 1);
    }
    std::string message = parser.problem ? parser.problem : "invalid YAML";
    if (parser.context) message = std::string(parser.context) + ": " + message;
    if (parser.error == YAML_READER_ERROR) message = "cannot read file as UTF-8 text: " + message;
    problem(ProblemKind::Syntax, {pos, pos}, message);
    doc_.complete = false;
    unwind();
  }

  Document& doc_;
  const SourceFile& file_;
  const ParseLimits& limits_;
  std::vector<Frame> stack_;
};

}  // namespace

Document parseYaml(SourceFilePtr file, const ParseLimits& limits) {
  Document doc;
  doc.file = std::move(file);
  YamlBuilder(doc, limits).run();
  return doc;
}

Document parseDocument(SourceFilePtr file, const ParseLimits& limits) {
  for (char c : file->text()) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '{' || c == '[') return parseJson(std::move(file), limits);
    break;
  }
  return parseYaml(std::move(file), limits);
}

}  // namespace lambdalint
