'use strict';
// Dies mid-run without a word.
require('./lib').speak('crash', () => process.exit(3));
