// The template layer: one node tree for YAML and JSON, positions on every
// node, short-form intrinsics normalized to the long form.
#include <gtest/gtest.h>

#include <random>

#include "template/document.h"
#include "template/flat_value.h"

using namespace lambdalint;

namespace {

Document yaml(std::string text) { return parseYaml(std::make_shared<SourceFile>("t.yaml", std::move(text))); }
Document json(std::string text) { return parseJson(std::make_shared<SourceFile>("t.json", std::move(text))); }

TEST(Template, YamlPositionsAreExact) {
  Document d = yaml("a: 1\nb:\n  c: \"x😀y\"\n  d: [1, 2]\n");
  ASSERT_TRUE(d.problems.empty());
  const Node* c = d.root.at({"b", "c"});
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, "x😀y");
  EXPECT_EQ(c->range.begin.line, 3u);
  EXPECT_EQ(c->range.begin.column, 6u);
  EXPECT_EQ(c->range.begin.offset, 13u);     // "a: 1\n" + "b:\n" + "  c: "
  EXPECT_EQ(c->range.end.column, 11u);       // code points: "x😀y" plus quotes is 5
  EXPECT_EQ(c->range.end.offset, 13u + 8u);  // the emoji is 4 bytes
  const Node* key = d.root.at({"b"})->keyNode("d");
  EXPECT_EQ(key->range.begin.line, 4u);
  EXPECT_EQ(key->range.begin.column, 3u);
}

TEST(Template, JsonPositionsAreExact) {
  Document d = json("{\n  \"a\": {\"b\": [1, \"x\"]},\n  \"c\": null\n}\n");
  ASSERT_TRUE(d.problems.empty()) << d.problems[0].message;
  const Node* b = d.root.at({"a", "b"});
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(b->isSequence());
  EXPECT_EQ(b->range.begin.line, 2u);
  EXPECT_EQ(b->range.begin.column, 14u);
  EXPECT_EQ(b->range.end.column, 22u);  // one past ']'
  EXPECT_EQ(b->items[1].value, "x");
  EXPECT_TRUE(b->items[1].quoted);
  EXPECT_EQ(b->items[1].range.begin.column, 18u);
  EXPECT_EQ(d.root.keyNode("c")->range.begin.line, 3u);
  EXPECT_TRUE(d.root.get("c")->isNull());
  EXPECT_EQ(d.root.range.end.line, 4u);
}

TEST(Template, ShortAndLongFormsAreTheSameNode) {
  Document s = yaml(
      "a: !Ref X\nb: !GetAtt Y.Arn\nc: !Sub 'arn:${AWS::Partition}:s3:::${B}/*'\nd: !If [C, !Ref X, !Ref "
      "AWS::NoValue]\ne: !Join ['', [a, !GetAtt Z.Arn]]\n");
  Document l = json(
      R"({"a": {"Ref": "X"}, "b": {"Fn::GetAtt": ["Y", "Arn"]}, "c": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${B}/*"},)"
      R"( "d": {"Fn::If": ["C", {"Ref": "X"}, {"Ref": "AWS::NoValue"}]}, "e": {"Fn::Join": ["", ["a", {"Fn::GetAtt": ["Z", "Arn"]}]]}})");
  ASSERT_TRUE(s.problems.empty());
  ASSERT_TRUE(l.problems.empty());
  for (const char* key : {"a", "b", "c", "d", "e"}) {
    SCOPED_TRACE(key);
    const Node* a = s.root.get(key);
    const Node* b = l.root.get(key);
    EXPECT_EQ(a->intrinsic(), b->intrinsic());
    EXPECT_TRUE(a->shortForm);
    EXPECT_FALSE(b->shortForm);
    EXPECT_EQ(flatten(*a).text, flatten(*b).text);
    EXPECT_EQ(flatten(*a).refs, flatten(*b).refs);
  }
  EXPECT_EQ(flatten(*s.root.get("b")).text, "${Y.Arn}");
  EXPECT_EQ(flatten(*s.root.get("e")).text, "a${Z.Arn}");
  EXPECT_EQ(flatten(*s.root.get("c")).refs, std::vector<std::string>{"B"});
  EXPECT_FALSE(flatten(*s.root.get("d")).known);
  EXPECT_EQ(flatten(*s.root.get("d")).refs, std::vector<std::string>{"X"});
}

