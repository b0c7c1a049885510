#!/usr/bin/env bash
# `lambdalint lsp` end to end: a plain Node.js client (child_process and
# Content-Length framing, no npm package) initializes the real binary, opens
# the IAM003 fixture, expects its findings on the `# expect:` lines (0-based),
# closes it (empty diagnostics), then shuts down and expects exit code 0.
# Usage: lsp_client.sh LAMBDALINT SOURCE_DIR
set -euo pipefail
lambdalint=$1
src=$2
if ! command -v node >/dev/null; then
  echo "SKIP: node is not installed"
  exit 77
fi
exec node - "$lambdalint" "$src" <<'JS'
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const [lambdalint, src] = process.argv.slice(2);
const file = path.resolve(src, 'testdata/rules/IAM003/bad.yaml');
const uri = pathToFileURL(file).href;
const expected = fs.readFileSync(file, 'utf8').split('\n')
  .map((line, i) => (line.includes('# expect: IAM003') ? i : -1)).filter((i) => i >= 0);

const server = spawn(lambdalint, ['lsp', '--no-config'], { stdio: ['pipe', 'pipe', 'inherit'] });
const fail = (msg) => { console.error('FAIL: ' + msg); server.kill(); process.exit(1); };
const timer = setTimeout(() => fail('timed out'), 60000);

const send = (msg) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
};

let buffer = Buffer.alloc(0);
const waiters = [];
const received = [];
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const m = /Content-Length: *(\d+)/i.exec(buffer.slice(0, end).toString());
    if (!m) fail('no Content-Length in ' + buffer.slice(0, end));
    const length = Number(m[1]);
    if (buffer.length < end + 4 + length) return;
    const msg = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.slice(end + 4 + length);
    const i = waiters.findIndex((w) => w.pred(msg));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(msg);
    else received.push(msg);
  }
});
const waitFor = (pred) => new Promise((resolve) => {
  const seen = received.find(pred);
  if (seen) { received.splice(received.indexOf(seen), 1); resolve(seen); return; }
  waiters.push({ pred, resolve });
});
const diagnosticsFor = () => waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri)
  .then((m) => m.params.diagnostics);

(async () => {
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  const init = await waitFor((m) => m.id === 1);
  if (init.result.capabilities.textDocumentSync.change !== 1) fail('textDocumentSync.change is not 1');
  send({ method: 'initialized', params: {} });

  send({ method: 'textDocument/didOpen',
         params: { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } } });
  const diags = await diagnosticsFor();
  const lines = diags.filter((d) => d.code === 'IAM003' && d.source === 'lambdalint')
    .map((d) => d.range.start.line).sort((a, b) => a - b);
  if (JSON.stringify(lines) !== JSON.stringify(expected)) {
    fail(`IAM003 on lines ${JSON.stringify(lines)}, expected ${JSON.stringify(expected)}`);
  }

  send({ id: 2, method: 'textDocument/definition', params: {} });
  const unknown = await waitFor((m) => m.id === 2);
  if (!unknown.error || unknown.error.code !== -32601) fail('unknown method: ' + JSON.stringify(unknown));

  send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
  const cleared = await diagnosticsFor();
  if (cleared.length !== 0) fail('didClose did not clear the diagnostics');

  send({ id: 3, method: 'shutdown' });
  await waitFor((m) => m.id === 3);
  send({ method: 'exit' });
  server.on('exit', (code) => {
    clearTimeout(timer);
    if (code !== 0) fail('exit code ' + code);
    console.log(`ok: ${lines.length} IAM003 findings on lines ${lines.join(', ')}; exit 0`);
    process.exit(0);
  });
})().catch((e) => fail(e.stack || String(e)));
JS
