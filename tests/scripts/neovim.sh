#!/usr/bin/env bash
# The README's Neovim configuration, as written there, attaches lambdalint to a template in a headless
# Neovim and shows its findings as diagnostics (Debian's Neovim 0.7 in CI; skipped where nvim is missing).
# usage: neovim.sh LAMBDALINT SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
command -v nvim >/dev/null 2>&1 || { echo "SKIP: nvim not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -n '/<!-- neovim:begin -->/,/<!-- neovim:end -->/p' "$src/README.md" | sed '1,2d;$d' | sed '$d' >"$work/init.lua"
grep -q "lambdalint" "$work/init.lua" || { echo "FAIL: no Neovim snippet between the README markers"; exit 1; }
cp "$src/testdata/rules/IAM003/bad.yaml" "$work/template.yaml"
mkdir -p "$work/bin" && ln -s "$bin" "$work/bin/lambdalint"
# Wait up to 20 s for the diagnostics, then print them.
PATH="$work/bin:$PATH" HOME="$work" XDG_CONFIG_HOME="$work" XDG_DATA_HOME="$work" XDG_STATE_HOME="$work" \
  timeout 60 nvim --headless -n -u "$work/init.lua" "$work/template.yaml" \
  -c 'lua for _ = 1, 200 do if #vim.diagnostic.get(0) > 0 then break end vim.wait(100) end' \
  -c 'lua for _, d in ipairs(vim.diagnostic.get(0)) do io.stdout:write((d.code or "?") .. " " .. (d.lnum + 1) .. "\n") end' \
  -c 'qa!' >"$work/out" 2>&1
cat "$work/out"
grep -q "^IAM003 11$" "$work/out" || { echo "FAIL: the README's Neovim setup shows no IAM003 on line 11"; exit 1; }
echo "neovim: $(nvim --version | head -1) shows lambdalint's diagnostics"