TEST(Template, SubWithVariableMapSubstitutes) {
  Document d = yaml("v: !Sub ['arn:aws:s3:::${Name}/*', {Name: !Ref Bucket}]\nw: !Sub 'literal ${!NotAVar}'\n");
  FlatValue v = flatten(*d.root.get("v"));
  EXPECT_EQ(v.text, "arn:aws:s3:::${Bucket}/*");
  EXPECT_EQ(v.refs, std::vector<std::string>{"Bucket"});
  EXPECT_EQ(flatten(*d.root.get("w")).text, "literal ${NotAVar}");
  EXPECT_TRUE(flatten(*d.root.get("w")).refs.empty());
}

TEST(Template, DuplicateKeysAreKeptAndReported) {
  Document d = yaml("a: 1\na: 2\n");
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].kind, ProblemKind::DuplicateKey);
  EXPECT_EQ(d.problems[0].range.begin.line, 2u);
  EXPECT_EQ(d.root.entries.size(), 2u);
  Document j = json(R"({"a": 1, "a": 2})");
  ASSERT_EQ(j.problems.size(), 1u);
  EXPECT_EQ(j.problems[0].range.begin.column, 10u);
}

TEST(Template, JsonIsStrict) {
  EXPECT_FALSE(json(R"({"a": 1,})").problems.empty());
  EXPECT_FALSE(json(R"({"a": 1} x)").problems.empty());
  Document emoji = json(R"({"a": "\ud83d\ude00"})");
  EXPECT_TRUE(emoji.problems.empty());
  EXPECT_EQ(emoji.root.get("a")->value, "😀");
}

TEST(Template, YamlScalarsKeepTheirStyle) {
  Document d = yaml("a: ~\nb: ''\nc: 'true'\nd: true\ne: 30\n");
  EXPECT_TRUE(d.root.get("a")->isNull());
  EXPECT_TRUE(d.root.get("b")->isScalar());
  EXPECT_FALSE(d.root.get("c")->asBool().has_value() && !d.root.get("c")->quoted);
  EXPECT_EQ(d.root.get("d")->asBool(), true);
  EXPECT_EQ(d.root.get("e")->asInt(), 30);
}

TEST(Template, BrokenYamlKeepsWhatWasRead) {
  Document d = yaml("Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B: [unclosed\n");
  ASSERT_FALSE(d.problems.empty());
  EXPECT_FALSE(d.complete);
  ASSERT_NE(d.root.at({"Resources", "A", "Type"}), nullptr);
  EXPECT_EQ(d.root.at({"Resources", "A", "Type"})->value, "AWS::SQS::Queue");
}

TEST(Template, ParseDocumentPicksTheParserByContent) {
  Document j = parseDocument(std::make_shared<SourceFile>("x.template", "  {\"a\": 1}"));
  EXPECT_TRUE(j.problems.empty());
  EXPECT_EQ(j.root.get("a")->value, "1");
  Document y = parseDocument(std::make_shared<SourceFile>("x.json", "a: 1"));
  EXPECT_EQ(y.root.get("a")->value, "1");
}

