#!/usr/bin/env bash
# Drives Debian's real pre-commit with this repository's .pre-commit-hooks.yaml:
# a commit with a bad template is blocked, a clean one goes through.
# Usage: pre_commit.sh LAMBDALINT SOURCE_DIR
set -euo pipefail
lambdalint=$(realpath "$1")
src=$(realpath "$2")
if ! command -v pre-commit >/dev/null; then
  echo "SKIP: pre-commit is not installed (scripts/setup.sh installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" PATH="$(dirname "$lambdalint"):$PATH"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid

# A hook repository holding exactly the working tree's hook definition.
hooks="$work/hooks"
git init -q "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

app="$work/app"
git init -q "$app"
cd "$app"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: lambdalint
YAML
git add .pre-commit-config.yaml
git commit -qm config --no-verify
pre-commit install >/dev/null

cat > template.yaml <<'YAML'
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
YAML
git add template.yaml
if git commit -qm bad >"$work/bad.log" 2>&1; then
  echo "FAIL: the commit of a template with AdministratorAccess went through"
  cat "$work/bad.log"
  exit 1
fi
grep -q "IAM003" "$work/bad.log" || { echo "FAIL: the hook output does not name IAM003"; cat "$work/bad.log"; exit 1; }
echo "ok: commit blocked by IAM003"

sed -i 's|arn:aws:iam::aws:policy/AdministratorAccess|arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole|' template.yaml
git add template.yaml
if ! git commit -qm good >"$work/good.log" 2>&1; then
  echo "FAIL: the clean commit was blocked"
  cat "$work/good.log"
  exit 1
fi
echo "ok: clean commit let through"
