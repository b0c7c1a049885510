#!/usr/bin/env bash
# Sets up, builds and runs lambdalint on the bundled thumbnail application.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo
echo "$ lambdalint check testdata/apps/thumbnail"
status=0
./build/lambdalint check testdata/apps/thumbnail || status=$?
# 1 means findings were reported, which is what the sample is for.
[ "$status" -le 1 ]
