// Validates SARIF files against the OASIS SARIF 2.1.0 schema (draft-04).
// Usage: node validate_sarif.js SCHEMA FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const modules = path.join(__dirname, '..', '..', 'third_party', 'node_modules');
const Ajv = require(path.join(modules, 'ajv-draft-04'));
const addFormats = require(path.join(modules, 'ajv-formats'));

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let failed = 0;
for (const file of files) {
  const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!ok) {
    failed++;
    console.error(`${file}: INVALID`);
    for (const e of validate.errors) console.error(`  ${e.instancePath} ${e.message}`);
  }
}
console.log(`${files.length - failed} valid, ${failed} invalid`);
process.exit(failed ? 1 : 0);
