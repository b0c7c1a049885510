#!/usr/bin/env bash
# Hostile and odd input through the real command: every run ends with exit 0, 1 or 2 within its time limit,
# writes nothing but its --output, reads nothing outside the checked folder, and gives the same report for
# any thread count and for relative or absolute paths.
# usage: robustness.sh LAMBDALINT SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passed=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { passed=$((passed + 1)); }

# run NAME EXPECTED_RCS ARGS...: runs lambdalint with a 60 s limit, output in $tmp/NAME.out
run() {
  local name=$1 expected=$2
  shift 2
  timeout 60 "$bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  local rc=$?
  if [[ " $expected " != *" $rc "* ]]; then
    fail "$name: exit $rc, expected one of [$expected]: $bin $*"
    head -5 "$tmp/$name.err"
    return 1
  fi
  ok
}

expect_in() {  # expect_in NAME TEXT: the output or error of run NAME contains TEXT
  if grep -qF -- "$2" "$tmp/$1.out" "$tmp/$1.err"; then ok; else fail "$1: no '$2' in its output"; fi
}

# --- special files named on the command line and inside folders
mkfifo "$tmp/fifo.yaml"
run fifo-named "2" check --no-config "$tmp/fifo.yaml" && expect_in fifo-named "FIFO"
run devzero-named "2" check --no-config /dev/zero
mkdir -p "$tmp/special/src"
cat >"$tmp/special/template.yaml" <<'YAML'
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: app.handler
      Runtime: nodejs22.x
  Cpp:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: bootstrap
      Runtime: provided.al2023
    Metadata:
      BuildMethod: makefile
YAML
mkfifo "$tmp/special/src/app.js"
mkfifo "$tmp/special/src/pipe.cpp"
ln -s /dev/zero "$tmp/special/src/zero.cpp"
ln -s /dev/zero "$tmp/special/zero.yaml"
run special-files "0 1" check --no-config "$tmp/special"

# --- a missing template file, an unreadable folder
run missing "2" check --no-config "$tmp/does-not-exist"

# --- robustness inputs (testdata/robustness)
run tsconfig "0 1" check --no-config "$src/testdata/robustness/tsconfig-outdir-number"
run nothing-lost "1" check --no-config "$src/testdata/robustness/nothing-lost"
expect_in nothing-lost "broken.yaml"
expect_in nothing-lost "good.yaml"

# --- nothing outside the checked folder is read (copied out of any git work tree)
cp -r "$src/testdata/robustness/codeuri-outside" "$src/testdata/robustness/outside-secret" "$tmp/"
run outside "1" check --no-config --format json "$tmp/codeuri-outside"
if [ "$(grep -o '"rule": *"XRF004"' "$tmp/outside.out" | wc -l)" = 3 ]; then ok; else fail "outside: expected 3 XRF004"; fi
if grep -q '"path": ".*outside-secret\|TOPSECRET' "$tmp/outside.out"; then fail "outside: a file outside was read"; else ok; fi

# --- nothing is written but --output
find "$src/testdata" -newer "$tmp/fifo.yaml" -print >"$tmp/written-before"
before=$(ls -la "$src/testdata/apps" | md5sum)
run apps-sarif "0 1" check --no-config --format sarif -o "$tmp/apps.sarif" "$src/testdata/apps"
after=$(ls -la "$src/testdata/apps" | md5sum)
if [ "$before" = "$after" ]; then ok; else fail "a run changed testdata/apps"; fi
if [ -e /tmp/lambdalint_created_by_include ]; then fail "a stand-in header was written to /tmp"; else ok; fi

# --- the same report for any -j and for relative or absolute paths
(cd "$src" && timeout 120 "$bin" check --no-config --format sarif -j 1 testdata/apps >"$tmp/j1.sarif")
(cd "$src" && timeout 120 "$bin" check --no-config --format sarif -j 8 testdata/apps >"$tmp/j8.sarif")
(cd "$src" && timeout 120 "$bin" check --no-config --format sarif -j 8 "$src/testdata/apps" >"$tmp/abs.sarif")
if cmp -s "$tmp/j1.sarif" "$tmp/j8.sarif"; then ok; else fail "-j 1 and -j 8 differ"; diff "$tmp/j1.sarif" "$tmp/j8.sarif" | head; fi
if cmp -s "$tmp/j1.sarif" "$tmp/abs.sarif"; then ok; else fail "relative and absolute paths differ"; diff "$tmp/j1.sarif" "$tmp/abs.sarif" | head; fi

# --- write errors are errors; an old report survives a failed or interrupted run
run devfull "2" check --no-config --format sarif -o /dev/full "$src/testdata/apps/clean-api" && expect_in devfull "No space"
echo "previous report" >"$tmp/keep.sarif"
(ulimit -f 1; timeout 60 "$bin" check --no-config --format sarif -o "$tmp/keep.sarif" "$src/testdata/apps" >/dev/null 2>"$tmp/ulimit.err")
rc=$?
if [ "$rc" = 2 ]; then ok; else fail "ulimit -f: exit $rc, expected 2"; fi
if [ "$(cat "$tmp/keep.sarif")" = "previous report" ]; then ok; else fail "ulimit -f: the previous report was damaged"; fi
timeout -s INT 0.05 "$bin" check --no-config --format sarif -o "$tmp/keep.sarif" "$src/testdata/apps" >/dev/null 2>&1
if [ "$(cat "$tmp/keep.sarif")" = "previous report" ] || python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/keep.sarif"; then ok; else fail "SIGINT left a damaged report"; fi
if ls "$tmp" | grep -q "lambdalint-.*\.tmp"; then fail "temporary files left next to the report"; else ok; fi
run missing-dir "2" check --no-config -o "$tmp/no/such/dir/x.sarif" "$src/testdata/apps/clean-api"

# --- command-line mistakes fail loudly
run select-typo "2" check --no-config --select IAM01 "$src/testdata/apps/clean-api" && expect_in select-typo "did you mean 'IAM001'"
run ignore-typo "2" check --no-config --ignore iam-wildcard-actions "$src/testdata/apps/clean-api" &&
  expect_in ignore-typo "did you mean 'iam-wildcard-action'"
run area-typo "2" check --no-config --select IAMM "$src/testdata/apps/clean-api"
run area-ok "0 1" check --no-config --select IAM --ignore OPS003 "$src/testdata/apps/clean-api"
run huge-size "2" check --no-config --max-file-size 99999999999999999999 "$src/testdata/apps/clean-api"

echo "$passed passed, $failures failed"
[ "$failures" = 0 ]
