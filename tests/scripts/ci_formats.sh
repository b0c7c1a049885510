#!/usr/bin/env bash
# The CI report formats carry the same findings as the JSON report, in the shape their readers expect:
# JUnit XML (well-formed UTF-8; testsuites > testsuite > testcase > failure, counts consistent) and GitLab
# Code Quality (an array of issues with the documented fields, unique fingerprints, paths relative to the
# repository).
# usage: ci_formats.sh LAMBDALINT SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$src"
status=0
for target in testdata/apps/thumbnail testdata/apps/eventbridge-consumer testdata/malformed; do
  name=$(basename "$target")
  for format in json junit gitlab; do
    "$bin" check "$target" --no-config --format "$format" -o "$out/$name.$format" 2>/dev/null
    rc=$?
    [ $rc -le 1 ] || { echo "FAIL: $format on $target exited $rc"; status=1; }
  done
  python3 - "$out/$name" <<'PY' || status=1
import json, sys, xml.etree.ElementTree as ET
base = sys.argv[1]
diags = json.load(open(base + ".json"))["diagnostics"]

root = ET.parse(base + ".junit").getroot()
assert root.tag == "testsuites", root.tag
failures = root.findall("./testsuite/testcase/failure")
assert len(failures) == len(diags), (len(failures), len(diags))
assert int(root.get("failures")) == len(diags)
assert int(root.get("tests")) == len(root.findall("./testsuite/testcase"))
for suite in root.findall("testsuite"):
    assert suite.get("name"), "a suite without a name"
    assert int(suite.get("tests")) == len(suite.findall("testcase"))
    assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
for f in failures:
    assert f.get("type") in ("error", "warning", "note"), f.get("type")
    assert f.get("message")

issues = json.load(open(base + ".gitlab"))
assert isinstance(issues, list) and len(issues) == len(diags), (len(issues), len(diags))
assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints must be unique"
for i in issues:
    assert set(i) >= {"description", "check_name", "fingerprint", "severity", "location"}, i
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i["severity"]
    assert isinstance(i["location"]["lines"]["begin"], int) and i["location"]["lines"]["begin"] >= 1
    assert not i["location"]["path"].startswith("/"), i["location"]["path"]
print(f"{base}: {len(diags)} findings in JUnit and Code Quality")
PY
done
exit $status
