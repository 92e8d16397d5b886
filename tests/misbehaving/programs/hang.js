'use strict';
// Starts a child of its own, then never answers: the runner must time out and kill both.
const { spawn } = require('node:child_process');
require('./lib').speak('hang', () => {
  spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', '--', ...process.argv.filter((a) => a.startsWith('--marker'))], { stdio: 'ignore' });
});