// Positions by the definition, in one pass over the text: the column counts
// the non-continuation bytes from the line start (code points in UTF-8).
std::vector<Position> referencePositions(std::string_view text) {
  std::vector<Position> out;
  Position p{0, 1, 1};
  for (size_t i = 0; i <= text.size(); ++i) {
    p.offset = static_cast<uint32_t>(i);
    out.push_back(p);
    if (i == text.size()) break;
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return out;
}

// Offsets of columns 1, 2, ... of the line at `lineStart`: column c is c - 1
// steps from the line start, a step being one byte plus the continuation
// bytes after it, stopping at the newline.
std::vector<size_t> referenceColumnOffsets(std::string_view text, size_t lineStart) {
  std::vector<size_t> out{lineStart};
  size_t offset = lineStart;
  while (offset < text.size() && text[offset] != '\n') {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
    out.push_back(offset);
  }
  return out;
}

// A long line (far past the checkpoint spacing) of 1- to 4-byte characters,
// with short lines, CRLF and stray continuation bytes around it.
std::string longLineText(uint32_t seed) {
  const char* pieces[] = {"a", "{\"k\":", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x80", "\xBF\xBF"};
  std::mt19937 random(seed);
  std::string text = "first\r\n\xC3\xA9\n\x80x\nx";
  for (int i = 0; i < 8000; ++i) text += pieces[random() % 7];
  text += "\nshort \xF0\x9F\x98\x80\r\n";
  for (int i = 0; i < 3000; ++i) text += pieces[random() % 5];
  return text;
}

TEST(SourcePositions, ExactOnLongLinesWithMultiByteCharacters) {
  for (uint32_t seed : {1u, 2u}) {
    std::string text = longLineText(seed);
    SourceFile file("long.json", text);
    std::vector<Position> want = referencePositions(text);
    for (size_t offset = 0; offset <= text.size() + 2; ++offset) {
      Position got = file.positionAt(offset);
      const Position& w = want[std::min(offset, text.size())];
      ASSERT_EQ(got.offset, w.offset) << offset;
      ASSERT_EQ(got.line, w.line) << offset;
      ASSERT_EQ(got.column, w.column) << offset;
    }
  }
}

TEST(SourcePositions, LineAndColumnToOffsetOnLongLines) {
  std::string text = longLineText(3);
  SourceFile file("long.json", text);
  std::vector<size_t> lineStarts{0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') lineStarts.push_back(i + 1);
  }
  ASSERT_EQ(file.lineCount(), lineStarts.size());
  for (uint32_t line = 1; line <= lineStarts.size(); ++line) {
    std::vector<size_t> offsets = referenceColumnOffsets(text, lineStarts[line - 1]);
    for (uint32_t column = 0; column <= offsets.size() + 2; ++column) {
      size_t want = offsets[std::min<size_t>(column == 0 ? 0 : column - 1, offsets.size() - 1)];
      Position p = file.positionAtLineColumn(line, column);
      ASSERT_EQ(p.offset, want) << line << ":" << column;
      ASSERT_EQ(p.line, line);
      ASSERT_EQ(p.column, column);
    }
  }
  // Round trip on the long line: offset -> line:column -> the same offset.
  for (size_t offset = lineStarts[3]; offset < lineStarts[4]; ++offset) {
    if ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;  // inside a character
    Position p = file.positionAt(offset);
    ASSERT_EQ(file.positionAtLineColumn(p.line, p.column).offset, offset);
  }
  EXPECT_EQ(file.positionAtLineColumn(99999, 1).offset, text.size());
  EXPECT_EQ(file.positionAtLineColumn(0, 1).offset, 0u);
}

TEST(SourcePositions, EmptyAndOneByteFiles) {
  SourceFile empty("e", "");
  EXPECT_EQ(empty.positionAt(5).offset, 0u);
  EXPECT_EQ(empty.positionAt(0).column, 1u);
  EXPECT_EQ(empty.positionAtLineColumn(1, 4).offset, 0u);
  SourceFile one("o", "\xE2");
  EXPECT_EQ(one.positionAt(1).column, 2u);
  EXPECT_EQ(one.positionAtLineColumn(1, 2).offset, 1u);
}

}  // namespace
