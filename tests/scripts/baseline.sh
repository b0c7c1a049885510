#!/usr/bin/env bash
# Baselines in a scratch git repository: --write-baseline records today's findings; later runs with
# --baseline report only new ones, whatever lines moved and from whichever folder of the repository.
# usage: baseline.sh LAMBDALINT SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mkdir -p "$repo/infra"
git -C "$repo" init -q
cp "$src/testdata/rules/IAM003/bad.yaml" "$repo/infra/template.yaml"
cd "$repo"

"$bin" check . --no-config --write-baseline baseline.json >out 2>err
[ $? -eq 0 ] || fail "--write-baseline should exit 0: $(cat err)"
grep -q "recorded [1-9][0-9]* findings in baseline.json" err || fail "no summary of the baseline: $(cat err)"
recorded=$(grep -c '"fingerprint"' baseline.json)
[ "$recorded" -ge 4 ] || fail "expected the fixture's findings in the baseline, got $recorded"

# Unrelated lines added above every finding: nothing new.
sed -i '1a Description: lines moved by an unrelated edit' infra/template.yaml
"$bin" check . --no-config --baseline baseline.json >out 2>err
rc=$?
[ $rc -eq 0 ] || fail "baselined findings must not fail the run (exit $rc): $(cat out)"
grep -q "$recorded findings hidden by the baseline" err || fail "hidden count missing: $(cat err)"

# The same from a subfolder: fingerprints are relative to the repository's top level.
(cd infra && "$bin" check . --no-config --baseline ../baseline.json >../out 2>../err)
rc=$?
[ $rc -eq 0 ] || fail "from a subfolder the baseline must still hold (exit $rc): $(cat out)"

# A new problem is reported, alone.
cat >>infra/template.yaml <<'YAML'
  NewAdmin:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies: [AdministratorAccess]
YAML
"$bin" check . --no-config --baseline baseline.json --format json >out 2>err
rc=$?
[ $rc -eq 1 ] || fail "a new finding must fail the run (exit $rc)"
python3 - "$repo/out" <<'PY' || fail "the new function's findings only: $(cat out)"
import json, sys
diags = json.load(open(sys.argv[1]))["diagnostics"]
assert diags, "nothing reported"
assert all(d["resource"] == "NewAdmin" for d in diags), [(d["rule"], d["resource"]) for d in diags]
assert any(d["rule"] == "IAM003" for d in diags)
PY

# A file that is not a baseline is a usage error.
echo '{"findings": []}' >not-a-baseline.json
"$bin" check . --no-config --baseline not-a-baseline.json >out 2>err
[ $? -eq 2 ] || fail "a bad baseline must exit 2"
grep -q "not a lambdalint baseline" err || fail "bad baseline message: $(cat err)"
"$bin" check . --no-config --baseline missing.json >out 2>err
[ $? -eq 2 ] || fail "a missing baseline must exit 2"

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "baseline: all checks passed"
