'use strict';
// Complains on stderr, then dies.
require('./lib').speak('stderr-die', () => {
  process.stderr.write('fatal: cannot model this step\n');
  setTimeout(() => process.exit(1), 10);
});
