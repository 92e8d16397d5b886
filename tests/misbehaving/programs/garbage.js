'use strict';
// Answers with a line that is not JSON.
require('./lib').speak('garbage', (req, answer, send) => send('{"type": "result", oops'));
