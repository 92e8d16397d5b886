#!/usr/bin/env node
'use strict';
// The reapcheck command: runs the compiled CLI from dist/ (built by `npm run build`, and by the
// package's prepare script on `npm ci`).
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'cli', 'main.js');
let cli;
try {
  cli = require(entry);
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(entry)) {
    process.stderr.write('reapcheck: the command is not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  throw e;
}
// A reader that went away (`reapcheck run ... | head`) is not an error of the run.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
cli.main(process.argv.slice(2)).then((code) => process.exit(code));
