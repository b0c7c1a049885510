// The template layer: one node tree for YAML and JSON, positions on every
// node, short-form intrinsics normalized to the long form.
#include <gtest/gtest.h>

#include "model/flat_value.h"
#include "template/document.h"

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
  EXPECT_EQ(c->range.begin.offset, 13u);  // "a: 1\n" + "b:\n" + "  c: "
  EXPECT_EQ(c->range.end.column, 11u);  // code points: "x😀y" plus quotes is 5
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

}  // namespace
