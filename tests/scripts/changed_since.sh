#!/usr/bin/env bash
# --changed-since in a scratch git repository: only findings on lines changed since the revision (committed,
# staged, unstaged) and in untracked files are reported; the repository's own git configuration (external
# diff drivers, fsmonitor hooks) is never executed.
# usage: changed_since.sh LAMBDALINT SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
g() { git -C "$repo" -c user.name=t -c user.email=t@t "$@"; }

g init -q
cp "$src/testdata/rules/IAM003/bad.yaml" "$repo/template.yaml"
g add template.yaml && g commit -qm base

# A hostile repository configuration: both would run a command if lambdalint let git use them.
g config core.fsmonitor "touch $repo/PWNED-fsmonitor"
g config diff.external "touch $repo/PWNED-diff"
cd "$repo"

"$bin" check . --no-config --changed-since HEAD --format json >out 2>err
rc=$?
[ $rc -eq 0 ] || fail "nothing changed since HEAD: exit $rc, $(cat err)"
grep -q '"diagnostics": \[\]' out || fail "findings reported with no change: $(cat out)"
grep -q "not changed since HEAD not reported" err || fail "no count of the hidden findings: $(cat err)"

# One new unstaged function: its findings only.
cat >>template.yaml <<'YAML'
  NewAdmin:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies: [AdministratorAccess]
YAML
"$bin" check . --no-config --changed-since HEAD --select IAM003 --format json >out 2>err
rc=$?
[ $rc -eq 1 ] || fail "a finding on a changed line must fail the run (exit $rc): $(cat err)"
python3 - "$repo/out" <<'PY' || fail "only the new function's IAM003: $(cat out)"
import json, sys
diags = json.load(open(sys.argv[1]))["diagnostics"]
assert [d["resource"] for d in diags] == ["NewAdmin"], [(d["rule"], d["resource"], d["start"]["line"]) for d in diags]
PY

# An untracked template is new as a whole.
mkdir -p other && cp "$src/testdata/rules/IAM003/bad.yaml" other/template.yaml
"$bin" check other --no-config --changed-since HEAD --select IAM003 --format json >out 2>err
grep -q '"resource": "Admin"' out || fail "an untracked file's findings must all be reported: $(cat out)"

[ ! -e PWNED-fsmonitor ] || fail "the repository's fsmonitor hook was executed"
[ ! -e PWNED-diff ] || fail "the repository's external diff driver was executed"

# Unknown revisions and option-like revisions are usage errors, never passed to git as options.
"$bin" check . --no-config --changed-since no-such-revision >out 2>err
[ $? -eq 2 ] || fail "an unknown revision must exit 2"
"$bin" check . --no-config --changed-since=--output=/tmp/x >out 2>err
[ $? -eq 2 ] || fail "an option-like revision must exit 2"
grep -q "is not a revision" err || fail "option-like revision message: $(cat err)"

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "changed-since: all checks passed"
